import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { createSegment } from './manage.js';
import { tagMember } from './service.js';

/**
 * The demo's tags and segments 人群与标签: a few members tagged 高价值 / 沉睡 / 新客, and two segments the
 * console shows with live counts — 「90天未核销」 (redeemed nothing in the last 90 days) and
 * 「近30天消费满500元」 (spent ¥500 or more in the last 30 days). No demo campaign uses them as its
 * audience: the demo's members must be able to claim and join as before.
 */
export async function seedDemoSegments(ctx: Ctx, owner: Caller, ids: { members: { id: string }[] }): Promise<void> {
  const now = ctx.clock.now();
  const t = owner.tenantId;
  const tags: [number, string][] = [
    [0, '高价值'],
    [1, '高价值'],
    [1, '新客'],
    [2, '沉睡'],
    [3, '沉睡'],
  ];
  await ctx.db.tx(async (q) => {
    for (const [i, tag] of tags) if (ids.members[i]) await tagMember(q, t, ids.members[i].id, tag, { kind: 'demo', id: 'seed' }, now);
    await createSegment(
      q,
      t,
      {
        name: '90天未核销',
        description: '最近 90 天没有核销过卡券的会员，适合发唤醒券',
        conditions: { all: [{ field: 'redemptions', op: 'eq', value: 0, days: 90 }] },
      },
      now,
    );
    await createSegment(
      q,
      t,
      {
        name: '近30天消费满500元',
        description: '最近 30 天累计消费 500 元及以上',
        conditions: { all: [{ field: 'spent', op: 'gte', value: 50000, days: 30 }] },
      },
      now,
    );
  });
}
