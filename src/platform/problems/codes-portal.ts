import type { EntryDef } from './words.js';

/** Partner accounts 渠道商账号 and the partner portal: read by the brand's staff and by channel partners. */
export const PORTAL = {
  PARTNER_ACCOUNT_FIXED: {
    status: 422,
    zh: '渠道商账号只属于它的渠道，不能改成员工角色（员工账号也不能改成渠道商账号）。请另建一个账号。',
    en: 'A partner account belongs to its channel and cannot become a staff role (nor a staff account a partner one). Make another account.',
  },
} as const satisfies Record<string, EntryDef>;
