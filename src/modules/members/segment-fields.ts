import { DateTime } from 'luxon';
import type { Sql } from '../../db/index.js';
import type { Keyring } from '../../secrets.js';
import { type Condition, compare, segmentBase, segmentConditions, type SqlScope } from '../segments/point.js';
import { phoneHashOf } from './service.js';

/**
 * What segments read of members (docs/growth.md "Segments and tags"): the table they are drawn from,
 * the look-ups a tag CSV names members by, and the profile conditions — joined N days ago, birthday
 * month (this month on the tenant's calendar), province, city.
 */
async function lookup(q: Sql, keys: Keyring, tenantId: string, by: 'id' | 'external_id' | 'phone', values: string[]) {
  const out = new Map<string, string>();
  if (!values.length) return out;
  if (by === 'phone') {
    const hashes = new Map<string, string>();
    for (const v of values) {
      const h = phoneHashOf(keys, tenantId, v);
      if (h) hashes.set(h, v);
    }
    const r = await q.query<{ id: string; h: string }>(
      `SELECT id, encode(phone_hash, 'hex') AS h FROM members WHERE tenant_id = $1 AND phone_hash = ANY($2::bytea[])`,
      [tenantId, [...hashes.keys()].map((h) => Buffer.from(h, 'hex'))],
    );
    for (const x of r.rows) out.set(hashes.get(x.h)!, x.id);
    return out;
  }
  const col = by === 'id' ? 'id' : 'external_id';
  const r = await q.query<{ id: string; k: string }>(`SELECT id, ${col} AS k FROM members WHERE tenant_id = $1 AND ${col} = ANY($2::text[])`, [
    tenantId,
    values,
  ]);
  for (const x of r.rows) out.set(x.k, x.id);
  return out;
}

export const memberBase = segmentBase.with({ table: 'members', lookup });

const text = (c: Condition, s: SqlScope, col: string) => {
  if (c.op === 'in') return `m.${col} = ANY(${s.p((c.value as string[]).map((v) => v.trim()))}::text[])`;
  if (c.op === 'ne') return `coalesce(m.${col}, '') <> ${s.p(String(c.value).trim())}`;
  return `m.${col} = ${s.p(String(c.value).trim())}`;
};
const regionOps = [
  { op: 'eq', label: ['是', 'is'] as [string, string], value: 'text' as const },
  { op: 'ne', label: ['不是', 'is not'] as [string, string], value: 'text' as const },
  { op: 'in', label: ['是其中之一', 'is one of'] as [string, string], value: 'text' as const, list: true },
];

export const memberFields = [
  segmentConditions.with({
    field: 'joined_days_ago',
    label: ['注册天数', 'Joined days ago'],
    group: 'member',
    ops: [
      { op: 'gte', label: ['至少 N 天前', 'at least N days ago'], value: 'days' },
      { op: 'lte', label: ['最近 N 天内', 'within the last N days'], value: 'days' },
    ],
    // joined at least N days ago: created at or before the instant N days back; within: after it
    sql: (c, s) => `m.created_at ${c.op === 'gte' ? '<=' : '>='} ${s.since(c.value as number)}`,
  }),
  segmentConditions.with({
    field: 'birthday_month',
    label: ['生日月份', 'Birthday month'],
    group: 'member',
    ops: [
      { op: 'eq', label: ['是', 'is'], value: 'month' },
      { op: 'in', label: ['是其中之一', 'is one of'], value: 'month', list: true },
      { op: 'this_month', label: ['本月', 'this month'], value: 'none' },
    ],
    sql: (c, s) => {
      if (c.op === 'in') return `EXTRACT(MONTH FROM m.birthday)::int = ANY(${s.p(c.value)}::int[])`;
      const month = c.op === 'this_month' ? DateTime.fromJSDate(s.now, { zone: s.zone }).month : (c.value as number);
      return compare('EXTRACT(MONTH FROM m.birthday)::int', 'eq', `${s.p(month)}::int`);
    },
  }),
  segmentConditions.with({ field: 'province', label: ['省份', 'Province'], group: 'member', ops: regionOps, sql: (c, s) => text(c, s, 'province') }),
  segmentConditions.with({ field: 'city', label: ['城市', 'City'], group: 'member', ops: regionOps, sql: (c, s) => text(c, s, 'city') }),
];
