import type { Db, Sql } from '../../db/index.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Role } from '../../http/access.js';
import { assertStoresExist } from '../stores/service.js';
import { accountBudget, checkPasswordWithin, WINDOW_MINUTES } from './attempts.js';
import { commonPasswordReason } from './common-passwords.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.js';
import { usernameKey } from './username.js';

/**
 * Operator accounts 运营账号: a person with a username and password, a role, and (clerks) stores or
 * (partner accounts 渠道商账号, role channel) one channel. Partner accounts are made per channel
 * (partners.ts); the rest here is the same for every account.
 */
export type OperatorRole = Exclude<Role, 'member' | 'system'>;
export type StaffRole = Exclude<OperatorRole, 'channel'>;
export interface Operator {
  id: string;
  username: string;
  display_name: string | null;
  role: OperatorRole;
  store_ids: string[];
  channel_id: string | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}
export const OPERATOR_COLS = 'id, username, display_name, role, store_ids, channel_id, disabled_at, last_login_at, created_at';

export interface OperatorInput {
  username: string;
  password: string;
  role: OperatorRole;
  store_ids?: string[];
  channel_id?: string | null; // role channel: the channel it acts for (checked by the caller: partners.ts)
  display_name?: string | null;
}

async function checkRoleStores(q: Sql, tenantId: string, role: OperatorRole, storeIds: string[]) {
  if (role === 'clerk') {
    if (!storeIds.length) throw invalid('store_ids', 'a clerk account is bound to at least one store');
    await assertStoresExist(q, tenantId, storeIds);
  } else if (storeIds.length) {
    throw invalid('store_ids', 'only clerk accounts are bound to stores');
  }
}

/** What a new password must be: long enough, not the username, not one everyone tries. */
export function checkNewPassword(password: string, username: string) {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw invalid('password', `at least ${MIN_PASSWORD_LENGTH} characters`);
  if (usernameKey(password).includes(usernameKey(username))) throw invalid('password', 'must not contain the username');
  const common = commonPasswordReason(password);
  if (common) throw invalid('password', common);
}

export async function createOperator(q: Sql, tenantId: string, input: OperatorInput, now: Date): Promise<Operator> {
  const storeIds = input.store_ids ?? [];
  const channelId = input.role === 'channel' ? (input.channel_id ?? null) : null;
  if (input.role === 'channel' && !channelId) throw invalid('channel_id', 'required for role channel');
  if (input.role !== 'channel' && input.channel_id) throw invalid('channel_id', 'only partner accounts are bound to a channel');
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(input.username)) throw invalid('username', '2 to 64 letters, digits or . _ @ -');
  checkNewPassword(input.password, input.username);
  await checkRoleStores(q, tenantId, input.role, storeIds);
  const hash = await hashPassword(input.password);
  const r = await q.query<Operator>(
    `INSERT INTO operators (tenant_id, id, username, username_key, display_name, role, store_ids, channel_id, password_hash, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT DO NOTHING RETURNING ${OPERATOR_COLS}`,
    [tenantId, newId('opr'), input.username, usernameKey(input.username), input.display_name ?? null, input.role, storeIds, channelId, hash, now],
  );
  if (!r.rows[0])
    throw new AppError(409, 'OPERATOR_USERNAME_TAKEN', `username: "${input.username}" is taken in this tenant`, {
      username: input.username,
      errors: [{ field: 'username', reason: 'taken' }],
    });
  return r.rows[0];
}

