import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { refusal } from '../../platform/problems/refusal.js';
import { getTemplate } from '../templates/service.js';

/** Benefit packs 权益礼包: the rows, the definitions a caller sends, and their checks. */
export type PackKind = 'fixed' | 'random';
export type PackStatus = 'draft' | 'live' | 'retired';

export interface PackRow {
  id: string;
  name: string;
  description: string | null;
  kind: PackKind;
  status: PackStatus;
  version: number;
  previous_id: string | null;
  replaced_by: string | null;
  guarantee_after: number | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  retired_at: Date | null;
}
export const PACK_COLS =
  'id, name, description, kind, status, version, previous_id, replaced_by, guarantee_after, created_at, updated_at, published_at, retired_at';

export interface ItemInput {
  template_id: string;
  quantity: number;
}
export interface PrizeInput {
  name: string;
  odds_bp: number;
  stock: number | null;
  top?: boolean;
  items: ItemInput[];
}
/** A pack's definition: what it gives (fixed items, or prizes with odds and stock) and the guarantee. */
export interface PackDefinition {
  name: string;
  description?: string | null;
  kind: PackKind;
  items?: ItemInput[];
  prizes?: PrizeInput[];
  guarantee_after?: number | null;
}

export const ODDS_TOTAL = 10_000;

const templateMissing = (field: string) =>
  new AppError(404, 'TEMPLATE_NOT_FOUND', `${field}: template not found`, { errors: [{ field, reason: 'not found' }] });

/** Every rule of a definition, each refusal naming its field; the templates must be this tenant's and active. */
export async function checkDefinition(q: Sql, tenantId: string, d: PackDefinition): Promise<void> {
  if (!d.name.trim()) throw invalid('name', 'must not be blank');
  const checkItems = async (items: ItemInput[], path: string) => {
    if (!items.length) throw invalid(path, 'at least one item');
    for (const [i, it] of items.entries()) {
      const field = `${path}[${i}].template_id`;
      if (it.quantity < 1) throw invalid(`${path}[${i}].quantity`, 'at least 1');
      const t = await getTemplate(q, tenantId, it.template_id).catch(() => null);
      if (!t) throw templateMissing(field);
      if (t.status !== 'active') throw invalid(field, 'the template is archived');
    }
  };
  if (d.kind === 'fixed') {
    if (d.prizes?.length) throw invalid('prizes', 'a fixed pack has items, not prizes');
    if (d.guarantee_after != null) throw invalid('guarantee_after', 'only a random pack has a guarantee');
    await checkItems(d.items ?? [], 'items');
    return;
  }
  if (d.items?.length) throw invalid('items', 'a random pack gives its prizes’ items, not items of its own');
  const prizes = d.prizes ?? [];
  if (!prizes.length) throw invalid('prizes', 'a random pack needs at least one prize');
  for (const [i, p] of prizes.entries()) {
    if (!p.name.trim()) throw invalid(`prizes[${i}].name`, 'must not be blank');
    if (p.odds_bp < 1) throw invalid(`prizes[${i}].odds_bp`, 'at least 1 basis point');
    if (p.stock !== null && p.stock < 0) throw invalid(`prizes[${i}].stock`, 'at least 0, or null for unlimited');
    await checkItems(p.items, `prizes[${i}].items`);
  }
  const total = prizes.reduce((s, p) => s + p.odds_bp, 0);
  if (total !== ODDS_TOTAL)
    throw refusal(
      'PACK_ODDS_INVALID',
      `prizes: odds add up to ${total} basis points, not ${ODDS_TOTAL}`,
      { total },
      { errors: [{ field: 'prizes', reason: `odds add up to ${total}, not ${ODDS_TOTAL}` }] },
    );
  if (d.guarantee_after != null) {
    if (d.guarantee_after < 1) throw invalid('guarantee_after', 'at least 1');
    if (!prizes.some((p) => p.top)) throw invalid('guarantee_after', 'a guarantee needs at least one top prize (top: true)');
  }
}
