import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { getExport } from '../batches/exports.js';
import { exportedCards } from '../cards/read.js';
import { MAX_CARDS } from './model.js';

/**
 * Where a delivery's cards come from 卡券来源. A delivery takes card ids; each source turns what the
 * operator names into them: the ids themselves, or the cards a batch export took out of stock.
 * (A wholesale order adds its own source: the cards it fulfilled.)
 */
export async function cardIdsOfExport(q: Sql, tenantId: string, batchId: string, exportId: string): Promise<string[]> {
  const e = await getExport(q, tenantId, batchId, exportId);
  const ids: string[] = [];
  let after = -1;
  for (;;) {
    const rows = await exportedCards(q, tenantId, e, after, 1000);
    if (!rows.length) break;
    ids.push(...rows.map((c) => c.id));
    after = Math.max(...rows.map((c) => Number(c.seq)));
    if (ids.length > MAX_CARDS)
      throw new AppError(422, 'DELIVERY_INVALID', `export: more than ${MAX_CARDS} cards; deliver them in several deliveries`, {
        errors: [{ field: 'export', reason: 'too many cards' }],
      });
  }
  return ids;
}
