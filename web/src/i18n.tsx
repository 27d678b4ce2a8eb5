import { createContext, useContext, useState, type ReactNode } from 'react';
import { Segmented } from 'antd';

/**
 * A small i18n of our own: Simplified Chinese first, English second. Each text is written once as a
 * pair where it is used — t('模板', 'Templates') — so a screen reads in both languages at once and
 * no key can go missing. The choice is kept in localStorage.
 */
export type Lang = 'zh-CN' | 'en';
const KEY = 'kq.lang';

function initial(): Lang {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    /* private mode */
  }
  return 'zh-CN';
}

/** The language chosen, for what renders outside the page's tree (toasts). */
export const currentLang = (): Lang => initial();

interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(zh: string, en: string): string;
}
const Ctx = createContext<I18n>({ lang: 'zh-CN', setLang() {}, t: (zh) => zh });

export function I18nProvider({ children }: { children: (lang: Lang) => ReactNode }) {
  const [lang, set] = useState<Lang>(initial);
  const setLang = (l: Lang) => {
    set(l);
    try {
      localStorage.setItem(KEY, l);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = l;
  };
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
  return <Ctx.Provider value={{ lang, setLang, t }}>{children(lang)}</Ctx.Provider>;
}

export const useI18n = () => useContext(Ctx);
export const useT = () => useContext(Ctx).t;

export function LangSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { lang, setLang } = useI18n();
  return (
    <Segmented
      size={size}
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      data-testid="lang-switch"
    />
  );
}

/**
 * Names of the API's enums, in both languages (glossary: design.md). Event types are not here: the
 * server names them in its event catalogue (GET /v1/event-types, and `zh`/`en` on each trace event).
 */
export const NAMES = {
  kind: {
    cash: ['代金券', 'Cash voucher'],
    discount: ['折扣券', 'Discount'],
    exchange: ['兑换券', 'Exchange'],
    count: ['次卡', 'Count card'],
    periodic: ['周期卡', 'Periodic card'],
    stored_value: ['储值卡', 'Stored value'],
    gift: ['礼品卡', 'Gift card'],
    stamp: ['集点卡', 'Stamp card'],
    external: ['第三方卡密', 'External code'],
  },
  state: {
    unissued: ['未发放', 'Unissued'],
    active: ['可用', 'Active'],
    frozen: ['已冻结', 'Frozen'],
    used: ['已用完', 'Used'],
    expired: ['已过期', 'Expired'],
    voided: ['已作废', 'Voided'],
  },
  role: {
    owner: ['所有者', 'Owner'],
    operator: ['运营', 'Operator'],
    analyst: ['分析（只读）', 'Analyst'],
    clerk: ['店员', 'Clerk'],
    channel: ['渠道', 'Channel'],
  },
  ledger: {
    issue: ['发放入账', 'Issue'],
    redeem: ['核销', 'Redeem'],
    reverse: ['撤销核销', 'Reverse'],
    top_up: ['充值', 'Top-up'],
    top_up_bonus: ['充值赠送', 'Top-up bonus'],
    refill: ['周期补充', 'Refill'],
    period_close: ['期末清零', 'Period close'],
    stamp: ['集点', 'Stamp'],
    reward: ['奖励', 'Reward'],
    expire: ['过期', 'Expire'],
    void: ['作废', 'Void'],
    transfer: ['转赠', 'Transfer'],
  },
  channelStatus: { active: ['合作中', 'Active'], suspended: ['已暂停', 'Suspended'] },
  batchStatus: { generating: ['生成中', 'Generating'], paused: ['已暂停', 'Paused'], ready: ['已就绪', 'Ready'], failed: ['失败', 'Failed'] },
  batchMode: { pregenerated: ['预生成券码', 'Pre-generated'], on_issue: ['发放时生成', 'Generated on issue'], imported: ['导入券码', 'Imported'] },
  orderState: {
    draft: ['草稿', 'Draft'],
    confirmed: ['已确认', 'Confirmed'],
    paid: ['已付款', 'Paid'],
    fulfilled: ['已履约', 'Fulfilled'],
    delivered: ['已交付', 'Delivered'],
    cancelled: ['已取消', 'Cancelled'],
    refunded: ['已退款', 'Refunded'],
  },
  belowFloor: { refuse: ['拒绝', 'Refuse'], flag: ['允许并标记', 'Allow and flag'] },
  payment: { offline: ['线下付款', 'Offline'], prepaid: ['预存款', 'Prepaid'] },
  leakageReason: {
    region: ['门店不在渠道区域内', 'Store outside the channel’s regions'],
    store_tags: ['门店不带渠道的门店标签', 'Store without the channel’s store tags'],
    member_region: ['会员不在渠道区域内', 'Member outside the channel’s regions'],
  },
  leakageKind: { redemption: ['核销', 'Redemption'], binding: ['绑定', 'Binding'] },
  leakageRule: { allow: ['允许', 'Allow'], flag: ['允许并预警', 'Allow and alert'], refuse: ['拒绝核销', 'Refuse'] },
  period: { week: ['周', 'week'], month: ['月', 'month'], quarter: ['季度', 'quarter'], year: ['年', 'year'] },
} as const;

export function useName() {
  const { lang } = useI18n();
  return <G extends keyof typeof NAMES>(group: G, key: string | null | undefined): string => {
    if (!key) return '';
    const pair = (NAMES[group] as Record<string, readonly [string, string]>)[key];
    return pair ? pair[lang === 'en' ? 1 : 0] : key;
  };
}
