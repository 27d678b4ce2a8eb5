import type { Ctx } from '../../platform/context.js';
import type { Subscriber } from '../../platform/events.js';
import type { JobDef } from '../../platform/module.js';
import { enqueue } from '../../platform/jobs.js';
import { cardsByIds } from '../cards/read.js';
import { revealCode } from '../cards/lookup.js';
import { call, WechatError } from './client.js';
import { connOf } from './settings.js';

/**
 * The other direction 核销同步: a Kaquan redemption of a mirrored code is told to WeChat
 * (`POST /v3/marketing/busifavor/coupons/use`, use_request_no = the redemption id, so a re-sent call
 * is the same use). The subscriber records it and enqueues the durable job `wechatpay.use`; a
 * redemption that came from WeChat's own use notification is not sent back.
 */
export const USE = 'wechatpay.use';

export const redeemedToWechat: Subscriber = {
  name: 'wechatpay.redeemed',
  types: ['card.redeemed'],
  handle: async (_ctx, q, events) => {
    for (const e of events) {
      const rid = e.data?.redemption_id as string | undefined;
      if (!e.card_id || !rid) continue;
      const m = await q.query(
        `UPDATE wechat_codes SET state = 'used', used_by = 'kaquan', used_at = $4, redemption_id = $3
         WHERE tenant_id = $1 AND card_id = $2 AND state <> 'used' RETURNING card_id`,
        [e.tenant_id, e.card_id, rid, e.created_at],
      );
      if (!m.rows.length) continue; // not mirrored, or the use came from WeChat
      await q.query(`INSERT INTO wechat_uses (tenant_id, redemption_id, card_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        e.tenant_id,
        rid,
        e.card_id,
        e.created_at,
      ]);
      await enqueue(q, { type: USE, tenantId: e.tenant_id, payload: { redemption_id: rid }, maxAttempts: 12 });
    }
  },
};

async function tellWechat(ctx: Ctx, tenantId: string, redemptionId: string): Promise<void> {
  const u = (
    await ctx.db.query(
      `SELECT u.card_id, u.state, s.stock_id FROM wechat_uses u JOIN wechat_codes c ON c.tenant_id = u.tenant_id AND c.card_id = u.card_id
       JOIN wechat_stocks s ON s.tenant_id = c.tenant_id AND s.id = c.stock_row WHERE u.tenant_id = $1 AND u.redemption_id = $2`,
      [tenantId, redemptionId],
    )
  ).rows[0];
  if (u?.state !== 'pending') return;
  const conn = await connOf(ctx.db, ctx.keys, tenantId, !!ctx.config.supplierAllowPrivate);
  const [card] = await cardsByIds(ctx.db, tenantId, [u.card_id]);
  const now = ctx.clock.now();
  const rfc = `${new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
  try {
    await call(
      conn,
      'POST',
      '/v3/marketing/busifavor/coupons/use',
      { coupon_code: revealCode(ctx.keys, card).code, stock_id: u.stock_id, appid: conn.appid, use_time: rfc, use_request_no: redemptionId },
      now,
    );
    await ctx.db.query(`UPDATE wechat_uses SET state = 'done', done_at = $3, error = NULL WHERE tenant_id = $1 AND redemption_id = $2`, [
      tenantId,
      redemptionId,
      now,
    ]);
  } catch (e) {
    if (!(e instanceof WechatError)) throw e;
    if (e.retry) {
      await ctx.db.query(`UPDATE wechat_uses SET error = $3 WHERE tenant_id = $1 AND redemption_id = $2`, [tenantId, redemptionId, e.message.slice(0, 500)]);
      throw e; // the job's own backoff sends it again
    }
    // WeChat refused for good (e.g. the coupon was never claimed): kept for reconciliation
    await ctx.db.query(`UPDATE wechat_uses SET state = 'failed', error = $3 WHERE tenant_id = $1 AND redemption_id = $2`, [
      tenantId,
      redemptionId,
      e.message.slice(0, 500),
    ]);
  }
}

export const useJob: JobDef = { type: USE, maxAttempts: 12, run: (ctx, job) => tellWechat(ctx, job.tenant_id!, job.payload.redemption_id) };
