import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, responses } from '../../http/schemas.js';
import { appendAudit } from '../audit/service.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { applePass, getStyle, googleLink, passCard, putStyle } from './service.js';
import { appleSettingsOf, configuredProviders, readSettings, saveSettings, validateApple, validateGoogle } from './settings.js';

const tags = ['wallet passes 卡包'];
const IdParams = Type.Object({ id: Id });
const Pem = Type.String({ minLength: 40, maxLength: 20_000 });
const AppleBody = Type.Object({
  pass_type_id: Type.String({ minLength: 3, maxLength: 200, pattern: '^pass\\.[A-Za-z0-9.-]+$', description: 'the Pass Type ID, e.g. pass.com.brand.coupons' }),
  team_id: Type.String({ minLength: 10, maxLength: 10, pattern: '^[A-Z0-9]{10}$' }),
  organization_name: Type.String({ minLength: 1, maxLength: 100 }),
  certificate_pem: Type.Optional(Pem),
  private_key_pem: Type.Optional(Pem),
  certificate_p12: Type.Optional(
    Type.String({
      minLength: 40,
      maxLength: 40_000,
      pattern: '^[A-Za-z0-9+/=]+$',
      description: 'instead of certificate_pem and private_key_pem: the certificate and key exported from Keychain (.p12), base64',
    }),
  ),
  certificate_p12_password: Type.Optional(Type.String({ maxLength: 200, description: 'the .p12’s password (empty if it has none)' })),
  private_key_passphrase: Type.Optional(Type.String({ maxLength: 200 })),
  wwdr_pem: Pem,
});
const GoogleBody = Type.Object({
  issuer_id: Type.String({ minLength: 5, maxLength: 30, pattern: '^[0-9]+$' }),
  service_account_email: Type.String({ format: 'email', maxLength: 200 }),
  private_key_pem: Pem,
});
const Shown = Type.Object(
  { provider: Type.String(), configured: Type.Boolean(), updated_at: Nullable(Type.String({ format: 'date-time' })) },
  { additionalProperties: true },
);
const Color = Nullable(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }));
const Png = Nullable(
  Type.String({
    maxLength: 400_000,
    pattern: '^[A-Za-z0-9+/=]+$',
    description: 'a PNG image, base64 (at most ~300 KB); left out: the stored one is kept; null: removed',
  }),
);
const StyleBody = Type.Object({
  background_color: Type.Optional(Color),
  foreground_color: Type.Optional(Color),
  label_color: Type.Optional(Color),
  logo_png_base64: Type.Optional(Png),
  strip_png_base64: Type.Optional(Png),
});
const Style = Type.Object({
  template_id: Type.String(),
  background_color: Nullable(Type.String()),
  foreground_color: Nullable(Type.String()),
  label_color: Nullable(Type.String()),
  has_logo: Type.Boolean(),
  has_strip: Type.Boolean(),
});
const Providers = Type.Object(
  { apple: Type.Boolean({ description: 'Apple Wallet is set up' }), google: Type.Boolean({ description: 'Google Wallet is set up' }) },
  { description: 'which phone wallets the brand has set up (where “add to …” is offered)' },
);
const Link = Type.Object({ url: Type.String({ description: 'https://pay.google.com/gp/v/save/<signed JWT>' }) });
const pkpass = { 200: Type.String({ description: 'the signed pass (application/vnd.apple.pkpass)' }) };

/** A pass shows the code: handing one out is audited like a reveal. */
async function audited(ctx: Ctx, req: FastifyRequest, cardId: string, action: string) {
  await appendAudit(ctx.db, {
    tenantId: req.caller!.tenantId,
    actor: req.actor ?? `key:${req.caller!.keyId}`,
    action,
    targetType: 'card',
    targetId: cardId,
    at: ctx.clock.now(),
  });
}
const sendPass = (reply: FastifyReply, p: { body: Buffer; changedAt: Date }, cardId: string) =>
  reply
    .header('content-disposition', `attachment; filename="${cardId}.pkpass"`)
    .header('last-modified', p.changedAt.toUTCString())
    .header('cache-control', 'no-store')
    .type('application/vnd.apple.pkpass')
    .send(p.body);

