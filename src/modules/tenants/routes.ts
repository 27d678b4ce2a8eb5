import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { responses } from '../../http/schemas.js';
import * as svc from './service.js';

const Tenant = Type.Object({
  id: Type.String(),
  name: Type.String(),
  time_zone: Type.String(),
  currency: Type.String(),
  reverse_window_minutes: Type.Integer({ description: 'how long after a redemption it may be reversed (撤销核销窗口)' }),
  expiring_soon_days: Type.Integer({
    description: '即将过期: days before expiry a card counts as expiring soon — the wallet badge, the card list filter and the card.expiring event',
  }),
  review_hold_hours: Type.Integer({ description: '人工审核: hours an action sent to review holds what it would take before it expires' }),
});
export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tenant & keys 商户与密钥'];

  app.get('/tenant', { schema: { tags, summary: 'This key’s tenant', response: responses({ 200: Tenant }) } }, async (req) =>
    svc.getTenant(ctx.db, req.caller!.tenantId),
  );

  app.patch(
    '/tenant',
    {
      schema: {
        tags,
        summary: 'Change tenant settings',
        body: Type.Object({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          reverse_window_minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525600 })),
          expiring_soon_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'days before expiry, 1–90 (default 3)' })),
          review_hold_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720, description: 'hours a review holds, 1–720 (default 24)' })),
        }),
        response: responses({ 200: Tenant }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tenant.manage');
      return mutate(ctx, req, reply, { action: 'tenant.update', targetType: 'tenant' }, (q) => svc.updateTenant(q, req.caller!.tenantId, req.body));
    },
  );
}
