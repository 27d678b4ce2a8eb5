import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { templateNames } from '../templates/names.js';
import { packNames } from '../packs/service.js';
import { memberNames } from '../members/names.js';
import { getGrant, sourceResults } from '../rewards/service.js';
import type { Reward } from '../rewards/schemas.js';
import { segmentNames } from './audience.js';
import { CAMPAIGN_COLS, campaignNames, type CampaignRow } from './campaigns.js';
import { GROUP_COLS, type GroupRow } from './play.js';

/** The join link a member sends friends: the token rides in the fragment, never in a request line. */
export const joinUrl = (ctx: Ctx, token: string) => `${ctx.config.publicUrl.replace(/\/$/, '')}/wallet/group#g=${token}`;

/** Beside each reward, the name of what it gives (a template's or a pack's; null for points). */
export async function rewardsNames(q: Sql, tenantId: string, lists: Reward[][]): Promise<(r: Reward[]) => (string | null)[]> {
  const all = lists.flat();
  const tpl = await templateNames(q, tenantId, [...new Set(all.flatMap((r) => (r.type === 'card' ? [r.template_id] : [])))]);
  const packIds = [...new Set(all.flatMap((r) => (r.type === 'pack' ? [r.pack_id] : [])))];
  const packs = packIds.length ? await packNames(q, tenantId, packIds) : new Map<string, string>();
  return (rs) => rs.map((r) => (r.type === 'card' ? (tpl.get(r.template_id) ?? null) : r.type === 'pack' ? (packs.get(r.pack_id) ?? null) : null));
}

/** Campaigns as the console lists them: terms, names, and results (groups by state, members, what their rewards did). */
export async function campaignViews(q: Sql, tenantId: string, rows: CampaignRow[]) {
  const ids = rows.map((r) => r.id);
  const results = await sourceResults(q, tenantId, 'group', ids);
  const members = new Map(
    ids.length
      ? (
          await q.query<{ campaign_id: string; n: number }>(
            'SELECT campaign_id, count(DISTINCT member_id) AS n FROM group_members WHERE tenant_id = $1 AND campaign_id = ANY($2::text[]) GROUP BY campaign_id',
            [tenantId, ids],
          )
        ).rows.map((r) => [r.campaign_id, Number(r.n)])
      : [],
  );
  const segIds = [...new Set(rows.flatMap((r) => (r.segment_id ? [r.segment_id] : [])))];
  const segs = segIds.length ? await segmentNames(q, tenantId, segIds) : new Map<string, string>();
  const names = await rewardsNames(
    q,
    tenantId,
    rows.map((r) => r.rewards),
  );
  return rows.map((r) => {
    const s = results.get(r.id)!;
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      audience: r.segment_id ? { segment_id: r.segment_id, segment_name: segs.get(r.segment_id) ?? null } : null,
      starts_at: r.starts_at,
      ends_at: r.ends_at,
      size: r.size,
      time_limit_minutes: r.time_limit_minutes,
      stock: r.stock,
      left: r.stock === null ? null : r.stock - r.held - r.unlocked,
      per_member_limit: r.per_member_limit,
      rewards: r.rewards,
      rewards_names: names(r.rewards),
      status: r.status,
      results: {
        started: r.held + r.unlocked + r.expired,
        open: r.held,
        unlocked: r.unlocked,
        expired: r.expired,
        members: members.get(r.id) ?? 0,
        rewarded: s.grants,
        cards: s.cards,
        redeemed_cards: s.redeemed_cards,
        redeemed_amount: s.redeemed_amount,
        gmv: s.gmv,
      },
      created_at: r.created_at,
      updated_at: r.updated_at,
    };
  });
}

interface MemberRow {
  group_id: string;
  member_id: string;
  seat: number;
  joined_at: Date;
  grant_id: string | null;
  reward_problem: string | null;
}
async function membersOf(q: Sql, tenantId: string, groupIds: string[]): Promise<Map<string, MemberRow[]>> {
  const out = new Map<string, MemberRow[]>(groupIds.map((id) => [id, []]));
  if (!groupIds.length) return out;
  const r = await q.query<MemberRow>(
    'SELECT group_id, member_id, seat, joined_at, grant_id, reward_problem FROM group_members WHERE tenant_id = $1 AND group_id = ANY($2::text[]) ORDER BY seat',
    [tenantId, groupIds],
  );
  for (const m of r.rows) out.get(m.group_id)!.push(m);
  return out;
}

