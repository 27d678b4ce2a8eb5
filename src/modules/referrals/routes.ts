import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Page, responses } from '../../http/schemas.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { Campaign, CampaignCreate, CampaignPatch, CampaignStatus, Code, Referral, ReferralState } from './schemas.js';
import { CAMPAIGN_COLS, createCampaign, getCampaign, setStatus, updateCampaign, type CampaignRow } from './campaigns.js';
import { joinWithCode, REFERRAL_COLS, type ReferralRow } from './join.js';
import { campaignViews, referralViews } from './read.js';

/** 邀请有礼 for the brand's staff: campaigns with their results, their terms, going live and pausing, the referrals, and a join for the brand's registration flow. */
export function referralRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['referrals 邀请有礼'];
  const one = async (q: Sql, tenantId: string, row: CampaignRow) => (await campaignViews(q, tenantId, [row]))[0]!;

  app.get(
    '/referral-campaigns',
    {
      schema: {
        tags,
        summary: 'Referral campaigns, newest first, with their results (referrals by state, cards given and redeemed, GMV)',
        querystring: ListQuery({ status: Type.Optional(CampaignStatus) }),
        response: responses({ 200: Page(Campaign) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'referrals.read');
      const t = req.caller!.tenantId;
      const limit = req.query.limit ?? 50;
      const r = await ctx.db.query<CampaignRow>(
        `SELECT ${CAMPAIGN_COLS} FROM referral_campaigns WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR id < $3)
         ORDER BY id DESC LIMIT $4`,
        [t, req.query.status ?? null, decodeCursor(req.query.cursor), limit + 1],
      );
      const page = pageOf(r.rows, limit);
      return { ...page, data: await campaignViews(ctx.db, t, page.data) };
    },
  );

  app.post(
    '/referral-campaigns',
    {
      schema: {
        tags,
        summary: 'Make a referral campaign (a draft until it goes live): rewards for the referrer and/or the referee, what qualifies, return window, cap',
        body: CampaignCreate,
        response: responses({ 201: Campaign }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'referrals.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'referral.campaign_create', targetType: 'referral_campaign', status: 201 }, async (q) =>
        one(q, t, await createCampaign(q, t, req.body, ctx.clock.now())),
      );
    },
  );

  app.get(
    '/referral-campaigns/:id',
    { schema: { tags, summary: 'One referral campaign with its results', params: Type.Object({ id: Id }), response: responses({ 200: Campaign }) } },
    async (req) => {
      requireAccess(req.caller!, 'referrals.read');
      return one(ctx.db, req.caller!.tenantId, await getCampaign(ctx.db, req.caller!.tenantId, req.params.id));
    },
  );

  app.patch(
    '/referral-campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change a campaign’s terms (referrals already made are paid by the terms at payment)',
        params: Type.Object({ id: Id }),
        body: CampaignPatch,
        response: responses({ 200: Campaign }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'referrals.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'referral.campaign_update', targetType: 'referral_campaign' }, async (q) =>
        one(q, t, await updateCampaign(q, t, req.params.id, req.body, ctx.clock.now())),
      );
    },
  );

  for (const [path, to, summary] of [
    ['publish', 'live', 'Put a campaign live 上线: friends join under the newest live campaign'],
    ['pause', 'paused', 'Pause a campaign 暂停: no friend joins under it; referrals made are still qualified and paid'],
  ] as const) {
    app.post(
      `/referral-campaigns/:id/${path}`,
      { schema: { tags, summary, params: Type.Object({ id: Id }), response: responses({ 200: Campaign }) } },
      async (req, reply) => {
        requireAccess(req.caller!, 'referrals.manage');
        const t = req.caller!.tenantId;
        return mutate(ctx, req, reply, { action: `referral.campaign_${path}`, targetType: 'referral_campaign' }, async (q) =>
          one(q, t, await setStatus(q, t, req.params.id, to, ctx.clock.now())),
        );
      },
    );
  }

  app.get(
    '/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals, newest first: who invited whom, the state, when it is due, what each side was given',
        querystring: ListQuery({ campaign_id: Type.Optional(Id), member_id: Type.Optional(Id), state: Type.Optional(ReferralState) }),
        response: responses({ 200: Page(Referral) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'referrals.read');
      const t = req.caller!.tenantId;
      const limit = req.query.limit ?? 50;
      const r = await ctx.db.query<ReferralRow>(
        `SELECT ${REFERRAL_COLS} FROM referrals WHERE tenant_id = $1 AND ($2::text IS NULL OR campaign_id = $2)
           AND ($3::text IS NULL OR referrer_id = $3 OR referee_id = $3) AND ($4::text IS NULL OR state = $4) AND ($5::text IS NULL OR id < $5)
         ORDER BY id DESC LIMIT $6`,
        [t, req.query.campaign_id ?? null, req.query.member_id ?? null, req.query.state ?? null, decodeCursor(req.query.cursor), limit + 1],
      );
      const page = pageOf(r.rows, limit);
      return { ...page, data: await referralViews(ctx.db, t, page.data) };
    },
  );

  app.post(
    '/referrals',
    {
      schema: {
        tags,
        summary: 'A member joins with a friend’s referral code (the brand’s registration flow); refused for one’s own code, a second code or a loop',
        body: Type.Object({ member_id: Id, code: Code, request_no: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
        response: responses({ 201: Referral }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'referrals.manage');
      const caller = req.caller!;
      return mutate(ctx, req, reply, { action: 'referral.join', targetType: 'referral', status: 201 }, async (q) => {
        const r = await joinWithCode(ctx, q, caller, req.body.member_id, req.body.code, ctx.clock.now());
        return (await referralViews(q, caller.tenantId, [r]))[0]!;
      });
    },
  );
}
