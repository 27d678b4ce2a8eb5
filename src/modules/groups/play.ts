import { randomBytes } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { refusal } from '../../platform/problems/refusal.js';
import { giveRewards } from '../rewards/service.js';
import { getCampaign, type CampaignRow } from './campaigns.js';
import { inAudience } from './audience.js';

/**
 * Starting and joining a group 开团 / 参团, and its unlock 成团. Every write takes its locks in one order
 * — the group row, then the member's count, then the campaign row — as the expiry does, so none of them
 * deadlock. The seat is ONE conditional UPDATE on the group's count (`joined < size`, still open, before
 * its deadline): however many join at once, a group never has more than `size` members, and exactly one
 * join takes the last seat. That join unlocks the group and gives every member their rewards in the same
 * transaction (reference `group:<group>:<member>`), so a group is unlocked if and only if its members were
 * given what it promised; a member whose giving is refused (their own template limit, say) is recorded
 * with the refusal's code and the others still get theirs.
 */
export interface GroupRow {
  tenant_id: string;
  id: string;
  campaign_id: string;
  token: string;
  leader_id: string;
  size: number;
  joined: number;
  state: 'open' | 'unlocked' | 'expired';
  deadline: Date;
  created_at: Date;
  unlocked_at: Date | null;
  expired_at: Date | null;
}
export const GROUP_COLS = 'tenant_id, id, campaign_id, token, leader_id, size, joined, state, deadline, created_at, unlocked_at, expired_at';

export const groupNotFound = () => new AppError(404, 'GROUP_NOT_FOUND', 'group not found');

