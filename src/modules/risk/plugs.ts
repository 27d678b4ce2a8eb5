import type { Ctx } from '../../platform/context.js';
import type { ActionGuard } from '../../platform/guards.js';
import type { Caller } from '../../http/access.js';
import type { Sql } from '../../db/index.js';
import { assess } from './engine.js';

/** The risk engine at the two seams: every guarded action (claim, issue, bind, transfer, lookup, sign-in) and every redemption. */
export const riskActionGuard: ActionGuard = {
  name: 'risk',
  check: (ctx: Ctx, a) => assess(ctx, a, ctx.db, false),
};

/** What the guard reads of a redemption (redemptions/extensions.ts `Attempt`, named here without importing it: redemptions imports cards, which imports risk). */
interface Redeeming {
  caller: Caller;
  card: { id: string; member_id: string | null; template_id: string; batch_id: string; channel_id: string | null };
  store: { id: string } | null;
  take: { value: number };
  /** the redemption's body: a second-verification proof rides in it as `otp: { challenge_id, code }` */
  input: unknown;
  at: Date;
  client?: { ip: string | null; device_id: string | null } | null;
  db: Sql;
}

/** Plugged into `redemptionGuards` by the redemptions module's definition (for the same reason). */
export const riskRedemptionGuard = {
  name: 'risk',
  check: (ctx: Ctx, at: Redeeming) =>
    assess(
      ctx,
      {
        tenantId: at.caller.tenantId,
        action: 'redeem',
        caller: at.caller,
        at: at.at,
        amount: at.take.value,
        proof: proofIn(at.input),
        // a review desk holds the card and redeems it on approval through the redemptions' handler of this kind
        replay: { kind: 'redeem', input: { ...(at.input as object), card_id: at.card.id, code: undefined, pin: undefined } }, // never the code or PIN: a review keeps this
        subjects: {
          member_id: at.card.member_id,
          card_id: at.card.id,
          template_id: at.card.template_id,
          batch_id: at.card.batch_id,
          channel_id: at.card.channel_id,
          store_id: at.store?.id ?? null,
          key_id: at.caller.keyId,
          ip: at.client?.ip ?? null,
          device_id: at.client?.device_id ?? null,
        },
      },
      at.db,
      at.db !== ctx.db,
    ),
};

function proofIn(input: unknown): { challenge_id: string; code: string } | undefined {
  const otp = (input as { otp?: { challenge_id?: unknown; code?: unknown } } | null)?.otp;
  return typeof otp?.challenge_id === 'string' && typeof otp.code === 'string' ? { challenge_id: otp.challenge_id, code: otp.code } : undefined;
}
