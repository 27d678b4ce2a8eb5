import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { namesObject, resolveNames } from '../../platform/names.js';
import { getPackRow } from './define.js';
import { PACK_COLS, ODDS_TOTAL, type PackRow } from './model.js';
import { GRANT_SELECT, grantView } from './service.js';

/** Reading packs: the published odds with each prize's stock left and its odds among what is in stock now. */
export const ODDS_NOTE = {
  zh: '公示概率：每次抽取只在仍有库存的奖品中进行，已抽完的奖品不再出现，其余奖品按公示概率的比例重新归一（见“当前概率”）。',
  en: 'Published odds: each draw is among the prizes still in stock; a prize that is gone never comes up, and the others keep their published odds in proportion (see "odds now").',
};

interface PrizeRow {
  id: string;
  pack_id: string;
  name: string;
  odds_bp: number;
  stock: number | null;
  taken: number;
  top: boolean;
}
interface ItemRow {
  pack_id: string;
  prize_id: string | null;
  template_id: string;
  quantity: number;
}

async function views(q: Sql, tenantId: string, packs: PackRow[]) {
  if (!packs.length) return [];
  const ids = packs.map((p) => p.id);
  const prizes = (
    await q.query<PrizeRow>(
      'SELECT id, pack_id, name, odds_bp, stock, taken, top FROM pack_prizes WHERE tenant_id = $1 AND pack_id = ANY($2::text[]) ORDER BY seq',
      [tenantId, ids],
    )
  ).rows;
  const items = (
    await q.query<ItemRow>('SELECT pack_id, prize_id, template_id, quantity FROM pack_items WHERE tenant_id = $1 AND pack_id = ANY($2::text[]) ORDER BY seq', [
      tenantId,
      ids,
    ])
  ).rows;
  const granted = (
    await q.query<{ pack_id: string; n: number }>(
      'SELECT pack_id, count(*)::int AS n FROM pack_grants WHERE tenant_id = $1 AND pack_id = ANY($2::text[]) GROUP BY pack_id',
      [tenantId, ids],
    )
  ).rows;
  const names = await resolveNames(
    q,
    tenantId,
    items.map((i) => i.template_id),
  );
  const itemsOf = (packId: string, prizeId: string | null) =>
    items
      .filter((i) => i.pack_id === packId && i.prize_id === prizeId)
      .map((i) => ({ template_id: i.template_id, template_name: names.get(i.template_id) ?? null, quantity: i.quantity }));
  return packs.map((p) => {
    const mine = prizes.filter((z) => z.pack_id === p.id);
    const inStock = mine.filter((z) => z.stock === null || z.taken < z.stock);
    const sum = inStock.reduce((s, z) => s + z.odds_bp, 0);
    return {
      ...p,
      items: p.kind === 'fixed' ? itemsOf(p.id, null) : [],
      prizes: mine.map((z) => {
        const left = z.stock === null ? null : z.stock - z.taken;
        return {
          id: z.id,
          name: z.name,
          odds_bp: z.odds_bp,
          stock: z.stock,
          taken: z.taken,
          remaining: left,
          top: z.top,
          // the odds this prize is drawn with now: its published odds over the odds of the prizes in stock
          odds_now_bp: left === 0 || !sum ? 0 : Math.round((z.odds_bp * ODDS_TOTAL) / sum),
          items: itemsOf(p.id, z.id),
        };
      }),
      sold_out: p.kind === 'random' && !inStock.length,
      granted: granted.find((g) => g.pack_id === p.id)?.n ?? 0,
      odds_note: p.kind === 'random' ? ODDS_NOTE : null,
    };
  });
}

export async function listPacks(q: Sql, tenantId: string, page: { limit?: number; cursor?: string; status?: string; kind?: string }) {
  const limit = page.limit ?? 50;
  const r = await q.query<PackRow>(
    `SELECT ${PACK_COLS} FROM packs WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3)
       AND ($4::text IS NULL OR id < $4) ORDER BY id DESC LIMIT $5`,
    [tenantId, page.status ?? null, page.kind ?? null, decodeCursor(page.cursor), limit + 1],
  );
  return pageOf(await views(q, tenantId, r.rows), limit);
}

export async function packDetail(q: Sql, tenantId: string, id: string) {
  return (await views(q, tenantId, [await getPackRow(q, tenantId, id)]))[0]!;
}

/** Grants, newest first: of a pack, of a member (a member caller: only their own), with the cards and the prize. */
export async function listGrants(q: Sql, caller: Caller, page: { limit?: number; cursor?: string; pack_id?: string; member_id?: string }) {
  const limit = page.limit ?? 50;
  const member = caller.role === 'member' ? (caller.memberId ?? '-') : (page.member_id ?? null);
  const r = await q.query(
    `${GRANT_SELECT} WHERE g.tenant_id = $1 AND ($2::text IS NULL OR g.pack_id = $2) AND ($3::text IS NULL OR g.member_id = $3)
       AND ($4::text IS NULL OR g.id < $4) ORDER BY g.id DESC LIMIT $5`,
    [caller.tenantId, page.pack_id ?? null, member, decodeCursor(page.cursor), limit + 1],
  );
  const out = pageOf(r.rows.map(grantView), limit);
  const ids = out.data.flatMap((g) => [g.pack_id, g.member_id, ...g.cards.map((c) => c.id)]);
  const names = await resolveNames(q, caller.tenantId, caller.role === 'member' ? ids.filter((i) => !i.startsWith('mem_')) : ids);
  return { ...out, names: namesObject(names) };
}

/** Every draw of a pack with its random source (value and range), the prizes it was drawn among, and the outcome. */
export async function listDraws(q: Sql, tenantId: string, packId: string, page: { limit?: number; cursor?: string }) {
  await getPackRow(q, tenantId, packId);
  const limit = page.limit ?? 50;
  const r = await q.query(
    `SELECT d.id, d.grant_id, d.member_id, d.prize_id, z.name AS prize_name, d.source, d.value, d.range, d.candidates, d.guaranteed, d.attempts,
       d.top, d.streak, d.created_at
     FROM pack_draws d JOIN pack_prizes z ON z.tenant_id = d.tenant_id AND z.id = d.prize_id
     WHERE d.tenant_id = $1 AND d.pack_id = $2 AND ($3::text IS NULL OR d.id < $3) ORDER BY d.id DESC LIMIT $4`,
    [tenantId, packId, decodeCursor(page.cursor), limit + 1],
  );
  const out = pageOf(r.rows as any[], limit);
  return {
    ...out,
    names: namesObject(
      await resolveNames(
        q,
        tenantId,
        out.data.map((d: any) => d.member_id),
      ),
    ),
  };
}
