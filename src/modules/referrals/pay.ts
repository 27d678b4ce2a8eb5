import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { emit, type EventRow, type Subscriber } from '../../platform/events.js';
import { giveRewards } from '../rewards/service.js';
import type { Reward } from '../rewards/schemas.js';
import { ordersBefore } from '../orders/service.js';
import { getCampaign, type CampaignRow } from './campaigns.js';
import { REFERRAL_COLS, type ReferralRow } from './join.js';

/**
 * Qualifying and paying 发放奖励. A referral moves pending → qualified (one conditional UPDATE: the
 * first qualifying event wins) → rewarded (one conditional UPDATE on `state = 'qualified' AND due_at
 * <= now`: of any number of concurrent payers exactly one gets the row, the others find nothing to
 * do) or → cancelled (the first order refunded in full before it was due). The rewards are given in
 * the paying transaction, each side in a savepoint so one side's refusal is recorded and the other
 * still paid; their references (referral:<id>:referrer / :referee) answer a replay with the first giving.
 */
const system = (tenantId: string): Caller => ({ tenantId, keyId: 'system:referrals', role: 'system', storeIds: [], channelId: null, memberId: null });
const DAY = 86_400_000;

export async function qualify(ctx: Ctx, q: Sql, tenantId: string, r: ReferralRow, c: CampaignRow, how: { at: Date; orderId?: string }) {
  const due = new Date(how.at.getTime() + (c.qualify_on === 'first_order' ? c.return_days * DAY : 0));
  const u = await q.query<ReferralRow>(
    `UPDATE referrals SET state = 'qualified', qualified_at = $3, order_id = $4, due_at = $5 WHERE tenant_id = $1 AND id = $2 AND state = 'pending'
     RETURNING ${REFERRAL_COLS}`,
    [tenantId, r.id, how.at, how.orderId ?? null, due],
  );
  if (!u.rows[0]) return null;
  await emit(q, [{ tenantId, type: 'referral.qualified', at: how.at, memberId: r.referee_id, data: { referral_id: r.id, due_at: due.toISOString() } }]);
  const now = ctx.clock.now();
  return due <= now ? ((await payReferral(ctx, q, tenantId, r.id, now)) ?? u.rows[0]) : u.rows[0];
}

/** One side's giving in a savepoint: its grant, or the code of the refusal (and nothing given). */
async function giveSide(ctx: Ctx, q: Sql, r: ReferralRow, c: CampaignRow, side: 'referrer' | 'referee', rewards: Reward[], at: Date, tenantId: string) {
  await q.query('SAVEPOINT referral_reward');
  try {
    if (side === 'referrer') {
      const counted = await q.query(
        `INSERT INTO referral_referrers (tenant_id, campaign_id, referrer_id, rewarded) VALUES ($1, $2, $3, 1)
         ON CONFLICT (tenant_id, campaign_id, referrer_id) DO UPDATE SET rewarded = referral_referrers.rewarded + 1
         WHERE $4::int IS NULL OR referral_referrers.rewarded < $4::int`,
        [tenantId, c.id, r.referrer_id, c.per_referrer_cap],
      );
      if (!counted.rowCount) throw new AppError(409, 'REFERRAL_CAP_REACHED', 'the referrer has been rewarded for as many friends as the campaign allows');
    }
    const memberId = side === 'referrer' ? r.referrer_id : r.referee_id;
    const g = await giveRewards(
      ctx,
      q,
      system(tenantId),
      { memberId, rewards, reference: `referral:${r.id}:${side}`, source: { kind: 'referral', id: c.id, name: c.name } },
      at,
    );
    await q.query('RELEASE SAVEPOINT referral_reward');
    return { grant: g.id, problem: null, cards: [...g.given.cards.map((x) => x.id), ...g.given.packs.flatMap((p) => p.card_ids)] };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await q.query('ROLLBACK TO SAVEPOINT referral_reward');
    await q.query('RELEASE SAVEPOINT referral_reward');
    return { grant: null, problem: e.code, cards: [] };
  }
}

