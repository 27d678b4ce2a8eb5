import type { EntryDef } from './words.js';

/** 窜货 leakage: a card of a channel used outside that channel's regions or stores; read by a clerk at the till and by the operator. */
export const LEAKAGE = {
  CHANNEL_LEAKAGE_REFUSED: {
    status: 403,
    zh: '这张券属于其他区域的渠道[（{channel_name:text}）]，不能在本店[（{store_name:text}）]核销。请让顾客到该渠道的门店使用。',
    en: 'This card belongs to a channel of another region[ ({channel_name:text})] and cannot be redeemed at this store[ ({store_name:text})]. Ask the customer to use it at that channel’s stores.',
    note: 'the template’s rules.leakage is refuse and the store is outside the card’s channel’s regions or store tags',
    also: ['channel_id', 'store_id', 'reasons'],
  },
  LEAKAGE_ALERT_NOT_FOUND: { status: 404, zh: '没有找到这条窜货预警。', en: 'No such leakage alert.' },
} as const satisfies Record<string, EntryDef>;
