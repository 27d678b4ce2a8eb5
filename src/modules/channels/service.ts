import type { Sql } from '../../db/index.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';

/**
 * Channels 渠道 as a tree of any depth (总代 → 区域代理 → 门店/团长 → KOC). `path` lists the ids from
 * the root down ('/chn_a/chn_b/'), so a subtree is a prefix test and a move rewrites the subtree's
 * paths in one statement. A channel caller sees its own subtree (`subtreeIds`, resolved at sign-in).
 */
export interface Channel {
  id: string;
  name: string;
  parent_id: string | null;
  path: string;
  depth: number;
  status: 'active' | 'suspended';
  regions: string[];
  store_tags: string[];
  price_level: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ChannelInput {
  name: string;
  parent_id?: string | null;
  regions?: string[];
  store_tags?: string[];
  price_level?: string | null;
}
export type ChannelPatch = Partial<ChannelInput> & { status?: 'active' | 'suspended' };

const COLS = 'id, name, parent_id, path, depth, status, regions, store_tags, price_level, created_at, updated_at';

/** A tree deeper than this is a mistake (a loop built by hand), not a distribution network. */
export const MAX_DEPTH = 12;

const invalid = (field: string, reason: string, detail: string) => new AppError(422, 'CHANNEL_INVALID', `${field}: ${detail}`, { errors: [{ field, reason }] });

/** Regions are names or codes of provinces and cities (广东省, 深圳市, 440300): trimmed, no blanks, no repeats. */
function cleanList(field: string, xs: string[] | undefined): string[] | undefined {
  if (xs === undefined) return undefined;
  const out = [...new Set(xs.map((x) => x.trim()))];
  if (out.some((x) => !x)) throw invalid(field, 'blank entry', 'an entry is blank');
  return out;
}

async function findRow(q: Sql, tenantId: string, id: string, lock = false): Promise<Channel | undefined> {
  const r = await q.query<Channel>(`SELECT ${COLS} FROM channels WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  return r.rows[0];
}

/** `within`: the caller's subtree root (a channel partner), or null for the brand's own staff. */
async function parentFor(q: Sql, tenantId: string, parentId: string, within: string | null): Promise<Channel> {
  const p = await findRow(q, tenantId, parentId, true);
  if (!p || (within && !p.path.includes(`/${within}/`))) throw new AppError(404, 'CHANNEL_NOT_FOUND', 'parent_id: channel not found');
  if (p.depth + 1 >= MAX_DEPTH) throw invalid('parent_id', 'too deep', `a channel tree is at most ${MAX_DEPTH} levels deep`);
  return p;
}

/**
 * Changes to a tenant's tree shape (a new channel, a move) take turns: a move rewrites its subtree's
 * paths in one UPDATE, which would miss a child added under it meanwhile, and two crossing moves
 * (A under B, B under A) would each lock one row and wait for the other's. Both are operator actions,
 * rare next to reads, so one lock per tenant is cheap.
 */
const lockTree = (q: Sql, tenantId: string) => q.query('SELECT pg_advisory_xact_lock(7303, hashtext($1))', [tenantId]);

export async function createChannel(q: Sql, tenantId: string, input: ChannelInput, within: string | null = null): Promise<Channel> {
  if (within && !input.parent_id) throw new AppError(404, 'CHANNEL_NOT_FOUND', 'parent_id: a partner adds channels under its own');
  if (input.parent_id) await lockTree(q, tenantId);
  const parent = input.parent_id ? await parentFor(q, tenantId, input.parent_id, within) : null;
  const id = newId('chn');
  const r = await q.query<Channel>(
    `INSERT INTO channels (tenant_id, id, name, parent_id, path, depth, regions, store_tags, price_level)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLS}`,
    [
      tenantId,
      id,
      input.name,
      parent?.id ?? null,
      `${parent?.path ?? '/'}${id}/`,
      parent ? parent.depth + 1 : 0,
      cleanList('regions', input.regions) ?? [],
      cleanList('store_tags', input.store_tags) ?? [],
      input.price_level ?? null,
    ],
  );
  const c = r.rows[0];
  await emit(q, [{ tenantId, type: 'channel.created', at: c.created_at, channelId: c.id, data: { parent_id: c.parent_id, path: c.path } }]);
  return c;
}

/**
 * Change a channel; a new parent_id moves it with its subtree. A move under itself or under one of its
 * own descendants would make a loop: refused (CHANNEL_CYCLE). Moves take the tenant's tree lock first,
 * so of two crossing moves the second sees the first's paths and is refused, never a deadlock.
 */
export async function updateChannel(q: Sql, tenantId: string, id: string, patch: ChannelPatch, within: string | null = null): Promise<Channel> {
  if (patch.parent_id !== undefined) await lockTree(q, tenantId);
  const c = await findRow(q, tenantId, id, true);
  if (!c || (within && !c.path.includes(`/${within}/`))) throw notFound('channel');
  let path = c.path;
  let depth = c.depth;
  if (patch.parent_id !== undefined && patch.parent_id !== c.parent_id) {
    if (within && c.id === within) throw new AppError(403, 'FORBIDDEN', 'a partner does not move its own channel');
    if (patch.parent_id === null) {
      if (within) throw new AppError(404, 'CHANNEL_NOT_FOUND', 'parent_id: a partner keeps channels under its own');
      path = `/${id}/`;
      depth = 0;
    } else {
      if (patch.parent_id === id) throw cycle(id);
      const p = await parentFor(q, tenantId, patch.parent_id, within);
      if (p.path.startsWith(c.path)) throw cycle(id);
      path = `${p.path}${id}/`;
      depth = p.depth + 1;
      const deepest = await q.query<{ d: number }>(`SELECT coalesce(max(depth), 0) AS d FROM channels WHERE tenant_id = $1 AND path LIKE $2 || '%'`, [
        tenantId,
        c.path,
      ]);
      if (depth + (Number(deepest.rows[0].d) - c.depth) >= MAX_DEPTH)
        throw invalid('parent_id', 'too deep', `a channel tree is at most ${MAX_DEPTH} levels deep`);
    }
    await q.query(
      `UPDATE channels SET path = $3 || substr(path, length($2) + 1), depth = depth + $4, updated_at = now()
        WHERE tenant_id = $1 AND path LIKE $2 || '%' AND id <> $5`,
      [tenantId, c.path, path, depth - c.depth, id],
    );
  }
  const r = await q.query<Channel>(
    `UPDATE channels SET name = coalesce($3, name), parent_id = $4, path = $5, depth = $6, status = coalesce($7, status),
            regions = coalesce($8, regions), store_tags = coalesce($9, store_tags),
            price_level = CASE WHEN $10 THEN $11 ELSE price_level END, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
    [
      tenantId,
      id,
      patch.name ?? null,
      patch.parent_id === undefined ? c.parent_id : patch.parent_id,
      path,
      depth,
      patch.status ?? null,
      cleanList('regions', patch.regions) ?? null,
      cleanList('store_tags', patch.store_tags) ?? null,
      patch.price_level !== undefined,
      patch.price_level ?? null,
    ],
  );
  const u = r.rows[0];
  await emit(q, [{ tenantId, type: 'channel.updated', at: u.updated_at, channelId: id, data: changes(c, u) }]);
  return u;
}

