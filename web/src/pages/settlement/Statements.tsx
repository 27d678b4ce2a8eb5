import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Form, Grid, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { report, type Client } from '../../api';
import type { Me, Statement, StatementQuery } from '../../api/types';
import { useT } from '../../i18n';
import { money } from '../../format';
import { Refusal } from '../wholesale/Refusal';
import { StatementDrawer } from './StatementDrawer';
import { periodWords, StateTag } from './period';

dayjs.extend(utc);
dayjs.extend(timezone);
type Party = { id: string; name: string; type: 'channel' | 'buyer' };

/**
 * 对账单 list: each statement by party name (渠道 or 企业客户), period in the tenant's days, state, 有无价格行,
 * and its totals — a channel's net sales, commission and due, a buyer's net paid and its prepaid balance at both
 * ends; filters by party type, party and state; a row opens the statement. 生成对账单 (staff with
 * `settlement.manage`) computes a party's draft for a period (the same period again recomputes it). The
 * partner portal (`partner`) lists its subtree's channel statements, read only.
 */
export function Statements({ api, me, partner }: { api: Client; me: Me; partner?: boolean }) {
  const t = useT();
  const tz = me.tenant.time_zone;
  const cur = me.tenant.currency;
  const canManage = !partner && me.can.includes('settlement.manage');
  const wide = Grid.useBreakpoint().md ?? true;
  const [rows, setRows] = useState<Statement[]>([]);
  const [loading, setLoading] = useState(false);
  const [parties, setParties] = useState<Party[]>([]);
  const [q, setQ] = useState<StatementQuery>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const partyType = Form.useWatch('party_type', form);

  const load = useCallback(() => {
    setLoading(true);
    api
      .statements({ ...q, limit: 100 })
      .then((r) => setRows(r.data))
      .catch(report)
      .finally(() => setLoading(false));
  }, [api, q]);
  useEffect(load, [load]);
  useEffect(() => {
    const channels = api
      .channels()
      .then((r) => r.data.map((c): Party => ({ id: c.id, name: c.name, type: 'channel' })))
      .catch(() => [] as Party[]);
    const buyers =
      partner || !me.can.includes('wholesale.read')
        ? Promise.resolve([] as Party[])
        : api
            .buyers()
            .then((r) => r.data.map((b): Party => ({ id: b.id, name: b.name, type: 'buyer' })))
            .catch(() => [] as Party[]);
    Promise.all([channels, buyers]).then(([c, b]) => setParties([...c, ...b]));
  }, [api, partner, me]);

  const today = dayjs(dayjs().tz(tz).format('YYYY-MM-DD'));
  const yesterday = today.subtract(1, 'day');
  const lastMonth = today.subtract(1, 'month');
  const generate = async () => {
    const v = await form.validateFields();
    const [a, b] = v.period as [Dayjs, Dayjs];
    setBusy(true);
    setError(null);
    try {
      const s = await api.computeStatement({
        party_type: v.party_type,
        party_id: v.party_id,
        from: a.format('YYYY-MM-DD'),
        to: b.add(1, 'day').format('YYYY-MM-DD'),
      });
      message.success(t(`已生成对账单：${s.party_name}，${periodWords(s, tz, t)}`, `Statement computed: ${s.party_name}`));
      setCreating(false);
      load();
      setOpenId(s.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const shown = parties.filter((p) => !q.party_type || p.type === q.party_type);
  const figure = (s: Statement) =>
    s.party_type === 'channel' ? (
      <Space direction="vertical" size={0}>
        <span>
          {t('净销售额', 'Net sales')} {money(s.totals.sales_net, cur)}
        </span>
        <span className="kq-muted" style={{ fontSize: 12 }}>
          {t('佣金', 'Commission')} {money(s.totals.commission, cur)}
        </span>
        <b>
          {t('应结', 'Due')} {money(s.totals.due, cur)}
        </b>
      </Space>
    ) : (
      <Space direction="vertical" size={0}>
        <span>
          {t('净付款', 'Net paid')} {money(s.totals.paid_net, cur)}
        </span>
        <span className="kq-muted" style={{ fontSize: 12 }}>
          {t('预存款', 'Prepaid')} {money(s.totals.opening_balance, cur)} → {money(s.totals.closing_balance, cur)}
        </span>
      </Space>
    );

  return (
    <div data-testid="statements">
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          {!partner && (
            <Select
              allowClear
              placeholder={t('全部对象', 'Channels and buyers')}
              style={{ width: 130 }}
              value={q.party_type}
              onChange={(v) => setQ({ ...q, party_type: v, party_id: undefined })}
              options={[
                { value: 'channel', label: t('渠道', 'Channels') },
                { value: 'buyer', label: t('企业客户', 'Buyers') },
              ]}
              data-testid="statements-party-type"
            />
          )}
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={partner ? t('全部渠道', 'All channels') : t('全部渠道与客户', 'Every party')}
            style={{ width: wide ? 200 : 160 }}
            value={q.party_id}
            onChange={(v) => setQ({ ...q, party_id: v })}
            options={shown.map((p) => ({ value: p.id, label: p.name }))}
            data-testid="statements-party"
          />
          <Select
            allowClear
            placeholder={t('全部状态', 'All states')}
            style={{ width: 110 }}
            value={q.state}
            onChange={(v) => setQ({ ...q, state: v })}
            options={[
              { value: 'draft', label: t('草稿', 'Draft') },
              { value: 'closed', label: t('已结算', 'Closed') },
            ]}
            data-testid="statements-state"
          />
        </Space>
        {canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ party_type: 'channel', period: [yesterday, yesterday] });
              setError(null);
              setCreating(true);
            }}
            data-testid="statement-new"
          >
            {t('生成对账单', 'New statement')}
          </Button>
        )}
      </Space>
      <Table<Statement>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(s) => ({ onClick: () => setOpenId(s.id), style: { cursor: 'pointer' } })}
        data-testid="statements-table"
        columns={
          wide
            ? [
                {
                  title: t('对象', 'Party'),
                  key: 'party',
                  render: (_, s) => (
                    <Space direction="vertical" size={0}>
                      <b>{s.party_name}</b>
                      <span className="kq-muted" style={{ fontSize: 12 }}>
                        {s.party_type === 'channel' ? t('渠道', 'Channel') : t('企业客户', 'Buyer')}
                      </span>
                    </Space>
                  ),
                },
                { title: t('期间', 'Period'), key: 'period', render: (_, s) => periodWords(s, tz, t) },
                {
                  title: t('状态', 'State'),
                  key: 'state',
                  render: (_, s) => (
                    <Space size={4} wrap>
                      <StateTag state={s.state} />
                      {s.flagged && (
                        <Tag color="orange" icon={<WarningOutlined />} data-testid="statement-flag">
                          {t('无价格', 'No price')}
                        </Tag>
                      )}
                    </Space>
                  ),
                },
                { title: t('金额', 'Figures'), key: 'totals', render: (_, s) => figure(s) },
              ]
            : [
                // a phone: each statement one stacked cell — party and period, state, figures
                {
                  title: t('对账单', 'Statements'),
                  key: 'all',
                  render: (_, s) => (
                    <Space direction="vertical" size={2}>
                      <span>
                        <b>{s.party_name}</b> · {periodWords(s, tz, t)}
                      </span>
                      <Space size={4} wrap>
                        <StateTag state={s.state} />
                        {s.flagged && (
                          <Tag color="orange" icon={<WarningOutlined />} data-testid="statement-flag">
                            {t('无价格', 'No price')}
                          </Tag>
                        )}
                      </Space>
                      {figure(s)}
                    </Space>
                  ),
                },
              ]
        }
      />
      <StatementDrawer api={api} me={me} id={openId} canManage={canManage} onClose={() => setOpenId(null)} onChanged={load} />
      <Modal
        open={creating}
        title={t('生成对账单', 'New statement')}
        onCancel={() => setCreating(false)}
        onOk={generate}
        okText={t('生成', 'Compute')}
        okButtonProps={{ loading: busy, 'data-testid': 'statement-generate' }}
        destroyOnHidden
      >
        <Refusal error={error} testId="statement-new-error" />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t(
            `按商户时区 ${tz} 的自然日计算。同一对象同一期间再次生成会重新计算草稿；已结算的期间不能重叠。`,
            `Days in ${tz}. The same party and period again recomputes its draft; periods never overlap.`,
          )}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" data-testid="statement-form">
          <Form.Item name="party_type" label={t('对象类型', 'Party type')} rules={[{ required: true }]}>
            <Select
              onChange={() => form.setFieldValue('party_id', undefined)}
              options={[
                { value: 'channel', label: t('渠道', 'Channel') },
                { value: 'buyer', label: t('企业客户', 'Buyer') },
              ]}
            />
          </Form.Item>
          <Form.Item name="party_id" label={t('对象', 'Party')} rules={[{ required: true, message: t('请选择渠道或企业客户', 'Pick one') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={parties.filter((p) => p.type === partyType).map((p) => ({ value: p.id, label: p.name }))}
              data-testid="statement-party"
            />
          </Form.Item>
          <Form.Item name="period" label={t('期间（含首尾两天）', 'Period (both days included)')} rules={[{ required: true }]}>
            <DatePicker.RangePicker
              allowClear={false}
              style={{ width: '100%' }}
              presets={[
                { label: t('昨天', 'Yesterday'), value: [yesterday, yesterday] },
                { label: t('上月', 'Last month'), value: [lastMonth.startOf('month'), lastMonth.endOf('month').startOf('day')] },
                { label: t('本月', 'This month'), value: [today.startOf('month'), today] },
              ]}
              data-testid="statement-period"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
