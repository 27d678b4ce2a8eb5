import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { giveRewards, rewardValue, type RewardGrant } from '../rewards/service.js';
import { tagMember } from '../segments/service.js';
import { conditionsRefuse, periodOf, triggerTakes, type Occurrence } from './decide.js';
import type { RuleRow } from './model.js';

/**
 * One rule for one occurrence, in the caller's transaction, exactly once: the firing row (unique on
 * rule and event) is claimed first, so a second delivery — a retry, a replay, another process — waits
 * for the first and then finds it; the rewards' reference `rule:<rule>:<event>` backs it. Limits are
 * one conditional upsert each on automation_counts (the per-member count, then the rule's budget),
 * taken in that order by every firing, so they hold under concurrency and never deadlock. A firing
 * refused on the way (a limit, the budget, a reward's own refusal) is rolled back to a
 * savepoint and recorded `skipped` with its reason; anything else throws and holds the subscriber.
 * Conditions are tested before the claim: an occurrence they refuse is no firing at all.
 */
export type FireResult = { outcome: 'fired'; grant: RewardGrant | null } | { outcome: 'skipped'; reason: string } | { outcome: 'duplicate' | 'not_taken' };

export const systemCause = (tenantId: string): Caller => ({
  tenantId,
  keyId: 'system:automation',
  role: 'system',
  storeIds: [],
  channelId: null,
  memberId: null,
});

const cardsOf = (g: RewardGrant) => [...g.given.cards.map((c) => c.id), ...g.given.packs.flatMap((p) => p.card_ids)];

class Skip extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export async function fireRule(ctx: Ctx, q: Sql, tenantId: string, zone: string, rule: RuleRow, o: Occurrence): Promise<FireResult> {
  const firingId = await claimFiring(q, tenantId, rule, o);
  if (firingId === 'not_taken' || firingId === 'duplicate') return { outcome: firingId };
  return completeFiring(ctx, q, tenantId, zone, rule, o, firingId);
}

/**
 * The firing's claim: its row, unique on (rule, event), or `duplicate` when another delivery made it
 * (waiting for that one's transaction first). A delivery of several events claims all its firings, in
 * event order, before acting on any, so deliveries racing each other never wait on each other in a circle.
 */
export async function claimFiring(q: Sql, tenantId: string, rule: RuleRow, o: Occurrence): Promise<string | 'not_taken' | 'duplicate'> {
  if (!(await triggerTakes(q, tenantId, rule, o))) return 'not_taken';
  // conditions that do not hold make no firing: a rule over every order would otherwise write a row per
  // order it ignores (the dry run says why a rule would not fire)
  if (await conditionsRefuse(q, tenantId, rule, o)) return 'not_taken';
  const firingId = newId('rfi', o.at.getTime());
  const claimed = await q.query(
    `INSERT INTO automation_firings (tenant_id, id, rule_id, event_id, event_type, member_id, outcome, reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'skipped', 'running', $7) ON CONFLICT (tenant_id, rule_id, event_id) DO NOTHING`,
    [tenantId, firingId, rule.id, o.id, o.type, o.memberId, o.at],
  );
  return claimed.rowCount ? firingId : 'duplicate';
}

export async function completeFiring(ctx: Ctx, q: Sql, tenantId: string, zone: string, rule: RuleRow, o: Occurrence, firingId: string): Promise<FireResult> {
  await q.query('SAVEPOINT automation_firing');
  try {
    const grant = await act(ctx, q, tenantId, zone, rule, o);
    await q.query('RELEASE SAVEPOINT automation_firing');
    const cards = grant ? cardsOf(grant) : [];
    await q.query(`UPDATE automation_firings SET outcome = 'fired', reason = NULL, grant_id = $3, card_ids = $4, value = $5 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      firingId,
      grant?.id ?? null,
      cards,
      grant?.value ?? 0,
    ]);
    return { outcome: 'fired', grant };
  } catch (e) {
    if (!(e instanceof Skip) && !(e instanceof AppError)) throw e;
    await q.query('ROLLBACK TO SAVEPOINT automation_firing');
    const reason = e instanceof Skip ? e.reason : e.code;
    await q.query('UPDATE automation_firings SET reason = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, firingId, reason]);
    return { outcome: 'skipped', reason };
  }
}

async function act(ctx: Ctx, q: Sql, tenantId: string, zone: string, rule: RuleRow, o: Occurrence): Promise<RewardGrant | null> {
  const memberId = o.memberId!;
  const per = rule.limits.per_member;
  if (per) {
    const n = await q.query(
      `INSERT INTO automation_counts (tenant_id, rule_id, member_id, period, fired) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (tenant_id, rule_id, member_id, period) DO UPDATE SET fired = automation_counts.fired + 1 WHERE automation_counts.fired < $5
       RETURNING fired`,
      [tenantId, rule.id, memberId, periodOf(per.per, o.at, zone), per.times],
    );
    if (!n.rows.length) throw new Skip('member_limit');
  }
  const a = rule.actions;
  let grant: RewardGrant | null = null;
  if (a.rewards) {
    const source = { kind: 'rule' as const, id: rule.id, name: rule.name };
    grant = await giveRewards(ctx, q, systemCause(tenantId), { memberId, rewards: a.rewards, reference: `rule:${rule.id}:${o.id}`, source }, o.at);
    const cards = cardsOf(grant).length;
    const fen = await rewardValue(q, tenantId, a.rewards);
    const { budget_cards: bc = null, budget_fen: bf = null } = rule.limits;
    if ((bc !== null && cards > bc) || (bf !== null && fen > bf)) throw new Skip('budget');
    const taken = await q.query(
      `INSERT INTO automation_counts (tenant_id, rule_id, member_id, period, fired, cards, fen) VALUES ($1, $2, '', 'ever', 1, $3, $4)
       ON CONFLICT (tenant_id, rule_id, member_id, period) DO UPDATE
         SET fired = automation_counts.fired + 1, cards = automation_counts.cards + $3, fen = automation_counts.fen + $4
         WHERE ($5::int IS NULL OR automation_counts.cards + $3 <= $5::int) AND ($6::bigint IS NULL OR automation_counts.fen + $4 <= $6::bigint)
       RETURNING fired`,
      [tenantId, rule.id, cards, fen, bc, bf],
    );
    if (!taken.rows.length) throw new Skip('budget');
  }
  if (a.tag) await tagMember(q, tenantId, memberId, a.tag, { kind: 'rule', id: rule.id }, o.at);
  if (a.webhook) {
    const card_ids = grant ? cardsOf(grant) : [];
    const data = { rule_id: rule.id, rule_name: rule.name, event_id: o.id, event_type: o.type, grant_id: grant?.id ?? null, card_ids };
    await emit(q, [{ tenantId, type: 'automation.fired', at: o.at, memberId, data }]);
  }
  return grant;
}
