import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { keyset } from '../../http/pagination.js';
import { channelOf, scopeSql, type Caller } from '../../http/access.js';
import { namesObject, resolveNames } from '../../platform/names.js';
import { getChannel, subtreeIds } from '../channels/service.js';

export interface LeakageAlert {
  id: string;
  kind: 'redemption' | 'binding';
  card_id: string;
  template_id: string | null;
  channel_id: string;
  channel_path: string;
  store_id: string | null;
  member_id: string | null;
  redemption_id: string | null;
  rule: 'flag' | 'refuse';
  reasons: string[];
  details: Record<string, unknown>;
  created_at: Date;
  handled_at: Date | null;
  handled_by: string | null;
  note: string | null;
}
const COLS = `id, kind, card_id, template_id, channel_id, channel_path, store_id, member_id, redemption_id, rule, reasons, details, created_at,
  handled_at, handled_by, note`;

export interface AlertFilter {
  limit: number;
  cursor?: string;
  /** this channel and every channel below it (a partner: within its own subtree) */
  channel_id?: string;
  template_id?: string;
  store_id?: string;
  from?: Date;
  to?: Date;
  handled?: boolean;
}

const SORTS = { created_at: null };

/** 窜货预警 newest first, the caller's subtree only (a partner), with the names of the ids they name. */
export async function listAlerts(q: Sql, caller: Caller, f: AlertFilter) {
  const tenantId = caller.tenantId;
  const page = keyset(SORTS, undefined, f.cursor);
  const params: unknown[] = [tenantId];
  const where = [`tenant_id = $1`, scopeSql(caller, params, { channel: 'channel_id' })];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.channel_id) {
    await getChannel(q, tenantId, f.channel_id, channelOf(caller)); // 404 outside a partner's subtree
    where.push(`channel_id = ANY(${p(await subtreeIds(q, tenantId, f.channel_id))}::text[])`);
  }
  if (f.template_id) where.push(`template_id = ${p(f.template_id)}`);
  if (f.store_id) where.push(`store_id = ${p(f.store_id)}`);
  if (f.from) where.push(`created_at >= ${p(f.from)}`);
  if (f.to) where.push(`created_at < ${p(f.to)}`);
  if (f.handled !== undefined) where.push(f.handled ? 'handled_at IS NOT NULL' : 'handled_at IS NULL');
  where.push(page.after(params));
  const r = await q.query<LeakageAlert>(
    `SELECT ${COLS} FROM leakage_alerts WHERE ${where.join(' AND ')} ORDER BY ${page.orderBy} LIMIT ${page.limit(params, f.limit)}`,
    params,
  );
  const out = page.page(r.rows, f.limit);
  const names = await resolveNames(
    q,
    tenantId,
    out.data.flatMap((a) => [a.card_id, a.template_id, a.channel_id, a.store_id, a.member_id, a.handled_by]), // who handled it: `operator:<username>` or `key:<id>`, by name
  );
  return { ...out, names: namesObject(names) };
}

/** 标记已处理: once; handling it again answers it as it is (who handled it first, and when, stays). */
export async function handleAlert(q: Sql, caller: Caller, id: string, by: string, note: string | null, at: Date): Promise<LeakageAlert> {
  const params: unknown[] = [caller.tenantId, id];
  const scope = scopeSql(caller, params, { channel: 'channel_id' });
  params.push(at, by, note);
  const n = params.length;
  const r = await q.query<LeakageAlert>(
    `UPDATE leakage_alerts SET handled_at = coalesce(handled_at, $${n - 2}), handled_by = coalesce(handled_by, $${n - 1}),
        note = CASE WHEN handled_at IS NULL THEN $${n} ELSE note END
      WHERE tenant_id = $1 AND id = $2 AND ${scope} RETURNING ${COLS}`,
    params,
  );
  if (!r.rows[0]) throw new AppError(404, 'LEAKAGE_ALERT_NOT_FOUND', 'leakage alert not found');
  return r.rows[0];
}
