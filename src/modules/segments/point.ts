import type { Sql } from '../../db/index.js';
import type { Keyring } from '../../secrets.js';
import { extensionPoint } from '../../platform/extensions.js';

/**
 * The segments' extension points (docs/growth.md "Segments and tags"). A segment's conditions are
 * over data other modules own — a member's profile, tier, points, orders, cards, redemptions — so
 * each owning module plugs in, from its own folder, the SQL of its own conditions; the segments
 * module assembles them into one statement and names no other module's table. This file imports
 * nothing of those modules: they import it.
 */

/** What a condition's value is, which says how it is checked and what the condition builder shows. */
export type ValueKind = 'integer' | 'fen' | 'days' | 'month' | 'text' | 'tier' | 'template' | 'tag' | 'none';

export interface Condition {
  field: string;
  op: string;
  value?: unknown;
  /** the window of a behaviour condition: the last N days (1–3650) */
  days?: number;
}

/** What a field's SQL is built with. */
export interface SqlScope {
  tenantId: string;
  now: Date;
  /** the tenant's time zone (IANA) */
  zone: string;
  /** adds a parameter, answers its placeholder ($n) */
  p(v: unknown): string;
  /** the placeholder of the instant N days before now, on the tenant's calendar */
  since(days: number): string;
}

export interface FieldOp {
  op: string;
  label: [string, string];
  value: ValueKind;
  /** the value is a list (1–50) of the kind */
  list?: boolean;
}

/** A field conditions can name. Its SQL is a boolean over the member row `m` (`m.tenant_id`, `m.id`). */
export interface SegmentField {
  field: string;
  label: [string, string];
  /** member 会员资料, tier 等级, points 积分, tag 标签, behaviour 行为 */
  group: 'member' | 'tier' | 'points' | 'tag' | 'behaviour';
  ops: FieldOp[];
  /** a behaviour over a window: the condition needs `days` */
  days?: boolean;
  /** why this value is refused beyond its kind (a tier or template that does not exist); null when fine */
  check?(q: Sql, tenantId: string, value: unknown): Promise<string | null>;
  sql(c: Condition, s: SqlScope): string;
}

/** The member records segments are drawn from: the members module plugs it in (its table, its look-ups). */
export interface MemberBase {
  /** the table a segment's statement reads members from, aliased `m` by the segments module */
  table: string;
  /** member ids by id, external id or phone (a CSV's key column); absent keys are left out */
  lookup(q: Sql, keys: Keyring, tenantId: string, by: 'id' | 'external_id' | 'phone', values: string[]): Promise<Map<string, string>>;
}

export const segmentConditions = extensionPoint<SegmentField>('segments.conditions');
export const segmentBase = extensionPoint<MemberBase>('segments.base');

const CMP: Record<string, string> = { eq: '=', ne: '<>', gte: '>=', lte: '<=' };
/** `expr op $value` for eq / ne / gte / lte */
export const compare = (expr: string, op: string, param: string) => `${expr} ${CMP[op] ?? '='} ${param}`;

/**
 * A count of rows per member compared with a number, as cheaply as it can be said: "at least 1" is
 * EXISTS, "0" (eq or lte) is NOT EXISTS, otherwise the count itself. `from` is `FROM … WHERE …`
 * correlated with `m`.
 */
export function countCondition(from: string, op: string, n: number, p: (v: unknown) => string): string {
  if (op === 'gte' && n <= 0) return 'true';
  if (op === 'gte' && n === 1) return `EXISTS (SELECT 1 ${from})`;
  if ((op === 'eq' || op === 'lte') && n === 0) return `NOT EXISTS (SELECT 1 ${from})`;
  if (op === 'gte' || op === 'lte' || op === 'eq') return compare(`(SELECT count(*) ${from})`, op, p(n));
  throw new Error(`countCondition: ${op}`);
}

/** The fields of a comparison of a number: ≥ / ≤ (and = where asked). */
export const numberOps = (value: ValueKind, eq = false): FieldOp[] => [
  { op: 'gte', label: ['≥', '≥'], value },
  { op: 'lte', label: ['≤', '≤'], value },
  ...(eq ? [{ op: 'eq', label: ['=', '='] as [string, string], value }] : []),
];
