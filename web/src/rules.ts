import type { Kind, Rules, TemplateValue, Validity } from './api/types';
import { money } from './format';
import { tiersInWords } from './topup';

/**
 * An offer in words 卡券文案, in both languages: the one place the console's preview, the card
 * detail, the clerk page and the wallet get what a card says — its headline with the conditions that
 * matter (满¥100减¥20 · 周末可用), whether it can be used today in the tenant's time zone, how long it
 * is valid, and its rules. Pure functions (no React): `src/web/offer-words.test.ts` tests every kind.
 */
export type T = (zh: string, en: string) => string;
export interface Offer {
  kind: Kind;
  value: TemplateValue;
  validity: Validity;
  rules: Rules & { store_names?: string[] };
}
/** What a card (not its template) holds now, when there is a card. */
export interface Live {
  balance?: number;
  uses_left?: number;
  stamps?: number;
  period_no?: number | null;
  valid_from?: string | null;
  valid_until?: string | null;
}

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const UNIT: Record<string, [string, string, string, string]> = {
  // zh per-unit, zh count ("6 个月"), zh refill day, en
  week: ['周', '周', '每周一', 'week'],
  month: ['月', '个月', '每月 1 日', 'month'],
  quarter: ['季度', '个季度', '每季度首日', 'quarter'],
  year: ['年', '年', '每年 1 月 1 日', 'year'],
};

/** Yuan without ".00": ¥100, ¥99.50 (headlines read like a price tag). */
export const yuan = (fen: number | null | undefined) => money(fen).replace(/\.00$/, '');
const discount = (percentOff: number | undefined) => ((100 - (percentOff ?? 0)) / 10).toFixed(2).replace(/\.?0+$/, '');

/** 周末 / 工作日 / 周一至周三 / 周二、周四 — Sat–Sun, Mon–Fri, Mon–Wed, Tue, Thu. */
export function weekdaysWords(t: T, days: number[]): string {
  const d = [...new Set(days)].sort((a, b) => a - b);
  const key = d.join('');
  if (key === '67') return t('周末', 'weekends');
  if (key === '12345') return t('工作日', 'weekdays');
  const run = d.length >= 3 && d[d.length - 1]! - d[0]! === d.length - 1;
  if (run) return t(`周${WEEKDAYS_ZH[d[0]! - 1]}至周${WEEKDAYS_ZH[d[d.length - 1]! - 1]}`, `${WEEKDAYS_EN[d[0]! - 1]}–${WEEKDAYS_EN[d[d.length - 1]! - 1]}`);
  return daysList(t, d);
}
const daysList = (t: T, d: number[]) => t(d.map((x) => `周${WEEKDAYS_ZH[x - 1]}`).join('、'), d.map((x) => WEEKDAYS_EN[x - 1]).join(', '));
const hoursList = (rules: Rules) => (rules.hours ?? []).map((h) => `${h.from}–${h.to}`).join(', ');

/** The conditions that decide where and when it can be used: 周末可用 · 11:00–14:00 可用 · 限南京西路店. */
export function conditions(t: T, rules: Offer['rules']): string[] {
  const out: string[] = [];
  if (rules.weekdays?.length && rules.weekdays.length < 7) {
    const w = weekdaysWords(t, rules.weekdays);
    out.push(t(`${w}可用`, /^[a-z]/.test(w) ? `${w[0]!.toUpperCase()}${w.slice(1)} only` : `${w} only`));
  }
  if (rules.hours?.length) out.push(t(`${hoursList(rules).replace(/, /g, '、')} 可用`, `${hoursList(rules)} only`));
  const stores = rules.store_names ?? rules.store_ids;
  if (stores?.length)
    out.push(
      stores.length <= 2 ? t(`限${stores.join('、')}`, `At ${stores.join(', ')} only`) : t(`限 ${stores.length} 家门店`, `At ${stores.length} stores only`),
    );
  return out;
}

