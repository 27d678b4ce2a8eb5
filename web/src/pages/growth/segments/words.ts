import type { Choices } from './ConditionBuilder';

type T = (zh: string, en: string) => string;
type Item = Record<string, unknown>;

/** A segment's conditions in words: 「最近 30 天消费金额 ≥ 500元 且 标签 有 VIP」 (names for tiers and templates, 元 for fen). */
export function conditionsText(t: T, c: Item, choices: Choices): string {
  const mode = 'any' in c ? 'any' : 'all';
  const joiner = mode === 'any' ? t(' 或 ', ' or ') : t(' 且 ', ' and ');
  const items = (c[mode] as Item[] | undefined) ?? [];
  return items.map((x) => ('all' in x || 'any' in x ? `（${conditionsText(t, x, choices)}）` : one(t, x, choices))).join(joiner);
}

function one(t: T, x: Item, choices: Choices): string {
  const f = choices.fields.find((y) => y.field === x.field);
  if (!f) return String(x.field);
  const op = f.ops.find((o) => o.op === x.op);
  const name = (v: unknown) => {
    if (op?.value === 'fen') return t(`${Number(v) / 100}元`, `¥${Number(v) / 100}`);
    if (op?.value === 'tier') return choices.tiers.find((c) => c.value === v)?.label ?? t('某等级', 'a tier');
    if (op?.value === 'template') return choices.templates.find((c) => c.value === v)?.label ?? t('某卡券', 'a template');
    if (op?.value === 'month') return t(`${v}月`, `month ${v}`);
    if (op?.value === 'days') return t(`${v}天`, `${v} days`);
    return String(v);
  };
  const value = x.value === undefined ? '' : Array.isArray(x.value) ? x.value.map(name).join('、') : name(x.value);
  const days = x.days ? t(`最近${x.days}天`, `last ${x.days} days: `) : '';
  return `${days}${t(f.label.zh, f.label.en)} ${op ? t(op.label.zh, op.label.en) : String(x.op)} ${value}`.trim();
}
