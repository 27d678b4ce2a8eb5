import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { checkRewards } from '../rewards/service.js';
import { segmentNames } from '../segments/service.js';
import { tagProblem } from '../segments/tag-name.js';
import { fieldsOf, triggerOf } from './triggers.js';
import type { Actions, Condition, Limits, Trigger } from './schemas.js';

/**
 * What the schema cannot say of a rule, checked on create and on every change (a PATCH merged over
 * the rule): the trigger exists, each condition names a field of that trigger with an operator and a
 * value that fit it, segments exist, there is something to do, the rewards exist. Every problem is
 * named by its field (reasons in Chinese: problems/reasons-automation.ts) and nothing is written.
 */
type Problem = { field: string; reason: string };
const NUMERIC = ['gt', 'gte', 'lt', 'lte'];

function conditionProblems(type: string, conditions: Condition[]): Problem[] {
  const fields = fieldsOf(type);
  const out: Problem[] = [];
  for (const [i, c] of conditions.entries()) {
    const kind = fields[c.field];
    const at = `conditions/${i}`;
    if (!kind) out.push({ field: `${at}/field`, reason: 'no such field for this trigger' });
    else if (kind === 'segment') {
      if (c.op !== 'in' && c.op !== 'not_in') out.push({ field: `${at}/op`, reason: 'a segment takes in or not_in' });
      else if (typeof c.value !== 'string') out.push({ field: `${at}/value`, reason: 'a segment id' });
    } else if (c.op === 'in' || c.op === 'not_in') {
      if (!Array.isArray(c.value) || !c.value.length) out.push({ field: `${at}/value`, reason: 'a list of values' });
    } else if (Array.isArray(c.value)) out.push({ field: `${at}/value`, reason: 'one value, not a list' });
    else if ((kind === 'fen' || kind === 'integer') && typeof c.value !== 'number') out.push({ field: `${at}/value`, reason: 'a whole number' });
    else if (kind === 'text' && NUMERIC.includes(c.op)) out.push({ field: `${at}/op`, reason: 'text takes eq, ne, in or not_in' });
  }
  return out;
}

function triggerProblems(t: Trigger): Problem[] {
  if (!triggerOf(t.type)) return [{ field: 'trigger/type', reason: 'no such trigger' }];
  const out: Problem[] = [];
  if (t.type === 'points.threshold' && t.threshold === undefined) out.push({ field: 'trigger/threshold', reason: 'required for this trigger' });
  if (t.type !== 'points.threshold' && t.threshold !== undefined) out.push({ field: 'trigger/threshold', reason: 'not for this trigger' });
  if (t.type === 'schedule' && !t.every) out.push({ field: 'trigger/every', reason: 'required for this trigger' });
  for (const k of ['every', 'weekday', 'day'] as const)
    if (t.type !== 'schedule' && t[k] !== undefined) out.push({ field: `trigger/${k}`, reason: 'not for this trigger' });
  if (t.type !== 'schedule' && t.type !== 'birthday' && t.at !== undefined) out.push({ field: 'trigger/at', reason: 'not for this trigger' });
  if (t.every === 'week' && t.weekday === undefined) out.push({ field: 'trigger/weekday', reason: 'required for this trigger' });
  if (t.every === 'month' && t.day === undefined) out.push({ field: 'trigger/day', reason: 'required for this trigger' });
  return out;
}

export async function checkRule(q: Sql, tenantId: string, r: { trigger: Trigger; conditions: Condition[]; limits: Limits; actions: Actions }): Promise<void> {
  const problems = triggerProblems(r.trigger);
  const l = r.limits;
  if (l.per_member && l.per_member.times < 1) problems.push({ field: 'limits/per_member/times', reason: 'at least 1' });
  for (const k of ['budget_cards', 'budget_fen'] as const) if ((l[k] ?? 0) < 0) problems.push({ field: `limits/${k}`, reason: 'below zero' });
  if (!problems.length) problems.push(...conditionProblems(r.trigger.type, r.conditions));
  const segIds = r.conditions.flatMap((c, i) => (c.field === 'segment_id' && typeof c.value === 'string' ? [[i, c.value] as const] : []));
  const known = await segmentNames(
    q,
    tenantId,
    segIds.map(([, v]) => v),
  );
  for (const [i, v] of segIds) if (!known.has(v)) problems.push({ field: `conditions/${i}/value`, reason: 'no such segment' });
  if (r.trigger.type === 'schedule' && !r.conditions.some((c) => c.field === 'segment_id' && c.op === 'in'))
    problems.push({ field: 'conditions', reason: 'a schedule needs a segment' });
  const a = r.actions;
  if (!a.rewards && !a.tag && !a.webhook) problems.push({ field: 'actions', reason: 'at least one action' });
  if (a.tag !== undefined && tagProblem(a.tag)) problems.push({ field: 'actions/tag', reason: tagProblem(a.tag)! });
  if (a.rewards) problems.push(...(await checkRewards(q, tenantId, a.rewards, 'actions/rewards')));
  if (!a.rewards && (r.limits.budget_cards != null || r.limits.budget_fen != null))
    problems.push({ field: r.limits.budget_cards != null ? 'limits/budget_cards' : 'limits/budget_fen', reason: 'a budget needs rewards' });
  if (problems.length)
    throw new AppError(422, 'VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
      errors: problems.map((p) => ({ field: p.field, reason: p.reason })),
    });
}