const cycle = (id: string) =>
  new AppError(422, 'CHANNEL_CYCLE', 'parent_id: a channel cannot move under itself or its own subtree', {
    errors: [{ field: 'parent_id', reason: 'cycle' }],
    channel_id: id,
  });

function changes(a: Channel, b: Channel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['name', 'parent_id', 'status', 'regions', 'store_tags', 'price_level'] as const)
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = b[k];
  return out;
}

/** Every channel, or a partner's subtree (its own channel first), ordered as the tree reads: by path. */
export async function listChannels(q: Sql, tenantId: string, within: string | null = null): Promise<Channel[]> {
  const params: unknown[] = [tenantId];
  let where = '';
  if (within) {
    params.push(within);
    where = ` AND path LIKE (SELECT path FROM channels WHERE tenant_id = $1 AND id = $2) || '%'`;
  }
  return (await q.query<Channel>(`SELECT ${COLS} FROM channels WHERE tenant_id = $1${where} ORDER BY path`, params)).rows;
}

export async function getChannel(q: Sql, tenantId: string, id: string, within: string | null = null): Promise<Channel> {
  const c = await findRow(q, tenantId, id);
  if (!c || (within && !c.path.includes(`/${within}/`))) throw notFound('channel');
  return c;
}

export async function channelExists(q: Sql, tenantId: string, id: string): Promise<boolean> {
  return !!(await q.query('SELECT 1 FROM channels WHERE tenant_id = $1 AND id = $2', [tenantId, id])).rowCount;
}

/** A channel and every channel below it: what a partner of that channel sees. Empty if it does not exist. */
export async function subtreeIds(q: Sql, tenantId: string, id: string): Promise<string[]> {
  const r = await q.query<{ id: string }>(
    `SELECT id FROM channels WHERE tenant_id = $1 AND path LIKE (SELECT path FROM channels WHERE tenant_id = $1 AND id = $2) || '%'`,
    [tenantId, id],
  );
  return r.rows.map((x) => x.id);
}

/** The ids from the root down to a channel (its path as a list), for attribution. */
export async function pathOf(q: Sql, tenantId: string, id: string): Promise<string[] | null> {
  const c = await findRow(q, tenantId, id);
  return c ? c.path.split('/').filter(Boolean) : null;
}

/** Cards are issued through an active channel only: a suspended one (暂停合作) keeps what it has but gets no more. */
export async function requireActiveChannel(q: Sql, tenantId: string, id: string): Promise<void> {
  const c = await findRow(q, tenantId, id);
  if (!c) throw new AppError(404, 'CHANNEL_NOT_FOUND', 'channel_id: channel not found');
  if (c.status !== 'active') throw new AppError(409, 'CHANNEL_SUSPENDED', 'channel_id: this channel is suspended', { channel_id: id });
}
