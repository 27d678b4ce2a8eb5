import type { Sql } from '../db/index.js';
import type { Ctx } from './context.js';
import type { JobDef } from './module.js';

/**
 * Events 事件 of every area, in one log (the `events` table), and the in-process subscribers that
 * follow it.
 *
 * Writing: `emit(q, …)` inside the transaction that makes the change (or an `INSERT INTO events`
 * in the same statement, as the redemption does), so an event exists exactly when its change
 * committed. Its type must be in a module's catalogue (`events` in its definition).
 *
 * Reading: each subscriber has a cursor (event_cursors) and runs as a recurring job, one process at
 * a time, in log order (xid, id), so it sees the events of one subject in the order they happened.
 * A batch is handled in one transaction with the cursor's advance: what a handler writes to the
 * database happens exactly once; what it does outside (an HTTP call) at least once, so handlers
 * are idempotent. Only events of transactions older than every running transaction are read: a
 * transaction that took its id early and commits late is waited for, never skipped. A handler
 * that throws holds its subscriber back (retried with backoff; the job's last_error says why) —
 * order is kept, nothing is dropped. A new subscriber starts at the head of the log.
 */

export type EventNames = Record<string, readonly [zh: string, en: string]>;

export interface NewEvent {
  tenantId: string;
  /** `<area>.<what>`, from a module's catalogue */
  type: string;
  at: Date;
  cardId?: string | null;
  templateId?: string | null;
  batchId?: string | null;
  memberId?: string | null;
  storeId?: string | null;
  channelId?: string | null;
  keyId?: string | null;
  data?: Record<string, unknown> | null;
}

export interface EventRow {
  tenant_id: string;
  id: string;
  event_type: string;
  card_id: string | null;
  template_id: string | null;
  batch_id: string | null;
  member_id: string | null;
  store_id: string | null;
  channel_id: string | null;
  key_id: string | null;
  data: Record<string, unknown> | null;
  created_at: Date;
}

export interface Subscriber {
  /** the cursor's name: renaming a subscriber starts it again at the head of the log */
  name: string;
  /** the event types it handles (`card.*` for an area); all when absent */
  types?: string[];
  handle: (ctx: Ctx, q: Sql, events: EventRow[]) => Promise<void>;
}

const catalogue = new Map<string, readonly [string, string]>();
const subscribers: Subscriber[] = [];

/** The catalogue of every module's event types (GET /v1/event-types, webhook subscriptions). */
export const eventTypes = () => [...catalogue].map(([type, [zh, en]]) => ({ type, zh, en }));
export const isEventType = (t: string) => catalogue.has(t);

/** `{ issued: […] }` of area `card` → `{ 'card.issued': […] }` */
export const inArea = (area: string, names: EventNames): EventNames => Object.fromEntries(Object.entries(names).map(([t, n]) => [`${area}.${t}`, n]));

export async function emit(q: Sql, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  for (const e of events) if (!catalogue.has(e.type)) throw new Error(`event type ${e.type} is in no module's catalogue`);
  const col = <K extends keyof NewEvent>(k: K) => events.map((e) => e[k] ?? null);
  await q.query(
    `INSERT INTO events (tenant_id, event_type, card_id, template_id, batch_id, member_id, store_id, channel_id, key_id, data, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[])`,
    [
      col('tenantId'),
      col('type'),
      col('cardId'),
      col('templateId'),
      col('batchId'),
      col('memberId'),
      col('storeId'),
      col('channelId'),
      col('keyId'),
      events.map((e) => (e.data ? JSON.stringify(e.data) : null)),
      col('at'),
    ],
  );
}

const BATCH = 500;
const HEAD = `(pg_snapshot_xmin(pg_current_snapshot())::text::numeric - 1)::text::xid8`;
const matches = (s: Subscriber, type: string) => !s.types || s.types.some((t) => t === type || (t.endsWith('.*') && type.startsWith(t.slice(0, -1))));

const columns = (t = '') =>
  [
    'tenant_id',
    'id::text',
    'xid::text',
    'event_type',
    'card_id',
    'template_id',
    'batch_id',
    'member_id',
    'store_id',
    'channel_id',
    'key_id',
    'data',
    'created_at',
  ]
    .map((c) => t + c)
    .join(', ');
const AFTER = `(xid, id) > ($1::xid8, $2::int8) AND xid < pg_snapshot_xmin(pg_current_snapshot())`;

/**
 * The next page of the log after a cursor: how many events it read, where it ended, and the events
 * of it the subscriber handles. A subscriber of a few types reads the page by position and fetches
 * whole rows only for its own types, so a bulk job's events (one card.issued per code of a
 * wholesale order) are not parsed by every subscriber in the process that also serves requests.
 */
