import { DateTime } from 'luxon';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit, type EventRow, type Subscriber } from '../../platform/events.js';
import { getTenant } from '../tenants/service.js';
import { checkRewards, sourceResults } from '../rewards/service.js';
import type { Reward } from '../rewards/schemas.js';
import { giveOrRecord, systemOf } from './give.js';
import { rewardsNames } from './names.js';

/**
 * Tasks 任务 (share 分享, review 评价, complete the profile 完善资料, …): each completes on a custom event
 * of its activity type (`activity.recorded`, POST /members/{id}/activities) and rewards a member once
 * per period — once ever, or per day / ISO week / month of the tenant's calendar. A subscriber does
 * it: the completion row's key (task, member, period) and the giving's reference
 * task:<task>:<member>:<period> make a replayed event give nothing more.
 */
export type Period = 'once' | 'day' | 'week' | 'month';
export interface TaskRow {
  id: string;
  name: string;
  description: string;
  activity_type: string;
  rewards: Reward[];
  period: Period;
  status: 'live' | 'paused';
  created_at: Date;
  updated_at: Date;
}
export const TASK_COLS = 'id, name, description, activity_type, rewards, period, status, created_at, updated_at';
type Terms = Partial<Omit<TaskRow, 'id' | 'created_at' | 'updated_at'>>;

