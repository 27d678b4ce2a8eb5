import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { getTemplate } from '../templates/service.js';

/** One price level's price for one template, in fen (价格表的一行). */
export interface PriceRow {
  price_level: string;
  template_id: string;
  wholesale_price: number;
  retail_price: number | null;
  floor_price: number;
  below_floor: 'refuse' | 'flag';
  updated_at: Date;
}
export interface PriceInput {
  wholesale_price: number;
  retail_price?: number | null;
  floor_price?: number;
  below_floor?: 'refuse' | 'flag';
}
const COLS = 'price_level, template_id, wholesale_price, retail_price, floor_price, below_floor, updated_at';
const num = (r: PriceRow): PriceRow => ({
  ...r,
  wholesale_price: Number(r.wholesale_price),
  retail_price: r.retail_price === null ? null : Number(r.retail_price),
  floor_price: Number(r.floor_price),
});

/** Sets (or replaces) a level's price for a template. A floor above the wholesale price is refused. */
export async function setPrice(q: Sql, tenantId: string, level: string, templateId: string, p: PriceInput, at: Date): Promise<PriceRow> {
  await getTemplate(q, tenantId, templateId); // 404 for a template that does not exist
  const floor = p.floor_price ?? 0;
  if (floor > p.wholesale_price)
    throw new AppError(422, 'PRICE_INVALID', 'floor_price: not above the wholesale price', {
      errors: [{ field: 'floor_price', reason: 'not above the wholesale price' }],
    });
  const r = await q.query<PriceRow>(
    `INSERT INTO wholesale_prices (tenant_id, price_level, template_id, wholesale_price, retail_price, floor_price, below_floor, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, price_level, template_id) DO UPDATE SET wholesale_price = $4, retail_price = $5, floor_price = $6, below_floor = $7, updated_at = $8
     RETURNING ${COLS}`,
    [tenantId, level, templateId, p.wholesale_price, p.retail_price ?? null, floor, p.below_floor ?? 'refuse', at],
  );
  return num(r.rows[0]!);
}

/** A level's price list, or every level's when none is named. */
export async function listPrices(q: Sql, tenantId: string, level?: string): Promise<PriceRow[]> {
  const r = await q.query<PriceRow>(
    `SELECT ${COLS} FROM wholesale_prices WHERE tenant_id = $1 AND ($2::text IS NULL OR price_level = $2) ORDER BY price_level, template_id`,
    [tenantId, level ?? null],
  );
  return r.rows.map(num);
}

export async function deletePrice(q: Sql, tenantId: string, level: string, templateId: string): Promise<{ id: string; deleted: boolean }> {
  const r = await q.query('DELETE FROM wholesale_prices WHERE tenant_id = $1 AND price_level = $2 AND template_id = $3', [tenantId, level, templateId]);
  if (!r.rowCount) throw new AppError(422, 'PRICE_NOT_FOUND', `price level ${level} has no price for template ${templateId}`, { price_level: level });
  return { id: `${level}/${templateId}`, deleted: true };
}

/** The level's price for a template; a template the level has no price for is refused (naming the field). */
export async function priceOf(q: Sql, tenantId: string, level: string, templateId: string, field: string): Promise<PriceRow> {
  const r = await q.query<PriceRow>(`SELECT ${COLS} FROM wholesale_prices WHERE tenant_id = $1 AND price_level = $2 AND template_id = $3`, [
    tenantId,
    level,
    templateId,
  ]);
  if (!r.rows[0])
    throw new AppError(422, 'PRICE_NOT_FOUND', `${field}: price level ${level} has no wholesale price for template ${templateId}`, {
      price_level: level,
      errors: [{ field, reason: 'no price for this template at the price level' }],
    });
  return num(r.rows[0]);
}
