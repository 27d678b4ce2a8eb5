import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, responses } from '../../http/schemas.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { Claim, ShareCreated, ShareLink, SharePreview, Token, WalletCampaign } from './schemas.js';
import { claimCampaign, refusedEarly } from './claim.js';
import { claimViews } from './claims.js';
import { shareByToken } from './shares.js';
import * as w from './wallet.js';

const RequestNo = Type.Optional(Type.String({ maxLength: 200 }));

/**
 * 领券中心 and 分享领券 in the member's wallet (added through `walletRoutes`): what I may claim, claiming,
 * my share links, and a friend's link — opened by its token, sent in a body (never a URL: request
 * lines end up in logs).
 */
export function campaignWalletRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['member wallet 会员钱包'];
  const security = [{ wallet: [] }];
  const me = (req: { caller?: { tenantId: string; memberId?: string | null } }) => ({ t: req.caller!.tenantId, m: req.caller!.memberId! });

  app.get(
    '/wallet/campaigns',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'The claim center 领券中心 for me: live campaigns of my audience, what is left, and whether I can claim each now (and if not, why)',
        response: responses({ 200: Type.Object({ data: Type.Array(WalletCampaign) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'campaigns.own');
      const { t, m } = me(req);
      return w.walletCenter(ctx, ctx.db, t, m);
    },
  );

  app.get(
    '/wallet/campaigns/:id',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'One campaign, as its claim link opens it',
        params: Type.Object({ id: Id }),
        response: responses({ 200: WalletCampaign }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'campaigns.own');
      const { t, m } = me(req);
      return w.walletCampaign(ctx, ctx.db, t, m, req.params.id);
    },
  );

  app.post(
    '/wallet/campaigns/:id/claim',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Claim a campaign 领取: its cards arrive in my wallet, or nothing changes',
        description: 'Send request_no or Idempotency-Key to retry safely: the same key answers the first claim.',
        params: Type.Object({ id: Id }),
        body: Type.Optional(Type.Object({ request_no: RequestNo })),
        response: responses({ 201: Claim }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'campaigns.own');
      const { t, m } = me(req);
      return mutate(
        ctx,
        req,
        reply,
        { action: 'campaign.claim', targetType: 'campaign_claim', status: 201 },
        async (q) => (await claimViews(q, t, [await claimCampaign(ctx, q, req.caller!, req.params.id, { memberId: m, via: 'wallet' })]))[0]!,
        () => refusedEarly(ctx.db, t, req.params.id, ctx.clock.now()),
      );
    },
  );

  app.post(
    '/wallet/campaigns/:id/shares',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Make a share link 分享链接 for a share campaign: friends who open it claim, and I am credited',
        description: 'The answer carries the link and its token once; only the token’s hash is stored.',
        params: Type.Object({ id: Id }),
        body: Type.Optional(Type.Object({ request_no: RequestNo })),
        response: responses({ 201: ShareCreated }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'campaigns.own');
      const { t, m } = me(req);
      return mutate(ctx, req, reply, { action: 'campaign.share', targetType: 'campaign_share', status: 201 }, (q) =>
        w.walletMakeShare(ctx, q, t, m, req.params.id),
      );
    },
  );

  app.get(
    '/wallet/shares',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'My share links, newest first, with the friends who claimed through each and the ones I was credited for',
        response: responses({ 200: Type.Object({ data: Type.Array(ShareLink) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'campaigns.own');
      const { t, m } = me(req);
      return w.walletShares(ctx.db, t, m);
    },
  );

  app.post(
    '/wallet/shares/preview',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'What a friend’s share link offers me (the campaign, who shares it, whether I may claim through it)',
        body: Type.Object({ token: Token }),
        response: responses({ 200: SharePreview }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'campaigns.own');
      const { t, m } = me(req);
      return w.walletPreviewShare(ctx, ctx.db, t, m, req.body.token);
    },
  );

  app.post(
    '/wallet/shares/claim',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Claim through a friend’s share link 好友分享领取: once per link; never my own link',
        body: Type.Object({ token: Token, request_no: RequestNo }),
        response: responses({ 201: Claim }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'campaigns.own');
      const { t, m } = me(req);
      return mutate(ctx, req, reply, { action: 'campaign.share_claim', targetType: 'campaign_claim', status: 201 }, async (q) => {
        const share = await shareByToken(q, t, req.body.token);
        return (await claimViews(q, t, [await claimCampaign(ctx, q, req.caller!, share.campaign_id, { memberId: m, via: 'share', share })]))[0]!;
      });
    },
  );
}