export async function getTask(q: Sql, tenantId: string, id: string): Promise<TaskRow> {
  const r = await q.query<TaskRow>(`SELECT ${TASK_COLS} FROM tasks WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw new AppError(404, 'TASK_NOT_FOUND', 'task not found');
  return r.rows[0];
}

async function check(q: Sql, tenantId: string, t: Pick<TaskRow, 'rewards' | 'activity_type'>, id: string | null) {
  const taken = await q.query('SELECT 1 FROM tasks WHERE tenant_id = $1 AND activity_type = $2 AND id IS DISTINCT FROM $3', [tenantId, t.activity_type, id]);
  if (taken.rows.length) throw invalid('activity_type', 'an activity type another task already completes on');
  const problems = await checkRewards(q, tenantId, t.rewards);
  if (problems.length) throw new AppError(422, 'VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { errors: problems });
}

export async function createTask(q: Sql, tenantId: string, input: Terms & Pick<TaskRow, 'name' | 'activity_type' | 'rewards' | 'period'>, now: Date) {
  await check(q, tenantId, input, null);
  const r = await q.query<TaskRow>(
    `INSERT INTO tasks (tenant_id, id, name, description, activity_type, rewards, period, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${TASK_COLS}`,
    [
      tenantId,
      newId('tsk', now.getTime()),
      input.name,
      input.description ?? '',
      input.activity_type,
      JSON.stringify(input.rewards),
      input.period,
      input.status ?? 'live',
      now,
    ],
  );
  return r.rows[0]!;
}

export async function updateTask(q: Sql, tenantId: string, id: string, input: Terms, now: Date) {
  const cur = await getTask(q, tenantId, id);
  const next = { ...cur, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as TaskRow;
  await check(q, tenantId, next, id);
  const r = await q.query<TaskRow>(
    `UPDATE tasks SET name = $3, description = $4, activity_type = $5, rewards = $6, period = $7, status = $8, updated_at = $9
     WHERE tenant_id = $1 AND id = $2 RETURNING ${TASK_COLS}`,
    [tenantId, id, next.name, next.description, next.activity_type, JSON.stringify(next.rewards), next.period, next.status, now],
  );
  return r.rows[0]!;
}

/** The period an event at `at` falls in, on the tenant's calendar. */
export function periodKey(period: Period, at: Date, tz: string): string {
  const d = DateTime.fromJSDate(at, { zone: tz });
  if (period === 'once') return 'once';
  if (period === 'day') return d.toISODate()!;
  if (period === 'week') return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
  return d.toFormat('yyyy-MM');
}

export async function taskViews(q: Sql, tenantId: string, rows: TaskRow[]) {
  const ids = rows.map((r) => r.id);
  const given = await sourceResults(q, tenantId, 'task', ids);
  const done = new Map(
    ids.length
      ? (
          await q.query<{ task_id: string; n: string }>(
            'SELECT task_id, count(*) AS n FROM task_completions WHERE tenant_id = $1 AND task_id = ANY($2::text[]) GROUP BY task_id',
            [tenantId, ids],
          )
        ).rows.map((r) => [r.task_id, Number(r.n)])
      : [],
  );
  const names = await rewardsNames(
    q,
    tenantId,
    rows.map((r) => r.rewards),
  );
  return rows.map((r) => ({ ...r, rewards_names: names(r.rewards), results: { ...given.get(r.id)!, completions: done.get(r.id) ?? 0 } }));
}

/** The live tasks with whether I have done each in its current period (the wallet). */
export async function walletTasks(q: Sql, tenantId: string, memberId: string, now: Date) {
  const rows = (await q.query<TaskRow>(`SELECT ${TASK_COLS} FROM tasks WHERE tenant_id = $1 AND status = 'live' ORDER BY id LIMIT 50`, [tenantId])).rows;
  const tz = (await getTenant(q, tenantId)).time_zone;
  const names = await rewardsNames(
    q,
    tenantId,
    rows.map((r) => r.rewards),
  );
  const out = [];
  for (const t of rows) {
    const key = periodKey(t.period, now, tz);
    const d = await q.query('SELECT 1 FROM task_completions WHERE tenant_id = $1 AND task_id = $2 AND member_id = $3 AND period_key = $4', [
      tenantId,
      t.id,
      memberId,
      key,
    ]);
    out.push({
      id: t.id,
      name: t.name,
      description: t.description,
      period: t.period,
      rewards: t.rewards,
      rewards_names: names(t.rewards),
      done: d.rows.length > 0,
    });
  }
  return out;
}

async function handle(ctx: Ctx, q: Sql, events: EventRow[]): Promise<void> {
  for (const e of events) {
    const data = (e.data ?? {}) as { type?: string; activity_id?: string };
    if (!e.member_id || !data.type) continue;
    const tasks = (
      await q.query<TaskRow>(`SELECT ${TASK_COLS} FROM tasks WHERE tenant_id = $1 AND status = 'live' AND activity_type = $2`, [e.tenant_id, data.type])
    ).rows;
    if (!tasks.length) continue;
    const tz = (await getTenant(q, e.tenant_id)).time_zone;
    for (const t of tasks) {
      const key = periodKey(t.period, new Date(e.created_at), tz);
      const made = await q.query(
        `INSERT INTO task_completions (tenant_id, task_id, member_id, period_key, activity_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [e.tenant_id, t.id, e.member_id, key, data.activity_id ?? null, e.created_at],
      );
      if (!made.rowCount) continue;
      const g = await giveOrRecord(
        ctx,
        q,
        systemOf(e.tenant_id),
        { memberId: e.member_id, rewards: t.rewards, reference: `task:${t.id}:${e.member_id}:${key}`, source: { kind: 'task', id: t.id, name: t.name } },
        e.created_at,
      );
      await q.query(
        'UPDATE task_completions SET grant_id = $5, reward_problem = $6 WHERE tenant_id = $1 AND task_id = $2 AND member_id = $3 AND period_key = $4',
        [e.tenant_id, t.id, e.member_id, key, g.grant, g.problem],
      );
      await emit(q, [
        {
          tenantId: e.tenant_id,
          type: 'task.completed',
          at: e.created_at,
          memberId: e.member_id,
          data: { task_id: t.id, period: key, activity_id: data.activity_id, grant_id: g.grant, card_ids: g.cards, reward_problem: g.problem },
        },
      ]);
    }
  }
}

export const taskCompleter: Subscriber = { name: 'tasks.complete', types: ['activity.recorded'], handle };
