import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';

/**
 * The ledger's general API, for every module that keeps value (membership points, channel quotas,
 * card value): accounts and transfers between them. An account's balance is its credits minus its
 * debits. A bounded account keeps its balance in its row, and a transfer moves it only when it stays
 * within the bounds — in the one statement that writes the transfer, with the account locked, so
 * concurrent transfers can never take it past a bound. Unbounded accounts (the tenant's counters)
 * are never updated: their balance is a sum, computed when asked.
 */
export type Asset = 'fen' | 'uses' | 'stamps' | 'points' | 'quota' | 'growth';
export type OwnerType = 'card' | 'member' | 'channel' | 'tenant' | 'buyer';

/** A card's implicit account of an asset is referenced by the card id; explicit accounts' ids never start so. */
export const isCardAccount = (ref: string) => ref.startsWith('card_');

export interface Account {
  id: string;
  owner_type: OwnerType;
  owner_id: string;
  asset: Asset;
  name: string;
  lower_bound: number | null;
  upper_bound: number | null;
  /** kept for bounded accounts only */
  balance: number | null;
  created_at: Date;
}

export interface Transfer {
  id: number;
  asset: Asset;
  amount: number;
  debit_account: string;
  credit_account: string;
  reason: string;
  reference: string | null;
  reverses: number | null;
  created_at: Date;
}

export interface TransferInput {
  debit: string;
  credit: string;
  asset: Asset;
  amount: number;
  reason: string;
  reference?: string | null;
}

const COLS = 'id, owner_type, owner_id, asset, name, lower_bound, upper_bound, balance, created_at';

/**
 * Opens the account of an owner, asset and name — or answers the one already open (its bounds stay
 * as they were). An account opens at 0, so its bounds must allow 0. Ids are `acc_…`.
 */
export async function openAccount(
  q: Sql,
  tenantId: string,
  input: { ownerType: OwnerType; ownerId: string; asset: Asset; name?: string; lowerBound?: number | null; upperBound?: number | null },
  at = new Date(),
): Promise<Account> {
  const lower = input.lowerBound ?? null;
  const upper = input.upperBound ?? null;
  if ((lower !== null && lower > 0) || (upper !== null && upper < 0))
    throw new AppError(422, 'VALIDATION_FAILED', 'bounds: an account opens at 0, which must lie within its bounds');
  const key = [tenantId, input.ownerType, input.ownerId, input.asset, input.name ?? 'main'];
  const made = await q.query<Account>(
    `INSERT INTO ledger_accounts (tenant_id, owner_type, owner_id, asset, name, id, lower_bound, upper_bound, balance, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $7::int8 IS NOT NULL OR $8::int8 IS NOT NULL THEN 0 END, $9)
     ON CONFLICT (tenant_id, owner_type, owner_id, asset, name) DO NOTHING RETURNING ${COLS}`,
    [...key, newId('acc'), lower, upper, at],
  );
  if (made.rows[0]) return made.rows[0];
  const found = await q.query<Account>(
    `SELECT ${COLS} FROM ledger_accounts WHERE tenant_id = $1 AND owner_type = $2 AND owner_id = $3 AND asset = $4 AND name = $5`,
    key,
  );
  return found.rows[0]!;
}

/**
 * Writes transfers between explicit accounts, all or none. Refused (409 ACCOUNT_BOUND_EXCEEDED, and
 * nothing written) when a bounded account's balance would leave its bounds. Card accounts move only
 * with their card row (cards and redemptions), not here.
 */
