import type { Kind, TemplateValue } from '../api/types';
import { money } from '../format';
import { useName, useT } from '../i18n';

const COLORS: Record<Kind, string> = {
  cash: 'linear-gradient(135deg, #ff6a3d, #ff3d5a)',
  discount: 'linear-gradient(135deg, #ff9f1a, #ff6b00)',
  exchange: 'linear-gradient(135deg, #16b47f, #0a8f6a)',
  count: 'linear-gradient(135deg, #3d7bff, #1f4fe0)',
  periodic: 'linear-gradient(135deg, #6a5cff, #4632d8)',
  stored_value: 'linear-gradient(135deg, #2f3a4f, #151b28)',
  gift: 'linear-gradient(135deg, #d6336c, #9c1f5a)',
  stamp: 'linear-gradient(135deg, #b8860b, #8a5a00)',
  external: 'linear-gradient(135deg, #4b5563, #1f2937)',
};

/** What a card says at a glance: its value in big type, as a member sees it. */
export function useHeadline() {
  const t = useT();
  const name = useName();
  return (kind: Kind, v: TemplateValue, live?: { balance?: number; uses_left?: number; stamps?: number }): { big: string; small: string } => {
    switch (kind) {
      case 'cash':
        return { big: money(v.amount_off), small: t('代金券', 'off') };
      case 'discount':
        return {
          big: `${((100 - (v.percent_off ?? 0)) / 10).toFixed(1).replace(/\.0$/, '')}${t('折', '')}`,
          small: t(v.max_off ? `最高减 ${money(v.max_off)}` : '', v.max_off ? `${v.percent_off}% off, up to ${money(v.max_off)}` : `${v.percent_off}% off`),
        };
      case 'exchange':
        return { big: v.product_name ?? v.sku ?? '', small: t('兑换', 'exchange') };
      case 'count':
        return { big: `${live?.uses_left ?? v.uses}`, small: t(live ? '次可用' : '次', live ? 'uses left' : 'uses') };
      case 'periodic':
        return {
          big: `${live?.uses_left ?? v.uses_per_period}`,
          small: t(`次/${name('period', v.period)}，共 ${v.periods} 期`, `per ${v.period} × ${v.periods}`),
        };
      case 'stored_value':
      case 'gift':
        return { big: money(live?.balance ?? v.initial_balance), small: t(live ? '余额' : '面值', live ? 'balance' : 'value') };
      case 'stamp':
        return { big: `${live?.stamps ?? 0}/${v.goal}`, small: t('点', 'stamps') };
      case 'external':
        return { big: v.product_name ?? '', small: v.supplier ?? '' };
    }
  };
}

export function CardFace(props: {
  kind: Kind;
  name: string;
  value: TemplateValue;
  foot?: string;
  tail?: string;
  dim?: boolean;
  live?: { balance?: number; uses_left?: number; stamps?: number };
  testId?: string;
}) {
  const name = useName();
  const headline = useHeadline();
  const h = headline(props.kind, props.value, props.live);
  return (
    <div className={`kq-card-face${props.dim ? ' dim' : ''}`} style={{ background: COLORS[props.kind] }} data-testid={props.testId}>
      <div className="kind">{name('kind', props.kind)}</div>
      <div className="name">{props.name || '—'}</div>
      <div className="value">
        {h.big}
        <small>{h.small}</small>
      </div>
      <div className="foot">
        <span>{props.foot ?? ''}</span>
        <span className="kq-mono">{props.tail ? `•••• ${props.tail}` : ''}</span>
      </div>
    </div>
  );
}
