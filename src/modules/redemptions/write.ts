import type { Db, Sql } from '../../db/index.js';
import { idempotencyCte, isoSql, params, type FastMutation } from '../../mutations/mutation.js';
import { batcher } from '../../db/batcher.js';
import type { CardRow } from '../cards/model.js';
import { takeTransfersSql } from '../ledger/service.js';
import { takeSet, takeWhere, type TakeExprs } from './take.js';

/** One redemption, decided (rules and guards passed in JS), waiting to be written. */
export interface Decided {
  tenantId: string;
  cardId: string;
  amount: number;
  uses: number;
  stamps: number;
  depletes: boolean;
  periodNo: number | null;
  memberId: string | null;
  /** the stamp goal the take must stay under, or null where reaching it is allowed (the transactional path rewards it) */
  goal: number | null;
  redemptionId: string;
  storeId: string | null;
  keyId: string;
  orderAmount: number | null;
  value: number;
  ledgerType: string;
  eventType: string;
  eventData: string;
  /** the audit entry, when this statement writes it (the transactional path's is written by mutate) */
  actor: string | null;
  action: string | null;
  auditData: string | null;
  at: Date;
}

/** The updated card, null when the card no longer matched, or 'alone' when the group failed and this one must go by itself. */
export type Written = CardRow | null | 'alone';

/**
 * The one redemption write 核销写入, for every path: the conditional take, the redemption, its ledger
 * entry, its event and (where given) its audit entry, for a group of decided redemptions (each card
 * at most once) — a single redemption is a group of one. The WHERE is the take's invariant
 * (take.ts), checked row by row: a card that no longer matches is simply not in RETURNING, and
 * nothing else is written for it. Groups lock their rows in card order first, so two groups (from
 * two processes) can never deadlock. With an idempotency key (`keyed`), the answer is built in SQL
 * and stored in the same statement, so a retry gets it byte for byte.
 */
const TAKE: TakeExprs = {
  card: 'cards.',
  amount: 'i.amount',
  uses: 'i.uses',
  stamps: 'i.stamps',
  depletes: 'i.depletes',
  at: 'i.at',
  periodNo: 'i.period_no',
  memberId: 'i.member_id',
  goal: 'i.goal',
};
const COLUMNS: (keyof Decided)[] = [
  'tenantId',
  'cardId',
  'amount',
  'uses',
  'stamps',
  'depletes',
  'periodNo',
  'memberId',
  'goal',
  'redemptionId',
  'storeId',
  'keyId',
  'orderAmount',
  'value',
  'ledgerType',
  'eventType',
  'eventData',
  'actor',
  'action',
  'auditData',
  'at',
];
const cardJson = `jsonb_build_object('id', c.id, 'batch_id', c.batch_id, 'template_id', c.template_id, 'kind', c.kind, 'code_tail', c.code_tail,
      'state', c.state, 'state_reason', c.state_reason, 'member_id', c.member_id, 'channel_id', c.channel_id, 'allocation_id', c.allocation_id, 'balance', c.balance,
      'uses_left', c.uses_left, 'stamps', c.stamps, 'period_no', c.period_no, 'period_ends_at', ${isoSql('c.period_ends_at')},
      'valid_from', ${isoSql('c.valid_from')}, 'valid_until', ${isoSql('c.valid_until')}, 'bind_deadline', ${isoSql('c.bind_deadline')},
      'issued_at', ${isoSql('c.issued_at')}, 'bound_at', ${isoSql('c.bound_at')}, 'created_at', ${isoSql('c.created_at')}, 'updated_at', ${isoSql('c.updated_at')})`;

