import { useEffect, useMemo, useState } from 'react';
import { Breadcrumb, Button, Card, Col, DatePicker, Progress, Row, Segmented, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, FileTextOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { report, type Client } from '../../api';
import type { ChannelFigures, ChannelFunnel, ChannelStats as Answer, ChannelStatsRow, Me } from '../../api/types';
import { useI18n } from '../../i18n';
import { money, num } from '../../format';
import { PageTitle } from '../../components/PageTitle';
import { saveFile } from '../batches/ExportCodes';
import { Defined, Figure } from '../dashboard/Figure';
import { levelName } from './ChannelTree';
import { channelDef } from './stat-words';

dayjs.extend(utc);
dayjs.extend(timezone);
type Scope = 'subtree' | 'own';
type Key = keyof ChannelFigures;
const COLS: { k: Key; fen?: boolean }[] = [
  { k: 'issued' },
  { k: 'bound' },
  { k: 'in_hands' },
  { k: 'redeemed' },
  { k: 'redeemed_amount', fen: true },
  { k: 'order_gmv', fen: true },
];

/**
 * 渠道数据 (数据穿透; GET /v1/stats/channels and …/funnel): each channel of a level with its figures, with its
 * sub-channels (含下级) or its own (仅本级); a channel with channels below opens them (drill down by parent_id, a
 * breadcrumb back up); the period is the tenant's days, like the dashboard's; the funnel (issued in the period →
 * reached a member → redeemed) per channel; the level as CSV or Excel. The console and the partner portal (its
 * own subtree: the API narrows it) show the same page.
 */
export function ChannelStats({ api, me, compact }: { api: Client; me: Me; compact?: boolean }) {
  const { t, lang } = useI18n();
  const tz = me.tenant.time_zone;
  const cur = me.tenant.currency;
  const today = dayjs(dayjs().tz(tz).format('YYYY-MM-DD'));
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(29, 'day'), today]);
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const [scope, setScope] = useState<Scope>('subtree');
  const [stats, setStats] = useState<Answer | null>(null);
  const [funnel, setFunnel] = useState<ChannelFunnel | null>(null);
  const [loading, setLoading] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);
  const parentId = trail.at(-1)?.id;
  const q = useMemo(
    () => ({
      from: dayjs.tz(range[0].format('YYYY-MM-DD'), tz).toISOString(),
      to: dayjs.tz(range[1].add(1, 'day').format('YYYY-MM-DD'), tz).toISOString(),
      parent_id: parentId,
    }),
    [range, tz, parentId],
  );
  useEffect(() => {
    setLoading(true);
    Promise.all([api.channelStats(q), api.channelFunnel(q)])
      .then(([s, f]) => {
        setStats(s);
        setFunnel(f);
      })
      .catch(report)
      .finally(() => setLoading(false));
  }, [api, q]);

  const download = async (format: 'csv' | 'xlsx') => {
    setDownloading(format);
    try {
      const blob = await api.channelStatsFile({ ...q, format, lang: lang === 'en' ? 'en' : 'zh' });
      saveFile(blob, `kaquan-channels-${range[0].format('YYYY-MM-DD')}-${range[1].format('YYYY-MM-DD')}.${format}`);
    } catch (e) {
      report(e);
    } finally {
      setDownloading(null);
    }
  };
  const fmt = (k: Key, v: number | undefined) => (COLS.find((c) => c.k === k)?.fen ? money(v, cur) : num(v));
  const title = (k: string) => <Defined def={channelDef(k)} fallback={k} />;
  const funnelOf = (id: string) => funnel?.rows.find((r) => r.channel_id === id)?.[scope];
  const drill = (r: ChannelStatsRow) => r.children > 0 && setTrail([...trail, { id: r.channel_id, name: r.name }]);

  // the level's rows, then (at a channel) its own cards not below its children, and (the brand's top) cards of no channel
  type Line = { key: string; name: string; row?: ChannelStatsRow; figures: ChannelFigures; note?: string };
  const lines: Line[] = [
    ...(stats?.rows ?? []).map((r) => ({ key: r.channel_id, name: r.name, row: r, figures: r[scope] })),
    ...(stats?.parent ? [{ key: 'parent', name: stats.parent.name, figures: stats.parent.own, note: t('本渠道直属', 'its own cards') }] : []),
    ...(stats?.unattributed
      ? [{ key: 'none', name: t('未归属渠道', 'No channel'), figures: stats.unattributed, note: t('品牌直发', 'issued by the brand') }]
      : []),
  ];
  const tot = stats?.totals;
  const link = (text: string, onClick: () => void) => (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onClick}>
      {text}
    </Button>
  );
  const tf = funnel?.totals;

  return (
    <div data-testid="channel-stats">
      {!compact && <PageTitle title={t('渠道数据', 'Channel stats')} />}
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].startOf('day'), v[1].startOf('day')])}
            presets={[
              { label: t('近 7 天', 'Last 7 days'), value: [today.subtract(6, 'day'), today] },
              { label: t('近 30 天', 'Last 30 days'), value: [today.subtract(29, 'day'), today] },
              { label: t('近 90 天', 'Last 90 days'), value: [today.subtract(89, 'day'), today] },
            ]}
            data-testid="channel-stats-period"
          />
          <Segmented<Scope>
            value={scope}
            onChange={setScope}
            options={[
              { value: 'subtree', label: t('含下级', 'With sub-channels') },
              { value: 'own', label: t('仅本级', 'Own only') },
            ]}
            data-testid="channel-stats-scope"
          />
        </Space>
        <Space.Compact>
          <Button icon={<FileTextOutlined />} loading={downloading === 'csv'} onClick={() => download('csv')} data-testid="channel-stats-csv">
            {t('导出 CSV', 'CSV')}
          </Button>
          <Button icon={<FileExcelOutlined />} loading={downloading === 'xlsx'} onClick={() => download('xlsx')} data-testid="channel-stats-xlsx">
            {t('导出 Excel', 'Excel')}
          </Button>
        </Space.Compact>
      </Space>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="channel-stats-trail"
        items={[
          { title: link(t('全部渠道', 'All channels'), () => setTrail([])) },
          ...trail.map((c, i) => ({ title: i === trail.length - 1 ? c.name : link(c.name, () => setTrail(trail.slice(0, i + 1))) })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          `${range[0].format('YYYY-MM-DD')} 至 ${range[1].format('YYYY-MM-DD')}，按商户时区 ${tz}。合计为本层级所有渠道（含下级）${stats?.unattributed ? '及未归属渠道的卡券' : ''}。点渠道名查看它的下级。`,
          `${range[0].format('YYYY-MM-DD')} to ${range[1].format('YYYY-MM-DD')}, in ${tz}. Totals: every channel of this level with its sub-channels. Click a channel to open the channels below it.`,
        )}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {COLS.map((c) => (
          <Col key={c.k} xs={12} md={8} xl={4}>
            <Figure k={`channel-${c.k}`} def={channelDef(c.k)} title={c.k} value={fmt(c.k, tot?.[c.k])} loading={loading && !stats} />
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('各渠道', 'By channel')} style={{ marginBottom: 12 }}>
        <Table<Line>
          rowKey="key"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={lines}
          scroll={{ x: 'max-content' }}
          data-testid="channel-stats-table"
          columns={[
            {
              title: t('渠道', 'Channel'),
              key: 'name',
              fixed: compact ? undefined : 'left',
              render: (_, l) =>
                l.row ? (
                  <Space direction="vertical" size={0}>
                    {l.row.children > 0 ? (
                      <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => drill(l.row!)} data-testid={`stats-open-${l.name}`}>
                        <b>{l.name}</b> <RightOutlined style={{ fontSize: 10 }} />
                      </Button>
                    ) : (
                      <b>{l.name}</b>
                    )}
                    <span className="kq-muted" style={{ fontSize: 12 }}>
                      {levelName(t, l.row.depth)}
                      {l.row.children > 0 ? t(` · ${l.row.children} 个下级`, ` · ${l.row.children} below`) : ''}
                    </span>
                  </Space>
                ) : (
                  <Space direction="vertical" size={0}>
                    <span>{l.name}</span>
                    <span className="kq-muted" style={{ fontSize: 12 }}>
                      {l.note}
                    </span>
                  </Space>
                ),
            },
            ...COLS.map((c) => ({
              title: title(c.k),
              key: c.k,
              align: 'right' as const,
              render: (_: unknown, l: Line) => <span data-testid={`cell-${l.name}-${c.k}`}>{fmt(c.k, l.figures[c.k])}</span>,
            })),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('渠道漏斗：期间发出 → 到达会员 → 已核销', 'Funnel: issued in the period → reached members → redeemed')}
        data-testid="channel-funnel"
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {title('funnel_issued')} → {title('funnel_reached')} → {title('funnel_redeemed')}
          {t('：同一批卡券，每一步都是上一步的一部分。', ': one cohort of cards, each stage part of the one before.')}
        </Typography.Paragraph>
        {[
          ...(tf ? [{ key: 'total', name: t('合计', 'Total'), f: tf }] : []),
          ...(stats?.rows ?? []).map((r) => ({ key: r.channel_id, name: r.name, f: funnelOf(r.channel_id) })),
        ].map(({ key, name, f }) => (
          <div key={key} style={{ marginBottom: 10 }} data-testid={`funnel-${name}`}>
            <Typography.Text strong>{name}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {t(
                `发出 ${num(f?.issued)} · 到达会员 ${num(f?.reached)} · 核销 ${num(f?.redeemed)}`,
                `issued ${num(f?.issued)} · reached ${num(f?.reached)} · redeemed ${num(f?.redeemed)}`,
              )}
            </Typography.Text>
            <Progress
              percent={f?.issued ? Math.round((f.reached / f.issued) * 100) : 0}
              success={{ percent: f?.issued ? Math.round((f.redeemed / f.issued) * 100) : 0 }}
              format={() =>
                f?.issued ? t(`核销 ${Math.round((f.redeemed / f.issued) * 100)}%`, `${Math.round((f.redeemed / f.issued) * 100)}% redeemed`) : '—'
              }
            />
          </div>
        ))}
      </Card>
    </div>
  );
}
