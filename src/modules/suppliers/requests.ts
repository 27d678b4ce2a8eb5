import type { Sql } from '../../db/index.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { enqueue } from '../../platform/jobs.js';
import { getBatch } from '../batches/service.js';
import { getTemplate } from '../templates/service.js';
import { candidates } from './service.js';

/**
 * Our orders to suppliers: `card` buys N codes into an imported batch of an external template
 * (采购入库), `direct` tops up an account (直充). Creating one enqueues `suppliers.drive`, which
 * places and follows its attempts (drive.ts); the request ends succeeded or failed.
 */
export interface RequestRow {
  id: string;
  kind: 'card' | 'direct';
  sku: string;
  quantity: number;
  batch_id: string | null;
  account: string | null;
  state: 'working' | 'succeeded' | 'failed';
  reason: string | null;
  codes_received: number;
  codes_imported: number;
  import_id: string | null;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
}
export interface AttemptRow {
  id: string;
  request_id: string;
  attempt: number;
  supplier_id: string;
  supplier_sku_id: string;
  product_id: string;
  outbound_no: string;
  state: 'pending' | 'succeeded' | 'failed' | 'unknown';
  supplier_order_id: string | null;
  codes_count: number;
  cost_fen: number;
  error: string | null;
  late_success: boolean;
  sent_at: Date | null;
  checks: number;
  created_at: Date;
  finished_at: Date | null;
}
const COLS = 'id, kind, sku, quantity, batch_id, account, state, reason, codes_received, codes_imported, import_id, created_by, created_at, finished_at';
export const ATTEMPT_COLS =
  'id, request_id, attempt, supplier_id, supplier_sku_id, product_id, outbound_no, state, supplier_order_id, codes_count, cost_fen::int8 AS cost_fen, error, late_success, sent_at, checks, created_at, finished_at';
export const attemptOut = (r: any): AttemptRow => ({ ...r, cost_fen: Number(r.cost_fen) });

export const DRIVE = 'suppliers.drive';
export const driveJob = (tenantId: string, requestId: string) => ({
  type: DRIVE,
  tenantId,
  payload: { request_id: requestId },
  singleton: `supplier:${requestId}`,
  maxAttempts: 50,
});

export interface RequestInput {
  kind: 'card' | 'direct';
  sku: string;
  quantity?: number;
  batch_id?: string;
  account?: string;
}

export async function createRequest(q: Sql, tenantId: string, input: RequestInput, createdBy: string, now: Date): Promise<RequestRow> {
  const sku = input.sku.trim();
  const refuse = (field: string, reason: string) => new AppError(422, 'SUPPLIER_ORDER_INVALID', `${field}: ${reason}`, { errors: [{ field, reason }] });
  if (input.kind === 'card') {
    if (!input.batch_id) throw refuse('batch_id', 'codes bought from a supplier go into an imported batch: name it');
    if (input.account !== undefined) throw refuse('account', 'a code purchase has no account; a top-up (kind direct) has');
    const batch = await getBatch(q, tenantId, input.batch_id);
    const t = await getTemplate(q, tenantId, batch.template_id);
    if (batch.mode !== 'imported' || t.kind !== 'external')
      throw refuse('batch_id', 'codes bought from a supplier go into an imported batch of an external (第三方卡密) template');
  } else {
    if (!input.account?.trim()) throw refuse('account', 'a top-up needs the account to top up (a phone number or member account)');
    if (input.batch_id !== undefined) throw refuse('batch_id', 'a top-up goes to an account, not into a batch');
  }
  if (!(await candidates(q, tenantId, sku, input.kind)).length)
    throw new AppError(422, 'SUPPLIER_NONE_FOR_SKU', `sku: no active supplier maps ${sku} for ${input.kind}`, {
      errors: [{ field: 'sku', reason: 'no active supplier maps this SKU' }],
      sku,
    });
  const r = await q.query<RequestRow>(
    `INSERT INTO supplier_requests (tenant_id, id, kind, sku, quantity, batch_id, account, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLS}`,
    [tenantId, newId('spr'), input.kind, sku, input.quantity ?? 1, input.batch_id ?? null, input.account?.trim() ?? null, createdBy, now],
  );
  await enqueue(q, driveJob(tenantId, r.rows[0].id));
  return r.rows[0];
}

export async function getRequest(q: Sql, tenantId: string, id: string, forUpdate = false): Promise<RequestRow> {
  const r = await q.query<RequestRow>(`SELECT ${COLS} FROM supplier_requests WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [
    tenantId,
    id,
  ]);
  if (!r.rows[0]) throw notFound('supplier_order');
  return r.rows[0];
}

export async function attemptsOf(q: Sql, tenantId: string, requestId: string): Promise<AttemptRow[]> {
  const r = await q.query(`SELECT ${ATTEMPT_COLS} FROM supplier_orders WHERE tenant_id = $1 AND request_id = $2 ORDER BY attempt`, [tenantId, requestId]);
  return r.rows.map(attemptOut);
}

export async function listRequests(q: Sql, tenantId: string, limit = 100): Promise<RequestRow[]> {
  return (await q.query<RequestRow>(`SELECT ${COLS} FROM supplier_requests WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [tenantId, limit]))
    .rows;
}
