import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import JSZip from 'jszip';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { makeP12, makePassCerts } from './certs.test-helper.js';

/** What the screens rely on: an expired certificate is refused naming it, and "add to …" is offered only where a wallet is set up. */
const PASS_TYPE = 'pass.dev.kaquan.settings';
const TEAM = 'KQTEST5678';
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});

const apple = (c: ReturnType<typeof makePassCerts>) => ({
  pass_type_id: PASS_TYPE,
  team_id: TEAM,
  organization_name: '卡券咖啡',
  certificate_pem: c.certPem,
  private_key_pem: c.keyPem,
  wwdr_pem: c.wwdrPem,
});

test('an expired Pass Type ID certificate is refused naming certificate_pem, and nothing is stored', async () => {
  const old = makePassCerts(PASS_TYPE, TEAM, { notAfter: new Date('2021-01-01T00:00:00Z') });
  const r = await env.api('PUT', '/v1/pass-settings/apple', apple(old));
  assert.equal(r.status, 422);
  assert.equal(r.body.code, 'PASS_SETTINGS_INVALID');
  assert.equal(r.body.errors[0].field, 'certificate_pem');
  assert.match(r.body.errors[0].reason, /expired on 2021-01-01/);
  assert.equal((await env.api('GET', '/v1/pass-settings/apple')).body.configured, false);
  assert.deepEqual((await env.api('GET', '/v1/pass-providers')).body, { apple: false, google: false });
});

test('the console and the member’s wallet are told which phone wallets are set up', async () => {
  const { member } = await fx.card('cash', { amount_off: 500 });
  const token = (await env.api('POST', `/v1/members/${member.id}/wallet-link`, {})).body.token;
  const walletSays = async () =>
    (await env.app.inject({ method: 'GET', url: '/v1/wallet/pass-providers', headers: { authorization: `Wallet ${token}` } })).json();
  assert.deepEqual(await walletSays(), { apple: false, google: false });

  assert.equal((await env.api('PUT', '/v1/pass-settings/apple', apple(makePassCerts(PASS_TYPE, TEAM)))).status, 200);
  assert.deepEqual(await walletSays(), { apple: true, google: false });
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const g = await env.api('PUT', '/v1/pass-settings/google', {
    issuer_id: '3388000000022222222',
    service_account_email: 'wallet@kaquan-test.iam.gserviceaccount.com',
    private_key_pem: pem,
  });
  assert.equal(g.status, 200);
  assert.deepEqual((await env.api('GET', '/v1/pass-providers')).body, { apple: true, google: true });
  assert.deepEqual(await walletSays(), { apple: true, google: true });

  const clerk = (await env.api('POST', '/v1/api-keys', { name: 'c', role: 'clerk', store_ids: [(await fx.store()).id] })).body.secret;
  assert.equal((await env.api('GET', '/v1/pass-providers', undefined, { key: clerk })).status, 403, 'a clerk hands out no passes');
});

test('a template’s pass look: colours set as given; a logo left out is kept (the page cannot read it back), null removes it', async () => {
  const tpl = await fx.template('cash', { amount_off: 800 });
  const PNG1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const put = (b: Record<string, unknown>) => env.api('PUT', `/v1/templates/${tpl.id}/pass-style`, b);
  assert.equal((await put({ background_color: '#112233', logo_png_base64: PNG1, strip_png_base64: PNG1 })).body.has_logo, true);
  const recoloured = await put({ background_color: '#445566', foreground_color: '#ffffff' });
  assert.equal(recoloured.status, 200);
  assert.equal(recoloured.body.background_color, '#445566');
  assert.equal(recoloured.body.has_logo, true, 'the logo stays');
  assert.equal(recoloured.body.has_strip, true);
  const cleared = await put({ background_color: '#445566', logo_png_base64: null });
  assert.equal(cleared.body.has_logo, false);
  assert.equal(cleared.body.has_strip, true);
  assert.equal((await put({ logo_png_base64: 'bm90IGEgcG5n' })).status, 422, 'not a PNG');
  assert.equal((await env.api('GET', `/v1/templates/${tpl.id}/pass-style`)).body.has_strip, true, 'a refused change changes nothing');
});

test('a .p12 from Keychain with its password is kept as the same certificate and key: passes are signed with it', async () => {
  const c = makePassCerts(PASS_TYPE, TEAM);
  const { certificate_pem: _c, private_key_pem: _k, ...ids } = apple(c);
  const put = (b: Record<string, unknown>) => env.api('PUT', '/v1/pass-settings/apple', { ...ids, ...b });
  const refused = async (b: Record<string, unknown>, field: string, reason: RegExp) => {
    const r = await put(b);
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.code, 'PASS_SETTINGS_INVALID');
    assert.equal(r.body.errors[0].field, field);
    assert.match(r.body.errors[0].reason, reason);
  };
  const before = (await env.api('GET', '/v1/pass-settings/apple')).body.updated_at;
  await refused({ certificate_p12: makeP12(c, 'right horse'), certificate_p12_password: 'wrong' }, 'certificate_p12_password', /wrong password/);
  await refused({ certificate_p12: makeP12(c, 'right horse', { key: null }), certificate_p12_password: 'right horse' }, 'certificate_p12', /no private key/);
  await refused({ certificate_p12: Buffer.from('not a p12 at all, only some text here ...').toString('base64') }, 'certificate_p12', /not a PKCS #12/);
  await refused({ certificate_p12: makeP12(c, ''), certificate_pem: c.certPem }, 'certificate_p12', /not both/);
  await refused({}, 'certificate_pem', /required/);
  assert.equal((await env.api('GET', '/v1/pass-settings/apple')).body.updated_at, before, 'a refusal stores nothing');

  const ok = await put({ certificate_p12: makeP12(c, 'right horse'), certificate_p12_password: 'right horse' });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.certificate_pem, '(set)');
  assert.equal(ok.body.certificate_p12, undefined, 'the .p12 is not kept or shown');
  const { card } = await fx.card('cash', { amount_off: 500 });
  const pass = await env.app.inject({ method: 'GET', url: `/v1/cards/${card.id}/pass.pkpass`, headers: { authorization: `Bearer ${env.ownerKey}` } });
  assert.equal(pass.statusCode, 200, pass.body);
  const signature = await (await JSZip.loadAsync(pass.rawPayload)).file('signature')!.async('nodebuffer');
  assert.ok(signature.includes(new X509Certificate(c.certPem).raw), 'signed by the certificate inside the .p12');
  const audit = (await env.api('GET', '/v1/audit')).body;
  assert.doesNotMatch(JSON.stringify(audit), /right horse|MII/, 'neither the .p12 nor its password is in the audit');
});
