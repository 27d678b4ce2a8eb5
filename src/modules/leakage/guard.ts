import { AppError } from '../../errors.js';
import { refusal } from '../../platform/problems/refusal.js';
import { getChannel } from '../channels/service.js';
import { redemptionGuards } from '../redemptions/extensions.js';
import { ruleOf, storeOutside } from './scope.js';

/**
 * 窜货拒绝: where a template's `rules.leakage` is `refuse`, a card of a channel is not redeemed at a
 * store outside that channel's scope (scope.ts). Asked once per request on every path, after the
 * rules; it reads the channel only for such templates (one primary-key read), so other redemptions
 * pay nothing. A refused redemption writes nothing: the clerk reads why, naming the channel and store.
 */
export const leakageGuard = redemptionGuards.with({
  name: 'leakage',
  async check(_ctx, a) {
    if (!a.card.channel_id || !a.store || ruleOf(a.template.rules) !== 'refuse') return;
    const ch = await getChannel(a.db, a.caller.tenantId, a.card.channel_id).catch((e) => {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    });
    if (!ch) return;
    const reasons = storeOutside(ch, a.store);
    if (!reasons.length) return;
    throw refusal(
      'CHANNEL_LEAKAGE_REFUSED',
      `card of channel ${ch.id} is outside its scope at store ${a.store.id} (${reasons.join(', ')})`,
      { channel_name: ch.name, store_name: a.store.name },
      { channel_id: ch.id, store_id: a.store.id, reasons },
    );
  },
});
