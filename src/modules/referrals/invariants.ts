import type { Invariant } from '../../platform/module.js';

/** What always holds of the referrals' tables (checked after every test and by `kaquan verify`). */
export const referralInvariants: Invariant[] = [
  {
    name: 'referrals.referrer_count',
    says: 'a referrer’s rewarded count under a campaign is the number of their paid referrals whose referrer was given the rewards, and within the cap',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT c.tenant_id, c.campaign_id, c.referrer_id, c.rewarded, count(r.id) AS paid, k.per_referrer_cap
           FROM referral_referrers c JOIN referral_campaigns k ON k.tenant_id = c.tenant_id AND k.id = c.campaign_id
           LEFT JOIN referrals r ON r.tenant_id = c.tenant_id AND r.campaign_id = c.campaign_id AND r.referrer_id = c.referrer_id AND r.referrer_grant_id IS NOT NULL
           WHERE ($1::text IS NULL OR c.tenant_id = $1)
           GROUP BY c.tenant_id, c.campaign_id, c.referrer_id, c.rewarded, k.per_referrer_cap
           HAVING c.rewarded <> count(r.id) OR (k.per_referrer_cap IS NOT NULL AND c.rewarded > k.per_referrer_cap)`,
          [tenantId ?? null],
        )
      ).rows,
  },
  {
    name: 'referrals.paid_once',
    says: 'a rewarded referral’s givings carry its references, and no referral that was not paid has one',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT r.tenant_id, r.id, r.state FROM referrals r
           WHERE ($1::text IS NULL OR r.tenant_id = $1) AND r.state <> 'rewarded' AND (r.referrer_grant_id IS NOT NULL OR r.referee_grant_id IS NOT NULL)`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
