import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { refusal } from '../../platform/problems/refusal.js';
import { batchLabels, getBatch } from '../batches/service.js';
import { templateNames } from '../templates/names.js';
import { packNames, tierNames } from './deps.js';

/**
 * 积分商城 items: what a member can exchange points for — a card of a batch or a benefit pack — with
 * its price (points, and cash in fen paid at the brand), stock, per-member limit, tiers and sale
 * window. An item is made as a draft (草稿), published (上架) and archived (下架); its kind and what it
 * gives (batch or pack) are fixed at creation, so every exchange of it gave the same thing.
 */
export type ItemStatus = 'draft' | 'published' | 'archived';
export interface ItemRow {
  id: string;
  name: string;
  description: string;
  image_url: string | null;
  kind: 'card' | 'pack';
  batch_id: string | null;
  pack_id: string | null;
  points: number;
  cash: number;
  stock: number | null;
  sold: number;
  per_member_limit: number | null;
  tier_ids: string[];
  sale_from: Date | null;
  sale_until: Date | null;
  status: ItemStatus;
  sort: number;
  created_at: Date;
  updated_at: Date;
}
export const ITEM_COLS =
  'id, name, description, image_url, kind, batch_id, pack_id, points, cash, stock, sold, per_member_limit, tier_ids, sale_from, sale_until, status, sort, created_at, updated_at';

export interface ItemTerms {
  name?: string;
  description?: string;
  image_url?: string | null;
  points?: number;
  cash?: number;
  stock?: number | null;
  per_member_limit?: number | null;
  tier_ids?: string[];
  sale_from?: string | null;
  sale_until?: string | null;
  sort?: number;
}
export interface ItemInput extends ItemTerms {
  name: string;
  kind: 'card' | 'pack';
  batch_id?: string;
  pack_id?: string;
  points: number;
}

export const notFoundItem = () => new AppError(404, 'MALL_ITEM_NOT_FOUND', 'mall item not found');

