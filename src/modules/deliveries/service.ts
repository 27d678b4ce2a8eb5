import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { cardsByIds } from '../cards/read.js';
import { createBulk } from '../cards/bulk.js';
import { getTenant } from '../tenants/service.js';
import { makeWorkbook, newPassword } from './file.js';
import { COLS, deliveryView, type DeliveryRow, type Method, LINK_HOURS, LINK_MAX_HOURS, LINK_MAX_DOWNLOADS, MAX_CARDS, newToken, tokenHash } from './model.js';

export interface NewDelivery {
  /** the cards handed over, in file order: where they come from (a list, a batch export, an order) is the caller's business */
  cardIds: string[];
  method: Method;
  recipient: { name: string; phone?: string; email?: string };
  referenceType?: string;
  referenceId?: string;
  note?: string;
  /** link only: false serves a plain workbook (the link alone is the secret); a file delivery always has a password */
  password?: boolean;
  expiresInHours?: number;
  maxDownloads?: number;
  actor: string;
}

const invalid = (field: string, reason: string, detail = reason) =>
  new AppError(422, 'DELIVERY_INVALID', `${field}: ${detail}`, { errors: [{ field, reason }] });
// the reasons (worded for people in src/platform/problems/fields.ts)

/** Why each of these cards cannot be delivered (issued bearer cards only, each in one live delivery). */
async function checkCards(q: Sql, tenantId: string, ids: string[]) {
  const cards = await cardsByIds(q, tenantId, ids);
  const found = new Set(cards.map((c) => c.id));
  const problems: { card_id: string; reason: string }[] = ids.filter((id) => !found.has(id)).map((card_id) => ({ card_id, reason: 'not_found' }));
  for (const c of cards) {
    if (c.state !== 'active') problems.push({ card_id: c.id, reason: `state_${c.state}` });
    else if (c.member_id) problems.push({ card_id: c.id, reason: 'bound_to_member' });
  }
  const taken = await q.query<{ card_id: string; delivery_id: string }>(
    'SELECT card_id, delivery_id FROM delivery_cards WHERE tenant_id = $1 AND card_id = ANY($2::text[]) AND live',
    [tenantId, ids],
  );
  for (const t of taken.rows) problems.push({ card_id: t.card_id, reason: `in_delivery:${t.delivery_id}` });
  if (problems.length)
    throw new AppError(
      409,
      'DELIVERY_CARDS_UNAVAILABLE',
      `card_ids: ${problems.length} of the cards cannot be delivered (only issued bearer cards, active, not bound, in no other delivery): ${problems
        .slice(0, 5)
        .map((p) => `${p.card_id} ${p.reason}`)
        .join(', ')}`,
      { count: problems.length, cards: problems.slice(0, 50) },
    );
  return cards;
}

/**
 * 创建交付: the file is made now (password-protected: encrypted under a password shown once and kept
 * nowhere) or, for a link without a password, made from the cards at each download. The answer's
 * `secret` (password, link) is shown once; the audit keeps neither.
 */
export async function createDelivery(ctx: Ctx, q: Sql, caller: Caller, input: NewDelivery) {
  const tenantId = caller.tenantId;
  const ids = input.cardIds;
  if (!ids.length) throw invalid('card_ids', 'no cards to deliver');
  if (ids.length > MAX_CARDS) throw invalid('card_ids', 'too many cards', `at most ${MAX_CARDS} cards`);
  if (new Set(ids).size !== ids.length) throw invalid('card_ids', 'a card is named twice');
  if (!input.recipient.name.trim()) throw invalid('recipient.name', 'required', 'say who receives the codes');
  if ((input.referenceType == null) !== (input.referenceId == null))
    throw invalid(input.referenceType == null ? 'reference_type' : 'reference_id', 'reference_type and reference_id go together');
  const link = input.method === 'link';
  if (!link && (input.password === false || input.expiresInHours != null || input.maxDownloads != null))
    throw invalid(
      input.password === false ? 'password' : input.expiresInHours != null ? 'expires_in_hours' : 'max_downloads',
      'only a link delivery takes it',
      'a file delivery always has a password and no link',
    );
  const hours = input.expiresInHours ?? LINK_HOURS;
  if (link && (hours < 1 || hours > LINK_MAX_HOURS)) throw invalid('expires_in_hours', hours < 1 ? 'must be >= 1' : `must be <= ${LINK_MAX_HOURS}`);
  const maxDownloads = input.maxDownloads ?? 1;
  if (link && (maxDownloads < 1 || maxDownloads > LINK_MAX_DOWNLOADS))
    throw invalid('max_downloads', maxDownloads < 1 ? 'must be >= 1' : `must be <= ${LINK_MAX_DOWNLOADS}`);

  const cards = await checkCards(q, tenantId, ids);
  const now = ctx.clock.now();
  const id = newId('dlv');
  const tenant = await getTenant(q, tenantId);
  const protect = !link || input.password !== false;
  const password = protect ? newPassword() : null;
  const file = password ? await makeWorkbook(ctx.keys, cards, tenant.time_zone, `${tenant.name} 卡密`, password) : null;
  const token = link ? newToken() : null;
  const r = await q.query<DeliveryRow>(
    `INSERT INTO deliveries (tenant_id, id, method, recipient_name, recipient_phone, recipient_email, reference_type, reference_id, note, cards,
       protected, file, file_bytes, token_hash, expires_at, max_downloads, actor, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING ${COLS}`,
    [
      tenantId,
      id,
      input.method,
      input.recipient.name.trim(),
      input.recipient.phone ?? null,
      input.recipient.email ?? null,
      input.referenceType ?? null,
      input.referenceId ?? null,
      input.note ?? null,
      ids.length,
      protect,
      file,
      file?.length ?? null,
      token ? tokenHash(ctx.keys, token) : null,
      link ? new Date(now.getTime() + hours * 3_600_000) : null,
      link ? maxDownloads : null,
      input.actor,
      now,
    ],
  );
  try {
    await q.query(
      `INSERT INTO delivery_cards (tenant_id, delivery_id, card_id, pos) SELECT $1, $2, c, p::int FROM unnest($3::text[]) WITH ORDINALITY AS u(c, p)`,
      [tenantId, id, ids],
    );
  } catch (e) {
    // another delivery took one of these cards between the check and this insert (its unique index decides)
    if ((e as { code?: string }).code === '23505')
      throw new AppError(409, 'DELIVERY_CARDS_UNAVAILABLE', 'card_ids: another delivery took some of these cards just now', { count: 0, cards: [] });
    throw e;
  }
  const d = r.rows[0]!;
  await emit(q, [{ tenantId, type: 'delivery.created', at: now, keyId: caller.keyId, data: eventData(d) }]);
  return {
    ...deliveryView(d, now),
    secret: {
      password,
      url: token ? `${ctx.config.publicUrl.replace(/\/$/, '')}/d/${token}` : null,
    },
  };
}

