import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { AppError } from '../../errors.js';
import { clearCookie, setCookie } from '../../http/cookies.js';
import { Id, Timestamp, responses } from '../../http/schemas.js';
import { WalletCard, WalletCardDetail, WalletMe } from './schemas.js';
import { getMember, revokeWalletLinks } from '../members/service.js';
import * as svc from './service.js';
import { giftRoutes, walletGuarded } from './gift-routes.js';
import { walletRoutes } from './extensions.js';
import { walletAuthOf, walletHeader } from './auth.js';
import { screenBearer } from '../cards/manage.js';

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['member wallet 会员钱包'];

  app.post(
    '/members/:id/wallet-link',
    {
      schema: {
        tags,
        summary: 'A signed link that opens this member’s wallet (the link is the credential: send it to the member only)',
        params: Type.Object({ id: Id }),
        body: Type.Optional(
          Type.Object({ ttl_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 8760, default: 72, description: 'how long the link works, hours' })) }),
        ),
        response: responses({ 201: Type.Object({ url: Type.String(), token: Type.String(), expires_at: Timestamp }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      const ttl = (req.body as { ttl_hours?: number } | undefined)?.ttl_hours ?? 72;
      return mutate(ctx, req, reply, { action: 'member.wallet_link', targetType: 'member', status: 201 }, async (q) => {
        const m = await getMember(q, req.caller!.tenantId, req.params.id);
        return { ...svc.createWalletLink(ctx, req.caller!.tenantId, m.id, ttl), id: m.id };
      });
    },
  );

  app.post(
    '/members/:id/wallet-links/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke every wallet link given to this member so far 作废钱包链接 (a new link works again)',
        params: Type.Object({ id: Id }),
        response: responses({ 200: Type.Object({ id: Type.String(), wallet_links_valid_from: Timestamp }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'member.wallet_links_revoked', targetType: 'member' }, (q) =>
        revokeWalletLinks(q, req.caller!.tenantId, req.params.id, ctx.clock.now()),
      );
    },
  );

  const { who, opts, verify } = walletAuthOf(ctx);
  const security = [{ wallet: [] }];
  giftRoutes(base, ctx, opts, who);
  for (const more of walletRoutes.list()) more(base, ctx, opts);

  app.post(
    '/wallet/session',
    {
      config: { public: true },
      schema: {
        tags,
        security,
        summary: 'Open the wallet in this browser: trades the link’s token for an HttpOnly cookie',
        description:
          'The wallet page calls this with `Authorization: Wallet <token>` as soon as it opens, then takes the token out of the address bar. ' +
          'The cookie (SameSite=Strict, path /v1/wallet, until the link expires) is honoured with the header X-Kaquan-Screen: wallet. A link that does not work clears the cookie.',
        response: responses({ 200: Type.Object({ member_id: Type.String(), expires_at: Timestamp }) }),
      },
    },
    async (req, reply) => {
      const token = walletHeader(req);
      const claims = await (token
        ? verify(token)
        : Promise.reject(new AppError(401, 'UNAUTHENTICATED', 'send Authorization: Wallet <token from the wallet link>'))
      ).catch((e) => {
        clearCookie(reply, ctx.config, 'wallet');
        throw e;
      });
      return walletGuarded(ctx, req, claims, 'sign_in', {}, async () => {
        setCookie(reply, ctx.config, 'wallet', token!, claims.exp - ctx.clock.now().getTime() / 1000);
        return { member_id: claims.member_id, expires_at: new Date(claims.exp * 1000) };
      });
    },
  );

  app.get(
    '/wallet/me',
    { ...opts, schema: { tags, security, summary: 'The member and how many cards they hold by state', response: responses({ 200: WalletMe }) } },
    async (req) => {
      const c = who(req);
      return svc.walletMe(ctx.db, c.tenant_id, c.member_id).catch((e) => {
        if (e instanceof AppError && e.status === 404)
          throw new AppError(401, 'WALLET_LINK_INVALID', 'this wallet link is not valid or has expired; ask for a new one');
        throw e;
      });
    },
  );

  app.get(
    '/wallet/cards',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'My cards: usable (active/frozen), used, or expired (expired/voided)',
        querystring: Type.Object({
          state: Type.Optional(Type.Union([Type.Literal('usable'), Type.Literal('used'), Type.Literal('expired')], { default: 'usable' })),
        }),
        response: responses({ 200: Type.Object({ data: Type.Array(WalletCard) }) }),
      },
    },
    async (req) => {
      const c = who(req);
      return svc.walletCards(ctx, ctx.db, c.tenant_id, c.member_id, ((req.query as any).state ?? 'usable') as svc.WalletState);
    },
  );

  app.get(
    '/wallet/cards/:id',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'One of my cards: its code to show the clerk, rules, history',
        params: Type.Object({ id: Id }),
        response: responses({ 200: WalletCardDetail }),
      },
    },
    async (req) => {
      const c = who(req);
      return svc.walletCard(ctx, ctx.db, c.tenant_id, c.member_id, req.params.id);
    },
  );

  app.post(
    '/wallet/bind',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Bind a code bought or received elsewhere to my wallet 绑定',
        body: Type.Object({
          code: Type.String({ minLength: 1, maxLength: 128 }),
          pin: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: responses({ 200: Type.Intersect([WalletCard, Type.Object({ already_bound: Type.Boolean() })]) }),
      },
    },
    async (req, reply) => {
      const c = who(req);
      const cardId = await screenBearer(ctx, svc.walletCaller(c.tenant_id, c.member_id), req.body);
      return walletGuarded(ctx, req, c, 'bind', { card_id: cardId }, () =>
        mutate(ctx, req, reply, { action: 'wallet.bind', targetType: 'card' }, (q) => svc.walletBind(ctx, q, c.tenant_id, c.member_id, cardId)),
      );
    },
  );

  app.post(
    '/wallet/cards/:id/gift',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Give a transferable card to another member at once, by their id 转赠 (integrations; the wallet page offers it by link or phone instead)',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          to_member_external_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
          to_member_id: Type.Optional(Id),
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: responses({ 200: WalletCard }),
      },
    },
    async (req, reply) => {
      const c = who(req);
      return walletGuarded(ctx, req, c, 'transfer', { card_id: req.params.id }, () =>
        mutate(ctx, req, reply, { action: 'wallet.gift', targetType: 'card' }, (q) =>
          svc.walletGift(ctx, q, c.tenant_id, c.member_id, req.params.id, req.body),
        ),
      );
    },
  );
}
