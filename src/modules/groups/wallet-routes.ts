import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import type { AppError } from '../../errors.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, responses } from '../../http/schemas.js';
import { problemText } from '../../platform/problems/catalogue.js';
import { getTenant } from '../tenants/service.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { Token, WalletCampaign, WalletGroup } from './schemas.js';
import { CAMPAIGN_COLS, type CampaignRow } from './campaigns.js';
import { groupByToken, joinGroup, memberGroups, startGroup, startRefusal, type GroupRow } from './play.js';
import { memberGroupRows, rewardsNames, walletGroupViews } from './read.js';
import { inAudience } from './audience.js';

const memberOf = (req: { caller?: { memberId?: string | null } }) => req.caller!.memberId!;

/** What a member reads for a refusal, in both languages (the wallet shows it as is). */
function reasonOf(e: AppError, tz: string) {
  const p = { code: e.code, status: e.status, detail: e.message, ...e.extra };
  return { code: e.code, zh: problemText(p, 'zh-CN', { timeZone: tz }).text, en: problemText(p, 'en', { timeZone: tz }).text };
}

/** The group campaigns this member may see now: published, within their window, and the member in the audience. */
async function walletCampaigns(q: Sql, tenantId: string, memberId: string, now: Date) {
  const rows = (
    await q.query<CampaignRow>(
      `SELECT ${CAMPAIGN_COLS} FROM group_campaigns WHERE tenant_id = $1 AND status = 'published'
         AND (starts_at IS NULL OR starts_at <= $2) AND (ends_at IS NULL OR ends_at > $2) ORDER BY id DESC LIMIT 50`,
      [tenantId, now],
    )
  ).rows;
  const tz = (await getTenant(q, tenantId)).time_zone;
  const names = await rewardsNames(
    q,
    tenantId,
    rows.map((r) => r.rewards),
  );
  const out = [];
  for (const c of rows) {
    if (!(await inAudience(q, tenantId, c.segment_id, memberId))) continue;
    const mine = await memberGroups(q, tenantId, c.id, memberId);
    const why = await startRefusal(q, tenantId, c, memberId, now, mine);
    out.push({
      id: c.id,
      name: c.name,
      description: c.description,
      size: c.size,
      time_limit_minutes: c.time_limit_minutes,
      ends_at: c.ends_at,
      rewards: c.rewards,
      rewards_names: names(c.rewards),
      left: c.stock === null ? null : c.stock - c.held - c.unlocked,
      per_member_limit: c.per_member_limit,
      my_groups: mine,
      can_start: !why,
      unavailable: why ? reasonOf(why, tz) : null,
    });
  }
  return out;
}

/** 组团 in the member's wallet: campaigns I may join, starting a group, my groups, and a friend's join link (preview, join). */
export function groupWalletRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['member wallet 会员钱包'];
  const security = [{ wallet: [] }];
  const views = (q: Sql, tenantId: string, memberId: string, rows: GroupRow[]) => walletGroupViews(ctx, q, tenantId, memberId, rows);

  app.get(
    '/wallet/group-campaigns',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'The group campaigns 组团活动 for me now, and for each whether I can start a group and, if not, why',
        response: responses({ 200: Type.Object({ data: Type.Array(WalletCampaign) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'groups.join');
      return { data: await walletCampaigns(ctx.db, req.caller!.tenantId, memberOf(req), ctx.clock.now()) };
    },
  );

  app.post(
    '/wallet/group-campaigns/:id/groups',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Start a group 开团: I am its first member; the answer carries the join link to send friends',
        params: Type.Object({ id: Id }),
        body: Type.Optional(Type.Object({ request_no: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false })),
        response: responses({ 201: WalletGroup }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'groups.join');
      const caller = req.caller!;
      const m = memberOf(req);
      return mutate(ctx, req, reply, { action: 'group.start', targetType: 'group', status: 201 }, async (q) => {
        const g = await startGroup(ctx, q, caller, req.params.id, m);
        return (await views(q, caller.tenantId, m, [g]))[0]!;
      });
    },
  );

  app.get(
    '/wallet/groups',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'My groups, newest first: progress, deadline, the join link while open, and the cards an unlock gave me',
        response: responses({ 200: Type.Object({ data: Type.Array(WalletGroup) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'groups.join');
      const t = req.caller!.tenantId;
      const m = memberOf(req);
      return { data: await views(ctx.db, t, m, await memberGroupRows(ctx.db, t, m)) };
    },
  );

  app.post(
    '/wallet/groups/preview',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'The group a join link names, as I would join it (changes nothing): who started it, how many have joined, its deadline',
        body: Type.Object({ token: Token }, { additionalProperties: false }),
        response: responses({ 200: WalletGroup }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'groups.join');
      const t = req.caller!.tenantId;
      const g = await groupByToken(ctx.db, t, req.body.token);
      return (await views(ctx.db, t, memberOf(req), [g]))[0]!;
    },
  );

  app.post(
    '/wallet/groups/join',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Join the group a link names 参团: the member who fills it unlocks it, and every member gets the rewards at once',
        description:
          'Refused with nothing changed: a full group (GROUP_FULL), an expired one (GROUP_EXPIRED), another brand’s or an unknown link (GROUP_NOT_FOUND), ' +
          'a group I am already in (GROUP_ALREADY_JOINED), the campaign’s per-member limit (GROUP_MEMBER_LIMIT) or audience (GROUP_NOT_IN_AUDIENCE).',
        body: Type.Object({ token: Token, request_no: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
        response: responses({ 200: WalletGroup }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'groups.join');
      const caller = req.caller!;
      const m = memberOf(req);
      return mutate(ctx, req, reply, { action: 'group.join', targetType: 'group' }, async (q) => {
        const g = await joinGroup(ctx, q, caller, req.body.token, m);
        return (await views(q, caller.tenantId, m, [g]))[0]!;
      });
    },
  );
}
