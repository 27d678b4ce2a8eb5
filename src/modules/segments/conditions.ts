import { DateTime } from 'luxon';
import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { type Condition, type FieldOp, type SegmentField, type SqlScope, segmentConditions } from './point.js';
import { tagProblem } from './tag-name.js';

/**
 * A segment's conditions 条件: `{ all: [...] }` (every one holds) or `{ any: [...] }` (at least one),
 * whose items are conditions or groups of conditions — two levels at most. Each condition names a
 * field some module plugged in (point.ts), an operator the field offers, a value of the operator's
 * kind, and `days` for a behaviour over a window. Checked here with the path of each problem
 * (`conditions/all/2/field`); compiled into one boolean SQL over the member row `m`.
 */
export type Item = Condition | Group;
export type Group = { all: Item[] } | { any: Item[] };
export interface Problem {
  field: string;
  reason: string;
}

export const MAX_ITEMS = 20;
const fieldOf = (name: unknown) => segmentConditions.list().find((f) => f.field === name);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isGroup = (v: Record<string, unknown>) => 'all' in v || 'any' in v;

function valueProblem(kind: FieldOp['value'], v: unknown): string | null {
  const int = (min: number, max: number) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? null : `a whole number from ${min} to ${max}`;
  switch (kind) {
    case 'integer':
      return int(0, 1_000_000_000);
    case 'fen':
      return int(0, 1_000_000_000_000);
    case 'days':
      return int(0, 3650);
    case 'month':
      return int(1, 12);
    case 'text':
      return typeof v === 'string' && v.trim().length >= 1 && v.trim().length <= 32 ? null : 'text of 1 to 32 characters';
    case 'tier':
    case 'template':
      return typeof v === 'string' && /^[a-z]{2,5}_[0-9a-z]{1,40}$/.test(v) ? null : 'an id';
    case 'tag':
      return tagProblem(v);
    case 'none':
      return v === undefined ? null : 'this operator takes no value';
  }
}

async function checkCondition(q: Sql, tenantId: string, c: Record<string, unknown>, path: string, out: Problem[]) {
  const extra = Object.keys(c).filter((k) => !['field', 'op', 'value', 'days'].includes(k));
  if (extra.length) return out.push({ field: `${path}/${extra[0]}`, reason: 'unknown field' });
  const f: SegmentField | undefined = fieldOf(c.field);
  if (!f) return out.push({ field: `${path}/field`, reason: typeof c.field === 'string' ? 'no such field' : 'required' });
  const op = f.ops.find((o) => o.op === c.op);
  if (!op) return out.push({ field: `${path}/op`, reason: `one of ${f.ops.map((o) => o.op).join(', ')}` });
  if (op.value !== 'none' && c.value === undefined) return out.push({ field: `${path}/value`, reason: 'required' });
  if (op.list) {
    const vs = c.value;
    if (!Array.isArray(vs) || vs.length < 1 || vs.length > 50) return out.push({ field: `${path}/value`, reason: 'a list of 1 to 50 values' });
    for (let i = 0; i < vs.length; i++) {
      const r = valueProblem(op.value, vs[i]) ?? (f.check ? await f.check(q, tenantId, vs[i]) : null);
      if (r) return out.push({ field: `${path}/value/${i}`, reason: r });
    }
  } else {
    const r = valueProblem(op.value, c.value) ?? (f.check && op.value !== 'none' ? await f.check(q, tenantId, c.value) : null);
    if (r) return out.push({ field: `${path}/value`, reason: r });
  }
  if (f.days) {
    if (c.days === undefined) return out.push({ field: `${path}/days`, reason: 'required: the last N days' });
    const r = Number.isSafeInteger(c.days) && (c.days as number) >= 1 && (c.days as number) <= 3650 ? null : 'a whole number of days from 1 to 3650';
    if (r) return out.push({ field: `${path}/days`, reason: r });
  } else if (c.days !== undefined) return out.push({ field: `${path}/days`, reason: 'this field takes no days' });
}

async function checkGroup(q: Sql, tenantId: string, g: unknown, path: string, depth: number, out: Problem[]) {
  if (!isObj(g) || !isGroup(g)) return out.push({ field: path, reason: 'a group: { all: [...] } or { any: [...] }' });
  const keys = Object.keys(g);
  if (keys.length !== 1)
    return out.push({ field: `${path}/${keys.find((k) => k !== 'all' && k !== 'any') ?? 'any'}`, reason: 'a group has all or any, nothing else' });
  const k = keys[0] as 'all' | 'any';
  const items = (g as Record<string, unknown>)[k];
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_ITEMS)
    return out.push({ field: `${path}/${k}`, reason: `a list of 1 to ${MAX_ITEMS} conditions` });
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const at = `${path}/${k}/${i}`;
    if (isObj(it) && isGroup(it)) {
      if (depth >= 2) out.push({ field: at, reason: 'groups nest two levels at most' });
      else await checkGroup(q, tenantId, it, at, depth + 1, out);
    } else if (isObj(it)) await checkCondition(q, tenantId, it, at, out);
    else out.push({ field: at, reason: 'a condition or a group' });
  }
}

/** Every problem with these conditions, each named by its path (`conditions/any/1/all/0/value`). */
export async function conditionProblems(q: Sql, tenantId: string, c: unknown, path = 'conditions'): Promise<Problem[]> {
  const out: Problem[] = [];
  await checkGroup(q, tenantId, c, path, 1, out);
  return out;
}

/** Refuses bad conditions with 422 VALIDATION_FAILED naming every problem's path; answers them typed. */
export async function checkConditions(q: Sql, tenantId: string, c: unknown, path = 'conditions'): Promise<Group> {
  const problems = await conditionProblems(q, tenantId, c, path);
  if (problems.length) throw new AppError(422, 'VALIDATION_FAILED', `${problems[0]!.field}: ${problems[0]!.reason}`, { errors: problems });
  return c as Group;
}

/** One boolean SQL over `m` for a checked group. */
export function compile(g: Group, s: SqlScope): string {
  const [joiner, items] = 'all' in g ? [' AND ', g.all] : [' OR ', g.any];
  const parts = items.map((it) => {
    if ('all' in it || 'any' in it) return compile(it as Group, s);
    const f = fieldOf((it as Condition).field);
    if (!f) throw new AppError(422, 'VALIDATION_FAILED', `no segment field ${(it as Condition).field}`);
    return `(${f.sql(it as Condition, s)})`;
  });
  return `(${parts.join(joiner)})`;
}

/** The scope a statement is built in: $1 is the tenant; `since(N)` is N days before now on the tenant's calendar. */
export function scope(tenantId: string, now: Date, zone: string) {
  const values: unknown[] = [tenantId];
  const p = (v: unknown) => (values.push(v), `$${values.length}`);
  const s: SqlScope = {
    tenantId,
    now,
    zone,
    p,
    since: (days) => `${p(DateTime.fromJSDate(now, { zone }).minus({ days }).toJSDate())}::timestamptz`,
  };
  return { s, values };
}
