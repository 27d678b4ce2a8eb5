import type { Sql } from '../../db/index.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { orderNames } from '../wholesale/names.js';
import { COLS, deliveryView, type DeliveryRow, type DeliveryState } from './model.js';

export interface DeliveryFilter {
  state?: DeliveryState;
  method?: 'file' | 'link';
  reference_type?: string;
  reference_id?: string;
  limit: number;
  cursor?: string;
}

/** The state as SQL, the same rule as `stateOf`. */
const SPENT = "(downloads > 0 OR (method = 'file' AND fetches > 0))";
const STATE_SQL: Record<DeliveryState, string> = {
  revoked: 'revoked_at IS NOT NULL',
  downloaded: `revoked_at IS NULL AND ${SPENT}`,
  expired: `revoked_at IS NULL AND NOT ${SPENT} AND method = 'link' AND expires_at <= $NOW`,
  created: `revoked_at IS NULL AND NOT ${SPENT} AND (method = 'file' OR expires_at > $NOW)`,
};

/** 交付列表: newest first, by state, method or what they deliver for (an order follows its deliveries by reference). */
export async function listDeliveries(q: Sql, tenantId: string, f: DeliveryFilter, now: Date) {
  const params: unknown[] = [tenantId];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const where = ['tenant_id = $1'];
  if (f.state) {
    const sql = STATE_SQL[f.state];
    where.push(sql.includes('$NOW') ? sql.replace('$NOW', p(now)) : sql);
  }
  if (f.method) where.push(`method = ${p(f.method)}`);
  if (f.reference_type) where.push(`reference_type = ${p(f.reference_type)}`);
  if (f.reference_id) where.push(`reference_id = ${p(f.reference_id)}`);
  const after = decodeCursor(f.cursor);
  if (after) where.push(`id < ${p(after)}`);
  const r = await q.query<DeliveryRow>(`SELECT ${COLS} FROM deliveries WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ${p(f.limit + 1)}`, params);
  const page = pageOf(r.rows, f.limit);
  return {
    data: await withReferenceNames(
      q,
      tenantId,
      page.data.map((d) => deliveryView(d, now)),
    ),
    next_cursor: page.next_cursor,
  };
}

/** Names beside ids: a delivery for a wholesale order names it (its buyer and units); other references stay as they are. */
export async function withReferenceNames<T extends { reference_type: string | null; reference_id: string | null }>(
  q: Sql,
  tenantId: string,
  rows: T[],
): Promise<(T & { reference_name: string | null })[]> {
  const orders = await orderNames(
    q,
    tenantId,
    rows.filter((d) => d.reference_type === 'wholesale_order' && d.reference_id).map((d) => d.reference_id!),
  );
  return rows.map((d) => ({ ...d, reference_name: d.reference_type === 'wholesale_order' ? (orders.get(d.reference_id ?? '') ?? null) : null }));
}
