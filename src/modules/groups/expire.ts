import type { Ctx } from '../../platform/context.js';
import { emit } from '../../platform/events.js';

/**
 * The `groups.expire` sweep: a group still open at its deadline expires. One group per transaction: its
 * row is taken with `FOR UPDATE SKIP LOCKED` and flipped `open → expired` by a statement that re-checks
 * both, so a join racing it either took the last seat first (the group is unlocked and the sweep finds
 * nothing) or finds it expired — never both. Its hold goes back to the campaign's stock, each member's
 * count gives the group back (it no longer counts against the per-member limit), and every member gets
 * a `group.expired` event (what a notification subscribes to). `now` is the sweep's clock (a test may
 * run it ahead of the servers').
 */
export async function expireGroups(ctx: Ctx, now = ctx.clock.now(), limit = 200): Promise<number> {
  let done = 0;
  while (done < limit) {
    const expired = await ctx.db.tx(async (q) => {
      // the row first, alone (a LIMIT subquery inside the UPDATE could be scanned again and take more than one)
      const due = (
        await q.query<{ tenant_id: string; id: string }>(
          `SELECT tenant_id, id FROM group_teams WHERE state = 'open' AND deadline <= $1 ORDER BY deadline LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        )
      ).rows[0];
      if (!due) return false;
      const g = (
        await q.query<{ tenant_id: string; id: string; campaign_id: string; deadline: Date }>(
          `UPDATE group_teams SET state = 'expired', expired_at = $3 WHERE tenant_id = $1 AND id = $2 AND state = 'open' AND deadline <= $3
           RETURNING tenant_id, id, campaign_id, deadline`,
          [due.tenant_id, due.id, now],
        )
      ).rows[0];
      if (!g) return false;
      const members = (
        await q.query<{ member_id: string }>('SELECT member_id FROM group_members WHERE tenant_id = $1 AND group_id = $2 ORDER BY member_id', [
          g.tenant_id,
          g.id,
        ])
      ).rows.map((m) => m.member_id);
      await q.query(
        `UPDATE group_member_counts SET groups = groups - 1 WHERE tenant_id = $1 AND campaign_id = $2 AND member_id IN (
           SELECT member_id FROM group_member_counts WHERE tenant_id = $1 AND campaign_id = $2 AND member_id = ANY($3::text[]) ORDER BY member_id FOR UPDATE)`,
        [g.tenant_id, g.campaign_id, members],
      );
      await q.query('UPDATE group_campaigns SET held = held - 1, expired = expired + 1 WHERE tenant_id = $1 AND id = $2', [g.tenant_id, g.campaign_id]);
      await emit(
        q,
        members.map((memberId) => ({
          tenantId: g.tenant_id,
          type: 'group.expired',
          at: now,
          memberId,
          keyId: null,
          data: { group_id: g.id, campaign_id: g.campaign_id, deadline: g.deadline, joined: members.length },
        })),
      );
      return true;
    });
    if (!expired) break;
    done++;
    await ctx.db.breathe();
  }
  return done;
}
