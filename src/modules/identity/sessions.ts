import { createHash, randomBytes } from 'node:crypto';
import type { Db, Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Caller } from '../../http/access.js';
import { appendAudit } from '../audit/service.js';
import { findTenantIds } from '../tenants/service.js';
import { subtreeIds } from '../channels/service.js';
import { accountBudget, checkPasswordWithin, nameBudget, WINDOW_MINUTES, type Budget } from './attempts.js';
import type { OperatorRole } from './operators.js';
import { usernameKey } from './username.js';

/**
 * Sessions 登录会话: an opaque bearer token `kqs_…` (160 random bits) given out at sign-in. Only its
 * SHA-256 is stored; it ends at expires_at, at sign-out, or when the account is disabled.
 */
export const SESSION_PREFIX = 'kqs_';
export const SESSION_HOURS = 12;
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
function newSessionToken(): string {
  let s = SESSION_PREFIX;
  for (const b of randomBytes(32)) s += CROCKFORD[b & 31];
  return s;
}
const hashToken = (t: string) => createHash('sha256').update(t).digest();

/** The one answer for a wrong password, an unknown name or tenant, a disabled account and a spent budget. */
const badCredentials = () =>
  new AppError(
    401,
    'INVALID_CREDENTIALS',
    `the tenant, username or password is not right, or there were too many attempts; if so, wait ${WINDOW_MINUTES} minutes and try again`,
  );

export interface LoginInput {
  tenant?: string; // tenant id or name; may be left out when the username is unique
  tenant_id?: string;
  username: string;
  password: string;
}

export interface SessionView {
  token: string;
  expires_at: Date;
  tenant_id: string;
  operator: { id: string; username: string; display_name: string | null; role: OperatorRole; store_ids: string[]; channel_id: string | null };
}

interface Candidate {
  tenant_id: string;
  id: string;
  username: string;
  display_name: string | null;
  role: OperatorRole;
  store_ids: string[];
  channel_id: string | null;
  password_hash: string;
  disabled_at: Date | null;
}

/**
 * Which tenant and account a sign-in names, and whose budget the attempt spends. Ambiguity is
 * answered like a wrong password. A name that is no account spends a budget of its own name (in the
 * tenant it was looked for in), so it locks exactly as a real one would.
 */
async function findCandidate(db: Db, input: LoginInput): Promise<{ budget: Budget; op: Candidate | null }> {
  const key = usernameKey(input.username);
  const tenant = (input.tenant_id ?? input.tenant)?.trim();
  const cols = 'o.tenant_id, o.id, o.username, o.display_name, o.role, o.store_ids, o.channel_id, o.password_hash, o.disabled_at';
  let rows: Candidate[];
  let scope = '?';
  if (tenant) {
    // sign-in forms ask for the brand's name; an id works too
    const tenantIds = await findTenantIds(db, tenant);
    scope = tenantIds.length === 1 ? tenantIds[0] : `?${tenant.toLowerCase()}`;
    rows = (await db.query<Candidate>(`SELECT ${cols} FROM operators o WHERE o.username_key = $2 AND o.tenant_id = ANY ($1::text[])`, [tenantIds, key])).rows;
  } else {
    rows = (await db.query<Candidate>(`SELECT ${cols} FROM operators o WHERE o.username_key = $1 LIMIT 2`, [key])).rows;
  }
  const op = rows.length === 1 ? rows[0] : null;
  return { op, budget: op ? accountBudget(op.tenant_id, op.id) : nameBudget(scope, key) };
}

export async function login(db: Db, input: LoginInput, now: Date, meta: { ip?: string } = {}): Promise<SessionView> {
  const { op, budget } = await findCandidate(db, input);
  // an unknown name or a disabled account is checked too (against the decoy): every refusal takes as long
  const ok = await checkPasswordWithin(db, budget, meta.ip, input.password, op && !op.disabled_at ? op.password_hash : null, now);
  if (!ok || !op) throw badCredentials();

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.tx(async (q) => {
    const id = newId('ses');
    await q.query('INSERT INTO operator_sessions (tenant_id, id, operator_id, token_hash, expires_at, created_at) VALUES ($1,$2,$3,$4,$5,$6)', [
      op.tenant_id,
      id,
      op.id,
      hashToken(token),
      expiresAt,
      now,
    ]);
    await q.query('UPDATE operators SET last_login_at = $3 WHERE tenant_id = $1 AND id = $2', [op.tenant_id, op.id, now]);
    await appendAudit(q, {
      tenantId: op.tenant_id,
      actor: `operator:${op.username}`,
      action: 'session.create',
      targetType: 'session',
      targetId: id,
      data: { ip: meta.ip ?? null },
      at: now,
    });
  });
  return {
    token,
    expires_at: expiresAt,
    tenant_id: op.tenant_id,
    operator: { id: op.id, username: op.username, display_name: op.display_name, role: op.role, store_ids: op.store_ids, channel_id: op.channel_id },
  };
}

export interface ResolvedSession {
  caller: Caller;
  actor: string;
  sessionId: string;
}

/**
 * The bearer path for `kqs_` tokens (http/auth.ts): a live session of an enabled account, or null.
 * A partner account's caller is like a channel key's: its channel and that channel's subtree, read
 * per request (a channel just added below is the partner's at once).
 */
export async function resolveSession(db: Sql, token: string, now: Date): Promise<ResolvedSession | null> {
  const r = await db.query<{
    tenant_id: string;
    id: string;
    operator_id: string;
    username: string;
    role: OperatorRole;
    store_ids: string[];
    channel_id: string | null;
  }>(
    `SELECT s.tenant_id, s.id, s.operator_id, o.username, o.role, o.store_ids, o.channel_id
     FROM operator_sessions s JOIN operators o ON o.tenant_id = s.tenant_id AND o.id = s.operator_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND o.disabled_at IS NULL`,
    [hashToken(token), now],
  );
  const s = r.rows[0];
  if (!s) return null;
  const caller: Caller = { tenantId: s.tenant_id, keyId: s.operator_id, role: s.role, storeIds: s.store_ids ?? [], channelId: s.channel_id ?? null };
  if (s.role === 'channel') {
    if (!s.channel_id) return null;
    caller.channelIds = await subtreeIds(db, s.tenant_id, s.channel_id);
  }
  return { caller, actor: `operator:${s.username}`, sessionId: s.id };
}

export async function currentSession(q: Sql, token: string) {
  const r = await q.query<{ id: string; expires_at: Date; created_at: Date }>(
    'SELECT id, expires_at, created_at FROM operator_sessions WHERE token_hash = $1',
    [hashToken(token)],
  );
  return r.rows[0] ?? null;
}

export async function revokeSession(q: Sql, token: string, now: Date): Promise<{ id: string; revoked_at: Date }> {
  const r = await q.query<{ id: string; revoked_at: Date }>(
    'UPDATE operator_sessions SET revoked_at = coalesce(revoked_at, $2) WHERE token_hash = $1 RETURNING id, revoked_at',
    [hashToken(token), now],
  );
  if (!r.rows[0]) throw new AppError(404, 'SESSION_NOT_FOUND', 'this request was not made with a session token');
  return r.rows[0];
}
