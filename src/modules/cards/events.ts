import type { Sql } from '../../db/index.js';
import { emit } from '../../platform/events.js';

/**
 * The card event catalogue 卡券事件: every event a card's life emits, named for people. Webhook
 * endpoints subscribe to these as `card.<type>` (GET /v1/event-types lists every area's). A batch's
 * generation is not an event per code (a million-code batch would write a million): a card's
 * trace shows it from the card row.
 */
export const CARD_EVENTS = {
  issued: ['发放', 'Issued'],
  bound: ['绑定', 'Bound'],
  transferred: ['转赠', 'Transferred'],
  redeemed: ['核销', 'Redeemed'],
  reversed: ['撤销核销', 'Reversed'],
  frozen: ['冻结', 'Frozen'],
  unfrozen: ['解冻', 'Unfrozen'],
  voided: ['作废', 'Voided'],
  expired: ['过期', 'Expired'],
  expiring: ['即将过期', 'Expiring soon'],
  extended: ['延长有效期', 'Expiry extended'],
  topped_up: ['充值', 'Topped up'],
  refilled: ['周期补充', 'Refilled'],
  stamped: ['集点', 'Stamped'],
  rewarded: ['集满奖励', 'Rewarded'],
  delivered: ['已交付', 'Delivered'],
  gift_offered: ['发起转赠', 'Gift offered'],
  gift_accepted: ['好友领取转赠', 'Gift accepted'],
  gift_cancelled: ['取消转赠', 'Gift cancelled'],
  gift_expired: ['转赠过期退回', 'Gift expired'],
  review_held: ['人工审核中', 'Held for review'],
  review_released: ['人工审核放行', 'Review hold lifted'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;
export type CardEventType = keyof typeof CARD_EVENTS;

/** A card's event; written to the platform's event log as `card.<type>` (src/platform/events.ts). */
export interface CardEvent {
  tenantId: string;
  cardId: string;
  templateId: string;
  batchId: string;
  type: CardEventType;
  memberId?: string | null;
  storeId?: string | null;
  channelId?: string | null;
  keyId?: string | null;
  data?: Record<string, unknown> | null;
  at: Date;
}

export const appendEvents = (q: Sql, events: CardEvent[]) =>
  emit(
    q,
    events.map((e) => ({ ...e, type: `card.${e.type}` })),
  );
