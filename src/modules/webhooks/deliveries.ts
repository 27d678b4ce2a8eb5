import type { Sql } from '../../db/index.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { getEndpoint } from './endpoints.js';

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One row of the delivery log 投递记录. Card deliveries store the bare event type; the API shows "card.x". */
export interface Delivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  state: DeliveryState;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
  payload: Record<string, unknown>;
}
const COLS = `'whd_' || id AS id, endpoint_id, payload->>'id' AS event_id, coalesce(payload->>'type', event_type) AS event_type,
  state, attempts, last_status, last_error, last_duration_ms, CASE WHEN state = 'pending' THEN next_attempt_at END AS next_attempt_at,
  last_attempt_at, delivered_at, created_at, payload`;

/** "whd_123" → 123; anything else is a delivery that does not exist. */
function rowId(id: string): string {
  const m = /^whd_(\d{1,18})$/.exec(id);
  if (!m) throw notFound('webhook_delivery');
  return m[1];
}

export async function getDelivery(q: Sql, tenantId: string, id: string): Promise<Delivery> {
  const r = await q.query<Delivery>(`SELECT ${COLS} FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2`, [tenantId, rowId(id)]);
  if (!r.rows[0]) throw notFound('webhook_delivery');
  return r.rows[0];
}

export async function listDeliveries(q: Sql, tenantId: string, endpointId: string, opts: { limit: number; cursor?: string; state?: DeliveryState }) {
  await getEndpoint(q, tenantId, endpointId);
  const after = decodeCursor(opts.cursor);
  if (after && !/^whd_\d+$/.test(after)) throw new AppError(400, 'INVALID_CURSOR', 'cursor: not a cursor this API gave out');
  const r = await q.query<Delivery>(
    `SELECT ${COLS} FROM webhook_deliveries
     WHERE tenant_id = $1 AND endpoint_id = $2 AND ($3::text IS NULL OR state = $3) AND ($4::bigint IS NULL OR id < $4)
     ORDER BY id DESC LIMIT $5`,
    [tenantId, endpointId, opts.state ?? null, after ? after.slice(4) : null, opts.limit + 1],
  );
  return pageOf(r.rows, opts.limit);
}

async function requireActive(q: Sql, tenantId: string, endpointId: string) {
  const e = await getEndpoint(q, tenantId, endpointId);
  if (!e.active) throw new AppError(409, 'WEBHOOK_ENDPOINT_INACTIVE', 'this webhook endpoint is inactive; activate it first (PATCH active=true)');
}

/** Any delivery, delivered or failed too, goes out again now with a fresh retry schedule. */
export async function resendDelivery(q: Sql, tenantId: string, id: string, at: Date): Promise<Delivery> {
  const d = await getDelivery(q, tenantId, id);
  await requireActive(q, tenantId, d.endpoint_id);
  const r = await q.query<Delivery>(
    `UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = $3, delivered_at = NULL
     WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
    [tenantId, rowId(id), at],
  );
  return r.rows[0];
}

/** A "ping" delivery to check an endpoint's URL and signature handling; it belongs to no card event. */
export async function sendTestEvent(q: Sql, tenantId: string, endpointId: string, at: Date): Promise<Delivery> {
  await requireActive(q, tenantId, endpointId);
  const payload = { id: newId('ping', at.getTime()), type: 'ping', created_at: at.toISOString(), data: { endpoint_id: endpointId } };
  const r = await q.query<Delivery>(
    `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, payload, next_attempt_at, created_at)
     VALUES ($1, $2, 0, 'ping', $3, $4, $4) RETURNING ${COLS}`,
    [tenantId, endpointId, JSON.stringify(payload), at],
  );
  return r.rows[0];
}
