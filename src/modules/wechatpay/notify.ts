import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { normalizeCode } from '../codes/codes.js';
import { codeHash } from '../cards/lookup.js';
import { redeem } from '../redemptions/redeem.js';
import { verifyWechat } from './client.js';
import { decryptResource, type Resource } from './crypto.js';
import { connOf } from './settings.js';

/**
 * `POST /callbacks/wechatpay/{tenant id}` 商家券事件通知: outside /v1, no API key; WeChat's platform
 * signature over the raw body (and a timestamp within 5 minutes) is the only proof. A bad signature is
 * 401 and changes nothing. The resource is decrypted with the API v3 key (AEAD_AES_256_GCM).
 * - COUPON.SEND 领券: the code is marked claimed, with the claimer's openid sealed by the keyring (never shown; kept only to ask WeChat about that coupon);
 * - COUPON.USE 核销: the Kaquan card is redeemed through the redemptions module, as the platform. A code
 *   Kaquan already redeemed (or cannot redeem) is recorded, flagged for reconciliation and still answered
 *   success, so WeChat stops retrying a notification nothing can change.
 * Every notification is kept by WeChat's id in the same transaction as its effect: a duplicate is
 * answered success and changes nothing. Success is 200 {"code":"SUCCESS"}; a failure is 4xx/5xx, which
 * WeChat retries.
 */
const system = (tenantId: string): Caller => ({ tenantId, keyId: 'system:wechatpay', role: 'system', storeIds: [], channelId: null });

export function notifyRoutes(app: FastifyInstance, ctx: Ctx) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as any).rawBody = body as string;
    try {
      done(null, (body as string).trim() ? JSON.parse(body as string) : {});
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });
  app.post<{ Params: { tenant: string } }>('/callbacks/wechatpay/:tenant', { schema: { hide: true }, bodyLimit: 256 * 1024 }, async (req) => {
    const raw: string = (req as any).rawBody ?? '';
    const tenantId = req.params.tenant;
    const conn = await connOf(ctx.db, ctx.keys, tenantId, false).catch(() => null);
    if (!conn) throw new AppError(404, 'WECHATPAY_NOT_CONFIGURED', 'WeChat Pay is not set up for this brand');
    const now = ctx.clock.now();
    if (!verifyWechat(conn, req.headers, raw, now))
      throw new AppError(401, 'WECHATPAY_SIGNATURE_INVALID', 'signature: the notification is not signed by the WeChat Pay platform key, or is not fresh');
    const n = req.body as { id?: string; event_type?: string; resource?: Resource };
    if (!n?.id || !n.event_type || !n.resource) throw new AppError(400, 'WECHATPAY_NOTIFICATION_INVALID', 'the notification has no id, event_type or resource');
    let plain: Record<string, any>;
    try {
      plain = JSON.parse(decryptResource(conn.apiV3Key, n.resource));
    } catch {
      throw new AppError(400, 'WECHATPAY_NOTIFICATION_INVALID', 'resource: cannot be decrypted with this brand’s API v3 key');
    }
    await ctx.db.tx((q) => handle(ctx, q, tenantId, n.id!, n.event_type!, plain));
    return { code: 'SUCCESS', message: '成功' };
  });
}

async function handle(ctx: Ctx, q: Sql, tenantId: string, id: string, type: string, p: Record<string, any>) {
  const now = ctx.clock.now();
  const first = await q.query(
    `INSERT INTO wechat_notifications (tenant_id, id, event_type, outcome, received_at) VALUES ($1, $2, $3, 'received', $4) ON CONFLICT DO NOTHING RETURNING id`,
    [tenantId, id, type, now],
  );
  if (!first.rows.length) return; // a duplicate: answered like the first, nothing again
  const outcome = (o: string, cardId: string | null = null) =>
    q.query(`UPDATE wechat_notifications SET outcome = $3, card_id = $4 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, o, cardId]);
  const code = normalizeCode(String(p.coupon_code ?? ''));
  const r = code
    ? await q.query(`SELECT card_id, state, used_by FROM wechat_codes WHERE tenant_id = $1 AND code_hash = $2 FOR UPDATE`, [
        tenantId,
        codeHash(ctx.keys, tenantId, code),
      ])
    : { rows: [] };
  const mirrored = r.rows[0] as { card_id: string; state: string; used_by: string | null } | undefined;
  if (!mirrored) return outcome('unknown_code');
  const cardId = mirrored.card_id;
  if (type === 'COUPON.SEND') {
    const openid = p.openid ? ctx.keys.encrypt(String(p.openid)) : null;
    await q.query(
      `UPDATE wechat_codes SET state = CASE WHEN state IN ('pending','uploaded') THEN 'claimed' ELSE state END, openid_enc = coalesce(openid_enc, $3), claimed_at = coalesce(claimed_at, $4)
       WHERE tenant_id = $1 AND card_id = $2`,
      [tenantId, cardId, openid, now],
    );
    return outcome('claimed', cardId);
  }
  if (type !== 'COUPON.USE') return outcome('ignored', cardId);
  if (mirrored.state === 'used') {
    await flag(q, tenantId, cardId, mirrored.used_by === 'kaquan' ? 'used in WeChat after Kaquan redeemed it' : null);
    return outcome(mirrored.used_by === 'kaquan' ? 'already_redeemed' : 'duplicate_use', cardId);
  }
  await q.query('SAVEPOINT wechat_use');
  try {
    const red = await redeem(ctx, q, system(tenantId), { card_id: cardId });
    await q.query('RELEASE SAVEPOINT wechat_use');
    await q.query(`UPDATE wechat_codes SET state = 'used', used_by = 'wechat', used_at = $3, redemption_id = $4 WHERE tenant_id = $1 AND card_id = $2`, [
      tenantId,
      cardId,
      now,
      (red as { id: string }).id,
    ]);
    return outcome('redeemed', cardId);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await q.query('ROLLBACK TO SAVEPOINT wechat_use');
    // Kaquan said no (already used, voided, expired…): WeChat cannot be told no after the fact; a person looks
    await q.query(`UPDATE wechat_codes SET state = 'used', used_at = coalesce(used_at, $3) WHERE tenant_id = $1 AND card_id = $2`, [tenantId, cardId, now]);
    await flag(q, tenantId, cardId, `used in WeChat; Kaquan refused to redeem it (${e.code})`);
    return outcome(e.code === 'CARD_ALREADY_REDEEMED' ? 'already_redeemed' : `refused:${e.code}`, cardId);
  }
}

const flag = (q: Sql, tenantId: string, cardId: string, why: string | null) =>
  why ? q.query(`UPDATE wechat_codes SET flag = $3 WHERE tenant_id = $1 AND card_id = $2`, [tenantId, cardId, why]) : Promise.resolve();
