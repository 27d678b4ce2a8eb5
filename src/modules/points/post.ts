import type { Sql } from '../../db/index.js';
import { emit } from '../../platform/events.js';
import { accountsOf, openAccount, transfer, type TransferInput } from '../ledger/service.js';
import { growthChanged } from './extensions.js';

/**
 * The ledger side of every lot change, written in the caller's transaction with the lots: a member
 * has a `main` account per asset (lower bound 0: their positive lots) and a `debt` account (upper
 * bound 0: their debt lot); the other side is one of the tenant's counters (`issued`, `spent`,
 * `expired`, `clawed_back`, `adjusted`, unbounded, never updated). Each change is also one
 * `point_moves` row (what the member reads), one event, and — for growth — the `growthChanged` call.
 */
export type PointAsset = 'points' | 'growth';
export type MoveKind = 'earn' | 'spend' | 'return' | 'expire' | 'clawback' | 'adjust';

const COUNTER: Record<MoveKind, string> = {
  earn: 'issued',
  spend: 'spent',
  return: 'spent',
  expire: 'expired',
  clawback: 'clawed_back',
  adjust: 'adjusted',
};
const EVENT: Record<MoveKind, string> = {
  earn: 'points.earned',
  spend: 'points.spent',
  return: 'points.returned',
  expire: 'points.expired',
  clawback: 'points.clawed_back',
  adjust: 'points.adjusted',
};

/** A member's account of an asset: `main` (≥ 0) or `debt` (≤ 0). Read first (one statement), opened on first use. */
export async function memberAccount(q: Sql, tenantId: string, memberId: string, asset: PointAsset, name: 'main' | 'debt', at: Date): Promise<string> {
  const found = await accountsOf(q, tenantId, { ownerType: 'member', asset, ownerIds: [memberId], name });
  if (found[0]) return found[0].id;
  const bounds = name === 'main' ? { lowerBound: 0 } : { upperBound: 0 };
  return (await openAccount(q, tenantId, { ownerType: 'member', ownerId: memberId, asset, name, ...bounds }, at)).id;
}
export async function counterAccount(q: Sql, tenantId: string, asset: PointAsset, kind: MoveKind, at: Date): Promise<string> {
  const found = await accountsOf(q, tenantId, { ownerType: 'tenant', asset, ownerIds: [tenantId], name: COUNTER[kind] });
  if (found[0]) return found[0].id;
  return (await openAccount(q, tenantId, { ownerType: 'tenant', ownerId: tenantId, asset, name: COUNTER[kind] }, at)).id;
}

export interface Move {
  memberId: string;
  asset: PointAsset;
  kind: MoveKind;
  /** signed, from the member's side: what each of their accounts gains */
  main: number;
  debt?: number;
  reason: string;
  reference: string;
  lotId?: string | null;
  spendId?: string | null;
  orderId?: string | null;
}

/** Writes one change: its transfers, its move row, its event and (growth) the extension point. */
export async function post(q: Sql, tenantId: string, m: Move, at: Date): Promise<void> {
  const delta = m.main + (m.debt ?? 0);
  const counter = await counterAccount(q, tenantId, m.asset, m.kind, at);
  const legs: TransferInput[] = [];
  for (const [name, d] of [
    ['main', m.main],
    ['debt', m.debt ?? 0],
  ] as const) {
    if (!d) continue;
    const acct = await memberAccount(q, tenantId, m.memberId, m.asset, name, at);
    legs.push({ debit: d > 0 ? counter : acct, credit: d > 0 ? acct : counter, asset: m.asset, amount: Math.abs(d), reason: m.kind, reference: m.reference });
  }
  if (!legs.length) return;
  await transfer(q, tenantId, legs, at);
  if (delta === 0) return;
  await q.query(
    `INSERT INTO point_moves (tenant_id, member_id, asset, kind, delta, reason, reference, lot_id, spend_id, order_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [tenantId, m.memberId, m.asset, m.kind, delta, m.reason, m.reference, m.lotId ?? null, m.spendId ?? null, m.orderId ?? null, at],
  );
  const type = m.asset === 'growth' ? 'growth.changed' : EVENT[m.kind];
  await emit(q, [
    {
      tenantId,
      type,
      at,
      memberId: m.memberId,
      data: { kind: m.kind, delta, reason: m.reason, reference: m.reference, lot_id: m.lotId ?? null, order_id: m.orderId ?? null },
    },
  ]);
  if (m.asset === 'growth') {
    const total = await assetTotal(q, tenantId, m.memberId, 'growth');
    for (const f of growthChanged.list())
      await f(q, { tenantId, memberId: m.memberId, total, delta, reason: m.reason, reference: m.reference, orderId: m.orderId ?? null, at });
  }
}

/** A member's whole balance of an asset: every lot's remaining (active, pending and the debt). */
export async function assetTotal(q: Sql, tenantId: string, memberId: string, asset: PointAsset): Promise<number> {
  const r = await q.query<{ s: string }>(
    'SELECT coalesce(sum(remaining), 0)::int8 AS s FROM point_lots WHERE tenant_id = $1 AND member_id = $2 AND asset = $3 AND remaining <> 0',
    [tenantId, memberId, asset],
  );
  return Number(r.rows[0]!.s);
}
