import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../platform/context.js';
import type { Caller } from '../http/access.js';
import { newApiKeySecret } from '../modules/identity/auth.js';
import { ensureTenantWithOwner } from '../modules/identity/api-keys.js';
import { createStore } from '../modules/stores/service.js';
import { createMember } from '../modules/members/service.js';
import { createTemplate } from '../modules/templates/service.js';
import { createBatch } from '../modules/batches/service.js';
import { importCodes } from '../modules/cards/import.js';
import { seedDemoSupplier } from '../modules/suppliers/demo.js';
import { issueCard } from '../modules/cards/issue.js';
import { redeem } from '../modules/redemptions/redeem.js';
import { drainJobs } from '../platform/jobs.js';
import type { TemplateInput } from '../modules/templates/schemas.js';
import { ensureOperator } from '../modules/identity/operators.js';
import { createChannel } from '../modules/channels/service.js';
import { seedDemoTrade } from './demo-trade.js';
import { seedDemoGrowth } from './demo-growth.js';
import { seedDemoMembership } from './demo-membership.js';

/**
 * Demo sign-ins for the console, the clerk page and the partner portal (/partner: partner accounts
 * of 华东总代 and of 苏州区域代理 below it): their passwords are random per install, shown once.
 */
export const DEMO_ACCOUNTS = [
  { username: 'admin', role: 'owner' as const },
  { username: 'clerk-sh', role: 'clerk' as const },
  { username: 'huadong', role: 'channel' as const },
  { username: 'suzhou', role: 'channel' as const },
];
export interface DemoAccount {
  username: string;
  password: string;
  role: 'owner' | 'clerk' | 'channel';
}

/** 16 characters from a CSPRNG: a demo sign-in nobody can know from the source code. */
const demoPassword = () => `kq-${newApiKeySecret().slice(3, 19)}`;

export const DEMO_TENANT = 'demo';

/**
 * The demo tenant 演示商户: three stores, five members, one template of every kind, batches, a few
 * issued and redeemed cards, and the membership (tiers, points, packs, the points mall, members'
 * orders and exchanges: ./demo-membership.ts) so every screen has something to show. Runs once per database.
 * Returns the owner key: KAQUAN_BOOTSTRAP_KEY when set, else one made at first seed and kept in
 * DATA_DIR/demo-owner-key (demo only — production keys are never stored in clear).
 */
