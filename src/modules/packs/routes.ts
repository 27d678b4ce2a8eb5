import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { newId } from '../../ids.js';
import { Id, ListQuery, Page, responses } from '../../http/schemas.js';
import { createPack, newVersion, publishPack, retirePack, updatePack } from './define.js';
import { grantPack } from './service.js';
import { listDraws, listGrants, listPacks, packDetail } from './read.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { Draw, Kind, Names, Pack, PackBody, PackGrantSchema, PackPatch } from './schemas.js';

/** Benefit packs 权益礼包: the brand's staff make, publish, version and grant them; members read theirs in the wallet. */
export function packRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['packs 权益礼包'];
  const ById = Type.Object({ id: Id });
  const now = () => ctx.clock.now();

  app.get(
    '/packs',
    {
      schema: {
        tags,
        summary: 'Benefit packs, newest first, with their items or prizes (published odds, stock left, odds now)',
        querystring: ListQuery({
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('live'), Type.Literal('retired')])),
          kind: Type.Optional(Kind),
        }),
        response: responses({ 200: Page(Pack) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'packs.read');
      return listPacks(ctx.db, req.caller!.tenantId, req.query);
    },
  );

  app.post(
    '/packs',
    {
      schema: {
        tags,
        summary: 'Make a pack (a draft): fixed items, or random prizes with odds (basis points adding up to 10,000), stock and a guarantee',
        body: PackBody,
        response: responses({ 201: Pack }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'packs.manage');
      return mutate(ctx, req, reply, { action: 'pack.create', targetType: 'pack', status: 201 }, async (q) =>
        packDetail(q, req.caller!.tenantId, await createPack(q, req.caller!.tenantId, req.body, now())),
      );
    },
  );

  app.get(
    '/packs/:id',
    { schema: { tags, summary: 'A pack: its items or prizes with published odds, stock left and odds now', params: ById, response: responses({ 200: Pack }) } },
    async (req) => {
      requireAccess(req.caller!, 'packs.read');
      return packDetail(ctx.db, req.caller!.tenantId, req.params.id);
    },
  );

  app.patch(
    '/packs/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft; a published pack takes only a new name or description (its contents and odds are fixed: make a new version)',
        params: ById,
        body: PackPatch,
        response: responses({ 200: Pack }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'packs.manage');
      return mutate(ctx, req, reply, { action: 'pack.update', targetType: 'pack' }, async (q) => {
        await updatePack(q, req.caller!.tenantId, req.params.id, req.body, now());
        return packDetail(q, req.caller!.tenantId, req.params.id);
      });
    },
  );

  for (const [verb, action, summary, fn] of [
    ['publish', 'pack.publish', 'Publish a draft: it goes live, its contents and odds are fixed; the version it replaces is retired', publishPack],
    ['retire', 'pack.retire', 'Retire a live pack: it is granted no more', retirePack],
  ] as const)
    app.post(`/packs/:id/${verb}`, { schema: { tags, summary, params: ById, response: responses({ 200: Pack }) } }, async (req, reply) => {
      requireAccess(req.caller!, 'packs.manage');
      return mutate(ctx, req, reply, { action, targetType: 'pack' }, async (q) => {
        await fn(q, req.caller!.tenantId, req.params.id, now());
        return packDetail(q, req.caller!.tenantId, req.params.id);
      });
    });

  app.post(
    '/packs/:id/versions',
    {
      schema: {
        tags,
        summary: 'A new version of a published pack: a draft copying it with the changes given; publishing it retires this one',
        params: ById,
        body: PackPatch,
        response: responses({ 201: Pack }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'packs.manage');
      return mutate(ctx, req, reply, { action: 'pack.version', targetType: 'pack', status: 201 }, async (q) =>
        packDetail(q, req.caller!.tenantId, await newVersion(q, req.caller!.tenantId, req.params.id, req.body, now())),
      );
    },
  );

  app.post(
    '/packs/:id/grants',
    {
      schema: {
        tags,
        summary: 'Grant a live pack to a member: its cards are issued to them (a random pack draws its prize first). The same reference never grants twice.',
        params: ById,
        body: Type.Object({
          member_id: Id,
          reference: Type.Optional(
            Type.String({ minLength: 1, maxLength: 200, description: 'your reference for this grant: a second grant with it answers the first' }),
          ),
        }),
        response: responses({ 201: PackGrantSchema }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'packs.grant');
      const reference = req.body.reference !== undefined ? `manual:${req.body.reference}` : `manual:${newId('ref')}`;
      return mutate(ctx, req, reply, { action: 'pack.grant', targetType: 'pack_grant', status: 201 }, (q) =>
        grantPack(ctx, q, req.caller!, { packId: req.params.id, memberId: req.body.member_id, source: 'manual', reference }, now()),
      );
    },
  );

  app.get(
    '/pack-grants',
    {
      schema: {
        tags,
        summary: 'Grants of packs, newest first (of a pack, of a member), with their cards and prize',
        querystring: ListQuery({ pack_id: Type.Optional(Id), member_id: Type.Optional(Id) }),
        response: responses({ 200: Type.Object({ data: Type.Array(PackGrantSchema), next_cursor: Type.Union([Type.Null(), Type.String()]), names: Names }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'packs.read');
      return listGrants(ctx.db, req.caller!, req.query);
    },
  );

  app.get(
    '/packs/:id/draws',
    {
      schema: {
        tags,
        summary: 'The draws of a random pack, newest first: the random source (value and range drawn), the prizes drawn among, the outcome',
        params: ById,
        querystring: ListQuery({}),
        response: responses({ 200: Type.Object({ data: Type.Array(Draw), next_cursor: Type.Union([Type.Null(), Type.String()]), names: Names }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'packs.read');
      return listDraws(ctx.db, req.caller!.tenantId, req.params.id, req.query);
    },
  );
}

/** The member's own packs, in the wallet (the wallet's sign-in: `opts`). */
export function walletPackRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/wallet/packs',
    {
      ...opts,
      schema: {
        tags: ['member wallet 会员钱包'],
        security: [{ wallet: [] }],
        summary: 'The packs granted to me, newest first, with their cards and prize',
        querystring: ListQuery({}),
        response: responses({ 200: Type.Object({ data: Type.Array(PackGrantSchema), next_cursor: Type.Union([Type.Null(), Type.String()]), names: Names }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'packs.own');
      return listGrants(ctx.db, req.caller!, req.query);
    },
  );
}
