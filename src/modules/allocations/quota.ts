import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { issueQuota, type IssueQuota } from '../cards/alloc.js';
import { pathOf } from '../channels/service.js';
import { accountsOf, transfer } from '../ledger/service.js';
import { accountName, tenantAccount } from './service.js';

/**
 * Issuing under channel quota 按配额发放 (plugged into the card issue, cards/alloc.ts).
 *
 * The rule: an issue through a channel (channel_id, or a channel key's own) comes out of the nearest
 * holding on the way up from that channel — the channel itself, else its parent, and so on — but a
 * partner never spends above its own channel. Once any of a batch has been allocated to channels, a
 * channel partner issues from that batch only within a holding (409 QUOTA_EXHAUSTED otherwise); the
 * brand's own staff are unaffected where no holding applies (they issue the brand's own share).
 * One unit moves from the holder's quota account to the tenant's `issued` account, in the issue's
 * transaction: the ledger statement locks the account and refuses below 0, so quota is never overspent.
 */
async function take(q: Sql, caller: Caller, input: { batchId: string; pool: boolean; channelId: string | null; at: Date }) {
  if (!input.channelId) return null;
  const tenantId = caller.tenantId;
  const allocated = await q.query('SELECT 1 FROM allocations WHERE tenant_id = $1 AND batch_id = $2 LIMIT 1', [tenantId, input.batchId]);
  if (!allocated.rowCount) return null;
  let chain = ((await pathOf(q, tenantId, input.channelId)) ?? []).reverse();
  if (caller.role === 'channel' && caller.channelId) {
    const own = chain.indexOf(caller.channelId);
    if (own >= 0) chain = chain.slice(0, own + 1);
  }
  const accts = await accountsOf(q, tenantId, { ownerType: 'channel', asset: 'quota', ownerIds: chain, name: accountName(input.batchId) });
  const holder = chain.map((c) => accts.find((a) => a.owner_id === c)).find((a) => a && (a.balance ?? 0) > 0);
  const exhausted = () =>
    new AppError(409, 'QUOTA_EXHAUSTED', 'channel_id: no quota of this batch left on this channel', {
      holding: 0,
      batch_id: input.batchId,
      channel_id: input.channelId,
    });
  if (!holder) {
    if (caller.role === 'channel') throw exhausted();
    return null;
  }
  try {
    await transfer(
      q,
      tenantId,
      [{ debit: holder.id, credit: await tenantAccount(q, tenantId, 'issued', input.at), asset: 'quota', amount: 1, reason: 'issue' }],
      input.at,
    );
  } catch (e) {
    if (e instanceof AppError && e.code === 'ACCOUNT_BOUND_EXCEEDED') throw exhausted();
    throw e;
  }
  // a made-at-issue card carries the allocation that last gave the holder quota; a pool card its own
  const last = input.pool
    ? null
    : (
        await q.query<{ id: string }>(
          `SELECT id FROM allocations WHERE tenant_id = $1 AND batch_id = $2 AND to_channel_id = $3 AND kind IN ('grant', 'transfer') ORDER BY id DESC LIMIT 1`,
          [tenantId, input.batchId, holder.owner_id],
        )
      ).rows[0];
  return { holder: holder.owner_id, allocationId: last?.id ?? null };
}

async function attribution(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, Record<string, string>>> {
  const r = await q.query<{ id: string; params: Record<string, string> }>('SELECT id, params FROM allocations WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    ids,
  ]);
  return new Map(r.rows.map((x) => [x.id, x.params]));
}

const quota: IssueQuota = { take, attribution };
export const allocationQuota = issueQuota.with(quota);
