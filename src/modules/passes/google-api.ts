import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import type { GoogleObjectType } from './google.js';
import type { GoogleSettings } from './settings.js';

/**
 * The Google Wallet API as a pass update needs it: PATCH one object. `missing`: Google has no such
 * object (the member never opened the save link) — nothing to update, not a failure.
 */
export interface GoogleWalletApi {
  patchObject(s: GoogleSettings, type: GoogleObjectType, objectId: string, body: Record<string, unknown>): Promise<{ status: number; missing: boolean }>;
}

const SCOPE = 'https://www.googleapis.com/auth/wallet_object.issuer';

/**
 * Google's REST API (walletobjects/v1) with an OAuth access token from the service account's signed
 * assertion (RFC 7523 JWT bearer grant). Tokens are kept per service account until shortly before they end.
 */
export function googleWalletApi(opts: { apiUrl?: string; tokenUrl?: string; now?: () => Date } = {}): GoogleWalletApi {
  const apiUrl = opts.apiUrl ?? 'https://walletobjects.googleapis.com';
  const tokenUrl = opts.tokenUrl ?? 'https://oauth2.googleapis.com/token';
  const now = opts.now ?? (() => new Date());
  const tokens = new Map<string, { token: string; until: number }>();

  async function token(s: GoogleSettings): Promise<string> {
    const kept = tokens.get(s.service_account_email);
    const at = now().getTime();
    if (kept && kept.until > at + 60_000) return kept.token;
    const iat = Math.floor(at / 1000);
    const assertion = await new SignJWT({ scope: SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(s.service_account_email)
      .setAudience(tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3600)
      .sign(createPrivateKey(s.private_key_pem));
    const r = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!r.ok) throw new Error(`Google refused the service account's token request (${r.status})`);
    const j = (await r.json()) as { access_token: string; expires_in?: number };
    tokens.set(s.service_account_email, { token: j.access_token, until: at + (j.expires_in ?? 3600) * 1000 });
    return j.access_token;
  }

  return {
    async patchObject(s, type, objectId, body) {
      const r = await fetch(`${apiUrl}/walletobjects/v1/${type}/${encodeURIComponent(objectId)}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${await token(s)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      await r.arrayBuffer().catch(() => undefined);
      if (r.status === 401) tokens.delete(s.service_account_email); // a revoked token: the retry asks for a new one
      return { status: r.status, missing: r.status === 404 };
    },
  };
}
