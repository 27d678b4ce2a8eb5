import type { Sql } from '../../db/index.js';
import type { Invariant } from '../../platform/module.js';

const rows = async (q: Sql, sql: string, tenantId?: string) => (await q.query(sql, [tenantId ?? null])).rows;

/**
 * The counters beside the groups: each is moved by one conditional statement in the transaction that
 * starts, fills or expires a group, so they always equal what the groups say.
 */
export const groupInvariants: Invariant[] = [
  {
    name: 'group_joined_members',
    says: "a group's count of members equals its member rows, never above its size, and it is unlocked exactly when full",
    violations: (q, t) =>
      rows(
        q,
        `SELECT g.tenant_id, g.id, g.joined, g.size, g.state, count(m.member_id) AS members
         FROM group_teams g LEFT JOIN group_members m ON m.tenant_id = g.tenant_id AND m.group_id = g.id
         WHERE ($1::text IS NULL OR g.tenant_id = $1) GROUP BY g.tenant_id, g.id
         HAVING g.joined <> count(m.member_id) OR count(m.member_id) > g.size OR (g.state = 'unlocked') <> (g.joined = g.size)`,
        t,
      ),
  },
  {
    name: 'group_campaign_counters',
    says: "a campaign's held, unlocked and expired counters equal its open, unlocked and expired groups",
    violations: (q, t) =>
      rows(
        q,
        `SELECT c.tenant_id, c.id, c.held, c.unlocked, c.expired, s.open, s.unlocked AS unlocked_groups, s.expired AS expired_groups
         FROM group_campaigns c LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE state = 'open') AS open, count(*) FILTER (WHERE state = 'unlocked') AS unlocked,
                  count(*) FILTER (WHERE state = 'expired') AS expired
           FROM group_teams g WHERE g.tenant_id = c.tenant_id AND g.campaign_id = c.id) s ON TRUE
         WHERE ($1::text IS NULL OR c.tenant_id = $1) AND (c.held <> s.open OR c.unlocked <> s.unlocked OR c.expired <> s.expired)`,
        t,
      ),
  },
  {
    name: 'group_member_counts',
    says: "a member's count of a campaign's groups equals the groups of it they are in that are open or unlocked",
    violations: (q, t) =>
      rows(
        q,
        `WITH live AS (SELECT m.tenant_id, m.campaign_id, m.member_id, count(*) AS n FROM group_members m
           JOIN group_teams g ON g.tenant_id = m.tenant_id AND g.id = m.group_id AND g.state <> 'expired'
           WHERE ($1::text IS NULL OR m.tenant_id = $1) GROUP BY 1, 2, 3)
         SELECT coalesce(c.tenant_id, l.tenant_id) AS tenant_id, coalesce(c.campaign_id, l.campaign_id) AS campaign_id,
                coalesce(c.member_id, l.member_id) AS member_id, c.groups, l.n
         FROM (SELECT * FROM group_member_counts WHERE $1::text IS NULL OR tenant_id = $1) c
         FULL JOIN live l ON l.tenant_id = c.tenant_id AND l.campaign_id = c.campaign_id AND l.member_id = c.member_id
         WHERE coalesce(c.groups, 0) <> coalesce(l.n, 0)`,
        t,
      ),
  },
  {
    name: 'group_unlocked_rewarded',
    says: 'every member of an unlocked group was given the rewards or has the refusal recorded; no member of another group was',
    violations: (q, t) =>
      rows(
        q,
        `SELECT m.tenant_id, m.group_id, m.member_id, g.state, m.grant_id, m.reward_problem FROM group_members m
         JOIN group_teams g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
         WHERE ($1::text IS NULL OR m.tenant_id = $1)
           AND ((g.state = 'unlocked' AND m.grant_id IS NULL AND m.reward_problem IS NULL) OR (g.state <> 'unlocked' AND (m.grant_id IS NOT NULL OR m.reward_problem IS NOT NULL)))`,
        t,
      ),
  },
];