export function passRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  for (const provider of ['apple', 'google'] as const) {
    app.get(
      `/pass-settings/${provider}`,
      { schema: { tags, summary: `${provider} wallet settings (secrets shown as set, never read back)`, response: responses({ 200: Shown }) } },
      async (req) => {
        requireAccess(req.caller!, 'passes.manage');
        return readSettings(ctx.db, req.caller!.tenantId, provider);
      },
    );
  }
  app.put(
    '/pass-settings/apple',
    {
      schema: { tags, summary: 'Apple Wallet: the Pass Type ID certificate and key (stored encrypted)', body: AppleBody, response: responses({ 200: Shown }) },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'passes.manage');
      const settings = appleSettingsOf(req.body);
      validateApple(settings, ctx.clock.now());
      return mutate(ctx, req, reply, { action: 'passes.apple_settings', targetType: 'tenant' }, (q) =>
        saveSettings(q, ctx.keys, req.caller!.tenantId, 'apple', settings, ctx.clock.now()),
      );
    },
  );
  app.put(
    '/pass-settings/google',
    { schema: { tags, summary: 'Google Wallet: issuer and service account key (stored encrypted)', body: GoogleBody, response: responses({ 200: Shown }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'passes.manage');
      validateGoogle(req.body);
      return mutate(ctx, req, reply, { action: 'passes.google_settings', targetType: 'tenant' }, (q) =>
        saveSettings(q, ctx.keys, req.caller!.tenantId, 'google', req.body, ctx.clock.now()),
      );
    },
  );

  app.get(
    '/templates/:id/pass-style',
    { schema: { tags, summary: 'How a template’s passes look', params: IdParams, response: responses({ 200: Style }) } },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      return getStyle(ctx.db, req.caller!.tenantId, req.params.id);
    },
  );
  app.put(
    '/templates/:id/pass-style',
    {
      bodyLimit: 1_000_000,
      schema: { tags, summary: 'Colours, logo and strip image of a template’s passes', params: IdParams, body: StyleBody, response: responses({ 200: Style }) },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'template.pass_style', targetType: 'template' }, (q) =>
        putStyle(q, req.caller!.tenantId, req.params.id, req.body, ctx.clock.now()),
      );
    },
  );

  app.get(
    '/pass-providers',
    { schema: { tags, summary: 'Which phone wallets are set up (the console offers “add to …” on a card)', response: responses({ 200: Providers }) } },
    async (req) => {
      requireAccess(req.caller!, 'codes.export');
      return configuredProviders(ctx.db, req.caller!.tenantId);
    },
  );
  app.get(
    '/cards/:id/pass.pkpass',
    { schema: { tags, summary: 'The card as an Apple Wallet pass (shows its code: audited)', params: IdParams, response: pkpass } },
    async (req, reply) => {
      requireAccess(req.caller!, 'codes.export');
      const card = await passCard(ctx.db, req.caller!.tenantId, req.params.id, null);
      const p = await applePass(ctx, ctx.db, card);
      await audited(ctx, req, card.id, 'card.pass_apple');
      return sendPass(reply, p, card.id);
    },
  );
  app.get(
    '/cards/:id/google-wallet',
    { schema: { tags, summary: 'A “save to Google Wallet” link for the card (audited)', params: IdParams, response: responses({ 200: Link }) } },
    async (req) => {
      requireAccess(req.caller!, 'codes.export');
      const card = await passCard(ctx.db, req.caller!.tenantId, req.params.id, null);
      const { url } = await googleLink(ctx, ctx.db, card);
      await audited(ctx, req, card.id, 'card.pass_google');
      return { url };
    },
  );
}

/** The member's own card into their phone's wallet (the wallet's sign-in: `opts`). */
export function walletPassRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const wtags = ['member wallet 会员钱包'];
  app.get(
    '/wallet/pass-providers',
    {
      ...opts,
      schema: { tags: wtags, security: [{ wallet: [] }], summary: 'Which phone wallets my cards can be added to', response: responses({ 200: Providers }) },
    },
    async (req) => {
      requireAccess(req.caller!, 'passes.own');
      return configuredProviders(ctx.db, req.caller!.tenantId);
    },
  );
  app.get(
    '/wallet/cards/:id/pass.pkpass',
    { ...opts, schema: { tags: wtags, security: [{ wallet: [] }], summary: 'My card as an Apple Wallet pass', params: IdParams, response: pkpass } },
    async (req, reply) => {
      requireAccess(req.caller!, 'passes.own');
      const card = await passCard(ctx.db, req.caller!.tenantId, req.params.id, req.caller!.memberId ?? '');
      return sendPass(reply, await applePass(ctx, ctx.db, card), card.id);
    },
  );
  app.get(
    '/wallet/cards/:id/google-wallet',
    {
      ...opts,
      schema: {
        tags: wtags,
        security: [{ wallet: [] }],
        summary: 'A “save to Google Wallet” link for my card',
        params: IdParams,
        response: responses({ 200: Link }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'passes.own');
      const card = await passCard(ctx.db, req.caller!.tenantId, req.params.id, req.caller!.memberId ?? '');
      return { url: (await googleLink(ctx, ctx.db, card)).url };
    },
  );
}
