import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * 人群与标签 through the API: an operator previews conditions, saves a segment, sees it listed with
 * its live count and its members by name; tags members by hand and by CSV; the condition builder's
 * fields come from the API. Bad input is refused naming the field, and changes nothing.
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
const refused = (r: { status: number; body: any; headers: Record<string, any> }, status: number, code: string, field?: string) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.code, code, JSON.stringify(r.body));
  assert.match(String(r.headers['content-type']), /problem\+json/);
  if (field) assert.match(JSON.stringify(r.body.errors), new RegExp(field), JSON.stringify(r.body));
  return r.body;
};
const vip = { all: [{ field: 'tag', op: 'has', value: 'VIP' }] };

test('preview, save, list with the live count, members by name, change, delete', async () => {
  const a = await fx.member({ name: '王小明' });
  const b = await fx.member({ name: '李小红' });
  await fx.member({ name: '路人' });
  for (const m of [a, b]) ok(await env.api('POST', `/v1/members/${m.id}/tags`, { tag: 'VIP' }));

  const pre = ok(await env.api('POST', '/v1/segments/preview', { conditions: vip }));
  assert.equal(pre.count, 2);
  assert.deepEqual(pre.members.map((m: any) => m.name).sort(), ['李小红', '王小明']);

  const key = { headers: { 'idempotency-key': 'seg-1' } };
  const s = ok(await env.api('POST', '/v1/segments', { name: ' 贵宾 ', description: '打了 VIP 标签的会员', conditions: vip }, key), 201);
  assert.equal(s.name, '贵宾');
  assert.equal(s.members, 2);
  assert.equal(ok(await env.api('POST', '/v1/segments', { name: ' 贵宾 ', description: '打了 VIP 标签的会员', conditions: vip }, key), 201).id, s.id);

  // the count is live: a third VIP is counted without touching the segment
  const c = await fx.member({ name: '张三' });
  ok(await env.api('POST', `/v1/members/${c.id}/tags`, { tag: 'VIP' }));
  assert.equal(ok(await env.api('GET', `/v1/segments/${s.id}`)).members, 3);
  const list = ok(await env.api('GET', '/v1/segments')).data;
  assert.deepEqual(
    list.map((x: any) => [x.name, x.members]),
    [['贵宾', 3]],
  );

  const first = ok(await env.api('GET', `/v1/segments/${s.id}/members?limit=2`));
  assert.equal(first.data.length, 2);
  const rest = ok(await env.api('GET', `/v1/segments/${s.id}/members?limit=2&cursor=${first.next_cursor}`));
  assert.equal(rest.next_cursor, null);
  assert.deepEqual([...first.data, ...rest.data].map((m: any) => m.name).sort(), ['张三', '李小红', '王小明']);

  const changed = ok(
    await env.api('PATCH', `/v1/segments/${s.id}`, {
      conditions: { all: [vip.all[0], { field: 'joined_days_ago', op: 'lte', value: 30 }] },
    }),
  );
  assert.equal(changed.members, 3);
  assert.equal(changed.name, '贵宾');
  const audit = ok(await env.api('GET', '/v1/audit?limit=20')).data.map((e: any) => e.action);
  assert.ok(audit.includes('segment.create') && audit.includes('segment.update') && audit.includes('segment.tag'), audit.join());

  ok(await env.api('DELETE', `/v1/segments/${s.id}`));
  refused(await env.api('GET', `/v1/segments/${s.id}`), 404, 'SEGMENT_NOT_FOUND');
  assert.equal(ok(await env.api('GET', '/v1/segments')).data.length, 0);
  // the name is free again once deleted
  ok(await env.api('POST', '/v1/segments', { name: '贵宾', conditions: vip }), 201);
});

test('the field catalogue lists every plugged field with labels, operators and value kinds', async () => {
  const f = ok(await env.api('GET', '/v1/segment-fields')).data;
  const by = Object.fromEntries(f.map((x: any) => [x.field, x]));
  for (const name of ['tag', 'tier', 'points_balance', 'spent', 'orders', 'last_order', 'holds_card', 'redemptions', 'city', 'birthday_month'])
    assert.ok(by[name], `${name} in ${Object.keys(by).join()}`);
  assert.deepEqual(by.spent.label, { zh: by.spent.label.zh, en: by.spent.label.en });
  assert.equal(by.spent.days, true);
  assert.equal(by.tag.days, false);
  assert.deepEqual(
    by.tag.ops.map((o: any) => [o.op, o.label.zh, o.value]),
    [
      ['has', '有', 'tag'],
      ['not_has', '没有', 'tag'],
    ],
  );
  assert.ok(by.city.ops.some((o: any) => o.op === 'in' && o.list));
});

