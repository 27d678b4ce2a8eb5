import type { Answer } from '../../api/types';

export type Recon = Answer<'/v1/wechat-reconciliations', 'get'>['data'][number];
export type Difference = Recon['differences'][number];

/** Each kind of difference, short (a tag in the list) — Chinese, English, and the tag's colour. */
export const KINDS: Record<string, [string, string, string]> = {
  used_in_wechat_not_redeemed: ['微信已核销、卡券未核销', 'Used in WeChat, not in Kaquan', 'red'],
  redeemed_not_used_in_wechat: ['卡券已核销、微信未核销', 'Redeemed in Kaquan, not in WeChat', 'orange'],
  flagged: ['核销通知需核对', 'Use notification to check', 'volcano'],
  claim_count: ['领取数量不一致', 'Claim counts differ', 'gold'],
  query_failed: ['查询失败', 'Query failed', 'default'],
};
export const kindWords = (kind: string): [string, string, string] => KINDS[kind] ?? [kind, kind, 'default'];

/** WeChat's coupon_state, as the merchant platform words it. */
const STATES: Record<string, [string, string]> = {
  SENDED: ['已领取、未使用', 'claimed, not used'],
  USED: ['已核销', 'used'],
  EXPIRED: ['已过期', 'expired'],
  DEACTIVATED: ['已失效', 'deactivated'],
  UNKNOWN: ['无此券的记录', 'no record of it'],
};

/** How many differences of each kind a report holds, in the order of KINDS (worst first). */
export function countKinds(r: Recon): [string, number][] {
  const n = new Map<string, number>();
  for (const d of r.differences) n.set(d.kind, (n.get(d.kind) ?? 0) + 1);
  const known = Object.keys(KINDS).filter((k) => n.has(k));
  return [...known, ...[...n.keys()].filter((k) => !KINDS[k])].map((k) => [k, n.get(k)!]);
}

/**
 * One difference in words an operator acts on: what each side says, and what to do. [Chinese, English].
 * `detail` is the server's English for the log; only WeChat's own answer (a failed query) is shown from it.
 */
export function differenceWords(d: Difference): [string, string] {
  switch (d.kind) {
    case 'used_in_wechat_not_redeemed':
      return [
        '微信显示这张券已核销，卡券系统里却未核销（核销通知可能丢失）。请核实后在卡券系统手动核销。',
        'WeChat says this coupon was used; Kaquan has not redeemed it (the notification may have been lost). Check, then redeem it in Kaquan.',
      ];
    case 'redeemed_not_used_in_wechat': {
      if (d.why === 'use_refused')
        return [
          '卡券系统已核销，同步到微信时被微信拒绝（例如用户尚未领取这张券）。',
          'Redeemed in Kaquan; WeChat refused the use (e.g. nobody claimed the coupon there).',
        ];
      if (d.why === 'use_pending')
        return ['卡券系统已核销，正在同步到微信，尚未得到微信确认。', 'Redeemed in Kaquan; WeChat has not acknowledged the use yet.'];
      const s = STATES[d.wechat_state ?? ''] ?? [d.wechat_state ?? '未知', d.wechat_state ?? 'unknown'];
      return [
        `卡券系统已核销，微信显示「${s[0]}」。用户在微信里仍可能看到这张券。`,
        `Redeemed in Kaquan; WeChat says “${s[1]}”. The member may still see it in WeChat.`,
      ];
    }
    case 'flagged':
      return d.why === 'refused_here' || /refused/.test(d.detail)
        ? [
            '微信已核销，卡券系统拒绝核销（券已作废、过期、冻结或不可用）。请与门店核实这笔交易。',
            'Used in WeChat; Kaquan refused to redeem it (voided, expired, frozen …). Check the sale with the store.',
          ]
        : [
            '微信核销了一张卡券系统此前已核销的券：同一张券可能被用了两次。',
            'Used in WeChat after Kaquan had redeemed it: the coupon may have been used twice.',
          ];
    case 'claim_count': {
      const w = d.wechat_count;
      const k = d.kaquan_count;
      return w !== undefined && k !== undefined
        ? [
            `微信统计已领取 ${w} 张，卡券系统只收到 ${k} 张的领取通知（相差 ${w - k} 张）。未收到通知的券无法逐张核对。`,
            `WeChat counts ${w} claimed; Kaquan was notified of ${k} (${w - k} apart). Claims never notified cannot be checked one by one.`,
          ]
        : ['微信统计的领取数量与卡券系统收到的领取通知数量不一致。', 'WeChat’s claimed count differs from the claims Kaquan was notified of.'];
    }
    case 'query_failed':
      return d.why === 'stock' || /^stock:/.test(d.detail)
        ? ['查询微信批次失败，本次未能核对领取数量。', 'The WeChat stock could not be queried; claim counts were not compared this time.']
        : ['查询这张券时微信支付报错，本次未能核对。', 'WeChat Pay answered an error for this coupon; it was not checked this time.'];
    default:
      return [d.detail, d.detail];
  }
}
