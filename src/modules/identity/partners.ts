import type { Sql } from '../../db/index.js';
import { notFound } from '../../errors.js';
import { getChannel } from '../channels/service.js';
import { createOperator, getOperator, OPERATOR_COLS, setOperatorDisabled, type Operator } from './operators.js';

/**
 * Partner accounts 渠道商账号: operator accounts with role `channel`, bound to one channel. Their
 * sessions act like that channel's key (its subtree, per request: sessions.ts). Who makes them:
 * the brand's owner and operators for any channel; a partner for any channel in its own subtree,
 * its own channel included (a 总代 gives its colleagues and its 区域代理 their sign-ins). A channel
 * outside the caller's subtree answers 404 as if it did not exist. `within`: the caller's channel
 * (a partner), or null for the brand's staff.
 */
export interface PartnerInput {
  username: string;
  password: string;
  display_name?: string | null;
}

export async function createPartnerAccount(q: Sql, tenantId: string, channelId: string, input: PartnerInput, within: string | null, now: Date) {
  await getChannel(q, tenantId, channelId, within);
  return createOperator(q, tenantId, { ...input, role: 'channel', channel_id: channelId }, now);
}

export async function listPartnerAccounts(q: Sql, tenantId: string, channelId: string, within: string | null): Promise<Operator[]> {
  await getChannel(q, tenantId, channelId, within);
  const r = await q.query<Operator>(
    `SELECT ${OPERATOR_COLS} FROM operators WHERE tenant_id = $1 AND role = 'channel' AND channel_id = $2 ORDER BY created_at, id`,
    [tenantId, channelId],
  );
  return r.rows;
}

/** Disabling ends the account's sessions at once; nobody disables the account they are signed in with. */
export async function setPartnerDisabled(
  q: Sql,
  tenantId: string,
  channelId: string,
  accountId: string,
  disabled: boolean,
  within: string | null,
  now: Date,
  selfId: string,
): Promise<Operator> {
  await getChannel(q, tenantId, channelId, within);
  const op = await getOperator(q, tenantId, accountId).catch(() => null);
  if (op?.role !== 'channel' || op.channel_id !== channelId) throw notFound('operator');
  return setOperatorDisabled(q, tenantId, accountId, disabled, now, selfId);
}
