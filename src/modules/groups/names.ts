import type { Sql } from '../../db/index.js';
import { memberNames } from '../members/names.js';

/** A group as people know it (the audit log, a member's history): its campaign and who started it — 「3人成团 · 张伟的团」. */
export async function groupNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; leader_id: string; campaign: string }>(
    `SELECT g.id, g.leader_id, c.name AS campaign FROM group_teams g JOIN group_campaigns c ON c.tenant_id = g.tenant_id AND c.id = g.campaign_id
     WHERE g.tenant_id = $1 AND g.id = ANY($2::text[])`,
    [tenantId, ids],
  );
  const leaders = await memberNames(q, tenantId, [...new Set(r.rows.map((x) => x.leader_id))]);
  return new Map(r.rows.map((x) => [x.id, `${x.campaign} · ${leaders.get(x.leader_id) ?? '—'}的团`]));
}
