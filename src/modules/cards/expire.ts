import type { Ctx } from '../../platform/context.js';
import { appendEvents } from './events.js';
import { appendLedger } from '../ledger/service.js';

/**
 * The cards.expire sweep: cards past their validity, and unbound codes past their bind deadline
 * (绑定时限), become expired; what they still held leaves through an "expire" ledger entry.
 * Rows are claimed with SKIP LOCKED so several processes share the work without waiting.
 */
export async function expireDue(ctx: Ctx, limit = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const now = ctx.clock.now();
    const rows = await ctx.db.tx(async (q) => {
      const due = (
        await q.query<{
          tenant_id: string;
          id: string;
          template_id: string;
          batch_id: string;
          member_id: string | null;
          balance: number;
          uses_left: number;
          stamps: number;
          reason: string;
        }>(
          `SELECT tenant_id, id, template_id, batch_id, member_id, balance, uses_left, stamps,
                CASE WHEN valid_until <= $1 THEN 'validity' ELSE 'bind_deadline' END AS reason
         FROM cards
         WHERE (state IN ('unissued','active','frozen') AND valid_until <= $1)
            OR (state = 'active' AND member_id IS NULL AND bind_deadline <= $1)
         LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [now, limit],
        )
      ).rows;
      if (!due.length) return due;
      await q.query(
        `UPDATE cards c SET state = 'expired', state_reason = u.reason, balance = 0, uses_left = 0, stamps = 0, updated_at = $1
         FROM unnest($2::text[], $3::text[], $4::text[]) AS u(tenant_id, id, reason) WHERE c.tenant_id = u.tenant_id AND c.id = u.id`,
        [now, due.map((d) => d.tenant_id), due.map((d) => d.id), due.map((d) => d.reason)],
      );
      const byTenant = new Map<string, typeof due>();
      for (const d of due) byTenant.set(d.tenant_id, [...(byTenant.get(d.tenant_id) ?? []), d]);
      for (const [tenantId, list] of byTenant) {
        await appendLedger(
          q,
          tenantId,
          now,
          list
            .filter((d) => d.balance || d.uses_left || d.stamps)
            .map((d) => ({
              cardId: d.id,
              type: 'expire' as const,
              amount: -Number(d.balance),
              uses: -d.uses_left,
              stamps: -d.stamps,
            })),
        );
        await appendEvents(
          q,
          list.map((d) => ({
            tenantId,
            cardId: d.id,
            templateId: d.template_id,
            batchId: d.batch_id,
            memberId: d.member_id,
            type: 'expired',
            data: { reason: d.reason },
            at: now,
          })),
        );
      }
      return due;
    });
    total += rows.length;
    if (rows.length < limit) return total;
  }
}
