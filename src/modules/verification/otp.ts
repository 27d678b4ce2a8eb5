import { randomInt } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import type { GuardedAction, SecondFactor } from '../../platform/guards.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { revealPhone } from '../members/service.js';
import { providerFor } from './settings.js';

/**
 * Second verification 二次验证 by SMS one-time code. `require` passes when the action carries a proof
 * (challenge_id + code) that is a live, unused code issued for this member and card; otherwise it
 * sends a code to the member's phone and answers 428 OTP_REQUIRED naming the challenge. Only an HMAC
 * of the code is kept; a challenge lives 5 minutes and takes 5 wrong codes; a new code for the same
 * member, card and action goes out at most once a minute (a request within the minute is told the
 * challenge already sent).
 */
export const TTL_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 5;
export const RESEND_MS = 60_000;

interface Challenge {
  id: string;
  member_id: string;
  card_id: string | null;
  action: string;
  code_hash: Uint8Array;
  phone_last4: string;
  attempts: number;
  sent_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

const hashOf = (ctx: Ctx, tenantId: string, id: string, code: string) => ctx.keys.hmac(`otp:${tenantId}:${id}:${code}`);
const masked = (last4: string) => `*******${last4}`;

const challenged = (c: Pick<Challenge, 'id' | 'phone_last4' | 'expires_at'>, reason: { zh: string; en: string }, retryAfter?: number) =>
  new AppError(
    428,
    'OTP_REQUIRED',
    `a one-time code was sent to the member's phone ending ${c.phone_last4}: resend with otp { challenge_id, code } (${reason.en})`,
    {
      challenge_id: c.id,
      phone_masked: masked(c.phone_last4),
      phone_last4: c.phone_last4,
      expires_at: new Date(c.expires_at).toISOString(),
      reason_zh: reason.zh,
      reason_en: reason.en,
      ...(retryAfter ? { resend_after: retryAfter } : {}),
    },
  );

async function load(ctx: Ctx, tenantId: string, id: string): Promise<Challenge | undefined> {
  const r = await ctx.db.query<Challenge>('SELECT * FROM otp_challenges WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  return r.rows[0];
}

/** Checks a proof against its challenge; a right code is used up (once, even under concurrent requests). */
export async function spendProof(ctx: Ctx, a: GuardedAction, proof: { challenge_id: string; code: string }): Promise<void> {
  const now = ctx.clock.now();
  const c = await load(ctx, a.tenantId, proof.challenge_id);
  const field = 'otp.challenge_id';
  if (!c) throw new AppError(403, 'OTP_INVALID', `${field}: no such challenge`, { errors: [{ field, reason: 'unknown challenge' }] });
  if (c.member_id !== (a.subjects.member_id ?? null) || c.card_id !== (a.subjects.card_id ?? null) || c.action !== a.action)
    throw new AppError(403, 'OTP_WRONG_CARD', `${field}: this code was sent for another card (${c.card_id ?? 'none'}) or action, not this one`, {
      errors: [{ field, reason: 'issued for another card' }],
      otp_card_id: c.card_id,
      card_id: a.subjects.card_id ?? null,
    });
  if (c.used_at) throw new AppError(403, 'OTP_USED', `${field}: this code was already used; ask for a new one`, { errors: [{ field, reason: 'used' }] });
  if (new Date(c.expires_at) <= now)
    throw new AppError(403, 'OTP_EXPIRED', `${field}: this code expired; ask for a new one`, { errors: [{ field, reason: 'expired' }] });
  if (c.attempts >= MAX_ATTEMPTS)
    throw new AppError(429, 'OTP_TOO_MANY_ATTEMPTS', `${field}: ${MAX_ATTEMPTS} wrong codes; ask for a new one`, {
      errors: [{ field, reason: 'too many attempts' }],
    });
  if (!Buffer.from(c.code_hash).equals(hashOf(ctx, a.tenantId, c.id, proof.code))) {
    const r = await ctx.db.query<{ attempts: number }>(
      'UPDATE otp_challenges SET attempts = attempts + 1 WHERE tenant_id = $1 AND id = $2 AND attempts < $3 RETURNING attempts',
      [a.tenantId, c.id, MAX_ATTEMPTS],
    );
    const left = MAX_ATTEMPTS - (r.rows[0]?.attempts ?? MAX_ATTEMPTS);
    throw new AppError(403, 'OTP_WRONG', `otp.code: wrong code (${left} tries left)`, {
      errors: [{ field: 'otp.code', reason: 'wrong code' }],
      attempts_left: left,
    });
  }
  const r = await ctx.db.query(
    'UPDATE otp_challenges SET used_at = $3 WHERE tenant_id = $1 AND id = $2 AND used_at IS NULL AND attempts < $4 AND expires_at > $3',
    [a.tenantId, c.id, now, MAX_ATTEMPTS],
  );
  if (!r.rowCount) throw new AppError(403, 'OTP_USED', `${field}: this code was already used; ask for a new one`, { errors: [{ field, reason: 'used' }] });
}

/** Sends a code for this action (or names the one sent within the last minute) and throws the 428. */
export async function challenge(ctx: Ctx, a: GuardedAction, reason: { zh: string; en: string }): Promise<never> {
  const memberId = a.subjects.member_id;
  if (!memberId)
    throw new AppError(409, 'OTP_NO_MEMBER', 'this card is held by no member: a one-time code has no phone to go to; ask an operator for an approval');
  const now = ctx.clock.now();
  const recent = await ctx.db.query<Challenge>(
    `SELECT * FROM otp_challenges WHERE tenant_id = $1 AND member_id = $2 AND card_id IS NOT DISTINCT FROM $3 AND action = $4
       AND used_at IS NULL AND attempts < $6 AND expires_at > $5 AND sent_at > $5::timestamptz - interval '60 seconds' ORDER BY sent_at DESC LIMIT 1`,
    [a.tenantId, memberId, a.subjects.card_id ?? null, a.action, now, MAX_ATTEMPTS],
  );
  if (recent.rows[0]) {
    const c = recent.rows[0];
    throw challenged(c, reason, Math.ceil((new Date(c.sent_at).getTime() + RESEND_MS - now.getTime()) / 1000));
  }
  const phone = await revealPhone(ctx.db, ctx.keys, a.tenantId, memberId);
  if (!phone)
    throw new AppError(409, 'OTP_NO_PHONE', `member ${memberId} has no phone number: a one-time code cannot be sent; ask an operator for an approval`, {
      member_id: memberId,
    });
  const id = newId('otp');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const c = { id, phone_last4: phone.slice(-4), expires_at: new Date(now.getTime() + TTL_MS) };
  await ctx.db.query(
    `INSERT INTO otp_challenges (tenant_id, id, member_id, card_id, action, code_hash, phone_last4, sent_at, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8)`,
    [a.tenantId, id, memberId, a.subjects.card_id ?? null, a.action, hashOf(ctx, a.tenantId, id, code), c.phone_last4, now, c.expires_at],
  );
  try {
    await (await providerFor(ctx, a.tenantId)).send(phone, { code, minutes: TTL_MS / 60_000 });
  } catch (e) {
    // never sent: the member may ask again at once
    await ctx.db.query('DELETE FROM otp_challenges WHERE tenant_id = $1 AND id = $2', [a.tenantId, id]);
    throw e;
  }
  throw challenged(c, reason);
}

export const smsFactor: SecondFactor = {
  async require(ctx, a, reason) {
    if (a.proof) return spendProof(ctx, a, a.proof);
    await challenge(ctx, a, reason);
  },
};
