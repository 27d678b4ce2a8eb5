import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.js';

/**
 * Dynamic codes 动态码: RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) over a per-card secret, in
 * a payload the wallet's QR carries: `KQ1.<card id>.<6 digits>`. The card id names the card without
 * its printed code; the digits prove the holder has the wallet open now. Pure: no database.
 */
export const STEP_S = 30;
export const DIGITS = 6;
export const PREFIX = 'KQ1.';
const PAYLOAD = /^KQ1\.([a-z0-9_]{1,64})\.(\d{6})$/;

/** RFC 4226 HOTP: dynamic truncation of HMAC-SHA1(secret, counter). */
export function hotp(secret: Buffer, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', secret).update(msg).digest();
  const off = h[h.length - 1]! & 0x0f;
  const bin = ((h[off]! & 0x7f) << 24) | (h[off + 1]! << 16) | (h[off + 2]! << 8) | h[off + 3]!;
  return String(bin % 10 ** DIGITS).padStart(DIGITS, '0');
}

export const stepAt = (ms: number) => Math.floor(ms / 1000 / STEP_S);
export const totp = (secret: Buffer, ms: number) => hotp(secret, stepAt(ms));

/** The step (now, the one before, the one after) whose code this is, or null: a code is valid for its step ±1. */
export function matchStep(secret: Buffer, code: string, ms: number): number | null {
  const now = stepAt(ms);
  for (const s of [now, now - 1, now + 1]) {
    if (timingSafeEqual(Buffer.from(hotp(secret, s)), Buffer.from(code))) return s;
  }
  return null;
}

export const isDynamicPayload = (code: string | undefined | null): boolean => !!code && code.trim().toUpperCase().startsWith(PREFIX);

/** The card id and digits of a payload; a code that starts like one but is not: a 422 naming the field. */
export function parsePayload(input: string, field = 'code'): { cardId: string; digits: string } {
  const m = PAYLOAD.exec(input.trim().replace(/^kq1\./, 'KQ1.'));
  if (!m)
    throw new AppError(422, 'DYNAMIC_CODE_MALFORMED', `${field}: a dynamic code reads KQ1.<card>.<6 digits>; scan the wallet's QR code again`, {
      errors: [{ field, reason: 'malformed dynamic code' }],
    });
  return { cardId: m[1]!, digits: m[2]! };
}

export const payloadOf = (cardId: string, digits: string) => `${PREFIX}${cardId}.${digits}`;
