import { readFileSync } from 'node:fs';
import { PKPass } from 'passkit-generator';
import type { Ctx } from '../../platform/context.js';
import type { CardRow } from '../cards/model.js';
import type { TemplateRow } from '../templates/schemas.js';
import { headline, isDead, STATE_WORDS, styleOf, validUntil } from './content.js';
import type { AppleSettings } from './settings.js';

const ICONS = ['icon.png', 'icon@2x.png', 'icon@3x.png'].map((f) => [f, readFileSync(new URL(`./assets/${f}`, import.meta.url))] as const);

export interface Look {
  background_color: string | null;
  foreground_color: string | null;
  label_color: string | null;
  logo_png: Uint8Array | null;
  strip_png: Uint8Array | null;
}

/** The pass's own secret for Apple's web service calls: derived, so nothing is stored per pass. */
export const authToken = (ctx: Ctx, tenantId: string, cardId: string) => ctx.keys.hmac(`pass:${tenantId}:${cardId}`).toString('hex').slice(0, 40);

export const webServiceUrl = (ctx: Ctx, tenantId: string) => `${ctx.config.publicUrl.replace(/\/$/, '')}/passes/apple/t/${tenantId}`;

const rgb = (hex: string | null, fallback: string) => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? fallback) ?? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fallback)!;
  return `rgb(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)})`;
};

/** A signed .pkpass for a card: its code as a QR, what it is worth now, its expiry; voided once it cannot be used. */
export function buildPkpass(ctx: Ctx, s: AppleSettings, c: CardRow, t: TemplateRow, code: string, look: Look | null): Buffer {
  const files: Record<string, Buffer> = Object.fromEntries(ICONS);
  if (look?.logo_png) files['logo.png'] = Buffer.from(look.logo_png);
  if (look?.strip_png) files['strip.png'] = Buffer.from(look.strip_png);
  const pass = new PKPass(
    files,
    { wwdr: s.wwdr_pem, signerCert: s.certificate_pem, signerKey: s.private_key_pem, signerKeyPassphrase: s.private_key_passphrase },
    {
      formatVersion: 1,
      passTypeIdentifier: s.pass_type_id,
      teamIdentifier: s.team_id,
      serialNumber: c.id,
      organizationName: s.organization_name,
      description: t.name,
      logoText: t.name,
      backgroundColor: rgb(look?.background_color ?? null, '#c81e2d'),
      foregroundColor: rgb(look?.foreground_color ?? null, '#ffffff'),
      labelColor: rgb(look?.label_color ?? null, '#ffe8a3'),
      authenticationToken: authToken(ctx, c.tenant_id, c.id),
      webServiceURL: webServiceUrl(ctx, c.tenant_id),
      voided: isDead(c),
    },
  );
  pass.type = styleOf(t.kind);
  const h = headline(c, t);
  pass.primaryFields.push({ key: 'worth', label: h.label, value: h.value, changeMessage: `${h.label}: %@` });
  const until = validUntil(c);
  if (until) pass.secondaryFields.push({ key: 'until', label: '有效期至 Valid until', value: until.toISOString(), dateStyle: 'PKDateStyleMedium' });
  pass.auxiliaryFields.push({ key: 'tail', label: '券码尾号 Code ends', value: c.code_tail });
  if (STATE_WORDS[c.state]) pass.headerFields.push({ key: 'state', label: '状态 State', value: STATE_WORDS[c.state], changeMessage: '%@' });
  if (t.description) pass.backFields.push({ key: 'about', label: '说明 About', value: t.description });
  if (!t.rules.dynamic_code) pass.backFields.push({ key: 'code', label: '券码 Code', value: code });
  if (until) pass.setExpirationDate(until);
  // a dynamic-code template's printed code is refused at the till: Apple Wallet cannot rotate a code, so its pass sends the member to the wallet page
  if (t.rules.dynamic_code)
    pass.backFields.push({ key: 'dynamic', label: '动态码 Dynamic code', value: '请在会员钱包页出示动态码 Show the live code from the member wallet page' });
  else if (!isDead(c)) pass.setBarcodes({ format: 'PKBarcodeFormatQR', message: code, messageEncoding: 'iso-8859-1', altText: `···${c.code_tail}` });
  return pass.getAsBuffer();
}
