import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { referralKit } from '../referrals/testing.js';

/**
 * 签到与任务: one check-in per member per day of the brand's calendar (a second the same day answers the
 * first), the streak's day picking the reward and a missed day starting again; tasks rewarded by their
 * custom event once per member per period; bad settings and tasks refused by field, nothing changed.
 */
let env: TestEnv;
let kit: ReturnType<typeof referralKit>;
before(async () => {
  env = await startTestEnv();
  kit = referralKit(env);
});
after(async () => {
  await env.close();
});
const HOUR = 3_600_000;
const points = async (id: string) => kit.ok(await env.api('GET', `/v1/members/${id}/points`)).points as number;

test('check-in: once a local day, streak rewards day by day, a missed day starts again at day 1', async () => {
  const { ok, refused, member, template, cards } = kit;
  const m = await member('林小雨');
  refused(await m.as('POST', '/v1/wallet/checkin', {}), 'CHECKIN_NOT_ENABLED');
  const gift = await template('连签3天 咖啡券');
  const set = ok(
    await env.api('PUT', '/v1/checkin-settings', {
      enabled: true,
      rewards: [[{ type: 'points', amount: 10 }], [{ type: 'points', amount: 20 }], [{ type: 'card', template_id: gift.id }]],
    }),
  );
  assert.deepEqual(set.rewards_names[2], ['连签3天 咖啡券']);
  const tz = ok(await env.api('GET', '/v1/tenant')).time_zone ?? 'Asia/Shanghai';
  assert.equal(tz, 'Asia/Shanghai');
  env.ctx.clock.set(`${new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10)}T15:00:00Z`); // 23:00 in Shanghai
  const day1 = ok(await m.as('POST', '/v1/wallet/checkin', {}));
  assert.deepEqual([day1.checked_in, day1.streak, day1.today_rewards[0].amount], [true, 1, 10]);
  const again = ok(await m.as('POST', '/v1/wallet/checkin', {}));
  assert.deepEqual([again.streak, await points(m.id)], [1, 10], 'a second check-in the same day gives nothing');
  env.ctx.clock.advance(2 * HOUR); // 01:00 the next local day, though the same UTC date
  const before2 = ok(await m.as('GET', '/v1/wallet/checkin'));
  assert.deepEqual([before2.checked_in, before2.streak, before2.today_rewards[0].amount], [false, 1, 20]);
  const day2 = ok(await m.as('POST', '/v1/wallet/checkin', {}));
  assert.deepEqual([day2.streak, await points(m.id)], [2, 30]);
  env.ctx.clock.advance(24 * HOUR);
  assert.equal(ok(await (await kit.relink(m.id)).as('POST', '/v1/wallet/checkin', {})).streak, 3);
  assert.equal((await cards(m.id)).length, 1, 'day 3 gives the card');
  env.ctx.clock.advance(48 * HOUR); // a day missed
  const restart = ok(await (await kit.relink(m.id)).as('POST', '/v1/wallet/checkin', {}));
  assert.deepEqual([restart.streak, await points(m.id)], [1, 40]);
  const refs = (await env.ctx.db.query<{ reference: string }>(`SELECT reference FROM reward_grants WHERE member_id = $1 ORDER BY created_at`, [m.id])).rows;
  assert.equal(refs.length, 4);
  assert.match(refs[0]!.reference, new RegExp(`^checkin:${m.id}:\\d{4}-\\d{2}-\\d{2}$`));
  const results = ok(await env.api('GET', '/v1/checkin-settings')).results;
  assert.deepEqual([results.checkins, results.best_streak, results.cards, results.points], [4, 3, 1, 40]);
  const bad = refused(
    await env.api('PUT', '/v1/checkin-settings', { enabled: true, rewards: [[{ type: 'card', template_id: 'tpl_none' }]] }),
    'VALIDATION_FAILED',
    422,
  );
  assert.equal(bad.errors[0].field, 'rewards/0/0/template_id');
  assert.equal((await env.api('PUT', '/v1/checkin-settings', { enabled: true, rewards: [] })).status, 400);
  assert.equal((await env.api('PUT', '/v1/checkin-settings', { enabled: 'yes', rewards: [[{ type: 'points', amount: 1 }]] })).status, 400);
  assert.equal(ok(await env.api('GET', '/v1/checkin-settings')).rewards.length, 3, 'nothing changed');
  env.ctx.clock.reset();
});

test('tasks: a custom event rewards once per member per period; a second task on one event type is refused', async () => {
  const { ok, refused, member } = kit;
  const share = ok(
    await env.api('POST', '/v1/tasks', { name: '分享给好友', activity_type: 'shared', period: 'day', rewards: [{ type: 'points', amount: 5 }] }),
    201,
  );
  ok(
    await env.api('POST', '/v1/tasks', { name: '完善资料', activity_type: 'profile_completed', period: 'once', rewards: [{ type: 'points', amount: 50 }] }),
    201,
  );
  const dup = refused(
    await env.api('POST', '/v1/tasks', { name: '再分享', activity_type: 'shared', period: 'once', rewards: [{ type: 'points', amount: 1 }] }),
    'VALIDATION_FAILED',
    422,
  );
  assert.equal(dup.errors[0].field, 'activity_type');
  assert.equal((await env.api('POST', '/v1/tasks', { name: 'x', activity_type: 'x', period: 'year', rewards: [{ type: 'points', amount: 1 }] })).status, 400);
  assert.equal(
    (await env.api('POST', '/v1/tasks', { name: 'x', activity_type: 'Bad Type', period: 'day', rewards: [{ type: 'points', amount: 1 }] })).status,
    400,
  );
  refused(await env.api('PATCH', '/v1/tasks/tsk_nope', { name: 'x' }), 'TASK_NOT_FOUND', 404);
  const m = await member('郭静');
  const act = (type: string, ref: string) => env.api('POST', `/v1/members/${m.id}/activities`, { type, reference: ref });
  ok(await act('shared', 's-1'), 201);
  ok(await act('shared', 's-2'), 201);
  ok(await act('profile_completed', 'p-1'), 201);
  await env.jobs();
  await env.jobs();
  assert.equal(await points(m.id), 55, 'shared once today, the profile once');
  const w = ok(await m.as('GET', '/v1/wallet/checkin'));
  assert.deepEqual(w.tasks.map((t: any) => [t.name, t.done]).sort(), [
    ['分享给好友', true],
    ['完善资料', true],
  ]);
  env.ctx.clock.advance(24 * HOUR);
  ok(await act('shared', 's-3'), 201);
  ok(await act('profile_completed', 'p-2'), 201);
  await env.jobs();
  assert.equal(await points(m.id), 60, 'shared again the next day; the profile task only ever once');
  const paused = ok(await env.api('PATCH', `/v1/tasks/${share.id}`, { status: 'paused' }));
  assert.equal(paused.status, 'paused');
  const list = ok(await env.api('GET', '/v1/tasks')).data;
  assert.deepEqual(list.find((t: any) => t.id === share.id).results.completions, 2);
  assert.equal((await env.api('PATCH', `/v1/tasks/${share.id}`, { extra: 1 })).status, 422);
  env.ctx.clock.reset();
});
