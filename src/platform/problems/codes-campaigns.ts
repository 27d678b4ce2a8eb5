import type { EntryDef } from './words.js';

/** 领券中心与分享领券 Claim center and shares: campaigns (the brand's staff), claims and share links (members, the brand's API). */
export const CAMPAIGNS = {
  CAMPAIGN_NOT_FOUND: { status: 404, zh: '没有找到这个活动。', en: 'No such campaign.' },
  CAMPAIGN_NOT_LIVE: {
    status: 409,
    zh: '这个活动现在不能领取（还没有上线，或已暂停）。',
    en: 'This campaign cannot be claimed now (it is not live yet, or paused).',
    note: 'a draft or paused campaign',
  },
  CAMPAIGN_NOT_STARTED: {
    status: 409,
    zh: '活动还没有开始[，{starts_at:time} 开抢]。',
    en: 'The campaign has not started yet[; it opens at {starts_at:time}].',
  },
  CAMPAIGN_ENDED: {
    status: 409,
    zh: '活动已经结束了[（{ends_at?:time} 截止）]。',
    en: 'The campaign has ended[ (it closed at {ends_at?:time})].',
  },
  CAMPAIGN_SOLD_OUT: { status: 409, zh: '来晚了，券已经被领完了。', en: 'Too late: every card of this campaign has been claimed.' },
  CAMPAIGN_MEMBER_LIMIT: {
    status: 409,
    zh: '这个活动每人最多领取[ {limit:int} ]次，已经领到上限了。',
    en: 'Each member may claim this campaign at most[ {limit:int}] times; this member has reached that.',
  },
  CAMPAIGN_AUDIENCE: {
    status: 409,
    zh: '这个活动仅限指定会员参加，暂时不能领取。',
    en: 'This campaign is for some members only; this member cannot claim it.',
    note: 'the member is not in the campaign’s segment (audience)',
  },
  CAMPAIGN_STATUS: {
    status: 409,
    zh: '活动当前的状态不能这样操作。',
    en: 'The campaign’s status does not allow this.',
    note: 'publish a draft or paused one, pause a live one, end any not yet ended; an ended campaign no longer changes',
  },
  CAMPAIGN_STOCK_BELOW_CLAIMED: {
    status: 409,
    zh: '总量不能少于已领取的[ {claimed:int} ]张。',
    en: 'Stock cannot be less than what has been claimed[ ({claimed:int})].',
  },
  CAMPAIGN_NOT_SHAREABLE: { status: 409, zh: '这个活动不是分享领券活动，不能生成分享链接。', en: 'This campaign has no share links.' },
  SHARE_NOT_FOUND: {
    status: 404,
    zh: '这个分享链接无效，请让好友重新分享。',
    en: 'This share link is not valid; ask your friend to share it again.',
    note: 'a forged link, or one of another brand',
  },
  SHARE_OWN: { status: 409, zh: '这是你自己的分享链接，请发给好友领取。', en: 'This is your own share link: send it to friends to claim.' },
  SHARE_ALREADY_CLAIMED: { status: 409, zh: '你已经通过这个链接领过了。', en: 'You have already claimed through this link.' },
  SHARE_FULL: {
    status: 409,
    zh: '这个分享链接的名额已经领完了[（每个链接限 {limit:int} 位好友）]。',
    en: 'This share link has been claimed by as many friends as it allows[ ({limit:int})].',
  },
} as const satisfies Record<string, EntryDef>;
