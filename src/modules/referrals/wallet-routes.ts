import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { responses } from '../../http/schemas.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { Code, WalletReferral } from './schemas.js';
import { joinWithCode } from './join.js';
import { walletReferral } from './read.js';

/** 邀请有礼 in the member's wallet: my code and link (made on first ask), who I invited, and entering a friend's code. */
export function referralWalletRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['member wallet 会员钱包'];
  const security = [{ wallet: [] }];

  app.get(
    '/wallet/referral',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'My referral code 邀请码 and link (made the first time I ask), the live campaign, the friends I invited and who invited me',
        response: responses({ 200: WalletReferral }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'referrals.own');
      return walletReferral(ctx, ctx.db, req.caller!.tenantId, req.caller!.memberId!);
    },
  );

  app.post(
    '/wallet/referral/join',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Enter a friend’s referral code 填写邀请码 (once): refused for my own code, a second code, or a friend I invited',
        body: Type.Object({ code: Code, request_no: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
        response: responses({ 200: WalletReferral }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'referrals.own');
      const caller = req.caller!;
      return mutate(ctx, req, reply, { action: 'referral.join', targetType: 'referral' }, async (q) => {
        await joinWithCode(ctx, q, caller, caller.memberId!, req.body.code, ctx.clock.now());
        return walletReferral(ctx, q, caller.tenantId, caller.memberId!);
      });
    },
  );
}
