import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Space, Table, Progress, Typography } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { report } from '../../api';
import type { Stats, Store, Template } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useI18n } from '../../i18n';
import { money, num, pct } from '../../format';
import { PageTitle } from '../../components/PageTitle';
import { BarsChart, TrendChart } from '../../components/Charts';
import { saveFile } from '../batches/ExportCodes';
import { Change, Defined, Figure } from './Figure';
import { PointsStats } from './PointsStats';

dayjs.extend(utc);
dayjs.extend(timezone);
type Dim = 'day' | 'template' | 'batch' | 'store';

/**
 * 数据概览 (GET /v1/stats): what reached members' hands and what was redeemed, apart from the stock
 * (codes in batches, codes exported and not yet bound); every figure with its definition on hover and
 * its change against the previous period of the same length; trends with every day of the period; a
 * per-template funnel and the stores; any report as CSV or Excel. Days are the tenant's days (its time zone).
 */
export function Dashboard() {
  const { t, lang } = useI18n();
  const { api, me } = useConsole();
  const tz = me.tenant.time_zone;
  const today = dayjs(dayjs().tz(tz).format('YYYY-MM-DD'));
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(29, 'day'), today]);
  const [templateId, setTemplateId] = useState<string>();
  const [storeId, setStoreId] = useState<string>();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [stores, setStores] = useState<Store[]>([]);
  const [byDay, setByDay] = useState<Stats | null>(null);
  const [byTemplate, setByTemplate] = useState<Stats | null>(null);
  const [byStore, setByStore] = useState<Stats | null>(null);
  const [loading, setLoading] = useState(false);
  const [dim, setDim] = useState<Dim>('day');
  const [downloading, setDownloading] = useState<string | null>(null);
  const cur = me.tenant.currency;

  useEffect(() => {
    api
      .templates({ limit: 200 })
      .then((p) => setTemplates(p.data))
      .catch(report);
    api
      .stores({ limit: 200 })
      .then((p) => setStores(p.data))
      .catch(report);
  }, [api]);

  // the picked days are the tenant's days: from its midnight of the first to its midnight after the last
  const q = useMemo(
    () => ({
      from: dayjs.tz(range[0].format('YYYY-MM-DD'), tz).toISOString(),
      to: dayjs.tz(range[1].add(1, 'day').format('YYYY-MM-DD'), tz).toISOString(),
      template_id: templateId,
      store_id: storeId,
    }),
    [range, tz, templateId, storeId],
  );
  useEffect(() => {
    setLoading(true);
    Promise.all([api.stats({ ...q, group_by: 'day' }), api.stats({ ...q, group_by: 'template' }), api.stats({ ...q, group_by: 'store' })])
      .then(([d, tp, s]) => {
        setByDay(d);
        setByTemplate(tp);
        setByStore(s);
      })
      .catch(report)
      .finally(() => setLoading(false));
  }, [api, q]);

  const download = async (format: 'csv' | 'xlsx') => {
    setDownloading(format);
    try {
      const blob = await api.statsFile({ ...q, group_by: dim, format, lang: lang === 'en' ? 'en' : 'zh' });
      saveFile(blob, `kaquan-report-${dim}-${range[0].format('YYYY-MM-DD')}-${range[1].format('YYYY-MM-DD')}.${format}`);
    } catch (e) {
      report(e);
    } finally {
      setDownloading(null);
    }
  };

  const defs = byDay?.definitions ?? [];
  const def = (k: string) => defs.find((d) => d.key === k);
  const name = (k: string, zh: string, en: string) => (def(k) ? t(def(k)!.name_zh, def(k)!.name_en) : t(zh, en));
  const days = useMemo(
    () => (byDay?.rows ?? []).map((r) => ({ ...r, day: (r.key ?? '').slice(5, 10), redeemed_yuan: r.redeemed_amount / 100, gmv_yuan: r.order_gmv / 100 })),
    [byDay],
  );
  const funnel = useMemo(() => (byTemplate?.rows ?? []).filter((r) => r.issued || r.redeemed).sort((a, b) => b.issued - a.issued), [byTemplate]);
  const topStores = useMemo(
    () =>
      (byStore?.rows ?? [])
        .filter((r) => r.redeemed)
        .sort((a, b) => b.redeemed - a.redeemed)
        .slice(0, 8)
        .map((r) => ({ ...r, label: r.name ?? (r.key ? stores.find((s) => s.id === r.key)?.name : null) ?? t('线上 / 未指定门店', 'Online / no store') })),
    [byStore, stores, t],
  );
  const tot = byDay?.totals;
  const prev = byDay?.previous.totals;
  const yuan = (v: number) => money(Math.round(v * 100), cur);
  const fen = (v: number) => money(v, cur);
  const period = [
    { k: 'issued', v: num(tot?.issued), fmt: num },
    { k: 'issued_to_members', v: num(tot?.issued_to_members), fmt: num },
    { k: 'exported', v: num(tot?.exported), fmt: num },
    { k: 'bound', v: num(tot?.bound), fmt: num },
    { k: 'in_hands', v: num(tot?.in_hands), fmt: num },
    { k: 'redeemed', v: num(tot?.redeemed), fmt: num },
    { k: 'redemption_rate', v: pct(tot?.redemption_rate), fmt: pct, rate: true },
    { k: 'redeemed_amount', v: money(tot?.redeemed_amount, cur), fmt: fen },
    { k: 'order_gmv', v: money(tot?.order_gmv, cur), fmt: fen },
  ] as const;

  return (
    <div data-testid="dashboard">
      <PageTitle
        title={t('数据概览', 'Dashboard')}
        extra={
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
            />
            <Select
              allowClear
              placeholder={t('全部模板', 'All templates')}
              style={{ width: 180 }}
              value={templateId}
              onChange={setTemplateId}
              options={templates.map((x) => ({ value: x.id, label: x.name }))}
              showSearch
              optionFilterProp="label"
            />
            <Select
              allowClear
              placeholder={t('全部门店', 'All stores')}
              style={{ width: 160 }}
              value={storeId}
              onChange={setStoreId}
              options={stores.map((x) => ({ value: x.id, label: x.name }))}
              showSearch
              optionFilterProp="label"
            />
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" data-testid="dashboard-period">
          {t(
            `${range[0].format('YYYY-MM-DD')} 至 ${range[1].format('YYYY-MM-DD')}，按商户时区 ${tz}；与之前同样长的 ${range[1].diff(range[0], 'day') + 1} 天相比`,
            `${range[0].format('YYYY-MM-DD')} to ${range[1].format('YYYY-MM-DD')}, in the tenant's time zone ${tz}; compared with the ${range[1].diff(range[0], 'day') + 1} days before`,
          )}
        </Typography.Text>
        <Space.Compact>
          <Select<Dim>
            value={dim}
            onChange={setDim}
            style={{ width: 120 }}
            data-testid="report-dim"
            options={[
              { value: 'day', label: t('按日', 'By day') },
              { value: 'template', label: t('按模板', 'By template') },
              { value: 'batch', label: t('按批次', 'By batch') },
              { value: 'store', label: t('按门店', 'By store') },
            ]}
          />
          <Button icon={<FileTextOutlined />} loading={downloading === 'csv'} onClick={() => download('csv')} data-testid="report-csv">
            {t('导出 CSV', 'CSV')}
          </Button>
          <Button icon={<FileExcelOutlined />} loading={downloading === 'xlsx'} onClick={() => download('xlsx')} data-testid="report-xlsx">
            {t('导出 Excel', 'Excel')}
          </Button>
        </Space.Compact>
      </Space>
      <Row gutter={[12, 12]}>
        {period.map((s) => (
          <Col key={s.k} xs={12} md={8} xl={4}>
            <Figure
              k={s.k}
              def={def(s.k)}
              title={s.k}
              value={s.v}
              loading={loading && !tot}
              change={<Change now={tot?.[s.k]} before={prev?.[s.k]} rate={'rate' in s} format={(v) => s.fmt(v)} />}
            />
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <Figure k="stock_unissued" def={def('stock_unissued')} title="stock" value={num(byDay?.stock.unissued)} loading={loading && !tot} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure k="stock_bearer" def={def('stock_bearer')} title="bearer" value={num(byDay?.stock.bearer)} loading={loading && !tot} />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('每日：到达会员、导出与核销', 'Per day: reached members, exported, redeemed')} size="small">
            {days.length ? (
              <TrendChart
                data={days}
                x="day"
                series={[
                  { key: 'in_hands', name: name('in_hands', '到达会员', 'In members’ hands') },
                  { key: 'exported', name: name('exported', '导出 / 无记名', 'Exported / bearer') },
                  { key: 'redeemed', name: name('redeemed', '核销笔数', 'Redemptions') },
                ]}
              />
            ) : (
              <Empty style={{ height: 228 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('核销金额与带动 GMV', 'Redeemed amount and GMV')} size="small">
            {days.length ? (
              <BarsChart
                data={days}
                x="day"
                format={yuan}
                series={[
                  { key: 'redeemed_yuan', name: name('redeemed_amount', '核销金额', 'Redeemed amount') },
                  { key: 'gmv_yuan', name: name('order_gmv', '带动交易额', 'Order GMV') },
                ]}
              />
            ) : (
              <Empty style={{ height: 228 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('模板：发放 → 到达会员 → 核销', 'Per template: issued → in members’ hands → redeemed')} size="small">
            <Table
              size="small"
              rowKey={(r) => r.key ?? ''}
              pagination={funnel.length > 8 ? { pageSize: 8, size: 'small' } : false}
              scroll={{ x: 'max-content' }}
              dataSource={funnel}
              locale={{ emptyText: <Empty /> }}
              data-testid="funnel"
              columns={[
                {
                  title: t('模板', 'Template'),
                  dataIndex: 'name',
                  width: 180,
                  ellipsis: { showTitle: true },
                  render: (v: string | null) => v ?? t('（无）', '(none)'),
                },
                ...(['issued', 'exported', 'in_hands', 'redeemed_cards'] as const).map((k) => ({
                  title: <Defined def={def(k)} fallback={k} />,
                  dataIndex: k,
                  align: 'right' as const,
                  render: num,
                })),
                {
                  title: <Defined def={def('redemption_rate')} fallback="rate" />,
                  dataIndex: 'redemption_rate',
                  width: 150,
                  render: (r: number | null) => (r == null ? '—' : <Progress percent={Math.round(r * 1000) / 10} size="small" />),
                },
                { title: <Defined def={def('redeemed_amount')} fallback="amount" />, dataIndex: 'redeemed_amount', align: 'right', render: fen },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('门店核销排行', 'Top stores by redemptions')} size="small">
            {topStores.length ? (
              <BarsChart
                data={topStores}
                x="label"
                layout="vertical"
                height={Math.max(160, topStores.length * 36)}
                series={[{ key: 'redeemed', name: name('redeemed', '核销笔数', 'Redemptions') }]}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
      <PointsStats range={range} />
    </div>
  );
}
