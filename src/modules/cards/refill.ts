import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { getTenant } from '../tenants/service.js';
import { getTemplate } from '../templates/service.js';
import { appendEvents } from './events.js';
import { appendLedger } from '../ledger/service.js';
import type { CardRow } from './model.js';
import { periodEnd } from './periods.js';

/**
 * 周期卡 refill: when a period ends, what is left of it lapses (period_close) and the next
 * period's uses arrive (refill); after the last period the card expires. Guarded by the period
 * number, so a refill runs once however many processes reach the card.
 */
export async function refillCard(_ctx: Ctx, q: Sql, tenantId: string, cardId: string, now: Date): Promise<boolean> {
  const c = (await q.query<CardRow>('SELECT * FROM cards WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, cardId])).rows[0];
  if (c?.kind !== 'periodic' || !['active', 'frozen'].includes(c.state) || !c.period_ends_at || new Date(c.period_ends_at) > now) return false;
  const t = await getTemplate(q, tenantId, c.template_id);
  const tz = (await getTenant(q, tenantId)).time_zone;
  const v = t.value;
  // catch up over every period that ended (a card nobody touched for three months)
  let periodNo = c.period_no!;
  let ends = new Date(c.period_ends_at);
  while (ends <= now && periodNo < v.periods!) {
    periodNo += 1;
    ends = periodEnd(ends, v.period!, tz);
  }
  const last = ends <= now; // every period is over
  const base = { tenantId, cardId: c.id, templateId: c.template_id, batchId: c.batch_id, memberId: c.member_id, at: now };
  if (last) {
    await q.query(`UPDATE cards SET uses_left = 0, state = 'expired', state_reason = 'periods_ended', updated_at = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      c.id,
      now,
    ]);
    await appendLedger(q, tenantId, now, [{ cardId: c.id, type: 'expire', uses: -c.uses_left }]);
    await appendEvents(q, [{ ...base, type: 'expired', data: { reason: 'periods_ended' } }]);
    return true;
  }
  await q.query('UPDATE cards SET uses_left = $3, period_no = $4, period_ends_at = $5, updated_at = $6 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    c.id,
    v.uses_per_period,
    periodNo,
    ends,
    now,
  ]);
  await appendLedger(q, tenantId, now, [
    { cardId: c.id, type: 'period_close', uses: -c.uses_left },
    { cardId: c.id, type: 'refill', uses: v.uses_per_period },
  ]);
  await appendEvents(q, [{ ...base, type: 'refilled', data: { period_no: periodNo, uses: v.uses_per_period, period_ends_at: ends.toISOString() } }]);
  return true;
}

/** The cards.refill sweep: every periodic card whose period has ended, a chunk at a time. */
export async function refillDue(ctx: Ctx, limit = 500): Promise<number> {
  const now = ctx.clock.now();
  let n = 0;
  for (;;) {
    const due = (
      await ctx.db.query<{ tenant_id: string; id: string }>(
        `SELECT tenant_id, id FROM cards WHERE kind = 'periodic' AND state IN ('active','frozen') AND period_ends_at <= $1 LIMIT $2`,
        [now, limit],
      )
    ).rows;
    if (!due.length) return n;
    let progressed = 0;
    for (const d of due) if (await ctx.db.tx((q) => refillCard(ctx, q, d.tenant_id, d.id, now))) progressed++;
    n += progressed;
    if (!progressed) return n;
  }
}
