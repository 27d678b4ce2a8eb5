import { useEffect, useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Table, Progress } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { report } from '../../api';
import type { Stats, Store, Template } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { money, num, pct } from '../../format';
import { PageTitle } from '../../components/PageTitle';
import { BarsChart, TrendChart } from '../../components/Charts';

/** 数据概览: issued → bound → redeemed, amounts and GMV over time, top templates and stores (GET /v1/stats). */
export function Dashboard() {
  const t = useT();
  const { api, me } = useConsole();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')]);
  const [templateId, setTemplateId] = useState<string>();
  const [storeId, setStoreId] = useState<string>();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [stores, setStores] = useState<Store[]>([]);
  const [byDay, setByDay] = useState<Stats | null>(null);
  const [byTemplate, setByTemplate] = useState<Stats | null>(null);
  const [byStore, setByStore] = useState<Stats | null>(null);
  const [loading, setLoading] = useState(false);
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

  useEffect(() => {
    const q = { from: range[0].toISOString(), to: range[1].toISOString(), template_id: templateId, store_id: storeId };
    setLoading(true);
    Promise.all([api.stats({ ...q, group_by: 'day' }), api.stats({ ...q, group_by: 'template' }), api.stats({ ...q, group_by: 'store' })])
      .then(([d, tp, s]) => {
        setByDay(d);
        setByTemplate(tp);
        setByStore(s);
      })
      .catch(report)
      .finally(() => setLoading(false));
  }, [api, range, templateId, storeId]);

  const tplName = (id: string | null) => templates.find((x) => x.id === id)?.name ?? id ?? t('（无）', '(none)');
  const storeName = (id: string | null) => (id ? (stores.find((x) => x.id === id)?.name ?? id) : t('线上 / 未指定门店', 'Online / no store'));
  const days = useMemo(
    () => (byDay?.rows ?? []).map((r) => ({ ...r, day: (r.key ?? '').slice(5, 10), redeemed_yuan: r.redeemed_amount / 100, gmv_yuan: r.order_gmv / 100 })),
    [byDay],
  );
  const funnel = useMemo(
    () =>
      (byTemplate?.rows ?? [])
        .filter((r) => r.issued || r.redeemed)
        .sort((a, b) => b.issued - a.issued)
        .slice(0, 8)
        .map((r) => ({ ...r, name: tplName(r.key) })),
    [byTemplate, templates],
  );
  const topStores = useMemo(
    () =>
      (byStore?.rows ?? [])
        .filter((r) => r.redeemed)
        .sort((a, b) => b.redeemed - a.redeemed)
        .slice(0, 8)
        .map((r) => ({ ...r, name: storeName(r.key) })),
    [byStore, stores],
  );
  const tot = byDay?.totals;
  const yuan = (v: number) => money(Math.round(v * 100), cur);

  return (
    <div data-testid="dashboard">
      <PageTitle
        title={t('数据概览', 'Dashboard')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0].startOf('day'), v[1].endOf('day')])}
              presets={[
                { label: t('近 7 天', 'Last 7 days'), value: [dayjs().subtract(6, 'day'), dayjs()] },
                { label: t('近 30 天', 'Last 30 days'), value: [dayjs().subtract(29, 'day'), dayjs()] },
                { label: t('近 90 天', 'Last 90 days'), value: [dayjs().subtract(89, 'day'), dayjs()] },
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
      <Row gutter={[16, 16]}>
        {[
          { k: 'issued', title: t('发放', 'Issued'), v: num(tot?.issued) },
          { k: 'bound', title: t('绑定', 'Bound'), v: num(tot?.bound) },
          { k: 'redeemed', title: t('核销', 'Redeemed'), v: num(tot?.redeemed) },
          { k: 'rate', title: t('核销率', 'Redemption rate'), v: pct(tot?.redemption_rate) },
          { k: 'amount', title: t('核销金额', 'Redeemed amount'), v: money(tot?.redeemed_amount, cur) },
          { k: 'gmv', title: t('带动交易额 GMV', 'Order GMV'), v: money(tot?.order_gmv, cur) },
        ].map((s) => (
          <Col key={s.k} xs={12} md={8} xl={4}>
            <Card size="small" loading={loading && !tot}>
              <Statistic title={s.title} value={s.v} data-testid={`stat-${s.k}`} />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={12}>
          <Card title={t('发放与核销趋势', 'Issued and redeemed per day')} size="small">
            {days.length ? (
              <TrendChart
                data={days}
                x="day"
                series={[
                  { key: 'issued', name: t('发放', 'Issued') },
                  { key: 'bound', name: t('绑定', 'Bound') },
                  { key: 'redeemed', name: t('核销', 'Redeemed') },
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
                  { key: 'redeemed_yuan', name: t('核销金额', 'Redeemed amount') },
                  { key: 'gmv_yuan', name: 'GMV' },
                ]}
              />
            ) : (
              <Empty style={{ height: 228 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('模板转化漏斗：发放 → 绑定 → 核销', 'Per-template funnel: issued → bound → redeemed')} size="small">
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={funnel}
              locale={{ emptyText: <Empty /> }}
              columns={[
                { title: t('模板', 'Template'), dataIndex: 'name', width: 200, ellipsis: { showTitle: true } },
                { title: t('发放', 'Issued'), dataIndex: 'issued', align: 'right', render: num },
                { title: t('绑定', 'Bound'), dataIndex: 'bound', align: 'right', render: num },
                { title: t('核销', 'Redeemed'), dataIndex: 'redeemed_cards', align: 'right', render: num },
                {
                  title: t('核销率', 'Rate'),
                  dataIndex: 'redemption_rate',
                  width: 160,
                  render: (r: number | null) => <Progress percent={Math.round((r ?? 0) * 1000) / 10} size="small" />,
                },
                { title: t('核销金额', 'Amount'), dataIndex: 'redeemed_amount', align: 'right', render: (v: number) => money(v, cur) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('门店核销排行', 'Top stores by redemptions')} size="small">
            {topStores.length ? (
              <BarsChart
                data={topStores}
                x="name"
                layout="vertical"
                height={Math.max(160, topStores.length * 36)}
                series={[{ key: 'redeemed', name: t('核销笔数', 'Redemptions') }]}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
