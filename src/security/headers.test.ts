import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../testing/harness.js';
import { buildApp } from '../app.js';

/**
 * Every answer — the pages, the API, its reference — carries a strict Content-Security-Policy and
 * the other security headers, so an injected script has nowhere to load from and nowhere to send to.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

const policy = (h: unknown) =>
  Object.fromEntries(
    String(h ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v.join(' ')]),
  );

function assertStrict(headers: Record<string, any>, what: string) {
  const csp = policy(headers['content-security-policy']);
  assert.deepEqual(
    {
      'default-src': csp['default-src'],
      'script-src': csp['script-src'],
      'style-src': csp['style-src'],
      'object-src': csp['object-src'],
      'base-uri': csp['base-uri'],
      'frame-ancestors': csp['frame-ancestors'],
      'form-action': csp['form-action'],
      'img-src': csp['img-src'],
      'connect-src': csp['connect-src'],
    },
    {
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'self'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
    },
    `${what}: ${headers['content-security-policy']}`,
  );
  for (const [k, v] of Object.entries(csp))
    assert.ok(!/unsafe-eval|\*|https?:/.test(v) && !(k.startsWith('script') && /unsafe-inline/.test(v)), `${what}: ${k} ${v}`);
  assert.equal(headers['x-content-type-options'], 'nosniff', what);
  assert.equal(headers['x-frame-options'], 'DENY', what);
  assert.equal(headers['referrer-policy'], 'no-referrer', what);
  assert.equal(headers['permissions-policy'], 'camera=(self), geolocation=(self)', what);
  assert.equal(headers['cross-origin-opener-policy'], 'same-origin', what);
  assert.equal(headers['cross-origin-resource-policy'], 'same-origin', what);
}

test('the pages carry the strict policy and the security headers', async () => {
  for (const url of ['/console', '/console/dashboard', '/clerk', '/wallet']) {
    const r = await env.app.inject({ method: 'GET', url });
    assert.ok(r.statusCode === 200 || r.statusCode === 503, `${url}: ${r.statusCode}`); // 503 where web/dist is not built
    assertStrict(r.headers, url);
  }
});

test('API answers carry them too: success, refusal, not found, bad input', async () => {
  const answers = {
    'GET /v1/tenant': await env.api('GET', '/v1/tenant'),
    'GET /v1/tenant unauthenticated': await env.api('GET', '/v1/tenant', undefined, { headers: { authorization: '' } }),
    'GET /v1/nothing-here': await env.api('GET', '/v1/nothing-here'),
    'POST /v1/stores bad input': await env.api('POST', '/v1/stores', {}),
  };
  assert.deepEqual(
    Object.values(answers).map((a) => a.status),
    [200, 401, 404, 400],
  );
  for (const [what, r] of Object.entries(answers)) assertStrict(r.headers, what);
});

test('the API reference (/docs, /openapi.json) carries the same policy', async () => {
  for (const url of ['/docs', '/docs/static/swagger-initializer.js', '/openapi.json']) {
    const r = await env.app.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 200, url);
    assertStrict(r.headers, url);
  }
});

test('on an https public address: HSTS and upgrade-insecure-requests; on http neither', async () => {
  const plain = await env.app.inject({ method: 'GET', url: '/console' });
  assert.equal(plain.headers['strict-transport-security'], undefined);
  assert.ok(!('upgrade-insecure-requests' in policy(plain.headers['content-security-policy'])));
  const app = await buildApp({ ...env.ctx, config: { ...env.ctx.config, publicUrl: 'https://cards.example.com' } });
  try {
    const r = await app.inject({ method: 'GET', url: '/console' });
    assertStrict(r.headers, 'https /console');
    assert.equal(r.headers['strict-transport-security'], 'max-age=31536000');
    assert.ok('upgrade-insecure-requests' in policy(r.headers['content-security-policy']));
  } finally {
    await app.close();
  }
});
