import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { refusal } from '../../platform/problems/refusal.js';
import { checkRewards } from '../rewards/service.js';
import type { Reward } from '../rewards/schemas.js';
import { checkSegment } from './audience.js';

/**
 * 组团活动 group campaigns: the operator's terms — audience, window, group size, time limit, stock of
 * groups, per-member limit, and the rewards each member gets on unlock. Made as a draft, published
 * (groups may start) and paused (no new group starts; open groups may still fill until their deadline).
 */
export type CampaignStatus = 'draft' | 'published' | 'paused';
export interface CampaignRow {
  id: string;
  name: string;
  description: string;
  segment_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  size: number;
  time_limit_minutes: number;
  stock: number | null;
  held: number;
  unlocked: number;
  expired: number;
  per_member_limit: number | null;
  rewards: Reward[];
  status: CampaignStatus;
  created_at: Date;
  updated_at: Date;
}
export const CAMPAIGN_COLS =
  'id, name, description, segment_id, starts_at, ends_at, size, time_limit_minutes, stock, held, unlocked, expired, per_member_limit, rewards, status, created_at, updated_at';

export interface CampaignTerms {
  name?: string;
  description?: string;
  audience?: { segment_id: string } | null;
  starts_at?: string | null;
  ends_at?: string | null;
  size?: number;
  time_limit_minutes?: number;
  stock?: number | null;
  per_member_limit?: number | null;
  rewards?: Reward[];
}

export const campaignNotFound = () => new AppError(404, 'GROUP_CAMPAIGN_NOT_FOUND', 'group campaign not found');

export async function getCampaign(q: Sql, tenantId: string, id: string): Promise<CampaignRow> {
  const r = await q.query<CampaignRow>(`SELECT ${CAMPAIGN_COLS} FROM group_campaigns WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw campaignNotFound();
  return r.rows[0];
}

const when = (v: string | null | undefined) => (v ? new Date(v) : null);

/** The campaign as it will be (a PATCH over its row, or a new one), checked as a whole. */
async function check(q: Sql, tenantId: string, c: Pick<CampaignRow, 'starts_at' | 'ends_at' | 'segment_id' | 'rewards'>) {
  if (c.starts_at && c.ends_at && c.starts_at >= c.ends_at) throw invalid('ends_at', 'the campaign ends after it starts');
  if (c.segment_id) await checkSegment(q, tenantId, c.segment_id);
  const problems = await checkRewards(q, tenantId, c.rewards);
  if (problems.length) throw new AppError(422, 'VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { errors: problems });
}

export async function createCampaign(
  q: Sql,
  tenantId: string,
  input: CampaignTerms & { name: string; size: number; time_limit_minutes: number; rewards: Reward[] },
  now: Date,
) {
  const row = {
    starts_at: when(input.starts_at),
    ends_at: when(input.ends_at),
    segment_id: input.audience?.segment_id ?? null,
    rewards: input.rewards,
  };
  await check(q, tenantId, row);
  const r = await q.query<CampaignRow>(
    `INSERT INTO group_campaigns (tenant_id, id, name, description, segment_id, starts_at, ends_at, size, time_limit_minutes, stock, per_member_limit,
       rewards, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13) RETURNING ${CAMPAIGN_COLS}`,
    [
      tenantId,
      newId('gpc', now.getTime()),
      input.name,
      input.description ?? '',
      row.segment_id,
      row.starts_at,
      row.ends_at,
      input.size,
      input.time_limit_minutes,
      input.stock ?? null,
      input.per_member_limit === undefined ? 1 : input.per_member_limit,
      JSON.stringify(input.rewards),
      now,
    ],
  );
  return r.rows[0]!;
}

/**
 * Change a campaign's terms. Size and time limit apply to groups started from now on (a group keeps
 * the size and deadline it started with); rewards are what groups that unlock from now on give. Stock
 * may not go below the groups holding or using it: the condition is in the one UPDATE, so a group that
 * starts meanwhile is always counted.
 */
export async function updateCampaign(q: Sql, tenantId: string, id: string, patch: CampaignTerms, now: Date): Promise<CampaignRow> {
  const cur = await getCampaign(q, tenantId, id);
  const has = (k: keyof CampaignTerms) => Object.hasOwn(patch, k);
  const next = {
    name: patch.name ?? cur.name,
    description: patch.description ?? cur.description,
    segment_id: has('audience') ? (patch.audience?.segment_id ?? null) : cur.segment_id,
    starts_at: has('starts_at') ? when(patch.starts_at) : cur.starts_at,
    ends_at: has('ends_at') ? when(patch.ends_at) : cur.ends_at,
    size: patch.size ?? cur.size,
    time_limit_minutes: patch.time_limit_minutes ?? cur.time_limit_minutes,
    stock: has('stock') ? (patch.stock ?? null) : cur.stock,
    per_member_limit: has('per_member_limit') ? (patch.per_member_limit ?? null) : cur.per_member_limit,
    rewards: patch.rewards ?? cur.rewards,
  };
  await check(q, tenantId, next);
  const r = await q.query<CampaignRow>(
    `UPDATE group_campaigns SET name = $3, description = $4, segment_id = $5, starts_at = $6, ends_at = $7, size = $8, time_limit_minutes = $9,
       stock = $10, per_member_limit = $11, rewards = $12, updated_at = $13
     WHERE tenant_id = $1 AND id = $2 AND ($10::int IS NULL OR held + unlocked <= $10::int) RETURNING ${CAMPAIGN_COLS}`,
    [
      tenantId,
      id,
      next.name,
      next.description,
      next.segment_id,
      next.starts_at,
      next.ends_at,
      next.size,
      next.time_limit_minutes,
      next.stock,
      next.per_member_limit,
      JSON.stringify(next.rewards),
      now,
    ],
  );
  if (r.rows[0]) return r.rows[0];
  const c = await getCampaign(q, tenantId, id);
  throw refusal(
    'GROUP_STOCK_BELOW_USED',
    `stock: ${next.stock} is below the ${c.held + c.unlocked} groups open or unlocked`,
    { used: c.held + c.unlocked },
    { errors: [{ field: 'stock', reason: 'below the groups open or unlocked' }] },
  );
}

/** 发布 / 暂停: publish a draft or a paused campaign (groups may start), or pause a published one. */
export async function setStatus(q: Sql, tenantId: string, id: string, to: 'published' | 'paused', now: Date): Promise<CampaignRow> {
  const r = await q.query<CampaignRow>(`UPDATE group_campaigns SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 RETURNING ${CAMPAIGN_COLS}`, [
    tenantId,
    id,
    to,
    now,
  ]);
  if (!r.rows[0]) throw campaignNotFound();
  return r.rows[0];
}

/** Campaign names by id (audit log, events). */
export async function campaignNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM group_campaigns WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}
