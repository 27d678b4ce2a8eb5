import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, responses } from '../../http/schemas.js';
import { recipientByPhone } from '../cards/gift.js';
import { GiftOffer, GiftOfferCreated, GiftPreview, WalletCard } from './schemas.js';
import * as gifts from './gifts.js';
import type { WalletClaims } from './link.js';
import { guarded, type GuardedActionName } from '../../platform/guards.js';
import { clientOf, proofOf } from '../../http/client.js';
import { memberCaller } from '../../http/access.js';

/** The link's secret, in a body (never a URL: request lines end up in logs). */
const Secret = Type.String({ minLength: 10, maxLength: 200, pattern: '^kqg_[A-Za-z0-9_-]+$', description: 'the secret from the gift link (#g=…)' });

/**
 * 转赠 by link or phone, for the member of the wallet session (routes.ts authenticates them: `opts`
 * carries the wallet's onRequest hook, `who` the member). Another member reaches an offer only
 * through the secret in its link, or — an offer made to their phone — from their own wallet.
 */
export function giftRoutes(
  base: FastifyInstance,
  ctx: Ctx,
  opts: { config: object; onRequest: (req: FastifyRequest, reply: any) => Promise<void> },
  who: (req: FastifyRequest) => WalletClaims,
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['member wallet 会员钱包'];
  const security = [{ wallet: [] }];

  app.post(
    '/wallet/cards/:id/gift-offers',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Offer one of my transferable cards to a friend 转赠: a share link, or to the member with a phone number',
        description:
          'The card stays mine, frozen (转赠中), until the friend accepts it from the link in their wallet (it moves to them under a new code), I cancel, ' +
          'or 24 hours pass (it is mine again). The answer carries the link and its secret once; only the secret’s hash is stored.',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          phone: Type.Optional(Type.String({ minLength: 5, maxLength: 32, description: 'offer it to the member with this phone number only' })),
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: responses({ 201: GiftOfferCreated }),
      },
    },
    async (req, reply) => {
      const c = who(req);
      requireAccess(req.caller!, 'cards.gift');
      const to = req.body.phone ? await recipientByPhone(ctx, req.caller!, req.body.phone) : undefined;
      return walletGuarded(ctx, req, c, 'transfer', { card_id: req.params.id }, () =>
        mutate(ctx, req, reply, { action: 'wallet.gift_offer', targetType: 'gift_offer', status: 201 }, (q) =>
          gifts.walletOfferGift(ctx, q, c.tenant_id, c.member_id, req.params.id, to),
        ),
      );
    },
  );

  app.get(
    '/wallet/gift-offers',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'My pending gift offers: the ones I made (转赠中) and the ones made to my phone (待领取)',
        response: responses({ 200: Type.Object({ sent: Type.Array(GiftOffer), received: Type.Array(GiftOffer) }) }),
      },
    },
    async (req) => {
      const c = who(req);
      return gifts.walletGiftOffers(ctx.db, c.tenant_id, c.member_id);
    },
  );

  app.post(
    '/wallet/gift-offers/preview',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'What a gift link offers (the card, who gives it, whether I may accept it)',
        body: Type.Object({ token: Secret }),
        response: responses({ 200: GiftPreview }),
      },
    },
    async (req) => {
      const c = who(req);
      return gifts.walletPreviewGift(ctx, ctx.db, c.tenant_id, c.member_id, req.body.token);
    },
  );

  app.post(
    '/wallet/gift-offers/accept',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Accept a gift 领取: by the link’s secret, or an offer made to my phone by its id',
        description: 'Two accepts of one offer race to one winner; the other is told GIFT_OFFER_ACCEPTED. The card moves with a new code.',
        body: Type.Object({ token: Type.Optional(Secret), offer_id: Type.Optional(Id), request_no: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: responses({
          200: Type.Object({
            id: Type.String(),
            offer: GiftOffer,
            card: WalletCard,
            already_accepted: Type.Boolean({ description: 'I had accepted it before' }),
          }),
        }),
      },
    },
    async (req, reply) => {
      const c = who(req);
      requireAccess(req.caller!, 'cards.gift');
      return walletGuarded(ctx, req, c, 'claim', {}, () =>
        mutate(ctx, req, reply, { action: 'wallet.gift_accept', targetType: 'gift_offer' }, (q) =>
          gifts.walletAcceptGift(ctx, q, c.tenant_id, c.member_id, { secret: req.body.token, offerId: req.body.offer_id }),
        ),
      );
    },
  );

  app.post(
    '/wallet/gift-offers/:id/cancel',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Take my gift offer back 取消转赠: the card is mine and usable again',
        params: Type.Object({ id: Id }),
        response: responses({ 200: GiftOffer }),
      },
    },
    async (req, reply) => {
      const c = who(req);
      requireAccess(req.caller!, 'cards.gift');
      return mutate(ctx, req, reply, { action: 'wallet.gift_cancel', targetType: 'gift_offer' }, (q) =>
        gifts.walletCancelGift(ctx, q, c.tenant_id, c.member_id, req.params.id),
      );
    },
  );
}

/** A wallet action asked of the guards (docs/risk.md): the member, their IP and the device their page says it is. */
export function walletGuarded<T>(
  ctx: Ctx,
  req: FastifyRequest,
  c: { tenant_id: string; member_id: string },
  action: GuardedActionName,
  more: { card_id?: string },
  run: () => Promise<T>,
): Promise<T> {
  const { ip, device_id } = clientOf(req);
  const subjects = { member_id: c.member_id, ip, device_id, ...more };
  const caller = req.caller ?? memberCaller(c.tenant_id, c.member_id);
  return guarded(ctx, { tenantId: c.tenant_id, action, caller, at: ctx.clock.now(), subjects, proof: proofOf(req) }, run);
}
