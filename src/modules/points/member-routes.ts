import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Page, Timestamp, responses } from '../../http/schemas.js';
import { memberExists } from '../members/service.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { pointBalances } from './service.js';
import { adjust } from './change.js';
import { memberLots, memberMoves } from './read.js';
import { Asset, Balances, Lot, Move } from './schemas.js';

const memberNotFound = () => new AppError(404, 'MEMBER_NOT_FOUND', 'member not found');
async function known(q: Sql, tenantId: string, id: string) {
  if (!(await memberExists(q, tenantId, id))) throw memberNotFound();
}
const MovesQuery = ListQuery({ asset: Type.Optional(Asset) });
const LotsQuery = Type.Object({ asset: Type.Optional(Asset), all: Type.Optional(Type.Boolean({ description: 'with spent and expired lots too' })) });

/** A member's points as the staff read them, and manual adjustments 手动调整 (audited, with a reason). */
export function memberPointRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['points 积分'];
  const Params = Type.Object({ id: Id });
  app.get(
    '/members/:id/points',
    {
      schema: { tags, summary: 'A member’s points, pending points, growth and every upcoming expiry', params: Params, response: responses({ 200: Balances }) },
    },
    async (req) => {
      requireAccess(req.caller!, 'points.read');
      await known(ctx.db, req.caller!.tenantId, req.params.id);
      return pointBalances(ctx.db, req.caller!.tenantId, req.params.id, ctx.clock.now());
    },
  );
  app.get(
    '/members/:id/points/lots',
    {
      schema: {
        tags,
        summary: 'A member’s lots, closest to expiry first',
        params: Params,
        querystring: LotsQuery,
        response: responses({ 200: Type.Object({ data: Type.Array(Lot) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'points.read');
      await known(ctx.db, req.caller!.tenantId, req.params.id);
      return { data: await memberLots(ctx.db, req.caller!.tenantId, req.params.id, req.query) };
    },
  );
  app.get(
    '/members/:id/points/moves',
    {
      schema: {
        tags,
        summary: 'Every movement of a member’s points and growth with its reason, newest first',
        params: Params,
        querystring: MovesQuery,
        response: responses({ 200: Page(Move) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'points.read');
      await known(ctx.db, req.caller!.tenantId, req.params.id);
      return memberMoves(ctx.db, req.caller!.tenantId, req.params.id, req.query);
    },
  );
  app.post(
    '/members/:id/points/adjustments',
    {
      schema: {
        tags,
        summary: 'Add to or take from a member’s points or growth by hand, with a reason (audited); never below zero',
        params: Params,
        body: Type.Object({
          asset: Type.Optional(Asset),
          delta: Type.Integer({
            minimum: -1_000_000_000,
            maximum: 1_000_000_000,
            description: 'positive adds a lot, negative draws the lots closest to expiry',
          }),
          reason: Type.String({ minLength: 1, maxLength: 200 }),
          expires_at: Type.Optional(Timestamp),
        }),
        response: responses({
          201: Type.Object({ id: Type.String(), delta: Type.Integer(), lot_id: Type.Union([Type.Null(), Type.String()]), balances: Balances }),
        }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'points.adjust');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'points.adjust', targetType: 'member', status: 201 }, async (q) => {
        await known(q, t, req.params.id);
        const at = ctx.clock.now();
        const b = req.body;
        const out = await adjust(
          q,
          t,
          { memberId: req.params.id, asset: b.asset ?? 'points', delta: b.delta, reason: b.reason, expiresAt: b.expires_at ? new Date(b.expires_at) : null },
          at,
        );
        return { ...out, balances: await pointBalances(q, t, req.params.id, at) };
      });
    },
  );
}

/** The member's own points through the wallet: balances, lots and movements. */
export function walletPointRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['member wallet 会员钱包'];
  const security = [{ wallet: [] }];
  app.get(
    '/wallet/points',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'My points: balances with every upcoming expiry, my lots, my latest movements',
        querystring: MovesQuery,
        response: responses({
          200: Type.Object({ balances: Balances, lots: Type.Array(Lot), moves: Page(Move) }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'wallet.points');
      const c = req.caller!;
      const memberId = c.memberId!;
      return {
        balances: await pointBalances(ctx.db, c.tenantId, memberId, ctx.clock.now()),
        lots: await memberLots(ctx.db, c.tenantId, memberId, { asset: req.query.asset }),
        moves: await memberMoves(ctx.db, c.tenantId, memberId, req.query),
      };
    },
  );
}
