import { redemptionGuards } from '../redemptions/extensions.js';
import { reviewDesks } from '../../platform/guards.js';

/**
 * For tests and walks only (the risk engine sends actions to review in production): a redemption
 * worth `threshold` fen or more goes to review, as a rule named 大额核销 would send it.
 */
export const RULE = { id: 'rul_test_large', name: '大额核销 large redemption' };
export function installTestReviewGuard(threshold: number) {
  redemptionGuards
    .with({
      name: 'test-review-large',
      async check(ctx, a) {
        if (a.take.value < threshold) return;
        await reviewDesks.list()[0]!.send(
          ctx,
          {
            tenantId: a.caller.tenantId,
            action: 'redeem',
            caller: a.caller,
            at: a.at,
            subjects: {
              card_id: a.card.id,
              member_id: a.card.member_id,
              store_id: a.store?.id ?? null,
              template_id: a.card.template_id,
              batch_id: a.card.batch_id,
              key_id: a.caller.keyId,
            },
            amount: a.take.value,
            replay: { kind: 'redeem', input: a.input },
          },
          { id: null, rules: [RULE] },
        );
      },
    })
    .install();
}
