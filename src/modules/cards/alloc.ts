import type { Sql } from '../../db/index.js';
import type { Keyring } from '../../secrets.js';
import type { Caller } from '../../http/access.js';
import { extensionPoint } from '../../platform/extensions.js';
import { crockfordAliases, normalizeCode } from '../codes/codes.js';
import { codeHash } from './lookup.js';

/**
 * Cards under channel allocation 渠道分配 (the allocations module owns the records and the quota
 * accounts; this is the card side). An unissued pool card with a channel_id is held by that channel:
 * it is the only one that issues it. Issuing asks the plugged-in quota (`issueQuota`) which channel's
 * holding the card comes out of, and the card carries the allocation it came under.
 */
export interface QuotaTake {
  /** the channel whose holding this issue consumed (a pool card is taken from its held codes), or null: the brand's own */
  holder: string | null;
  /** the allocation the card is issued under (its tracking parameters) */
  allocationId: string | null;
}

export interface IssueQuota {
  /** Consumes one unit of holding for an issue of `batchId` through `channelId` (in the issue's transaction); null when unrestricted. */
  take(q: Sql, caller: Caller, input: { batchId: string; pool: boolean; channelId: string | null; at: Date }): Promise<QuotaTake | null>;
  /** The tracking parameters of allocations, for the card events. */
  attribution(q: Sql, tenantId: string, allocationIds: string[]): Promise<Map<string, Record<string, string>>>;
}

export const issueQuota = extensionPoint<IssueQuota>('card.issue.quota');

/** What an issue consumes (the first plugged-in quota answers), or null. */
export async function takeQuota(q: Sql, caller: Caller, input: Parameters<IssueQuota['take']>[2]): Promise<QuotaTake | null> {
  for (const x of issueQuota.list()) {
    const t = await x.take(q, caller, input);
    if (t) return t;
  }
  return null;
}

/** The event data of a card issued under an allocation: its id and tracking parameters. */
export async function attributionData(q: Sql, tenantId: string, allocationId: string | null): Promise<Record<string, unknown>> {
  if (!allocationId) return {};
  for (const x of issueQuota.list()) {
    const p = (await x.attribution(q, tenantId, [allocationId])).get(allocationId);
    if (p) return { allocation_id: allocationId, params: p };
  }
  return { allocation_id: allocationId };
}

/**
 * Moves held pool cards of a batch from one holder to another: `from` null takes codes nobody holds
 * (the brand's), `to` null gives them back to the brand. By count (the lowest sequence first) or by
 * explicit card ids or codes (each must be unissued and held by `from`). Answers how many moved;
 * the caller refuses when that is fewer than asked. SKIP LOCKED: a card being issued right now is
 * not waited for (it will not be the holder's any more).
 */
export async function moveHeldCards(
  q: Sql,
  keys: Keyring,
  tenantId: string,
  batchId: string,
  m: { from: string | null; to: string | null; allocationId: string; count?: number; cardIds?: string[]; codes?: string[]; at: Date },
): Promise<number> {
  const hashes = (m.codes ?? []).flatMap((c) => {
    const n = normalizeCode(c);
    return n ? [...new Set([n, crockfordAliases(n)])].map((x) => codeHash(keys, tenantId, x)) : [];
  });
  const explicit = m.cardIds !== undefined || m.codes !== undefined;
  const r = await q.query(
    `WITH pick AS MATERIALIZED (
       SELECT id FROM cards WHERE tenant_id = $1 AND batch_id = $2 AND state = 'unissued' AND channel_id IS NOT DISTINCT FROM $3
         AND (NOT $5 OR id = ANY($6::text[]) OR code_hash = ANY($7::bytea[])) AND state_reason IS NULL
       ORDER BY seq LIMIT $8 FOR UPDATE SKIP LOCKED)
     UPDATE cards c SET channel_id = $4, allocation_id = CASE WHEN $4::text IS NULL THEN NULL ELSE $9 END, updated_at = $10
     FROM pick WHERE c.tenant_id = $1 AND c.id = pick.id`,
    [
      tenantId,
      batchId,
      m.from,
      m.to,
      explicit,
      m.cardIds ?? [],
      hashes,
      explicit ? (m.cardIds?.length ?? 0) + (m.codes?.length ?? 0) : (m.count ?? 0),
      m.allocationId,
      m.at,
    ],
  );
  return r.rowCount ?? 0;
}

/** How many unissued codes each channel holds, per batch: checked against the channels' quota balances. */
export async function heldCounts(q: Sql, tenantId?: string): Promise<{ tenant_id: string; batch_id: string; channel_id: string; n: number }[]> {
  const r = await q.query<{ tenant_id: string; batch_id: string; channel_id: string; n: string }>(
    `SELECT tenant_id, batch_id, channel_id, count(*)::int8 AS n FROM cards
     WHERE ($1::text IS NULL OR tenant_id = $1) AND state = 'unissued' AND channel_id IS NOT NULL GROUP BY 1, 2, 3`,
    [tenantId ?? null],
  );
  return r.rows.map((x) => ({ ...x, n: Number(x.n) }));
}
