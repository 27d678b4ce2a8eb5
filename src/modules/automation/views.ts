import type { Sql } from '../../db/index.js';
import { resolveNames } from '../../platform/names.js';
import { entryOf } from '../../platform/problems/catalogue.js';
import { sourceResults } from '../rewards/service.js';
import { ruleNames, type RuleRow } from './model.js';
import { triggerOf } from './triggers.js';

/** Rules and firings as they are answered: names, never raw ids; results; why a firing was skipped, in words. */
const REASONS: Record<string, [string, string]> = {
  conditions: ['条件不满足', 'the conditions did not hold'],
  segment: ['会员不在目标人群', 'the member is not in the segment'],
  member_limit: ['已达每人次数上限', 'the member reached the rule’s limit'],
  budget: ['规则预算已用完', 'the rule’s budget is spent'],
  rewards: ['奖励已不可用（模板停用或礼包下架）', 'a reward no longer exists'],
  other_trigger: ['触发事件不同', 'another trigger'],
  not_taken: ['不满足触发条件（如不是首单、未跨过积分门槛）', 'the trigger did not take it (not a first order, no threshold crossed)'],
};

export function reasonText(reason: string): { zh: string; en: string } {
  const r = REASONS[reason];
  if (r) return { zh: r[0], en: r[1] };
  const e = entryOf(reason);
  return e ? { zh: e.zh.replace(/\[[^\]]*\]/g, ''), en: e.en.replace(/\[[^\]]*\]/g, '') } : { zh: reason, en: reason };
}

export async function ruleViews(q: Sql, tenantId: string, rows: RuleRow[]) {
  const ids = rows.map((r) => r.id);
  const given = await sourceResults(q, tenantId, 'rule', ids);
  const f = await q.query<{ rule_id: string; fired: number; skipped: number; members: number }>(
    `SELECT rule_id, count(*) FILTER (WHERE outcome = 'fired')::int AS fired, count(*) FILTER (WHERE outcome = 'skipped')::int AS skipped,
       count(DISTINCT member_id) FILTER (WHERE outcome = 'fired')::int AS members
     FROM automation_firings WHERE tenant_id = $1 AND rule_id = ANY($2::text[]) GROUP BY rule_id`,
    [tenantId, ids],
  );
  const counts = new Map(f.rows.map((r) => [r.rule_id, r]));
  const b = await q.query<{ rule_id: string; cards: number; fen: string }>(
    `SELECT rule_id, cards, fen FROM automation_counts WHERE tenant_id = $1 AND rule_id = ANY($2::text[]) AND member_id = '' AND period = 'ever'`,
    [tenantId, ids],
  );
  const budget = new Map(b.rows.map((r) => [r.rule_id, r]));
  return rows.map((r) => {
    const g = given.get(r.id)!;
    const t = triggerOf(r.trigger_type);
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      trigger: r.trigger,
      trigger_name: t ? `${t.zh} ${t.en}` : r.trigger_type,
      conditions: r.conditions,
      limits: r.limits,
      actions: r.actions,
      status: r.status,
      results: {
        fired: counts.get(r.id)?.fired ?? 0,
        skipped: counts.get(r.id)?.skipped ?? 0,
        members: counts.get(r.id)?.members ?? 0,
        cards: g.cards,
        redeemed: g.redeemed_cards,
        redeemed_amount: g.redeemed_amount,
        gmv: g.gmv,
        points: g.points,
        value: g.value,
        budget_cards_used: budget.get(r.id)?.cards ?? 0,
        budget_fen_used: Number(budget.get(r.id)?.fen ?? 0),
      },
      created_at: r.created_at,
      updated_at: r.updated_at,
    };
  });
}

export interface FiringRow {
  id: string;
  rule_id: string;
  event_id: string;
  event_type: string;
  member_id: string | null;
  outcome: 'fired' | 'skipped';
  reason: string | null;
  grant_id: string | null;
  card_ids: string[];
  value: string;
  created_at: Date;
}
export const FIRING_COLS = 'id, rule_id, event_id, event_type, member_id, outcome, reason, grant_id, card_ids, value, created_at';

export async function firingViews(q: Sql, tenantId: string, rows: FiringRow[]) {
  const rules = await ruleNames(q, tenantId, [...new Set(rows.map((r) => r.rule_id))]);
  const names = await resolveNames(
    q,
    tenantId,
    rows.map((r) => r.member_id),
  );
  return rows.map((r) => ({
    ...r,
    rule_name: rules.get(r.rule_id) ?? null,
    member_name: r.member_id ? (names.get(r.member_id) ?? null) : null,
    reason_text: r.reason ? reasonText(r.reason) : null,
    value: Number(r.value),
  }));
}