function commitSql(o: { lockFirst: boolean; keyed?: FastMutation }, p: (v: unknown) => string): string {
  return `WITH i AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::int[], $5::int[], $6::boolean[], $7::int[], $8::text[], $9::int[],
      $10::text[], $11::text[], $12::text[], $13::int8[], $14::int8[], $15::text[], $16::text[], $17::jsonb[], $18::text[], $19::text[], $20::jsonb[], $21::timestamptz[])
      AS i(tenant_id, card_id, amount, uses, stamps, depletes, period_no, member_id, goal,
           redemption_id, store_id, key_id, order_amount, value, ledger_type, event_type, event_data, actor, action, audit_data, at)),
  ${
    o.lockFirst
      ? `locked AS MATERIALIZED (
    SELECT c.tenant_id, c.id FROM cards c JOIN i ON c.tenant_id = i.tenant_id AND c.id = i.card_id ORDER BY c.tenant_id, c.id FOR UPDATE OF c),`
      : ''
  }
  c AS (
    UPDATE cards SET ${takeSet(TAKE)}
    FROM i ${o.lockFirst ? 'JOIN locked ON locked.tenant_id = i.tenant_id AND locked.id = i.card_id' : ''}
    WHERE cards.tenant_id = i.tenant_id AND cards.id = i.card_id AND ${takeWhere(TAKE)}
    RETURNING cards.*, i.redemption_id AS r_id, i.store_id AS r_store, i.key_id AS r_key, i.order_amount AS r_order, i.value AS r_value,
      i.amount AS r_amount, i.uses AS r_uses, i.stamps AS r_stamps, i.ledger_type AS r_ledger, i.event_type AS r_event, i.event_data AS r_event_data,
      i.actor AS r_actor, i.action AS r_action, i.audit_data AS r_audit, i.at AS r_at),
  r AS (
    INSERT INTO redemptions (tenant_id, id, card_id, template_id, batch_id, store_id, key_id, member_id, channel_id, order_amount, amount, uses, stamps, status, created_at)
    SELECT tenant_id, r_id, id, template_id, batch_id, r_store, r_key, member_id, channel_id, r_order, r_value, r_uses, r_stamps, 'done', r_at FROM c
    ${o.keyed ? 'RETURNING *' : ''}),
  l AS (${takeTransfersSql('c', { tenant: 'c.tenant_id', card: 'c.id', amount: 'c.r_amount', uses: 'c.r_uses', stamps: 'c.r_stamps', reason: 'c.r_ledger', reference: 'c.r_id', at: 'c.r_at' })}),
  ev AS (
    INSERT INTO events (tenant_id, card_id, template_id, batch_id, event_type, member_id, store_id, channel_id, key_id, data, created_at)
    SELECT tenant_id, id, template_id, batch_id, r_event, member_id, r_store, channel_id, r_key, r_event_data, r_at FROM c),
  audit_row AS (
    INSERT INTO audit_entries (tenant_id, actor, action, target_type, target_id, data, created_at)
    SELECT tenant_id, r_actor, r_action, 'redemption', r_id, r_audit, r_at FROM c WHERE r_action IS NOT NULL)
  ${
    o.keyed
      ? `, answer AS (
    SELECT jsonb_build_object('id', r.id, 'card_id', r.card_id, 'template_id', r.template_id, 'batch_id', r.batch_id, 'store_id', r.store_id,
      'member_id', r.member_id, 'order_amount', r.order_amount, 'amount', r.amount, 'uses', r.uses, 'stamps', r.stamps, 'status', r.status,
      'reversed_at', NULL, 'created_at', ${isoSql('r.created_at')}, 'reward_card_id', NULL, 'card', ${cardJson}) AS body
    FROM r, c),
  ${idempotencyCte(o.keyed, p, 'answer', 'answer.body')}
  SELECT r_id, body FROM answer, c`
      : `SELECT tenant_id, id, batch_id, template_id, kind, code_tail, state, member_id, channel_id, allocation_id, balance, uses_left, stamps, period_no, period_ends_at,
    valid_from, valid_until, bind_deadline, issued_at, bound_at, state_reason, created_at, updated_at, r_id FROM c`
  }`;
}
const GROUP_SQL = commitSql({ lockFirst: true }, () => '');
const ONE_SQL = commitSql({ lockFirst: false }, () => ''); // one card locks one row: no order to keep

const arrays = (items: Decided[]) => COLUMNS.map((k) => items.map((d) => d[k]));

