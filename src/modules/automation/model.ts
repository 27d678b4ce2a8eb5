import type { Sql } from '../../db/index.js';
import { notFound } from '../../errors.js';
import type { Actions, Condition, Limits, Trigger } from './schemas.js';

export interface RuleRow {
  id: string;
  name: string;
  description: string;
  trigger_type: string;
  trigger: Trigger;
  conditions: Condition[];
  limits: Limits;
  actions: Actions;
  status: 'active' | 'paused';
  calendar_done: string | null;
  created_at: Date;
  updated_at: Date;
}
export const RULE_COLS = 'id, name, description, trigger_type, trigger, conditions, limits, actions, status, calendar_done, created_at, updated_at';

export async function getRule(q: Sql, tenantId: string, id: string): Promise<RuleRow> {
  const r = await q.query<RuleRow>(`SELECT ${RULE_COLS} FROM automation_rules WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('automation_rule');
  return r.rows[0];
}

/** The active rules of these trigger types (what an event is evaluated against). */
export async function activeRules(q: Sql, tenantId: string, triggerTypes: string[]): Promise<RuleRow[]> {
  const r = await q.query<RuleRow>(
    `SELECT ${RULE_COLS} FROM automation_rules WHERE tenant_id = $1 AND status = 'active' AND trigger_type = ANY($2::text[]) ORDER BY id`,
    [tenantId, triggerTypes],
  );
  return r.rows;
}

export async function ruleNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM automation_rules WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}
