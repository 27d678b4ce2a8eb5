import type { Sql } from '../../db/index.js';
import { emit } from '../../platform/events.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import type { Keyring } from '../../secrets.js';
import { refusal } from '../../platform/problems/refusal.js';

export interface MemberInput {
  external_id?: string | null;
  name?: string | null;
  phone?: string | null;
  birthday?: string | null;
  tier?: string | null;
  province?: string | null;
  city?: string | null;
}

export interface Member {
  id: string;
  external_id: string | null;
  name: string | null;
  phone_last4: string | null;
  birthday: string | null;
  tier: string | null;
  /** 省 and 市 (names or codes), optional: a binding outside the card's channel's regions raises a 窜货 alert; unknown raises none */
  province: string | null;
  city: string | null;
  created_at: Date;
}
const COLS = `id, external_id, name, phone_last4, to_char(birthday, 'YYYY-MM-DD') AS birthday, tier, province, city, created_at`;
const region = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

const normPhone = (p: string) => p.replace(/[\s\-()]/g, '');

/** The keyed hash members are looked up by phone with (risk lists name a phone by it, never the number); null: not a phone number. */
export function phoneHashOf(keys: Keyring, tenantId: string, phone: string): string | null {
  const p = normPhone(phone);
  return /^\+?\d{5,20}$/.test(p) ? keys.hmac(`phone:${tenantId}:${p}`).toString('hex') : null;
}

function phoneFields(keys: Keyring, tenantId: string, phone: string | null | undefined) {
  if (phone == null) return [null, null, null];
  const p = normPhone(phone);
  if (!/^\+?\d{5,20}$/.test(p))
    throw new AppError(422, 'VALIDATION_FAILED', 'phone: digits only, 5 to 20, optional leading +', {
      errors: [{ field: 'phone', reason: 'not a phone number' }],
    });
  return [keys.encryptText(p), keys.hmac(`phone:${tenantId}:${p}`), p.slice(-4)];
}

