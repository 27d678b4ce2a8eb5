import type { Sql } from '../../db/index.js';
import { channelOf, type Caller } from '../../http/access.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { batchLabels } from '../batches/service.js';
import { getChannel } from '../channels/service.js';
import { templateNames } from '../templates/names.js';
import { accountFlows, accountsOf } from '../ledger/service.js';
import { COLS, view, type Allocation } from './service.js';

/** What a channel holds and its allocation history (the brand's staff: any channel; a partner: its subtree). */
export interface Holding {
  batch_id: string;
  /** the batch's name and its template's (names beside ids: the screens show these) */
  batch_name: string | null;
  template_name: string | null;
  /** given to it (grants and transfers in) less what was taken back */
  granted: number;
  /** passed on to its children or siblings, less what came back */
  allocated: number;
  /** cards issued out of it */
  issued: number;
  /** what it holds now: granted − allocated − issued */
  available: number;
}

/** A channel's holdings per batch (a partner: within its subtree). */
export async function holdings(q: Sql, caller: Caller, channelId: string): Promise<Holding[]> {
  await getChannel(q, caller.tenantId, channelId, channelOf(caller));
  const accts = await accountsOf(q, caller.tenantId, { ownerType: 'channel', asset: 'quota', ownerIds: [channelId] });
  const flows = await accountFlows(
    q,
    caller.tenantId,
    accts.map((a) => a.id),
    'quota',
  );
  const ids = accts.map((a) => a.name.slice('batch:'.length));
  const batches = await batchLabels(q, caller.tenantId, ids);
  const templates = await templateNames(
    q,
    caller.tenantId,
    [...batches.values()].map((b) => b.template_id),
  );
  return accts.map((a) => {
    const batchId = a.name.slice('batch:'.length);
    const b = batches.get(batchId);
    const f = (reason: string, side: 'credited' | 'debited') => flows.find((x) => x.account === a.id && x.reason === reason)?.[side] ?? 0;
    const granted = f('grant', 'credited') + f('transfer', 'credited') - f('revoke', 'debited');
    const allocated = f('grant', 'debited') + f('transfer', 'debited') - f('revoke', 'credited');
    return {
      batch_id: batchId,
      batch_name: b?.name ?? null,
      template_name: b ? (templates.get(b.template_id) ?? null) : null,
      granted,
      allocated,
      issued: f('issue', 'debited'),
      available: a.balance ?? 0,
    };
  });
}

/** A channel's allocation history, newest first: what it was given, passed on, gave back. */
export async function history(q: Sql, caller: Caller, channelId: string, page: { limit?: number; cursor?: string; batch_id?: string }) {
  await getChannel(q, caller.tenantId, channelId, channelOf(caller));
  const limit = page.limit ?? 50;
  const r = await q.query<Allocation>(
    `SELECT ${COLS} FROM allocations WHERE tenant_id = $1 AND (from_channel_id = $2 OR to_channel_id = $2)
       AND ($3::text IS NULL OR batch_id = $3) AND ($4::text IS NULL OR id < $4) ORDER BY id DESC LIMIT $5`,
    [caller.tenantId, channelId, page.batch_id ?? null, decodeCursor(page.cursor), limit + 1],
  );
  return pageOf(r.rows.map(view), limit);
}
