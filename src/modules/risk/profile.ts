import type { Sql } from '../../db/index.js';
import { namesObject, resolveNames } from '../../platform/names.js';
import { entriesFor } from './lists.js';
import { listDecisions } from './decisions.js';
import { memberExists } from '../members/service.js';
import { notFound } from '../../errors.js';

/** A member's risk profile 会员风险画像 (the console's member page): what lists name them, what was decided, where they came from. */
export async function memberRisk(q: Sql, tenantId: string, memberId: string, now: Date) {
  if (!(await memberExists(q, tenantId, memberId))) throw notFound('member');
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const devices = (
    await q.query<{ device_id: string; members: number; last_at: Date }>(
      `SELECT s.device_id, max(s.at) AS last_at,
         (SELECT count(DISTINCT o.member_id)::int FROM risk_signals o WHERE o.tenant_id = $1 AND o.device_id = s.device_id AND o.at > $3) AS members
       FROM risk_signals s WHERE s.tenant_id = $1 AND s.member_id = $2 AND s.device_id IS NOT NULL AND s.at > $3
       GROUP BY s.device_id ORDER BY last_at DESC LIMIT 20`,
      [tenantId, memberId, since],
    )
  ).rows;
  const ips = (
    await q.query<{ ip: string; last_at: Date }>(
      `SELECT ip, max(at) AS last_at FROM risk_signals WHERE tenant_id = $1 AND member_id = $2 AND ip IS NOT NULL AND at > $3
       GROUP BY ip ORDER BY last_at DESC LIMIT 20`,
      [tenantId, memberId, since],
    )
  ).rows;
  const changes = (
    await q.query<{ n: number }>('SELECT count(*)::int AS n FROM risk_phone_changes WHERE tenant_id = $1 AND member_id = $2 AND at > $3', [
      tenantId,
      memberId,
      since,
    ])
  ).rows[0]!.n;
  const lists = await entriesFor(q, tenantId, [memberId, ...devices.map((d) => d.device_id), ...ips.map((i) => i.ip)], now);
  const decisions = await listDecisions(q, tenantId, { member_id: memberId, limit: 20 });
  const names = await resolveNames(q, tenantId, [memberId]);
  return {
    member_id: memberId,
    lists,
    decisions: decisions.data,
    devices,
    ips,
    phone_changes_30d: changes,
    names: { ...decisions.names, ...namesObject(names) },
  };
}
