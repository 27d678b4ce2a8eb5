import type { Static } from '@sinclair/typebox';
import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { getTenant } from '../tenants/service.js';
import { OUTCOMES, type Outcome, type RuleBody } from './schemas.js';
import { check, getRule, ruleView } from './rules.js';
import { SLOTS } from './windows.js';
import { subjectNames } from './insight.js';

/** A rule as the dry run reads it: a saved rule's view, or a body as POST /v1/risk/rules takes it. */
export interface DryRule {
  name: string;
  actions: string[];
  kind: 'limit' | 'signal' | string;
  subject: string | null;
  signal: string | null;
  window: { size: number; unit: string; mode: string };
  limit: number;
  count: string;
  scope: { template_ids?: string[] | null; store_ids?: string[] | null; channel_ids?: string[] | null };
  outcome: Outcome | string;
}

/** A rule body checked as POST /v1/risk/rules checks it, its fields named inside `rule`. */
export const fromBody = (b: Static<typeof RuleBody>): DryRule => {
  try {
    check(b);
  } catch (e) {
    if (e instanceof AppError && e.status === 422) {
      const errors = ((e.extra?.errors as { field: string }[]) ?? []).map((x) => ({ ...x, field: `rule.${x.field}` }));
      throw new AppError(422, e.code, `rule.${e.message}`, { ...e.extra, errors });
    }
    throw e;
  }
  return {
    name: b.name,
    actions: b.actions,
    kind: b.kind,
    subject: b.kind === 'limit' ? (b.subject ?? null) : null,
    signal: b.kind === 'signal' ? (b.signal ?? null) : null,
    window: { size: b.window.size, unit: b.window.unit, mode: b.window.mode ?? 'sliding' },
    limit: b.limit,
    count: b.count ?? 'all',
    scope: b.scope ?? {},
    outcome: b.outcome,
  };
};
export const savedRule = async (q: Sql, tenantId: string, id: string): Promise<DryRule> => ruleView(await getRule(q, tenantId, id));

/** Where each subject is in an action log row's `subjects` (guards.ts `Subjects`). */
export const SUBJECT_KEY: Record<string, string> = {
  member: 'member_id',
  phone: 'phone_hash',
  device: 'device_id',
  ip: 'ip',
  store: 'store_id',
  key: 'key_id',
  channel: 'channel_id',
  card: 'card_id',
};
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 };
const MAX_DAYS = 7;

export interface DryRun {
  from: Date;
  to: Date;
  actions_seen: number;
  would: Record<Outcome, number>;
  subjects_hit: number;
  by_subject: { subject: string; value: string; name: string | null; count: number }[];
  samples: { at: Date; action: string; subject: string; value: string; name: string | null }[];
}

/**
 * 试运行: what `rule` would have done to the actions in the log between `from` and `to` (the last day
 * by default, at most 7), changing nothing. Evaluated in SQL over `risk_action_log` with the engine's
 * windows (windows.ts): per subject value, an action is hit when the subject's count before it in
 * its window has reached the limit. A calendar window (the tenant's local minute … month, weeks from
 * Monday) is exact: an action a limit refuses gives its count back, so the hits are the actions past
 * the limit-th of each window (`row_number() > limit`). A sliding window counts the SLOTS sub-buckets
 * up to the action, as the engine does, but every logged action in them — a refused one too — so in a
 * long burst the dry run may count more hits than the engine would. `device_members` is hit by an
 * action of a device that served more than `limit` members in the window (this one included; the
 * engine reads its signals table, the dry run the log). Rules counting failures and the
 * `phone_changes` signal cannot be dry run: the log does not record either (422).
 * Actions logged in the window before `from` count towards the first ones in it.
 */
