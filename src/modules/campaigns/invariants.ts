import type { Sql } from '../../db/index.js';
import type { Invariant } from '../../platform/module.js';

/**
 * The counters beside the claims: each is taken by one conditional statement in the claim's
 * transaction, so each always equals the rows it counts — a campaign's `claimed` its claims (and
 * never above its stock: a CHECK), a member's count their claims of it, a share link's `friends` the
 * claims through it, a sharer's `credited` the friends they were credited for.
 */
const rows = async (q: Sql, sql: string, tenantId?: string) => (await q.query(sql, [tenantId ?? null])).rows;

export const campaignInvariants: Invariant[] = [
  {
    name: 'campaign_claimed',
    says: "a campaign's claimed count equals its claims",
    violations: (q, t) =>
      rows(
        q,
        `SELECT c.tenant_id, c.id AS campaign_id, c.claimed, count(l.id) AS claims
         FROM campaigns c LEFT JOIN campaign_claims l ON l.tenant_id = c.tenant_id AND l.campaign_id = c.id
         WHERE ($1::text IS NULL OR c.tenant_id = $1) GROUP BY c.tenant_id, c.id, c.claimed HAVING c.claimed <> count(l.id)`,
        t,
      ),
  },
  {
    name: 'campaign_member_counts',
    says: "a member's count of a campaign equals their claims of it, numbered 1 to that count",
    violations: (q, t) =>
      rows(
        q,
        `WITH claims AS (SELECT tenant_id, campaign_id, member_id, count(*) AS n, max(n) AS top FROM campaign_claims
           WHERE $1::text IS NULL OR tenant_id = $1 GROUP BY tenant_id, campaign_id, member_id),
         counted AS (SELECT * FROM campaign_member_counts WHERE $1::text IS NULL OR tenant_id = $1)
         SELECT coalesce(c.tenant_id, l.tenant_id) AS tenant_id, coalesce(c.campaign_id, l.campaign_id) AS campaign_id,
           coalesce(c.member_id, l.member_id) AS member_id, coalesce(c.claimed, 0) AS counted, coalesce(l.n, 0) AS claims
         FROM counted c FULL JOIN claims l ON l.tenant_id = c.tenant_id AND l.campaign_id = c.campaign_id AND l.member_id = c.member_id
         WHERE coalesce(c.claimed, 0) <> coalesce(l.n, 0) OR coalesce(l.top, 0) <> coalesce(l.n, 0)`,
        t,
      ),
  },
  {
    name: 'campaign_share_friends',
    says: "a share link's friends equal the claims made through it",
    violations: (q, t) =>
      rows(
        q,
        `SELECT s.tenant_id, s.id AS share_id, s.friends, count(l.id) AS claims
         FROM campaign_shares s LEFT JOIN campaign_claims l ON l.tenant_id = s.tenant_id AND l.share_id = s.id
         WHERE ($1::text IS NULL OR s.tenant_id = $1) GROUP BY s.tenant_id, s.id, s.friends HAVING s.friends <> count(l.id)`,
        t,
      ),
  },
  {
    name: 'campaign_sharer_credited',
    says: "a sharer's credited count equals the friends they were credited for, and never passes the campaign's cap",
    violations: (q, t) =>
      rows(
        q,
        `SELECT x.tenant_id, x.campaign_id, x.member_id, x.credited,
           (SELECT count(*) FROM campaign_credits k WHERE k.tenant_id = x.tenant_id AND k.campaign_id = x.campaign_id
              AND k.sharer_id = x.member_id AND k.state = 'credited') AS credits
         FROM campaign_sharers x JOIN campaigns c ON c.tenant_id = x.tenant_id AND c.id = x.campaign_id
         WHERE ($1::text IS NULL OR x.tenant_id = $1)
           AND (x.credited <> (SELECT count(*) FROM campaign_credits k WHERE k.tenant_id = x.tenant_id AND k.campaign_id = x.campaign_id
                                 AND k.sharer_id = x.member_id AND k.state = 'credited')
                OR x.credited > (c.share->>'credit_cap')::int)`,
        t,
      ),
  },
];
