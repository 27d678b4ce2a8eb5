import type { Sql } from '../../db/index.js';
import { inSegment } from '../segments/service.js';
import { pointBalances } from '../points/service.js';
import { memberOrderNumber } from '../orders/read.js';
import type { RuleRow } from './model.js';
import type { Condition } from './schemas.js';
import { fieldsOf } from './triggers.js';

/**
 * What a rule is evaluated for 触发: an event of the log, or a birthday / a schedule slot of the
 * calendar job (its id then names the member and the local date, so it too happens once).
 */
export interface Occurrence {
  id: string;
  type: string;
  memberId: string | null;
  at: Date;
  data: Record<string, unknown>;
  /** the event's own columns a condition may name (store_id, template_id, channel_id) */
  cols: Record<string, string | null>;
}

/** Does the rule's trigger take this occurrence: the derived triggers add their own test to the event's. */
export async function triggerTakes(q: Sql, tenantId: string, rule: RuleRow, o: Occurrence): Promise<boolean> {
  if (!o.memberId) return false; // a rule acts for a member: an event of no member (an anonymous card) is not one
  if (rule.trigger_type === 'order.first') return (await memberOrderNumber(q, tenantId, o.memberId, String(o.data.order_id))) === 1;
  if (rule.trigger_type === 'points.threshold') {
    const delta = Number(o.data.delta ?? 0);
    if (delta <= 0 || o.data.kind !== 'earn') return false;
    // the balance when the rule is evaluated (events are evaluated in log order, moments after they happen)
    const balance = (await pointBalances(q, tenantId, o.memberId, o.at)).points;
    return balance >= rule.trigger.threshold! && balance - delta < rule.trigger.threshold!;
  }
  return true;
}

function holds(c: Condition, v: unknown): boolean {
  const list = Array.isArray(c.value) ? c.value.map(String) : [];
  switch (c.op) {
    case 'eq':
      return String(v) === String(c.value);
    case 'ne':
      return String(v) !== String(c.value);
    case 'in':
      return v !== undefined && v !== null && list.includes(String(v));
    case 'not_in':
      return v === undefined || v === null || !list.includes(String(v));
  }
  if (typeof v !== 'number' || typeof c.value !== 'number') return false;
  return c.op === 'gt' ? v > c.value : c.op === 'gte' ? v >= c.value : c.op === 'lt' ? v < c.value : v <= c.value;
}

/** Why the rule's conditions do not hold for this occurrence (`conditions`, `segment`), or null when they all do. */
export async function conditionsRefuse(q: Sql, tenantId: string, rule: RuleRow, o: Occurrence): Promise<string | null> {
  const fields = fieldsOf(rule.trigger_type);
  for (const c of rule.conditions) {
    if (fields[c.field] === 'segment') {
      const inside = await inSegment(q, tenantId, String(c.value), o.memberId!);
      if (inside !== (c.op === 'in')) return 'segment';
    } else if (!holds(c, o.data[c.field] ?? o.cols[c.field])) return 'conditions';
  }
  return null;
}

/** The period a per-member limit counts in, in the brand's zone: ever, 2026-12-07, 2026-W49, 2026-12. */
export function periodOf(per: 'day' | 'week' | 'month' | 'ever', at: Date, zone: string): string {
  if (per === 'ever') return 'ever';
  const day = localDate(at, zone);
  if (per === 'day') return day;
  if (per === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  const wd = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - wd + 3); // the week's Thursday names its ISO year
  const week = 1 + Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000 / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** YYYY-MM-DD of this instant in the zone. */
export const localDate = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
/** HH:MM of this instant in the zone. */
export const localTime = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
