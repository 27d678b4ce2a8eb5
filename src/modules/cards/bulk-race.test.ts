import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { ledgerMismatches } from '../ledger/service.js';

/**
 * A bulk void racing single redemptions of the same cards, all at once (on PostgreSQL truly at once,
 * over a pool of connections; PGlite takes them in turns): a card is either redeemed or voided,
 * never redeemed after its void, never voided twice, and what a void writes off is exactly what the
 * redemptions left. The ledger is checked after every test, and every invariant when the server closes.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});
afterEach(async () => {
  assert.deepEqual(await ledgerMismatches(env.ctx.db), [], 'every card’s cached holdings equal its ledger');
});

const ok = (r: { status: number; body: any }, what: string) => {
  assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const rows = async (sql: string, params: unknown[]) => (await env.ctx.db.query(sql, [env.tenantId, ...params])).rows;

async function issued(n: number, kind: string, value: Record<string, unknown>) {
  const b = await fx.batch((await fx.template(kind, value)).id);
  const m = await fx.member({ name: '并发测试' });
  const cards: any[] = [];
  for (let i = 0; i < n; i++) cards.push(await fx.issue(b.id, m.id));
  return { batch: b, cards };
}
const redeem = (body: Record<string, unknown>) => env.api('POST', '/v1/redemptions', body);
const allResults = async (id: string) => ok(await env.api('GET', `/v1/cards/bulk/${id}?limit=1000`), 'bulk').results;

/** Each single-use card ends redeemed (and the void skipped it) or voided (and its redemption was refused), never both. */
async function assertEither(cards: any[], results: any[], answers: { status: number; body: any }[]) {
  assert.ok(
    answers.every((a) => a.status < 500),
    `no 5xx: ${JSON.stringify(answers.filter((a) => a.status >= 500))}`,
  );
  let redeemed = 0;
  for (const [i, c] of cards.entries()) {
    const [card] = await rows('SELECT state FROM cards WHERE tenant_id = $1 AND id = $2', [c.id]);
    const done = await rows(`SELECT id FROM redemptions WHERE tenant_id = $1 AND card_id = $2 AND status = 'done'`, [c.id]);
    const voids = await rows(`SELECT id FROM events WHERE tenant_id = $1 AND card_id = $2 AND event_type = 'card.voided'`, [c.id]);
    const mine = results.filter((r) => r.card_id === c.id);
    const a = answers[i]!;
    if (card.state === 'used') {
      redeemed++;
      assert.deepEqual([done.length, voids.length, a.status], [1, 0, 201], `${c.id} redeemed`);
      assert.ok(
        mine.every((r) => r.outcome === 'skipped' && r.code === 'CARD_NOT_VOIDABLE' && r.card_state === 'used'),
        JSON.stringify(mine),
      );
    } else {
      assert.equal(card.state, 'voided');
      assert.deepEqual([done.length, voids.length, a.status, a.body.code], [0, 1, 409, 'CARD_VOIDED'], `${c.id} voided`);
      assert.equal(mine.filter((r) => r.outcome === 'done').length, 1, 'voided by exactly one operation');
    }
  }
  return redeemed;
}

test('a selection voided while each card is redeemed at the till: redeemed or voided, never both', async () => {
  const { cards } = await issued(30, 'cash', { amount_off: 500 });
  const [op, ...answers] = await Promise.all([
    env.api('POST', '/v1/cards/bulk', { action: 'void', card_ids: cards.map((c) => c.id), reason: '活动取消' }),
    ...cards.map((c) => redeem({ code: c.code })),
  ]);
  assert.equal(op!.status, 200, JSON.stringify(op!.body));
  const redeemed = await assertEither(cards, op!.body.results, answers);
  assert.equal(op!.body.skipped, redeemed);
});

