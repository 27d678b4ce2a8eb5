import type { Sql } from '../../db/index.js';
import { invalid } from '../../errors.js';
import { getTenant } from '../tenants/service.js';
import { resolveNames } from '../../platform/names.js';

/** Names a person reads for subject values (members, cards, stores … by their modules' name resolvers); devices and IPs are their own names. */
export async function subjectNames(q: Sql, tenantId: string, subject: string, values: string[]): Promise<Map<string, string>> {
  return ['member', 'card', 'store', 'channel', 'key'].includes(subject) ? resolveNames(q, tenantId, new Set(values)) : new Map();
}

const OUT = ['refuse', 'challenge', 'review', 'flag'] as const;
type Counts = Record<(typeof OUT)[number], number> & { total: number };
const counts = (r: Record<string, unknown>): Counts => ({
  refuse: Number(r.refuse ?? 0),
  challenge: Number(r.challenge ?? 0),
  review: Number(r.review ?? 0),
  flag: Number(r.flag ?? 0),
  total: Number(r.total ?? 0),
});
const COUNTS = (col: string) =>
  `count(*) FILTER (WHERE ${col} = 'refuse') AS refuse, count(*) FILTER (WHERE ${col} = 'challenge') AS challenge,
   count(*) FILTER (WHERE ${col} = 'review') AS review, count(*) FILTER (WHERE ${col} = 'flag') AS flag, count(${col}) AS total`;
/** The subjects the top list ranks (a phone is a keyed hash no one can read: not ranked). */
const TOP_SUBJECTS = { member: 'member_id', device: 'device_id', ip: 'ip', card: 'card_id' } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 31;

