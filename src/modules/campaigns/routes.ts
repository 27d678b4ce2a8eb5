import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Page, responses } from '../../http/schemas.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { Campaign, CampaignCreate, CampaignPatch, Claim } from './schemas.js';
import { CAMPAIGN_COLS, getCampaign, type CampaignRow } from './model.js';
import { createCampaign, moveCampaign, updateCampaign } from './manage.js';
import { campaignViews } from './views.js';
import { claimCampaign, refusedEarly } from './claim.js';
import { claimViews, listClaims } from './claims.js';

/** 领券中心 for the brand's staff (campaigns, their results and claims) and the brand's own apps (a claim for a member). */
export function campaignRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['claim center 领券中心'];
  const view = async (q: Sql, tenantId: string, row: CampaignRow) => (await campaignViews(ctx, q, tenantId, [row]))[0]!;

  app.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns 活动, newest first, with their results (claims, members, cards, redeemed, GMV, shares)',
        querystring: ListQuery({
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('live'), Type.Literal('paused'), Type.Literal('ended')])),
          kind: Type.Optional(Type.Union([Type.Literal('claim'), Type.Literal('share')])),
        }),
        response: responses({ 200: Page(Campaign) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'campaigns.read');
      const t = req.caller!.tenantId;
      const limit = req.query.limit ?? 50;
      const r = await ctx.db.query<CampaignRow>(
        `SELECT ${CAMPAIGN_COLS} FROM campaigns WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3)
           AND ($4::text IS NULL OR id < $4) ORDER BY id DESC LIMIT $5`,
        [t, req.query.status ?? null, req.query.kind ?? null, decodeCursor(req.query.cursor), limit + 1],
      );
      const page = pageOf(r.rows, limit);
      return { ...page, data: await campaignViews(ctx, ctx.db, t, page.data) };
    },
  );

  app.post(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Make a campaign (a draft until published): audience, window, stock, per-member limit, what a claim gives; a share campaign’s settings',
        body: CampaignCreate,
        response: responses({ 201: Campaign }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'campaigns.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'campaign.create', targetType: 'campaign', status: 201 }, async (q) =>
        view(q, t, await createCampaign(q, t, req.body, ctx.clock.now())),
      );
    },
  );

  app.get(
    '/campaigns/:id',
    { schema: { tags, summary: 'One campaign, with its results', params: Type.Object({ id: Id }), response: responses({ 200: Campaign }) } },
    async (req) => {
      requireAccess(req.caller!, 'campaigns.read');
      return view(ctx.db, req.caller!.tenantId, await getCampaign(ctx.db, req.caller!.tenantId, req.params.id));
    },
  );

  app.patch(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change a campaign (not an ended one): stock never below what has been claimed',
        params: Type.Object({ id: Id }),
        body: CampaignPatch,
        response: responses({ 200: Campaign }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'campaigns.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'campaign.update', targetType: 'campaign' }, async (q) =>
        view(q, t, await updateCampaign(q, t, req.params.id, req.body, ctx.clock.now())),
      );
    },
  );

  for (const [move, summary] of [
    ['publish', 'Publish 上线 a draft or paused campaign: members may claim it within its window'],
    ['pause', 'Pause 暂停 a live campaign (publish it again to go on)'],
    ['end', 'End 结束 a campaign for good (its claims and cards stay)'],
  ] as const) {
    app.post(
      `/campaigns/:id/${move}`,
      { schema: { tags, summary, params: Type.Object({ id: Id }), response: responses({ 200: Campaign }) } },
      async (req, reply) => {
        requireAccess(req.caller!, 'campaigns.manage');
        const t = req.caller!.tenantId;
        return mutate(ctx, req, reply, { action: `campaign.${move}`, targetType: 'campaign' }, async (q) =>
          view(q, t, await moveCampaign(q, t, req.params.id, move, ctx.clock.now())),
        );
      },
    );
  }

  app.get(
    '/campaigns/:id/claims',
    {
      schema: {
        tags,
        summary: 'A campaign’s claims 领取记录, newest first, by name',
        params: Type.Object({ id: Id }),
        querystring: ListQuery({}),
        response: responses({ 200: Page(Claim) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'campaigns.read');
      const t = req.caller!.tenantId;
      await getCampaign(ctx.db, t, req.params.id);
      const limit = req.query.limit ?? 50;
      const page = pageOf(await listClaims(ctx.db, t, req.params.id, { limit: limit + 1, before: decodeCursor(req.query.cursor) }), limit);
      return { ...page, data: await claimViews(ctx.db, t, page.data) };
    },
  );

  app.post(
    '/campaigns/:id/claims',
    {
      schema: {
        tags,
        summary: 'Claim a campaign for a member 代会员领取 (the brand’s own apps): the rewards are given, or nothing',
        description:
          'Exact under a rush: the stock and the member’s limit are each one conditional statement. Once the campaign is sold out a claim is refused by one read. ' +
          'Send Idempotency-Key (or request_no) to retry safely: the same key answers the first claim.',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          member_id: Id,
          request_no: Type.Optional(Type.String({ maxLength: 200, description: 'idempotency: the same request_no answers the first claim' })),
        }),
        response: responses({ 201: Claim }),
      },
    },
    async (req, reply) => {
      const caller = req.caller!;
      requireAccess(caller, 'campaigns.claim');
      return mutate(
        ctx,
        req,
        reply,
        { action: 'campaign.claim', targetType: 'campaign_claim', status: 201 },
        async (q) =>
          (await claimViews(q, caller.tenantId, [await claimCampaign(ctx, q, caller, req.params.id, { memberId: req.body.member_id, via: 'api' })]))[0]!,
        () => refusedEarly(ctx.db, caller.tenantId, req.params.id, ctx.clock.now()),
      );
    },
  );
}
