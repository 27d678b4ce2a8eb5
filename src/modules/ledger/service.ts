import type { Sql } from '../../db/index.js';

/**
 * ledger 流水: accounts and transfers (TigerBeetle's model, in PostgreSQL; the tables and why are in
 * migrations/020_accounts_transfers.sql and docs/architecture.md "Ledger"). This file is card value
 * on it: a card is an implicit account per asset (its id is the reference; its row caches the
 * balance), and each tenant's counter-accounts (issued, redeemed, expired, voided) are the other side
 * of every card transfer. accounts.ts is the general API (openAccount, transfer, balanceOf, reverse).
 */
export {
  openAccount,
  accountsOf,
  accountFlows,
  transfer,
  balanceOf,
  reverse,
  isCardAccount,
  type Account,
  type Asset,
  type OwnerType,
  type Transfer,
  type TransferInput,
} from './accounts.js';
export { ledgerMismatches } from './invariants.js';

export type CardAsset = 'fen' | 'uses' | 'stamps';
export const CARD_ASSETS: readonly CardAsset[] = ['fen', 'uses', 'stamps'];

/** Each card reason's counter-account: the other side of the card's transfer (direction by the sign). */
const COUNTER_OF = {
  issue: 'issued',
  top_up: 'issued',
  top_up_bonus: 'issued', // the bonus a top-up tier adds (充500送50): its own reason, so paid money and bonus are told apart
  refill: 'issued',
  stamp: 'issued', // the stamps source
  redeem: 'redeemed',
  reward: 'redeemed', // stamps spent on a reward
  expire: 'expired',
  period_close: 'expired',
  void: 'voided',
} as const;
export type CardReason = keyof typeof COUNTER_OF;
const COUNTERS = [...new Set(Object.values(COUNTER_OF))];

/** The tenant's counter-account for a card reason and asset: a fixed id, e.g. `redeemed.uses`. */
export const counterAccount = (reason: CardReason, asset: CardAsset) => `${COUNTER_OF[reason]}.${asset}`;

/** A tenant's counter-accounts for card value (called when the tenant is made; idempotent). Unbounded: never updated. */
export async function openTenantAccounts(q: Sql, tenantId: string, at = new Date()): Promise<void> {
  await q.query(
    `INSERT INTO ledger_accounts (tenant_id, id, owner_type, owner_id, asset, name, created_at)
     SELECT $1, n || '.' || a, 'tenant', $1, a, n, $4 FROM unnest($2::text[]) AS n, unnest($3::text[]) AS a
     ON CONFLICT DO NOTHING`,
    [tenantId, COUNTERS, CARD_ASSETS, at],
  );
}

/** One value change of a card, signed in the card's perspective; it becomes one transfer per asset it moves. */
export interface LedgerEntry {
  cardId: string;
  type: CardReason;
  amount?: number;
  uses?: number;
  stamps?: number;
  redemptionId?: string | null;
}

const FIELD: Record<CardAsset, 'amount' | 'uses' | 'stamps'> = { fen: 'amount', uses: 'uses', stamps: 'stamps' };

