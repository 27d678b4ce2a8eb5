import type { Ctx } from '../../platform/context.js';
import type { JobDef } from '../../platform/module.js';
import { newId } from '../../ids.js';
import { cardsByIds } from '../cards/read.js';
import { revealCode } from '../cards/lookup.js';
import { call, WechatError } from './client.js';
import { connOf } from './settings.js';

/**
 * 对账 reconciliation of one mirrored stock, nightly (`wechatpay.reconcile`, every 24 h) or on demand.
 * WeChat offers no listing of a stock's codes; what can be asked is the stock (how many were claimed)
 * and one claimed coupon by its claimer's openid. So a run compares:
 * - the stock's claimed count at WeChat with the claims Kaquan was notified of;
 * - each code Kaquan knows was claimed (up to QUERY_CAP per run, least recently checked first): WeChat's
 *   coupon state against the Kaquan side (USED at WeChat but not redeemed here, or the reverse);
 * - every Kaquan redemption whose use call WeChat refused or has not acknowledged;
 * - every code flagged by a notification (used in WeChat after Kaquan redeemed it, refused here).
 * Unclaimed codes cannot be asked about one by one: they are counted, not checked.
 */
export const RECONCILE = 'wechatpay.reconcile';
const QUERY_CAP = 200;

/** `detail` is for the log (English); the console words a difference from `kind`, `why` and the counts. */
type Diff = {
  kind: string;
  card_id?: string;
  code_tail?: string;
  detail: string;
  why?: string;
  wechat_count?: number;
  kaquan_count?: number;
  wechat_state?: string;
};