export async function getItem(q: Sql, tenantId: string, id: string): Promise<ItemRow> {
  const r = await q.query<ItemRow>(`SELECT ${ITEM_COLS} FROM mall_items WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw notFoundItem();
  return r.rows[0];
}

const when = (v: string | null | undefined) => (v ? new Date(v) : null);

/** Cross-field rules over the item as it will be (a PATCH merged over the row). */
async function checkTerms(q: Sql, tenantId: string, it: Pick<ItemRow, 'points' | 'cash' | 'tier_ids' | 'sale_from' | 'sale_until'>) {
  if (it.points + it.cash <= 0) throw invalid('points', 'an item costs points, cash or both: at least one above 0');
  if (it.sale_from && it.sale_until && it.sale_from >= it.sale_until) throw invalid('sale_until', 'the sale ends after it starts');
  if (new Set(it.tier_ids).size !== it.tier_ids.length) throw invalid('tier_ids', 'a tier is named twice');
  if (it.tier_ids.length) {
    const named = await tierNames(q, tenantId);
    const unknown = it.tier_ids.find((t) => !named.has(t));
    if (unknown) throw invalid('tier_ids', `no such tier: ${unknown}`);
  }
}

export async function createItem(q: Sql, tenantId: string, input: ItemInput, now: Date): Promise<ItemRow> {
  if (input.kind === 'card') {
    if (!input.batch_id) throw invalid('batch_id', 'a card item names the batch its cards are issued from');
    if (input.pack_id) throw invalid('pack_id', 'a card item gives a card of its batch, not a pack');
    await getBatch(q, tenantId, input.batch_id).catch((e) => {
      throw e instanceof AppError && e.status === 404 ? invalid('batch_id', 'no such batch') : e;
    });
  } else {
    if (!input.pack_id) throw invalid('pack_id', 'a pack item names the pack it grants');
    if (input.batch_id) throw invalid('batch_id', 'a pack item grants its pack, not a card of a batch');
    if (!(await packNames(q, tenantId, [input.pack_id])).has(input.pack_id)) throw invalid('pack_id', 'no such pack');
  }
  const row = {
    points: input.points,
    cash: input.cash ?? 0,
    tier_ids: input.tier_ids ?? [],
    sale_from: when(input.sale_from),
    sale_until: when(input.sale_until),
  };
  await checkTerms(q, tenantId, row);
  const r = await q.query<ItemRow>(
    `INSERT INTO mall_items (tenant_id, id, name, description, image_url, kind, batch_id, pack_id, points, cash, stock, per_member_limit,
       tier_ids, sale_from, sale_until, sort, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$17) RETURNING ${ITEM_COLS}`,
    [
      tenantId,
      newId('mit', now.getTime()),
      input.name,
      input.description ?? '',
      input.image_url ?? null,
      input.kind,
      input.kind === 'card' ? input.batch_id : null,
      input.kind === 'pack' ? input.pack_id : null,
      row.points,
      row.cash,
      input.stock ?? null,
      input.per_member_limit ?? null,
      row.tier_ids,
      row.sale_from,
      row.sale_until,
      input.sort ?? 0,
      now,
    ],
  );
  return r.rows[0]!;
}

/**
 * Change an item's terms. Stock is set as a whole number and may not go below what has already
 * sold: the condition is in the one UPDATE, so an exchange that sells meanwhile is always counted.
 */
export async function updateItem(q: Sql, tenantId: string, id: string, patch: ItemTerms, now: Date): Promise<ItemRow> {
  const cur = await getItem(q, tenantId, id);
  const has = (k: keyof ItemTerms) => Object.hasOwn(patch, k);
  const next = {
    name: patch.name ?? cur.name,
    description: patch.description ?? cur.description,
    image_url: has('image_url') ? (patch.image_url ?? null) : cur.image_url,
    points: patch.points ?? Number(cur.points),
    cash: patch.cash ?? Number(cur.cash),
    stock: has('stock') ? (patch.stock ?? null) : cur.stock === null ? null : Number(cur.stock),
    per_member_limit: has('per_member_limit') ? (patch.per_member_limit ?? null) : cur.per_member_limit,
    tier_ids: patch.tier_ids ?? cur.tier_ids,
    sale_from: has('sale_from') ? when(patch.sale_from) : cur.sale_from,
    sale_until: has('sale_until') ? when(patch.sale_until) : cur.sale_until,
    sort: patch.sort ?? cur.sort,
  };
  await checkTerms(q, tenantId, next);
  const r = await q.query<ItemRow>(
    `UPDATE mall_items SET name = $3, description = $4, image_url = $5, points = $6, cash = $7, stock = $8, per_member_limit = $9,
       tier_ids = $10, sale_from = $11, sale_until = $12, sort = $13, updated_at = $14
     WHERE tenant_id = $1 AND id = $2 AND ($8::bigint IS NULL OR sold <= $8::bigint) RETURNING ${ITEM_COLS}`,
    [
      tenantId,
      id,
      next.name,
      next.description,
      next.image_url,
      next.points,
      next.cash,
      next.stock,
      next.per_member_limit,
      next.tier_ids,
      next.sale_from,
      next.sale_until,
      next.sort,
      now,
    ],
  );
  if (r.rows[0]) return r.rows[0];
  const sold = Number((await getItem(q, tenantId, id)).sold);
  throw refusal(
    'MALL_STOCK_BELOW_SOLD',
    `stock: ${next.stock} is below the ${sold} already exchanged`,
    { sold },
    { errors: [{ field: 'stock', reason: 'below sold' }] },
  );
}

/** 上架 / 下架: publish a draft or an archived item, or take a published one off the shelf. */
export async function setStatus(q: Sql, tenantId: string, id: string, to: 'published' | 'archived', now: Date): Promise<ItemRow> {
  const r = await q.query<ItemRow>(`UPDATE mall_items SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 RETURNING ${ITEM_COLS}`, [
    tenantId,
    id,
    to,
    now,
  ]);
  if (!r.rows[0]) throw notFoundItem();
  return r.rows[0];
}

/** Names beside ids for the screens: what each item gives (the batch's template, or the pack) and its tiers. */
export async function itemViews(q: Sql, tenantId: string, rows: ItemRow[]) {
  const batchIds = [...new Set(rows.map((r) => r.batch_id).filter((x): x is string => !!x))];
  const batchTemplate = new Map([...(await batchLabels(q, tenantId, batchIds))].map(([id, b]) => [id, b.template_id]));
  const templates = await templateNames(q, tenantId, [...new Set(batchTemplate.values())]);
  const packIds = [...new Set(rows.map((r) => r.pack_id).filter((x): x is string => !!x))];
  const packs = packIds.length ? await packNames(q, tenantId, packIds) : new Map<string, string>();
  const tiers = rows.some((r) => r.tier_ids.length) ? await tierNames(q, tenantId) : new Map<string, string>();
  return rows.map((r) => itemView(r, r.batch_id ? (templates.get(batchTemplate.get(r.batch_id)!) ?? null) : (packs.get(r.pack_id!) ?? null), tiers));
}

export function itemView(r: ItemRow, gives: string | null, tiers: Map<string, string>) {
  const stock = r.stock === null ? null : Number(r.stock);
  const sold = Number(r.sold);
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    image_url: r.image_url,
    kind: r.kind,
    batch_id: r.batch_id,
    pack_id: r.pack_id,
    gives_name: gives,
    points: Number(r.points),
    cash: Number(r.cash),
    stock,
    sold,
    left: stock === null ? null : stock - sold,
    per_member_limit: r.per_member_limit,
    tier_ids: r.tier_ids,
    tier_names: r.tier_ids.map((t) => tiers.get(t) ?? t),
    sale_from: r.sale_from,
    sale_until: r.sale_until,
    status: r.status,
    sort: r.sort,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}
export type ItemView = ReturnType<typeof itemView>;
