import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import { dispatchEvents } from '../../platform/events.js';
import { decryptWorkbook, isEncryptedFile } from './file.js';
import { setTenantDisabled } from '../tenants/service.js';
import { redactUrl } from '../../http/logging.js';

/**
 * 卡密安全交付: codes handed to a recipient as a password-protected XLSX (the password shown once),
 * or through a one-time link whose GET page spends nothing and whose POST confirmation serves the
 * file within its expiry and download limit; every attempt audited; a revoke stops the link and can
 * void the codes.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let batchId: string;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  const t = await fx.template('gift', { initial_balance: 5000 }, { validity: { type: 'fixed', ends_at: '2030-06-30T15:59:59Z' } });
  batchId = (await fx.batch(t.id, { mode: 'pregenerated', quantity: 60 })).id;
  await env.jobs();
});
after(async () => {
  clock.reset();
  await env.close();
});

/** n codes out of stock as bearer codes (an export), by card id → code. */
async function bearer(n: number) {
  const r = await env.app.inject({
    method: 'POST',
    url: `/v1/batches/${batchId}/export`,
    headers: { authorization: `Bearer ${env.ownerKey}` },
    payload: { limit: n },
  });
  assert.equal(r.statusCode, 200);
  const rows = r.body.trim().split('\n').slice(1);
  return { exportId: String(r.headers['x-kaquan-export-id']), codes: new Map(rows.map((l) => [l.split(',')[2]!, l.split(',')[0]!])) };
}

/** The codes in a workbook, in row order (column 2). */
async function codesIn(xlsx: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as any);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row, i) => {
    if (i > 1) out.push(String(row.getCell(2).value));
  });
  return out;
}

const page = (token: string) => env.app.inject({ method: 'GET', url: `/d/${token}` });
const confirm = (token: string, ip = '203.0.113.9') =>
  env.app.inject({
    method: 'POST',
    url: `/d/${token}`,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'confirm=yes',
  });
const tokenOf = (url: string) => url.split('/d/')[1]!;
const audit = async (id: string) =>
  (await env.ctx.db.query<{ action: string; data: any }>('SELECT action, data FROM audit_entries WHERE target_id = $1 ORDER BY id', [id])).rows;

