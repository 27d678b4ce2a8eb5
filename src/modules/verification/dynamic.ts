import { randomBytes } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Keyring } from '../../secrets.js';
import { AppError } from '../../errors.js';
import { clock } from '../../clock.js';
import { findById } from '../cards/lookup.js';
import type { CodeResolver } from '../cards/resolvers.js';
import { getTemplate } from '../templates/service.js';
import type { RedemptionEffect, RedemptionGuard } from '../redemptions/extensions.js';
import { STEP_S, isDynamicPayload, matchStep, parsePayload, payloadOf, stepAt, totp } from './totp.js';

/**
 * Dynamic codes 动态码: the card's secret (created the first time the wallet shows the code), the
 * resolver that turns a scanned payload into its card, the guard that refuses a printed code for a
 * template that requires a dynamic one, and the effect that uses a code once.
 */
async function readSecret(q: Sql, keys: Keyring, tenantId: string, cardId: string): Promise<Buffer | null> {
  const r = await q.query<{ secret_enc: Uint8Array }>('SELECT secret_enc FROM card_totp_secrets WHERE tenant_id = $1 AND card_id = $2', [tenantId, cardId]);
  return r.rows[0] ? Buffer.from(keys.decrypt(r.rows[0].secret_enc), 'base64') : null;
}

/** The card's secret, made on first use (two wallets opening at once agree on the first one written). */
async function secretFor(q: Sql, keys: Keyring, tenantId: string, cardId: string, now: Date): Promise<Buffer> {
  const had = await readSecret(q, keys, tenantId, cardId);
  if (had) return had; // every refresh after the first: one read
  await q.query(
    'INSERT INTO card_totp_secrets (tenant_id, card_id, secret_enc, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, card_id) DO NOTHING',
    [tenantId, cardId, keys.encrypt(randomBytes(20).toString('base64')), now],
  );
  return (await readSecret(q, keys, tenantId, cardId))!;
}

/**
 * The card's TOTP secret for a phone wallet that rotates the code itself (Google Wallet's rotating
 * barcode): the one place the secret leaves the server, to the member's own wallet (docs/passes.md).
 */
export const walletTotpSecret = (ctx: Ctx, q: Sql, tenantId: string, cardId: string) => secretFor(q, ctx.keys, tenantId, cardId, ctx.clock.now());

/** GET /v1/wallet/cards/:id/dynamic-code: what the wallet's QR shows now. Never the secret. */
export async function currentCode(ctx: Ctx, tenantId: string, memberId: string, cardId: string) {
  const card = await findById(ctx.db, tenantId, cardId);
  if (card.member_id !== memberId) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  const t = await getTemplate(ctx.db, tenantId, card.template_id);
  if (!t.rules.dynamic_code) throw new AppError(409, 'DYNAMIC_CODE_NOT_USED', 'this card is shown by its own code: its template does not use dynamic codes');
  const now = ctx.clock.now();
  const secret = await secretFor(ctx.db, ctx.keys, tenantId, cardId, now);
  const ms = now.getTime();
  const step = stepAt(ms);
  return { payload: payloadOf(cardId, totp(secret, ms)), step, expires_in: (step + 1) * STEP_S - Math.floor(ms / 1000) };
}

const wrongCode = () =>
  new AppError(403, 'DYNAMIC_CODE_INVALID', 'code: this dynamic code is wrong or too old; ask the customer to show the live code again', {
    errors: [{ field: 'code', reason: 'wrong or expired dynamic code' }],
  });

const usedCode = () => new AppError(409, 'DYNAMIC_CODE_USED', 'this dynamic code was already used; ask the customer for the next one (it changes every 30 s)');

/** The step a payload's digits match now, or null. */
async function stepOf(q: Sql, keys: Keyring, tenantId: string, input: string): Promise<{ cardId: string; step: number | null }> {
  const { cardId, digits } = parsePayload(input);
  const secret = await readSecret(q, keys, tenantId, cardId);
  return { cardId, step: secret ? matchStep(secret, digits, clock.now().getTime()) : null };
}

export const dynamicResolver: CodeResolver = {
  name: 'dynamic-code',
  async resolve(q, keys, tenantId, input) {
    if (!isDynamicPayload(input)) return undefined;
    const { cardId, step } = await stepOf(q, keys, tenantId, input);
    if (step === null) return { wrong: wrongCode() };
    // told at once (the check, a replay) rather than after the redemption's write; the row taken in the redemption is what decides
    const used = await q.query('SELECT 1 FROM dynamic_code_uses WHERE tenant_id = $1 AND card_id = $2 AND step = $3', [tenantId, cardId, step]);
    return used.rowCount ? { cardId, refuse: usedCode() } : { cardId };
  },
};

/** A template that requires a dynamic code refuses its printed code and its card id at the till. */
export const dynamicRequired: RedemptionGuard = {
  name: 'dynamic-code-required',
  check(_ctx, a) {
    if (a.template.rules.dynamic_code && !isDynamicPayload(a.input.code))
      throw new AppError(403, 'DYNAMIC_CODE_REQUIRED', 'this card is redeemed only by the live code its wallet shows (动态码); scan the wallet’s QR code');
  },
};

/**
 * Used once: the redemption takes the code's (card, step) row in its own transaction. A concurrent
 * replay waits on that row's key and then finds it taken; a failed redemption gives the code back.
 */
export const dynamicUsedOnce: RedemptionEffect = {
  name: 'dynamic-code-used-once',
  applies: (a) => isDynamicPayload(a.input.code),
  async run(ctx, q, a, done) {
    const { cardId, step } = await stepOf(q, ctx.keys, a.caller.tenantId, a.input.code!);
    if (step === null || cardId !== done.card.id) throw wrongCode();
    const r = await q.query(
      `INSERT INTO dynamic_code_uses (tenant_id, card_id, step, redemption_id, used_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, card_id, step) DO NOTHING RETURNING 1`,
      [a.caller.tenantId, cardId, step, done.redemptionId, a.at],
    );
    if (!r.rowCount) throw usedCode();
  },
};
