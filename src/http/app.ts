import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

import { installErrorHandler, Problem, problem } from './errors.js';
import { keyResolver } from './auth.js';
import type { Ctx } from './context.js';
import { modules } from '../modules/index.js';
import { serveWebApp } from './web.js';

export type App = FastifyInstance;

/** The app is a plugin-built instance; the server (main.ts) only starts it, tests call inject(). */
export async function buildApp(ctx: Ctx, opts: { logger?: boolean | object } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 20 * 1024 * 1024, // CSV imports
    routerOptions: { maxParamLength: 1000 }, // long ids reach schema validation and get a field-level problem
    return503OnClosing: false, // while draining, a request that reaches this process is served (then its connection closed), not refused
    frameworkErrors: (err, _req, reply) => {
      (reply as FastifyReply).status(err.statusCode ?? 400).type('application/problem+json').send(problem(err.statusCode ?? 400, 'BAD_REQUEST', err.message));
    },
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });
  app.addSchema(Problem);
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
          bearer: { type: 'http', scheme: 'bearer', description: 'API key (kq_...) or operator session (kqs_...)' },
          wallet: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Wallet <signed member link token>' },
        },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  installErrorHandler(app);

  // A POST with no body (or an empty JSON body) is an empty object: `POST /cards/:id/freeze` needs nothing
  // more, and routes that do need fields then name the missing ones.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = (body as string).trim();
    if (!text) return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });
  app.addHook('preValidation', async (req) => {
    if (req.body === undefined && (req.method === 'POST' || req.method === 'PATCH')) req.body = {};
  });

  const resolve = keyResolver(ctx.db);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/v1/') || (req.routeOptions.config as any)?.public) return;
    req.caller = await resolve(req);
  });

  for (const m of modules) await app.register(async (scope) => m.routes(scope, ctx), { prefix: '/v1' });
  await serveWebApp(app); // /console, /clerk, /wallet from web/dist
  return app;
}
