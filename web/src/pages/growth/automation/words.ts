/** 自动化规则 in words: triggers, the fields their conditions may name, operators and periods (the server's names). */
export type FieldKind = 'fen' | 'integer' | 'text';
export interface TriggerWord {
  value: string;
  zh: string;
  en: string;
  fields: { value: string; zh: string; en: string; kind: FieldKind }[];
}
const ORDER = [
  { value: 'amount', zh: '订单金额（元）', en: 'Order amount (¥)', kind: 'fen' as const },
  { value: 'store_id', zh: '门店编号', en: 'Store id', kind: 'text' as const },
];
export const TRIGGERS: TriggerWord[] = [
  { value: 'order.first', zh: '首单', en: 'First order', fields: ORDER },
  { value: 'order.placed', zh: '会员下单', en: 'Order placed', fields: ORDER },
  {
    value: 'card.redeemed',
    zh: '核销卡券',
    en: 'Card redeemed',
    fields: [
      { value: 'amount', zh: '核销金额（元）', en: 'Amount taken (¥)', kind: 'fen' },
      { value: 'order_amount', zh: '订单金额（元）', en: 'Order amount (¥)', kind: 'fen' },
    ],
  },
  {
    value: 'tier.changed',
    zh: '等级变更',
    en: 'Tier changed',
    fields: [{ value: 'direction', zh: '方向（up 升级 / down 降级）', en: 'Direction (up / down)', kind: 'text' }],
  },
  { value: 'points.threshold', zh: '积分达到门槛', en: 'Points reach a threshold', fields: [] },
  { value: 'points.earned', zh: '获得积分', en: 'Points earned', fields: [{ value: 'delta', zh: '本次积分', en: 'Points this time', kind: 'integer' }] },
  { value: 'member.created', zh: '新会员注册', en: 'Member joined', fields: [] },
  { value: 'activity.recorded', zh: '自定义行为', en: 'Custom event', fields: [{ value: 'type', zh: '行为类型', en: 'Event type', kind: 'text' }] },
  { value: 'campaign.claimed', zh: '领取活动卡券', en: 'Campaign claimed', fields: [] },
  { value: 'birthday', zh: '会员生日', en: 'Birthday', fields: [] },
  { value: 'schedule', zh: '定时', en: 'Schedule', fields: [] },
];
export const triggerWord = (v: string) => TRIGGERS.find((x) => x.value === v);

export const OPS: Record<FieldKind, { value: string; zh: string; en: string }[]> = {
  fen: [
    { value: 'gte', zh: '≥', en: '≥' },
    { value: 'gt', zh: '>', en: '>' },
    { value: 'lte', zh: '≤', en: '≤' },
    { value: 'lt', zh: '<', en: '<' },
    { value: 'eq', zh: '=', en: '=' },
  ],
  integer: [],
  text: [
    { value: 'eq', zh: '等于', en: 'is' },
    { value: 'ne', zh: '不等于', en: 'is not' },
  ],
};
OPS.integer = OPS.fen;

export const PERIODS = [
  { value: 'day', zh: '每天', en: 'a day' },
  { value: 'week', zh: '每周', en: 'a week' },
  { value: 'month', zh: '每月', en: 'a month' },
  { value: 'ever', zh: '总共', en: 'in all' },
];
export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
