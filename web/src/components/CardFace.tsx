import type { Kind, Rules, TemplateValue, Validity } from '../api/types';
import { useName, useT } from '../i18n';
import { conditions, faceFigure, offerHeadline, todayHint, type Live } from '../rules';

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

/** What a card says at a glance, as one line: its value with the key conditions (lists, tables). */
export function useHeadline() {
  const t = useT();
  return (kind: Kind, value: TemplateValue, rules: Rules = {}, validity: Validity = { type: 'none' }) => offerHeadline(t, { kind, value, rules, validity });
}

/**
 * The card as members see it (the wallet, the clerk's check, the console's preview and card detail):
 * its value in big type with the words beside it, the conditions that decide when and where it can
 * be used (周末可用 · 限南京西路店), and — when given the tenant's zone — whether it can be used today.
 */
export function CardFace(props: {
  kind: Kind;
  name: string;
  value: TemplateValue;
  rules?: Rules & { store_names?: string[] };
  /** the tenant's time zone: with it, the face says when it cannot be used today */
  tz?: string;
  now?: Date;
  foot?: string;
  tail?: string;
  dim?: boolean;
  live?: Live;
  testId?: string;
}) {
  const t = useT();
  const name = useName();
  const rules = props.rules ?? {};
  const f = faceFigure(t, { kind: props.kind, value: props.value, rules }, props.live);
  const terms = props.kind === 'external' ? [] : conditions(t, rules);
  const hint = props.tz && !props.dim ? todayHint(t, rules, props.now ?? new Date(), props.tz, props.live) : null;
  return (
    <div
      className={`kq-card-face${props.dim ? ' dim' : ''}`}
      style={{ background: COLORS[props.kind] }}
      data-testid={props.testId}
      title={offerHeadline(t, { kind: props.kind, value: props.value, rules, validity: { type: 'none' } })}
    >
      <div className="kind">{name('kind', props.kind)}</div>
      <div className="name">{props.name || '—'}</div>
      <div className="value">
        {f.big}
        {f.small && <small>{f.small}</small>}
      </div>
      {terms.length > 0 && <div className="terms">{terms.join(' · ')}</div>}
      {hint && (
        <div className="hint" data-testid="card-hint">
          {hint}
        </div>
      )}
      <div className="foot">
        <span>{props.foot ?? ''}</span>
        <span className="kq-mono">{props.tail ? `•••• ${props.tail}` : ''}</span>
      </div>
    </div>
  );
}