export async function dryRun(q: Sql, tenantId: string, rule: DryRule, from: Date, to: Date): Promise<DryRun> {
  if (from >= to) throw invalid('from', 'must be before to');
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw invalid('to', `a dry run covers at most ${MAX_DAYS} days`);
  if (rule.kind === 'signal' && rule.signal !== 'device_members')
    throw invalid('rule.signal', 'a dry run evaluates limits and the device_members signal; phone changes are not in the action log');
  const tz = (await getTenant(q, tenantId)).time_zone;
  const subject = rule.kind === 'signal' ? 'device' : rule.subject!;
  const key = SUBJECT_KEY[subject];
  if (!key) throw invalid('rule.subject', `unknown subject "${subject}"`);
  const unitMs = UNIT_MS[rule.window.unit];
  if (!unitMs) throw invalid('rule.window.unit', `unknown unit "${rule.window.unit}"`);
  if (rule.count === 'failures') throw invalid('rule.count', 'the action log does not say which actions failed: a rule counting failures cannot be dry run');
  const n = Math.trunc(rule.window.size);
  // the window's bucket of each action, as windows.ts numbers them (n, unitMs: integers, safe to inline)
  let bucket: string;
  if (rule.window.mode === 'calendar') {
    const local = 'l.at AT TIME ZONE $5::text';
    bucket =
      rule.window.unit === 'month'
        ? `floor((extract(year FROM ${local}) * 12 + extract(month FROM ${local}) - 1) / ${n})`
        : rule.window.unit === 'week'
          ? `floor((floor(extract(epoch FROM ${local}) / 86400) + 3) / 7 / ${n})`
          : `floor(extract(epoch FROM ${local}) * 1000 / ${n * unitMs})`;
  } else bucket = `floor(extract(epoch FROM l.at) * 1000 / ${Math.max(1_000, Math.floor((n * unitMs) / SLOTS))})`;
  const sliding = rule.window.mode !== 'calendar';
  // a calendar window is its bucket; a sliding one the SLOTS sub-buckets up to the action's
  const inWindow = sliding ? `x.b > l.b - ${SLOTS} AND x.b <= l.b` : 'x.b = l.b';
  const hit =
    rule.kind === 'signal'
      ? `(SELECT count(DISTINCT x.subjects->>'member_id') FROM log x WHERE x.v = l.v AND ${inWindow} AND x.at <= l.at) > $6`
      : sliding
        ? `count(*) OVER (PARTITION BY l.v ORDER BY l.b RANGE BETWEEN ${SLOTS - 1} PRECEDING AND 1 PRECEDING)
             + row_number() OVER (PARTITION BY l.v, l.b ORDER BY l.at) - 1 >= $6`
        : `row_number() OVER (PARTITION BY l.v, l.b ORDER BY l.at) > $6`;
  const s = rule.scope ?? {};
  const r = await q.query<{ seen: string; hits: string; subjects_hit: string; top: any; samples: any }>(
    `WITH log AS (
       SELECT l.at, l.action, l.subjects->>'${key}' AS v, l.subjects, ${bucket}::int8 AS b
       FROM risk_action_log l
       WHERE l.tenant_id = $1 AND $5::text IS NOT NULL AND l.at >= $2::timestamptz - interval '${n} ${rule.window.unit}' AND l.at < $3 AND l.action = ANY($4::text[])
         AND l.subjects->>'${key}' IS NOT NULL
         AND ($7::text[] IS NULL OR l.subjects->>'template_id' = ANY($7::text[]))
         AND ($8::text[] IS NULL OR l.subjects->>'store_id' = ANY($8::text[]))
         AND ($9::text[] IS NULL OR l.subjects->>'channel_id' = ANY($9::text[]))),
     judged AS (SELECT l.*, ${hit} AS hit FROM log l),
     hits AS (SELECT * FROM judged WHERE hit AND at >= $2)
     SELECT (SELECT count(*) FROM log WHERE at >= $2) AS seen, (SELECT count(*) FROM hits) AS hits,
            (SELECT count(DISTINCT v) FROM hits) AS subjects_hit,
            (SELECT coalesce(json_agg(t), '[]') FROM (SELECT v AS value, count(*)::int AS count FROM hits GROUP BY v ORDER BY 2 DESC, 1 LIMIT 10) t) AS top,
            (SELECT coalesce(json_agg(t), '[]') FROM (SELECT at, action, v AS value FROM hits ORDER BY at DESC LIMIT 10) t) AS samples`,
    [tenantId, from, to, rule.actions, tz, rule.limit, s.template_ids ?? null, s.store_ids ?? null, s.channel_ids ?? null],
  );
  const row = r.rows[0]!;
  const top = row.top as { value: string; count: number }[];
  const samples = row.samples as { at: string; action: string; value: string }[];
  const names = await subjectNames(q, tenantId, subject, [...top.map((t) => t.value), ...samples.map((x) => x.value)]);
  const would = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  would[rule.outcome as Outcome] = Number(row.hits);
  return {
    from,
    to,
    actions_seen: Number(row.seen),
    would,
    subjects_hit: Number(row.subjects_hit),
    by_subject: top.map((t) => ({ subject, value: t.value, name: names.get(t.value) ?? null, count: t.count })),
    samples: samples.map((x) => ({ at: new Date(x.at), action: x.action, subject, value: x.value, name: names.get(x.value) ?? null })),
  };
}