export async function getGroup(q: Sql, tenantId: string, id: string): Promise<GroupRow> {
  const r = await q.query<GroupRow>(`SELECT ${GROUP_COLS} FROM group_teams WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw groupNotFound();
  return r.rows[0];
}

/** The group a join link names, in this tenant only: another tenant's token is not found here. */
export async function groupByToken(q: Sql, tenantId: string, token: string): Promise<GroupRow> {
  const r = await q.query<GroupRow>(`SELECT ${GROUP_COLS} FROM group_teams WHERE token = $1`, [token]);
  if (!r.rows[0] || r.rows[0].tenant_id !== tenantId) throw groupNotFound();
  return r.rows[0];
}

const limitReached = (limit: number | null) =>
  refusal('GROUP_MEMBER_LIMIT', `this member is in the most groups of this campaign allowed (${limit})`, { limit: limit ?? 0 });

/** Why this member may not start a group of this campaign now (the writes re-check each in their own statement). */
export async function startRefusal(q: Sql, tenantId: string, c: CampaignRow, memberId: string, now: Date, mine?: number): Promise<AppError | null> {
  if (c.status !== 'published') return refusal('GROUP_CAMPAIGN_NOT_PUBLISHED', `the campaign is ${c.status}`, {}, { campaign_status: c.status });
  if (c.starts_at && now < c.starts_at) return refusal('GROUP_CAMPAIGN_NOT_STARTED', 'the campaign has not started', { starts_at: c.starts_at.toISOString() });
  if (c.ends_at && now >= c.ends_at) return refusal('GROUP_CAMPAIGN_ENDED', 'the campaign has ended', { ends_at: c.ends_at.toISOString() });
  if (c.stock !== null && c.held + c.unlocked >= c.stock) return refusal('GROUP_STOCK_EXHAUSTED', 'no groups left', {});
  if (c.per_member_limit !== null && (mine ?? (await memberGroups(q, tenantId, c.id, memberId))) >= c.per_member_limit) return limitReached(c.per_member_limit);
  if (!(await inAudience(q, tenantId, c.segment_id, memberId)))
    return refusal('GROUP_NOT_IN_AUDIENCE', 'this member is not in the campaign’s audience', {}, { segment_id: c.segment_id });
  return null;
}

/** How many of a campaign's groups this member is in (open or unlocked). */
export async function memberGroups(q: Sql, tenantId: string, campaignId: string, memberId: string): Promise<number> {
  const r = await q.query<{ groups: number }>('SELECT groups FROM group_member_counts WHERE tenant_id = $1 AND campaign_id = $2 AND member_id = $3', [
    tenantId,
    campaignId,
    memberId,
  ]);
  return Number(r.rows[0]?.groups ?? 0);
}

/** One more group for the member, within the campaign's limit: one conditional upsert. */
async function count(q: Sql, tenantId: string, c: CampaignRow, memberId: string): Promise<void> {
  const r = await q.query(
    `INSERT INTO group_member_counts AS m (tenant_id, campaign_id, member_id, groups) VALUES ($1, $2, $3, 1)
     ON CONFLICT (tenant_id, campaign_id, member_id) DO UPDATE SET groups = m.groups + 1
       WHERE m.groups < coalesce((SELECT per_member_limit FROM group_campaigns c WHERE c.tenant_id = $1 AND c.id = $2), 2147483647)`,
    [tenantId, c.id, memberId],
  );
  if (!r.rowCount) throw limitReached((await getCampaign(q, tenantId, c.id)).per_member_limit);
}

/** 开团: the member starts a group of the campaign; it holds one of the campaign's stock until it unlocks or expires. */
export async function startGroup(ctx: Ctx, q: Sql, caller: Caller, campaignId: string, memberId: string): Promise<GroupRow> {
  const tenantId = caller.tenantId;
  const now = ctx.clock.now();
  const c = await getCampaign(q, tenantId, campaignId);
  const why = await startRefusal(q, tenantId, c, memberId, now);
  if (why) throw why;
  const id = newId('grp', now.getTime());
  const token = `kqj_${randomBytes(24).toString('base64url')}`;
  const deadline = new Date(now.getTime() + c.time_limit_minutes * 60_000);
  const g = (
    await q.query<GroupRow>(
      `INSERT INTO group_teams (tenant_id, id, campaign_id, token, leader_id, size, joined, deadline, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,1,$7,$8) RETURNING ${GROUP_COLS}`,
      [tenantId, id, c.id, token, memberId, c.size, deadline, now],
    )
  ).rows[0]!;
  await q.query('INSERT INTO group_members (tenant_id, group_id, member_id, campaign_id, seat, joined_at) VALUES ($1, $2, $3, $4, 1, $5)', [
    tenantId,
    id,
    memberId,
    c.id,
    now,
  ]);
  await count(q, tenantId, c, memberId);
  const held = await q.query(
    `UPDATE group_campaigns SET held = held + 1 WHERE tenant_id = $1 AND id = $2 AND status = 'published'
       AND (starts_at IS NULL OR starts_at <= $3) AND (ends_at IS NULL OR ends_at > $3) AND (stock IS NULL OR held + unlocked < stock)`,
    [tenantId, c.id, now],
  );
  if (!held.rowCount)
    throw (await startRefusal(q, tenantId, await getCampaign(q, tenantId, c.id), memberId, now, 0)) ?? refusal('GROUP_STOCK_EXHAUSTED', 'no groups left', {});
  await emit(q, [
    { tenantId, type: 'group.started', at: now, memberId, keyId: caller.keyId, data: { group_id: id, campaign_id: c.id, size: c.size, deadline } },
  ]);
  return g;
}

/** Why a join is refused, from the group as it is now (before the write, and after a write that found no seat). */
async function joinRefusal(q: Sql, g: GroupRow, memberId: string, now: Date): Promise<AppError | null> {
  if (g.state === 'unlocked') return refusal('GROUP_FULL', 'the group is full', { size: g.size });
  if (g.state === 'expired' || g.deadline <= now) return refusal('GROUP_EXPIRED', 'the group did not fill in time', { deadline: g.deadline.toISOString() });
  const inIt = await q.query('SELECT 1 FROM group_members WHERE tenant_id = $1 AND group_id = $2 AND member_id = $3', [g.tenant_id, g.id, memberId]);
  if (inIt.rowCount) return refusal('GROUP_ALREADY_JOINED', 'this member is already in the group', {});
  return null;
}

/** 参团: the member joins the group its link names. The join that takes the last seat unlocks it for everyone. */
export async function joinGroup(ctx: Ctx, q: Sql, caller: Caller, token: string, memberId: string): Promise<GroupRow> {
  const tenantId = caller.tenantId;
  const now = ctx.clock.now();
  const g = await groupByToken(q, tenantId, token);
  const why = await joinRefusal(q, g, memberId, now);
  if (why) throw why;
  const c = await getCampaign(q, tenantId, g.campaign_id);
  if (!(await inAudience(q, tenantId, c.segment_id, memberId)))
    throw refusal('GROUP_NOT_IN_AUDIENCE', 'this member is not in the campaign’s audience', {}, { segment_id: c.segment_id });
  // the seat: one conditional statement on the group's count; the member's row with it (a second join of
  // the same member collides on the member's key and is refused, the seat with it)
  const seat = await q
    .query<{ seat: number }>(
      `WITH seat AS (
         UPDATE group_teams SET joined = joined + 1, state = CASE WHEN joined + 1 = size THEN 'unlocked' ELSE 'open' END,
           unlocked_at = CASE WHEN joined + 1 = size THEN $4::timestamptz END
         WHERE tenant_id = $1 AND id = $2 AND state = 'open' AND joined < size AND deadline > $4 RETURNING joined, campaign_id)
       INSERT INTO group_members (tenant_id, group_id, member_id, campaign_id, seat, joined_at)
       SELECT $1, $2, $3, campaign_id, joined, $4 FROM seat RETURNING seat`,
      [tenantId, g.id, memberId, now],
    )
    .catch((e) => {
      throw e?.code === '23505' ? refusal('GROUP_ALREADY_JOINED', 'this member is already in the group', {}) : e;
    });
  if (!seat.rows[0])
    throw (await joinRefusal(q, await getGroup(q, tenantId, g.id), memberId, now)) ?? refusal('GROUP_FULL', 'the group is full', { size: g.size });
  await count(q, tenantId, c, memberId);
  const n = Number(seat.rows[0].seat);
  await emit(q, [
    { tenantId, type: 'group.joined', at: now, memberId, keyId: caller.keyId, data: { group_id: g.id, campaign_id: c.id, joined: n, size: g.size } },
  ]);
  if (n === g.size) await unlock(ctx, q, caller, g, now);
  return getGroup(q, tenantId, g.id);
}

/** 成团: the stock held becomes used, and every member is given the campaign's rewards, each in a savepoint of this transaction. */
async function unlock(ctx: Ctx, q: Sql, caller: Caller, g: GroupRow, now: Date): Promise<void> {
  const tenantId = caller.tenantId;
  const c = (
    await q.query<CampaignRow>(
      'UPDATE group_campaigns SET held = held - 1, unlocked = unlocked + 1 WHERE tenant_id = $1 AND id = $2 RETURNING id, name, rewards',
      [tenantId, g.campaign_id],
    )
  ).rows[0]!;
  const members = (
    await q.query<{ member_id: string }>('SELECT member_id FROM group_members WHERE tenant_id = $1 AND group_id = $2 ORDER BY seat', [tenantId, g.id])
  ).rows.map((m) => m.member_id);
  const events = [];
  for (const memberId of members) {
    let grantId: string | null = null;
    let cardIds: string[] = [];
    let problem: string | null = null;
    await q.query('SAVEPOINT group_reward');
    try {
      const given = await giveRewards(
        ctx,
        q,
        caller,
        { memberId, rewards: c.rewards, reference: `group:${g.id}:${memberId}`, source: { kind: 'group', id: c.id, name: c.name } },
        now,
      );
      await q.query('RELEASE SAVEPOINT group_reward');
      grantId = given.id;
      cardIds = [...given.given.cards.map((x) => x.id), ...given.given.packs.flatMap((p) => p.card_ids)];
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      await q.query('ROLLBACK TO SAVEPOINT group_reward');
      problem = e.code;
    }
    await q.query('UPDATE group_members SET grant_id = $4, reward_problem = $5 WHERE tenant_id = $1 AND group_id = $2 AND member_id = $3', [
      tenantId,
      g.id,
      memberId,
      grantId,
      problem,
    ]);
    events.push({
      tenantId,
      type: 'group.unlocked',
      at: now,
      memberId,
      cardId: cardIds.length === 1 ? cardIds[0] : null,
      keyId: caller.keyId,
      data: { group_id: g.id, campaign_id: c.id, grant_id: grantId, card_ids: cardIds, reward_problem: problem },
    });
  }
  await emit(q, events);
}