test('a search’s cards voided by the job while they are redeemed: the same', async () => {
  const { batch, cards } = await issued(30, 'cash', { amount_off: 500 });
  const op = await env.api('POST', '/v1/cards/bulk', { action: 'void', filter: { batch_id: batch.id }, reason: '活动取消' });
  assert.equal(op.status, 202, JSON.stringify(op.body));
  const [, ...answers] = await Promise.all([env.jobs(), ...cards.map((c) => redeem({ code: c.code }))]);
  await env.jobs();
  const results = await allResults(op.body.id);
  assert.ok(
    results.every((r: any) => r.outcome !== 'pending'),
    'the job reached every card',
  );
  await assertEither(cards, results, answers);
});

test('stored value spent while voided: no redemption after the void, and the void writes off exactly what was left', async () => {
  const { cards } = await issued(10, 'stored_value', { initial_balance: 5000 });
  const spends = cards.flatMap((c) => [1000, 1500, 2000].map((amount) => redeem({ code: c.code, amount })));
  const [op, ...answers] = await Promise.all([
    env.api('POST', '/v1/cards/bulk', { action: 'void', card_ids: cards.map((c) => c.id), reason: '卡片挂失' }),
    ...spends,
  ]);
  assert.equal(op!.status, 200, JSON.stringify(op!.body));
  assert.equal(op!.body.done, 10, 'a stored-value card can always be voided');
  assert.ok(
    answers.every((a) => a.status === 201 || (a.status === 409 && a.body.code === 'CARD_VOIDED')),
    JSON.stringify(answers.filter((a) => a.status !== 201).map((a) => a.body.code)),
  );
  for (const c of cards) {
    const ev = await rows(`SELECT id::int8 AS id, event_type FROM events WHERE tenant_id = $1 AND card_id = $2 ORDER BY id`, [c.id]);
    const voided = ev.filter((e) => e.event_type === 'card.voided');
    assert.equal(voided.length, 1);
    assert.ok(
      ev.filter((e) => e.event_type === 'card.redeemed').every((e) => Number(e.id) < Number(voided[0].id)),
      'every redemption came before the void',
    );
    const [{ spent }] = await rows(`SELECT coalesce(sum(amount), 0)::int AS spent FROM redemptions WHERE tenant_id = $1 AND card_id = $2 AND status = 'done'`, [
      c.id,
    ]);
    const trace = ok(await env.api('GET', `/v1/cards/${c.id}/trace`), 'trace');
    const written = trace.ledger.filter((l: any) => l.entry_type === 'void').map((l: any) => l.amount);
    assert.deepEqual(written, spent === 5000 ? [] : [-(5000 - spent)], `${c.id}: spent ${spent}`);
  }
});

test('two bulk voids of the same cards at once: each card voided once, by one of them', async () => {
  const { batch, cards } = await issued(20, 'count', { uses: 5 });
  const [a, b, c] = await Promise.all([
    env.api('POST', '/v1/cards/bulk', { action: 'void', card_ids: cards.map((c) => c.id), reason: '一' }),
    env.api('POST', '/v1/cards/bulk', { action: 'void', filter: { batch_id: batch.id }, reason: '二' }),
    env.api('POST', '/v1/cards/bulk', { action: 'void', card_ids: cards.map((c) => c.id).reverse(), reason: '三' }),
  ]);
  assert.deepEqual([a!.status, b!.status, c!.status], [200, 202, 200]);
  await env.jobs();
  const results = [...a!.body.results, ...(await allResults(b!.body.id)), ...c!.body.results];
  for (const card of cards) {
    const mine = results.filter((r) => r.card_id === card.id);
    assert.deepEqual(mine.map((r) => r.outcome).sort(), ['done', 'skipped', 'skipped'], 'done by one, skipped by the others');
    assert.ok(mine.filter((r) => r.outcome === 'skipped').every((r) => r.code === 'CARD_NOT_VOIDABLE' && r.card_state === 'voided'));
    const voids = await rows(`SELECT 1 FROM events WHERE tenant_id = $1 AND card_id = $2 AND event_type = 'card.voided'`, [card.id]);
    assert.equal(voids.length, 1, 'one card.voided');
    const trace = ok(await env.api('GET', `/v1/cards/${card.id}/trace`), 'trace');
    assert.deepEqual(
      trace.ledger.filter((l: any) => l.entry_type === 'void').map((l: any) => l.uses),
      [-5],
      'written off once',
    );
  }
});