export async function listOperators(q: Sql, tenantId: string): Promise<Operator[]> {
  return (await q.query<Operator>(`SELECT ${OPERATOR_COLS} FROM operators WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId])).rows;
}

export async function getOperator(q: Sql, tenantId: string, id: string): Promise<Operator> {
  const r = await q.query<Operator>(`SELECT ${OPERATOR_COLS} FROM operators WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('operator');
  return r.rows[0];
}

/** Disabling also ends every session of the account at once. */
export async function setOperatorDisabled(q: Sql, tenantId: string, id: string, disabled: boolean, now: Date, selfId?: string): Promise<Operator> {
  if (disabled && id === selfId) throw new AppError(422, 'CANNOT_DISABLE_SELF', 'you cannot disable the account you are signed in with');
  const r = await q.query<Operator>(
    `UPDATE operators SET disabled_at = CASE WHEN $3 THEN coalesce(disabled_at, $4) END WHERE tenant_id = $1 AND id = $2 RETURNING ${OPERATOR_COLS}`,
    [tenantId, id, disabled, now],
  );
  if (!r.rows[0]) throw notFound('operator');
  if (disabled)
    await q.query('UPDATE operator_sessions SET revoked_at = $3 WHERE tenant_id = $1 AND operator_id = $2 AND revoked_at IS NULL', [tenantId, id, now]);
  return r.rows[0];
}

/**
 * A person changing their own password proves they know the current one, within the sign-in budgets:
 * a stolen session cannot guess its way to the account's password, nor take the account over.
 */
export async function confirmCurrentPassword(db: Db, tenantId: string, id: string, current: string | undefined, now: Date, ip?: string) {
  if (!current) throw invalid('current_password', 'needed to change your own password');
  const r = await db.query<{ password_hash: string }>('SELECT password_hash FROM operators WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  const hash = r.rows[0]?.password_hash ?? null;
  if (!(await checkPasswordWithin(db, accountBudget(tenantId, id), ip, current, hash, now))) {
    throw new AppError(
      403,
      'CURRENT_PASSWORD_INVALID',
      `current_password: not right, or there were too many attempts; if so, wait ${WINDOW_MINUTES} minutes and try again`,
      { errors: [{ field: 'current_password', reason: 'not right, or too many attempts' }] },
    );
  }
}

/** A new password (set by an owner, or by the person for themselves); other sessions end. */
export async function setOperatorPassword(q: Sql, tenantId: string, id: string, password: string, now: Date, keepSessionId?: string): Promise<Operator> {
  const cur = await getOperator(q, tenantId, id);
  checkNewPassword(password, cur.username);
  await q.query('UPDATE operators SET password_hash = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, id, await hashPassword(password)]);
  await q.query('UPDATE operator_sessions SET revoked_at = $3 WHERE tenant_id = $1 AND operator_id = $2 AND revoked_at IS NULL AND id IS DISTINCT FROM $4', [
    tenantId,
    id,
    now,
    keepSessionId ?? null,
  ]);
  return cur;
}

export async function updateOperator(
  q: Sql,
  tenantId: string,
  id: string,
  patch: { role?: StaffRole; store_ids?: string[]; display_name?: string | null },
): Promise<Operator> {
  const cur = await getOperator(q, tenantId, id);
  // a partner account is its channel's person: it never becomes the brand's staff, nor staff a partner
  if (patch.role && (cur.role === 'channel') !== (patch.role === ('channel' as OperatorRole)))
    throw new AppError(422, 'PARTNER_ACCOUNT_FIXED', 'role: a partner account keeps role channel and its channel; make a new account instead', {
      errors: [{ field: 'role', reason: 'a partner account keeps its role' }],
    });
  const role = patch.role ?? cur.role;
  const storeIds = patch.store_ids ?? (role === 'clerk' ? cur.store_ids : []);
  await checkRoleStores(q, tenantId, role, storeIds);
  const r = await q.query<Operator>(
    `UPDATE operators SET role = $3, store_ids = $4, display_name = $5 WHERE tenant_id = $1 AND id = $2 RETURNING ${OPERATOR_COLS}`,
    [tenantId, id, role, storeIds, patch.display_name !== undefined ? patch.display_name : cur.display_name],
  );
  return r.rows[0];
}

/** The first owner account of a tenant, for `seed-demo` and bootstrap scripts. */
export async function ensureOperator(db: Db, tenantId: string, input: OperatorInput, now: Date): Promise<Operator> {
  const r = await db.query<Operator>(`SELECT ${OPERATOR_COLS} FROM operators WHERE tenant_id = $1 AND username_key = $2`, [
    tenantId,
    usernameKey(input.username),
  ]);
  return r.rows[0] ?? db.tx((q) => createOperator(q, tenantId, input, now));
}
