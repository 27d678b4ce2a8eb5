import { isEventType } from '../../platform/events.js';

/**
 * What a rule may be triggered by 触发条件 and which fields its conditions may name. A trigger is an
 * event type of the catalogue (any module's: order.placed, card.redeemed, tier.changed, points.earned,
 * member.created, activity.recorded, the growth events …) or one of the derived ones below, which
 * listen to an event and add a test of their own, or `birthday` / `schedule` (the calendar job).
 */
export type FieldKind = 'fen' | 'integer' | 'text' | 'segment';
export interface TriggerDef {
  zh: string;
  en: string;
  /** the event it listens to (none: the calendar) */
  event: string | null;
  /** condition fields beyond the common ones, read from the event's data (or its columns) */
  fields: Record<string, FieldKind>;
}

const ORDER: Record<string, FieldKind> = { amount: 'fen', store_id: 'text', channel_id: 'text' };
export const TRIGGERS: Record<string, TriggerDef> = {
  'order.placed': { zh: '会员下单', en: 'Order placed', event: 'order.placed', fields: ORDER },
  'order.first': { zh: '首单', en: 'First order', event: 'order.placed', fields: ORDER },
  'card.redeemed': {
    zh: '核销卡券',
    en: 'Card redeemed',
    event: 'card.redeemed',
    fields: { template_id: 'text', amount: 'fen', order_amount: 'fen', store_id: 'text' },
  },
  'tier.changed': { zh: '等级变更', en: 'Tier changed', event: 'tier.changed', fields: { to: 'text', from: 'text', direction: 'text' } },
  'points.earned': { zh: '获得积分', en: 'Points earned', event: 'points.earned', fields: { delta: 'integer' } },
  'points.threshold': { zh: '积分达到门槛', en: 'Points crossed a threshold', event: 'points.earned', fields: { delta: 'integer' } },
  'member.created': { zh: '新会员注册', en: 'Member joined', event: 'member.created', fields: {} },
  'activity.recorded': { zh: '自定义行为', en: 'Custom event', event: 'activity.recorded', fields: { type: 'text' } },
  birthday: { zh: '会员生日', en: 'Birthday', event: null, fields: {} },
  schedule: { zh: '定时', en: 'Schedule', event: null, fields: {} },
};
/** every rule's conditions may ask whether the member is in a segment now */
export const COMMON: Record<string, FieldKind> = { segment_id: 'segment' };

/** The trigger's definition: a listed one, or any other event type of the catalogue (its common fields only). */
export function triggerOf(type: string): TriggerDef | null {
  const t = TRIGGERS[type];
  if (t) return t;
  if (isEventType(type) && type !== 'automation.fired') return { zh: type, en: type, event: type, fields: {} };
  return null;
}
export const fieldsOf = (type: string): Record<string, FieldKind> => ({ ...(triggerOf(type)?.fields ?? {}), ...COMMON });

/** The trigger types that listen to this event type. */
export function triggersFor(eventType: string): string[] {
  const out = Object.entries(TRIGGERS)
    .filter(([, t]) => t.event === eventType)
    .map(([k]) => k);
  return TRIGGERS[eventType] ? out : [...out, eventType];
}

export const isCalendar = (type: string) => type === 'birthday' || type === 'schedule';
