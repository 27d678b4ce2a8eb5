/**
 * How a problem's message is written out 错误提示的措辞. Pure TypeScript — no node, no DOM — because
 * the server (its tests, the API docs' error table) and the web app (every refusal a person reads)
 * import the same catalogue (catalogue.ts).
 *
 * A message is a template per language. `{name:kind}` is a value from the problem's structured
 * fields, written out by its kind (money in ¥ from fen, weekdays as 周六、周日, hours as 10:00–22:00…);
 * `{name?:kind}` is one the problem may leave out. Every value sits inside a `[ … ]` part, which is
 * left out when one of its values is missing: a message always reads whole, also from an older
 * server that sends fewer fields (the catalogue test renders each template with none).
 */
import { fieldErrors } from './fields.js';

export type Lang = 'zh-CN' | 'en';

/** One bad field of a VALIDATION_FAILED (or TEMPLATE_INVALID, BATCH_INVALID) problem. */
export interface FieldError {
  field: string;
  reason: string;
  rule?: string;
  limit?: number;
  allowed?: readonly string[];
  expected?: string;
}

/** What each kind of value is, on the wire. */
export interface Kinds {
  text: string;
  int: number;
  money: number; // integer fen
  list: readonly string[];
  stores: readonly string[]; // store names
  weekdays: readonly number[]; // 1 = Monday … 7 = Sunday
  weekday: number;
  hours: readonly { from: string; to: string }[];
  time: string; // ISO 8601
  duration: number; // seconds
  state: string; // a card state
  kind: string; // a template kind
  batch_status: string;
  batch_mode: string;
  order_state: string; // a wholesale order's state
  errors: readonly FieldError[];
}
export type ValueKind = keyof Kinds;

type Holes<S extends string> = S extends `${string}{${infer H}}${infer R}` ? H | Holes<R> : never;
type NameOf<H extends string> = H extends `${infer N}:${string}` ? N : H;
type TypeOf<H extends string> = H extends `${string}:${infer K}` ? (K extends ValueKind ? Kinds[K] : never) : string;
/** The values a template needs: `{balance:money}` is `balance: number`; `{min_spend?:money}` is optional. */
export type ParamsOf<S extends string> = {
  [H in Holes<S> as NameOf<H> extends `${string}?` ? never : NameOf<H>]: TypeOf<H>;
} & {
  [H in Holes<S> as NameOf<H> extends `${infer N}?` ? N : never]?: TypeOf<H>;
};

export interface RenderOptions {
  currency?: string;
  /** the IANA zone times are shown in; the runtime's own when left out */
  timeZone?: string;
}

const zh = (lang: Lang) => lang !== 'en';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export const WEEKDAY_NAMES = { zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };

/** Names of the API's enums a message may carry (the web app's own NAMES table says the same). */
export const ENUM_NAMES: Record<'state' | 'kind' | 'batch_status' | 'batch_mode' | 'order_state', Record<string, readonly [string, string]>> = {
  state: {
    unissued: ['未发放', 'unissued'],
    active: ['可用', 'active'],
    frozen: ['已冻结', 'frozen'],
    used: ['已用完', 'used up'],
    expired: ['已过期', 'expired'],
    voided: ['已作废', 'voided'],
  },
  kind: {
    cash: ['代金券', 'cash voucher'],
    discount: ['折扣券', 'discount'],
    exchange: ['兑换券', 'exchange voucher'],
    count: ['次卡', 'count card'],
    periodic: ['周期卡', 'periodic card'],
    stored_value: ['储值卡', 'stored-value card'],
    gift: ['礼品卡', 'gift card'],
    stamp: ['集点卡', 'stamp card'],
    external: ['第三方卡密', 'third-party code'],
  },
  batch_status: { generating: ['生成中', 'generating'], paused: ['已暂停', 'paused'], ready: ['已就绪', 'ready'], failed: ['失败', 'failed'] },
  batch_mode: { pregenerated: ['预生成券码', 'pre-generated'], on_issue: ['发放时生成', 'generated on issue'], imported: ['导入券码', 'imported'] },
  order_state: {
    draft: ['草稿', 'a draft'],
    confirmed: ['已确认', 'confirmed'],
    paid: ['已付款', 'paid'],
    fulfilling: ['履约中', 'being fulfilled'],
    fulfilled: ['已履约', 'fulfilled'],
    delivered: ['已交付', 'delivered'],
    cancelled: ['已取消', 'cancelled'],
    refunded: ['已退款', 'refunded'],
  },
};