/** What it gives, in a few words: 满¥100减¥20, 8.5折 最高减¥30, 每月 8 次 · 共 6 个月. */
export function offerValue(t: T, o: Pick<Offer, 'kind' | 'value' | 'rules'>): string {
  const v = o.value;
  const min = o.rules.min_spend;
  switch (o.kind) {
    case 'cash':
      return min
        ? t(`满${yuan(min)}减${yuan(v.amount_off)}`, `${yuan(v.amount_off)} off ${yuan(min)}+`)
        : t(`立减${yuan(v.amount_off)}`, `${yuan(v.amount_off)} off`);
    case 'discount':
      return [
        t(`${discount(v.percent_off)}折`, `${v.percent_off}% off`),
        v.max_off ? t(`最高减${yuan(v.max_off)}`, `up to ${yuan(v.max_off)}`) : '',
        min ? t(`满${yuan(min)}可用`, `on ${yuan(min)}+`) : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'exchange':
      return t(`兑换「${v.product_name ?? v.sku}」`, `One free "${v.product_name ?? v.sku}"`);
    case 'count':
      return t(`共 ${v.uses} 次${v.product_name ? `「${v.product_name}」` : ''}`, `${v.uses} uses${v.product_name ? ` of "${v.product_name}"` : ''}`);
    case 'periodic': {
      const u = UNIT[v.period ?? 'month']!;
      return t(`每${u[0]} ${v.uses_per_period} 次 · 共 ${v.periods} ${u[1]}`, `${v.uses_per_period} a ${u[3]} · ${v.periods} ${u[3]}s`);
    }
    case 'stored_value':
      return v.initial_balance
        ? t(`储值 ${yuan(v.initial_balance)}`, `${yuan(v.initial_balance)} stored value`)
        : t('储值卡 · 充值后按金额使用', 'Stored value · top up, then spend');
    case 'gift':
      return t(`礼品卡 ${yuan(v.initial_balance)}`, `${yuan(v.initial_balance)} gift card`);
    case 'stamp':
      return t(`集满 ${v.goal} 点得奖励`, `${v.goal} stamps earn a reward`);
    case 'external':
      return [v.supplier, v.product_name].filter(Boolean).join(' · ');
  }
}

/** The headline a card face and a list show: its value with the key conditions, 满¥100减¥20 · 周末可用. */
export function offerHeadline(t: T, o: Offer): string {
  return [offerValue(t, o), ...(o.kind === 'external' ? [] : conditions(t, o.rules))].join(' · ');
}

/** The big figure on a card face and the words beside it; with a card, what is left of it. */
export function faceFigure(t: T, o: Pick<Offer, 'kind' | 'value' | 'rules'>, live?: Live): { big: string; small: string } {
  const v = o.value;
  switch (o.kind) {
    case 'cash':
      return {
        big: money(v.amount_off),
        small: o.rules.min_spend ? t(`满${yuan(o.rules.min_spend)}可用`, `on ${yuan(o.rules.min_spend)}+`) : t('无门槛', 'no minimum'),
      };
    case 'discount':
      return {
        big: t(`${discount(v.percent_off)}折`, `${v.percent_off}% off`),
        small: [
          v.max_off ? t(`最高减${yuan(v.max_off)}`, `up to ${yuan(v.max_off)}`) : '',
          o.rules.min_spend ? t(`满${yuan(o.rules.min_spend)}可用`, `on ${yuan(o.rules.min_spend)}+`) : '',
        ]
          .filter(Boolean)
          .join(t('，', ', ')),
      };
    case 'exchange':
      return { big: v.product_name ?? v.sku ?? '', small: t('兑换 1 份', '1 free') };
    case 'count':
      return { big: `${live?.uses_left ?? v.uses}`, small: live ? t(`次可用（共 ${v.uses} 次）`, `of ${v.uses} uses left`) : t('次', 'uses') };
    case 'periodic': {
      const u = UNIT[v.period ?? 'month']!;
      return live
        ? {
            big: `${live.uses_left ?? 0}`,
            small: t(`本${u[0]}剩余次数 · 第 ${live.period_no ?? 1}/${v.periods} 期`, `left this ${u[3]} · ${live.period_no ?? 1} of ${v.periods}`),
          }
        : { big: `${v.uses_per_period}`, small: t(`次/${u[0]} · 共 ${v.periods} ${u[1]}`, `a ${u[3]} · ${v.periods} ${u[3]}s`) };
    }
    case 'stored_value':
    case 'gift':
      return { big: money(live?.balance ?? v.initial_balance), small: live ? t('余额', 'balance') : t('面值', 'value') };
    case 'stamp':
      return { big: `${live?.stamps ?? 0}/${v.goal}`, small: t('点，集满得奖励', 'stamps to a reward') };
    case 'external':
      return { big: v.product_name ?? '', small: v.supplier ?? '' };
  }
}

/** The tenant's local weekday (1 = Monday), minutes since midnight and date, as the server's rules read them. */
export function localClock(at: Date, tz: string): { weekday: number; minutes: number; date: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { weekday: WEEKDAYS_EN.indexOf(p.weekday!) + 1, minutes: Number(p.hour) * 60 + Number(p.minute), date: `${p.year}-${p.month}-${p.day}` };
}
/** The last local day something is valid on: an end at local midnight belongs to the day before. */
export function lastDay(iso: string, tz: string): string {
  const at = new Date(iso);
  const c = localClock(at, tz);
  const midnight = c.minutes === 0 && at.getUTCSeconds() === 0 && at.getUTCMilliseconds() === 0;
  return midnight ? localClock(new Date(at.getTime() - 1), tz).date : c.date;
}
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Why it cannot be used right now, if it cannot: 今日不可用（仅周六、周日）, in the tenant's zone. */
export function todayHint(t: T, rules: Rules, now: Date, tz: string, live?: Live): string | null {
  const c = localClock(now, tz);
  if (live?.valid_from && new Date(live.valid_from) > now) {
    const d = localClock(new Date(live.valid_from), tz).date;
    return t(`${d} 起可用`, `Usable from ${d}`);
  }
  if (rules.weekdays?.length && rules.weekdays.length < 7 && !rules.weekdays.includes(c.weekday))
    return t(`今日不可用（仅${daysList(t, [...rules.weekdays].sort())}）`, `Not usable today (${daysList(t, [...rules.weekdays].sort())} only)`);
  if (rules.hours?.length) {
    const inside = rules.hours.some((h) => {
      const [a, b] = [minutesOf(h.from), minutesOf(h.to)];
      return a <= b ? c.minutes >= a && c.minutes < b : c.minutes >= a || c.minutes < b;
    });
    if (!inside) return t(`现在不可用（仅 ${hoursList(rules).replace(/, /g, '、')}）`, `Not usable now (${hoursList(rules)} only)`);
  }
  return null;
}

/** How long it is valid, said naturally: 领取后 30 天内有效 · 2026-12-31 前有效 · 领取当月起 6 个月内有效. */
export function validityWords(t: T, o: Pick<Offer, 'kind' | 'value' | 'validity'>, tz: string, live?: Live, now = new Date()): string {
  const v = o.validity;
  if (live?.valid_until) {
    const until = lastDay(live.valid_until, tz);
    if (live.valid_from && new Date(live.valid_from) > now) {
      const from = localClock(new Date(live.valid_from), tz).date;
      return t(`${from} 起，${until} 前有效`, `Valid from ${from} through ${until}`);
    }
    return t(`${until} 前有效`, `Valid through ${until}`);
  }
  if (live && !(v.type === 'relative' && v.from === 'bind')) return t('长期有效', 'No expiry');
  const periodic = o.kind === 'periodic' ? UNIT[o.value.period ?? 'month']! : null;
  switch (v.type) {
    case 'fixed': {
      const until = lastDay(v.ends_at, tz);
      if (!v.starts_at) return t(`${until} 前有效`, `Valid through ${until}`);
      const from = localClock(new Date(v.starts_at), tz).date;
      return t(`${from} 起，${until} 前有效`, `Valid from ${from} through ${until}`);
    }
    case 'relative':
      return v.from === 'bind'
        ? t(`绑定后 ${v.days} 天内有效`, `Valid for ${v.days} days after it is added`)
        : t(`领取后 ${v.days} 天内有效`, `Valid for ${v.days} days after it is received`);
    case 'period_end': {
      const u = UNIT[v.unit]!;
      return t(`领取当${u[0]}${v.unit === 'month' ? '月底' : v.unit === 'week' ? '周日' : '末'}前有效`, `Valid until the end of the ${u[3]} it is received in`);
    }
    case 'none':
      return periodic
        ? t(
            `领取当${periodic[0]}起 ${o.value.periods} ${periodic[1]}内有效`,
            `Valid for ${o.value.periods} ${periodic[3]}s from the ${periodic[3]} it is received in`,
          )
        : t('长期有效', 'No expiry');
  }
}

/** What it holds, as a sentence for the rules list. */
function valueSentence(t: T, o: Offer): string {
  const v = o.value;
  switch (o.kind) {
    case 'cash':
      return o.rules.min_spend
        ? t(`订单满 ${yuan(o.rules.min_spend)} 减 ${yuan(v.amount_off)}`, `${yuan(v.amount_off)} off an order of ${yuan(o.rules.min_spend)} or more`)
        : t(`立减 ${yuan(v.amount_off)}，无门槛`, `${yuan(v.amount_off)} off any order`);
    case 'discount':
      return t(
        `打 ${discount(v.percent_off)} 折${v.max_off ? `，最多优惠 ${yuan(v.max_off)}` : ''}${o.rules.min_spend ? `，订单满 ${yuan(o.rules.min_spend)} 可用` : ''}`,
        `${v.percent_off}% off${v.max_off ? `, at most ${yuan(v.max_off)}` : ''}${o.rules.min_spend ? `, on orders of ${yuan(o.rules.min_spend)} or more` : ''}`,
      );
    case 'periodic': {
      const u = UNIT[v.period ?? 'month']!;
      return t(
        `每${u[0]} ${v.uses_per_period} 次，共 ${v.periods} ${u[1]}（领取当${u[0]}为第 1 期）；${u[2]}补满，当期未用完的次数不结转`,
        `${v.uses_per_period} uses a ${u[3]} for ${v.periods} ${u[3]}s (the ${u[3]} it is received in is the first); refilled each ${u[3]}, unused uses do not carry over`,
      );
    }
    case 'count':
      return t(`共 ${v.uses} 次，每次核销可用一次或多次`, `${v.uses} uses; each redemption takes one or more`);
    case 'stored_value':
      return t(
        `储值 ${money(v.initial_balance)}，按金额扣减${v.max_balance ? `，最多可充至 ${money(v.max_balance)}` : ''}`,
        `${money(v.initial_balance)} stored value, spent by amount${v.max_balance ? `; top-ups up to ${money(v.max_balance)}` : ''}`,
      );
    case 'gift':
      return t(
        `礼品卡面值 ${money(v.initial_balance)}，可转赠，凭卡号与密码使用`,
        `Gift card worth ${money(v.initial_balance)}; transferable; used with its number and PIN`,
      );
    case 'stamp':
      return t(`每次消费集 1 点，集满 ${v.goal} 点获得奖励券`, `One stamp a visit; ${v.goal} stamps earn a reward`);
    case 'exchange':
      return t(`兑换一份「${v.product_name ?? v.sku}」`, `Exchange for one "${v.product_name ?? v.sku}"`);
    case 'external':
      return t(`${v.supplier} 提供的「${v.product_name}」卡密，到对方平台兑换`, `A ${v.supplier} code for "${v.product_name}", redeemed on their platform`);
  }
}

/**
 * A template's value, validity and rules in plain words 使用规则, for members, clerks and the preview.
 * Stores are named from `rules.store_names` (the server's), else by `storeName`. With `opts.live`
 * (a card), validity is the card's own dates; `opts.tz` is the tenant's zone (dates are its days).
 */
export function rulesInWords(
  t: T,
  kind: Kind,
  value: TemplateValue,
  validity: Validity,
  rules: Offer['rules'],
  storeName?: (id: string) => string,
  opts: { tz?: string; live?: Live } = {},
): string[] {
  const o: Offer = { kind, value, validity, rules };
  const tz = opts.tz ?? 'Asia/Shanghai';
  const out = [valueSentence(t, o), validityWords(t, o, tz, opts.live)];
  if (rules.weekdays?.length && rules.weekdays.length < 7)
    out.push(t(`仅${daysList(t, [...rules.weekdays].sort())}可用`, `Only on ${daysList(t, [...rules.weekdays].sort())}`));
  if (rules.hours?.length) out.push(t(`使用时段 ${hoursList(rules).replace(/, /g, '、')}`, `Hours ${hoursList(rules)}`));
  if (rules.store_ids?.length) {
    const names = rules.store_ids.map((id, i) => rules.store_names?.[i] ?? storeName?.(id) ?? id);
    out.push(t(`限以下门店使用：${names.join('、')}`, `Only at: ${names.join(', ')}`));
  }
  if (rules.store_tags?.length) out.push(t(`限标签为 ${rules.store_tags.join('、')} 的门店`, `Only at stores tagged ${rules.store_tags.join(', ')}`));
  if (rules.geofence) out.push(t(`限门店 ${rules.geofence.radius_m} 米范围内使用`, `Within ${rules.geofence.radius_m} m of the set point`));
  if (rules.product_ids?.length) out.push(t(`限指定商品：${rules.product_ids.join('、')}`, `Only for products: ${rules.product_ids.join(', ')}`));
  if (rules.per_member_limit) out.push(t(`每位会员限领 ${rules.per_member_limit} 张`, `At most ${rules.per_member_limit} per member`));
  if (rules.bind_within_hours)
    out.push(t(`发放后 ${rules.bind_within_hours} 小时内未绑定将失效`, `Lapses if not added within ${rules.bind_within_hours} hours`));
  if (rules.transferable && kind !== 'gift') out.push(t('可转赠好友', 'Can be given to a friend'));
  if (rules.top_up_bonus?.length) out.push(t(`充值赠送：${tiersInWords(t, rules).join('，')}`, `Top-up bonus: ${tiersInWords(t, rules).join('; ')}`));
  if (rules.verification)
    out.push(
      rules.verification.threshold
        ? t(
            `单笔 ${money(rules.verification.threshold)} 及以上需二次验证`,
            `Redemptions of ${money(rules.verification.threshold)} or more need a second verification`,
          )
        : t('每次核销需二次验证', 'Every redemption needs a second verification'),
    );
  return out;
}
