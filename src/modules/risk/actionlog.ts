import type { Db, Sql } from '../../db/index.js';
import type { Signal } from './signals.js';

/**
 * The action log 行为日志 the dry runs read ("this rule would have refused 132 claims yesterday"):
 * every guarded action, compactly — tenant, action, when, subjects, outcome — and the client signals
 * no rule needed at once. Written in batches, once a second and when the process closes: this is
 * analytics, so a crash may lose the last second of it; never an acknowledged mutation, never a
 * decision (decisions are written with the action).
 */
export interface LoggedAction {
  tenantId: string;
  action: string;
  at: Date;
  outcome: string;
  subjects: Record<string, string>;
}
const MAX = 50_000; // a batch never grows past this: beyond it the oldest are dropped (the log is a sample under overload)

class Log {
  actions: LoggedAction[] = [];
  signals: Signal[] = [];
  timer: NodeJS.Timeout;
  flushing: Promise<void> = Promise.resolve();
  constructor(readonly db: Sql) {
    this.timer = setInterval(() => void this.flush().catch(() => {}), 1_000);
    this.timer.unref();
  }
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const a = this.actions.splice(0);
      const s = this.signals.splice(0);
      if (a.length)
        await this.db.query(
          `INSERT INTO risk_action_log (tenant_id, action, at, outcome, subjects)
           SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::jsonb[])`,
          [a.map((x) => x.tenantId), a.map((x) => x.action), a.map((x) => x.at), a.map((x) => x.outcome), a.map((x) => JSON.stringify(x.subjects))],
        );
      if (s.length)
        await this.db.query(
          `INSERT INTO risk_signals (tenant_id, member_id, device_id, ip, action, at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
          [s.map((x) => x.tenantId), s.map((x) => x.memberId), s.map((x) => x.deviceId), s.map((x) => x.ip), s.map((x) => x.action), s.map((x) => x.at)],
        );
    });
    return this.flushing;
  }
}
const logs = new WeakMap<Db, Log>();

export function openLog(db: Db): void {
  if (!logs.has(db)) logs.set(db, new Log(db));
}
export async function closeLog(db: Db): Promise<void> {
  const l = logs.get(db);
  if (!l) return;
  clearInterval(l.timer);
  await l.flush().catch(() => {});
  logs.delete(db);
}

export function logAction(db: Db, a: LoggedAction): void {
  const l = logs.get(db);
  if (!l) return;
  if (l.actions.length >= MAX) l.actions.shift();
  l.actions.push(a);
}
export function logSignal(db: Db, s: Signal): void {
  const l = logs.get(db);
  if (!l) return;
  if (l.signals.length >= MAX) l.signals.shift();
  l.signals.push(s);
}

/** Writes what this process holds now (tests, and a dry run that wants the last second too). */
export async function flushLog(db: Db): Promise<void> {
  await logs.get(db)?.flush();
}

/**
 * For insight's dry runs: the tenant's guarded actions in [from, to), oldest first (at most `max`),
 * with their subjects (`member_id`, `device_id`, `ip`, `store_id`, `key_id`, `card_id`, `template_id`
 * …, a phone as its hash) and the outcome they got.
 */
export async function actionLog(q: Sql, tenantId: string, from: Date, to: Date, action?: string, max = 200_000) {
  const r = await q.query<{ action: string; at: Date; outcome: string; subjects: Record<string, string> }>(
    `SELECT action, at, outcome, subjects FROM risk_action_log WHERE tenant_id = $1 AND at >= $2 AND at < $3 AND ($4::text IS NULL OR action = $4)
     ORDER BY at LIMIT $5`,
    [tenantId, from, to, action ?? null, max],
  );
  return r.rows;
}

/** Keeps 35 days of the action log and 60 of the client signals (the longest default window is 30 days). */
export async function sweepLog(q: Sql, now: Date): Promise<void> {
  await q.query('DELETE FROM risk_action_log WHERE at < $1', [new Date(now.getTime() - 35 * 86_400_000)]);
  await q.query('DELETE FROM risk_signals WHERE at < $1', [new Date(now.getTime() - 60 * 86_400_000)]);
}