/** Groups as the console shows them: the campaign, the starter and every member by name, with what each was given. */
export async function groupViews(q: Sql, tenantId: string, groups: GroupRow[]) {
  const members = await membersOf(
    q,
    tenantId,
    groups.map((g) => g.id),
  );
  const names = await memberNames(q, tenantId, [...new Set([...members.values()].flat().map((m) => m.member_id))]);
  const campaigns = await campaignNames(q, tenantId, [...new Set(groups.map((g) => g.campaign_id))]);
  return groups.map((g) => ({
    id: g.id,
    campaign_id: g.campaign_id,
    campaign_name: campaigns.get(g.campaign_id) ?? '',
    leader_id: g.leader_id,
    leader_name: names.get(g.leader_id) ?? null,
    size: g.size,
    joined: g.joined,
    state: g.state,
    deadline: g.deadline,
    created_at: g.created_at,
    unlocked_at: g.unlocked_at,
    expired_at: g.expired_at,
    members: members.get(g.id)!.map((m) => ({ ...m, name: names.get(m.member_id) ?? null })),
  }));
}

/** A name as other members see it: its first character and two stars (张**). */
const masked = (name: string | undefined) => (name ? `${[...name][0]}**` : '**');

/** Groups as a member sees them (theirs, or one a link names): other members' names masked, the link while open, what I got. */
export async function walletGroupViews(ctx: Ctx, q: Sql, tenantId: string, memberId: string, groups: GroupRow[]) {
  const members = await membersOf(
    q,
    tenantId,
    groups.map((g) => g.id),
  );
  const names = await memberNames(q, tenantId, [...new Set([...members.values()].flat().map((m) => m.member_id))]);
  const campaigns = new Map(
    groups.length
      ? (
          await q.query<CampaignRow>(`SELECT ${CAMPAIGN_COLS} FROM group_campaigns WHERE tenant_id = $1 AND id = ANY($2::text[])`, [
            tenantId,
            [...new Set(groups.map((g) => g.campaign_id))],
          ])
        ).rows.map((c) => [c.id, c])
      : [],
  );
  const rewardNames = await rewardsNames(
    q,
    tenantId,
    [...campaigns.values()].map((c) => c.rewards),
  );
  const cards = new Map<string, string[]>();
  for (const g of groups)
    if (members.get(g.id)!.some((m) => m.member_id === memberId && m.grant_id)) {
      const given = (await getGrant(q, tenantId, `group:${g.id}:${memberId}`))?.given;
      cards.set(g.id, given ? [...given.cards.map((c) => c.id), ...given.packs.flatMap((p) => p.card_ids)] : []);
    }
  return groups.map((g) => {
    const ms = members.get(g.id)!;
    const me = ms.find((m) => m.member_id === memberId);
    const c = campaigns.get(g.campaign_id)!;
    return {
      id: g.id,
      campaign_id: g.campaign_id,
      campaign_name: c.name,
      rewards: c.rewards,
      rewards_names: rewardNames(c.rewards),
      leader_name: g.leader_id === memberId ? (names.get(g.leader_id) ?? null) : masked(names.get(g.leader_id)),
      size: g.size,
      joined: g.joined,
      state: g.state,
      deadline: g.deadline,
      unlocked_at: g.unlocked_at,
      members: ms.map((m) => ({
        name: m.member_id === memberId ? (names.get(m.member_id) ?? '') : masked(names.get(m.member_id)),
        seat: m.seat,
        me: m.member_id === memberId,
      })),
      mine: !!me,
      url: me && g.state === 'open' ? joinUrl(ctx, g.token) : null,
      card_ids: cards.get(g.id) ?? [],
    };
  });
}

/** A member's groups, newest first. */
export async function memberGroupRows(q: Sql, tenantId: string, memberId: string, limit = 50): Promise<GroupRow[]> {
  return (
    await q.query<GroupRow>(
      `SELECT ${GROUP_COLS.replace(/(\w+)/g, 'g.$1')} FROM group_teams g JOIN group_members m ON m.tenant_id = g.tenant_id AND m.group_id = g.id
       WHERE m.tenant_id = $1 AND m.member_id = $2 ORDER BY g.id DESC LIMIT $3`,
      [tenantId, memberId, limit],
    )
  ).rows;
}
