import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { getMember } from '../members/service.js';
import { getTemplate } from '../templates/service.js';
import { getStore } from '../stores/service.js';
import { findById } from '../cards/lookup.js';
import { cardEventName } from './trace.js';

/**
 * A member's history 会员动态: what happened to them and their cards (issued, bound, redeemed, topped
 * up, gifted, expired …), newest first, with the names a person reads — the card's name and the
 * store's — and the amounts the events carry. A read model over the event log (the events_member
 * index) and the templates, stores and cards it names.
 */
export interface HistoryItem {
  id: number;
  type: string;
  /** the event, named (the catalogue's names) */
  zh: string;
  en: string;
  at: Date;
  card_id: string | null;
  card_name: string | null;
  kind: string | null;
  code_tail: string | null;
  store_name: string | null;
  amount: number;
  bonus: number;
  uses: number;
  stamps: number;
}

const cursorOf = (c: string | undefined) => {
  if (c === undefined) return null;
  if (!/^\d{1,18}$/.test(c))
    throw new AppError(422, 'VALIDATION_FAILED', 'cursor: not a cursor of this list', { errors: [{ field: 'cursor', reason: 'invalid' }] });
  return c;
};

/** A name for each distinct id, looked up once (a page names a handful of cards, templates and stores). */
async function names<T>(ids: (string | null)[], get: (id: string) => Promise<T>): Promise<Map<string, T | null>> {
  const out = new Map<string, T | null>();
  for (const id of new Set(ids.filter((x): x is string => !!x))) out.set(id, await get(id).catch(() => null));
  return out;
}

export async function memberHistory(q: Sql, tenantId: string, memberId: string, opts: { limit: number; cursor?: string }) {
  const m = await getMember(q, tenantId, memberId);
  const rows = (
    await q.query<{ id: string; type: string; card_id: string | null; template_id: string | null; store_id: string | null; data: any; created_at: Date }>(
      `SELECT id, substr(event_type, 6) AS type, card_id, template_id, store_id, data, created_at FROM events
       WHERE tenant_id = $1 AND member_id = $2 AND event_type LIKE 'card.%' AND ($3::int8 IS NULL OR id < $3)
       ORDER BY id DESC LIMIT $4`,
      [tenantId, m.id, cursorOf(opts.cursor), opts.limit + 1],
    )
  ).rows;
  const page = rows.slice(0, opts.limit);
  const templates = await names(
    page.map((r) => r.template_id),
    (id) => getTemplate(q, tenantId, id),
  );
  const stores = await names(
    page.map((r) => r.store_id),
    (id) => getStore(q, tenantId, id),
  );
  const cards = await names(
    page.map((r) => r.card_id),
    (id) => findById(q, tenantId, id),
  );
  const n = (v: unknown) => Number(v ?? 0) || 0;
  const data: HistoryItem[] = page.map((r) => {
    const t = r.template_id ? templates.get(r.template_id) : null;
    return {
      id: Number(r.id),
      type: r.type,
      ...cardEventName(r.type),
      at: r.created_at,
      card_id: r.card_id,
      card_name: t?.name ?? null,
      kind: t?.kind ?? null,
      code_tail: (r.card_id && cards.get(r.card_id)?.code_tail) || null,
      store_name: (r.store_id && stores.get(r.store_id)?.name) || null,
      amount: n(r.data?.amount),
      bonus: n(r.data?.bonus),
      uses: n(r.data?.uses),
      stamps: n(r.data?.stamps),
    };
  });
  return { data, next_cursor: rows.length > opts.limit ? String(page.at(-1)!.id) : null };
}
