import type { Db, Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { reviewDesks, secondFactors, type GuardedAction, type GuardPass, type Subjects } from '../../platform/guards.js';
import { getTenant } from '../tenants/service.js';
import { activeRules, type RuleRow } from './rules.js';
import { listHits, type ListRow } from './lists.js';
import { bucketOf } from './windows.js';
import { redisCounters, sqlCounters, type CounterStore, type Take } from './counters.js';
import { groupedSqlCounters } from './counters-grouped.js';
import { recordDecision, recordLater, strongest, type Hit } from './decisions.js';
import { deviceMembers, phoneChanges, recordSignal, SIGNALLED } from './signals.js';
import { logAction, logSignal } from './actionlog.js';
import type { Outcome } from './schemas.js';

/**
 * The risk engine's assessment 风控评估 of one guarded action: lists, then signal rules, then limit
 * rules (their counters taken in one round trip), the strongest outcome wins (refuse > review >
 * challenge > flag). docs/risk.md says what each outcome does and how counters fail.
 */
const stores = new WeakMap<Db, { store: CounterStore; redis: boolean }>();
export function openCounters(db: Db, redisUrl: string | undefined): void {
  stores.set(db, { store: redisUrl ? redisCounters(redisUrl) : groupedSqlCounters(db), redis: !!redisUrl });
}
export async function closeCounters(db: Db): Promise<void> {
  await stores.get(db)?.store.close();
  stores.delete(db);
}
/** Counters in Redis, or in the database on `db` (a redemption's transaction: a rollback gives them back). */
function storeFor(ctx: Ctx, db: Sql, inTx: boolean): CounterStore {
  const open = stores.get(ctx.db);
  if (open?.redis) return open.store;
  return inTx ? sqlCounters(db) : (open?.store ?? sqlCounters(ctx.db));
}

const SUBJECT_OF: Record<string, keyof Subjects> = {
  member: 'member_id',
  phone: 'phone_hash',
  device: 'device_id',
  ip: 'ip',
  store: 'store_id',
  key: 'key_id',
  channel: 'channel_id',
  card: 'card_id',
};
const LISTED = ['member', 'phone', 'device', 'ip', 'card'] as const;
const LIST_OUTCOME = { black: 'refuse', grey: 'review', white: null } as const;
const LIST_NAME = { black: ['黑名单', 'black list'], grey: ['灰名单', 'grey list'], white: ['白名单', 'white list'] } as const;

const inScope = (r: RuleRow, s: Subjects) =>
  (!r.template_ids || (!!s.template_id && r.template_ids.includes(s.template_id))) &&
  (!r.store_ids || (!!s.store_id && r.store_ids.includes(s.store_id))) &&
  (!r.channel_ids || (!!s.channel_id && r.channel_ids.includes(s.channel_id)));

/** A failure the `count: failures` rules count: an unknown code, a wrong PIN. */
const isFailure = (e: unknown) => e instanceof AppError && (e.status === 404 || e.code === 'PIN_INVALID' || e.code === 'CODE_MISTYPED');

const unavailable = (r: RuleRow) =>
  new AppError(503, 'RISK_UNAVAILABLE', `the risk counters are unreachable and rule "${r.name}" fails closed`, {
    rule: r.name,
    retry_after: 5,
  });

/**
 * `db`: where rules, lists and counters are read and taken — the pool, or a redemption's transaction
 * (`inTx`: counters taken there roll back with it; decisions that must outlive it are written beside it).
 */
export async function assess(ctx: Ctx, a: GuardedAction, db: Sql, inTx: boolean): Promise<GuardPass | undefined> {
  const s: Subjects = { ...a.subjects, key_id: a.subjects.key_id ?? a.caller.keyId };
  const compact = Object.fromEntries(Object.entries(s).filter(([, v]) => v != null)) as Record<string, string>;
  const byAction = await activeRules(inTx ? db : ctx.db, a.tenantId, !inTx);
  const rules = (byAction.get(a.action) ?? []).filter((r) => inScope(r, s));
  const listed: ListRow[] = await listHits(
    db,
    a.tenantId,
    LISTED.flatMap((k) => (s[SUBJECT_OF[k]!] ? [[k, s[SUBJECT_OF[k]!]!] as [string, string]] : [])),
    a.at,
  );
  const signalled = SIGNALLED.has(a.action) && !!(s.device_id || s.ip);
  const signal = { tenantId: a.tenantId, memberId: s.member_id ?? null, deviceId: s.device_id ?? null, ip: s.ip ?? null, action: a.action, at: a.at };
  const log = (outcome: string) => logAction(ctx.db, { tenantId: a.tenantId, action: a.action, at: a.at, outcome, subjects: compact });
  if (!rules.length && !listed.length) {
    if (signalled) logSignal(ctx.db, signal);
    log('allow');
    return undefined;
  }

  const hits: Hit[] = [];
  const white = new Set<string>(listed.filter((e) => e.list === 'white').map((e) => e.subject));
  for (const e of listed) {
    const o = LIST_OUTCOME[e.list];
    if (o) hits.push({ id: e.id, name: `${LIST_NAME[e.list][0]}（${e.reason}） ${LIST_NAME[e.list][1]} (${e.reason})`, kind: 'list', outcome: o });
  }
  const applies = rules.filter((r) => !white.has(r.kind === 'limit' ? r.subject! : r.signal === 'device_members' ? 'device' : 'member'));
  const tz = applies.some((r) => r.window_mode === 'calendar') ? (await getTenant(db, a.tenantId)).time_zone : 'UTC';
  const failClosed = (r: RuleRow) => {
    if (r.fail_mode === 'closed') throw unavailable(r);
  };

  // signal rules (and the signal itself: recorded with the device count in one statement when a rule wants it)
  let recorded = false;
  for (const r of applies.filter((x) => x.kind === 'signal')) {
    const since = bucketOf(r, a.at, tz).since;
    try {
      if (r.signal === 'device_members' && s.device_id) {
        const first: boolean = signalled && !recorded;
        recorded ||= first;
        const others = first ? await recordSignal(db, signal, since) : await deviceMembers(db, a.tenantId, s.device_id, s.member_id ?? null, since);
        if (others + (s.member_id ? 1 : 0) > r.lim) hits.push({ id: r.id, name: r.name, kind: 'signal', outcome: r.outcome });
      } else if (r.signal === 'phone_changes' && s.member_id) {
        if ((await phoneChanges(db, a.tenantId, s.member_id, since)) > r.lim) hits.push({ id: r.id, name: r.name, kind: 'signal', outcome: r.outcome });
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      failClosed(r);
    }
  }
  if (signalled && !recorded) logSignal(ctx.db, signal);

  // limit rules: those counting every action take a counter now; those counting failures read theirs
  const store = storeFor(ctx, db, inTx);
  const takes: { r: RuleRow; t: Take }[] = [];
  const peeks: { r: RuleRow; t: Take }[] = [];
  const refused = hits.some((h) => h.outcome === 'refuse');
  for (const r of applies.filter((x) => x.kind === 'limit')) {
    const v = s[SUBJECT_OF[r.subject!]!];
    if (!v) continue;
    const b = bucketOf(r, a.at, tz);
    const t: Take = { rule: r.id, subject: `${r.subject}:${v}`, k: b.k, idx: b.idx, b: b.b, lim: r.lim, ttlMs: b.ttlMs };
    (r.count_mode === 'failures' ? peeks : refused ? [] : takes).push({ r, t });
  }
  let taken: Take[] = [];
  const giveBack = async () => {
    if (taken.length) await store.give(a.tenantId, taken).catch(() => {}); // a give that fails leaves a count one high until its window ends
    taken = [];
  };
  if (takes.length) {
    try {
      const got = await store.take(
        a.tenantId,
        takes.map((x) => x.t),
        a.at.getTime(),
      );
      takes.forEach((x, i) => (got[i] ? taken.push(x.t) : hits.push({ id: x.r.id, name: x.r.name, kind: 'limit', outcome: x.r.outcome })));
    } catch {
      for (const x of takes) failClosed(x.r);
    }
  }
  if (peeks.length) {
    try {
      const n = await store.peek(
        a.tenantId,
        peeks.map((x) => x.t),
      );
      peeks.forEach((x, i) => n[i]! >= x.r.lim && hits.push({ id: x.r.id, name: x.r.name, kind: 'limit', outcome: x.r.outcome }));
    } catch {
      await giveBack();
      for (const x of peeks) failClosed(x.r);
    }
  }
  const pass: GuardPass = {
    async undo(error?: unknown) {
      await giveBack();
      if (peeks.length && isFailure(error))
        await store
          .take(
            a.tenantId,
            peeks.map((x) => x.t),
            a.at.getTime(),
          )
          .catch(() => {});
    },
  };
  if (!hits.length) {
    log('allow');
    return pass;
  }
  return decide(ctx, a, db, inTx, hits, pass, giveBack, log);
}

async function decide(
  ctx: Ctx,
  a: GuardedAction,
  db: Sql,
  inTx: boolean,
  hits: Hit[],
  pass: GuardPass,
  giveBack: () => Promise<void>,
  log: (o: string) => void,
) {
  let outcome: Outcome = strongest(hits);
  const desk = reviewDesks.list()[0];
  const factor = secondFactors.list()[0];
  if ((outcome === 'review' && !desk) || (outcome === 'challenge' && !factor)) outcome = 'refuse'; // nobody to ask: refused
  log(outcome);
  const record = async () => {
    if (!inTx) return ctx.db.tx((q) => recordDecision(q, a, hits, outcome));
    if (outcome === 'flag') return recordDecision(db, a, hits, outcome);
    recordLater(ctx, a, hits, outcome);
    return null;
  };
  if (outcome === 'flag') {
    await record();
    return pass;
  }
  const top = hits.filter((h) => h.outcome === outcome)[0] ?? hits[0]!;
  if (outcome === 'challenge') {
    await record();
    try {
      await factor!.require(ctx, a, { zh: top.name, en: top.name });
    } catch (e) {
      await giveBack();
      throw e;
    }
    return pass;
  }
  await giveBack();
  const id = await record();
  if (outcome === 'review') return desk!.send(ctx, a, { id: id ?? null, rules: hits.map((h) => ({ id: h.id, name: h.name })) });
  throw new AppError(403, 'RISK_REFUSED', `refused by the risk rule "${top.name}"`, {
    rule: top.name,
    rule_id: top.id,
    decision_id: id ?? null,
  });
}