function checkBirthday(b: string | null | undefined) {
  if (b == null) return;
  const d = new Date(`${b}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(b) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== b)
    throw new AppError(422, 'VALIDATION_FAILED', 'birthday: a real date as YYYY-MM-DD', { errors: [{ field: 'birthday', reason: 'not a date' }] });
}

export async function createMember(q: Sql, keys: Keyring, tenantId: string, input: MemberInput, at: Date): Promise<Member> {
  checkBirthday(input.birthday);
  const [enc, hash, last4] = phoneFields(keys, tenantId, input.phone);
  const r = await q.query<Member>(
    `INSERT INTO members (tenant_id, id, external_id, name, phone_enc, phone_hash, phone_last4, birthday, tier, province, city)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT DO NOTHING RETURNING ${COLS}`,
    [
      tenantId,
      newId('mem'),
      input.external_id ?? null,
      input.name ?? null,
      enc,
      hash,
      last4,
      input.birthday ?? null,
      input.tier ?? null,
      region(input.province),
      region(input.city),
    ],
  );
  if (!r.rows[0])
    throw refusal('MEMBER_EXTERNAL_ID_TAKEN', `external_id: a member with external_id "${input.external_id}" exists`, {
      external_id: String(input.external_id),
    });
  const m = r.rows[0];
  await emit(q, [{ tenantId, type: 'member.created', at, memberId: m.id, data: { external_id: m.external_id, tier: m.tier } }]);
  return m;
}

export async function updateMember(q: Sql, keys: Keyring, tenantId: string, id: string, input: MemberInput, at: Date): Promise<Member> {
  await getMember(q, tenantId, id);
  checkBirthday(input.birthday);
  const sets: string[] = [];
  const params: unknown[] = [tenantId, id];
  const set = (col: string, v: unknown) => {
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  if (input.name !== undefined) set('name', input.name);
  if (input.tier !== undefined) set('tier', input.tier);
  if (input.birthday !== undefined) set('birthday', input.birthday);
  if (input.province !== undefined) set('province', region(input.province));
  if (input.city !== undefined) set('city', region(input.city));
  if (input.external_id !== undefined) set('external_id', input.external_id);
  if (input.phone !== undefined) {
    const [enc, hash, last4] = phoneFields(keys, tenantId, input.phone);
    set('phone_enc', enc);
    set('phone_hash', hash);
    set('phone_last4', last4);
  }
  if (!sets.length) return getMember(q, tenantId, id);
  const r = await q.query<Member>(`UPDATE members SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`, params).catch((e) => {
    if (e.code === '23505')
      throw refusal('MEMBER_EXTERNAL_ID_TAKEN', `external_id: a member with external_id "${input.external_id}" exists`, {
        external_id: String(input.external_id),
      });
    throw e;
  });
  // the names of what changed, never the values (a phone number stays out of the log and the webhooks)
  const changed = (['name', 'tier', 'birthday', 'external_id', 'phone', 'province', 'city'] as const).filter((k) => input[k] !== undefined);
  await emit(q, [{ tenantId, type: 'member.updated', at, memberId: id, data: { changed, tier: r.rows[0].tier } }]);
  return r.rows[0];
}

export async function getMember(q: Sql, tenantId: string, id: string): Promise<Member> {
  const r = await q.query<Member>(`SELECT ${COLS} FROM members WHERE tenant_id = $1 AND (id = $2 OR external_id = $2) ORDER BY id = $2 DESC LIMIT 1`, [
    tenantId,
    id,
  ]);
  if (!r.rows[0]) throw notFound('member');
  return r.rows[0];
}

/** Every wallet link signed before `at` stops working (钱包链接作废). */
export async function revokeWalletLinks(q: Sql, tenantId: string, id: string, at: Date): Promise<{ id: string; wallet_links_valid_from: Date }> {
  const r = await q.query<{ id: string; wallet_links_valid_from: Date }>(
    'UPDATE members SET wallet_links_valid_from = $3 WHERE tenant_id = $1 AND (id = $2 OR external_id = $2) RETURNING id, wallet_links_valid_from',
    [tenantId, id, at],
  );
  if (!r.rows[0]) throw notFound('member');
  return r.rows[0];
}

/** When the member's wallet links were last revoked: undefined when there is no such member. */
export async function walletLinksValidFrom(q: Sql, tenantId: string, id: string): Promise<Date | null | undefined> {
  const r = await q.query<{ v: Date | null }>('SELECT wallet_links_valid_from AS v FROM members WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  return r.rows[0] ? r.rows[0].v : undefined;
}

/** The member's own phone, decrypted, for an authorised caller. */
export async function revealPhone(q: Sql, keys: Keyring, tenantId: string, id: string): Promise<string | null> {
  const r = await q.query<{ phone_enc: string | null }>('SELECT phone_enc FROM members WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  if (!r.rows[0]) throw notFound('member');
  return r.rows[0].phone_enc ? keys.decryptText(r.rows[0].phone_enc) : null;
}

/** The member with this phone number (by its keyed hash: the phone is never compared in clear), or null. */
export async function memberByPhone(q: Sql, keys: Keyring, tenantId: string, phone: string): Promise<Member | null> {
  const p = normPhone(phone);
  if (!/^\+?\d{5,20}$/.test(p)) return null;
  const r = await q.query<Member>(`SELECT ${COLS} FROM members WHERE tenant_id = $1 AND phone_hash = $2 ORDER BY created_at LIMIT 1`, [
    tenantId,
    keys.hmac(`phone:${tenantId}:${p}`),
  ]);
  return r.rows[0] ?? null;
}

export async function memberExists(q: Sql, tenantId: string, id: string): Promise<boolean> {
  return !!(await q.query('SELECT 1 FROM members WHERE tenant_id = $1 AND id = $2', [tenantId, id])).rowCount;
}

/** What the member list sorts by; a member without a name sorts as "" (first A→Z). Indexed in 011_list_sort.sql. */
export const MEMBER_SORTS = { created_at: null, name: { sql: "coalesce(name, '')", type: 'text' } } satisfies Sorts;

/**
 * List or search members. A search term is first tried as what identifies one member — phone (by
 * its keyed hash, never in clear), external id, id — each through its own index; when one of them
 * matches, that is the answer (a till that types a phone number gets that member, in a few index
 * look-ups whatever the tenant's size). Only when none does is it a name: 3+ characters match
 * anywhere (trigram index), shorter terms the start of the name (a surname: 王).
 */
export async function listMembers(q: Sql, keys: Keyring, tenantId: string, opts: { limit: number; cursor?: string; q?: string; sort?: string }) {
  const page = keyset(MEMBER_SORTS, opts.sort, opts.cursor);
  const term = opts.q?.trim() || null;
  const run = async (branches: [cond: string, v: unknown][] | null) => {
    const params: unknown[] = [tenantId];
    const select = `SELECT ${COLS}${page.select} FROM members WHERE tenant_id = $1 AND ${page.after(params)}`;
    if (!branches) return q.query<Member>(`${select} ORDER BY ${page.orderBy} LIMIT ${page.limit(params, opts.limit)}`, params);
    const united = branches.map(([cond, v]) => {
      params.push(v);
      return `(${select} AND ${cond.replace('?', `$${params.length}`)} ORDER BY ${page.orderBy} LIMIT ${opts.limit + 1})`;
    });
    return q.query<Member>(`SELECT * FROM (${united.join(' UNION ')}) AS found ORDER BY ${page.orderBy} LIMIT ${page.limit(params, opts.limit)}`, params);
  };
  if (!term) return page.page((await run(null)).rows, opts.limit);
  const exact: [string, unknown][] = [['external_id = ?', term]];
  if (/^\+?[\d\s\-()]{5,25}$/.test(term)) exact.push(['phone_hash = ?', keys.hmac(`phone:${tenantId}:${normPhone(term)}`)]);
  if (/^mem_[0-9a-z]+$/.test(term)) exact.push(['id = ?', term]);
  const found = await run(exact);
  if (found.rows.length) return page.page(found.rows, opts.limit);
  const like = term.replace(/[\\%_]/g, '\\$&');
  const byName = await run([[[...term].length >= 3 ? `name ILIKE '%' || ? || '%'` : `lower(name) LIKE lower(?) || '%'`, like]]);
  return page.page(byName.rows, opts.limit);
}

/** A page of the members born on one of these days (month, day), in id order: whom a birthday rule greets today. */
export async function membersBornOn(q: Sql, tenantId: string, days: { month: number; day: number }[], after: string, limit: number): Promise<string[]> {
  const r = await q.query<{ id: string }>(
    `SELECT id FROM members WHERE tenant_id = $1 AND birthday IS NOT NULL AND id > $4
       AND (EXTRACT(MONTH FROM birthday)::int, EXTRACT(DAY FROM birthday)::int) IN (SELECT * FROM unnest($2::int[], $3::int[]))
     ORDER BY id LIMIT $5`,
    [tenantId, days.map((d) => d.month), days.map((d) => d.day), after, limit],
  );
  return r.rows.map((x) => x.id);
}