test('a password-protected file: encrypted (not a zip), opens with its password to the codes, not with another', async () => {
  const { codes } = await bearer(5);
  const ids = [...codes.keys()];
  const r = await env.api('POST', '/v1/deliveries', {
    card_ids: ids,
    method: 'file',
    recipient: { name: '华东经销商', phone: '13800138000' },
    reference_type: 'wholesale_order',
    reference_id: 'wso_123',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const d = r.body;
  assert.equal(d.state, 'created');
  assert.equal(d.cards, 5);
  assert.equal(d.password_protected, true);
  assert.equal(d.secret.url, null);
  const password: string = d.secret.password;
  assert.match(password, /^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  assert.doesNotMatch(password, /[01OlI]/, 'readable: no 0/O/1/l/I');

  // the password is in no table and in no audit entry
  const stored = await env.ctx.db.query<{ t: string }>(`SELECT row_to_json(d)::text AS t FROM deliveries d WHERE id = $1`, [d.id]);
  assert.ok(!stored.rows[0]!.t.includes(password));
  assert.ok(!JSON.stringify(await audit(d.id)).includes(password));
  assert.equal((await env.api('GET', `/v1/deliveries/${d.id}`)).body.secret, undefined, 'shown once: a read has no secret');

  const f = await env.app.inject({ method: 'POST', url: `/v1/deliveries/${d.id}/file`, headers: { authorization: `Bearer ${env.ownerKey}` } });
  assert.equal(f.statusCode, 200);
  assert.match(String(f.headers['content-type']), /spreadsheetml/);
  const file = f.rawPayload;
  assert.notEqual(file.subarray(0, 2).toString('latin1'), 'PK', 'not a plain zip');
  assert.equal(file.subarray(0, 8).toString('hex'), 'd0cf11e0a1b11ae1', 'an OLE compound file, as Office writes encrypted files');
  assert.ok(isEncryptedFile(file));
  assert.deepEqual(
    await codesIn(await decryptWorkbook(file, password)),
    ids.map((id) => codes.get(id)),
  );
  await assert.rejects(decryptWorkbook(file, 'Wrong-Pass-word-2345'));
  const after = (await env.api('GET', `/v1/deliveries/${d.id}`)).body;
  assert.deepEqual([after.fetches, after.state], [1, 'downloaded']);
  assert.ok((await env.api('GET', '/v1/deliveries?state=downloaded')).body.data.some((x: any) => x.id === d.id));
  assert.ok(!(await env.api('GET', '/v1/deliveries?state=created')).body.data.some((x: any) => x.id === d.id));
  assert.deepEqual(
    (await audit(d.id)).map((a) => a.action),
    ['delivery.create', 'delivery.file_fetch'],
  );

  // a card already in a live delivery is not delivered twice
  const again = await env.api('POST', '/v1/deliveries', { card_ids: [ids[0]], method: 'link', password: false, recipient: { name: 'x' } });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'DELIVERY_CARDS_UNAVAILABLE');
  assert.equal(again.body.cards[0].reason, `in_delivery:${d.id}`);
});

test('a link: the GET page (what a scanner sees) spends nothing; the POST serves the file up to the limit; then the Chinese page', async () => {
  const { codes, exportId } = await bearer(3);
  const r = await env.api('POST', '/v1/deliveries', {
    export: { batch_id: batchId, export_id: exportId },
    method: 'link',
    password: false,
    max_downloads: 2,
    expires_in_hours: 24,
    recipient: { name: '李四 <script>' },
    reference_type: 'wholesale_order',
    reference_id: 'wso_456',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const d = r.body;
  assert.equal(d.cards, 3);
  assert.equal(d.secret.password, null);
  const token = tokenOf(d.secret.url);
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);

  // a link scanner fetches the page, again and again: nothing counted, nothing served
  for (let i = 0; i < 3; i++) {
    const g = await page(token);
    assert.equal(g.statusCode, 200);
    assert.match(String(g.headers['content-type']), /text\/html/);
    assert.match(g.body, /确认下载/);
    assert.match(g.body, /<form method="post" action="\/d\//);
    assert.ok(!g.body.includes('<script'), 'no script, and the recipient name is escaped');
    assert.match(String(g.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(g.headers['cache-control'], 'no-store');
  }
  assert.equal((await env.api('GET', `/v1/deliveries/${d.id}`)).body.downloads, 0);

  const first = await confirm(token, '198.51.100.7');
  assert.equal(first.statusCode, 200);
  assert.match(String(first.headers['content-disposition']), /attachment/);
  assert.deepEqual(await codesIn(first.rawPayload), [...codes.values()]);
  assert.equal((await confirm(token)).statusCode, 200);
  const third = await confirm(token);
  assert.equal(third.statusCode, 410);
  assert.match(third.body, /下载次数已用完/);
  assert.equal((await page(token)).statusCode, 410, 'the page says so too');

  const read = (await env.api('GET', `/v1/deliveries/${d.id}`)).body;
  assert.equal(read.state, 'downloaded');
  assert.equal(read.downloads, 2);
  assert.equal(read.link_usable, false);
  assert.deepEqual(
    read.attempts.map((a: any) => a.outcome),
    ['used_up', 'served', 'served'],
  );
  assert.equal(read.attempts[2].ip, '198.51.100.7');
  const acts = (await audit(d.id)).map((a) => [a.action, a.data.outcome ?? null]);
  assert.deepEqual(acts, [
    ['delivery.create', null],
    ['delivery.download', 'served'],
    ['delivery.download', 'served'],
    ['delivery.download_refused', 'used_up'],
  ]);

  // the events carry the reference, so an order can follow its delivery
  await dispatchEvents(env.ctx);
  const ev = await env.ctx.db.query<{ event_type: string; data: any }>(`SELECT event_type, data FROM events WHERE data->>'delivery_id' = $1 ORDER BY id`, [
    d.id,
  ]);
  assert.deepEqual(
    ev.rows.map((e) => [e.event_type, e.data.reference_type, e.data.reference_id]),
    [
      ['delivery.created', 'wholesale_order', 'wso_456'],
      ['delivery.downloaded', 'wholesale_order', 'wso_456'],
      ['delivery.downloaded', 'wholesale_order', 'wso_456'],
    ],
  );
  const byRef = await env.api('GET', '/v1/deliveries?reference_type=wholesale_order&reference_id=wso_456');
  assert.deepEqual(
    byRef.body.data.map((x: any) => x.id),
    [d.id],
  );
});

test('a tampered token and an expired link get the Chinese page and nothing; a password link serves the encrypted file', async () => {
  const { codes } = await bearer(2);
  const r = await env.api('POST', '/v1/deliveries', { card_ids: [...codes.keys()], method: 'link', recipient: { name: '王五' }, expires_in_hours: 1 });
  assert.equal(r.status, 201);
  const token = tokenOf(r.body.secret.url);
  const password = r.body.secret.password;
  assert.ok(password, 'a link has a password unless asked not to');
  const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
  for (const t of [tampered, 'short', `${token}x`]) {
    for (const res of [await page(t), await confirm(t)]) {
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /链接无效/);
      assert.match(String(res.headers['content-type']), /text\/html/);
    }
  }
  const ok = await confirm(token);
  assert.equal(ok.statusCode, 200);
  assert.ok(isEncryptedFile(ok.rawPayload));
  assert.deepEqual(await codesIn(await decryptWorkbook(ok.rawPayload, password)), [...codes.values()]);

  // a second link, left past its time
  const more = await bearer(1);
  const late = await env.api('POST', '/v1/deliveries', {
    card_ids: [...more.codes.keys()],
    method: 'link',
    password: false,
    recipient: { name: 'x' },
    expires_in_hours: 1,
  });
  clock.advance(3_600_001);
  try {
    const t = tokenOf(late.body.secret.url);
    assert.equal((await page(t)).statusCode, 410);
    const res = await confirm(t);
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /链接已过期/);
    const read = (await env.api('GET', `/v1/deliveries/${late.body.id}`)).body;
    assert.equal(read.state, 'expired');
    assert.equal(read.downloads, 0);
    assert.deepEqual(
      read.attempts.map((a: any) => a.outcome),
      ['expired'],
    );
    // each state filter answers the delivery in its state, and only there
    for (const state of ['created', 'downloaded', 'expired', 'revoked']) {
      const list = await env.api('GET', `/v1/deliveries?state=${state}`);
      assert.equal(list.status, 200);
      assert.equal(
        list.body.data.some((x: any) => x.id === late.body.id),
        state === 'expired',
        state,
      );
    }
  } finally {
    clock.reset();
  }
});

test('revoke: the link stops at once; void_cards voids the undelivered codes; a downloaded link cannot be voided by a revoke', async () => {
  const { codes } = await bearer(3);
  const ids = [...codes.keys()];
  const r = await env.api('POST', '/v1/deliveries', {
    card_ids: ids,
    method: 'link',
    recipient: { name: '赵六' },
    reference_type: 'wholesale_order',
    reference_id: 'wso_9',
  });
  const token = tokenOf(r.body.secret.url);
  const rv = await env.api('POST', `/v1/deliveries/${r.body.id}/revoke`, { reason: '订单取消', void_cards: true });
  assert.equal(rv.status, 200, JSON.stringify(rv.body));
  assert.equal(rv.body.state, 'revoked');
  assert.deepEqual({ voided: rv.body.voided.voided, skipped: rv.body.voided.skipped }, { voided: 3, skipped: 0 });
  for (const id of ids) assert.equal((await env.api('GET', `/v1/cards/${id}`)).body.state, 'voided');
  for (const res of [await page(token), await confirm(token)]) {
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /已被发券方撤销/);
    assert.ok(!res.headers['content-disposition']);
  }
  assert.equal((await env.api('POST', `/v1/deliveries/${r.body.id}/revoke`, {})).body.code, 'DELIVERY_REVOKED');
  assert.equal((await env.api('POST', `/v1/deliveries/${r.body.id}/file`)).body.code, 'DELIVERY_REVOKED');

  // downloaded, then revoked with void: refused (nothing changes); revoked without void: the cards stay, free again
  const second = await bearer(2);
  const ids2 = [...second.codes.keys()];
  const d2 = await env.api('POST', '/v1/deliveries', { card_ids: ids2, method: 'link', password: false, recipient: { name: 'x' } });
  assert.equal((await confirm(tokenOf(d2.body.secret.url))).statusCode, 200);
  const refused = await env.api('POST', `/v1/deliveries/${d2.body.id}/revoke`, { void_cards: true });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, 'DELIVERY_DOWNLOADED');
  assert.equal((await env.api('GET', `/v1/deliveries/${d2.body.id}`)).body.state, 'downloaded');
  const plain = await env.api('POST', `/v1/deliveries/${d2.body.id}/revoke`, {});
  assert.equal(plain.status, 200);
  assert.equal(plain.body.voided, null);
  assert.equal((await env.api('GET', `/v1/cards/${ids2[0]}`)).body.state, 'active');
  const redo = await env.api('POST', '/v1/deliveries', { card_ids: ids2, method: 'link', password: false, recipient: { name: 'y' } });
  assert.equal(redo.status, 201, 'a revoked delivery frees its cards');

  await dispatchEvents(env.ctx);
  const ev = await env.ctx.db.query<{ data: any }>(`SELECT data FROM events WHERE event_type = 'delivery.revoked' AND data->>'delivery_id' = $1`, [r.body.id]);
  assert.equal(ev.rows[0]!.data.reference_id, 'wso_9');
  assert.equal(ev.rows[0]!.data.voided, 3);
});

test('who may: owners and operators deliver; an analyst reads; a clerk neither; bad input is a field problem', async () => {
  const analyst = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' })).body.secret;
  const { codes } = await bearer(1);
  const body = { card_ids: [...codes.keys()], method: 'file', recipient: { name: 'x' } };
  assert.equal((await env.api('POST', '/v1/deliveries', body, { key: analyst })).status, 403);
  assert.equal((await env.api('GET', '/v1/deliveries', undefined, { key: analyst })).status, 200);

  const unissued = await env.ctx.db.query<{ id: string }>(`SELECT id FROM cards WHERE batch_id = $1 AND state = 'unissued' LIMIT 1`, [batchId]);
  const bad = await env.api('POST', '/v1/deliveries', { ...body, card_ids: [unissued.rows[0]!.id, 'crd_nope'] });
  assert.equal(bad.status, 409);
  assert.deepEqual(bad.body.cards.map((c: any) => c.reason).sort(), ['not_found', 'state_unissued']);
  const both = await env.api('POST', '/v1/deliveries', { ...body, max_downloads: 3 });
  assert.equal(both.status, 422);
  assert.equal(both.body.code, 'DELIVERY_INVALID');
  assert.equal(both.body.errors[0].field, 'max_downloads');
  // a retry with the same key answers the same delivery and link; the stored answer is sealed
  const more = await bearer(1);
  const keyed = { card_ids: [...more.codes.keys()], method: 'link', password: false, recipient: { name: 'k' } };
  const k1 = await env.api('POST', '/v1/deliveries', keyed, { headers: { 'idempotency-key': 'dlv-retry-1' } });
  const k2 = await env.api('POST', '/v1/deliveries', keyed, { headers: { 'idempotency-key': 'dlv-retry-1' } });
  assert.equal(k1.status, 201);
  assert.deepEqual([k2.body.id, k2.body.secret.url], [k1.body.id, k1.body.secret.url]);
  const stored = await env.ctx.db.query<{ response: any }>(`SELECT response FROM idempotency_keys WHERE key = 'dlv-retry-1'`);
  assert.ok(stored.rows[0]!.response.__sealed, 'the link is not stored in clear');
  assert.ok(!JSON.stringify(stored.rows[0]!.response).includes(tokenOf(k1.body.secret.url)));

  // pages, newest first
  const p1 = await env.api('GET', '/v1/deliveries?limit=2');
  assert.equal(p1.body.data.length, 2);
  const p2 = await env.api('GET', `/v1/deliveries?limit=2&cursor=${encodeURIComponent(p1.body.next_cursor)}`);
  assert.equal(p2.status, 200);
  assert.ok(p2.body.data.length >= 1);
  assert.ok(p2.body.data.every((x: any) => x.id < p1.body.data[1].id));
  const neither = await env.api('POST', '/v1/deliveries', { method: 'file', recipient: { name: 'x' } });
  assert.equal(neither.status, 422);
});

test('a disabled brand’s links stop with it, and work again when it is enabled', async () => {
  const { codes } = await bearer(1);
  const r = await env.api('POST', '/v1/deliveries', { card_ids: [...codes.keys()], method: 'link', password: false, recipient: { name: 'x' } });
  const token = tokenOf(r.body.secret.url);
  await setTenantDisabled(env.ctx.db, env.tenantId, true, new Date());
  try {
    for (const res of [await page(token), await confirm(token)]) {
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /链接无效/);
    }
  } finally {
    await setTenantDisabled(env.ctx.db, env.tenantId, false, new Date());
  }
  assert.equal((await env.api('GET', `/v1/deliveries/${r.body.id}`)).body.downloads, 0);
  assert.equal((await confirm(token)).statusCode, 200);
});

test('the request log never carries a link’s token', () => {
  assert.equal(redactUrl(`/d/${'A'.repeat(43)}`), '/d/[redacted]');
  assert.equal(redactUrl(`/d/${'A'.repeat(43)}?utm=x`), '/d/[redacted]?utm=[redacted]');
  assert.equal(redactUrl('/v1/deliveries?limit=5'), '/v1/deliveries?limit=5');
});
