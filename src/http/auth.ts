import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import type { Caller, Role } from './access.js';
import { clock } from '../clock.js';
import { resolveSession, SESSION_PREFIX } from '../modules/operators/sessions.js';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

export function newApiKeySecret(): string {
  let s = 'kq_';
  for (const b of randomBytes(32)) s += CROCKFORD[b & 31]; // 160 bits
  return s;
}

export const hashApiKey = (secret: string) => createHash('sha256').update(secret).digest();

/**
 * Resolves the bearer key. A small cache keeps key lookups off the hot path; a revoked key
 * stops working within CACHE_MS on every process (documented in docs/api.md).
 */
const CACHE_MS = 5_000;
export function keyResolver(db: Db) {
  const cache = new Map<string, { at: number; caller: Caller | null }>();
  return async function resolve(req: FastifyRequest): Promise<Caller> {
    const h = req.headers.authorization;
    const m = h && /^Bearer\s+(\S+)$/i.exec(h);
    if (!m) throw new AppError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <api key>');
    const secret = m[1];
    if (secret.startsWith(SESSION_PREFIX)) {
      // an operator's sign-in session (运营账号登录): not cached, so signing out or disabling is immediate
      const s = await resolveSession(db, secret, clock.now());
      if (!s) throw new AppError(401, 'UNAUTHENTICATED', 'this session has ended or is unknown; sign in again');
      req.actor = s.actor;
      return s.caller;
    }
    const hit = cache.get(secret);
    const now = Date.now();
    let caller: Caller | null;
    if (hit && now - hit.at < CACHE_MS) caller = hit.caller;
    else {
      const r = await db.query<{ tenant_id: string; id: string; role: Role; store_ids: string[]; channel_id: string | null }>(
        'SELECT tenant_id, id, role, store_ids, channel_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
        [hashApiKey(secret)],
      );
      const k = r.rows[0];
      caller = k ? { tenantId: k.tenant_id, keyId: k.id, role: k.role, storeIds: k.store_ids ?? [], channelId: k.channel_id } : null;
      if (cache.size > 10_000) cache.clear();
      cache.set(secret, { at: now, caller });
    }
    if (!caller) throw new AppError(401, 'UNAUTHENTICATED', 'this API key is unknown or revoked');
    return caller;
  };
}
