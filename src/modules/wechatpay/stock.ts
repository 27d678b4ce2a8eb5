import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { getBatch } from '../batches/service.js';
import { getTemplate } from '../templates/service.js';
import type { TemplateRow } from '../templates/schemas.js';

/**
 * What maps 映射 from a Kaquan template to a 商家券 stock: cash 代金券 → NORMAL (fixed_normal_coupon),
 * discount 折扣券 → DISCOUNT, exchange 兑换券 → EXCHANGE. Other kinds (count, periodic, stored value,
 * gift, stamp, external) have no 商家券 shape and are refused with 422 WECHATPAY_KIND_UNSUPPORTED.
 */
export const CHUNK = 200;
const DAY = 86_400_000;

export interface StockRow {
  id: string;
  batch_id: string;
  stock_id: string | null;
  stock_type: string;
  quantity: number;
  state: 'creating' | 'uploading' | 'ready' | 'failed';
  taken: number;
  uploaded: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}
const COLS = 'id, batch_id, stock_id, stock_type, quantity, state, taken, uploaded, last_error, created_at, updated_at';

const unsupported = (why: string) => new AppError(422, 'WECHATPAY_KIND_UNSUPPORTED', why, { errors: [{ field: 'template.kind', reason: why }] });

export function couponRule(t: TemplateRow): { stock_type: string; rule: Record<string, unknown> } {
  const min = t.rules?.min_spend ?? 0;
  const v = t.value;
  if (t.kind === 'cash') {
    const off = v.amount_off ?? 0;
    // WeChat's threshold is an order total the coupon applies from; it must exceed the amount off
    return { stock_type: 'NORMAL', rule: { fixed_normal_coupon: { discount_amount: off, transaction_minimum: Math.max(min, off + 1) } } };
  }
  if (t.kind === 'discount') {
    const off = v.percent_off ?? 0;
    if (!Number.isInteger(off)) throw unsupported('a WeChat discount coupon takes whole percents (88 = 8.8折); this template’s percent off is fractional');
    if (v.max_off) throw unsupported('a WeChat discount coupon has no cap on the amount off; this template caps it (max_off), which WeChat would not enforce');
    return { stock_type: 'DISCOUNT', rule: { discount_coupon: { discount_percent: 100 - off, transaction_minimum: min } } };
  }
  if (t.kind === 'exchange') return { stock_type: 'EXCHANGE', rule: { exchange_coupon: { exchange_price: 0, transaction_minimum: min } } };
  throw unsupported(`a ${t.kind} card has no WeChat merchant-coupon shape; only cash, discount and exchange cards can be mirrored`);
}

/** Where the stock can be used: the template's fixed window, or from now for N days (no end: one year). */
export function window(t: TemplateRow, now: Date): { begin: Date; end: Date } {
  const v = t.validity as any;
  if (v.type === 'fixed') {
    const begin = v.starts_at && new Date(v.starts_at) > now ? new Date(v.starts_at) : now;
    return { begin, end: new Date(v.ends_at) };
  }
  if (v.type === 'relative') return { begin: now, end: new Date(now.getTime() + v.days * DAY) };
  return { begin: now, end: new Date(now.getTime() + 365 * DAY) };
}

const rfc3339 = (d: Date) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

export function stockBody(t: TemplateRow, s: StockRow, mchid: string, now: Date) {
  const { rule } = couponRule(t);
  const w = window(t, new Date(s.created_at ?? now));
  return {
    stock_name: t.name.slice(0, 20),
    belong_merchant: mchid,
    goods_name: (t.value.product_name ?? t.name).slice(0, 15),
    stock_type: s.stock_type,
    coupon_use_rule: {
      coupon_available_time: { available_begin_time: rfc3339(w.begin), available_end_time: rfc3339(w.end) },
      ...rule,
      use_method: 'OFF_LINE',
    },
    stock_send_rule: {
      max_coupons: s.quantity,
      max_coupons_per_user: 1,
      natural_person_limit: false,
      prevent_api_abuse: false,
      transferable: false,
      shareable: false,
    },
    out_request_no: s.id,
    coupon_code_mode: 'MERCHANT_UPLOAD',
  };
}

/** Starts a mirror (or restarts one that failed, from where it stopped). */
export async function startMirror(q: Sql, tenantId: string, batchId: string, quantity: number | undefined, now: Date): Promise<StockRow> {
  const batch = await getBatch(q, tenantId, batchId);
  const t = await getTemplate(q, tenantId, batch.template_id);
  const existing = await stockOfBatch(q, tenantId, batchId);
  if (existing) {
    if (existing.state !== 'failed') throw new AppError(409, 'WECHATPAY_ALREADY_MIRRORED', 'this batch is already mirrored to WeChat Pay');
    const r = await q.query<StockRow>(
      `UPDATE wechat_stocks SET state = CASE WHEN stock_id IS NULL THEN 'creating' ELSE 'uploading' END, last_error = NULL, updated_at = $3
       WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
      [tenantId, existing.id, now],
    );
    return r.rows[0];
  }
  if (batch.mode === 'on_issue')
    throw new AppError(422, 'WECHATPAY_INVALID', 'batch_id: an on-issue batch has no codes to upload', {
      errors: [{ field: 'batch_id', reason: 'on_issue batches have no codes to upload' }],
    });
  const { stock_type } = couponRule(t);
  const n = quantity ?? batch.generated - batch.issued;
  if (n < 1)
    throw new AppError(422, 'WECHATPAY_INVALID', 'quantity: no code of this batch is left in the pool', {
      errors: [{ field: 'quantity', reason: 'no code left in the pool' }],
    });
  const r = await q.query<StockRow>(
    `INSERT INTO wechat_stocks (tenant_id, id, batch_id, stock_type, quantity, state, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'creating', $6, $6) RETURNING ${COLS}`,
    [tenantId, newId('wxs'), batchId, stock_type, n, now],
  );
  return r.rows[0];
}

export async function stockOfBatch(q: Sql, tenantId: string, batchId: string): Promise<StockRow | null> {
  return (await q.query<StockRow>(`SELECT ${COLS} FROM wechat_stocks WHERE tenant_id = $1 AND batch_id = $2`, [tenantId, batchId])).rows[0] ?? null;
}

export async function stockRow(q: Sql, tenantId: string, id: string, forUpdate = false): Promise<StockRow> {
  const r = await q.query<StockRow>(`SELECT ${COLS} FROM wechat_stocks WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!r.rows[0]) throw new AppError(404, 'WECHATPAY_STOCK_NOT_FOUND', 'this batch is not mirrored to WeChat Pay');
  return r.rows[0];
}

export async function setStock(q: Sql, tenantId: string, id: string, f: Partial<Pick<StockRow, 'stock_id' | 'state' | 'last_error'>>, now: Date) {
  await q.query(
    `UPDATE wechat_stocks SET stock_id = COALESCE($3, stock_id), state = COALESCE($4, state),
       last_error = CASE WHEN $5::boolean THEN $6 ELSE last_error END, updated_at = $7 WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, f.stock_id ?? null, f.state ?? null, 'last_error' in f, f.last_error ?? null, now],
  );
}
