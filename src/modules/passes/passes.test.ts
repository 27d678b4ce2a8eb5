import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { decodeJwt, jwtVerify } from 'jose';
import { totp } from '../verification/totp.js';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { TEST_TLS_CERT, TEST_TLS_KEY, TEST_TLS_NAME } from '../../testing/tls-cert.js';
import { makePassCerts } from './certs.test-helper.js';
import { apnsPusher, setPassPusher } from './push.js';

/** Cards in Apple Wallet and Google Wallet: real signatures, Apple's web service over HTTP, pushes over HTTP/2. */
const PASS_TYPE = 'pass.dev.kaquan.tests';
const TEAM = 'KQTEST1234';
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let certs: ReturnType<typeof makePassCerts>;
let apns: Http2SecureServer;
const pushes: { path: string; topic: string; clientCn: string }[] = [];
let pushStatus = 200;
const dir = mkdtempSync(join(tmpdir(), 'kq-passes-'));

before(async () => {
  env = await startTestEnv({ config: { publicUrl: 'https://cards.example.com' } });
  fx = await fixtures(env);
  certs = makePassCerts(PASS_TYPE, TEAM);
  apns = createSecureServer({ key: TEST_TLS_KEY, cert: TEST_TLS_CERT, requestCert: true, rejectUnauthorized: false });
  apns.on('stream', (stream, headers) => {
    const peer = (stream.session!.socket as import('node:tls').TLSSocket).getPeerCertificate();
    pushes.push({ path: String(headers[':path']), topic: String(headers['apns-topic']), clientCn: String(peer?.subject?.CN ?? '') });
    stream.respond({ ':status': pushStatus });
    stream.end(pushStatus === 410 ? '{"reason":"Unregistered"}' : '');
  });
  await new Promise<void>((res) => apns.listen(0, '127.0.0.1', res));
  const port = (apns.address() as { port: number }).port;
  setPassPusher(apnsPusher(`https://127.0.0.1:${port}`, { ca: TEST_TLS_CERT, servername: TEST_TLS_NAME }));
});
after(async () => {
  setPassPusher(null);
  if (apns) await new Promise((res) => apns.close(res));
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

const setApple = (extra: Record<string, unknown> = {}) =>
  env.api('PUT', '/v1/pass-settings/apple', {
    pass_type_id: PASS_TYPE,
    team_id: TEAM,
    organization_name: '卡券咖啡',
    certificate_pem: certs.certPem,
    private_key_pem: certs.keyPem,
    wwdr_pem: certs.wwdrPem,
    ...extra,
  });

async function download(url: string, headers: Record<string, string> = {}) {
  const r = await env.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${env.ownerKey}`, ...headers } });
  return r;
}

async function openPass(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const files: Record<string, Buffer> = {};
  for (const name of Object.keys(zip.files)) files[name] = await zip.files[name]!.async('nodebuffer');
  return { files, pass: JSON.parse(files['pass.json']!.toString()) };
}

/** The signature is a detached PKCS #7 over manifest.json by the pass certificate, chaining to the WWDR certificate (checked by openssl). */
function verifySignature(files: Record<string, Buffer>) {
  const sig = join(dir, 'signature');
  const manifest = join(dir, 'manifest.json');
  const ca = join(dir, 'wwdr.pem');
  writeFileSync(sig, files.signature!);
  writeFileSync(manifest, files['manifest.json']!);
  writeFileSync(ca, certs.wwdrPem);
  execFileSync(
    'openssl',
    ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', manifest, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null'],
    {
      stdio: 'pipe',
    },
  );
  const signer = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', sig, '-print_certs', '-noout'], { encoding: 'utf8' });
  assert.match(signer, new RegExp(`Pass Type ID: ${PASS_TYPE.replace(/\./g, '\\.')}`));
}

test('settings: a key that is not the certificate’s, or a PEM that is not one, is refused naming the field; secrets never come back nor reach the audit', async () => {
  assert.equal((await env.api('GET', '/v1/cards/card_x/pass.pkpass')).status, 404);
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const wrongKey = await setApple({ private_key_pem: other });
  assert.equal(wrongKey.status, 422);
  assert.equal(wrongKey.body.code, 'PASS_SETTINGS_INVALID');
  assert.equal(wrongKey.body.errors[0].field, 'private_key_pem');
  const junk = await setApple({ certificate_pem: '-----BEGIN CERTIFICATE-----\nnot really a certificate at all\n-----END CERTIFICATE-----' });
  assert.equal(junk.status, 422);
  assert.equal(junk.body.errors[0].field, 'certificate_pem');
  assert.equal((await env.api('GET', '/v1/pass-settings/apple')).body.configured, false, 'nothing was stored');

  const ok = await setApple();
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.private_key_pem, '(set)');
  const shown = await env.api('GET', '/v1/pass-settings/apple');
  assert.equal(shown.body.pass_type_id, PASS_TYPE);
  assert.ok(!JSON.stringify(shown.body).includes('PRIVATE KEY'));
  const audit = JSON.stringify((await env.api('GET', '/v1/audit?limit=50')).body);
  assert.ok(!audit.includes('PRIVATE KEY') && !audit.includes('BEGIN CERTIFICATE'), 'no key or certificate in the audit log');

  const clerk = (await env.api('POST', '/v1/api-keys', { name: 'c', role: 'clerk', store_ids: [(await fx.store()).id] })).body.secret;
  const body = {
    pass_type_id: PASS_TYPE,
    team_id: TEAM,
    organization_name: 'x',
    certificate_pem: certs.certPem,
    private_key_pem: certs.keyPem,
    wwdr_pem: certs.wwdrPem,
  };
  assert.equal((await env.api('PUT', '/v1/pass-settings/apple', body, { key: clerk })).status, 403, 'only an owner sets the brand’s certificates');
});

test('a coupon as a signed .pkpass: manifest hashes every file, the signature verifies against the WWDR chain, the code is the QR', async () => {
  const { card, template } = await fx.card('cash', { amount_off: 1_000 });
  const style = await env.api('PUT', `/v1/templates/${template.id}/pass-style`, { background_color: '#112233', logo_png_base64: 'bm90IGEgcG5n' });
  assert.equal(style.status, 422, 'a logo that is not a PNG');
  assert.equal((await env.api('PUT', `/v1/templates/${template.id}/pass-style`, { background_color: '#112233', foreground_color: '#ffffff' })).status, 200);

  const r = await download(`/v1/cards/${card.id}/pass.pkpass`);
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['content-type'], 'application/vnd.apple.pkpass');
  const { files, pass } = await openPass(r.rawPayload);
  for (const f of ['pass.json', 'manifest.json', 'signature', 'icon.png']) assert.ok(files[f], `${f} is in the archive`);
  const manifest = JSON.parse(files['manifest.json']!.toString());
  for (const [name, buf] of Object.entries(files)) {
    if (name === 'manifest.json' || name === 'signature') continue;
    assert.equal(manifest[name], createHash('sha1').update(buf).digest('hex'), `manifest hash of ${name}`);
  }
  verifySignature(files);

  assert.equal(pass.serialNumber, card.id);
  assert.equal(pass.passTypeIdentifier, PASS_TYPE);
  assert.equal(pass.teamIdentifier, TEAM);
  assert.equal(pass.webServiceURL, `https://cards.example.com/passes/apple/t/${env.tenantId}`);
  assert.equal(pass.backgroundColor, 'rgb(17, 34, 51)');
  assert.equal(pass.barcodes[0].message, card.code);
  assert.equal(pass.coupon.primaryFields[0].value, '¥10');
  assert.ok(!pass.voided);
  const audit = (await env.api('GET', '/v1/audit?action=card.pass_apple')).body.data;
  assert.equal(audit[0].target_id, card.id, 'handing out a pass (it shows the code) is audited');
});

test('Apple’s web service: register, redeem, the device is pushed, lists the serial, fetches the updated pass; a used card’s pass is voided', async () => {
  const { card } = await fx.card('stored_value', { initial_balance: 10_000 });
  const first = await openPass((await download(`/v1/cards/${card.id}/pass.pkpass`)).rawPayload);
  assert.equal(first.pass.storeCard.primaryFields[0].value, '¥100');
  const base = `/passes/apple/t/${env.tenantId}/v1`;
  const auth = { authorization: `ApplePass ${first.pass.authenticationToken}` };
  const reg = (device: string, headers = auth) =>
    env.app.inject({
      method: 'POST',
      url: `${base}/devices/${device}/registrations/${PASS_TYPE}/${card.id}`,
      headers,
      payload: { pushToken: `tok-${device}` },
    });
  assert.equal((await reg('dev1', { authorization: 'ApplePass 0000000000000000000000000000000000000000' })).statusCode, 401);
  assert.equal((await reg('dev1')).statusCode, 201);
  assert.equal((await reg('dev1')).statusCode, 200, 'registered already');
  assert.equal((await reg('dev2')).statusCode, 201);

  const list0 = await env.app.inject({ method: 'GET', url: `${base}/devices/dev1/registrations/${PASS_TYPE}` });
  assert.equal(list0.statusCode, 200);
  const tag = list0.json().lastUpdated;
  assert.deepEqual(list0.json().serialNumbers, [card.id]);
  assert.equal((await env.app.inject({ method: 'GET', url: `${base}/devices/dev1/registrations/${PASS_TYPE}?passesUpdatedSince=${tag}` })).statusCode, 204);

  env.ctx.clock.set(new Date(Date.now() + 5_000));
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code, amount: 2_500 })).status, 201);
  pushes.length = 0;
  await env.jobs();
  assert.deepEqual(pushes.map((p) => p.path).sort(), ['/3/device/tok-dev1', '/3/device/tok-dev2']);
  assert.ok(
    pushes.every((p) => p.topic === PASS_TYPE && p.clientCn === `Pass Type ID: ${PASS_TYPE}`),
    'pushed with the pass certificate, to its topic',
  );

  const list1 = await env.app.inject({ method: 'GET', url: `${base}/devices/dev1/registrations/${PASS_TYPE}?passesUpdatedSince=${tag}` });
  assert.deepEqual(list1.json().serialNumbers, [card.id]);
  const latest = await env.app.inject({ method: 'GET', url: `${base}/passes/${PASS_TYPE}/${card.id}`, headers: auth });
  assert.equal(latest.statusCode, 200);
  assert.equal((await openPass(latest.rawPayload)).pass.storeCard.primaryFields[0].value, '¥75');
  const unchanged = await env.app.inject({
    method: 'GET',
    url: `${base}/passes/${PASS_TYPE}/${card.id}`,
    headers: { ...auth, 'if-modified-since': String(latest.headers['last-modified']) },
  });
  assert.equal(unchanged.statusCode, 304);
  assert.equal((await env.app.inject({ method: 'GET', url: `${base}/passes/${PASS_TYPE}/${card.id}` })).statusCode, 401);
  assert.equal((await env.app.inject({ method: 'GET', url: `${base}/passes/pass.other.type/${card.id}`, headers: auth })).statusCode, 404);

  // the device was wiped: APNs answers 410 and the registration goes
  pushStatus = 410;
  env.ctx.clock.set(new Date(Date.now() + 10_000));
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/void`, { reason: '测试' })).status, 200);
  await env.jobs();
  pushStatus = 200;
  assert.equal(
    (await env.app.inject({ method: 'GET', url: `${base}/devices/dev1/registrations/${PASS_TYPE}` })).statusCode,
    204,
    'no pass left on that device',
  );
  const voided = await openPass((await download(`/v1/cards/${card.id}/pass.pkpass`)).rawPayload);
  assert.equal(voided.pass.voided, true);
  assert.equal(voided.pass.barcodes, undefined, 'a voided pass shows no code to scan');
  assert.equal(voided.pass.storeCard.headerFields[0].value, '已作废 Voided');
  assert.equal((await env.app.inject({ method: 'DELETE', url: `${base}/devices/dev2/registrations/${PASS_TYPE}/${card.id}`, headers: auth })).statusCode, 200);
});

test('Google Wallet: a save link whose JWT verifies with the service account’s public key and carries the right object for the kind', async () => {
  const { card, member } = await fx.card('stored_value', { initial_balance: 5_000 });
  assert.equal((await env.api('GET', `/v1/cards/${card.id}/google-wallet`)).body.code, 'PASS_NOT_CONFIGURED');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const set = await env.api('PUT', '/v1/pass-settings/google', {
    issuer_id: '3388000000012345678',
    service_account_email: 'wallet@kaquan-test.iam.gserviceaccount.com',
    private_key_pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));

  const link = await env.api('GET', `/v1/cards/${card.id}/google-wallet`);
  assert.equal(link.status, 200);
  assert.match(link.body.url, /^https:\/\/pay\.google\.com\/gp\/v\/save\//);
  const jwt = link.body.url.split('/').pop();
  const { payload, protectedHeader } = await jwtVerify(jwt, publicKey, { issuer: 'wallet@kaquan-test.iam.gserviceaccount.com', audience: 'google' });
  assert.equal(protectedHeader.alg, 'RS256');
  assert.equal(payload.typ, 'savetowallet');
  const body = payload.payload as any;
  assert.equal(body.giftCardObjects[0].id, `3388000000012345678.${card.id}`);
  assert.equal(body.giftCardObjects[0].classId, `3388000000012345678.${card.template_id}`);
  assert.equal(body.giftCardObjects[0].barcode.value, card.code);
  assert.deepEqual(body.giftCardObjects[0].balance, { micros: 50_000_000, currencyCode: 'CNY' });
  await assert.rejects(jwtVerify(jwt, generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey), 'another key does not verify it');

  // the member, through the wallet: their own card, and only theirs
  const token = (await env.api('POST', `/v1/members/${member.id}/wallet-link`, {})).body.token;
  const mine = await env.app.inject({ method: 'GET', url: `/v1/wallet/cards/${card.id}/google-wallet`, headers: { authorization: `Wallet ${token}` } });
  assert.equal(mine.statusCode, 200);
  const pkpass = await env.app.inject({ method: 'GET', url: `/v1/wallet/cards/${card.id}/pass.pkpass`, headers: { authorization: `Wallet ${token}` } });
  assert.equal(pkpass.statusCode, 200);
  const { card: other } = await fx.card('cash', { amount_off: 100 });
  const theirs = await env.app.inject({ method: 'GET', url: `/v1/wallet/cards/${other.id}/pass.pkpass`, headers: { authorization: `Wallet ${token}` } });
  assert.equal(theirs.statusCode, 404, 'another member’s card is not found');
});

test('a dynamic-code card: Google rotates the same TOTP the wallet page shows; the Apple pass carries no static code', async () => {
  const { card, member } = await fx.card('cash', { amount_off: 800 }, { rules: { dynamic_code: true } });
  const token = (await env.api('POST', `/v1/members/${member.id}/wallet-link`, {})).body.token;
  const link = await env.app.inject({ method: 'GET', url: `/v1/wallet/cards/${card.id}/google-wallet`, headers: { authorization: `Wallet ${token}` } });
  assert.equal(link.statusCode, 200);
  const body = decodeJwt(link.json().url.split('/').pop()).payload as any;
  const obj = body.offerObjects[0];
  assert.equal(obj.barcode, undefined, 'no static code');
  assert.equal(obj.rotatingBarcode.valuePattern, `KQ1.${card.id}.{totp_value_0}`);
  assert.equal(obj.rotatingBarcode.totpDetails.periodMillis, 30_000);
  const key = Buffer.from(obj.rotatingBarcode.totpDetails.parameters[0].key, 'hex');
  const live = await env.app.inject({ method: 'GET', url: `/v1/wallet/cards/${card.id}/dynamic-code`, headers: { authorization: `Wallet ${token}` } });
  assert.equal(live.statusCode, 200);
  assert.equal(live.json().payload, `KQ1.${card.id}.${totp(key, env.ctx.clock.now().getTime())}`, 'Google’s code is the one the till accepts');
  const apple = await openPass((await download(`/v1/cards/${card.id}/pass.pkpass`)).rawPayload);
  assert.equal(apple.pass.barcodes, undefined);
  assert.ok(!JSON.stringify(apple.pass).includes(card.code), 'the printed code is nowhere on the pass');
});
