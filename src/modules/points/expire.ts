import type { Ctx } from '../../platform/context.js';
import { post, type PointAsset } from './post.js';

const BATCH = 500;

/**
 * The expiry sweep 积分过期 (`points.expire`): takes what is left of each lot past its expiry, to the
 * tenant's expired counter, one move per lot. Lots are claimed with FOR UPDATE SKIP LOCKED, so
 * concurrent sweeps (several processes) never take one twice, and a lot a spend holds is simply
 * left for the next run; the sweep re-reads the locked row, so what it takes is exactly what is left.
 * A spend never draws a lot at or past its expiry, so nothing can be spent and expired both.
 */
export async function expireLots(ctx: Ctx): Promise<{ again: Date } | undefined> {
  const now = ctx.clock.now();
  const n = await ctx.db.tx(async (q) => {
    const due = (
      await q.query<{ tenant_id: string; id: string; member_id: string; asset: PointAsset; remaining: string }>(
        `UPDATE point_lots l SET remaining = 0, expired_at = $1
         FROM (SELECT tenant_id, id, remaining FROM point_lots
               WHERE remaining > 0 AND expires_at IS NOT NULL AND expires_at <= $1 AND kind = 'earn'
               ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) d
         WHERE l.tenant_id = d.tenant_id AND l.id = d.id
         RETURNING l.tenant_id, l.id, l.member_id, l.asset, d.remaining`,
        [now],
      )
    ).rows;
    for (const l of due)
      await post(
        q,
        l.tenant_id,
        { memberId: l.member_id, asset: l.asset, kind: 'expire', main: -Number(l.remaining), reason: 'expired', reference: l.id, lotId: l.id },
        now,
      );
    return due.length;
  });
  return n === BATCH ? { again: now } : undefined;
}
