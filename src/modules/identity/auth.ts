import { subtreeIds } from '../channels/service.js';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/index.js';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import type { Caller, Role } from '../../http/access.js';
import { clock } from '../../clock.js';
import { ttlCache } from '../../platform/cache.js';
import { resolveSession, SESSION_PREFIX } from './sessions.js';
import { clearCookie, cookieCredential, type Screen } from '../../http/cookies.js';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** A key's secret: the prefix names its kind (kq_ tenant keys, kqp_ platform keys), then 160 random bits. */
export function newApiKeySecret(prefix = 'kq_'): string {
  let s = prefix;
  for (const b of randomBytes(32)) s += CROCKFORD[b & 31]; // 160 bits
  return s;
}

export const hashApiKey = (secret: string) => createHash('sha256').update(secret).digest();

/** The operator session a request was made with, and the cookie it came in (null: Authorization: Bearer). */
const sessions = new WeakMap<FastifyRequest, { token: string; cookie: Screen | null }>();
export const sessionOf = (req: FastifyRequest) => sessions.get(req) ?? null;

/**
 * Resolves the caller: `Authorization: Bearer <api key | kqs_ session>` (scripts, integrations), or
 * a browser's session cookie (http/cookies.ts). A small cache keeps key lookups off the hot path; a
 * revoked key stops working within CACHE_MS on every process (documented in docs/api.md).
 */
const CACHE_MS = 5_000;
export function keyResolver(db: Db, config: Config) {
  const cache = ttlCache<Caller | null>(CACHE_MS);
  return async function resolve(req: FastifyRequest, reply: FastifyReply): Promise<Caller> {
    const h = req.headers.authorization;
    if (!h) {
      const cookie = cookieCredential(req, ['console', 'clerk', 'partner']);
      if (!cookie) throw new AppError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <api key>');
      const s = cookie.value.startsWith(SESSION_PREFIX) ? await resolveSession(db, cookie.value, clock.now()) : null;
      if (!s) {
        clearCookie(reply, config, cookie.screen);
        throw new AppError(401, 'UNAUTHENTICATED', 'this sign-in has ended; sign in again');
      }
      sessions.set(req, { token: cookie.value, cookie: cookie.screen });
      req.actor = s.actor;
      return s.caller;
    }
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    if (!m) throw new AppError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <api key>');
    const secret = m[1];
    if (secret.startsWith(SESSION_PREFIX)) {
      // an operator's sign-in session (运营账号登录): not cached, so signing out or disabling is immediate
      const s = await resolveSession(db, secret, clock.now());
      if (!s) throw new AppError(401, 'UNAUTHENTICATED', 'this session has ended or is unknown; sign in again');
      sessions.set(req, { token: secret, cookie: null });
      req.actor = s.actor;
      return s.caller;
    }
    const caller = await cache.get(secret, async () => {
      const r = await db.query<{ tenant_id: string; id: string; role: Role; store_ids: string[]; channel_id: string | null }>(
        'SELECT tenant_id, id, role, store_ids, channel_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
        [hashApiKey(secret)],
      );
      const k = r.rows[0];
      return k ? { tenantId: k.tenant_id, keyId: k.id, role: k.role, storeIds: k.store_ids ?? [], channelId: k.channel_id } : null;
    });
    if (!caller) throw new AppError(401, 'UNAUTHENTICATED', 'this API key is unknown or revoked');
    // a partner's subtree is read per request, not cached: a channel it just added below is its at once
    if (caller.role === 'channel' && caller.channelId) return { ...caller, channelIds: await subtreeIds(db, caller.tenantId, caller.channelId) };
    return caller;
  };
}
