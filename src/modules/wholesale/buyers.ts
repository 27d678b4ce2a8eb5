import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { balanceOf, openAccount, reverse, transfer, type Transfer } from '../ledger/service.js';

/** 企业客户: an enterprise buyer (employee welfare 员工福利, corporate gifts) at a price level, with a prepaid balance. */
export interface BuyerRow {
  id: string;
  name: string;
  contact_name: string | null;
  contact_phone: string | null;
  price_level: string;
  account_id: string;
  created_at: Date;
  updated_at: Date;
}
export type Buyer = BuyerRow & { balance: number };
export interface BuyerInput {
  name: string;
  contact_name?: string | null;
  contact_phone?: string | null;
  price_level: string;
}
const COLS = 'id, name, contact_name, contact_phone, price_level, account_id, created_at, updated_at';

/** The tenant's side of prepaid money: recharges come from `wholesale.recharge`, prepaid payments go to `wholesale.sales`. */
export const tenantAccount = async (q: Sql, tenantId: string, name: 'wholesale.recharge' | 'wholesale.sales', at: Date) =>
  (await openAccount(q, tenantId, { ownerType: 'tenant', ownerId: tenantId, asset: 'fen', name }, at)).id;

const withBalance = async (q: Sql, tenantId: string, b: BuyerRow): Promise<Buyer> => ({ ...b, balance: await balanceOf(q, tenantId, b.account_id) });

export async function createBuyer(q: Sql, tenantId: string, input: BuyerInput, at: Date): Promise<Buyer> {
  const id = newId('buy');
  // the prepaid balance 预存款: bounded below by 0, so a deduction can never overdraw it
  const acc = await openAccount(q, tenantId, { ownerType: 'buyer', ownerId: id, asset: 'fen', name: 'prepaid', lowerBound: 0 }, at);
  const r = await q.query<BuyerRow>(
    `INSERT INTO wholesale_buyers (tenant_id, id, name, contact_name, contact_phone, price_level, account_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${COLS}`,
    [tenantId, id, input.name, input.contact_name ?? null, input.contact_phone ?? null, input.price_level, acc.id, at],
  );
  return { ...r.rows[0]!, balance: 0 };
}

export async function updateBuyer(q: Sql, tenantId: string, id: string, input: Partial<BuyerInput>, at: Date): Promise<Buyer> {
  const r = await q.query<BuyerRow>(
    `UPDATE wholesale_buyers SET name = coalesce($3, name),
       contact_name = CASE WHEN $4 THEN $5 ELSE contact_name END, contact_phone = CASE WHEN $6 THEN $7 ELSE contact_phone END,
       price_level = coalesce($8, price_level), updated_at = $9
     WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
    [
      tenantId,
      id,
      input.name ?? null,
      'contact_name' in input,
      input.contact_name ?? null,
      'contact_phone' in input,
      input.contact_phone ?? null,
      input.price_level ?? null,
      at,
    ],
  );
  if (!r.rows[0]) throw new AppError(404, 'BUYER_NOT_FOUND', 'buyer not found');
  return withBalance(q, tenantId, r.rows[0]);
}

export async function getBuyerRow(q: Sql, tenantId: string, id: string, field = 'buyer_id'): Promise<BuyerRow> {
  const r = await q.query<BuyerRow>(`SELECT ${COLS} FROM wholesale_buyers WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw new AppError(404, 'BUYER_NOT_FOUND', `${field}: buyer not found`);
  return r.rows[0];
}
export const getBuyer = async (q: Sql, tenantId: string, id: string) => withBalance(q, tenantId, await getBuyerRow(q, tenantId, id, 'id'));

export async function listBuyers(q: Sql, tenantId: string): Promise<Buyer[]> {
  const r = await q.query<BuyerRow>(`SELECT ${COLS} FROM wholesale_buyers WHERE tenant_id = $1 ORDER BY name, id`, [tenantId]);
  return Promise.all(r.rows.map((b) => withBalance(q, tenantId, b)));
}

/** 充值: money received from the buyer becomes prepaid balance (a transfer from the tenant's recharge account). */
export async function recharge(
  q: Sql,
  tenantId: string,
  id: string,
  input: { amount: number; reference: string },
  at: Date,
): Promise<Buyer & { transfer_id: number }> {
  const b = await getBuyerRow(q, tenantId, id, 'id');
  const [t] = await transfer(
    q,
    tenantId,
    [
      {
        debit: await tenantAccount(q, tenantId, 'wholesale.recharge', at),
        credit: b.account_id,
        asset: 'fen',
        amount: input.amount,
        reason: 'recharge',
        reference: input.reference,
      },
    ],
    at,
  );
  return { ...(await withBalance(q, tenantId, b)), transfer_id: t!.id };
}

/**
 * 预存款扣款: the order's total from the buyer's prepaid balance to the tenant's sales. The account's
 * lower bound (0) is checked by the ledger on the locked row: never overdrawn, also when two orders
 * of one buyer are paid at once. Refused as 409 PREPAID_INSUFFICIENT with the balance.
 */
export async function deductPrepaid(q: Sql, tenantId: string, b: BuyerRow, amount: number, orderId: string, at: Date): Promise<Transfer> {
  const balance = await balanceOf(q, tenantId, b.account_id);
  const short = () => new AppError(409, 'PREPAID_INSUFFICIENT', `the prepaid balance ${balance} is below the order's total ${amount}`, { balance, amount });
  if (balance < amount) throw short();
  const sales = await tenantAccount(q, tenantId, 'wholesale.sales', at);
  try {
    const [t] = await transfer(
      q,
      tenantId,
      [{ debit: b.account_id, credit: sales, asset: 'fen', amount, reason: 'wholesale_payment', reference: orderId }],
      at,
    );
    return t!;
  } catch (e) {
    if (e instanceof AppError && e.code === 'ACCOUNT_BOUND_EXCEEDED') throw short();
    throw e;
  }
}

/** A refund of a prepaid payment: the payment's transfer reversed (once: the ledger's unique index). */
export async function refundPrepaid(q: Sql, tenantId: string, transferId: number, orderId: string, at: Date): Promise<Transfer> {
  const [t] = await reverse(q, tenantId, transferId, at, { reason: 'wholesale_refund', reference: orderId });
  return t!;
}
