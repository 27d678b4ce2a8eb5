import { Card, Statistic, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { Stats } from '../../api/types';
import { useT } from '../../i18n';

export type Definition = Stats['definitions'][number];

/** A figure's name with its definition (Chinese and English, from the API) on hover. */
export function Defined(props: { def?: Definition; fallback: string }) {
  const t = useT();
  if (!props.def) return <>{props.fallback}</>;
  return (
    <Tooltip
      title={
        <div data-testid={`def-${props.def.key}`}>
          <div>{t(props.def.zh, props.def.en)}</div>
          <div style={{ opacity: 0.75, marginTop: 4 }}>{t(props.def.en, props.def.zh)}</div>
        </div>
      }
    >
      <span style={{ cursor: 'help' }} data-testid={`term-${props.def.key}`}>
        {t(props.def.name_zh, props.def.name_en)} <InfoCircleOutlined style={{ fontSize: 12, opacity: 0.6 }} />
      </span>
    </Tooltip>
  );
}

/**
 * How a figure moved against the previous period of the same length: Δ and % (a rate moves in
 * percentage points; from zero there is no %).
 */
export function Change(props: { now: number | null | undefined; before: number | null | undefined; rate?: boolean; format: (v: number) => string }) {
  const t = useT();
  const { now, before } = props;
  if (now == null || before == null) return <Typography.Text type="secondary">{t('较上期 —', 'vs previous —')}</Typography.Text>;
  const d = now - before;
  if (!d) return <Typography.Text type="secondary">{t('较上期持平', 'Same as previous period')}</Typography.Text>;
  const sign = d > 0 ? '+' : '−';
  const abs = Math.abs(d);
  const text = props.rate
    ? t(`较上期 ${sign}${(abs * 100).toFixed(1)} 个百分点`, `${sign}${(abs * 100).toFixed(1)} pts vs previous`)
    : before
      ? t(
          `较上期 ${sign}${props.format(abs)}（${sign}${((abs / before) * 100).toFixed(1)}%）`,
          `${sign}${props.format(abs)} (${sign}${((abs / before) * 100).toFixed(1)}%) vs previous`,
        )
      : t(`较上期 ${sign}${props.format(abs)}（上期为 0）`, `${sign}${props.format(abs)} vs previous (was 0)`);
  return <Typography.Text style={{ color: d > 0 ? '#16b47f' : '#f5222d', fontSize: 12 }}>{text}</Typography.Text>;
}

/** One figure's card: its defined name, its value, and its change against the previous period (when it has one). */
export function Figure(props: { k: string; def?: Definition; title: string; value: string; loading: boolean; change?: React.ReactNode }) {
  return (
    <Card size="small" loading={props.loading} style={{ height: '100%' }}>
      <Statistic title={<Defined def={props.def} fallback={props.title} />} value={props.value} data-testid={`stat-${props.k}`} />
      {props.change && <div data-testid={`change-${props.k}`}>{props.change}</div>}
    </Card>
  );
}
