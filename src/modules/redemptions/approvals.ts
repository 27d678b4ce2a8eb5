import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { findById } from '../cards/lookup.js';

/** 二次验证: an operator's one-time approval of a high-value redemption (15 minutes, single use, optional max amount). */
export async function createApproval(q: Sql, caller: Caller, cardId: string, maxAmount: number | undefined, now: Date) {
  await findById(q, caller.tenantId, cardId);
  const id = newId('apr');
  const expires = new Date(now.getTime() + 15 * 60_000);
  await q.query('INSERT INTO redemption_approvals (tenant_id, id, card_id, max_amount, approved_by, expires_at, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
    caller.tenantId,
    id,
    cardId,
    maxAmount ?? null,
    caller.keyId,
    expires,
    now,
  ]);
  return { id, card_id: cardId, max_amount: maxAmount ?? null, expires_at: expires };
}

/** Spends an approval on a redemption of `value`: once, before it expires, up to its amount. */
export async function spendApproval(q: Sql, tenantId: string, id: string, cardId: string, value: number, now: Date) {
  const r = await q.query(
    `UPDATE redemption_approvals SET used_at = $5 WHERE tenant_id = $1 AND id = $2 AND card_id = $3 AND used_at IS NULL
       AND expires_at > $5 AND (max_amount IS NULL OR max_amount >= $4)`,
    [tenantId, id, cardId, value, now],
  );
  if (!r.rowCount) throw new AppError(403, 'VERIFICATION_INVALID', 'approval_id: unknown, used, expired, for another card, or below this amount');
}