export async function transfer(q: Sql, tenantId: string, transfers: TransferInput[], at = new Date()): Promise<Transfer[]> {
  for (const t of transfers) {
    if (!Number.isSafeInteger(t.amount) || t.amount <= 0) throw new AppError(422, 'VALIDATION_FAILED', 'amount: a transfer moves a positive whole amount');
    if (t.debit === t.credit) throw new AppError(422, 'VALIDATION_FAILED', 'a transfer moves between two different accounts');
    if (isCardAccount(t.debit) || isCardAccount(t.credit)) throw new Error('card accounts move with their card row, not through transfer()');
  }
  const ids = [...new Set(transfers.flatMap((t) => [t.debit, t.credit]))];
  const found = new Map(
    (
      await q.query<{ id: string; asset: Asset }>('SELECT id, asset FROM ledger_accounts WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids])
    ).rows.map((a) => [a.id, a.asset]),
  );
  for (const t of transfers) {
    for (const id of [t.debit, t.credit]) {
      if (!found.has(id)) throw new AppError(404, 'ACCOUNT_NOT_FOUND', `account ${id} not found`);
      if (found.get(id) !== t.asset) throw new AppError(422, 'ASSET_MISMATCH', `account ${id} holds ${found.get(id)}, not ${t.asset}`);
    }
  }
  return write(
    q,
    tenantId,
    transfers.map((t) => ({ ...t, reference: t.reference ?? null, reverses: null })),
    at,
  );
}

/**
 * Reverses transfers: for each, a new transfer of the same asset and amount with the accounts swapped,
 * pointing at it (`reverses`); reason "reverse" and the original's reference unless told otherwise.
 * A transfer is reversed at most once (409 TRANSFER_ALREADY_REVERSED, even when two race: the unique
 * index decides); a reversal is not itself reversed. Bounds hold as for any transfer. A reversal that
 * touches a card account changes nothing on the card row: that is the caller's, in the same transaction.
 */
export async function reverse(
  q: Sql,
  tenantId: string,
  transferIds: number | number[],
  at = new Date(),
  opts: { reason?: string; reference?: string | null } = {},
): Promise<Transfer[]> {
  const ids = [...new Set([transferIds].flat())];
  const orig = (
    await q.query<Transfer & { reversed: boolean }>(
      `SELECT t.*, EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.tenant_id = t.tenant_id AND r.reverses = t.id) AS reversed
       FROM ledger_transfers t WHERE t.tenant_id = $1 AND t.id = ANY($2::int8[]) ORDER BY t.id`,
      [tenantId, ids],
    )
  ).rows;
  if (orig.length !== ids.length) throw new AppError(404, 'TRANSFER_NOT_FOUND', 'transfer not found');
  if (orig.some((o) => o.reversed)) throw new AppError(409, 'TRANSFER_ALREADY_REVERSED', 'this transfer was already reversed');
  if (orig.some((o) => o.reverses !== null)) throw new AppError(409, 'TRANSFER_IS_REVERSAL', 'a reversal is not reversed: make a new transfer');
  const rows = orig.map((o) => ({
    asset: o.asset,
    amount: Number(o.amount),
    debit: o.credit_account,
    credit: o.debit_account,
    reason: opts.reason ?? 'reverse',
    reference: opts.reference !== undefined ? opts.reference : o.reference,
    reverses: Number(o.id),
  }));
  try {
    return await write(q, tenantId, rows, at);
  } catch (e: any) {
    if (e?.code === '23505' && String(e?.constraint ?? e?.message).includes('ledger_transfers_reverses'))
      throw new AppError(409, 'TRANSFER_ALREADY_REVERSED', 'this transfer was already reversed');
    throw e;
  }
}

/**
 * An account's balance (credits − debits). A card account is the card id and an asset. A bounded
 * account answers its kept balance (an invariant holds it equal to the sum); others are summed.
 */
export async function balanceOf(q: Sql, tenantId: string, account: string, asset?: Asset): Promise<number> {
  if (isCardAccount(account)) {
    if (!asset) throw new Error('a card account is a card and an asset');
    const r = await q.query<{ b: number }>(
      `SELECT coalesce(sum(CASE WHEN t.credit_account = $2 THEN t.amount ELSE -t.amount END), 0)::int8 AS b FROM ledger_transfers t
       WHERE t.tenant_id = $1 AND ledger_card_of(t.debit_account, t.credit_account) = $2 AND t.asset = $3`,
      [tenantId, account, asset],
    );
    return Number(r.rows[0]!.b);
  }
  const a = (await q.query<{ balance: number | null }>('SELECT balance FROM ledger_accounts WHERE tenant_id = $1 AND id = $2', [tenantId, account])).rows[0];
  if (!a) throw new AppError(404, 'ACCOUNT_NOT_FOUND', `account ${account} not found`);
  if (a.balance !== null) return Number(a.balance);
  const r = await q.query<{ b: number }>(
    `SELECT (coalesce(sum(amount) FILTER (WHERE credit_account = $2), 0) - coalesce(sum(amount) FILTER (WHERE debit_account = $2), 0))::int8 AS b
     FROM ledger_transfers WHERE tenant_id = $1 AND (debit_account = $2 OR credit_account = $2)`,
    [tenantId, account],
  );
  return Number(r.rows[0]!.b);
}

interface Row {
  asset: string;
  amount: number;
  debit: string;
  credit: string;
  reason: string;
  reference: string | null;
  reverses: number | null;
}

/**
 * One statement: lock the bounded accounts the transfers touch (in id order: no deadlock), and only
 * if each one's net change keeps it within its bounds, move their kept balances and append the
 * transfers. A locked row is read as the last commit left it, so a concurrent transfer's change is
 * always seen; a refusal writes nothing.
 */
const WRITE_SQL = `WITH t AS (
    SELECT * FROM unnest($2::text[], $3::int8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int8[]) WITH ORDINALITY
      AS t(asset, amount, debit_account, credit_account, reason, reference, reverses, n)),
  d AS (
    SELECT account, sum(delta)::int8 AS delta
    FROM (SELECT debit_account AS account, -amount AS delta FROM t UNION ALL SELECT credit_account, amount FROM t) x GROUP BY account),
  lk AS (
    SELECT a.id, a.balance, a.lower_bound, a.upper_bound FROM ledger_accounts a
    WHERE a.tenant_id = $1 AND a.id IN (SELECT account FROM d) AND a.balance IS NOT NULL ORDER BY a.id FOR UPDATE),
  chk AS (
    SELECT lk.id, (lk.lower_bound IS NULL OR lk.balance + d.delta >= lk.lower_bound) AND (lk.upper_bound IS NULL OR lk.balance + d.delta <= lk.upper_bound) AS within
    FROM lk JOIN d ON d.account = lk.id),
  ok AS (SELECT coalesce(bool_and(within), true) AS ok, array_agg(id) FILTER (WHERE NOT within) AS refused FROM chk),
  moved AS (
    UPDATE ledger_accounts a SET balance = a.balance + d.delta FROM d, ok
    WHERE ok.ok AND a.tenant_id = $1 AND a.id = d.account AND a.balance IS NOT NULL AND d.delta <> 0),
  ins AS (
    INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, reference, reverses, created_at)
    SELECT $1, t.asset, t.amount, t.debit_account, t.credit_account, t.reason, t.reference, t.reverses, $9 FROM t, ok WHERE ok.ok ORDER BY t.n
    RETURNING id, asset, amount, debit_account, credit_account, reason, reference, reverses, created_at)
  SELECT ok.ok, ok.refused, ins.* FROM ok LEFT JOIN ins ON ok.ok ORDER BY ins.id`;

async function write(q: Sql, tenantId: string, rows: Row[], at: Date): Promise<Transfer[]> {
  if (!rows.length) return [];
  const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
  const r = await q
    .query<Transfer & { ok: boolean; refused: string[] | null }>(WRITE_SQL, [
      tenantId,
      col('asset'),
      col('amount'),
      col('debit'),
      col('credit'),
      col('reason'),
      col('reference'),
      col('reverses'),
      at,
    ])
    .catch((e) => {
      // the bounds' CHECK is the last word: under a race the statement's own check can pass on a row
      // a concurrent transfer then changes (seen on PostgreSQL under load); the CHECK refuses it, and
      // the failed statement wrote nothing — the same refusal
      if (e?.code === '23514' && /ledger_accounts/.test(`${e.table ?? ''} ${e.message ?? ''}`))
        throw new AppError(409, 'ACCOUNT_BOUND_EXCEEDED', 'this would take an account past its bounds');
      throw e;
    });
  const first = r.rows[0]!;
  if (!first.ok) throw new AppError(409, 'ACCOUNT_BOUND_EXCEEDED', `this would take ${first.refused?.join(', ')} past its bounds`, { accounts: first.refused });
  return r.rows.map(({ ok: _ok, refused: _r, ...t }) => ({
    ...t,
    id: Number(t.id),
    amount: Number(t.amount),
    reverses: t.reverses === null ? null : Number(t.reverses),
  }));
}

/** Accounts of an asset, by owner type and optionally owners and name (a channel's quota accounts, every channel's of a batch). */
export async function accountsOf(q: Sql, tenantId: string, f: { ownerType: OwnerType; asset: Asset; ownerIds?: string[]; name?: string }): Promise<Account[]> {
  const r = await q.query<Account>(
    `SELECT ${COLS} FROM ledger_accounts WHERE tenant_id = $1 AND owner_type = $2 AND asset = $3
       AND ($4::text[] IS NULL OR owner_id = ANY($4::text[])) AND ($5::text IS NULL OR name = $5) ORDER BY id`,
    [tenantId, f.ownerType, f.asset, f.ownerIds ?? null, f.name ?? null],
  );
  return r.rows.map((a) => ({ ...a, balance: a.balance === null ? null : Number(a.balance) }));
}

/** What flowed into and out of each account, by reason (reversals count under their own reason). */
export async function accountFlows(
  q: Sql,
  tenantId: string,
  accountIds: string[],
  asset: Asset,
): Promise<{ account: string; reason: string; credited: number; debited: number }[]> {
  if (!accountIds.length) return [];
  const r = await q.query<{ account: string; reason: string; credited: string; debited: string }>(
    `SELECT a.id AS account, t.reason,
       coalesce(sum(t.amount) FILTER (WHERE t.credit_account = a.id), 0)::int8 AS credited,
       coalesce(sum(t.amount) FILTER (WHERE t.debit_account = a.id), 0)::int8 AS debited
     FROM unnest($2::text[]) AS a(id) JOIN ledger_transfers t ON t.tenant_id = $1 AND t.asset = $3 AND (t.debit_account = a.id OR t.credit_account = a.id)
     GROUP BY 1, 2`,
    [tenantId, accountIds, asset],
  );
  return r.rows.map((x) => ({ account: x.account, reason: x.reason, credited: Number(x.credited), debited: Number(x.debited) }));
}
