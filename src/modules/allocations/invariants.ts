import type { Sql } from '../../db/index.js';
import type { Invariant } from '../../platform/module.js';
import { accountsOf } from '../ledger/service.js';
import { heldCounts } from '../cards/alloc.js';

/**
 * A pool batch's allocated codes are both a quota balance and card rows held by the channel: the two
 * always agree (the ledger's own invariants check each balance against its transfers and bounds).
 */
async function heldMismatches(q: Sql, tenantId?: string) {
  const r = await q.query<{ tenant_id: string; batch_id: string }>(
    'SELECT DISTINCT tenant_id, batch_id FROM allocations WHERE codes AND ($1::text IS NULL OR tenant_id = $1)',
    [tenantId ?? null],
  );
  if (!r.rows.length) return [];
  const held = await heldCounts(q, tenantId);
  const out: unknown[] = [];
  for (const t of new Set(r.rows.map((x) => x.tenant_id))) {
    const accts = await accountsOf(q, t, { ownerType: 'channel', asset: 'quota' });
    for (const { batch_id } of r.rows.filter((x) => x.tenant_id === t)) {
      const mine = accts.filter((a) => a.name === `batch:${batch_id}`);
      const cards = held.filter((h) => h.tenant_id === t && h.batch_id === batch_id);
      for (const ch of new Set([...mine.map((a) => a.owner_id), ...cards.map((h) => h.channel_id)])) {
        const balance = mine.find((a) => a.owner_id === ch)?.balance ?? 0;
        const n = cards.find((h) => h.channel_id === ch)?.n ?? 0;
        if (balance !== n) out.push({ tenant_id: t, batch_id, channel_id: ch, balance, held_cards: n });
      }
    }
  }
  return out;
}

export const allocationInvariants: Invariant[] = [
  {
    name: 'allocated_codes_held',
    says: "a channel's quota of a pool batch equals the unissued codes of that batch it holds",
    violations: heldMismatches,
  },
];
