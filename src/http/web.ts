import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { problem } from './errors.js';

/** Where `vite build` puts the web app (web/vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** The screens 页面 people use: operator console, clerk redemption, partner portal, member wallet (one SPA, see docs/ui.md). */
export const SCREENS = ['console', 'clerk', 'partner', 'wallet'] as const;

/**
 * Serves the built React app from web/dist: hashed assets under /assets/ (cached for a year),
 * and index.html for every path under /console, /clerk, /partner and /wallet (the app routes on the client).
 */
export async function serveWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  const assets = join(dist, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
      schemaHide: true,
    });
  }
  const page = (reply: FastifyReply) => {
    const file = join(dist, 'index.html');
    if (!existsSync(file)) {
      return reply
        .status(503)
        .type('application/problem+json')
        .send(problem(503, 'WEB_APP_NOT_BUILT', 'the web app is not built; run `npm run build:web` (npm start does it when web/dist is missing)'));
    }
    return reply
      .header('cache-control', 'no-cache') // the security headers come from http/security.ts, on every answer
      .type('text/html; charset=utf-8')
      .send(readFileSync(file));
  };
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.redirect('/console'));
  for (const s of SCREENS) {
    app.get(`/${s}`, { schema: { hide: true } }, (_req, reply) => page(reply));
    app.get(`/${s}/*`, { schema: { hide: true } }, (_req, reply) => page(reply));
  }
  app.get('/favicon.ico', { schema: { hide: true } }, (_req, reply) => reply.redirect('/assets/favicon.svg'));
}
