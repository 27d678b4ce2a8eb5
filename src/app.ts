import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

import { installErrorHandler, Problem, problem } from './http/errors.js';
import { keyResolver } from './modules/identity/auth.js';
import { tenantDisabled, tenantDisabledError } from './modules/tenants/service.js';
import type { Ctx } from './platform/context.js';
import { modules } from './modules/index.js';
import { serveWebApp } from './http/web.js';
import { installValidation } from './http/validation.js';
import { installSerialization } from './http/serialization.js';

/** The most a JSON body may weigh (a template with 5,000 store ids fits); CSV imports have their own limit. */
export const BODY_LIMIT = 1024 * 1024;
import { securityHeaders } from './http/security.js';
import { opsRoutes, requestId } from './platform/ops.js';
import { migrationSources } from './context.js';

export type App = FastifyInstance;

/** A hop count trusts that many proxies nearest the server; addresses trust those proxies. */
const trustProxy = (t: number | string[] | undefined) => (typeof t === 'number' ? (_addr: string, hop: number) => hop < t : (t ?? false));

/** The app is a plugin-built instance; the server (main.ts) only starts it, tests call inject(). */
export async function buildApp(ctx: Ctx, opts: { logger?: boolean | object } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT, // routes that take files (CSV import) raise their own
    trustProxy: trustProxy(ctx.config.trustProxy), // req.ip is the caller's address (sign-in limits count by it)
    routerOptions: { maxParamLength: 1000 }, // long ids reach schema validation and get a field-level problem
    genReqId: requestId, // in every log line (request_id), every answer's X-Request-Id and every problem
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    return503OnClosing: false, // while draining, a request that reaches this process is served (then its connection closed), not refused
    frameworkErrors: (err, req, reply) => {
      (reply as FastifyReply)
        .status(err.statusCode ?? 400)
        .type('application/problem+json')
        .send(problem(err.statusCode ?? 400, 'BAD_REQUEST', err.message, { request_id: req.id }));
    },
  });
  app.addSchema(Problem);
  installSerialization(app, [Problem]);
  await securityHeaders(app, ctx.config); // first: every route below, /docs included, gets them
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kaquan 卡券 API',
        version: '1',
        description: 'Virtual cards, coupons and membership benefits. Money is integer minor units (fen); times are ISO 8601 UTC.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'API key (kq_...) or operator session (kqs_...). The web app signs in with HttpOnly cookies instead, honoured only with the header X-Kaquan-Screen (docs/ui.md).',
          },
          wallet: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Wallet <signed member link token>' },
        },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  opsRoutes(app, ctx, migrationSources);
  installErrorHandler(app);

  installValidation(app);

  const resolve = keyResolver(ctx.db, ctx.config);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/v1/') || (req.routeOptions.config as any)?.public) return;
    req.caller = await resolve(req, reply);
    if (await tenantDisabled(ctx.db, req.caller.tenantId)) throw tenantDisabledError();
  });

  for (const m of modules) {
    const routes = m.routes;
    if (routes) await app.register(async (scope) => routes(scope, ctx), { prefix: '/v1' });
    const rootRoutes = m.rootRoutes;
    if (rootRoutes) await app.register(async (scope) => rootRoutes(scope, ctx));
  }
  await serveWebApp(app); // /console, /clerk, /wallet from web/dist
  return app;
}
