import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { systemCaller, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { ensureRewardBatch } from '../batches/service.js';
import type { TemplateRow } from '../templates/schemas.js';
import { appendEvents } from './events.js';
import { appendLedger } from '../ledger/service.js';
import type { CardRow } from './model.js';
import { issueCard } from './issue.js';

/**
 * 集点卡: at the goal the stamps are spent (a "reward" ledger entry) and the reward template is
 * issued to the member, from the reward template's on-issue batch (made on first need).
 */
export async function rewardStamps(ctx: Ctx, q: Sql, caller: Caller, card: CardRow, t: TemplateRow, redemptionId: string, now: Date) {
  if (!card.member_id) throw new AppError(409, 'CARD_NOT_BOUND', 'a stamp card must be bound to a member to earn its reward');
  const goal = t.value.goal!;
  const r = await q.query<CardRow>('UPDATE cards SET stamps = stamps - $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND stamps >= $3 RETURNING *', [
    caller.tenantId,
    card.id,
    goal,
    now,
  ]);
  await appendLedger(q, caller.tenantId, now, [{ cardId: card.id, type: 'reward', stamps: -goal, redemptionId }]);
  const rewardTemplateId = t.value.reward_template_id!;
  const batchId = await ensureRewardBatch(q, caller.tenantId, rewardTemplateId, now);
  // the reward is the brand's to give: it is issued with the system's authority, not the clerk's
  const reward = await issueCard(ctx, q, systemCaller(caller), { batch_id: batchId, member_id: card.member_id });
  await appendEvents(q, [
    {
      tenantId: caller.tenantId,
      cardId: card.id,
      templateId: card.template_id,
      batchId: card.batch_id,
      type: 'rewarded',
      memberId: card.member_id,
      keyId: caller.keyId,
      data: { redemption_id: redemptionId, reward_card_id: reward.id },
      at: now,
    },
  ]);
  return { card: r.rows[0], rewardCardId: reward.id };
}
