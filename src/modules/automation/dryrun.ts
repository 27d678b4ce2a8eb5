import type { Sql } from '../../db/index.js';
import { newId } from '../../ids.js';
import { getTenant } from '../tenants/service.js';
import { checkRewards, rewardValue } from '../rewards/service.js';
import { conditionsRefuse, periodOf, triggerTakes, type Occurrence } from './decide.js';
import { RULE_COLS, type RuleRow } from './model.js';
import type { SampleEvent } from './schemas.js';
import { triggersFor } from './triggers.js';
import { reasonText } from './views.js';

/**
 * 试运行: which of the brand's active rules would fire for a sample event if it happened now, and why
 * not for each of the others — the same tests a delivery makes (trigger, conditions, segment, the
 * member's limit and the budget as counted now, the rewards still existing), read only, nothing written.
 */
export async function dryRun(q: Sql, tenantId: string, sample: SampleEvent, now: Date) {
  const zone = (await getTenant(q, tenantId)).time_zone;
  const rules = (await q.query<RuleRow>(`SELECT ${RULE_COLS} FROM automation_rules WHERE tenant_id = $1 AND status = 'active' ORDER BY id`, [tenantId])).rows;
  const o: Occurrence = {
    id: newId('dry', now.getTime()),
    type: sample.type,
    memberId: sample.member_id,
    at: now,
    data: sample.data ?? {},
    cols: { store_id: sample.store_id ?? null, template_id: sample.template_id ?? null },
  };
  const listening = new Set(triggersFor(sample.type));
  const out = [];
  for (const rule of rules) {
    const reason = await whyNot(q, tenantId, zone, rule, o, listening);
    out.push({ rule_id: rule.id, rule_name: rule.name, would_fire: !reason, reason, reason_text: reason ? reasonText(reason) : null });
  }
  return { data: out.sort((a, b) => Number(b.would_fire) - Number(a.would_fire)) };
}

async function whyNot(q: Sql, tenantId: string, zone: string, rule: RuleRow, o: Occurrence, listening: Set<string>): Promise<string | null> {
  const calendar = rule.trigger_type === o.type && (o.type === 'birthday' || o.type === 'schedule');
  if (!listening.has(rule.trigger_type) && !calendar) return 'other_trigger';
  if (!calendar && !(await triggerTakes(q, tenantId, rule, o))) return 'not_taken';
  const refused = await conditionsRefuse(q, tenantId, rule, o);
  if (refused) return refused;
  const per = rule.limits.per_member;
  if (per) {
    const r = await q.query<{ fired: number }>('SELECT fired FROM automation_counts WHERE tenant_id = $1 AND rule_id = $2 AND member_id = $3 AND period = $4', [
      tenantId,
      rule.id,
      o.memberId,
      periodOf(per.per, o.at, zone),
    ]);
    if ((r.rows[0]?.fired ?? 0) >= per.times) return 'member_limit';
  }
  const rewards = rule.actions.rewards;
  if (rewards) {
    const problems = await checkRewards(q, tenantId, rewards);
    if (problems.length) return 'rewards';
    const { budget_cards: bc = null, budget_fen: bf = null } = rule.limits;
    const used = await q.query<{ cards: number; fen: string }>(
      `SELECT cards, fen FROM automation_counts WHERE tenant_id = $1 AND rule_id = $2 AND member_id = '' AND period = 'ever'`,
      [tenantId, rule.id],
    );
    const cards = rewards.reduce((s, r) => s + (r.type === 'card' ? (r.quantity ?? 1) : 0), 0);
    const fen = await rewardValue(q, tenantId, rewards);
    if (bc !== null && (used.rows[0]?.cards ?? 0) + cards > bc) return 'budget';
    if (bf !== null && Number(used.rows[0]?.fen ?? 0) + fen > bf) return 'budget';
  }
  return null;
}