export async function reconcileStock(ctx: Ctx, tenantId: string, rowId: string) {
  const s = (await ctx.db.query(`SELECT id, batch_id, stock_id FROM wechat_stocks WHERE tenant_id = $1 AND id = $2`, [tenantId, rowId])).rows[0];
  if (!s?.stock_id) return null;
  const conn = await connOf(ctx.db, ctx.keys, tenantId, !!ctx.config.supplierAllowPrivate);
  const now = ctx.clock.now();
  const diffs: Diff[] = [];
  let checked = 0;
  const codes = (
    await ctx.db.query(
      `SELECT card_id, state, used_by, openid_enc, flag FROM wechat_codes WHERE tenant_id = $1 AND stock_row = $2 AND (openid_enc IS NOT NULL OR flag IS NOT NULL OR state = 'used')`,
      [tenantId, rowId],
    )
  ).rows;
  const cards = new Map(
    (
      await cardsByIds(
        ctx.db,
        tenantId,
        codes.map((c) => c.card_id),
      )
    ).map((c) => [c.id, c]),
  );
  const tail = (id: string) => cards.get(id)?.code_tail;
  try {
    const st = await call<{ send_count_information?: { total_send_num?: number } }>(
      conn,
      'GET',
      `/v3/marketing/busifavor/stocks/${encodeURIComponent(s.stock_id)}`,
      undefined,
      now,
    );
    const theirs = st.send_count_information?.total_send_num;
    const ours = codes.filter((c) => c.openid_enc).length;
    if (typeof theirs === 'number' && theirs !== ours)
      diffs.push({ kind: 'claim_count', wechat_count: theirs, kaquan_count: ours, detail: `WeChat counts ${theirs} claimed, Kaquan was notified of ${ours}` });
  } catch (e) {
    if (!(e instanceof WechatError)) throw e;
    diffs.push({ kind: 'query_failed', why: 'stock', detail: `stock: ${e.message}` });
  }
  for (const c of codes.filter((x) => x.openid_enc).slice(0, QUERY_CAP)) {
    const card = cards.get(c.card_id);
    if (!card) continue;
    const openid = ctx.keys.decrypt(c.openid_enc);
    const code = revealCode(ctx.keys, card).code;
    try {
      const r = await call<{ coupon_state?: string }>(
        conn,
        'GET',
        `/v3/marketing/busifavor/users/${encodeURIComponent(openid)}/coupons/${encodeURIComponent(code)}/appids/${encodeURIComponent(conn.appid)}`,
        undefined,
        now,
      );
      checked++;
      const usedThere = r.coupon_state === 'USED';
      const usedHere = card.state === 'used';
      if (usedThere && !usedHere)
        diffs.push({
          kind: 'used_in_wechat_not_redeemed',
          card_id: c.card_id,
          code_tail: tail(c.card_id),
          detail: 'WeChat says USED; the Kaquan card is not used',
        });
      if (!usedThere && usedHere)
        diffs.push({
          kind: 'redeemed_not_used_in_wechat',
          card_id: c.card_id,
          code_tail: tail(c.card_id),
          wechat_state: r.coupon_state ?? 'UNKNOWN',
          detail: `Kaquan redeemed it; WeChat says ${r.coupon_state ?? 'nothing'}`,
        });
    } catch (e) {
      if (!(e instanceof WechatError)) throw e;
      diffs.push({ kind: 'query_failed', card_id: c.card_id, code_tail: tail(c.card_id), detail: e.message });
    }
  }
  const uses = (
    await ctx.db.query(
      `SELECT u.card_id, u.state, u.error FROM wechat_uses u JOIN wechat_codes c ON c.tenant_id = u.tenant_id AND c.card_id = u.card_id WHERE u.tenant_id = $1 AND c.stock_row = $2 AND u.state <> 'done'`,
      [tenantId, rowId],
    )
  ).rows;
  for (const u of uses)
    if (!diffs.some((d) => d.card_id === u.card_id && d.kind === 'redeemed_not_used_in_wechat'))
      diffs.push({
        kind: 'redeemed_not_used_in_wechat',
        card_id: u.card_id,
        code_tail: tail(u.card_id),
        why: u.state === 'failed' ? 'use_refused' : 'use_pending',
        detail: u.state === 'failed' ? `WeChat refused the use: ${u.error}` : 'the use is not acknowledged by WeChat yet',
      });
  for (const c of codes.filter((x) => x.flag))
    diffs.push({
      kind: 'flagged',
      why: /after Kaquan redeemed/.test(c.flag) ? 'used_after_kaquan' : 'refused_here',
      card_id: c.card_id,
      code_tail: tail(c.card_id),
      detail: c.flag,
    });
  const id = newId('wxr');
  await ctx.db.query(
    `INSERT INTO wechat_reconciliations (tenant_id, id, stock_row, batch_id, stock_id, checked, differences, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenantId, id, rowId, s.batch_id, s.stock_id, checked, JSON.stringify(diffs), now],
  );
  return id;
}

export async function reconcileAll(ctx: Ctx) {
  const r = await ctx.db.query(`SELECT tenant_id, id FROM wechat_stocks WHERE stock_id IS NOT NULL ORDER BY tenant_id, id`);
  for (const s of r.rows) await reconcileStock(ctx, s.tenant_id, s.id);
}

export const reconJobs: JobDef[] = [
  { type: RECONCILE, every: 24 * 3600_000, run: (ctx) => reconcileAll(ctx) },
  { type: 'wechatpay.reconcile_one', maxAttempts: 3, run: async (ctx, job) => void (await reconcileStock(ctx, job.tenant_id!, job.payload.stock_row)) },
];

export async function listReconciliations(ctx: Ctx, tenantId: string, id?: string) {
  const r = await ctx.db.query(
    `SELECT id, batch_id, stock_id, checked, differences, created_at FROM wechat_reconciliations WHERE tenant_id = $1 AND ($2::text IS NULL OR id = $2) ORDER BY created_at DESC LIMIT 100`,
    [tenantId, id ?? null],
  );
  return r.rows.map((x) => ({ ...x, differences: typeof x.differences === 'string' ? JSON.parse(x.differences) : x.differences }));
}
