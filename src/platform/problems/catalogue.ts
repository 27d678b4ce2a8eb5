import { ACCESS } from './codes-access.js';
import { CARDS } from './codes-cards.js';
import { CATALOG, PLATFORM } from './codes-catalog.js';
import { CHANNELS } from './codes-channels.js';
import { PORTAL } from './codes-portal.js';
import { LEAKAGE } from './codes-leakage.js';
import { DELIVERY } from './codes-delivery.js';
import { ALLOCATIONS } from './codes-allocations.js';
import { REDEEM } from './codes-redeem.js';
import { SUPPLIERS } from './codes-suppliers.js';
import { WECHATPAY } from './codes-wechatpay.js';
import { WHOLESALE } from './codes-wholesale.js';
import { SETTLEMENT } from './codes-settlement.js';
import { POINTS } from './codes-points.js';
import { PACKS } from './codes-packs.js';
import { TIERS } from './codes-tiers.js';
import { REVIEWS } from './codes-reviews.js';
import { MALL } from './codes-mall.js';
import { RISK } from './codes-risk.js';
import { VERIFY } from './codes-verify.js';
import { PASSES } from './codes-passes.js';
import { GROUPS } from './codes-groups.js';
import { SEGMENTS } from './codes-segments.js';
import { CAMPAIGNS } from './codes-campaigns.js';
import { REFERRALS } from './codes-referrals.js';
import { AUTOMATION } from './codes-automation.js';
import { fill, holesOf, type EntryDef, type Lang, type ParamsOf, type RenderOptions } from './words.js';

/**
 * The problem catalogue 错误码目录: every `code` the API can answer with, and what the person at the
 * screen reads for it, in Simplified Chinese and English, filled from the problem's structured fields
 * (words.ts). The web app shows these texts, never `detail` (which is for developers); the API docs'
 * error table (docs/api.md) is written from it (`npm run gen:errors`); a test fails when a code
 * thrown anywhere in src/ has no entry here. Pure TypeScript: the server and the web app import it.
 */
// one part per line (each area's codes in its own file), so areas added side by side merge cleanly
export const PARTS = {
  REDEEM,
  CARDS,
  ACCESS,
  CATALOG,
  CHANNELS,
  PORTAL,
  WHOLESALE,
  LEAKAGE,
  DELIVERY,
  ALLOCATIONS,
  SUPPLIERS,
  WECHATPAY,
  SETTLEMENT,
  POINTS,
  PACKS,
  TIERS,
  REVIEWS,
  MALL,
  RISK,
  VERIFY,
  PASSES,
  GROUPS,
  SEGMENTS,
  CAMPAIGNS,
  REFERRALS,
  AUTOMATION,
  PLATFORM,
} as const satisfies Record<string, Record<string, EntryDef>>;
type Merged<T> = (T extends unknown ? (x: T) => void : never) extends (x: infer I) => void ? I : never;
/** Every code, from all parts; the parts are kept apart for the test that no code is in two of them. */
export const CATALOGUE = Object.assign({}, ...Object.values(PARTS)) as Merged<(typeof PARTS)[keyof typeof PARTS]>;

export type Code = keyof typeof CATALOGUE;
type Entry<C extends Code> = (typeof CATALOGUE)[C];
/** The structured fields the problem `C` carries for its message: a missing one is a type error. */
export type ProblemParams<C extends Code> = ParamsOf<Entry<C>['zh']> & ParamsOf<Entry<C>['en']>;

export const isCode = (code: unknown): code is Code => typeof code === 'string' && Object.hasOwn(CATALOGUE, code);
export const entryOf = (code: string): EntryDef | undefined => (isCode(code) ? CATALOGUE[code] : undefined);

/** The message for a code and its fields (typed: the server and the tests). */
export function message<C extends Code>(code: C, params: ProblemParams<C>, lang: Lang, opts: RenderOptions = {}): string {
  const e: EntryDef = CATALOGUE[code];
  return fill(lang === 'en' ? e.en : e.zh, params as Record<string, unknown>, lang, opts);
}

/** A problem as it came over the wire (problem+json, or a check's answer): its code, detail and fields. */
export interface ProblemLike {
  code?: string | null;
  status?: number;
  detail?: string | null;
  [field: string]: unknown;
}

/**
 * What the person reads for a problem from the wire. A code this catalogue does not know (a newer
 * server) gets a general sentence and the problem's own detail, so nothing is lost.
 */
export function problemText(p: ProblemLike, lang: Lang, opts: RenderOptions = {}): { text: string; known: boolean } {
  const e = p.code ? entryOf(p.code) : undefined;
  if (e) return { text: fill(lang === 'en' ? e.en : e.zh, p, lang, opts), known: true };
  const detail = p.detail ? (lang === 'en' ? ` (${p.detail})` : `（${p.detail}）`) : '';
  const server = (p.status ?? 0) >= 500;
  return {
    text: server
      ? lang === 'en'
        ? `The server could not do this; try again later.${detail}`
        : `服务器暂时无法完成这个操作，请稍后再试。${detail}`
      : lang === 'en'
        ? `This could not be done.${detail}`
        : `操作没有完成。${detail}`,
    known: false,
  };
}

/** The fields an entry's messages read, as the API docs list them (`min_spend?` may be left out). */
export function fieldsOf(e: EntryDef): string[] {
  const seen = new Map<string, boolean>();
  for (const h of [...holesOf(e.zh), ...holesOf(e.en)]) seen.set(h.name, (seen.get(h.name) ?? true) && h.optional);
  return [...[...seen].map(([name, optional]) => `${name}${optional ? '?' : ''}`), ...(e.also ?? [])];
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** A template as the docs show it: the optional brackets gone, each value as `{name}`. */
const shown = (t: string) => t.replace(/[[\]]/g, '').replace(/\{(\w+)\??(?::\w+)?\}/g, '{$1}');

/** The API docs' error table (docs/api.md, between its `errors:begin` and `errors:end` marks). */
export function errorTable(): string {
  const rows = Object.entries(CATALOGUE as Record<string, EntryDef>)
    .filter(([, e]) => !e.client)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, e]) => {
      const status = (Array.isArray(e.status) ? e.status : [e.status]).join('/');
      const fields = fieldsOf(e)
        .map((f) => `\`${f}\``)
        .join(', ');
      const en = shown(e.en) + (e.note ? ` — _${e.note}_` : '');
      return `| ${code} | ${status} | ${fields} | ${cell(en)} | ${cell(shown(e.zh))} |`;
    });
  return ['| code | status | fields | meaning (what the person reads) | 说明（界面上的提示） |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