/** What every delivery event says: enough for an order (reference_type/reference_id) to follow its delivery. */
export const eventData = (d: DeliveryRow, extra: Record<string, unknown> = {}) => ({
  delivery_id: d.id,
  method: d.method,
  cards: d.cards,
  reference_type: d.reference_type,
  reference_id: d.reference_id,
  ...extra,
});

export async function getDelivery(q: Sql, tenantId: string, id: string, forUpdate = false): Promise<DeliveryRow> {
  const r = await q.query<DeliveryRow>(`SELECT ${COLS} FROM deliveries WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!r.rows[0]) throw new AppError(404, 'DELIVERY_NOT_FOUND', 'delivery not found');
  return r.rows[0];
}

/** The card ids of a delivery, in file order. */
export async function cardIdsOf(q: Sql, tenantId: string, id: string): Promise<string[]> {
  const r = await q.query<{ card_id: string }>('SELECT card_id FROM delivery_cards WHERE tenant_id = $1 AND delivery_id = $2 ORDER BY pos', [tenantId, id]);
  return r.rows.map((x) => x.card_id);
}

/**
 * 撤销交付: the link stops working at once and the cards are free for another delivery. With
 * `voidCards`, the cards are voided (the cards module's bulk void: each card still voidable is
 * voided and audited, the others skipped) — unless the recipient already downloaded them through
 * the link (409 DELIVERY_DOWNLOADED: those codes are out; void them from the card list if you must).
 * A file delivery's file is in the operator's hands: voiding says the operator knows it did not reach anyone.
 */
export async function revokeDelivery(ctx: Ctx, q: Sql, caller: Caller, id: string, opts: { reason?: string; voidCards?: boolean; actor: string }) {
  const now = ctx.clock.now();
  const r = await q.query<DeliveryRow>(
    `UPDATE deliveries SET revoked_at = $3, revoked_by = $4, revoke_reason = $5
     WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING ${COLS}`,
    [caller.tenantId, id, now, opts.actor, opts.reason ?? null],
  );
  let d = r.rows[0];
  if (!d) {
    const was = await getDelivery(q, caller.tenantId, id);
    throw new AppError(409, 'DELIVERY_REVOKED', `this delivery was revoked at ${new Date(was.revoked_at!).toISOString()}`, {
      revoked_at: new Date(was.revoked_at!).toISOString(),
    });
  }
  // the row is locked by the update: a download racing this revoke either counted before it or is refused after it
  if (opts.voidCards && d.method === 'link' && d.downloads > 0)
    throw new AppError(409, 'DELIVERY_DOWNLOADED', `the recipient downloaded this delivery's file ${d.downloads} time(s); its codes are out`, {
      downloads: d.downloads,
    });
  await q.query('UPDATE delivery_cards SET live = false WHERE tenant_id = $1 AND delivery_id = $2', [caller.tenantId, id]);
  let voided: { bulk_id: string; voided: number; skipped: number } | null = null;
  if (opts.voidCards) {
    const op = await createBulk(ctx, q, caller, opts.actor, {
      action: 'void',
      card_ids: await cardIdsOf(q, caller.tenantId, id),
      reason: opts.reason?.trim() || `交付撤销 delivery ${id} revoked`,
    });
    voided = { bulk_id: op.id, voided: op.done, skipped: op.skipped };
    d = (await q.query<DeliveryRow>(`UPDATE deliveries SET void_bulk_id = $3 WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`, [caller.tenantId, id, op.id]))
      .rows[0]!;
  }
  await emit(q, [
    {
      tenantId: caller.tenantId,
      type: 'delivery.revoked',
      at: now,
      keyId: caller.keyId,
      data: eventData(d, { voided: voided?.voided ?? 0, reason: opts.reason ?? null }),
    },
  ]);
  return { ...deliveryView(d, now), voided };
}
