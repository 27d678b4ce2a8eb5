import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { allowedActions, requireAccess, type Caller } from '../../http/access.js';
import { guarded } from '../../platform/guards.js';
import { clientOf } from '../../http/client.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import { AppError } from '../../errors.js';
import { sessionOf } from './auth.js';
import { clearCookie, screenOf, setCookie } from '../../http/cookies.js';
import { getTenant } from '../tenants/service.js';
import * as svc from './operators.js';
import * as sessions from './sessions.js';
import { MIN_PASSWORD_LENGTH } from './password.js';
import { IP_MAX_FAILURES, MAX_FAILURES, WINDOW_MINUTES } from './attempts.js';

const StaffRole = Type.Union(['owner', 'operator', 'analyst', 'clerk'].map((r) => Type.Literal(r)));
/** Accounts of the brand's staff, and partner accounts 渠道商账号 (role channel, made per channel: partner-routes.ts). */
const OperatorRole = Type.Union(['owner', 'operator', 'analyst', 'clerk', 'channel'].map((r) => Type.Literal(r)));
export const Operator = Type.Object({
  id: Type.String(),
  username: Type.String(),
  display_name: Nullable(Type.String()),
  role: OperatorRole,
  store_ids: Type.Array(Type.String()),
  channel_id: Nullable(Type.String({ description: 'a partner account: the channel it acts for' })),
  disabled_at: Nullable(Timestamp),
  last_login_at: Nullable(Timestamp),
  created_at: Timestamp,
});
export const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200, description: `at least ${MIN_PASSWORD_LENGTH} characters` });
const Session = Type.Object({
  token: Type.Optional(
    Type.String({
      description:
        'send as Authorization: Bearer <token>; shown once. Absent for a browser sign-in (header X-Kaquan-Screen: console, clerk or partner): that session is in an HttpOnly cookie instead',
    }),
  ),
  expires_at: Timestamp,
  tenant_id: Type.String(),
  operator: Type.Object({
    id: Type.String(),
    username: Type.String(),
    display_name: Nullable(Type.String()),
    role: OperatorRole,
    store_ids: Type.Array(Type.String()),
    channel_id: Nullable(Type.String()),
  }),
});
const Me = Type.Object({
  kind: Type.Union([Type.Literal('session'), Type.Literal('api_key')]),
  tenant: Type.Object({
    id: Type.String(),
    name: Type.String(),
    time_zone: Type.String(),
    currency: Type.String(),
    reverse_window_minutes: Type.Integer(),
    expiring_soon_days: Type.Integer(),
  }),
  role: Type.String(),
  store_ids: Type.Array(Type.String()),
  channel_id: Nullable(Type.String()),
  key_id: Type.String(),
  operator: Nullable(Type.Object({ id: Type.String(), username: Type.String(), display_name: Nullable(Type.String()) })),
  expires_at: Nullable(Timestamp),
  can: Type.Array(Type.String(), { description: 'the actions this caller may take (src/http/access.ts), e.g. catalog.write, cards.manage' }),
});

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['operators & sessions 运营账号与登录'];

  app.post(
    '/operators',
    {
      schema: {
        tags,
        summary: 'Create an operator account (owner only)',
        body: Type.Object({
          username: Type.String({ minLength: 2, maxLength: 64 }),
          password: Password,
          role: StaffRole,
          store_ids: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'clerk accounts: the stores they serve' })),
          display_name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
        }),
        response: responses({ 201: Operator }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'keys.manage');
      return mutate(ctx, req, reply, { action: 'operator.create', targetType: 'operator', status: 201 }, (q) =>
        svc.createOperator(q, req.caller!.tenantId, req.body as svc.OperatorInput, ctx.clock.now()),
      );
    },
  );

  app.get(
    '/operators',
    { schema: { tags, summary: 'List operator accounts', response: responses({ 200: Type.Object({ data: Type.Array(Operator) }) }) } },
    async (req) => {
      requireAccess(req.caller!, 'keys.manage');
      return { data: await svc.listOperators(ctx.db, req.caller!.tenantId) };
    },
  );

  app.patch(
    '/operators/:id',
    {
      schema: {
        tags,
        summary: 'Change an account’s role, stores or name',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          role: Type.Optional(StaffRole),
          store_ids: Type.Optional(Type.Array(Id, { maxItems: 500 })),
          display_name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
        }),
        response: responses({ 200: Operator }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'keys.manage');
      return mutate(ctx, req, reply, { action: 'operator.update', targetType: 'operator' }, (q) =>
        svc.updateOperator(q, req.caller!.tenantId, req.params.id, req.body as any),
      );
    },
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/operators/:id/${verb}`,
      {
        schema: {
          tags,
          summary: disabled ? 'Disable an account (its sessions end at once)' : 'Enable a disabled account',
          params: Type.Object({ id: Id }),
          response: responses({ 200: Operator }),
        },
      },
      async (req, reply) => {
        requireAccess(req.caller!, 'keys.manage');
        const { id } = req.params as { id: string };
        return mutate(ctx, req, reply, { action: `operator.${verb}`, targetType: 'operator' }, (q) =>
          svc.setOperatorDisabled(q, req.caller!.tenantId, id, disabled, ctx.clock.now(), req.caller!.keyId),
        );
      },
    );
  }

  app.post(
    '/operators/:id/password',
    {
      schema: {
        tags,
        summary: 'Set an account’s password (owner, or the account itself); its other sessions end',
        params: Type.Object({ id: Id }),
        description: `Changing your own password needs \`current_password\`; a wrong one answers 403 CURRENT_PASSWORD_INVALID and counts like a failed sign-in. An owner setting another account's password does not send it.`,
        body: Type.Object({
          password: Password,
          current_password: Type.Optional(Type.String({ maxLength: 200, description: 'your current password, when the account is your own' })),
        }),
        response: responses({ 200: Operator }),
      },
    },
    async (req, reply) => {
      const self = req.actor?.startsWith('operator:') && req.caller!.keyId === req.params.id;
      if (!self) requireAccess(req.caller!, 'keys.manage');
      const now = ctx.clock.now();
      if (self) {
        // a bad new password is refused before the current one is checked, so it spends no attempt
        svc.checkNewPassword(req.body.password, (await svc.getOperator(ctx.db, req.caller!.tenantId, req.params.id)).username);
        await svc.confirmCurrentPassword(ctx.db, req.caller!.tenantId, req.params.id, req.body.current_password, now, req.ip);
      }
      const token = sessionOf(req)?.token;
      const current = self && token ? await sessions.currentSession(ctx.db, token) : null;
      return mutate(ctx, req, reply, { action: 'operator.password', targetType: 'operator' }, (q) =>
        svc.setOperatorPassword(q, req.caller!.tenantId, req.params.id, req.body.password, now, current?.id),
      );
    },
  );

  app.post(
    '/sessions',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with an operator account',
        security: [],
        description: `Answers 401 INVALID_CREDENTIALS for any wrong part, and the same while attempts are spent: ${MAX_FAILURES} per account and ${IP_MAX_FAILURES} per address in ${WINDOW_MINUTES} minutes. With the header X-Kaquan-Screen: console, clerk or partner (the web app) the session is set as an HttpOnly, SameSite=Strict cookie for /v1 and the answer carries no token; later requests send that header with the cookie. The cookie is the screen of the account's role: a clerk's is the clerk page's, a partner account's (role channel) the partner portal's, and a staff account signing in on the partner portal gets the console's.`,
        body: Type.Object({
          tenant: Type.Optional(Type.String({ maxLength: 200, description: 'tenant id or name; may be left out when the username is unique' })),
          tenant_id: Type.Optional(Type.String({ maxLength: 64 })),
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: responses({ 201: Session }),
      },
    },
    async (req, reply) => {
      const screen = screenOf(req);
      const now = ctx.clock.now();
      const s = await sessions.login(ctx.db, req.body, now, { ip: req.ip });
      // the risk rules on sign-in (docs/risk.md) are asked once the account is known; a refusal ends the new session at once
      const { ip, device_id } = clientOf(req);
      const who: Caller = {
        tenantId: s.tenant_id,
        keyId: s.operator.id,
        role: s.operator.role as Caller['role'],
        storeIds: s.operator.store_ids ?? [],
        channelId: s.operator.channel_id,
      };
      await guarded(
        ctx,
        { tenantId: s.tenant_id, action: 'sign_in', caller: who, at: now, subjects: { key_id: s.operator.id, ip, device_id } },
        async () => {},
      ).catch(async (e) => {
        await sessions.revokeSession(ctx.db, s.token, now).catch(() => {});
        throw e;
      });
      (reply as FastifyReply).status(201);
      if (screen !== 'console' && screen !== 'clerk' && screen !== 'partner') return s;
      // a browser sign-in: the token goes into an HttpOnly cookie and never reaches the page's scripts.
      // A clerk's place is the clerk page: signed in on the console, the session is the clerk page's
      // (the console sees role clerk in the answer and sends the person there, already signed in)
      // A partner account's place is the partner portal 渠道商门户 (/partner) in the same way; the
      // brand's staff signing in on the partner portal are sent to the console
      const role = s.operator.role;
      const cookieScreen = role === 'clerk' ? 'clerk' : role === 'channel' ? 'partner' : screen === 'partner' ? 'console' : screen;
      setCookie(reply, ctx.config, cookieScreen, s.token, (s.expires_at.getTime() - now.getTime()) / 1000);
      return { ...s, token: undefined };
    },
  );

  app.get(
    '/sessions/current',
    { schema: { tags, summary: 'Who is calling: the session’s account, or the API key', response: responses({ 200: Me }) } },
    async (req) => {
      const c = req.caller!;
      const tenant = await getTenant(ctx.db, c.tenantId);
      const session = sessionOf(req);
      if (session) {
        const op = await svc.getOperator(ctx.db, c.tenantId, c.keyId);
        const s = await sessions.currentSession(ctx.db, session.token);
        return {
          kind: 'session' as const,
          tenant,
          role: c.role,
          store_ids: c.storeIds,
          channel_id: c.channelId,
          key_id: c.keyId,
          operator: { id: op.id, username: op.username, display_name: op.display_name },
          expires_at: s?.expires_at ?? null,
          can: allowedActions(c),
        };
      }
      return {
        kind: 'api_key' as const,
        tenant,
        role: c.role,
        store_ids: c.storeIds,
        channel_id: c.channelId,
        key_id: c.keyId,
        operator: null,
        expires_at: null,
        can: allowedActions(c),
      };
    },
  );

  app.delete(
    '/sessions/current',
    {
      schema: {
        tags,
        summary: 'Sign out: the session token stops working at once (a browser’s session cookie is cleared)',
        response: responses({ 200: Type.Object({ id: Type.String(), revoked_at: Timestamp }) }),
      },
    },
    async (req, reply) => {
      const session = sessionOf(req);
      if (!session) throw new AppError(404, 'SESSION_NOT_FOUND', 'this request was not made with a session token');
      const out = await mutate(ctx, req, reply, { action: 'session.revoke', targetType: 'session' }, (q) =>
        sessions.revokeSession(q, session.token, ctx.clock.now()),
      );
      if (session.cookie) clearCookie(reply, ctx.config, session.cookie);
      return out;
    },
  );
}
