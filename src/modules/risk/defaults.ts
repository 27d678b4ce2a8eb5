import type { GuardedActionName } from '../../platform/guards.js';
import type { Outcome, Subject, Unit } from './schemas.js';

/**
 * The rules every tenant has from the start 默认规则 (docs/risk.md "Default rules"): made the first
 * time the tenant's rules are read, editable and pausable like any other (a paused default is never
 * made again). Together they stop a scalper farm (many members on one device or one IP claiming a
 * hot campaign) and a code-guessing bot (unknown codes by the thousand over many keys and IPs),
 * while a member claiming a few cards from their own phone, or a clerk mistyping a code, passes.
 */
export interface DefaultRule {
  key: string;
  name: string;
  description: string;
  actions: GuardedActionName[];
  kind: 'limit' | 'signal';
  subject?: Subject;
  signal?: 'device_members' | 'phone_changes';
  window: { size: number; unit: Unit; mode?: 'sliding' | 'calendar' };
  limit: number;
  count?: 'all' | 'failures';
  outcome: Outcome;
  fail_mode?: 'open' | 'closed';
}

export const DEFAULT_RULES: DefaultRule[] = [
  {
    key: 'device_members',
    name: '一台设备领卡的会员过多 Too many members on one device',
    description:
      '同一设备一天内为超过 3 个会员领取或绑定卡券即拒绝（黄牛多号）。 A device that claims or binds for more than 3 members in a day is refused (a scalper farm).',
    actions: ['claim', 'bind'],
    kind: 'signal',
    signal: 'device_members',
    window: { size: 1, unit: 'day' },
    limit: 3,
    outcome: 'refuse',
  },
  {
    key: 'claims_per_ip',
    name: '同一 IP 领取过多 Too many claims from one IP',
    description: '同一 IP 一小时内最多领取 20 次。 At most 20 claims an hour from one IP address.',
    actions: ['claim'],
    kind: 'limit',
    subject: 'ip',
    window: { size: 1, unit: 'hour' },
    limit: 20,
    outcome: 'refuse',
  },
  {
    key: 'claims_per_member',
    name: '会员每日领取上限 Claims per member per day',
    description: '每个会员每个自然日最多领取 10 次。 At most 10 claims per member per calendar day.',
    actions: ['claim'],
    kind: 'limit',
    subject: 'member',
    window: { size: 1, unit: 'day', mode: 'calendar' },
    limit: 10,
    outcome: 'refuse',
  },
  {
    key: 'lookup_failures_per_ip',
    name: '同一 IP 查码失败过多 Too many unknown codes from one IP',
    description:
      '同一 IP 一小时内查询不存在的券码（或输错密码）超过 30 次即拒绝（撞库）。 More than 30 unknown codes or wrong PINs in an hour from one IP are refused (code guessing).',
    actions: ['lookup'],
    kind: 'limit',
    subject: 'ip',
    window: { size: 1, unit: 'hour' },
    limit: 200,
    count: 'failures',
    outcome: 'refuse',
  },
  {
    key: 'lookup_failures_per_key',
    name: '同一密钥查码失败过多 Too many unknown codes from one key',
    description:
      '同一 API 密钥或会话一天内查询不存在的券码超过 100 次即拒绝。 More than 100 unknown codes or wrong PINs in a day from one key or session are refused.',
    actions: ['lookup'],
    kind: 'limit',
    subject: 'key',
    window: { size: 1, unit: 'day' },
    limit: 100,
    count: 'failures',
    outcome: 'refuse',
  },
  {
    key: 'phone_changes',
    name: '频繁更换手机号 Phone changed often',
    description:
      '会员 30 天内更换手机号超过 3 次，其领取、绑定和转赠会被标记。 A member who changed phone more than 3 times in 30 days is flagged on claims, binds and transfers.',
    actions: ['claim', 'bind', 'transfer'],
    kind: 'signal',
    signal: 'phone_changes',
    window: { size: 30, unit: 'day' },
    limit: 3,
    outcome: 'flag',
  },
];
