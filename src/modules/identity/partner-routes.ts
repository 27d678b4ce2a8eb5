import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { channelOf, requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, responses } from '../../http/schemas.js';
import { Operator, Password } from './operator-routes.js';
import * as svc from './partners.js';

/**
 * Partner accounts 渠道商账号 of a channel: people of a channel partner who sign in to the partner
 * portal (/partner) and see only their channel's subtree. The brand's owner and operators manage
 * them for any channel; a partner for channels in its own subtree (partners.ts).
 */
export function partnerRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['channels 渠道'];
  const params = Type.Object({ id: Id });

  app.get(
    '/channels/:id/accounts',
    {
      schema: {
        tags,
        summary: 'List a channel’s partner accounts (渠道商账号)',
        params,
        response: responses({ 200: Type.Object({ data: Type.Array(Operator) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'partners.manage');
      return { data: await svc.listPartnerAccounts(ctx.db, req.caller!.tenantId, req.params.id, channelOf(req.caller!)) };
    },
  );

  app.post(
    '/channels/:id/accounts',
    {
      schema: {
        tags,
        summary: 'Create a partner account for a channel: it signs in to the partner portal and sees the channel’s subtree',
        description:
          'The password is set here and handed over by whoever makes the account; the partner can change it (POST /v1/operators/{id}/password with current_password).',
        params,
        body: Type.Object({
          username: Type.String({ minLength: 2, maxLength: 64 }),
          password: Password,
          display_name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
        }),
        response: responses({ 201: Operator }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'partners.manage');
      return mutate(ctx, req, reply, { action: 'operator.create', targetType: 'operator', status: 201 }, (q) =>
        svc.createPartnerAccount(q, req.caller!.tenantId, req.params.id, req.body, channelOf(req.caller!), ctx.clock.now()),
      );
    },
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/channels/:id/accounts/:account_id/${verb}`,
      {
        schema: {
          tags,
          summary: disabled ? 'Disable a partner account (its sessions end at once)' : 'Enable a disabled partner account',
          params: Type.Object({ id: Id, account_id: Id }),
          response: responses({ 200: Operator }),
        },
      },
      async (req, reply) => {
        requireAccess(req.caller!, 'partners.manage');
        const { id, account_id } = req.params as { id: string; account_id: string };
        const c = req.caller!;
        return mutate(ctx, req, reply, { action: `operator.${verb}`, targetType: 'operator' }, (q) =>
          svc.setPartnerDisabled(q, c.tenantId, id, account_id, disabled, channelOf(c), ctx.clock.now(), c.keyId),
        );
      },
    );
  }
}
