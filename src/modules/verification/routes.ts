import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import type { WalletRouteOptions } from '../wallet/extensions.js';
import { currentCode } from './dynamic.js';
import { getSmsSettings, putSmsSettings } from './settings.js';
import { resend } from './resend.js';

const Str = (max: number, description?: string) => Type.Optional(Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) }));
const Provider = Type.Union([Type.Literal('console'), Type.Literal('aliyun'), Type.Literal('tencent')], {
  description: 'console: the code is written to the server log (development); aliyun: Alibaba Cloud SMS; tencent: Tencent Cloud SMS',
});
const SmsSettings = Type.Object({
  provider: Provider,
  access_key_id: Nullable(Type.String()),
  sign_name: Nullable(Type.String()),
  template_code: Nullable(Type.String()),
  sdk_app_id: Nullable(Type.String()),
  region: Nullable(Type.String()),
  access_key_secret_set: Type.Boolean(),
  access_key_secret_masked: Nullable(Type.String({ description: 'the secret is never answered: its last 4 characters only' })),
  updated_at: Nullable(Timestamp),
});
const SmsSettingsInput = Type.Object(
  {
    provider: Provider,
    access_key_id: Str(128, 'AccessKey ID (aliyun) or SecretId (tencent)'),
    access_key_secret: Str(256, 'AccessKey secret (aliyun) or SecretKey (tencent): write only; leave out to keep the stored one'),
    sign_name: Str(64, 'the SMS signature 短信签名 registered with the provider'),
    template_code: Str(64, 'the provider’s template: TemplateCode (aliyun, its variable named code) or TemplateId (tencent, {1} = code, {2} = minutes)'),
    sdk_app_id: Str(64, 'tencent: SmsSdkAppId'),
    region: Str(32, 'aliyun RegionId (cn-hangzhou) or tencent region (ap-guangzhou)'),
  },
  { additionalProperties: false },
);

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['verification 动态码与二次验证'];
  app.get(
    '/settings/sms',
    { schema: { tags, summary: 'The tenant’s SMS provider for one-time codes 短信设置 (the secret masked)', response: responses({ 200: SmsSettings }) } },
    async (req) => {
      requireAccess(req.caller!, 'tenant.manage');
      return getSmsSettings(ctx.db, req.caller!.tenantId);
    },
  );
  app.put(
    '/settings/sms',
    {
      schema: {
        tags,
        summary: 'Choose the SMS provider and set its keys (the secret is written once, sealed)',
        body: SmsSettingsInput,
        response: responses({ 200: SmsSettings }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tenant.manage');
      return mutate(ctx, req, reply, { action: 'settings.sms', targetType: 'tenant' }, (q) =>
        putSmsSettings(q, ctx.keys, req.caller!.tenantId, req.body, ctx.clock.now()).then((s) => ({ ...s, id: req.caller!.tenantId })),
      ).then(({ id: _id, ...s }) => s);
    },
  );
  app.post(
    '/otp-challenges/:id/resend',
    {
      schema: {
        tags,
        summary: 'Send a one-time code again (at most once a minute per challenge)',
        params: Type.Object({ id: Id }),
        response: responses({ 200: Type.Object({ challenge_id: Type.String(), phone_masked: Type.String(), expires_at: Timestamp }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'cards.redeem');
      return mutate(ctx, req, reply, { action: 'otp.resend', targetType: 'otp_challenge' }, (q) => resend(ctx, q, req.caller!, req.params.id)).then(
        ({ id: _id, ...r }) => r,
      );
    },
  );
}

/** GET /v1/wallet/cards/:id/dynamic-code: the wallet's rotating code, signed in by the member's wallet link. */
export function walletDynamicRoutes(base: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/wallet/cards/:id/dynamic-code',
    {
      ...opts,
      schema: {
        tags: ['member wallet 会员钱包'],
        security: [{ wallet: [] }],
        summary: 'My card’s live code 动态码 for the QR: changes every 30 s, used once',
        params: Type.Object({ id: Id }),
        response: responses({
          200: Type.Object({
            payload: Type.String({ description: 'what the QR carries: KQ1.<card id>.<6 digits>' }),
            step: Type.Integer({ description: 'the 30 s step the code belongs to (Unix time / 30)' }),
            expires_in: Type.Integer({ description: 'seconds until the next code' }),
          }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'cards.read');
      return currentCode(ctx, req.caller!.tenantId, req.caller!.memberId!, req.params.id);
    },
  );
}