async function writeGroup(db: Db, items: Decided[]): Promise<Written[]> {
  try {
    const r = await db.query<CardRow & { r_id: string }>(items.length > 1 ? GROUP_SQL : ONE_SQL, arrays(items));
    const byId = new Map(r.rows.map((row) => [row.r_id, row]));
    return items.map((d) => byId.get(d.redemptionId) ?? null);
  } catch (e) {
    if (items.length === 1) throw e;
    return items.map(() => 'alone' as const); // the group failed whole (nothing was written): each goes by itself
  }
}

/** Writes one redemption by itself (in the caller's transaction, or as one statement): the card as updated, or null when it no longer matched. */
export async function writeOne(q: Sql, d: Decided): Promise<CardRow | null> {
  return (await q.query<CardRow>(ONE_SQL, arrays([d]))).rows[0] ?? null;
}

/** Writes one redemption with its idempotency record; the stored answer, or undefined when the card no longer matched. */
export async function writeKeyed(q: Sql, d: Decided, m: FastMutation): Promise<Record<string, unknown> | undefined> {
  const { values, p } = params();
  values.push(...arrays([d]));
  const r = await q.query<{ body: Record<string, unknown> }>(commitSql({ lockFirst: false, keyed: m }, p), values);
  return r.rows[0]?.body;
}

const groups = new WeakMap<Db, (d: Decided) => Promise<Written>>();

/** Writes one decided redemption, grouped with whatever else is waiting for this database. */
export function writeDecided(db: Db, d: Decided): Promise<Written> {
  let w = groups.get(db);
  if (!w) {
    w = batcher((items: Decided[]) => writeGroup(db, items), { lanes: 4, max: 32, key: (x) => `${x.tenantId}:${x.cardId}` });
    groups.set(db, w);
  }
  return w(d);
}

/**
 * The redemption's card read, grouped the same way: the card by code hash (1–2 candidates), its
 * template's version and the store, for up to 64 waiting reads in one round trip.
 */
const READ_SQL = `SELECT q.k, x.* FROM unnest($1::int[], $2::int[], $3::text[], $4::bytea[], $5::text[]) WITH ORDINALITY AS q(k, o, tenant_id, hash, store_id, n)
  CROSS JOIN LATERAL (
    SELECT c.*, t.version AS tpl_version, row_to_json(s.*) AS sto FROM cards c
    JOIN templates t ON t.tenant_id = c.tenant_id AND t.id = c.template_id
    LEFT JOIN stores s ON s.tenant_id = c.tenant_id AND s.id = q.store_id
    WHERE c.tenant_id = q.tenant_id AND c.code_hash = q.hash) x
  ORDER BY q.n`; // one index look-up per code (LATERAL), answers in the order asked

interface Read {
  tenantId: string;
  hashes: Buffer[];
  storeId: string | null;
}
type Row = CardRow & Record<string, any>;

async function readGroup(db: Db, items: Read[]): Promise<(Row | undefined)[]> {
  const k: number[] = [],
    o: number[] = [],
    t: string[] = [],
    h: Buffer[] = [],
    st: (string | null)[] = [];
  items.forEach((it, i) =>
    it.hashes.forEach((hash, j) => {
      k.push(i);
      o.push(j);
      t.push(it.tenantId);
      h.push(hash);
      st.push(it.storeId);
    }),
  );
  const r = await db.query<Row & { k: number }>(READ_SQL, [k, o, t, h, st]);
  const out: (Row | undefined)[] = items.map(() => undefined);
  for (const { k: i, ...row } of r.rows) if (!out[i]) out[i] = row as Row; // the first candidate that matched, as LIMIT 1 would
  return out;
}

const reads = new WeakMap<Db, (r: Read) => Promise<Row | undefined>>();
let readSeq = 0;

export function readByCode(db: Db, tenantId: string, hashes: Buffer[], storeId: string | null): Promise<Row | undefined> {
  let rd = reads.get(db);
  if (!rd) {
    rd = batcher((items: Read[]) => readGroup(db, items), { lanes: 4, max: 64, key: () => String(readSeq++) });
    reads.set(db, rd);
  }
  return rd({ tenantId, hashes, storeId });
}
