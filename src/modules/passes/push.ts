import { connect } from 'node:http2';
import type { Ctx } from '../../platform/context.js';
import type { EventRow } from '../../platform/events.js';
import type { Sql } from '../../db/index.js';
import { enqueue } from '../../platform/jobs.js';
import { loadSettings, type AppleSettings } from './settings.js';
import { updateGoogleObjects } from './google-update.js';

/**
 * When a card whose pass was handed out changes (redeemed, topped up, frozen, voided, expired …) its
 * pass is marked changed and every device that registered it is told through APNs; the device then
 * asks the web service for the serials updated since its last tag and fetches the new pass.
 */
export interface PushTarget {
  topic: string;
  certPem: string;
  keyPem: string;
  passphrase?: string;
}
/** The push adapter: one empty notification per device token; `gone` tokens are no longer registered (APNs 410). */
export interface PassPusher {
  push(t: PushTarget, tokens: string[]): Promise<{ token: string; status: number; gone: boolean }[]>;
}

/** APNs over HTTP/2 with the pass's own certificate (Apple's pass updates use the Pass Type ID certificate, production gateway). */
export function apnsPusher(baseUrl: string, tls: { ca?: string; servername?: string } = {}): PassPusher {
  return {
    async push(t, tokens) {
      const session = connect(baseUrl, { cert: t.certPem, key: t.keyPem, passphrase: t.passphrase, ...tls });
      try {
        await new Promise<void>((res, rej) => {
          session.once('connect', () => res());
          session.once('error', rej);
        });
        return await Promise.all(
          tokens.map(
            (token) =>
              new Promise<{ token: string; status: number; gone: boolean }>((res) => {
                const req = session.request({
                  ':method': 'POST',
                  ':path': `/3/device/${encodeURIComponent(token)}`,
                  'apns-topic': t.topic,
                  'content-type': 'application/json',
                });
                req.setTimeout(10_000, () => req.close());
                let status = 0;
                req.on('response', (h) => (status = Number(h[':status'])));
                req.on('close', () => res({ token, status, gone: status === 410 }));
                req.on('error', () => {});
                req.resume(); // APNs answers a refusal with a JSON reason: read it, or the stream never closes
                req.end('{}');
              }),
          ),
        );
      } finally {
        session.close();
      }
    },
  };
}

let pusherOverride: PassPusher | null = null;
/** Tests (and an operator's own gateway) may put another pusher in. */
export const setPassPusher = (p: PassPusher | null) => {
  pusherOverride = p;
};
const pusherFor = (ctx: Ctx) =>
  pusherOverride ?? apnsPusher(ctx.config.apnsUrl ?? 'https://api.push.apple.com', ctx.config.apnsCa ? { ca: ctx.config.apnsCa } : {});

/**
 * The card events that change what a pass shows (worth, state, expiry, holder). Not `card.issued` or
 * `card.delivered`: a card is issued before any pass of it exists, and a bulk job's hundred thousand
 * issues would otherwise each be read by this subscriber.
 */
export const PASS_CHANGES = [
  'redeemed',
  'reversed',
  'frozen',
  'unfrozen',
  'voided',
  'expired',
  'extended',
  'topped_up',
  'refilled',
  'stamped',
  'rewarded',
  'transferred',
  'gift_accepted',
  'review_held',
  'review_released',
].map((t) => `card.${t}`);

/** Subscriber: the handed-out passes among these cards are marked changed in one statement; one push job per card (a burst of redemptions is one push). */
export async function passChanged(_ctx: Ctx, q: Sql, events: EventRow[]): Promise<void> {
  const latest = new Map<string, EventRow>();
  for (const e of events) if (e.card_id) latest.set(`${e.tenant_id}\n${e.card_id}`, e);
  if (!latest.size) return;
  const rows = [...latest.values()];
  const changed = await q.query<{ tenant_id: string; card_id: string }>(
    `UPDATE pass_cards p SET changed_at = greatest(p.changed_at, c.at)
       FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS c(tenant_id, card_id, at)
      WHERE p.tenant_id = c.tenant_id AND p.card_id = c.card_id
      RETURNING p.tenant_id, p.card_id`,
    [rows.map((e) => e.tenant_id), rows.map((e) => e.card_id), rows.map((e) => e.created_at)],
  );
  for (const c of changed.rows)
    await enqueue(q, { type: 'passes.push', tenantId: c.tenant_id, payload: { card_id: c.card_id }, singleton: `passes.push:${c.tenant_id}:${c.card_id}` });
}

/** One job per changed card: its Google objects are PATCHed, its Apple devices pushed (each retried until both went through). */
export async function pushJob(ctx: Ctx, tenantId: string, cardId: string): Promise<void> {
  await updateGoogleObjects(ctx, tenantId, cardId);
  await pushApple(ctx, tenantId, cardId);
}

async function pushApple(ctx: Ctx, tenantId: string, cardId: string): Promise<void> {
  const regs = await ctx.db.query<{ device_id: string; push_token: string; pass_type_id: string }>(
    'SELECT device_id, push_token, pass_type_id FROM pass_registrations WHERE tenant_id = $1 AND card_id = $2',
    [tenantId, cardId],
  );
  if (!regs.rows.length) return;
  const s = await loadSettings<AppleSettings>(ctx.db, ctx.keys, tenantId, 'apple');
  const tokens = [...new Set(regs.rows.filter((r) => r.pass_type_id === s.pass_type_id).map((r) => r.push_token))];
  const results = await pusherFor(ctx).push(
    { topic: s.pass_type_id, certPem: s.certificate_pem, keyPem: s.private_key_pem, passphrase: s.private_key_passphrase },
    tokens,
  );
  const gone = results.filter((r) => r.gone).map((r) => r.token);
  if (gone.length) await ctx.db.query('DELETE FROM pass_registrations WHERE tenant_id = $1 AND push_token = ANY($2)', [tenantId, gone]);
  const failed = results.filter((r) => !r.gone && (r.status < 200 || r.status >= 300));
  if (failed.length) throw new Error(`APNs refused ${failed.length} of ${results.length} pushes (status ${failed[0].status})`); // the job retries
}