export async function seedDemo(ctx: Ctx, opts: { membership?: boolean } = {}): Promise<{ ownerKey: string; seeded: boolean; accounts?: DemoAccount[] }> {
  const keyFile = join(ctx.config.dataDir, 'demo-owner-key');
  const ownerKey = ctx.config.bootstrapKey ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : newApiKeySecret());
  if (!ctx.config.bootstrapKey && !existsSync(keyFile)) {
    mkdirSync(ctx.config.dataDir, { recursive: true });
    writeFileSync(keyFile, ownerKey, { mode: 0o600 });
  }
  const { created } = await ensureTenantWithOwner(ctx.db, DEMO_TENANT, 'Kaquan 演示品牌 Demo Brand', ownerKey);
  if (!created) return { ownerKey, seeded: false };

  const keyId = (await ctx.db.query(`SELECT id FROM api_keys WHERE tenant_id = $1 AND role = 'owner' ORDER BY created_at LIMIT 1`, [DEMO_TENANT])).rows[0].id;
  const owner: Caller = { tenantId: DEMO_TENANT, keyId, role: 'owner', storeIds: [], channelId: null };
  const now = ctx.clock.now();
  const tx = <T>(fn: (q: any) => Promise<T>) => ctx.db.tx(fn);

  const stores: Awaited<ReturnType<typeof createStore>>[] = [];
  for (const s of [
    { name: '上海南京西路店', province: '上海市', city: '上海市', code: 'SH001', lat: 31.2297, lng: 121.4547, tags: ['shanghai', 'mall'] },
    { name: '北京三里屯店', province: '北京市', city: '北京市', code: 'BJ001', lat: 39.9334, lng: 116.4551, tags: ['beijing', 'street'] },
    { name: '深圳万象城店', province: '广东省', city: '深圳市', code: 'SZ001', lat: 22.5375, lng: 114.1122, tags: ['shenzhen', 'mall'] },
  ])
    stores.push(await tx((q) => createStore(q, DEMO_TENANT, s)));
  const members: Awaited<ReturnType<typeof createMember>>[] = [];
  for (const [i, name] of ['张伟', '王芳', '李娜', '刘洋', '陈静'].entries())
    members.push(
      await tx((q) =>
        createMember(
          q,
          ctx.keys,
          DEMO_TENANT,
          {
            external_id: `crm-${1001 + i}`,
            name,
            phone: `1380013800${i}`,
            birthday: `199${i}-0${i + 1}-15`,
          },
          ctx.clock.now(),
        ),
      ),
    );

  const yearLater = new Date(now.getTime() + 365 * 86_400_000).toISOString();
  const t = async (input: TemplateInput) => tx((q) => createTemplate(q, DEMO_TENANT, input, now));
  const latte = await t({
    kind: 'exchange',
    name: '拿铁兑换券 Latte voucher',
    value: { sku: 'LATTE-M', product_name: '中杯拿铁', face_value: 3200 },
    validity: { type: 'relative', days: 30 },
  });
  const templates = {
    cash: await t({
      kind: 'cash',
      name: '满50减10 代金券',
      value: { amount_off: 1000 },
      validity: { type: 'fixed', ends_at: yearLater },
      rules: { min_spend: 5000, per_member_limit: 3 },
    }),
    discount: await t({
      kind: 'discount',
      name: '8.5折券 15% off',
      value: { percent_off: 15, max_off: 5000 },
      validity: { type: 'relative', days: 30 },
      rules: { weekdays: [1, 2, 3, 4, 5] },
    }),
    exchange: latte,
    count: await t({
      kind: 'count',
      name: '洗车10次卡 Car wash ×10',
      value: { uses: 10, face_value: 3000, product_name: '精致洗车' },
      validity: { type: 'relative', days: 365 },
      rules: { store_tags: ['mall'] },
    }),
    periodic: await t({
      kind: 'periodic',
      name: '每月4杯咖啡 周期卡',
      value: { uses_per_period: 4, period: 'month', periods: 12, product_name: '任意咖啡' },
      validity: { type: 'none' },
    }),
    stored_value: await t({
      kind: 'stored_value',
      name: '会员储值卡 Stored value',
      value: { initial_balance: 0, max_balance: 1_000_000 },
      validity: { type: 'none' },
      // 充500送50, 充1000送150: the bonus tiers a top-up at the counter gets
      rules: {
        verification: { threshold: 100_000 },
        top_up_bonus: [
          { min_amount: 50_000, bonus: 5_000 },
          { min_amount: 100_000, bonus: 15_000 },
        ],
      },
    }),
    gift: await t({
      kind: 'gift',
      name: '200元礼品卡 Gift card',
      value: { initial_balance: 20000 },
      validity: { type: 'relative', days: 1095 },
      rules: { transferable: true },
    }),
    stamp: await t({ kind: 'stamp', name: '集5杯送1杯 集点卡', value: { goal: 5, reward_template_id: latte.id }, validity: { type: 'relative', days: 180 } }),
    external: await t({
      kind: 'external',
      name: '视频会员月卡 Video VIP (month)',
      value: { supplier: '某视频平台', product_name: 'VIP 月卡', face_value: 2500 },
      validity: { type: 'relative', days: 90 },
    }),
  };
  const batch = (templateId: string, name: string, mode: 'pregenerated' | 'on_issue' | 'imported', extra: object = {}) =>
    tx((q) => createBatch(q, DEMO_TENANT, { template_id: templateId, name, mode, ...extra }, now));
  const pool = await batch(templates.cash.id, '双11 预生成 1000 张', 'pregenerated', { quantity: 1000, code_format: { prefix: 'KQ' } });
  const onIssue: Record<string, string> = {};
  for (const [kind, tpl] of Object.entries(templates)) {
    if (kind === 'external') continue;
    onIssue[kind] = (await batch(tpl.id, `${tpl.name} · 发放`, 'on_issue', kind === 'gift' ? { stock: 500 } : {})).id;
  }
  const ext = await batch(templates.external.id, '供应商卡密 2026-11', 'imported');
  const supplierCodes = Array.from({ length: 20 }, (_, i) => `VIP2026${String(i + 1).padStart(4, '0')}${'ABCDEFGHJK'[i % 10]}X`).join('\n');
  await tx((q) => importCodes(ctx, q, owner, ext.id, supplierCodes, 'unissued'));
  await seedDemoSupplier(ctx, DEMO_TENANT, now); // pointed at the local simulator `npm start` runs in demo mode

  // the channel tree 渠道树: 华东总代 → 苏州区域代理 → 观前街团长 (and a second region and top level)
  const channel = (name: string, parent: string | null, more: { regions?: string[]; store_tags?: string[]; price_level?: string } = {}) =>
    tx((q) => createChannel(q, DEMO_TENANT, { name, parent_id: parent, ...more }));
  const east = await channel('华东总代', null, { regions: ['上海市', '江苏省', '浙江省'], price_level: 'L1' });
  const suzhou = await channel('苏州区域代理', east.id, { regions: ['苏州市'], store_tags: ['mall'], price_level: 'L2' });
  const guanqian = await channel('观前街团长', suzhou.id, { regions: ['苏州市'], price_level: 'L3' });
  await channel('杭州区域代理', east.id, { regions: ['杭州市'], price_level: 'L2' });
  await channel('华北总代', null, { regions: ['北京市', '天津市'], price_level: 'L1' });

  // a little history for the dashboard and the traces
  for (const [i, m] of members.entries()) {
    const cash = await tx((q) => issueCard(ctx, q, owner, { batch_id: onIssue.cash, member_id: m.id }));
    await tx((q) => issueCard(ctx, q, owner, { batch_id: onIssue.count, member_id: m.id }));
    await tx((q) => issueCard(ctx, q, owner, { batch_id: onIssue.stamp, member_id: m.id }));
    if (i < 3) await tx((q) => redeem(ctx, q, owner, { code: cash.code, store_id: stores[i % 3].id, order_amount: 6800 + i * 1000 }));
  }
  await tx((q) => issueCard(ctx, q, owner, { batch_id: onIssue.gift, member_id: members[0].id }));
  await tx((q) => issueCard(ctx, q, owner, { batch_id: onIssue.periodic, member_id: members[1].id }));
  await tx((q) => issueCard(ctx, q, owner, { batch_id: onIssue.exchange, member_id: members[2].id }));
  await tx((q) => issueCard(ctx, q, owner, { batch_id: ext.id, member_id: members[3].id }));
  // cards issued through the tree, for the partner portal's card list
  await tx((q) => issueCard(ctx, q, owner, { batch_id: onIssue.cash, member_id: members[4].id, channel_id: guanqian.id }));
  await tx((q) => issueCard(ctx, q, owner, { batch_id: onIssue.count, member_id: members[4].id, channel_id: suzhou.id }));
  const accounts: DemoAccount[] = DEMO_ACCOUNTS.map((a) => ({ ...a, password: demoPassword() }));
  await ensureOperator(ctx.db, DEMO_TENANT, { ...accounts[0], display_name: '演示管理员' }, now);
  await ensureOperator(ctx.db, DEMO_TENANT, { ...accounts[1], display_name: '南京西路店店员', store_ids: [stores[0].id] }, now);
  await ensureOperator(ctx.db, DEMO_TENANT, { ...accounts[2], display_name: '华东总代 陈经理', channel_id: east.id }, now);
  await ensureOperator(ctx.db, DEMO_TENANT, { ...accounts[3], display_name: '苏州区域代理 王经理', channel_id: suzhou.id }, now);
  const [latteOnIssue, giftOnIssue] = [onIssue.exchange, onIssue.gift];
  const membership = { latteTemplate: latte.id, cashTemplate: templates.cash.id, giftTemplate: templates.gift.id, latteOnIssue, giftOnIssue };
  // tiers, points, packs, the mall, members' history (left out by the browser walks that build their own)
  if (opts.membership !== false) await seedDemoMembership(ctx, owner, { members, stores, ...membership });
  // segments, automation rules, claim center, group, referral, check-in (docs/growth.md)
  if (opts.membership !== false)
    await seedDemoGrowth(ctx, owner, { members, stores, cashTemplate: templates.cash.id, latteTemplate: latte.id, giftTemplate: templates.gift.id });
  await drainJobs(ctx); // generate the pre-generated batch now, so the demo starts complete
  const ids = { cashTemplate: templates.cash.id, giftTemplate: templates.gift.id, cashOnIssue: onIssue.cash, pool: pool.id };
  await seedDemoTrade(ctx, owner, { ...ids, east: east.id, suzhou: suzhou.id });
  return { ownerKey, seeded: true, accounts };
}
