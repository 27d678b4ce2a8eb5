import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, responses } from '../../http/schemas.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { Benefit, MemberTier, Settings, Tier } from './schemas.js';
import * as svc from './service.js';
import * as benefits from './benefits.js';
import { memberTier } from './read.js';

/** Member tiers 会员等级: the ladder, the policy, benefits, a member's tier and manual set; the member's own in the wallet. */
export function tierRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tiers 会员等级'];
  const Ladder = Type.Object({ data: Type.Array(Tier), settings: Settings, benefits: Type.Array(Benefit) });
  const ladder = async (tenantId: string) => ({
    data: await svc.listTiers(ctx.db, tenantId),
    settings: await svc.settingsOf(ctx.db, tenantId),
    benefits: await benefits.listBenefits(ctx.db, tenantId),
  });

  app.get(
    '/tiers',
    { schema: { tags, summary: 'The tier ladder (lowest first), the downgrade policy and the tier benefits', response: responses({ 200: Ladder }) } },
    async (req) => {
      requireAccess(req.caller!, 'tiers.read');
      return ladder(req.caller!.tenantId);
    },
  );

  app.put(
    '/tiers',
    {
      schema: {
        tags,
        summary:
          'Replace the ladder: tiers lowest first, thresholds strictly increasing; a tier with its id keeps its members, one left out is removed (if unused)',
        body: Type.Object({
          tiers: Type.Array(
            Type.Object({ id: Type.Optional(Id), name: Type.String({ minLength: 1, maxLength: 40 }), threshold: Type.Integer({ minimum: 0, maximum: 1e12 }) }),
            { minItems: 1, maxItems: 20 },
          ),
        }),
        response: responses({ 200: Type.Object({ data: Type.Array(Tier) }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tiers.manage');
      return mutate(ctx, req, reply, { action: 'tier.ladder', targetType: 'tier' }, async (q) => ({
        data: await svc.setLadder(q, req.caller!.tenantId, req.body.tiers, ctx.clock.now()),
      }));
    },
  );

  app.put(
    '/tier-settings',
    {
      schema: {
        tags,
        summary: 'How tiers fall: the policy, the qualifying period and the grace period',
        body: Settings,
        response: responses({ 200: Settings }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tiers.manage');
      return mutate(ctx, req, reply, { action: 'tier.settings', targetType: 'tenant' }, (q) =>
        svc.setSettings(q, req.caller!.tenantId, req.body as svc.Settings, ctx.clock.now()),
      );
    },
  );

  app.post(
    '/tier-benefits',
    {
      schema: {
        tags,
        summary: 'A benefit of a tier: its pack granted to every member of the tier on a day of each month (never twice for one month)',
        body: Type.Object({ tier_id: Id, pack_id: Id, day_of_month: Type.Optional(Type.Integer({ description: '1–28, default 1' })) }),
        response: responses({ 201: Benefit }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tiers.manage');
      return mutate(ctx, req, reply, { action: 'tier.benefit_create', targetType: 'tier_benefit', status: 201 }, (q) =>
        benefits.createBenefit(q, req.caller!, req.body, ctx.clock.now()),
      );
    },
  );

  app.post(
    '/tier-benefits/:id/stop',
    {
      schema: {
        tags,
        summary: 'Stop a tier benefit (months already granted stay granted)',
        params: Type.Object({ id: Id }),
        response: responses({ 200: Type.Object({ id: Type.String(), active: Type.Boolean() }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tiers.manage');
      return mutate(ctx, req, reply, { action: 'tier.benefit_stop', targetType: 'tier_benefit' }, async (q) => {
        const b = await benefits.stopBenefit(q, req.caller!.tenantId, req.params.id);
        return { id: b.id, active: b.active };
      });
    },
  );

  app.get(
    '/members/:id/tier',
    {
      schema: {
        tags,
        summary: 'A member’s tier, the growth that counts, what the next tier needs, grace and floor, and the tier history',
        params: Type.Object({ id: Id }),
        response: responses({ 200: MemberTier }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'tiers.read');
      return memberTier(ctx.db, req.caller!.tenantId, req.params.id, ctx.clock.now());
    },
  );

  app.post(
    '/members/:id/tier',
    {
      schema: {
        tags,
        summary:
          'Set a member’s tier by hand 手动调整等级: held at once and a floor until the end of `until` (a date in the tenant’s zone), then the normal rules apply',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          tier_id: Id,
          until: Type.String({ format: 'date', description: 'the last day of the floor (YYYY-MM-DD, the tenant’s zone)' }),
          reason: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: responses({
          200: Type.Object({ id: Type.String(), tier_id: Type.String(), floor_until: Type.String({ format: 'date-time' }), reason: Type.String() }),
        }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tiers.set');
      const actor = req.actor ?? `key:${req.caller!.keyId}`;
      return mutate(ctx, req, reply, { action: 'tier.set', targetType: 'member' }, (q) =>
        svc.setMemberTier(q, req.caller!, req.params.id, req.body, actor, ctx.clock.now()),
      );
    },
  );
}

/** GET /v1/wallet/tier: the member's own tier, plugged into the wallet (walletRoutes), signed in by their wallet link. */
export function walletTierRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/wallet/tier',
    {
      ...opts,
      schema: {
        tags: ['member wallet 会员钱包'],
        security: [{ wallet: [] }],
        summary: 'My tier, my progress to the next, a pending downgrade or manual tier, and my tier history',
        response: responses({ 200: MemberTier }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'tiers.own');
      return memberTier(ctx.db, req.caller!.tenantId, req.caller!.memberId!, ctx.clock.now());
    },
  );
}
