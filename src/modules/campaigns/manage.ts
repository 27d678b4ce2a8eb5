import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { refusal } from '../../platform/problems/refusal.js';
import { checkRewards } from '../rewards/service.js';
import { segmentNames } from './deps.js';
import { CAMPAIGN_COLS, getCampaign, type CampaignRow, type CampaignStatus } from './model.js';
import type { CampaignCreate, CampaignPatch } from './schemas.js';

/**
 * Making and changing campaigns 活动管理: a campaign is made as a draft 草稿, published 上线 (live),
 * paused 暂停 and published again, and ended 结束 for good. Its kind is fixed when it is made. Its
 * stock may be changed but never below what has been claimed: the condition is in the one UPDATE, so
 * a claim that lands meanwhile is always counted.
 */

const when = (v: string | null | undefined) => (v ? new Date(v) : null);

/** Cross-field rules over the campaign as it will be (a PATCH merged over the row). */
async function checkTerms(q: Sql, tenantId: string, c: Pick<CampaignRow, 'kind' | 'segment_id' | 'starts_at' | 'ends_at' | 'rewards' | 'share'>) {
  if (c.starts_at && c.ends_at && c.starts_at >= c.ends_at) throw invalid('ends_at', 'the campaign ends after it starts');
  if (c.kind === 'share' && !c.share) throw invalid('share', 'a share campaign needs its share settings');
  if (c.kind === 'claim' && c.share) throw invalid('share', 'only a share campaign has share settings');
  if (c.segment_id && !(await segmentNames(q, tenantId, [c.segment_id])).has(c.segment_id)) throw invalid('audience.segment_id', 'no such segment');
  const problems = [
    ...(await checkRewards(q, tenantId, c.rewards)),
    ...(c.share ? await checkRewards(q, tenantId, c.share.credit_rewards, 'share/credit_rewards') : []),
  ];
  if (problems.length)
    throw new AppError(422, 'VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
      errors: problems.map((p) => ({ field: p.field, reason: p.reason })),
    });
}

export async function createCampaign(q: Sql, tenantId: string, input: CampaignCreate, now: Date): Promise<CampaignRow> {
  const row = {
    kind: input.kind ?? 'claim',
    segment_id: input.audience?.segment_id ?? null,
    starts_at: when(input.starts_at),
    ends_at: when(input.ends_at),
    rewards: input.rewards,
    share: input.share ?? null,
  };
  await checkTerms(q, tenantId, row);
  const r = await q.query<CampaignRow>(
    `INSERT INTO campaigns (tenant_id, id, kind, name, description, segment_id, starts_at, ends_at, stock, per_member_limit, rewards, share, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13) RETURNING ${CAMPAIGN_COLS}`,
    [
      tenantId,
      newId('cmp', now.getTime()),
      row.kind,
      input.name,
      input.description ?? '',
      row.segment_id,
      row.starts_at,
      row.ends_at,
      input.stock ?? null,
      input.per_member_limit ?? 1,
      JSON.stringify(row.rewards),
      row.share ? JSON.stringify(row.share) : null,
      now,
    ],
  );
  return r.rows[0]!;
}

export async function updateCampaign(q: Sql, tenantId: string, id: string, patch: CampaignPatch, now: Date): Promise<CampaignRow> {
  const cur = await getCampaign(q, tenantId, id);
  if (cur.status === 'ended') throw refusal('CAMPAIGN_STATUS', 'an ended campaign cannot change', {}, { campaign_status: cur.status });
  const has = (k: keyof CampaignPatch) => Object.hasOwn(patch, k);
  const next = {
    kind: cur.kind,
    name: patch.name ?? cur.name,
    description: patch.description ?? cur.description,
    segment_id: has('audience') ? (patch.audience?.segment_id ?? null) : cur.segment_id,
    starts_at: has('starts_at') ? when(patch.starts_at) : cur.starts_at,
    ends_at: has('ends_at') ? when(patch.ends_at) : cur.ends_at,
    stock: has('stock') ? (patch.stock ?? null) : cur.stock,
    per_member_limit: patch.per_member_limit ?? cur.per_member_limit,
    rewards: patch.rewards ?? cur.rewards,
    share: has('share') ? (patch.share ?? null) : cur.share,
  };
  await checkTerms(q, tenantId, next);
  const r = await q.query<CampaignRow>(
    `UPDATE campaigns SET name = $3, description = $4, segment_id = $5, starts_at = $6, ends_at = $7, stock = $8, per_member_limit = $9,
       rewards = $10, share = $11, updated_at = $12
     WHERE tenant_id = $1 AND id = $2 AND status <> 'ended' AND ($8::int IS NULL OR claimed <= $8::int) RETURNING ${CAMPAIGN_COLS}`,
    [
      tenantId,
      id,
      next.name,
      next.description,
      next.segment_id,
      next.starts_at,
      next.ends_at,
      next.stock,
      next.per_member_limit,
      JSON.stringify(next.rewards),
      next.share ? JSON.stringify(next.share) : null,
      now,
    ],
  );
  if (r.rows[0]) return r.rows[0];
  const now2 = await getCampaign(q, tenantId, id);
  if (now2.status === 'ended') throw refusal('CAMPAIGN_STATUS', 'an ended campaign cannot change', {}, { campaign_status: now2.status });
  throw refusal('CAMPAIGN_STOCK_BELOW_CLAIMED', `stock cannot go below the ${now2.claimed} claims made`, { claimed: now2.claimed });
}

const MOVES: Record<'publish' | 'pause' | 'end', { from: CampaignStatus[]; to: CampaignStatus }> = {
  publish: { from: ['draft', 'paused'], to: 'live' },
  pause: { from: ['live'], to: 'paused' },
  end: { from: ['draft', 'live', 'paused'], to: 'ended' },
};

/** 上线 / 暂停 / 结束: one conditional UPDATE from the states the move starts from. */
export async function moveCampaign(q: Sql, tenantId: string, id: string, move: keyof typeof MOVES, now: Date): Promise<CampaignRow> {
  const m = MOVES[move];
  if (move === 'publish') {
    const c = await getCampaign(q, tenantId, id);
    // what it gives must still exist (a template archived since the draft was made)
    if (m.from.includes(c.status)) await checkTerms(q, tenantId, c);
  }
  const r = await q.query<CampaignRow>(
    `UPDATE campaigns SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND status = ANY($5::text[]) RETURNING ${CAMPAIGN_COLS}`,
    [tenantId, id, m.to, now, m.from],
  );
  if (r.rows[0]) return r.rows[0];
  const c = await getCampaign(q, tenantId, id);
  throw refusal('CAMPAIGN_STATUS', `a ${c.status} campaign cannot ${move}`, {}, { campaign_status: c.status, move });
}
