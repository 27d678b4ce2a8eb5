import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Ctx } from '../../platform/context.js';
import type { CardRow } from '../cards/model.js';
import type { TemplateRow } from '../templates/schemas.js';
import { headline, styleOf } from './content.js';
import { DIGITS, PREFIX, STEP_S } from '../verification/totp.js';
import type { GoogleSettings } from './settings.js';

/** Google's three object types a card is shown as: an offer (coupons), a gift card (stored value, gift cards), a loyalty card (the rest). */
export type GoogleObjectType = 'offerObject' | 'giftCardObject' | 'loyaltyObject';
const TYPES: Record<string, GoogleObjectType> = { coupon: 'offerObject', storeCard: 'giftCardObject', generic: 'loyaltyObject' };

/**
 * The card as Google Wallet shows it now (its worth, state, code): what a save link carries and what
 * an update PATCHes. Its id is `<issuer_id>.<card id>`, its class `<issuer_id>.<template id>`.
 */
export function walletObject(s: GoogleSettings, c: CardRow, t: TemplateRow, code: string, totpSecret: Buffer | null) {
  // a frozen card is INACTIVE until it is unfrozen (Google greys it, as Apple's pass says 已冻结)
  const state = c.state === 'expired' ? 'EXPIRED' : c.state === 'used' ? 'COMPLETED' : c.state === 'active' ? 'ACTIVE' : 'INACTIVE';
  const h = headline(c, t);
  const type = TYPES[styleOf(t.kind)]!;
  const common = {
    id: `${s.issuer_id}.${c.id}`,
    classId: `${s.issuer_id}.${t.id}`,
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
  const object: Record<string, unknown> =
    type === 'giftCardObject'
      ? { ...common, cardNumber: `···${c.code_tail}`, balance: { micros: Number(c.balance) * 10_000, currencyCode: 'CNY' } }
      : type === 'loyaltyObject'
        ? { ...common, accountId: c.id, loyaltyPoints: { label: h.label, balance: { string: h.value } } }
        : common;
  return { type, object };
}

function walletClass(type: GoogleObjectType, id: string, t: TemplateRow, brand: string) {
  if (type === 'offerObject') return { id, issuerName: brand, provider: brand, title: t.name, redemptionChannel: 'BOTH', reviewStatus: 'UNDER_REVIEW' };
  if (type === 'giftCardObject') return { id, issuerName: brand, merchantName: brand, reviewStatus: 'UNDER_REVIEW' };
  return { id, issuerName: brand, programName: t.name, reviewStatus: 'UNDER_REVIEW' };
}

/**
 * "Save to Google Wallet" 保存到 Google 钱包: a JWT signed (RS256) with the tenant's service-account key
 * that carries the class (the template) and the object (the card); Google creates them when the member
 * opens the link.
 */
export async function saveLink(
  ctx: Ctx,
  s: GoogleSettings,
  c: CardRow,
  t: TemplateRow,
  code: string,
  brand: string,
  totpSecret: Buffer | null,
): Promise<{ url: string; jwt: string; type: GoogleObjectType; objectId: string }> {
  const { type, object } = walletObject(s, c, t, code, totpSecret);
  const plural = type.replace('Object', '');
  const payload = { [`${plural}Classes`]: [walletClass(type, String(object.classId), t, brand)], [`${plural}Objects`]: [object] };
  const jwt = await new SignJWT({ typ: 'savetowallet', origins: [new URL(ctx.config.publicUrl).origin], payload })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(s.service_account_email)
    .setAudience('google')
    .setIssuedAt(Math.floor(ctx.clock.now().getTime() / 1000))
    .sign(createPrivateKey(s.private_key_pem));
  return { url: `https://pay.google.com/gp/v/save/${jwt}`, jwt, type, objectId: String(object.id) };
}