/** The period of a dashboard: local days `from`..`to` (inclusive, YYYY-MM-DD) in the tenant's zone; today by default. */
export async function dashboardPeriod(q: Sql, tenantId: string, now: Date, from?: string, to?: string) {
  const tz = (await getTenant(q, tenantId)).time_zone;
  for (const [f, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (v !== undefined && (!DAY.test(v) || Number.isNaN(Date.parse(v)))) throw invalid(f, 'a local date, YYYY-MM-DD');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const f = from ?? to ?? today;
  const t = to ?? (from && from > today ? from : today);
  if (f > t) throw invalid('from', 'must not be after to');
  if ((Date.parse(t) - Date.parse(f)) / 86_400_000 >= MAX_DAYS) throw invalid('to', `a dashboard covers at most ${MAX_DAYS} days`);
  const r = await q.query<{ start: Date; end: Date }>(
    `SELECT ($1::date::timestamp AT TIME ZONE $3) AS start, (($2::date + 1)::timestamp AT TIME ZONE $3) AS end`,
    [f, t, tz],
  );
  return { from: f, to: t, time_zone: tz, start: r.rows[0]!.start, end: r.rows[0]!.end };
}

/**
 * 风控看板: the decisions of a period (risk_decisions: every guarded action that was not a plain allow)
 * counted by outcome — in total, by rule (what each rule decided when it hit: a refusal by one and a
 * flag by another on the same action are one of each), by store and by local hour of day (0–23, the
 * period's days summed) — the subjects hit most, the latest decisions and the spike alerts, with names.
 */
export async function dashboard(q: Sql, tenantId: string, p: { start: Date; end: Date; time_zone: string }) {
  const args = [tenantId, p.start, p.end];
  const where = `d.tenant_id = $1 AND d.created_at >= $2 AND d.created_at < $3`;
  const [totals, byRule, byStore, byHour, top, recent, spikes] = await Promise.all([
    q.query(`SELECT ${COUNTS('d.outcome')} FROM risk_decisions d WHERE ${where}`, args),
    q.query<{ id: string; name: string; kind: string }>(
      `SELECT h->>'id' AS id, coalesce(r.name, max(h->>'name')) AS name, max(h->>'kind') AS kind, ${COUNTS("h->>'outcome'")}
       FROM risk_decisions d CROSS JOIN LATERAL jsonb_array_elements(d.rules) h
       LEFT JOIN risk_rules r ON r.tenant_id = d.tenant_id AND r.id = h->>'id'
       WHERE ${where} GROUP BY h->>'id', r.name ORDER BY total DESC, id LIMIT 50`,
      args,
    ),
    q.query<{ store_id: string | null }>(
      `SELECT d.store_id, ${COUNTS('d.outcome')} FROM risk_decisions d WHERE ${where} GROUP BY d.store_id ORDER BY total DESC LIMIT 50`,
      args,
    ),
    q.query<{ hour: number }>(
      `SELECT h AS hour, ${COUNTS('d.outcome')}
       FROM generate_series(0, 23) h LEFT JOIN risk_decisions d ON ${where} AND extract(hour FROM d.created_at AT TIME ZONE $4::text) = h
       GROUP BY h ORDER BY h`,
      [...args, p.time_zone],
    ),
    q.query<{ subject: string; value: string }>(
      Object.entries(TOP_SUBJECTS)
        .map(
          ([s, k]) => `(SELECT '${s}' AS subject, d.subjects->>'${k}' AS value, ${COUNTS('d.outcome')}
            FROM risk_decisions d WHERE ${where} AND d.subjects->>'${k}' IS NOT NULL GROUP BY 2 ORDER BY total DESC LIMIT 10)`,
        )
        .join(' UNION ALL '),
      args,
    ),
    q.query<{
      id: string;
      action: string;
      outcome: string;
      rules: { id: string; name: string }[];
      member_id: string | null;
      card_id: string | null;
      store_id: string | null;
      created_at: Date;
    }>(
      `SELECT d.id, d.action, d.outcome, d.rules, d.member_id, d.card_id, d.store_id, d.created_at FROM risk_decisions d WHERE ${where}
       ORDER BY d.created_at DESC, d.id DESC LIMIT 20`,
      args,
    ),
    q.query<{ rule_id: string; rule_name: string | null; hour: Date; hits: number; baseline: number }>(
      `SELECT s.rule_id, r.name AS rule_name, s.hour, s.hits, s.baseline FROM risk_spikes s
       LEFT JOIN risk_rules r ON r.tenant_id = s.tenant_id AND r.id = s.rule_id
       WHERE s.tenant_id = $1 AND s.hour >= $2::timestamptz - interval '1 hour' AND s.hour < $3 ORDER BY s.hour DESC, s.rule_id LIMIT 50`,
      args,
    ),
  ]);
  const topRows = top.rows.sort((a: any, b: any) => Number(b.total) - Number(a.total)).slice(0, 10);
  const names = await resolveNames(q, tenantId, [
    ...byStore.rows.map((s) => s.store_id),
    ...topRows.filter((x) => x.subject === 'member' || x.subject === 'card').map((x) => x.value),
    ...recent.rows.flatMap((d) => [d.store_id, d.member_id, d.card_id]),
  ]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    totals: counts(totals.rows[0] ?? {}),
    by_rule: byRule.rows.map((r) => ({ rule_id: r.id, rule_name: r.name, kind: r.kind, ...counts(r) })),
    by_store: byStore.rows.map((r) => ({ store_id: r.store_id, store_name: name(r.store_id), ...counts(r) })),
    by_hour: byHour.rows.map((r) => ({ hour: Number(r.hour), ...counts(r) })),
    top_subjects: topRows.map((r) => ({ subject: r.subject, value: r.value, name: name(r.value), ...counts(r) })),
    recent: recent.rows.map((d) => ({
      id: d.id,
      action: d.action,
      outcome: d.outcome,
      rules: d.rules.map((h) => ({ id: h.id, name: h.name })),
      member_id: d.member_id,
      member_name: name(d.member_id),
      card_id: d.card_id,
      card_name: name(d.card_id),
      store_id: d.store_id,
      store_name: name(d.store_id),
      created_at: d.created_at,
    })),
    spikes: spikes.rows.map((s) => ({ ...s, hits: Number(s.hits), baseline: Number(s.baseline) })),
  };
}
