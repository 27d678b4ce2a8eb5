import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Keyring } from '../../secrets.js';

/**
 * Signed member wallet links 会员钱包链接: `<publicUrl>/wallet#t=<token>`, token =
 * base64url(JSON {tenant_id, member_id, exp, iat}) + "." + base64url(HMAC-SHA256(k, payload)).
 * `iat` (ms) lets an operator revoke every link signed before a moment (members.wallet_links_valid_from).
 * k is derived from the keyring's HMAC key for this one purpose, so it is never a constant and
 * changes with the deployment's keys. The token sits in the URL fragment: browsers never send it
 * to a server in a request line or Referer, only in the Authorization header the page sets.
 */
export interface WalletClaims {
  tenant_id: string;
  member_id: string;
  exp: number; // unix seconds
  iat?: number; // unix ms; links signed before iat existed count as signed at 0
}

const signingKey = (keys: Keyring) => keys.hmac('purpose:wallet-link-signing:v1');
const sign = (keys: Keyring, payload: string) => createHmac('sha256', signingKey(keys)).update(payload).digest();

export function signWalletToken(keys: Keyring, claims: WalletClaims): string {
  const payload = Buffer.from(JSON.stringify({ tenant_id: claims.tenant_id, member_id: claims.member_id, exp: claims.exp, iat: claims.iat })).toString(
    'base64url',
  );
  return `${payload}.${sign(keys, payload).toString('base64url')}`;
}

export const refuse = () => new AppError(401, 'WALLET_LINK_INVALID', 'this wallet link is not valid or has expired; ask for a new one');

export function verifyWalletToken(keys: Keyring, token: string, now: Date): WalletClaims {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined || token.length > 1000) throw refuse();
  const expected = sign(keys, payload);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse();
  let claims: WalletClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (typeof claims.tenant_id !== 'string' || typeof claims.member_id !== 'string' || typeof claims.exp !== 'number') throw refuse();
  if (claims.exp * 1000 <= now.getTime()) throw refuse();
  if (claims.iat !== undefined && typeof claims.iat !== 'number') throw refuse();
  return claims;
}