/** Pays a due referral; null when it is not (anymore) qualified and due — paid by another, cancelled, or not yet due. */
export async function payReferral(ctx: Ctx, q: Sql, tenantId: string, id: string, now: Date): Promise<ReferralRow | null> {
  const won = await q.query<ReferralRow>(
    `UPDATE referrals SET state = 'rewarded', paid_at = $3 WHERE tenant_id = $1 AND id = $2 AND state = 'qualified' AND due_at <= $3 RETURNING ${REFERRAL_COLS}`,
    [tenantId, id, now],
  );
  const r = won.rows[0];
  if (!r) return null;
  const c = await getCampaign(q, tenantId, r.campaign_id);
  const sides = { referrer: c.referrer_rewards, referee: c.referee_rewards } as const;
  const out: Record<string, { grant: string | null; problem: string | null; cards: string[] }> = {};
  for (const side of ['referrer', 'referee'] as const) {
    const rewards = sides[side];
    out[side] = rewards ? await giveSide(ctx, q, r, c, side, rewards, now, tenantId) : { grant: null, problem: null, cards: [] };
  }
  const u = await q.query<ReferralRow>(
    `UPDATE referrals SET referrer_grant_id = $3, referrer_problem = $4, referee_grant_id = $5, referee_problem = $6 WHERE tenant_id = $1 AND id = $2
     RETURNING ${REFERRAL_COLS}`,
    [tenantId, id, out.referrer!.grant, out.referrer!.problem, out.referee!.grant, out.referee!.problem],
  );
  await emit(
    q,
    (['referrer', 'referee'] as const)
      .filter((s) => sides[s])
      .map((s) => ({
        tenantId,
        type: 'referral.rewarded',
        at: now,
        memberId: s === 'referrer' ? r.referrer_id : r.referee_id,
        data: { referral_id: id, campaign_id: c.id, side: s, grant_id: out[s]!.grant, card_ids: out[s]!.cards, reward_problem: out[s]!.problem },
      })),
  );
  return u.rows[0]!;
}

/** The recurring sweep: referrals whose return window has passed are paid, one transaction each. */
export async function payDue(ctx: Ctx): Promise<number> {
  let paid = 0;
  for (;;) {
    const n = await ctx.db.tx(async (q) => {
      const now = ctx.clock.now();
      const due = (
        await q.query<{ tenant_id: string; id: string }>(
          `SELECT tenant_id, id FROM referrals WHERE state = 'qualified' AND due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        )
      ).rows[0];
      if (!due) return 0;
      return (await payReferral(ctx, q, due.tenant_id, due.id, now)) ? 1 : 0;
    });
    if (!n || ++paid >= 200) return paid;
  }
}

async function pendingOf(q: Sql, tenantId: string, memberId: string) {
  return (
    await q.query<ReferralRow>(`SELECT ${REFERRAL_COLS} FROM referrals WHERE tenant_id = $1 AND referee_id = $2 AND state IN ('pending', 'qualified')`, [
      tenantId,
      memberId,
    ])
  ).rows[0];
}

/** The qualifying events (a first order, a first redemption) and a first order refunded in full within its return window. */
async function handle(ctx: Ctx, q: Sql, events: EventRow[]): Promise<void> {
  for (const e of events) {
    if (!e.member_id) continue;
    const r = await pendingOf(q, e.tenant_id, e.member_id);
    if (!r || new Date(e.created_at) < new Date(r.created_at)) continue;
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.event_type === 'order.refunded') {
      if (r.state !== 'qualified' || r.order_id !== data.order_id || data.full !== true || new Date(e.created_at) >= r.due_at!) continue;
      await q.query(
        `UPDATE referrals SET state = 'cancelled', cancelled_at = $3, cancel_reason = 'order_refunded' WHERE tenant_id = $1 AND id = $2 AND state = 'qualified'`,
        [e.tenant_id, r.id, e.created_at],
      );
      await emit(q, [
        { tenantId: e.tenant_id, type: 'referral.cancelled', at: e.created_at, memberId: r.referee_id, data: { referral_id: r.id, order_id: r.order_id } },
      ]);
      continue;
    }
    if (r.state !== 'pending') continue;
    const c = await getCampaign(q, e.tenant_id, r.campaign_id);
    if (e.event_type === 'order.placed' && c.qualify_on === 'first_order') {
      const orderId = String(data.order_id);
      if ((await ordersBefore(q, e.tenant_id, e.member_id, orderId)) === 0) await qualify(ctx, q, e.tenant_id, r, c, { at: e.created_at, orderId });
    } else if (e.event_type === 'card.redeemed' && c.qualify_on === 'first_redemption') await qualify(ctx, q, e.tenant_id, r, c, { at: e.created_at });
  }
}

export const referralQualifier: Subscriber = { name: 'referrals.qualify', types: ['order.placed', 'order.refunded', 'card.redeemed'], handle };