async function readPage(q: Sql, s: Subscriber, cur: { xid: string; id: string }) {
  if (!s.types) {
    const rows = (
      await q.query<EventRow & { xid: string }>(`SELECT ${columns()} FROM events WHERE ${AFTER} ORDER BY events.xid, events.id LIMIT ${BATCH}`, [
        cur.xid,
        cur.id,
      ])
    ).rows; // ordered by the columns, not their text
    const last = rows[rows.length - 1];
    return last ? { read: rows.length, xid: last.xid, id: last.id, events: rows } : null;
  }
  const exact = s.types.filter((t) => !t.endsWith('.*'));
  const prefixes = s.types.filter((t) => t.endsWith('.*')).map((t) => t.slice(0, -1));
  const rows = (
    await q.query<EventRow & { xid: string; n: number; last_xid: string; last_id: string }>(
      `WITH page AS MATERIALIZED (SELECT tenant_id, id, xid, event_type FROM events WHERE ${AFTER} ORDER BY events.xid, events.id LIMIT ${BATCH}),
         last AS (SELECT xid, id, count(*) OVER () AS n FROM page ORDER BY page.xid DESC, page.id DESC LIMIT 1)
       SELECT last.n, last.xid::text AS last_xid, last.id::text AS last_id, e.*
       FROM last LEFT JOIN LATERAL (
         SELECT ${columns('ev.')}, ev.xid AS sort_xid FROM page JOIN events ev ON ev.tenant_id = page.tenant_id AND ev.id = page.id
         WHERE page.event_type = ANY ($3::text[]) OR EXISTS (SELECT 1 FROM unnest($4::text[]) pre WHERE starts_with(page.event_type, pre))) e ON true
       ORDER BY e.sort_xid, e.id::int8`,
      [cur.xid, cur.id, exact, prefixes],
    )
  ).rows;
  if (!rows.length) return null;
  const { n, last_xid, last_id } = rows[0]!;
  const events = rows.filter((r) => r.id !== null && matches(s, r.event_type)).map(({ n: _n, last_xid: _x, last_id: _i, sort_xid: _s, ...e }: any) => e);
  return { read: Number(n), xid: last_xid, id: last_id, events };
}

/** One batch of a subscriber: the events after its cursor, handled and the cursor moved, in one transaction. */
export async function runSubscriber(ctx: Ctx, s: Subscriber): Promise<number> {
  return ctx.db.tx(async (q) => {
    const cur = (await q.query<{ xid: string; id: string }>('SELECT xid::text, id::text FROM event_cursors WHERE subscriber = $1 FOR UPDATE', [s.name]))
      .rows[0];
    if (!cur) throw new Error(`subscriber ${s.name} is not installed`);
    const page = await readPage(q, s, cur);
    if (!page) return 0;
    if (page.events.length) await s.handle(ctx, q, page.events);
    await q.query('UPDATE event_cursors SET xid = $2::xid8, id = $3, updated_at = $4 WHERE subscriber = $1', [s.name, page.xid, page.id, ctx.clock.now()]);
    return page.read;
  });
}

/** Registers the catalogue and the subscribers; a subscriber seen for the first time starts at the head. */
export async function installEvents(ctx: Ctx, names: EventNames[], subs: Subscriber[]): Promise<JobDef[]> {
  for (const n of names) for (const [t, zh_en] of Object.entries(n)) catalogue.set(t, zh_en);
  const jobs: JobDef[] = [];
  for (const s of subs) {
    if (!subscribers.some((x) => x.name === s.name)) subscribers.push(s);
    await ctx.db.query(`INSERT INTO event_cursors (subscriber, xid, id) VALUES ($1, ${HEAD}, 9223372036854775807) ON CONFLICT DO NOTHING`, [s.name]);
    jobs.push({
      type: `events:${s.name}`,
      every: 200,
      maxAttempts: 1_000_000, // a failing handler is retried (backoff up to 10 min), never dropped
      async run(c) {
        const until = Date.now() + 2_000;
        while ((await runSubscriber(c, s)) === BATCH && Date.now() < until);
      },
    });
  }
  return jobs;
}

/**
 * Runs every subscriber until it has handled every event committed before this call (tests, and
 * `kaquan` commands that must see the effects at once). It waits for transactions that were
 * running when it was called, so an event committed just before is never left for later.
 */
export async function dispatchEvents(ctx: Ctx, timeoutMs = 10_000): Promise<void> {
  const [{ xmax }] = (await ctx.db.query<{ xmax: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax')).rows;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ done }] = (await ctx.db.query<{ done: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 AS done', [xmax])).rows;
    for (const s of subscribers) while ((await runSubscriber(ctx, s)) > 0);
    if (done) return;
    if (Date.now() > deadline) throw new Error('dispatchEvents: transactions older than the call are still running');
    await new Promise((r) => setTimeout(r, 10));
  }
}
