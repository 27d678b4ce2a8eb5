import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { responses } from '../../http/schemas.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { WalletCheckin } from './schemas.js';
import { checkIn, walletCheckin } from './checkin.js';
import { walletTasks } from './tasks.js';

/** 签到 in the member's wallet: today, my streak, what today gives, checking in, and my tasks. */
export function taskWalletRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['member wallet 会员钱包'];
  const security = [{ wallet: [] }];
  const view = async (q: Parameters<typeof walletTasks>[0], tenantId: string, memberId: string, at: Date, base: Awaited<ReturnType<typeof walletCheckin>>) => ({
    ...base,
    tasks: await walletTasks(q, tenantId, memberId, at),
  });

  app.get(
    '/wallet/checkin',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'My check-in 签到: today (the brand’s calendar), my streak, what today gives, my tasks',
        response: responses({ 200: WalletCheckin }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'tasks.own');
      const t = req.caller!.tenantId;
      const m = req.caller!.memberId!;
      const now = ctx.clock.now();
      return view(ctx.db, t, m, now, await walletCheckin(ctx.db, t, m, now));
    },
  );

  app.post(
    '/wallet/checkin',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Check in for today 签到 (once a day: again the same day answers the first)',
        body: Type.Optional(Type.Object({ request_no: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false })),
        response: responses({ 200: WalletCheckin }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tasks.own');
      const caller = req.caller!;
      const m = caller.memberId!;
      return mutate(ctx, req, reply, { action: 'task.checkin', targetType: 'checkin' }, async (q) => {
        const now = ctx.clock.now();
        return view(q, caller.tenantId, m, now, await checkIn(ctx, q, caller, m, now));
      });
    },
  );
}
