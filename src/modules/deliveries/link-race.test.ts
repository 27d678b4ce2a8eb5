import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from '../../race/cluster.js';

/**
 * A download link's limit under confirmations racing each other: however many POST at once, on one
 * process or across two, exactly `max_downloads` get the file and the rest the "used up" page; the
 * count, the attempts and the audit agree.
 */
const LIMIT = 3;
const RACERS = 30;

function check(replies: { status: number; file: boolean }[]) {
  const served = replies.filter((r) => r.status === 200);
  assert.equal(served.length, LIMIT, `exactly ${LIMIT} downloads: ${JSON.stringify(replies.map((r) => r.status))}`);
  assert.ok(served.every((r) => r.file));
  assert.ok(
    replies.every((r) => r.status === 200 || r.status === 410),
    'the others get the used-up page',
  );
}

async function counted(q: (sql: string, p: unknown[]) => Promise<any[]>, id: string) {
  const d = (await q('SELECT downloads FROM deliveries WHERE id = $1', [id]))[0];
  const a = await q(`SELECT outcome, count(*)::int AS n FROM delivery_attempts WHERE delivery_id = $1 GROUP BY outcome ORDER BY outcome`, [id]);
  const audit = await q(
    `SELECT action, count(*)::int AS n FROM audit_entries WHERE target_id = $1 AND action LIKE 'delivery.download%' GROUP BY action ORDER BY action`,
    [id],
  );
  assert.equal(d.downloads, LIMIT);
  assert.deepEqual(
    a.map((r) => [r.outcome, r.n]),
    [
      ['served', LIMIT],
      ['used_up', RACERS - LIMIT],
    ],
  );
  assert.deepEqual(
    audit.map((r) => [r.action, r.n]),
    [
      ['delivery.download', LIMIT],
      ['delivery.download_refused', RACERS - LIMIT],
    ],
  );
}

describe('in one process (both engines)', () => {
  let env: TestEnv;
  before(async () => {
    env = await startTestEnv();
  });
  after(async () => {
    await env.close();
  });

  test(`${RACERS} confirmations at once on a link of ${LIMIT}: exactly ${LIMIT} files`, async () => {
    const fx = await fixtures(env);
    const b = await fx.batch((await fx.template('gift', { initial_balance: 100 })).id);
    const card = await fx.issue(b.id);
    const d = await env.api('POST', '/v1/deliveries', { card_ids: [card.id], method: 'link', password: false, max_downloads: LIMIT, recipient: { name: 'r' } });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const url = `/d/${d.body.secret.url.split('/d/')[1]}`;
    const replies = await allAtOnce(RACERS, () => env.app.inject({ method: 'POST', url }));
    check(replies.map((r) => ({ status: r.statusCode, file: /attachment/.test(String(r.headers['content-disposition'])) })));
    await counted(async (sql, p) => (await env.ctx.db.query(sql, p)).rows, d.body.id);
  });

  test('the same cards delivered twice at once: one delivery gets them, the other a clean 409', async () => {
    const fx = await fixtures(env);
    const b = await fx.batch((await fx.template('gift', { initial_balance: 100 })).id);
    const cards = [await fx.issue(b.id), await fx.issue(b.id)];
    const body = { card_ids: cards.map((c) => c.id), method: 'link', password: false, recipient: { name: 'r' } };
    const replies = await allAtOnce(6, () => env.api('POST', '/v1/deliveries', body));
    assert.deepEqual(replies.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409]);
    assert.ok(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'DELIVERY_CARDS_UNAVAILABLE'));
    const live = await env.ctx.db.query('SELECT card_id FROM delivery_cards WHERE card_id = ANY($1::text[]) AND live', [body.card_ids]);
    assert.equal(live.rows.length, 2, 'each card in one live delivery');
  });
});

describe('across two server processes', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  before(async () => {
    c = await startCluster(2);
  });
  after(async () => {
    await c?.stop();
  });

  test(`${RACERS} confirmations at once, round-robin over the processes, on a link of ${LIMIT}: exactly ${LIMIT} files`, async () => {
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'gift', name: 'race', value: { initial_balance: 100 }, validity: { type: 'relative', days: 30 } }),
      't',
    );
    const b = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'race', mode: 'on_issue' }), 'b');
    const card = ok(await c.call('POST', '/v1/cards/issue', { batch_id: b.id }), 'issue');
    const d = ok(
      await c.call('POST', '/v1/deliveries', { card_ids: [card.id], method: 'link', password: false, max_downloads: LIMIT, recipient: { name: 'r' } }),
      'delivery',
    );
    const url = `/d/${d.secret.url.split('/d/')[1]}`;
    // a browser's form post: a form body, no credentials (the server ignores the key header the helper adds)
    const replies = await allAtOnce(RACERS, () => c.call('POST', url, undefined, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    assert.ok(
      replies.every((r) => r.status < 500),
      JSON.stringify(tally(replies)),
    );
    // the file is not JSON: the helper hands back its text, a zip starting with PK
    check(replies.map((r) => ({ status: r.status, file: r.status === 200 && typeof r.body === 'string' && r.body.startsWith('PK') })));
    await counted(async (sql, p) => (await c.ctx.db.query(sql, p)).rows, d.id);
  });
});
