import type { RedemptionGuard } from '../redemptions/extensions.js';
import { otpDue } from '../redemptions/rules.js';
import { secondFactors, type GuardedAction } from '../../platform/guards.js';
import { dynamicRequired } from './dynamic.js';

/**
 * The redemption's verification guard: a dynamic-code template refuses its printed code; a redemption
 * worth more than the template's otp_above needs a one-time code (otp) or an operator approval
 * (approval_id: the redemption spends it, so a made-up one is refused there).
 */
export const verificationGuard: RedemptionGuard = {
  name: 'verification',
  async check(ctx, a) {
    dynamicRequired.check(ctx, a);
    if (!otpDue(a.template, a.take) || a.input.approval_id) return;
    const factor = secondFactors.list()[0];
    if (!factor) throw new Error('no second factor is installed (verification/ plugs one in)');
    const action: GuardedAction = {
      tenantId: a.caller.tenantId,
      action: 'redeem',
      caller: a.caller,
      at: a.at,
      subjects: { member_id: a.card.member_id, card_id: a.card.id, template_id: a.template.id, store_id: a.store?.id ?? null, key_id: a.caller.keyId },
      amount: a.take.value,
      proof: a.input.otp,
    };
    const above = a.template.rules.otp_above!;
    await factor.require(ctx, action, {
      zh: `核销金额超过 ${(above / 100).toFixed(2)} 元，需要短信验证`,
      en: `a redemption above ¥${(above / 100).toFixed(2)} needs an SMS code`,
    });
  },
};
