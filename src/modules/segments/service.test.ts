import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import { newId } from '../../ids.js';
import type { Group } from './conditions.js';
import {
  countConditions,
  countSegment,
  inSegment,
  memberMatches,
  memberTags,
  membersMatching,
  segmentMembers,
  segmentNames,
  tagMember,
  untagMember,
} from './service.js';

/**
 * The segments seam: tags set once, conditions over member fields and tags counted, paged and asked
 * per member in SQL — each answer agreeing with the others — and nothing of another tenant.
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

const db = () => env.ctx.db;
/** count, page and one-member answers agree, in a tenant of its own whose members are `all` */
async function agree(tenantId: string, all: string[], c: Group, expected: string[]) {
  const want = [...expected].sort();
  assert.equal(await countConditions(db(), tenantId, c), want.length, JSON.stringify(c));
  assert.deepEqual(await membersMatching(db(), tenantId, c, { limit: 1000 }), want, JSON.stringify(c));
  for (const id of all) assert.equal(await memberMatches(db(), tenantId, c, id), want.includes(id), `${id} in ${JSON.stringify(c)}`);
}
/** a member who joined `daysAgo` days before `at` (members take the database's clock when they join) */
const joined = (tenantId: string, id: string, at: Date, daysAgo: number) =>
  db().query('UPDATE members SET created_at = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, id, new Date(at.getTime() - daysAgo * 86_400_000)]);

test('tags: set once, trimmed, listed, removed; a bad tag or another tenant’s member is refused', async () => {
  const m = await fx.member({ name: '标签会员' });
  const at = clock.now();
  assert.equal(await tagMember(db(), env.tenantId, m.id, '  高价值 ', { kind: 'operator', id: 'operator:owner' }, at), true);
  assert.equal(await tagMember(db(), env.tenantId, m.id, '高价值', { kind: 'rule', id: 'aut_x' }, at), false, 'already tagged');
  await tagMember(db(), env.tenantId, m.id, 'VIP', { kind: 'operator', id: 'operator:owner' }, at);
  assert.deepEqual(await memberTags(db(), env.tenantId, m.id), ['VIP', '高价值']);
  assert.equal(await untagMember(db(), env.tenantId, m.id, 'VIP'), true);
  assert.equal(await untagMember(db(), env.tenantId, m.id, 'VIP'), false);
  assert.deepEqual(await memberTags(db(), env.tenantId, m.id), ['高价值']);

  await assert.rejects(
    tagMember(db(), env.tenantId, m.id, '   ', { kind: 'x', id: 'y' }, at),
    (e: any) => e.status === 422 && e.extra.errors[0].field === 'tag',
  );
  await assert.rejects(tagMember(db(), env.tenantId, m.id, 'x'.repeat(33), { kind: 'x', id: 'y' }, at), (e: any) => e.status === 422);
  const other = await env.newTenant('别家');
  await assert.rejects(tagMember(db(), other.tenantId, m.id, 'VIP', { kind: 'x', id: 'y' }, at), (e: any) => e.code === 'MEMBER_NOT_FOUND');
  assert.deepEqual(await memberTags(db(), other.tenantId, m.id), []);
});

test('member fields and tags: count, page and one member agree', async () => {
  const t0 = new Date('2026-03-10T04:00:00Z');
  const own = await env.newTenant('会员字段');
  const f = await fixtures(env, own.ownerKey);
  const old = await f.member({ name: '老会员', birthday: '1990-03-05', province: '浙江', city: '杭州' });
  const fresh = await f.member({ name: '新会员', birthday: '1995-07-20', province: '江苏', city: '南京' });
  const none = await f.member({ name: '无资料' });
  await joined(own.tenantId, old.id, t0, 100);
  await joined(own.tenantId, fresh.id, t0, 10);
  await joined(own.tenantId, none.id, t0, 1);
  clock.set(t0);
  const all = [old.id, fresh.id, none.id];
  const agreeHere = (c: Group, expected: string[]) => agree(own.tenantId, all, c, expected);
  await tagMember(db(), own.tenantId, old.id, '沉睡', { kind: 'operator', id: 'o' }, t0);

  await agreeHere({ all: [{ field: 'joined_days_ago', op: 'gte', value: 90 }] }, [old.id]);
  await agreeHere({ all: [{ field: 'joined_days_ago', op: 'lte', value: 30 }] }, [fresh.id, none.id]);
  await agreeHere({ all: [{ field: 'birthday_month', op: 'this_month' }] }, [old.id]);
  await agreeHere({ all: [{ field: 'birthday_month', op: 'in', value: [7, 8] }] }, [fresh.id]);
  await agreeHere({ all: [{ field: 'province', op: 'eq', value: '浙江' }] }, [old.id]);
  await agreeHere({ all: [{ field: 'province', op: 'ne', value: '浙江' }] }, [fresh.id, none.id]);
  await agreeHere(
    {
      any: [
        { field: 'city', op: 'in', value: ['南京', '苏州'] },
        { field: 'tag', op: 'has', value: '沉睡' },
      ],
    },
    [old.id, fresh.id],
  );
  await agreeHere(
    {
      all: [
        { field: 'tag', op: 'not_has', value: '沉睡' },
        {
          any: [
            { field: 'city', op: 'eq', value: '南京' },
            { field: 'joined_days_ago', op: 'gte', value: 50 },
          ],
        },
      ],
    },
    [fresh.id],
  );
  clock.reset();
});

test('a saved segment through the seam: count, members a page at a time, one member, its name; deleted is empty', async () => {
  const a = await fx.member({ name: '甲' });
  const b = await fx.member({ name: '乙' });
  const c = await fx.member({ name: '丙' });
  for (const m of [a, b, c]) await tagMember(db(), env.tenantId, m.id, '页测', { kind: 'operator', id: 'o' }, clock.now());
  const id = newId('seg');
  await db().query(`INSERT INTO segments (tenant_id, id, name, conditions, created_at, updated_at) VALUES ($1, $2, '页测人群', $3, now(), now())`, [
    env.tenantId,
    id,
    JSON.stringify({ all: [{ field: 'tag', op: 'has', value: '页测' }] }),
  ]);
  assert.equal(await countSegment(db(), env.tenantId, id), 3);
  const first = await segmentMembers(db(), env.tenantId, id, { limit: 2 });
  const rest = await segmentMembers(db(), env.tenantId, id, { after: first.at(-1)!, limit: 2 });
  assert.deepEqual([...first, ...rest], [a.id, b.id, c.id].sort());
  assert.equal(await inSegment(db(), env.tenantId, id, b.id), true);
  assert.deepEqual([...(await segmentNames(db(), env.tenantId, [id, 'seg_nothing']))], [[id, '页测人群']]);

  const other = await env.newTenant('别家2');
  assert.equal(await inSegment(db(), other.tenantId, id, b.id), false, 'another tenant does not see it');
  await assert.rejects(countSegment(db(), other.tenantId, id), (e: any) => e.code === 'SEGMENT_NOT_FOUND');
  await db().query('UPDATE segments SET deleted_at = now() WHERE tenant_id = $1 AND id = $2', [env.tenantId, id]);
  assert.equal(await inSegment(db(), env.tenantId, id, b.id), false);
});
