import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, DatePicker, Grid, Popconfirm, Select, Space, Tag, Typography, message } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { report, type Client, type ListQuery } from '../../api';
import type { Channel, LeakageAlert, Me, Store, Template } from '../../api/types';
import { useName, useT } from '../../i18n';
import { zonedTime } from '../../format';
import { actorWords, Named } from '../../names';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';

dayjs.extend(utc);
dayjs.extend(timezone);
type Handled = 'open' | 'handled' | 'all';
const list = (v: unknown) => (Array.isArray(v) ? v.filter(Boolean).join('、') : typeof v === 'string' ? v : '');

/**
 * 窜货预警 (GET /v1/leakage-alerts): cards of a channel used outside its regions or store tags, newest first, with
 * the card, channel, store (or member) and template by name, why (the regions and tags compared) and when;
 * filters by channel, template, store, period and whether handled; 标记已处理 (leakage.handle). The partner
 * portal shows its subtree's alerts, read only.
 */
export function LeakageAlerts({ api, me, canHandle, compact }: { api: Client; me: Me; canHandle: boolean; compact?: boolean }) {
  const t = useT();
  const name = useName();
  const tz = me.tenant.time_zone;
  const [names, setNames] = useState<Record<string, string>>({});
  const [channels, setChannels] = useState<Channel[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [stores, setStores] = useState<Store[]>([]);
  const [channelId, setChannelId] = useState<string>();
  const [templateId, setTemplateId] = useState<string>();
  const [storeId, setStoreId] = useState<string>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [handled, setHandled] = useState<Handled>('all');
  const [reload, setReload] = useState(0);
  const narrow = !(Grid.useBreakpoint().md ?? true);
  useEffect(() => {
    api
      .channels()
      .then((r) => setChannels(r.data))
      .catch(report);
    api
      .templates({ limit: 200 })
      .then((p) => setTemplates(p.data))
      .catch(() => {});
    api
      .stores({ limit: 200 })
      .then((p) => setStores(p.data))
      .catch(() => {});
  }, [api]);
  const fetch = useCallback(
    (q: ListQuery) =>
      api.leakageAlerts(q).then((p) => {
        setNames((n) => ({ ...n, ...p.names }));
        return p;
      }),
    [api],
  );
  const filters = useMemo(
    () => ({
      channel_id: channelId,
      template_id: templateId,
      store_id: storeId,
      from: range ? dayjs.tz(range[0].format('YYYY-MM-DD'), tz).toISOString() : undefined,
      to: range ? dayjs.tz(range[1].add(1, 'day').format('YYYY-MM-DD'), tz).toISOString() : undefined,
      handled: handled === 'all' ? undefined : handled === 'handled',
    }),
    [channelId, templateId, storeId, range, handled, tz],
  );
  const handle = async (a: LeakageAlert) => {
    try {
      await api.handleLeakage(a.id);
      message.success(t('已标记为已处理', 'Marked handled'));
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  // the channel's path by names (华东总代 › 苏州区域代理), from the tree the caller sees
  const pathNames = (a: LeakageAlert) =>
    a.channel_path
      .split('/')
      .filter(Boolean)
      .map((id) => channels.find((c) => c.id === id)?.name ?? names[id])
      .filter(Boolean)
      .join(' › ');
  const why = (a: LeakageAlert) => {
    const d = a.details as Record<string, unknown>;
    const where =
      a.kind === 'binding'
        ? t(
            `会员所在：${[d.member_province, d.member_city].filter(Boolean).join(' ') || '未知'}`,
            `Member in: ${[d.member_province, d.member_city].filter(Boolean).join(' ')}`,
          )
        : t(
            `门店所在：${[d.store_province, d.store_city].filter(Boolean).join(' ') || '未填'}${list(d.store_tags) ? `，标签 ${list(d.store_tags)}` : ''}`,
            `Store in: ${[d.store_province, d.store_city].filter(Boolean).join(' ')}${list(d.store_tags) ? `, tags ${list(d.store_tags)}` : ''}`,
          );
    const scope = [
      list(d.channel_regions) && t(`渠道区域：${list(d.channel_regions)}`, `channel regions: ${list(d.channel_regions)}`),
      list(d.channel_store_tags) && t(`渠道门店标签：${list(d.channel_store_tags)}`, `channel store tags: ${list(d.channel_store_tags)}`),
    ]
      .filter(Boolean)
      .join('；');
    return (
      <Space direction="vertical" size={0} style={{ maxWidth: 300, whiteSpace: 'normal' }} data-testid="leakage-why">
        <span>
          <Tag color={a.rule === 'refuse' ? 'red' : 'orange'} title={t('模板的窜货规则', 'The template’s leakage rule')}>
            {name('leakageRule', a.rule)}
          </Tag>
          {a.reasons.map((r) => name('leakageReason', r)).join('；')}
        </span>
        <span className="kq-muted" style={{ fontSize: 12 }}>
          {where}
          {scope ? `；${scope}` : ''}
        </span>
      </Space>
    );
  };

  const handledCell = (a: LeakageAlert) =>
    a.handled_at ? (
      <Space direction="vertical" size={0} data-testid="leakage-handled-by">
        <Tag color="green">{t('已处理', 'Handled')}</Tag>
        <span className="kq-muted" style={{ fontSize: 12 }}>
          {actorWords(t, a.handled_by, a.handled_by ? names[a.handled_by] : null)} · {zonedTime(a.handled_at, tz)}
        </span>
      </Space>
    ) : canHandle ? (
      <Popconfirm title={t('标记为已处理？', 'Mark handled?')} onConfirm={() => handle(a)} okText={t('已处理', 'Handled')}>
        <Button size="small" icon={<CheckOutlined />} data-testid="leakage-handle">
          {t('标记已处理', 'Mark handled')}
        </Button>
      </Popconfirm>
    ) : (
      <Tag>{t('未处理', 'Open')}</Tag>
    );
  // the cells, shared by the wide table and a phone's one stacked column
  const card = (a: LeakageAlert) => <Named id={a.card_id} name={names[a.card_id] ?? (a.template_id ? names[a.template_id] : null)} />;
  const columns: DataColumn<LeakageAlert>[] = [
    { title: t('时间', 'When'), dataIndex: 'created_at', render: (v: string) => zonedTime(v, tz) },
    {
      title: t('卡券', 'Card'),
      key: 'card',
      // the card's name is its template's and its code's tail (满50减10 代金券 •••• 8K2Q)
      render: (_, a) => card(a),
    },
    {
      title: t('渠道', 'Channel'),
      key: 'channel',
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Named id={a.channel_id} name={names[a.channel_id]} />
          <span className="kq-muted" style={{ fontSize: 12 }}>
            {pathNames(a)}
          </span>
        </Space>
      ),
    },
    {
      title: t('在哪里', 'Where'),
      key: 'where',
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Tag>{name('leakageKind', a.kind)}</Tag>
          {a.store_id ? <Named id={a.store_id} name={names[a.store_id]} /> : a.member_id ? <Named id={a.member_id} name={names[a.member_id]} /> : null}
        </Space>
      ),
    },
    { title: t('原因', 'Why'), key: 'why', render: (_, a) => why(a) },
    {
      title: t('处理', 'Handled'),
      key: 'handled',
      render: (_, a) => handledCell(a),
    },
  ];
  const stacked = (a: LeakageAlert) => (
    <Space direction="vertical" size={4} style={{ whiteSpace: 'normal' }}>
      <span className="kq-muted" style={{ fontSize: 12 }}>
        {zonedTime(a.created_at, tz)} · {name('leakageKind', a.kind)}
        {a.store_id ? ` · ${names[a.store_id] ?? ''}` : a.member_id ? ` · ${names[a.member_id] ?? ''}` : ''}
      </span>
      {card(a)}
      <span>
        {names[a.channel_id]}{' '}
        <span className="kq-muted" style={{ fontSize: 12 }}>
          {pathNames(a)}
        </span>
      </span>
      {why(a)}
      {handledCell(a)}
    </Space>
  );

  return (
    <div data-testid="leakage">
      {!compact && <PageTitle title={t('窜货预警', 'Leakage alerts')} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '卡券在其渠道的区域或门店标签之外被核销（或被区域外的会员绑定）时记录在这里。是否预警或拒绝核销，由卡券模板的「窜货规则」决定。',
          'Cards used outside their channel’s regions or store tags (or bound by a member outside its regions). The template’s leakage rule decides whether to alert or refuse.',
        )}
      </Typography.Paragraph>
      <DataTable<LeakageAlert>
        fetch={fetch}
        rowKey="id"
        filters={filters}
        reloadKey={reload}
        testId="leakage-table"
        extra={
          <Space wrap>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('全部渠道（含下级）', 'All channels')}
              style={{ width: 180 }}
              value={channelId}
              onChange={setChannelId}
              options={channels.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="leakage-channel"
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('全部模板', 'All templates')}
              style={{ width: 170 }}
              value={templateId}
              onChange={setTemplateId}
              options={templates.map((x) => ({ value: x.id, label: x.name }))}
            />
            {stores.length > 0 && (
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('全部门店', 'All stores')}
                style={{ width: 160 }}
                value={storeId}
                onChange={setStoreId}
                options={stores.map((x) => ({ value: x.id, label: x.name }))}
              />
            )}
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} />
            <Select<Handled>
              value={handled}
              onChange={setHandled}
              style={{ width: 110 }}
              options={[
                { value: 'all', label: t('全部', 'All') },
                { value: 'open', label: t('未处理', 'Open') },
                { value: 'handled', label: t('已处理', 'Handled') },
              ]}
              data-testid="leakage-handled"
            />
          </Space>
        }
        columns={narrow ? [{ title: t('预警', 'Alert'), key: 'all', render: (_: unknown, a: LeakageAlert) => stacked(a) }] : columns}
      />
    </div>
  );
}