/** Records card value changes as transfers against the tenant's counters; the caller changes the card row in the same transaction. */
export async function appendLedger(q: Sql, tenantId: string, at: Date, entries: LedgerEntry[]): Promise<void> {
  const rows = entries.flatMap((e) =>
    CARD_ASSETS.filter((a) => (e[FIELD[a]] ?? 0) !== 0).map((a) => {
      const delta = e[FIELD[a]]!;
      const counter = counterAccount(e.type, a);
      return {
        a,
        n: Math.abs(delta),
        debit: delta < 0 ? e.cardId : counter,
        credit: delta < 0 ? counter : e.cardId,
        reason: e.type,
        ref: e.redemptionId ?? null,
      };
    }),
  );
  if (!rows.length) return;
  await q.query(
    `INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, reference, created_at)
     SELECT $1, *, $8::timestamptz FROM unnest($2::text[], $3::int8[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [
      tenantId,
      rows.map((r) => r.a),
      rows.map((r) => r.n),
      rows.map((r) => r.debit),
      rows.map((r) => r.credit),
      rows.map((r) => r.reason),
      rows.map((r) => r.ref),
      at,
    ],
  );
}

/** SQL expressions (placeholders with casts, or columns of `from`) for takeTransfersSql. */
export interface TakeTransferExprs {
  tenant: string;
  card: string;
  amount: string;
  uses: string;
  stamps: string;
  reason: string;
  reference: string;
  at: string;
}

/**
 * The redemption's ledger write, for the one statement that takes from the card (redemptions/write.ts):
 * one transfer per asset actually moved, for each row of `from` — a coupon's uses and a
 * stored-value card's fen go to the tenant's `redeemed` counter, a stamp's stamps come from its
 * `issued` one. Normally one row, as the old single ledger entry was; the counters are never updated.
 */
export const takeTransfersSql = (from: string, x: TakeTransferExprs) =>
  `INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, reference, created_at)
      SELECT ${x.tenant}, m.asset, m.amount, m.debit, m.credit, ${x.reason}, ${x.reference}, ${x.at}
      FROM ${from} CROSS JOIN LATERAL (VALUES ('fen', (${x.amount})::int8, ${x.card}, '${counterAccount('redeem', 'fen')}'),
        ('uses', (${x.uses})::int8, ${x.card}, '${counterAccount('redeem', 'uses')}'),
        ('stamps', (${x.stamps})::int8, '${counterAccount('stamp', 'stamps')}', ${x.card})) AS m(asset, amount, debit, credit)
      WHERE m.amount > 0`;

/** A card's transfers in its own perspective: what the trace shows (the old ledger entry's shape). */
export interface LedgerRow {
  id: number;
  entry_type: string;
  amount: number;
  uses: number;
  stamps: number;
  redemption_id: string | null;
  created_at: Date;
}

/** `t`'s signed amount for card `$2` (what the card gained or lost), and the card-side index condition. */
const CARD_DELTA = 'CASE WHEN t.credit_account = $2 THEN t.amount ELSE -t.amount END';
const OF_CARD = 't.tenant_id = $1 AND ledger_card_of(t.debit_account, t.credit_account) = $2';

export async function cardLedger(q: Sql, tenantId: string, cardId: string): Promise<LedgerRow[]> {
  return (
    await q.query<LedgerRow>(
      `SELECT t.id, t.reason AS entry_type, CASE WHEN t.asset = 'fen' THEN ${CARD_DELTA} ELSE 0 END::int8 AS amount,
         CASE WHEN t.asset = 'uses' THEN ${CARD_DELTA} ELSE 0 END::int AS uses, CASE WHEN t.asset = 'stamps' THEN ${CARD_DELTA} ELSE 0 END::int AS stamps,
         t.reference AS redemption_id, t.created_at
       FROM ledger_transfers t WHERE ${OF_CARD} ORDER BY t.id`,
      [tenantId, cardId],
    )
  ).rows;
}

/** The transfers a reference (a redemption) made on a card, reversals aside, signed in the card's perspective. */
export async function cardTransfersOf(q: Sql, tenantId: string, cardId: string, reference: string): Promise<{ id: number; asset: CardAsset; delta: number }[]> {
  return (
    await q.query(
      `SELECT t.id, t.asset, ${CARD_DELTA} AS delta FROM ledger_transfers t
       WHERE ${OF_CARD} AND t.reference = $3 AND t.reverses IS NULL ORDER BY t.id`,
      [tenantId, cardId, reference],
    )
  ).rows.map((r) => ({ id: Number(r.id), asset: r.asset, delta: Number(r.delta) }));
}

/** How many of a card's transfers with this reason come before transfer `beforeId`. */
export async function countCardTransfers(q: Sql, tenantId: string, cardId: string, reason: CardReason, beforeId: number): Promise<number> {
  const r = await q.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ledger_transfers t WHERE ${OF_CARD} AND t.reason = $3 AND t.id < $4`, [
    tenantId,
    cardId,
    reason,
    beforeId,
  ]);
  return Number(r.rows[0]!.n);
}
