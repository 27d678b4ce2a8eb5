import type { Sql } from '../../db/index.js';
import { clock } from '../../clock.js';
import { invalid, notFound } from '../../errors.js';
import { getTenant } from '../tenants/service.js';
import { compile, type Group, scope } from './conditions.js';
import { segmentBase } from './point.js';
import { tagProblem } from './tag-name.js';

/**
 * The segments seam 人群与标签 (docs/growth.md "The seams"): what automation rules, campaigns,
 * shares, groups, referrals and tasks ask of an audience, and how a rule tags a member. A segment is
 * evaluated in SQL when asked — one statement for one member, for a count, for a page — never a
 * stored list, so it is always now's answer. A deleted segment has no members (`inSegment` is false);
 * counting or paging one that never existed or was deleted is 404 SEGMENT_NOT_FOUND.
 */

/** The members table, as the members module plugs it in (segments names no other module's table). */
export function memberTable(): string {
  const b = segmentBase.list()[0];
  if (!b) throw new Error('segments: no member base plugged in (the members module extends segmentBase)');
  return b.table;
}

async function conditionsOf(q: Sql, tenantId: string, segmentId: string): Promise<Group | null> {
  const r = await q.query<{ conditions: Group }>('SELECT conditions FROM segments WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL', [
    tenantId,
    segmentId,
  ]);
  return r.rows[0]?.conditions ?? null;
}

/** The WHERE of members matching these (checked) conditions at `now`, with its parameters ($1 the tenant). */
async function where(q: Sql, tenantId: string, conditions: Group, now: Date) {
  const { s, values } = scope(tenantId, now, (await getTenant(q, tenantId)).time_zone);
  return { sql: `m.tenant_id = $1 AND ${compile(conditions, s)}`, values, p: s.p };
}

/** How many members match these conditions now (the preview before a segment is saved). */
export async function countConditions(q: Sql, tenantId: string, conditions: Group, now: Date = clock.now()): Promise<number> {
  const w = await where(q, tenantId, conditions, now);
  const r = await q.query<{ n: string }>(`SELECT count(*) AS n FROM ${memberTable()} m WHERE ${w.sql}`, w.values);
  return Number(r.rows[0]!.n);
}

/** A page of the members matching these conditions, in member-id order, after `after`. */
export async function membersMatching(
  q: Sql,
  tenantId: string,
  conditions: Group,
  page: { after?: string; limit: number },
  now: Date = clock.now(),
): Promise<string[]> {
  const w = await where(q, tenantId, conditions, now);
  const after = page.after ? ` AND m.id > ${w.p(page.after)}` : '';
  const limit = w.p(Math.max(1, Math.min(page.limit, 10_000)));
  const r = await q.query<{ id: string }>(`SELECT m.id FROM ${memberTable()} m WHERE ${w.sql}${after} ORDER BY m.id LIMIT ${limit}`, w.values);
  return r.rows.map((x) => x.id);
}

/** Does this one member match these conditions now. */
export async function memberMatches(q: Sql, tenantId: string, conditions: Group, memberId: string, now: Date = clock.now()): Promise<boolean> {
  const w = await where(q, tenantId, conditions, now);
  const id = w.p(memberId);
  const r = await q.query<{ yes: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${memberTable()} m WHERE m.id = ${id} AND ${w.sql}) AS yes`, w.values);
  return r.rows[0]!.yes;
}

/** is this member in the segment now (evaluated in SQL for one member); a deleted segment has nobody */
export async function inSegment(q: Sql, tenantId: string, segmentId: string, memberId: string): Promise<boolean> {
  const c = await conditionsOf(q, tenantId, segmentId);
  return c ? memberMatches(q, tenantId, c, memberId) : false;
}

/** how many members are in it now; the preview before use */
export async function countSegment(q: Sql, tenantId: string, segmentId: string): Promise<number> {
  const c = await conditionsOf(q, tenantId, segmentId);
  if (!c) throw notFound('segment');
  return countConditions(q, tenantId, c);
}

/** its members in member-id order, a page at a time (a campaign's audience, a broadcast) */
export async function segmentMembers(q: Sql, tenantId: string, segmentId: string, page: { after?: string; limit: number }): Promise<string[]> {
  const c = await conditionsOf(q, tenantId, segmentId);
  if (!c) throw notFound('segment');
  return membersMatching(q, tenantId, c, page);
}

/** Segment names by id (deleted ones too: what a campaign's audience was called). */
export async function segmentNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM segments WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/** The tag as stored (trimmed), or 422 naming `field`. */
export function tagOf(tag: unknown, field = 'tag'): string {
  const why = tagProblem(tag);
  if (why) throw invalid(field, why);
  return (tag as string).trim();
}

async function memberExists(q: Sql, tenantId: string, memberId: string): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM ${memberTable()} m WHERE m.tenant_id = $1 AND m.id = $2`, [tenantId, memberId]);
  return r.rows.length > 0;
}

/** idempotent: true when the tag was new. 404 MEMBER_NOT_FOUND for a member not of this tenant; 422 for a bad tag. */
export async function tagMember(q: Sql, tenantId: string, memberId: string, tag: string, source: { kind: string; id: string }, at: Date): Promise<boolean> {
  const t = tagOf(tag);
  if (!(await memberExists(q, tenantId, memberId))) throw notFound('member');
  const r = await q.query(
    `INSERT INTO member_tags (tenant_id, member_id, tag, source_kind, source_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, member_id, tag) DO NOTHING RETURNING 1`,
    [tenantId, memberId, t, source.kind, source.id, at],
  );
  return r.rows.length > 0;
}

/** true when the member had the tag. */
export async function untagMember(q: Sql, tenantId: string, memberId: string, tag: string): Promise<boolean> {
  const t = tagOf(tag);
  const r = await q.query('DELETE FROM member_tags WHERE tenant_id = $1 AND member_id = $2 AND tag = $3 RETURNING 1', [tenantId, memberId, t]);
  return r.rows.length > 0;
}

/** A member's tags, by name. */
export async function memberTags(q: Sql, tenantId: string, memberId: string): Promise<string[]> {
  const r = await q.query<{ tag: string }>('SELECT tag FROM member_tags WHERE tenant_id = $1 AND member_id = $2 ORDER BY tag', [tenantId, memberId]);
  return r.rows.map((x) => x.tag);
}
