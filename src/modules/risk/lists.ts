import type { Static } from '@sinclair/typebox';
import type { Sql } from '../../db/index.js';
import type { Keyring } from '../../secrets.js';
import { invalid, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { ttlCache } from '../../platform/cache.js';
import { phoneHashOf } from '../members/service.js';
import { LIST_SUBJECTS, type ListBody } from './schemas.js';

/** Lists 黑白灰名单: black refuses, grey sends to review, white exempts from the limit and signal rules. */
export interface ListRow {
  id: string;
  list: 'black' | 'grey' | 'white';
  subject: 'member' | 'phone' | 'device' | 'ip' | 'card';
  value: string;
  shown: string;
  reason: string;
  expires_at: Date | null;
  created_by: string | null;
  created_at: Date;
  removed_at: Date | null;
}
const COLS = 'id, list, subject, value, shown, reason, expires_at, created_by, created_at, removed_at';

export const entryView = (e: ListRow, now: Date) => ({
  id: e.id,
  list: e.list,
  subject: e.subject,
  value: e.shown,
  reason: e.reason,
  expires_at: e.expires_at,
  active: !e.removed_at && (!e.expires_at || e.expires_at > now),
  created_by: e.created_by,
  created_at: e.created_at,
  removed_at: e.removed_at,
});

const mask = (phone: string) => {
  const d = phone.replace(/\D/g, '');
  return d.length > 7 ? `${d.slice(0, 3)}****${d.slice(-4)}` : `****${d.slice(-2)}`;
};

export async function addEntry(q: Sql, keys: Keyring, tenantId: string, b: Static<typeof ListBody>, actor: string, at: Date): Promise<ListRow> {
  if (!['black', 'grey', 'white'].includes(b.list)) throw invalid('list', 'must be one of black, grey, white');
  if (!(LIST_SUBJECTS as readonly string[]).includes(b.subject)) throw invalid('subject', `must be one of ${LIST_SUBJECTS.join(', ')}`);
  let value = b.value.trim();
  let shown = value;
  if (b.subject === 'phone') {
    const h = phoneHashOf(keys, tenantId, value);
    if (!h) throw invalid('value', 'not a phone number');
    shown = mask(value);
    value = h;
  }
  if (b.expires_at && new Date(b.expires_at) <= at) throw invalid('expires_at', 'must be in the future');
  const id = newId('rls');
  const r = await q.query<ListRow>(
    `INSERT INTO risk_list_entries (tenant_id, id, list, subject, value, shown, reason, expires_at, created_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING ${COLS}`,
    [tenantId, id, b.list, b.subject, value, shown, b.reason.trim(), b.expires_at ?? null, actor, at],
  );
  forgetLists(tenantId);
  return r.rows[0]!;
}

export async function removeEntry(q: Sql, tenantId: string, id: string, at: Date): Promise<ListRow> {
  const r = await q.query<ListRow>(`UPDATE risk_list_entries SET removed_at = coalesce(removed_at, $3) WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`, [
    tenantId,
    id,
    at,
  ]);
  if (!r.rows[0]) throw notFound('risk_list_entry');
  forgetLists(tenantId);
  return r.rows[0];
}

export async function listEntries(
  q: Sql,
  tenantId: string,
  page: { limit?: number; cursor?: string; list?: string; subject?: string; active?: boolean },
  now: Date,
) {
  const limit = page.limit ?? 50;
  const r = await q.query<ListRow>(
    `SELECT ${COLS} FROM risk_list_entries WHERE tenant_id = $1 AND ($2::text IS NULL OR list = $2) AND ($3::text IS NULL OR subject = $3)
       AND ($4::boolean IS NULL OR $4 = (removed_at IS NULL AND (expires_at IS NULL OR expires_at > $5)))
       AND ($6::text IS NULL OR id < $6) ORDER BY id DESC LIMIT $7`,
    [tenantId, page.list ?? null, page.subject ?? null, page.active ?? null, now, decodeCursor(page.cursor), limit + 1],
  );
  return pageOf(
    r.rows.map((e) => entryView(e, now)),
    limit,
  );
}

/** The entries naming one of these values (a member's page shows them). */
export async function entriesFor(q: Sql, tenantId: string, values: string[], now: Date) {
  const r = await q.query<ListRow>(
    `SELECT ${COLS} FROM risk_list_entries WHERE tenant_id = $1 AND value = ANY($2::text[]) AND removed_at IS NULL ORDER BY id DESC LIMIT 100`,
    [tenantId, values],
  );
  return r.rows.map((e) => entryView(e, now));
}

/**
 * The tenant's entries not removed, as the engine reads them: kept 2 s per process (a change here
 * forgets them at once), so an action of a tenant with empty lists costs no round trip. Expiry is
 * checked at each use. A tenant with more than CACHED entries is asked per action instead.
 */
const CACHED = 20_000;
type Lists = { all: Map<string, ListRow[]> } | { tooMany: true };
const cache = ttlCache<Lists>(2_000);
const forgetLists = (tenantId: string) => cache.delete(tenantId);
const keyOf = (subject: string, value: string) => `${subject}\n${value}`;

export async function listHits(db: Sql, tenantId: string, wanted: [subject: string, value: string][], now: Date): Promise<ListRow[]> {
  if (!wanted.length) return [];
  const lists = await cache.get(tenantId, async () => {
    const r = await db.query<ListRow>(`SELECT ${COLS} FROM risk_list_entries WHERE tenant_id = $1 AND removed_at IS NULL LIMIT ${CACHED + 1}`, [tenantId]);
    if (r.rows.length > CACHED) return { tooMany: true };
    const all = new Map<string, ListRow[]>();
    for (const e of r.rows) all.set(keyOf(e.subject, e.value), [...(all.get(keyOf(e.subject, e.value)) ?? []), e]);
    return { all };
  });
  let found: ListRow[];
  if ('all' in lists) {
    if (!lists.all.size) return [];
    found = wanted.flatMap(([s, v]) => lists.all.get(keyOf(s, v)) ?? []);
  } else {
    const r = await db.query<ListRow>(
      `SELECT ${COLS} FROM risk_list_entries WHERE tenant_id = $1 AND removed_at IS NULL AND (subject, value) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [tenantId, wanted.map((w) => w[0]), wanted.map((w) => w[1])],
    );
    found = r.rows;
  }
  return found.filter((e) => !e.expires_at || e.expires_at > now);
}
