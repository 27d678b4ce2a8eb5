import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { Nullable, Timestamp, responses } from '../../http/schemas.js';
import { listTenants } from '../tenants/service.js';
import { provisionTenant, resolvePlatformKey, setDisabled } from './service.js';

const AdminTenant = Type.Object({
  id: Type.String(),
  name: Type.String(),
  time_zone: Type.String(),
  currency: Type.String(),
  reverse_window_minutes: Type.Integer(),
  created_at: Timestamp,
  disabled_at: Nullable(Timestamp),
});
const TenantId = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{1,62}$', description: 'lower-case letters, digits, - and _' });

/** The platform-admin API: a platform key (kqp_…, `kaquan platform-key create`), never a tenant's key or session. */
export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['platform 平台开通'];
  const actors = new WeakMap<FastifyRequest, string>();
  // this hook is scoped to this module's routes, which are all /v1/platform/…
  app.addHook('onRequest', async (req) => {
    const secret = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const key = secret ? await resolvePlatformKey(ctx.db, secret) : null;
    if (!key) throw new AppError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <platform key (kqp_…)>; a tenant’s keys cannot manage tenants');
    actors.set(req, `platform:${key.id}`);
  });
  const actor = (req: FastifyRequest) => actors.get(req)!;
  const config = { public: true }; // not a tenant's request: the hook above authenticates it

  app.post(
    '/platform/tenants',
    {
      config,
      schema: {
        tags,
        summary: 'Create a tenant and its first owner key (the key is shown once)',
        body: Type.Object({
          id: Type.Optional(TenantId),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA, default Asia/Shanghai' })),
          currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, default CNY' })),
        }),
        response: responses({
          201: Type.Object({ tenant: AdminTenant, owner_key: Type.Object({ id: Type.String(), secret: Type.String() }) }),
        }),
      },
    },
    async (req, reply) => {
      (reply as FastifyReply).status(201);
      return provisionTenant(ctx.db, actor(req), req.body, ctx.clock.now());
    },
  );

  app.get(
    '/platform/tenants',
    { config, schema: { tags, summary: 'Every tenant, oldest first', response: responses({ 200: Type.Object({ data: Type.Array(AdminTenant) }) }) } },
    async () => ({ data: await listTenants(ctx.db) }),
  );

  for (const verb of ['disable', 'enable'] as const) {
    app.post(
      `/platform/tenants/:id/${verb}`,
      {
        config,
        schema: {
          tags,
          summary:
            verb === 'disable'
              ? 'Disable a tenant: its keys, sessions and wallet links are refused (403 TENANT_DISABLED) within 5 s; its data stays'
              : 'Enable a disabled tenant again',
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: responses({ 200: AdminTenant }),
        },
      },
      async (req) => setDisabled(ctx.db, actor(req), req.params.id, verb === 'disable', ctx.clock.now()),
    );
  }
}
