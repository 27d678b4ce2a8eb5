import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { systemCaller, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { refusal } from '../../platform/problems/refusal.js';
import { memberExists } from '../members/service.js';
import { ensureRewardBatch } from '../batches/service.js';
import { issueCard } from '../cards/issue.js';
import { getPackRow } from './define.js';
import { drawPrize, type RandomSource } from './draw.js';
import type { PackRow } from './model.js';

/**
 * Granting a benefit pack 发放权益礼包 (docs/membership.md "Benefit packs"): the seam the tiers, the
 * mall and rules call, and what `POST /v1/packs/{id}/grants` does. Idempotent on (tenant, reference):
 * the grant row is written first under a unique index, so a second grant with the same reference —
 * a retry, or a concurrent request on another process — waits for the first and answers it.
 */
export interface PackGrant {
  id: string;
  pack_id: string;
  member_id: string;
  source: string;
  reference: string;
  cards: { id: string; template_id: string; batch_id: string }[];
  prize: { id: string; name: string } | null;
  created_at: string;
}
export type GrantSource = 'manual' | 'tier' | 'mall' | 'rule';

/** Items are cards of a template, issued from the template's own on-issue batch for packs. */
export const PACK_BATCH_NAME = '权益礼包 benefit packs';

interface GrantRow {
  id: string;
  pack_id: string;
  member_id: string;
  source: string;
  reference: string;
  cards: PackGrant['cards'];
  prize_id: string | null;
  prize_name: string | null;
  created_at: Date;
}
export const GRANT_SELECT = `SELECT g.id, g.pack_id, g.member_id, g.source, g.reference, g.cards, g.prize_id, z.name AS prize_name, g.created_at
  FROM pack_grants g LEFT JOIN pack_prizes z ON z.tenant_id = g.tenant_id AND z.id = g.prize_id`;

export const grantView = (g: GrantRow): PackGrant => ({
  id: g.id,
  pack_id: g.pack_id,
  member_id: g.member_id,
  source: g.source,
  reference: g.reference,
  cards: g.cards,
  prize: g.prize_id ? { id: g.prize_id, name: g.prize_name ?? '' } : null,
  created_at: new Date(g.created_at).toISOString(),
});

async function byReference(q: Sql, tenantId: string, reference: string): Promise<PackGrant | null> {
  const r = await q.query<GrantRow>(`${GRANT_SELECT} WHERE g.tenant_id = $1 AND g.reference = $2`, [tenantId, reference]);
  return r.rows[0] ? grantView(r.rows[0]) : null;
}

/** The version to grant: a retired pack hands over to the newest live version that replaced it. */
async function grantable(q: Sql, tenantId: string, packId: string): Promise<PackRow> {
  let p = await getPackRow(q, tenantId, packId, { field: 'pack_id' });
  for (let hops = 0; p.status === 'retired' && p.replaced_by && hops < 100; hops++) p = await getPackRow(q, tenantId, p.replaced_by, { field: 'pack_id' });
  if (p.status !== 'live')
    throw refusal('PACK_NOT_LIVE', `pack_id: the pack is ${p.status}`, { state: p.status }, { errors: [{ field: 'pack_id', reason: 'not live' }] });
  return p;
}

export async function grantPack(
  ctx: Ctx,
  q: Sql,
  caller: Caller,
  g: { packId: string; memberId: string; source: GrantSource; reference: string },
  at: Date,
  random?: RandomSource,
): Promise<PackGrant> {
  const tenantId = caller.tenantId;
  const first = await byReference(q, tenantId, g.reference);
  if (first) return first;
  const pack = await grantable(q, tenantId, g.packId);
  if (!(await memberExists(q, tenantId, g.memberId)))
    throw new AppError(404, 'MEMBER_NOT_FOUND', 'member_id: member not found', { errors: [{ field: 'member_id', reason: 'not found' }] });
  const id = newId('pkg');
  // the claim on the reference: a concurrent grant with the same one waits here for this transaction
  const claimed = await q.query(
    `INSERT INTO pack_grants (tenant_id, id, pack_id, member_id, source, reference, actor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, reference) DO NOTHING`,
    [tenantId, id, pack.id, g.memberId, g.source, g.reference, caller.keyId, at],
  );
  if (!claimed.rowCount) return (await byReference(q, tenantId, g.reference))!;

  let items: { template_id: string; quantity: number }[];
  let prize: PackGrant['prize'] = null;
  if (pack.kind === 'random') {
    prize = (await drawPrize(q, tenantId, pack, { grantId: id, memberId: g.memberId, keyId: caller.keyId }, at, random)).prize;
    items = (
      await q.query('SELECT template_id, quantity FROM pack_items WHERE tenant_id = $1 AND pack_id = $2 AND prize_id = $3 ORDER BY seq', [
        tenantId,
        pack.id,
        prize.id,
      ])
    ).rows as typeof items;
  } else {
    items = (
      await q.query('SELECT template_id, quantity FROM pack_items WHERE tenant_id = $1 AND pack_id = $2 AND prize_id IS NULL ORDER BY seq', [tenantId, pack.id])
    ).rows as typeof items;
  }
  // the pack is the brand's to give: its cards are issued with the system's authority, as a stamp card's reward is
  const system = systemCaller(caller);
  const cards: PackGrant['cards'] = [];
  for (const it of items) {
    const batchId = await ensureRewardBatch(q, tenantId, it.template_id, at, PACK_BATCH_NAME);
    for (let n = 0; n < it.quantity; n++) {
      const c = await issueCard(ctx, q, system, { batch_id: batchId, member_id: g.memberId });
      cards.push({ id: c.id, template_id: it.template_id, batch_id: batchId });
    }
  }
  await q.query('UPDATE pack_grants SET cards = $3, prize_id = $4 WHERE tenant_id = $1 AND id = $2', [tenantId, id, JSON.stringify(cards), prize?.id ?? null]);
  await emit(q, [
    {
      tenantId,
      type: 'pack.granted',
      at,
      memberId: g.memberId,
      keyId: caller.keyId,
      data: { pack_id: pack.id, grant_id: id, source: g.source, reference: g.reference, card_ids: cards.map((c) => c.id), prize_id: prize?.id ?? null },
    },
  ]);
  return { id, pack_id: pack.id, member_id: g.memberId, source: g.source, reference: g.reference, cards, prize, created_at: at.toISOString() };
}

/** Packs by name (「开卡礼包 v2」), for lists that refer to them. */
export async function packNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string; version: number }>('SELECT id, name, version FROM packs WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    [...new Set(ids)],
  ]);
  return new Map(r.rows.map((p) => [p.id, p.version > 1 ? `${p.name} v${p.version}` : p.name]));
}

/** Grants by pack and member (「开卡礼包 · 张三」), for the audit log and event lists. */
export async function grantNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; pack_id: string }>('SELECT id, pack_id FROM pack_grants WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    [...new Set(ids)],
  ]);
  const packs = await packNames(
    q,
    tenantId,
    r.rows.map((g) => g.pack_id),
  );
  return new Map(r.rows.map((g) => [g.id, `${packs.get(g.pack_id) ?? g.pack_id} 发放`]));
}
