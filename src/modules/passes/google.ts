import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Ctx } from '../../platform/context.js';
import type { CardRow } from '../cards/model.js';
import type { TemplateRow } from '../templates/schemas.js';
import { headline, isDead, styleOf } from './content.js';
import { DIGITS, PREFIX, STEP_S } from '../verification/totp.js';
import type { GoogleSettings } from './settings.js';

/**
 * "Save to Google Wallet" 保存到 Google 钱包: a JWT signed (RS256) with the tenant's service-account key
 * that carries the class (the template) and the object (the card) — an offer for a coupon, a gift card
 * for stored value and gift cards, a loyalty card for the rest. Google creates them when the member
 * opens the link; ids are `<issuer_id>.<template or card id>`.
 */
export async function saveLink(
  ctx: Ctx,
  s: GoogleSettings,
  c: CardRow,
  t: TemplateRow,
  code: string,
  brand: string,
  totpSecret: Buffer | null,
): Promise<{ url: string; jwt: string }> {
  const classId = `${s.issuer_id}.${t.id}`;
  const state = isDead(c) ? (c.state === 'expired' ? 'EXPIRED' : c.state === 'used' ? 'COMPLETED' : 'INACTIVE') : 'ACTIVE';
  const h = headline(c, t);
  const common = {
    id: `${s.issuer_id}.${c.id}`,
    classId,
    state,
    // a template that requires dynamic codes 动态码: Google's wallet rotates the code itself, from the card's TOTP secret
    ...(totpSecret
      ? {
          rotatingBarcode: {
            type: 'QR_CODE',
            valuePattern: `${PREFIX}${c.id}.{totp_value_0}`,
            totpDetails: { periodMillis: STEP_S * 1000, algorithm: 'TOTP_SHA1', parameters: [{ key: totpSecret.toString('hex'), valueLength: DIGITS }] },
            alternateText: `···${c.code_tail}`,
          },
        }
      : { barcode: { type: 'QR_CODE', value: code, alternateText: `···${c.code_tail}` } }),
    ...(c.valid_until ? { validTimeInterval: { end: { date: new Date(c.valid_until).toISOString() } } } : {}),
    textModulesData: [{ id: 'worth', header: h.label, body: h.value }],
  };
  let payload: Record<string, unknown[]>;
  switch (styleOf(t.kind)) {
    case 'coupon':
      payload = {
        offerClasses: [{ id: classId, issuerName: brand, provider: brand, title: t.name, redemptionChannel: 'BOTH', reviewStatus: 'UNDER_REVIEW' }],
        offerObjects: [common],
      };
      break;
    case 'storeCard':
      payload = {
        giftCardClasses: [{ id: classId, issuerName: brand, merchantName: brand, reviewStatus: 'UNDER_REVIEW' }],
        giftCardObjects: [{ ...common, cardNumber: `···${c.code_tail}`, balance: { micros: Number(c.balance) * 10_000, currencyCode: 'CNY' } }],
      };
      break;
    default:
      payload = {
        loyaltyClasses: [{ id: classId, issuerName: brand, programName: t.name, reviewStatus: 'UNDER_REVIEW' }],
        loyaltyObjects: [{ ...common, accountId: c.id, loyaltyPoints: { label: h.label, balance: { string: h.value } } }],
      };
  }
  const jwt = await new SignJWT({ typ: 'savetowallet', origins: [new URL(ctx.config.publicUrl).origin], payload })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(s.service_account_email)
    .setAudience('google')
    .setIssuedAt(Math.floor(ctx.clock.now().getTime() / 1000))
    .sign(createPrivateKey(s.private_key_pem));
  return { url: `https://pay.google.com/gp/v/save/${jwt}`, jwt };
}