export function money(fen: number, lang: Lang, currency = 'CNY'): string {
  const sym = currency === 'CNY' ? '¥' : `${currency} `;
  const v = Math.abs(fen) / 100;
  const s = v.toLocaleString(zh(lang) ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${fen < 0 ? '-' : ''}${sym}${s}`;
}

/** 周六、周日 · 周一至周五 / Sat, Sun · Mon–Fri: three or more days in a row read as a range. */
export function weekdays(days: readonly number[], lang: Lang): string {
  const names = zh(lang) ? WEEKDAY_NAMES.zh : WEEKDAY_NAMES.en;
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === d - 1) last.push(d);
    else runs.push([d]);
  }
  const parts = runs.flatMap((r) =>
    r.length >= 3 ? [`${names[r[0]! - 1]}${zh(lang) ? '至' : '–'}${names[r[r.length - 1]! - 1]}`] : r.map((d) => names[d - 1]!),
  );
  return parts.join(zh(lang) ? '、' : ', ');
}

export const hours = (h: readonly { from: string; to: string }[], lang: Lang) => h.map((x) => `${x.from}–${x.to}`).join(zh(lang) ? '、' : ', ');

export function time(iso: string, opts: RenderOptions = {}): string {
  const d = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: opts.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** 3 秒 · 15 分钟 · 2 小时 / 3 seconds … (rounded up: "try again in" never says too early) */
export function duration(seconds: number, lang: Lang): string {
  const [n, zhUnit, enUnit] =
    seconds < 60
      ? [Math.ceil(seconds), '秒', 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), '分钟', 'minute']
        : [Math.ceil(seconds / 3600), '小时', 'hour'];
  return zh(lang) ? `${n} ${zhUnit}` : `${n} ${enUnit}${n === 1 ? '' : 's'}`;
}

export const list = (xs: readonly string[], lang: Lang) => xs.join(zh(lang) ? '、' : ', ');

/** 「南京西路店」、「徐家汇店」 — at most five names, then how many more. */
export function stores(names: readonly string[], lang: Lang): string {
  const shown = names.slice(0, 5);
  const more = names.length - shown.length;
  if (zh(lang)) return `${shown.map((n) => `「${n}」`).join('、')}${more > 0 ? ` 等 ${names.length} 家门店` : ''}`;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more store${more === 1 ? '' : 's'}` : ''}`;
}

const enumName = (group: keyof typeof ENUM_NAMES, v: string, lang: Lang) => ENUM_NAMES[group][v]?.[zh(lang) ? 0 : 1] ?? v;

/** A value written out by its kind, or null when it is missing or not of that kind. */
export function formatValue(kind: string, v: unknown, lang: Lang, opts: RenderOptions = {}): string | null {
  switch (kind) {
    case 'text':
      return typeof v === 'string' && v !== '' ? v : isNum(v) ? String(v) : null;
    case 'int':
      return isNum(v) ? v.toLocaleString(zh(lang) ? 'zh-CN' : 'en-US') : null;
    case 'money':
      return isNum(v) ? money(v, lang, opts.currency) : null;
    case 'list':
      return isStrings(v) && v.length ? list(v, lang) : null;
    case 'stores':
      return isStrings(v) && v.length ? stores(v, lang) : null;
    case 'weekdays':
      return Array.isArray(v) && v.length && v.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) ? weekdays(v, lang) : null;
    case 'weekday':
      return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 7 ? weekdays([v as number], lang) : null;
    case 'hours':
      return Array.isArray(v) && v.length && v.every((h) => typeof h?.from === 'string' && typeof h?.to === 'string') ? hours(v, lang) : null;
    case 'time':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? time(v, opts) : null;
    case 'duration':
      return isNum(v) && v >= 0 ? duration(v, lang) : null;
    case 'state':
    case 'kind':
    case 'batch_status':
    case 'batch_mode':
    case 'order_state':
      return typeof v === 'string' && v ? enumName(kind, v, lang) : null;
    case 'errors':
      return Array.isArray(v) && v.length && v.every((e) => typeof e?.field === 'string' && typeof e?.reason === 'string') ? fieldErrors(v, lang) : null;
    default:
      return null;
  }
}

const HOLE = /\{(\w+)(\?)?(?::(\w+))?\}/g;
const PART = /\[([^[\]]*)\]/g;

/** The holes of a template: name, kind and whether it may be left out. */
export function holesOf(template: string): { name: string; kind: string; optional: boolean }[] {
  return [...template.matchAll(HOLE)].map((m) => ({ name: m[1]!, kind: m[3] ?? 'text', optional: !!m[2] }));
}

/** Fills a template from a problem's fields; a `[ … ]` part with a missing value is left out. */
export function fill(template: string, params: Record<string, unknown>, lang: Lang, opts: RenderOptions = {}): string {
  const holes = (s: string): string | null => {
    let missing = false;
    const out = s.replace(HOLE, (_, name: string, _opt: string | undefined, kind: string | undefined) => {
      const v = formatValue(kind ?? 'text', params[name], lang, opts);
      if (v === null) missing = true;
      return v ?? '';
    });
    return missing ? null : out;
  };
  const whole = template.replace(PART, (_, part: string) => holes(part) ?? '');
  return holes(whole) ?? whole.replace(HOLE, '');
}

/** One problem code in the catalogue: its HTTP status(es), what the person at the screen reads, and a note for the API docs. */
export interface EntryDef {
  status: number | readonly number[];
  zh: string;
  en: string;
  /** for developers, in the API docs' error table only */
  note?: string;
  /** fields the problem carries that no message reads (listed in the API docs) */
  also?: readonly string[];
  /** a code the web app makes itself (no answer from the server): not in the API docs */
  client?: true;
}
