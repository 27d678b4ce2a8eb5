import type { Sql } from '../../db/index.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { ORDER_COLS, viewOrder, type Activity, type Order } from './service.js';

/** Orders, newest first (by member or the brand's number). */
export async function listOrders(q: Sql, tenantId: string, f: { member_id?: string; order_no?: string; limit?: number; cursor?: string }) {
  const limit = f.limit ?? 50;
  const r = await q.query<Order>(
    `SELECT ${ORDER_COLS} FROM member_orders WHERE tenant_id = $1 AND ($2::text IS NULL OR member_id = $2) AND ($3::text IS NULL OR order_no = $3)
       AND ($4::text IS NULL OR id < $4) ORDER BY id DESC LIMIT $5`,
    [tenantId, f.member_id ?? null, f.order_no ?? null, decodeCursor(f.cursor), limit + 1],
  );
  return pageOf(r.rows.map(viewOrder), limit);
}

export async function listActivities(q: Sql, tenantId: string, memberId: string, f: { limit?: number; cursor?: string }) {
  const limit = f.limit ?? 50;
  const r = await q.query<Activity>(
    `SELECT id, member_id, type, reference, data, effects, at, created_at FROM member_activities
     WHERE tenant_id = $1 AND member_id = $2 AND ($3::text IS NULL OR id < $3) ORDER BY id DESC LIMIT $4`,
    [tenantId, memberId, decodeCursor(f.cursor), limit + 1],
  );
  return pageOf(r.rows, limit);
}

/** Which of the member's orders this one is (1: their first 首单), counting orders placed before it or with it. */
export async function memberOrderNumber(q: Sql, tenantId: string, memberId: string, orderId: string): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM member_orders o, (SELECT placed_at, id FROM member_orders WHERE tenant_id = $1 AND id = $3) me
     WHERE o.tenant_id = $1 AND o.member_id = $2 AND (o.placed_at, o.id) <= (me.placed_at, me.id)`,
    [tenantId, memberId, orderId],
  );
  return r.rows[0]?.n ?? 0;
}
