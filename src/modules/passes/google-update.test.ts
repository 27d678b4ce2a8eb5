import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { jwtVerify } from 'jose';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { googleWalletApi } from './google-api.js';
import { setGoogleWalletApi } from './google-update.js';

/**
 * A card saved to Google Wallet follows the card: a redemption, a top-up, a freeze are PATCHed to its
 * object. Google is a local fake started here that speaks its token grant (checking the service
 * account's signed assertion) and its walletobjects PATCH (checking the access token).
 */
const ISSUER = '3388000000022224444';
const EMAIL = 'wallet@kaquan-test.iam.gserviceaccount.com';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let google: Server;
let tokenUrl = '';
const patches: { type: string; id: string; body: any }[] = [];
const saved = new Set<string>(); // objects the member has saved (Google knows them)
let failNext = 0;

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  google = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method === 'POST' && req.url === '/token') {
      const form = new URLSearchParams(raw);
      try {
        const { payload } = await jwtVerify(form.get('assertion')!, publicKey, { issuer: EMAIL, audience: tokenUrl });
        assert.equal(form.get('grant_type'), 'urn:ietf:params:oauth:grant-type:jwt-bearer');
        assert.equal(payload.scope, 'https://www.googleapis.com/auth/wallet_object.issuer');
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'ya29.fake', expires_in: 3600, token_type: 'Bearer' }));
      return;
    }
    const m = /^\/walletobjects\/v1\/(offerObject|giftCardObject|loyaltyObject)\/([^/]+)$/.exec(req.url ?? '');
    if (req.method !== 'PATCH' || !m) return void res.writeHead(404).end();
    if (req.headers.authorization !== 'Bearer ya29.fake') return void res.writeHead(401).end('{"error":{"code":401}}');
    if (failNext > 0) {
      failNext--;
      return void res.writeHead(503).end('{"error":{"code":503}}');
    }
    const id = decodeURIComponent(m[2]!);
    if (!saved.has(id)) return void res.writeHead(404).end('{"error":{"code":404,"message":"resource not found"}}');
    patches.push({ type: m[1]!, id, body: JSON.parse(raw) });
    res.writeHead(200, { 'content-type': 'application/json' }).end(raw);
  });
  await new Promise<void>((res) => google.listen(0, '127.0.0.1', res));
  const base = `http://127.0.0.1:${(google.address() as { port: number }).port}`;
  tokenUrl = `${base}/token`;
  setGoogleWalletApi(googleWalletApi({ apiUrl: base, tokenUrl }));
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const r = await env.api('PUT', '/v1/pass-settings/google', { issuer_id: ISSUER, service_account_email: EMAIL, private_key_pem: pem });
  assert.equal(r.status, 200);
});
after(async () => {
  setGoogleWalletApi(null);
  if (google) await new Promise((res) => google.close(res));
  await env.close();
});

const later = (ms: number) => env.ctx.clock.set(new Date(env.ctx.clock.now().getTime() + ms));

test('a saved gift card’s Google object follows a redemption, a top-up and a freeze', async () => {
  const { card } = await fx.card('stored_value', { initial_balance: 10_000 });
  assert.equal((await env.api('GET', `/v1/cards/${card.id}/google-wallet`)).status, 200);
  const id = `${ISSUER}.${card.id}`;
  saved.add(id); // the member opened the link: Google made the object

  later(1_000);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code, amount: 2_500 })).status, 201);
  patches.length = 0;
  await env.jobs();
  assert.equal(patches.length, 1);
  assert.equal(patches[0]!.type, 'giftCardObject');
  assert.equal(patches[0]!.id, id);
  assert.equal(patches[0]!.body.balance.micros, 7_500 * 10_000, '¥75 left');
  assert.equal(patches[0]!.body.state, 'ACTIVE');
  assert.equal(patches[0]!.body.barcode.value, card.code);

  later(1_000);
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/top-up`, { amount: 5_000 })).status, 200);
  await env.jobs();
  assert.equal(patches.at(-1)!.body.balance.micros, 12_500 * 10_000, 'topped up to ¥125');

  later(1_000);
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/freeze`, { reason: '挂失' })).status, 200);
  await env.jobs();
  assert.equal(patches.at(-1)!.body.state, 'INACTIVE', 'a frozen card is greyed in Google Wallet');
});

test('Google down: the update is retried until it goes through; an object the member never saved is nothing to update', async () => {
  const { card } = await fx.card('cash', { amount_off: 1_000 });
  assert.equal((await env.api('GET', `/v1/cards/${card.id}/google-wallet`)).status, 200);
  const id = `${ISSUER}.${card.id}`;
  saved.add(id);
  failNext = 1;
  later(1_000);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code })).status, 201);
  patches.length = 0;
  await env.jobs();
  assert.equal(patches.length, 0, 'Google answered 503');
  later(60 * 60_000);
  await env.jobs();
  assert.equal(patches.length, 1, 'retried');
  assert.equal(patches[0]!.type, 'offerObject');
  assert.equal(patches[0]!.body.state, 'COMPLETED', 'a used coupon');

  // a link made but never opened: Google answers 404, the job is done (not retried forever)
  const other = (await fx.card('cash', { amount_off: 500 })).card;
  assert.equal((await env.api('GET', `/v1/cards/${other.id}/google-wallet`)).status, 200);
  later(1_000);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: other.code })).status, 201);
  await env.jobs();
  const jobs = await env.ctx.db.query<{ state: string }>(
    `SELECT state FROM jobs WHERE job_type = 'passes.push' AND tenant_id = $1 AND payload->>'card_id' = $2`,
    [env.tenantId, other.id],
  );
  assert.deepEqual(
    jobs.rows.map((j) => j.state),
    ['done'],
    'the update job finished, not left to retry',
  );
});
