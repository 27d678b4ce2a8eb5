import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../platform/context.js';
import { authToken } from './apple.js';
import { applePass, changedAt, passCard } from './service.js';
import { loadSettings, type AppleSettings } from './settings.js';

/**
 * Apple's PassKit web service 卡包更新服务 (developer.apple.com "Adding a Web Service to Update Passes"),
 * under the webServiceURL every pass carries: `<public url>/passes/apple/t/<tenant>`. The device
 * proves each pass with `Authorization: ApplePass <authenticationToken>`; everything else about a
 * tenant, a card or a device that is not right answers as Apple expects (401 / 404), nothing more.
 */
const P = { minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' };
const Reg = Type.Object({ tenant: Type.String(P), device: Type.String(P), passType: Type.String(P), serial: Type.String(P) });

export function appleWebService(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const prefix = '/passes/apple/t/:tenant/v1';
  const hide = { hide: true };

  /** The tenant's pass type, or 404: a tenant without Apple Wallet (or another pass type) has no passes here. */
  const passTypeOk = async (tenant: string, passType: string) => {
    const s = await loadSettings<AppleSettings>(ctx.db, ctx.keys, tenant, 'apple').catch(() => null);
    return s?.pass_type_id === passType;
  };
  const authorized = (req: FastifyRequest, tenant: string, serial: string) => {
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    const want = Buffer.from(`ApplePass ${authToken(ctx, tenant, serial)}`);
    return given.length === want.length && timingSafeEqual(given, want);
  };
  const refuse = (reply: FastifyReply, status: number) => reply.status(status).send();

  app.post(
    `${prefix}/devices/:device/registrations/:passType/:serial`,
    { schema: { ...hide, params: Reg, body: Type.Object({ pushToken: Type.String({ minLength: 1, maxLength: 400 }) }) } },
    async (req, reply) => {
      const { tenant, device, passType, serial } = req.params;
      if (!authorized(req, tenant, serial)) return refuse(reply, 401);
      if (!(await passTypeOk(tenant, passType))) return refuse(reply, 404);
      const r = await ctx.db.query(
        `INSERT INTO pass_registrations (tenant_id, device_id, pass_type_id, card_id, push_token, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, device_id, pass_type_id, card_id) DO UPDATE SET push_token = EXCLUDED.push_token
         RETURNING (xmax = 0) AS inserted`,
        [tenant, device, passType, serial, req.body.pushToken, ctx.clock.now()],
      );
      return refuse(reply, r.rows[0]?.inserted ? 201 : 200);
    },
  );

  app.delete(`${prefix}/devices/:device/registrations/:passType/:serial`, { schema: { ...hide, params: Reg } }, async (req, reply) => {
    const { tenant, device, passType, serial } = req.params;
    if (!authorized(req, tenant, serial)) return refuse(reply, 401);
    await ctx.db.query('DELETE FROM pass_registrations WHERE tenant_id = $1 AND device_id = $2 AND pass_type_id = $3 AND card_id = $4', [
      tenant,
      device,
      passType,
      serial,
    ]);
    return refuse(reply, 200);
  });

  app.get(
    `${prefix}/devices/:device/registrations/:passType`,
    {
      schema: {
        ...hide,
        params: Type.Omit(Reg, ['serial']),
        querystring: Type.Object({ passesUpdatedSince: Type.Optional(Type.String({ pattern: '^[0-9]{1,16}$' })) }),
      },
    },
    async (req, reply) => {
      const { tenant, device, passType } = req.params;
      const since = req.query.passesUpdatedSince ? new Date(Number(req.query.passesUpdatedSince)) : new Date(0);
      const r = await ctx.db.query<{ card_id: string; changed_at: Date }>(
        `SELECT r.card_id, p.changed_at FROM pass_registrations r JOIN pass_cards p ON p.tenant_id = r.tenant_id AND p.card_id = r.card_id
          WHERE r.tenant_id = $1 AND r.device_id = $2 AND r.pass_type_id = $3 AND p.changed_at > $4`,
        [tenant, device, passType, since],
      );
      if (!r.rows.length) return refuse(reply, 204);
      const last = Math.max(...r.rows.map((x) => new Date(x.changed_at).getTime()));
      return { serialNumbers: r.rows.map((x) => x.card_id), lastUpdated: String(last) };
    },
  );

  app.get(`${prefix}/passes/:passType/:serial`, { schema: { ...hide, params: Type.Omit(Reg, ['device']) } }, async (req, reply) => {
    const { tenant, passType, serial } = req.params;
    if (!authorized(req, tenant, serial)) return refuse(reply, 401);
    if (!(await passTypeOk(tenant, passType))) return refuse(reply, 404);
    const card = await passCard(ctx.db, tenant, serial, null).catch(() => null);
    if (!card) return refuse(reply, 404);
    const since = Date.parse(String(req.headers['if-modified-since'] ?? ''));
    const changed = await changedAt(ctx.db, tenant, serial);
    if (Number.isFinite(since) && Math.floor(changed.getTime() / 1000) * 1000 <= since) return refuse(reply, 304);
    const pass = await applePass(ctx, ctx.db, card);
    return reply.header('last-modified', pass.changedAt.toUTCString()).type('application/vnd.apple.pkpass').send(pass.body);
  });

  app.post(
    `${prefix}/log`,
    {
      schema: {
        ...hide,
        params: Type.Object({ tenant: Type.String(P) }),
        body: Type.Object({ logs: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 100 }) }),
      },
    },
    async (req, reply) => {
      req.log.warn({ tenant: req.params.tenant, logs: req.body.logs }, 'Apple Wallet device log');
      return refuse(reply, 200);
    },
  );
}
