import type { Sql } from '../../db/index.js';
import { newId } from '../../ids.js';
import { refusal } from '../../platform/problems/refusal.js';
import { checkRule } from './check.js';
import { getRule, RULE_COLS, type RuleRow } from './model.js';
import type { RuleCreate, RulePatch } from './schemas.js';

/**
 * Making and changing rules 规则管理. A rule is active (启用) or paused (暂停); either may be edited.
 * A budget may be lowered but never below what the rule has already given: the condition is in the
 * one UPDATE, so a firing that lands meanwhile is always counted.
 */
export async function createRule(q: Sql, tenantId: string, input: RuleCreate, now: Date): Promise<RuleRow> {
  const rule = { trigger: input.trigger, conditions: input.conditions ?? [], limits: input.limits ?? {}, actions: input.actions };
  await checkRule(q, tenantId, rule);
  const r = await q.query<RuleRow>(
    `INSERT INTO automation_rules (tenant_id, id, name, description, trigger_type, trigger, conditions, limits, actions, status, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11) RETURNING ${RULE_COLS}`,
    [
      tenantId,
      newId('rul', now.getTime()),
      input.name,
      input.description ?? '',
      rule.trigger.type,
      JSON.stringify(rule.trigger),
      JSON.stringify(rule.conditions),
      JSON.stringify(rule.limits),
      JSON.stringify(rule.actions),
      input.status ?? 'active',
      now,
    ],
  );
  return r.rows[0]!;
}

export async function updateRule(q: Sql, tenantId: string, id: string, patch: RulePatch, now: Date): Promise<RuleRow> {
  const cur = await getRule(q, tenantId, id);
  const next = {
    name: patch.name ?? cur.name,
    description: patch.description ?? cur.description,
    trigger: patch.trigger ?? cur.trigger,
    conditions: patch.conditions ?? cur.conditions,
    limits: patch.limits ?? cur.limits,
    actions: patch.actions ?? cur.actions,
  };
  await checkRule(q, tenantId, next);
  const r = await q.query<RuleRow>(
    `UPDATE automation_rules SET name = $3, description = $4, trigger_type = $5, trigger = $6, conditions = $7, limits = $8, actions = $9, updated_at = $10,
       calendar_done = CASE WHEN trigger = $6::jsonb THEN calendar_done END
     WHERE tenant_id = $1 AND id = $2
       AND NOT EXISTS (SELECT 1 FROM automation_counts c WHERE c.tenant_id = $1 AND c.rule_id = $2 AND c.member_id = '' AND c.period = 'ever'
                       AND (c.cards > coalesce($11::int, c.cards) OR c.fen > coalesce($12::bigint, c.fen)))
     RETURNING ${RULE_COLS}`,
    [
      tenantId,
      id,
      next.name,
      next.description,
      next.trigger.type,
      JSON.stringify(next.trigger),
      JSON.stringify(next.conditions),
      JSON.stringify(next.limits),
      JSON.stringify(next.actions),
      now,
      next.limits.budget_cards ?? null,
      next.limits.budget_fen ?? null,
    ],
  );
  if (r.rows[0]) return r.rows[0];
  const used = await budgetUsed(q, tenantId, id);
  throw refusal('AUTOMATION_BUDGET_BELOW_USED', `the budget cannot go below what was given (${used.cards} cards, ${used.fen} fen)`, used);
}

/** 启用 / 暂停: idempotent, one UPDATE. */
export async function setRuleStatus(q: Sql, tenantId: string, id: string, status: 'active' | 'paused', now: Date): Promise<RuleRow> {
  const r = await q.query<RuleRow>(
    `UPDATE automation_rules SET status = $3, updated_at = CASE WHEN status = $3 THEN updated_at ELSE $4 END WHERE tenant_id = $1 AND id = $2 RETURNING ${RULE_COLS}`,
    [tenantId, id, status, now],
  );
  if (!r.rows[0]) return getRule(q, tenantId, id);
  return r.rows[0];
}

/** Deleting a rule keeps its firings and the cards it gave (their trace names it by its id then). */
export async function deleteRule(q: Sql, tenantId: string, id: string): Promise<void> {
  await getRule(q, tenantId, id);
  await q.query('DELETE FROM automation_rules WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

export async function budgetUsed(q: Sql, tenantId: string, ruleId: string): Promise<{ cards: number; fen: number }> {
  const r = await q.query<{ cards: number; fen: string }>(
    `SELECT cards, fen FROM automation_counts WHERE tenant_id = $1 AND rule_id = $2 AND member_id = '' AND period = 'ever'`,
    [tenantId, ruleId],
  );
  return { cards: r.rows[0]?.cards ?? 0, fen: Number(r.rows[0]?.fen ?? 0) };
}
