import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { allowedStoreNames } from '../stores/names.js';

/**
 * The rules (rules.ts) are pure and know the stores a card is good at only by id or tag; a clerk
 * reads their names. A store refusal gets `allowed_stores` (names) here, where the database is at
 * hand: on the check's answer and on the redemption's problem. Anything else passes through.
 */
export async function explainRefusal(q: Sql, tenantId: string, e: unknown): Promise<unknown> {
  if (!(e instanceof AppError) || e.code !== 'RULE_STORE_NOT_ALLOWED' || e.extra.allowed_stores) return e;
  const x = e.extra as { allowed_store_ids?: string[]; allowed_store_tags?: string[] };
  const names = await allowedStoreNames(q, tenantId, x.allowed_store_ids, x.allowed_store_tags).catch(() => []);
  return names.length ? new AppError(e.status, e.code, e.message, { ...e.extra, allowed_stores: names }) : e;
}
