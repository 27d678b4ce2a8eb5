import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import type { CardRow } from '../cards/model.js';
import { findById, revealCode } from '../cards/lookup.js';
import { getTemplate } from '../templates/service.js';
import { getTenant } from '../tenants/service.js';
import { buildPkpass, type Look } from './apple.js';
import { saveLink, walletObject } from './google.js';
import { isDead } from './content.js';
import { walletTotpSecret } from '../verification/dynamic.js';
import { loadSettings, type AppleSettings, type GoogleSettings } from './settings.js';

/** A card as a pass may show it: the brand's staff any card of the tenant; a member only their own (404 alike). */
export async function passCard(q: Sql, tenantId: string, cardId: string, memberId: string | null): Promise<CardRow> {
  const c = await findById(q, tenantId, cardId);
  if (memberId !== null && c.member_id !== memberId) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  if (c.state === 'unissued') throw new AppError(409, 'PASS_CARD_NOT_ISSUED', 'a card that has not been issued has no pass');
  return c;
}

async function lookOf(q: Sql, tenantId: string, templateId: string): Promise<Look | null> {
  const r = await q.query<Look>(
    'SELECT background_color, foreground_color, label_color, logo_png, strip_png FROM pass_styles WHERE tenant_id = $1 AND template_id = $2',
    [tenantId, templateId],
  );
  return r.rows[0] ?? null;
}

/** The pass was handed out: from now on its changes are what Apple's "updated since" answers. */
async function noteHandedOut(q: Sql, c: CardRow, at: Date) {
  await q.query(`INSERT INTO pass_cards (tenant_id, card_id, first_at, changed_at) VALUES ($1, $2, $3, $3) ON CONFLICT (tenant_id, card_id) DO NOTHING`, [
    c.tenant_id,
    c.id,
    at,
  ]);
}

export async function applePass(ctx: Ctx, q: Sql, c: CardRow): Promise<{ body: Buffer; changedAt: Date }> {
  const s = await loadSettings<AppleSettings>(q, ctx.keys, c.tenant_id, 'apple');
  const t = await getTemplate(q, c.tenant_id, c.template_id);
  await noteHandedOut(q, c, ctx.clock.now());
  const body = buildPkpass(ctx, s, c, t, revealCode(ctx.keys, c).code, await lookOf(q, c.tenant_id, c.template_id));
  return { body, changedAt: await changedAt(q, c.tenant_id, c.id) };
}

/** What Google's object of the card is made from now (settings, template, code, TOTP secret of a dynamic-code card). */
async function googleParts(ctx: Ctx, q: Sql, c: CardRow) {
  const s = await loadSettings<GoogleSettings>(q, ctx.keys, c.tenant_id, 'google');
  const t = await getTemplate(q, c.tenant_id, c.template_id);
  const secret = t.rules.dynamic_code && !isDead(c) ? await walletTotpSecret(ctx, q, c.tenant_id, c.id) : null;
  return { s, t, code: revealCode(ctx.keys, c).code, secret };
}

/** A save link; from now on the card's changes are PATCHed to its Google object (google-update.ts). */
export async function googleLink(ctx: Ctx, q: Sql, c: CardRow) {
  const { s, t, code, secret } = await googleParts(ctx, q, c);
  const brand = (await getTenant(q, c.tenant_id)).name;
  const link = await saveLink(ctx, s, c, t, code, brand, secret);
  const at = ctx.clock.now();
  await noteHandedOut(q, c, at);
  await q.query(
    `INSERT INTO pass_google_objects (tenant_id, card_id, object_type, object_id, first_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, card_id, object_id) DO NOTHING`,
    [c.tenant_id, c.id, link.type, link.objectId, at],
  );
  return link;
}

/** The card's Google object as it should read now, for the objects handed out under the current settings. */
export async function googleObjectNow(ctx: Ctx, q: Sql, tenantId: string, cardId: string) {
  const c = await findById(q, tenantId, cardId);
  const { s, t, code, secret } = await googleParts(ctx, q, c);
  return { s, ...walletObject(s, c, t, code, secret) };
}

export async function changedAt(q: Sql, tenantId: string, cardId: string): Promise<Date> {
  const r = await q.query<{ changed_at: Date }>('SELECT changed_at FROM pass_cards WHERE tenant_id = $1 AND card_id = $2', [tenantId, cardId]);
  return r.rows[0]?.changed_at ?? new Date(0);
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export interface StyleInput {
  background_color?: string | null;
  foreground_color?: string | null;
  label_color?: string | null;
  logo_png_base64?: string | null;
  strip_png_base64?: string | null;
}
function png(field: string, b64: string | null | undefined): Buffer | null {
  if (!b64) return null;
  const buf = Buffer.from(b64, 'base64');
  if (!buf.subarray(0, 8).equals(PNG))
    throw new AppError(422, 'VALIDATION_FAILED', `${field}: not a PNG image`, { errors: [{ field, reason: 'not a PNG image' }] });
  return buf;
}

/** Colours are set as given; an image left out keeps the stored one (a page cannot read it back to resend it), null removes it. */
export async function putStyle(q: Sql, tenantId: string, templateId: string, s: StyleInput, at: Date) {
  await getTemplate(q, tenantId, templateId); // 404 for another tenant's
  await q.query(
    `INSERT INTO pass_styles (tenant_id, template_id, background_color, foreground_color, label_color, logo_png, strip_png, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, template_id) DO UPDATE SET background_color = $3, foreground_color = $4, label_color = $5,
       logo_png = CASE WHEN $9::boolean THEN pass_styles.logo_png ELSE $6 END,
       strip_png = CASE WHEN $10::boolean THEN pass_styles.strip_png ELSE $7 END, updated_at = $8`,
    [
      tenantId,
      templateId,
      s.background_color ?? null,
      s.foreground_color ?? null,
      s.label_color ?? null,
      png('logo_png_base64', s.logo_png_base64),
      png('strip_png_base64', s.strip_png_base64),
      at,
      s.logo_png_base64 === undefined,
      s.strip_png_base64 === undefined,
    ],
  );
  return getStyle(q, tenantId, templateId);
}

export async function getStyle(q: Sql, tenantId: string, templateId: string) {
  await getTemplate(q, tenantId, templateId); // another tenant's template is not found, as a missing one
  const l = await lookOf(q, tenantId, templateId);
  return {
    template_id: templateId,
    background_color: l?.background_color ?? null,
    foreground_color: l?.foreground_color ?? null,
    label_color: l?.label_color ?? null,
    has_logo: !!l?.logo_png,
    has_strip: !!l?.strip_png,
  };
}
