import type { Static } from '@sinclair/typebox';
import type { Sql } from '../../db/index.js';
import { invalid, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { ttlCache } from '../../platform/cache.js';
import type { GuardedActionName } from '../../platform/guards.js';
import { ACTIONS, SUBJECTS, UNITS, type Outcome, type RuleBody, type RulePatch, type Subject, type Unit } from './schemas.js';
import { DEFAULT_RULES } from './defaults.js';

/** Rules 风控规则: made, read and edited by the brand's staff; the engine reads the active ones of a tenant from a cache. */
export interface RuleRow {
  id: string;
  name: string;
  description: string | null;
  actions: GuardedActionName[];
  kind: 'limit' | 'signal';
  subject: Subject | null;
  signal: 'device_members' | 'phone_changes' | null;
  window_size: number;
  window_unit: Unit;
  window_mode: 'sliding' | 'calendar';
  lim: number;
  count_mode: 'all' | 'failures';
  template_ids: string[] | null;
  store_ids: string[] | null;
  channel_ids: string[] | null;
  outcome: Outcome;
  fail_mode: 'open' | 'closed';
  status: 'active' | 'paused';
  default_key: string | null;
  created_at: Date;
  updated_at: Date;
}
const COLS = `id, name, description, actions, kind, subject, signal, window_size, window_unit, window_mode, lim, count_mode,
  template_ids, store_ids, channel_ids, outcome, fail_mode, status, default_key, created_at, updated_at`;

export const ruleView = (r: RuleRow) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  actions: r.actions,
  kind: r.kind,
  subject: r.subject,
  signal: r.signal,
  window: { size: r.window_size, unit: r.window_unit, mode: r.window_mode },
  limit: r.lim,
  count: r.count_mode,
  scope: { template_ids: r.template_ids, store_ids: r.store_ids, channel_ids: r.channel_ids },
  outcome: r.outcome,
  fail_mode: r.fail_mode,
  status: r.status,
  default_key: r.default_key,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

/** The active rules of a tenant, by action: every guarded action reads this (a process keeps it 2 s; a change here forgets it at once). */
const active = ttlCache<Map<string, RuleRow[]>>(2_000);
const defaulted = new Set<string>();

export async function activeRules(db: Sql, tenantId: string, makeDefaults = true): Promise<Map<string, RuleRow[]>> {
  return active.get(tenantId, async () => {
    if (makeDefaults) await ensureDefaults(db, tenantId);
    const r = await db.query<RuleRow>(`SELECT ${COLS} FROM risk_rules WHERE tenant_id = $1 AND status = 'active' ORDER BY id`, [tenantId]);
    const by = new Map<string, RuleRow[]>();
    for (const rule of r.rows) for (const a of rule.actions) by.set(a, [...(by.get(a) ?? []), rule]);
    return by;
  });
}
export const forgetRules = (tenantId: string) => active.delete(tenantId);

/** The defaults every tenant has (defaults.ts): made the first time its rules are read, never again (a paused default stays paused). */
export async function ensureDefaults(db: Sql, tenantId: string): Promise<void> {
  if (defaulted.has(tenantId)) return;
  const now = new Date();
  for (const d of DEFAULT_RULES)
    await db.query(
      `INSERT INTO risk_rules (tenant_id, id, name, description, actions, kind, subject, signal, window_size, window_unit, window_mode, lim,
         count_mode, outcome, fail_mode, status, default_key, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,'active',$16,$17,$17)
       ON CONFLICT (tenant_id, default_key) WHERE default_key IS NOT NULL DO NOTHING`,
      [
        tenantId,
        newId('rrl'),
        d.name,
        d.description,
        d.actions,
        d.kind,
        d.subject ?? null,
        d.signal ?? null,
        d.window.size,
        d.window.unit,
        d.window.mode ?? 'sliding',
        d.limit,
        d.count ?? 'all',
        d.outcome,
        d.fail_mode ?? 'open',
        d.key,
        now,
      ],
    );
  defaulted.add(tenantId);
}

const oneOf = (field: string, v: string | undefined, xs: readonly string[]) => {
  if (v !== undefined && !xs.includes(v)) throw invalid(field, `must be one of ${xs.join(', ')}`);
};
export function checkActions(actions: readonly string[] | undefined) {
  actions?.forEach((a, i) => oneOf(`actions.${i}`, a, ACTIONS));
}

export function check(b: Static<typeof RuleBody>) {
  oneOf('subject', b.subject, SUBJECTS);
  checkActions(b.actions);
  if (b.window.size < 1) throw invalid('window.size', 'at least 1');
  oneOf('window.unit', b.window.unit, UNITS);
  if (b.kind === 'limit' && !b.subject) throw invalid('subject', 'required for a limit rule');
  if (b.kind === 'signal' && !b.signal) throw invalid('signal', 'required for a signal rule');
  if (b.kind === 'signal' && b.subject) throw invalid('subject', 'a signal rule names its signal, not a subject');
  if (b.kind === 'limit' && b.signal) throw invalid('signal', 'only a signal rule has a signal');
  if (b.count === 'failures' && b.kind !== 'limit') throw invalid('count', 'only a limit rule counts failures');
}

export async function createRule(q: Sql, tenantId: string, b: Static<typeof RuleBody>, at: Date): Promise<RuleRow> {
  check(b);
  const id = newId('rrl');
  await q.query(
    `INSERT INTO risk_rules (tenant_id, id, name, description, actions, kind, subject, signal, window_size, window_unit, window_mode, lim,
       count_mode, template_ids, store_ids, channel_ids, outcome, fail_mode, status, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$20)`,
    [
      tenantId,
      id,
      b.name.trim(),
      b.description ?? null,
      b.actions,
      b.kind,
      b.subject ?? null,
      b.signal ?? null,
      b.window.size,
      b.window.unit,
      b.window.mode ?? 'sliding',
      b.limit,
      b.count ?? 'all',
      b.scope?.template_ids ?? null,
      b.scope?.store_ids ?? null,
      b.scope?.channel_ids ?? null,
      b.outcome,
      b.fail_mode ?? 'open',
      b.status ?? 'active',
      at,
    ],
  );
  forgetRules(tenantId);
  return getRule(q, tenantId, id);
}

export async function getRule(q: Sql, tenantId: string, id: string): Promise<RuleRow> {
  const r = await q.query<RuleRow>(`SELECT ${COLS} FROM risk_rules WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('risk_rule');
  return r.rows[0];
}

/** Name, description, actions, limit, outcome, fail mode, scope and status may change; kind, subject and window are fixed (the counters are theirs). */
export async function updateRule(q: Sql, tenantId: string, id: string, p: Static<typeof RulePatch>, at: Date): Promise<RuleRow> {
  checkActions(p.actions);
  const old = await getRule(q, tenantId, id);
  const sets: string[] = [];
  const params: unknown[] = [tenantId, id, at];
  const set = (col: string, v: unknown) => sets.push(`${col} = $${params.push(v)}`);
  if (p.name !== undefined) set('name', p.name.trim());
  if (p.description !== undefined) set('description', p.description);
  if (p.actions !== undefined) set('actions', p.actions);
  if (p.limit !== undefined) set('lim', p.limit);
  if (p.outcome !== undefined) set('outcome', p.outcome);
  if (p.fail_mode !== undefined) set('fail_mode', p.fail_mode);
  if (p.status !== undefined) set('status', p.status);
  if (p.scope !== undefined) {
    if (p.scope.template_ids !== undefined) set('template_ids', p.scope.template_ids);
    if (p.scope.store_ids !== undefined) set('store_ids', p.scope.store_ids);
    if (p.scope.channel_ids !== undefined) set('channel_ids', p.scope.channel_ids);
  }
  if (!sets.length) return old;
  await q.query(`UPDATE risk_rules SET ${sets.join(', ')}, updated_at = $3 WHERE tenant_id = $1 AND id = $2`, params);
  forgetRules(tenantId);
  return getRule(q, tenantId, id);
}

export async function listRules(q: Sql, tenantId: string, page: { limit?: number; cursor?: string; status?: string; action?: string }) {
  await ensureDefaults(q, tenantId);
  const limit = page.limit ?? 50;
  const r = await q.query<RuleRow>(
    `SELECT ${COLS} FROM risk_rules WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR $3 = ANY(actions))
       AND ($4::text IS NULL OR id < $4) ORDER BY id DESC LIMIT $5`,
    [tenantId, page.status ?? null, page.action ?? null, decodeCursor(page.cursor), limit + 1],
  );
  return pageOf(r.rows.map(ruleView), limit);
}

/** The names of rules (decisions name the rules that hit). */
export async function ruleNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM risk_rules WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}
