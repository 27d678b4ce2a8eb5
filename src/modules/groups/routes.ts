import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Page, responses } from '../../http/schemas.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { Campaign, CampaignCreate, CampaignPatch, CampaignStatus, Group, GroupState } from './schemas.js';
import { CAMPAIGN_COLS, createCampaign, getCampaign, setStatus, updateCampaign, type CampaignRow } from './campaigns.js';
import { GROUP_COLS, type GroupRow } from './play.js';
import { campaignViews, groupViews } from './read.js';

/** 组团活动 for the brand's staff: campaigns with their results, their terms, publish and pause, and each campaign's groups with their members. */
export function groupRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['group unlock 组团解锁'];
  const one = async (q: Sql, tenantId: string, row: CampaignRow) => (await campaignViews(q, tenantId, [row]))[0]!;

  app.get(
    '/group-campaigns',
    {
      schema: {
        tags,
        summary: 'Group campaigns, newest first, with their results (groups started, unlocked, expired; members; cards and what they did)',
        querystring: ListQuery({ status: Type.Optional(CampaignStatus) }),
        response: responses({ 200: Page(Campaign) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'groups.read');
      const t = req.caller!.tenantId;
      const limit = req.query.limit ?? 50;
      const r = await ctx.db.query<CampaignRow>(
        `SELECT ${CAMPAIGN_COLS} FROM group_campaigns WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR id < $3)
         ORDER BY id DESC LIMIT $4`,
        [t, req.query.status ?? null, decodeCursor(req.query.cursor), limit + 1],
      );
      const page = pageOf(r.rows, limit);
      return { ...page, data: await campaignViews(ctx.db, t, page.data) };
    },
  );

  app.post(
    '/group-campaigns',
    {
      schema: {
        tags,
        summary: 'Make a group campaign (a draft until published): group size, time limit, stock of groups, per-member limit, rewards',
        body: CampaignCreate,
        response: responses({ 201: Campaign }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'groups.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'group.campaign_create', targetType: 'group_campaign', status: 201 }, async (q) =>
        one(q, t, await createCampaign(q, t, req.body, ctx.clock.now())),
      );
    },
  );

  app.get(
    '/group-campaigns/:id',
    { schema: { tags, summary: 'One group campaign with its results', params: Type.Object({ id: Id }), response: responses({ 200: Campaign }) } },
    async (req) => {
      requireAccess(req.caller!, 'groups.read');
      return one(ctx.db, req.caller!.tenantId, await getCampaign(ctx.db, req.caller!.tenantId, req.params.id));
    },
  );

  app.patch(
    '/group-campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change a campaign’s terms (size and time limit apply to groups started from now on; stock never below the groups open or unlocked)',
        params: Type.Object({ id: Id }),
        body: CampaignPatch,
        response: responses({ 200: Campaign }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'groups.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'group.campaign_update', targetType: 'group_campaign' }, async (q) =>
        one(q, t, await updateCampaign(q, t, req.params.id, req.body, ctx.clock.now())),
      );
    },
  );

  for (const [path, to, summary] of [
    ['publish', 'published', 'Publish a campaign 发布: members may start groups within its window'],
    ['pause', 'paused', 'Pause a campaign 暂停: no new group starts; open groups may still fill until their deadline'],
  ] as const) {
    app.post(
      `/group-campaigns/:id/${path}`,
      { schema: { tags, summary, params: Type.Object({ id: Id }), response: responses({ 200: Campaign }) } },
      async (req, reply) => {
        requireAccess(req.caller!, 'groups.manage');
        const t = req.caller!.tenantId;
        return mutate(ctx, req, reply, { action: `group.campaign_${path}`, targetType: 'group_campaign' }, async (q) =>
          one(q, t, await setStatus(q, t, req.params.id, to, ctx.clock.now())),
        );
      },
    );
  }

  app.get(
    '/group-campaigns/:id/groups',
    {
      schema: {
        tags,
        summary: 'A campaign’s groups, newest first, with their members by name and what each was given',
        params: Type.Object({ id: Id }),
        querystring: ListQuery({ state: Type.Optional(GroupState) }),
        response: responses({ 200: Page(Group) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'groups.read');
      const t = req.caller!.tenantId;
      await getCampaign(ctx.db, t, req.params.id);
      const limit = req.query.limit ?? 50;
      const r = await ctx.db.query<GroupRow>(
        `SELECT ${GROUP_COLS} FROM group_teams WHERE tenant_id = $1 AND campaign_id = $2 AND ($3::text IS NULL OR state = $3) AND ($4::text IS NULL OR id < $4)
         ORDER BY id DESC LIMIT $5`,
        [t, req.params.id, req.query.state ?? null, decodeCursor(req.query.cursor), limit + 1],
      );
      const page = pageOf(r.rows, limit);
      return { ...page, data: await groupViews(ctx.db, t, page.data) };
    },
  );
}