test('bad conditions, unknown properties, duplicate names and another tenant’s segment are refused and change nothing', async () => {
  const own = await env.newTenant('坏输入');
  const api = (m: string, url: string, body?: unknown) => env.api(m, url, body, { key: own.ownerKey });
  const s = ok(await api('POST', '/v1/segments', { name: '原样', conditions: vip }), 201);
  const bad: [unknown, string][] = [
    [{ all: [{ field: 'shoe_size', op: 'eq', value: 1 }] }, 'conditions/all/0/field'],
    [{ all: [{ field: 'tag', op: 'between', value: 'x' }] }, 'conditions/all/0/op'],
    [{ any: [{ field: 'spent', op: 'gte', value: -5, days: 30 }] }, 'conditions/any/0/value'],
    [{ any: [{ field: 'spent', op: 'gte', value: '500', days: 30 }] }, 'conditions/any/0/value'],
    [{ any: [{ field: 'spent', op: 'gte', value: 500 }] }, 'conditions/any/0/days'],
    [{ all: [] }, 'conditions/all'],
  ];
  for (const [conditions, field] of bad) {
    const p = refused(await api('POST', '/v1/segments', { name: '新的', conditions }), 422, 'VALIDATION_FAILED', field);
    assert.equal(p.errors[0].field, field);
    assert.ok(p.title || p.detail);
    refused(await api('POST', '/v1/segments/preview', { conditions }), 422, 'VALIDATION_FAILED', field);
    refused(await api('PATCH', `/v1/segments/${s.id}`, { conditions }), 422, 'VALIDATION_FAILED', field);
  }
  refused(await api('POST', '/v1/segments', { name: '新的', conditions: vip, colour: 'red' }), 422, 'VALIDATION_FAILED', 'colour');
  refused(await api('PATCH', `/v1/segments/${s.id}`, { owner: 'x' }), 422, 'VALIDATION_FAILED', 'owner');
  refused(await api('POST', '/v1/segments', { name: '原样', conditions: vip }), 409, 'SEGMENT_NAME_TAKEN', 'name');
  refused(await api('POST', '/v1/segments', { name: '   ', conditions: vip }), 422, 'VALIDATION_FAILED', 'name');
  const after = ok(await api('GET', '/v1/segments')).data;
  assert.deepEqual(
    after.map((x: any) => [x.name, x.conditions]),
    [['原样', vip]],
    'nothing changed',
  );

  // the default tenant's key sees none of it
  refused(await env.api('GET', `/v1/segments/${s.id}`), 404, 'SEGMENT_NOT_FOUND');
  refused(await env.api('PATCH', `/v1/segments/${s.id}`, { name: '抢来的' }), 404, 'SEGMENT_NOT_FOUND');
  refused(await env.api('DELETE', `/v1/segments/${s.id}`), 404, 'SEGMENT_NOT_FOUND');
  refused(await env.api('GET', `/v1/segments/${s.id}/members`), 404, 'SEGMENT_NOT_FOUND');
  assert.equal(ok(await api('GET', `/v1/segments/${s.id}`)).name, '原样');

  // an analyst reads but does not change
  const analyst = ok(await api('POST', '/v1/api-keys', { name: 'bi', role: 'analyst' }), 201).secret;
  ok(await env.api('GET', '/v1/segments', undefined, { key: analyst }));
  refused(await env.api('POST', '/v1/segments', { name: 'x', conditions: vip }, { key: analyst }), 403, 'FORBIDDEN');
});

test('tags by hand and by CSV: counts, a member’s tags, unmatched lines reported in Chinese', async () => {
  const own = await env.newTenant('标签导入');
  const api = (m: string, url: string, body?: unknown) => env.api(m, url, body, { key: own.ownerKey });
  const f = await fixtures(env, own.ownerKey);
  const a = await f.member({ name: '甲', external_id: 'crm-1' });
  const b = await f.member({ name: '乙', phone: '13800138000' });
  const c = await f.member({ name: '丙' });

  const csv = ['member,tags', 'crm-1,高价值,沉睡', 'crm-404,高价值', 'crm-1,', `crm-1,${'长'.repeat(33)}`].join('\n');
  const r = ok(await api('POST', '/v1/tags/import', { csv, by: 'external_id' }));
  assert.equal(r.lines, 4);
  assert.equal(r.tagged, 2);
  assert.equal(r.members, 1);
  assert.deepEqual(
    r.unmatched.map((u: any) => u.reason),
    ['第 3 行：没有找到这个会员', '第 4 行：没有标签', `第 5 行：标签「${'长'.repeat(33)}」应为 1 到 32 个字`],
  );
  const byPhone = ok(await api('POST', '/v1/tags/import', { csv: '13800138000,高价值\n13900000000,高价值', by: 'phone' }));
  assert.equal(byPhone.tagged, 1);
  assert.deepEqual(
    byPhone.unmatched.map((u: any) => u.line),
    [2],
  );
  const byId = ok(await api('POST', '/v1/tags/import', { csv: `${c.id},新客\n${a.id},高价值`, by: 'id' }));
  assert.equal(byId.tagged, 1, 'a tag a member has stays as it was');

  assert.deepEqual(ok(await api('GET', `/v1/members/${a.id}/tags`)).tags, ['沉睡', '高价值']);
  assert.deepEqual(ok(await api('GET', '/v1/tags')).data, [
    { tag: '高价值', members: 2 },
    { tag: '新客', members: 1 },
    { tag: '沉睡', members: 1 },
  ]);
  const removed = ok(await api('DELETE', `/v1/members/${a.id}/tags/${encodeURIComponent('沉睡')}`));
  assert.equal(removed.removed, true);
  assert.deepEqual(removed.tags, ['高价值']);
  assert.equal(ok(await api('POST', `/v1/members/${b.id}/tags`, { tag: '高价值' })).added, false);

  refused(await api('POST', `/v1/members/${b.id}/tags`, { tag: '' }), 400, 'VALIDATION_FAILED', 'tag');
  refused(await api('POST', `/v1/members/${b.id}/tags`, { tag: 'x', by: 'me' }), 422, 'VALIDATION_FAILED', 'by');
  refused(await api('POST', '/v1/tags/import', { csv: 'x,y', by: 'email' }), 400, 'VALIDATION_FAILED', 'by');
  refused(await env.api('POST', `/v1/members/${a.id}/tags`, { tag: '外人' }), 404, 'MEMBER_NOT_FOUND');
  refused(await env.api('GET', `/v1/members/${a.id}/tags`), 404, 'MEMBER_NOT_FOUND');
  assert.deepEqual(ok(await api('GET', `/v1/members/${b.id}/tags`)).tags, ['高价值'], 'nothing changed');
});
