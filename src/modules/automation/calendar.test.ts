import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { tagMember } from '../segments/service.js';
import { clock } from '../../clock.js';
import { birthdaysOn } from './calendar.js';

/**
 * 生日礼 and 定时: birthday and schedule rules run by the calendar job in the brand's time zone
 * (Asia/Shanghai here), once per member per day however often the job runs; a 29 Feb birthday is
 * greeted on 28 Feb outside leap years and on 29 Feb in them.
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
const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const firedTo = async (ruleId: string) =>
  (ok(await env.api('GET', `/v1/automation/firings?rule_id=${ruleId}&limit=100`)).data as any[])
    .filter((f) => f.outcome === 'fired')
    .map((f) => `${f.member_name} ${f.event_id.split(':')[1]}`)
    .sort();

test('29 Feb birthdays are celebrated on 28 Feb outside leap years', () => {
  assert.deepEqual(birthdaysOn('2027-02-28'), [
    { month: 2, day: 28 },
    { month: 2, day: 29 },
  ]);
  assert.deepEqual(birthdaysOn('2028-02-28'), [{ month: 2, day: 28 }]);
  assert.deepEqual(birthdaysOn('2028-02-29'), [{ month: 2, day: 29 }]);
});

test('生日礼 fires at 09:00 in the brand’s zone, once per member and day, 29 Feb on 28 Feb outside leap years', async () => {
  const t = await fx.template('cash', { amount_off: 2000 }, { name: '生日券' });
  const r = ok(
    await env.api('POST', '/v1/automation/rules', {
      name: '生日礼',
      trigger: { type: 'birthday' },
      limits: { per_member: { times: 1, per: 'day' } },
      actions: { rewards: [{ type: 'card', template_id: t.id }] },
    }),
    201,
  );
  await fx.member({ name: '闰日', birthday: '1996-02-29' });
  await fx.member({ name: '二八', birthday: '1990-02-28' });
  await fx.member({ name: '三一', birthday: '1991-03-01' });
  await fx.member({ name: '无生日' });

  clock.set('2027-02-28T00:30:00Z'); // 08:30 in Shanghai: not yet
  await env.jobs();
  assert.deepEqual(await firedTo(r.id), []);
  clock.set('2027-02-28T01:05:00Z'); // 09:05
  await env.jobs();
  await env.jobs();
  assert.deepEqual(await firedTo(r.id), ['二八 2027-02-28', '闰日 2027-02-28']);
  clock.set('2027-03-01T15:59:00Z'); // 23:59 on 1 Mar in Shanghai (still 1 Mar UTC 15:59)
  await env.jobs();
  assert.deepEqual(await firedTo(r.id), ['三一 2027-03-01', '二八 2027-02-28', '闰日 2027-02-28']);

  clock.set('2028-02-28T02:00:00Z'); // a leap year: 29 Feb has its own day
  await env.jobs();
  clock.set('2028-02-29T02:00:00Z');
  await env.jobs();
  const fired = await firedTo(r.id);
  assert.ok(fired.includes('二八 2028-02-28') && fired.includes('闰日 2028-02-29') && !fired.includes('闰日 2028-02-28'), fired.join());
  const res = ok(await env.api('GET', `/v1/automation/rules/${r.id}`)).results;
  assert.equal(res.cards, 5);
});

test('a weekly schedule rule fires for its segment on its weekday at its time, once', async () => {
  clock.set('2028-03-05T12:00:00Z'); // a Sunday
  await env.ctx.db.query(
    `INSERT INTO segments (tenant_id, id, name, conditions, created_at, updated_at) VALUES ($1, 'seg_vip', 'VIP 会员', $2, now(), now())`,
    [env.tenantId, JSON.stringify({ all: [{ field: 'tag', op: 'has', value: 'VIP' }] })],
  );
  const vip = await fx.member({ name: '贵宾' });
  await fx.member({ name: '普通' });
  await tagMember(env.ctx.db, env.tenantId, vip.id, 'VIP', { kind: 'test', id: 'x' }, clock.now());
  const noSeg = await env.api('POST', '/v1/automation/rules', { name: 'x', trigger: { type: 'schedule', every: 'week', weekday: 1 }, actions: { tag: 'x' } });
  assert.equal(noSeg.status, 422);
  assert.equal(noSeg.body.errors[0].field, 'conditions');
  const r = ok(
    await env.api('POST', '/v1/automation/rules', {
      name: '周一会员日',
      trigger: { type: 'schedule', every: 'week', weekday: 1, at: '10:00' },
      conditions: [{ field: 'segment_id', op: 'in', value: 'seg_vip' }],
      actions: { rewards: [{ type: 'points', amount: 100 }] },
    }),
    201,
  );
  await env.jobs();
  assert.deepEqual(await firedTo(r.id), []);
  clock.set('2028-03-06T02:30:00Z'); // Monday 10:30 in Shanghai
  await env.jobs();
  await env.jobs();
  assert.deepEqual(await firedTo(r.id), ['贵宾 2028-03-06']);
});
