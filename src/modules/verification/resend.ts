import { randomInt } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { revealPhone } from '../members/service.js';
import { providerFor } from './settings.js';
import { RESEND_MS, TTL_MS } from './otp.js';

/** A new code for a live challenge (the old one stops working), at most once a minute. */
export async function resend(ctx: Ctx, q: Sql, caller: Caller, id: string) {
  const now = ctx.clock.now();
  const r = await q.query<{ member_id: string; sent_at: Date; used_at: Date | null; phone_last4: string }>(
    'SELECT member_id, sent_at, used_at, phone_last4 FROM otp_challenges WHERE tenant_id = $1 AND id = $2',
    [caller.tenantId, id],
  );
  const c = r.rows[0];
  if (!c) throw new AppError(403, 'OTP_INVALID', 'no such challenge');
  if (c.used_at) throw new AppError(403, 'OTP_USED', 'this code was already used');
  const wait = new Date(c.sent_at).getTime() + RESEND_MS - now.getTime();
  if (wait > 0)
    throw new AppError(429, 'OTP_RESEND_TOO_SOON', `a code was sent less than a minute ago: resend in ${Math.ceil(wait / 1000)} s`, {
      retry_after: Math.ceil(wait / 1000),
    });
  const phone = await revealPhone(q, ctx.keys, caller.tenantId, c.member_id);
  if (!phone) throw new AppError(409, 'OTP_NO_PHONE', `member ${c.member_id} has no phone number`, { member_id: c.member_id });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expires = new Date(now.getTime() + TTL_MS);
  // the minute is taken before sending: two resends at once send one code
  const taken = await q.query(
    `UPDATE otp_challenges SET code_hash = $3, sent_at = $4, expires_at = $5, attempts = 0
      WHERE tenant_id = $1 AND id = $2 AND used_at IS NULL AND sent_at <= $6`,
    [caller.tenantId, id, ctx.keys.hmac(`otp:${caller.tenantId}:${id}:${code}`), now, expires, new Date(now.getTime() - RESEND_MS)],
  );
  if (!taken.rowCount) throw new AppError(429, 'OTP_RESEND_TOO_SOON', 'a code was just sent: wait a minute', { retry_after: 60 });
  await (await providerFor(ctx, caller.tenantId, q)).send(phone, { code, minutes: TTL_MS / 60_000 });
  return { id, challenge_id: id, phone_masked: `*******${c.phone_last4}`, expires_at: expires };
}
