import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/**
 * The Content-Security-Policy 内容安全策略 of every page and API answer. The app is one origin:
 * scripts only from its own files (no inline script, no eval), data only from its own API.
 * style-src allows 'unsafe-inline': Ant Design writes its styles at run time (CSS-in-JS <style>
 * elements, from antd, its icons and its scroll lock) and components set style attributes; a
 * nonce would have to reach every one of those writers, and styles cannot run script — the
 * script policy is the defence. img-src data: blob: is for the QR codes and upload previews;
 * media-src blob: for the camera scanner when a browser plays the camera through a blob: URL.
 */
export function cspDirectives(config: Config): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    ...(isHttps(config) ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

const isHttps = (config: Config) => /^https:/i.test(config.publicUrl);

/**
 * Security headers on every answer, via @fastify/helmet: the CSP above, nosniff, no Referer,
 * no framing, same-origin resource and opener policies, and HSTS when the public address is https.
 * Register before any route so that every route, /docs included, gets them.
 */
export async function securityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // a year, this host only: other services under the same domain decide for themselves
    strictTransportSecurity: isHttps(config) ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  // the camera for the clerk's scanner and location for geofenced rules, from this origin only
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('permissions-policy', 'camera=(self), geolocation=(self)');
  });
}
