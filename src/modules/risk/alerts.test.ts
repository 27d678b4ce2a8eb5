import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { detectSpikes } from './alerts.js';

/**
 * 风控告警 (docs/risk.md "Spike alerts"), on a moved clock: a rule hit 25 times in an hour with no
 * history raises one `risk.spike` (and a second run, or a second process, raises none); a quiet rule
 * (5 hits) and a busy one whose 25 hits are under 3× its usual 10 that hour raise none; the same rule
 * spiking again in the next hour raises that hour's one alert. The event is in the catalogue webhooks
 * subscribe to, and the dashboard lists the alert.
 */
let env: TestEnv;
const rules: Record<string, any> = {};
let n = 0;

before(async () => {
  env = await startTestEnv();
  env.ctx.clock.set('2026-12-07T10:20:00Z');
  for (const [k, name] of [
    ['hot', '黄牛拦截'],
    ['quiet', '安静规则'],
    ['busy', '日常繁忙'],
  ]) {
    const r = await env.api(
      'POST',
      '/v1/risk/rules',
      { name, actions: ['claim'], kind: 'limit', subject: 'member', window: { size: 1, unit: 'day' }, limit: 3, outcome: 'refuse' },
      { headers: { 'idempotency-key': `spike-${k}` } },
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    rules[k] = r.body;
  }
});
after(() => env.close());

async function hits(rule: any, count: number, at: Date) {
  for (let i = 0; i < count; i++)
    await env.ctx.db.query(
      `INSERT INTO risk_decisions (tenant_id, id, action, outcome, score, rules, subjects, member_id, card_id, store_id, rule_ids, created_at)
       VALUES ($1, $2, 'claim', 'refuse', 80, $3, '{}', NULL, NULL, NULL, $4, $5)`,
      [
        env.tenantId,
        `rdc_s${++n}`,
        JSON.stringify([{ id: rule.id, name: rule.name, kind: 'limit', outcome: 'refuse' }]),
        [rule.id],
        new Date(at.getTime() + i * 1000),
      ],
    );
}
const spikes = async () =>
  (await env.ctx.db.query<{ data: any }>(`SELECT data FROM events WHERE tenant_id = $1 AND event_type = 'risk.spike' ORDER BY id`, [env.tenantId])).rows.map(
    (e) => [e.data.rule_name, e.data.hour, e.data.hits, e.data.baseline],
  );

test('a spike raises one risk.spike per rule per hour; quiet and usually busy rules raise none', async () => {
  const hour = new Date('2026-12-07T10:00:00Z');
  await hits(rules.hot, 25, hour);
  await hits(rules.quiet, 5, hour);
  await hits(rules.busy, 25, hour);
  for (let d = 1; d <= 7; d++) await hits(rules.busy, 10, new Date(hour.getTime() - d * 86_400_000));
  assert.equal(await detectSpikes(env.ctx), 1);
  assert.deepEqual(await spikes(), [['黄牛拦截', '2026-12-07T10:00:00.000Z', 25, 0]]);
  // again, and as the recurring job (another process's run is the same statement): nothing new
  assert.equal(await detectSpikes(env.ctx), 0);
  await env.jobs();
  assert.equal((await spikes()).length, 1);

  // more hits in the same hour do not raise it again; the next hour is another alert
  await hits(rules.hot, 10, new Date('2026-12-07T10:40:00Z'));
  env.ctx.clock.set('2026-12-07T11:30:00Z');
  await hits(rules.hot, 20, new Date('2026-12-07T11:00:00Z'));
  await env.jobs();
  assert.deepEqual(await spikes(), [
    ['黄牛拦截', '2026-12-07T10:00:00.000Z', 25, 0],
    ['黄牛拦截', '2026-12-07T11:00:00.000Z', 20, 0],
  ]);
  const types = (await env.api('GET', '/v1/event-types')).body;
  assert.ok(JSON.stringify(types).includes('risk.spike'), 'webhook endpoints can subscribe to risk.spike');
  const dash = await env.api('GET', '/v1/risk/dashboard');
  assert.deepEqual(
    dash.body.spikes.map((s: any) => [s.rule_name, s.hits]),
    [
      ['黄牛拦截', 20],
      ['黄牛拦截', 25],
    ],
  );
});

test('two detectors at once raise the alert once', async () => {
  env.ctx.clock.set('2026-12-07T12:10:00Z');
  await hits(rules.quiet, 30, new Date('2026-12-07T12:00:00Z'));
  const raised = await Promise.all([detectSpikes(env.ctx), detectSpikes(env.ctx), detectSpikes(env.ctx)]);
  assert.equal(
    raised.reduce((a, b) => a + b, 0),
    1,
  );
  assert.equal((await spikes()).filter((s) => s[0] === '安静规则').length, 1);
});
