import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { appendAudit } from '../audit/service.js';
import { cardsByIds } from '../cards/read.js';
import { getTenant, tenantDisabled } from '../tenants/service.js';
import { makeWorkbook } from './file.js';
import { COLS, type DeliveryRow, TOKEN_RE, tokenHash } from './model.js';
import { cardIdsOf, eventData, getDelivery } from './service.js';

export type Refusal = 'unknown' | 'expired' | 'used_up' | 'revoked';
export interface Visitor {
  ip: string;
  userAgent: string | null;
}

/** What a link's page says before the download (nothing is counted by reading it). */
export interface LinkInfo {
  delivery: DeliveryRow;
  tenantName: string;
  timeZone: string;
}

const why = (d: DeliveryRow, now: Date): Refusal | null =>
  d.revoked_at ? 'revoked' : d.downloads >= (d.max_downloads ?? 0) ? 'used_up' : new Date(d.expires_at!) <= now ? 'expired' : null;

/** The link's delivery; none for an unknown token, or for a disabled tenant's (its links stop with it). */
async function byToken(ctx: Ctx, q: Sql, token: string): Promise<DeliveryRow | null> {
  if (!TOKEN_RE.test(token)) return null;
  const r = await q.query<DeliveryRow>(`SELECT ${COLS} FROM deliveries WHERE token_hash = $1 AND method = 'link'`, [tokenHash(ctx.keys, token)]);
  const d = r.rows[0];
  return d && !(await tenantDisabled(q, d.tenant_id)) ? d : null;
}

/** GET /d/<token>: the link's state, changing nothing (a chat app's or mail scanner's preview spends nothing). */
export async function peekLink(ctx: Ctx, token: string): Promise<{ ok: LinkInfo } | { refused: Refusal }> {
  const d = await byToken(ctx, ctx.db, token);
  if (!d) return { refused: 'unknown' };
  const r = why(d, ctx.clock.now());
  if (r) return { refused: r };
  const t = await getTenant(ctx.db, d.tenant_id);
  return { ok: { delivery: d, tenantName: t.name, timeZone: t.time_zone } };
}

/**
 * POST /d/<token>: one download, counted by one conditional statement (the limit holds however many
 * confirm at once), audited with the visitor's address, with its event; or the refusal, recorded
 * and audited the same way when the link is known. An unknown token names no tenant: the caller logs it.
 */
export async function takeDownload(
  ctx: Ctx,
  token: string,
  v: Visitor,
): Promise<{ file: Buffer; delivery: DeliveryRow } | { refused: Refusal; delivery?: DeliveryRow }> {
  if (!(await byToken(ctx, ctx.db, token))) return { refused: 'unknown' };
  const hash = tokenHash(ctx.keys, token);
  return ctx.db.tx(async (q) => {
    const now = ctx.clock.now();
    const r = await q.query<DeliveryRow & { file: Uint8Array | null }>(
      `UPDATE deliveries SET downloads = downloads + 1, last_download_at = $2
       WHERE token_hash = $1 AND method = 'link' AND revoked_at IS NULL AND expires_at > $2 AND downloads < max_downloads
       RETURNING ${COLS}, file`,
      [hash, now],
    );
    const got = r.rows[0];
    if (!got) {
      const d = await byToken(ctx, q, token);
      if (!d) return { refused: 'unknown' as const };
      const reason = why(d, now) ?? 'used_up';
      await record(q, d, reason, v, now);
      return { refused: reason, delivery: d };
    }
    const { file, ...d } = got;
    await record(q, d, 'served', v, now);
    await emit(q, [{ tenantId: d.tenant_id, type: 'delivery.downloaded', at: now, data: eventData(d, { downloads: d.downloads, ip: v.ip }) }]);
    // a link without a password: the workbook is made from the cards now (the codes are kept nowhere in clear)
    const body = file ? Buffer.from(file) : await plainWorkbook(ctx, q, d);
    return { file: body, delivery: d };
  });
}

async function plainWorkbook(ctx: Ctx, q: Sql, d: DeliveryRow): Promise<Buffer> {
  const tenant = await getTenant(q, d.tenant_id);
  const cards = await cardsByIds(q, d.tenant_id, await cardIdsOf(q, d.tenant_id, d.id));
  return makeWorkbook(ctx.keys, cards, tenant.time_zone, `${tenant.name} 卡密`, null);
}

/** One attempt on a known link: its row (what the delivery's page lists) and its audit entry. */
async function record(q: Sql, d: DeliveryRow, outcome: 'served' | Refusal, v: Visitor, at: Date) {
  await q.query(`INSERT INTO delivery_attempts (tenant_id, delivery_id, id, outcome, ip, user_agent, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    d.tenant_id,
    d.id,
    newId('dla'),
    outcome,
    v.ip,
    v.userAgent?.slice(0, 300) ?? null,
    at,
  ]);
  await appendAudit(q, {
    tenantId: d.tenant_id,
    actor: `link:${d.id}`,
    action: outcome === 'served' ? 'delivery.download' : 'delivery.download_refused',
    targetType: 'delivery',
    targetId: d.id,
    data: { outcome, ip: v.ip, user_agent: v.userAgent?.slice(0, 300) ?? null, downloads: d.downloads, max_downloads: d.max_downloads },
    at,
  });
}

/** The operator's own download of a password-protected file (to send it themselves): counted and audited. */
export async function fetchFile(ctx: Ctx, caller: Caller, id: string, actor: string): Promise<{ file: Buffer; delivery: DeliveryRow }> {
  return ctx.db.tx(async (q) => {
    const now = ctx.clock.now();
    const r = await q.query<DeliveryRow & { file: Uint8Array }>(
      `UPDATE deliveries SET fetches = fetches + 1 WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL AND file IS NOT NULL RETURNING ${COLS}, file`,
      [caller.tenantId, id],
    );
    const got = r.rows[0];
    if (!got) {
      const d = await getDelivery(q, caller.tenantId, id);
      if (d.revoked_at) throw new AppError(409, 'DELIVERY_REVOKED', 'this delivery was revoked', { revoked_at: new Date(d.revoked_at).toISOString() });
      throw new AppError(409, 'DELIVERY_NO_FILE', 'this link delivery has no password-protected file; its workbook is made only through the link');
    }
    const { file, ...d } = got;
    await appendAudit(q, {
      tenantId: caller.tenantId,
      actor,
      action: 'delivery.file_fetch',
      targetType: 'delivery',
      targetId: id,
      data: { fetches: d.fetches },
      at: now,
    });
    return { file: Buffer.from(file), delivery: d };
  });
}

/** A delivery's link attempts, newest first. */
export async function attemptsOf(q: Sql, tenantId: string, id: string, limit = 100) {
  const r = await q.query<{ id: string; outcome: string; ip: string | null; user_agent: string | null; at: Date }>(
    'SELECT id, outcome, ip, user_agent, at FROM delivery_attempts WHERE tenant_id = $1 AND delivery_id = $2 ORDER BY at DESC, id DESC LIMIT $3',
    [tenantId, id, limit],
  );
  return r.rows.map((a) => ({ ...a, at: new Date(a.at).toISOString() }));
}
