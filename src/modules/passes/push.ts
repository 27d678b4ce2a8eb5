import { connect } from 'node:http2';
import type { Ctx } from '../../platform/context.js';
import type { EventRow } from '../../platform/events.js';
import type { Sql } from '../../db/index.js';
import { enqueue } from '../../platform/jobs.js';
import { loadSettings, type AppleSettings } from './settings.js';

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

/** Subscriber on card events: a handed-out pass changed; one push job per card (a burst of redemptions is one push). */
export async function passChanged(_ctx: Ctx, q: Sql, events: EventRow[]): Promise<void> {
  const latest = new Map<string, EventRow>();
  for (const e of events) if (e.card_id) latest.set(`${e.tenant_id}\n${e.card_id}`, e);
  for (const e of latest.values()) {
    const r = await q.query('UPDATE pass_cards SET changed_at = greatest(changed_at, $3) WHERE tenant_id = $1 AND card_id = $2', [
      e.tenant_id,
      e.card_id,
      e.created_at,
    ]);
    if (r.rowCount)
      await enqueue(q, { type: 'passes.push', tenantId: e.tenant_id, payload: { card_id: e.card_id }, singleton: `passes.push:${e.tenant_id}:${e.card_id}` });
  }
}

export async function pushJob(ctx: Ctx, tenantId: string, cardId: string): Promise<void> {
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
