import type { Sql } from '../../db/index.js';

/** One append-only value change of a card. A card's balance/uses_left/stamps = the sums of its entries. */
export interface LedgerEntry {
  cardId: string;
  type: 'issue' | 'redeem' | 'reverse' | 'top_up' | 'refill' | 'period_close' | 'stamp' | 'reward' | 'expire' | 'void' | 'transfer';
  amount?: number;
  uses?: number;
  stamps?: number;
  redemptionId?: string | null;
}

export async function appendLedger(q: Sql, tenantId: string, at: Date, entries: LedgerEntry[]): Promise<void> {
  if (!entries.length) return;
  await q.query(
    `INSERT INTO ledger_entries (tenant_id, card_id, entry_type, amount, uses, stamps, redemption_id, created_at)
     SELECT $1, * , $8::timestamptz FROM unnest($2::text[], $3::text[], $4::int8[], $5::int[], $6::int[], $7::text[])`,
    [
      tenantId,
      entries.map((e) => e.cardId),
      entries.map((e) => e.type),
      entries.map((e) => e.amount ?? 0),
      entries.map((e) => e.uses ?? 0),
      entries.map((e) => e.stamps ?? 0),
      entries.map((e) => e.redemptionId ?? null),
      at,
    ],
  );
}

export interface LedgerRow {
  id: number;
  entry_type: string;
  amount: number;
  uses: number;
  stamps: number;
  redemption_id: string | null;
  created_at: Date;
}

export async function cardLedger(q: Sql, tenantId: string, cardId: string): Promise<LedgerRow[]> {
  return (
    await q.query<LedgerRow>(
      'SELECT id, entry_type, amount, uses, stamps, redemption_id, created_at FROM ledger_entries WHERE tenant_id = $1 AND card_id = $2 ORDER BY id',
      [tenantId, cardId],
    )
  ).rows;
}

/** Cards whose cached holdings differ from their ledger sums: always empty, asserted after every test. */
export async function ledgerMismatches(
  q: Sql,
  tenantId?: string,
): Promise<{ id: string; balance: number; sum_amount: number; uses_left: number; sum_uses: number; stamps: number; sum_stamps: number }[]> {
  return (
    await q.query(
      `SELECT c.id, c.balance, coalesce(l.a, 0) AS sum_amount, c.uses_left, coalesce(l.u, 0) AS sum_uses, c.stamps, coalesce(l.s, 0) AS sum_stamps
     FROM cards c LEFT JOIN (SELECT tenant_id, card_id, sum(amount)::int8 a, sum(uses)::int8 u, sum(stamps)::int8 s FROM ledger_entries GROUP BY 1, 2) l
       ON l.tenant_id = c.tenant_id AND l.card_id = c.id
     WHERE ($1::text IS NULL OR c.tenant_id = $1)
       AND (c.balance <> coalesce(l.a, 0) OR c.uses_left <> coalesce(l.u, 0) OR c.stamps <> coalesce(l.s, 0))`,
      [tenantId ?? null],
    )
  ).rows;
}
