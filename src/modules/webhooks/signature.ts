import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new signing secret. The whole string, prefix included, is the HMAC key. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** `Kaquan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>` (Stripe style). */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, `${t}.${body}`)}`;
}

/**
 * What a receiver does (docs/webhooks.md shows the same in a few lines): recompute the HMAC over the
 * raw body, compare in constant time, and refuse stale timestamps so a captured request cannot be replayed.
 */
export function verifySignature(secret: string, header: string, body: string, opts: { now?: Date; toleranceSec?: number } = {}): boolean {
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const [k, v] = item.split('=', 2).map((s) => s?.trim());
    if (k && v) parts.set(k, [...(parts.get(k) ?? []), v]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t)) return false;
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(hmacHex(secret, `${t}.${body}`), 'hex');
  return (parts.get('v1') ?? []).some((v) => {
    const got = Buffer.from(v, 'hex');
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}

function hmacHex(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data, 'utf8').digest('hex');
}
