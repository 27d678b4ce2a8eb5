import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { checkRewards } from '../rewards/service.js';
import type { Reward } from '../rewards/schemas.js';

/**
 * 邀请有礼 referral campaigns: what the referrer and the referee get, what qualifies a referral, the
 * return window, the window the campaign runs in and the per-referrer cap. A draft until it goes live
 * (上线); paused (暂停), no friend joins under it, but referrals already made are still paid.
 */
export type QualifyOn = 'registration' | 'first_order' | 'first_redemption';
export type CampaignStatus = 'draft' | 'live' | 'paused';
export interface CampaignRow {
  id: string;
  name: string;
  description: string;
  referrer_rewards: Reward[] | null;
  referee_rewards: Reward[] | null;
  qualify_on: QualifyOn;
  return_days: number;
  starts_at: Date | null;
  ends_at: Date | null;
  per_referrer_cap: number | null;
  status: CampaignStatus;
  created_at: Date;
  updated_at: Date;
}
export const CAMPAIGN_COLS =
  'id, name, description, referrer_rewards, referee_rewards, qualify_on, return_days, starts_at, ends_at, per_referrer_cap, status, created_at, updated_at';

export interface CampaignTerms {
  name?: string;
  description?: string;
  referrer_rewards?: Reward[] | null;
  referee_rewards?: Reward[] | null;
  qualify_on?: QualifyOn;
  return_days?: number;
  starts_at?: string | null;
  ends_at?: string | null;
  per_referrer_cap?: number | null;
}

export const campaignNotFound = () => new AppError(404, 'REFERRAL_CAMPAIGN_NOT_FOUND', 'referral campaign not found');

export async function getCampaign(q: Sql, tenantId: string, id: string, lock = false): Promise<CampaignRow> {
  const r = await q.query<CampaignRow>(`SELECT ${CAMPAIGN_COLS} FROM referral_campaigns WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [
    tenantId,
    id,
  ]);
  if (!r.rows[0]) throw campaignNotFound();
  return r.rows[0];
}

/** The campaign a friend joins under now: live, inside its window, the newest if several. */
export async function liveCampaign(q: Sql, tenantId: string, now: Date): Promise<CampaignRow | null> {
  const r = await q.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLS} FROM referral_campaigns WHERE tenant_id = $1 AND status = 'live'
       AND (starts_at IS NULL OR starts_at <= $2) AND (ends_at IS NULL OR ends_at > $2) ORDER BY id DESC LIMIT 1`,
    [tenantId, now],
  );
  return r.rows[0] ?? null;
}

const when = (v: string | null | undefined) => (v ? new Date(v) : null);

async function check(q: Sql, tenantId: string, c: Pick<CampaignRow, 'starts_at' | 'ends_at' | 'referrer_rewards' | 'referee_rewards'>) {
  if (c.starts_at && c.ends_at && c.starts_at >= c.ends_at) throw invalid('ends_at', 'the campaign ends after it starts');
  if (!c.referrer_rewards && !c.referee_rewards) throw invalid('referrer_rewards', 'give the referrer or the referee something');
  const problems = [
    ...(c.referrer_rewards ? await checkRewards(q, tenantId, c.referrer_rewards, 'referrer_rewards') : []),
    ...(c.referee_rewards ? await checkRewards(q, tenantId, c.referee_rewards, 'referee_rewards') : []),
  ];
  if (problems.length) throw new AppError(422, 'VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { errors: problems });
}

export async function createCampaign(q: Sql, tenantId: string, input: CampaignTerms & { name: string; qualify_on: QualifyOn }, now: Date) {
  const row = {
    starts_at: when(input.starts_at),
    ends_at: when(input.ends_at),
    referrer_rewards: input.referrer_rewards ?? null,
    referee_rewards: input.referee_rewards ?? null,
  };
  await check(q, tenantId, row);
  const r = await q.query<CampaignRow>(
    `INSERT INTO referral_campaigns (tenant_id, id, name, description, referrer_rewards, referee_rewards, qualify_on, return_days, starts_at, ends_at,
       per_referrer_cap, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12) RETURNING ${CAMPAIGN_COLS}`,
    [
      tenantId,
      newId('rfc', now.getTime()),
      input.name,
      input.description ?? '',
      row.referrer_rewards && JSON.stringify(row.referrer_rewards),
      row.referee_rewards && JSON.stringify(row.referee_rewards),
      input.qualify_on,
      input.return_days ?? 0,
      row.starts_at,
      row.ends_at,
      input.per_referrer_cap ?? null,
      now,
    ],
  );
  return r.rows[0]!;
}

export async function updateCampaign(q: Sql, tenantId: string, id: string, input: CampaignTerms, now: Date) {
  const cur = await getCampaign(q, tenantId, id, true);
  const has = (k: keyof CampaignTerms) => input[k] !== undefined;
  const next: CampaignRow = {
    ...cur,
    name: input.name ?? cur.name,
    description: input.description ?? cur.description,
    referrer_rewards: has('referrer_rewards') ? input.referrer_rewards! : cur.referrer_rewards,
    referee_rewards: has('referee_rewards') ? input.referee_rewards! : cur.referee_rewards,
    qualify_on: input.qualify_on ?? cur.qualify_on,
    return_days: input.return_days ?? cur.return_days,
    starts_at: has('starts_at') ? when(input.starts_at) : cur.starts_at,
    ends_at: has('ends_at') ? when(input.ends_at) : cur.ends_at,
    per_referrer_cap: has('per_referrer_cap') ? input.per_referrer_cap! : cur.per_referrer_cap,
  };
  await check(q, tenantId, next);
  const r = await q.query<CampaignRow>(
    `UPDATE referral_campaigns SET name = $3, description = $4, referrer_rewards = $5, referee_rewards = $6, qualify_on = $7, return_days = $8,
       starts_at = $9, ends_at = $10, per_referrer_cap = $11, updated_at = $12 WHERE tenant_id = $1 AND id = $2 RETURNING ${CAMPAIGN_COLS}`,
    [
      tenantId,
      id,
      next.name,
      next.description,
      next.referrer_rewards && JSON.stringify(next.referrer_rewards),
      next.referee_rewards && JSON.stringify(next.referee_rewards),
      next.qualify_on,
      next.return_days,
      next.starts_at,
      next.ends_at,
      next.per_referrer_cap,
      now,
    ],
  );
  return r.rows[0]!;
}

export async function setStatus(q: Sql, tenantId: string, id: string, to: 'live' | 'paused', now: Date) {
  const cur = await getCampaign(q, tenantId, id, true);
  if (to === 'live') await check(q, tenantId, cur);
  const r = await q.query<CampaignRow>(
    `UPDATE referral_campaigns SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 RETURNING ${CAMPAIGN_COLS}`,
    [tenantId, id, to, now],
  );
  return r.rows[0]!;
}

export async function campaignNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM referral_campaigns WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    ids,
  ]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}
