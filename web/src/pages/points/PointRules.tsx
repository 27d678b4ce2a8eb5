import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { PointRule, PointRuleInput, PointsSettings } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { time } from '../../format';
import { PageTitle } from '../../components/PageTitle';
import { PointsSettingsCard } from './PointsSettingsCard';

type Expiry = PointRule['expiry'];
const EXPIRY_WORDS: Record<Expiry['type'], [string, string]> = {
  none: ['永不过期', 'Never'],
  days: ['获得后 N 天', 'N days after'],
  date: ['固定日期', 'On a date'],
  month_end: ['当月月底', 'End of the month'],
  quarter_end: ['当季季末', 'End of the quarter'],
  year_end: ['当年年底', 'End of the year'],
};
const PERIOD_WORDS = { day: ['每天', 'a day'], week: ['每周', 'a week'], month: ['每月', 'a month'] } as const;
const ACTIVITY_TYPES = ['signed_in', 'shared', 'reviewed', 'birthday', 'registered'];

/**
 * 积分规则: the earning rules (per ¥ paid with sku/category multipliers, or per custom event; caps per
 * member per day/week/month; expiry on the tenant's calendar; a pending period) and the tenant's points
 * settings (a refund of points already spent). Editing needs `points.manage`.
 */
export function PointRules() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('points.manage');
  const [rules, setRules] = useState<PointRule[]>([]);
  const [settings, setSettings] = useState<PointsSettings | null>(null);
  const [editing, setEditing] = useState<PointRule | 'new' | null>(null);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const expiryType = Form.useWatch(['expiry', 'type'], form);
  const load = useCallback(() => {
    api.pointRules().then((r) => setRules(r.data), report);
    api.pointsSettings().then(setSettings, report);
  }, [api]);
  useEffect(load, [load]);

  const open = (r: PointRule | 'new') => {
    form.resetFields();
    form.setFieldsValue(
      r === 'new'
        ? { kind: 'order', asset: 'points', points: 1, yuan: 1, expiry: { type: 'none' }, pending_days: 0, active: true }
        : { ...r, yuan: r.per_fen ? r.per_fen / 100 : 1, active: r.status === 'active', multipliers: r.multipliers },
    );
    setEditing(r);
  };
  const save = async () => {
    const v = await form.validateFields();
    const capped = !!v.cap_period;
    const body: PointRuleInput = {
      kind: v.kind,
      name: v.name,
      asset: v.asset,
      points: v.points,
      per_fen: v.kind === 'order' ? Math.round(v.yuan * 100) : null,
      min_amount: v.kind === 'order' ? Math.round((v.min_yuan ?? 0) * 100) : 0,
      multipliers: v.kind === 'order' ? (v.multipliers ?? []).filter((m: any) => m && (m.sku || m.category)) : [],
      activity_type: v.kind === 'activity' ? v.activity_type : null,
      cap_period: capped ? v.cap_period : null,
      cap_times: capped ? (v.cap_times ?? null) : null,
      cap_amount: capped ? (v.cap_amount ?? null) : null,
      expiry: v.expiry,
      pending_days: v.pending_days ?? 0,
      status: v.active ? 'active' : 'paused',
    };
    try {
      if (editing === 'new') await api.createPointRule(body);
      else if (editing) {
        const { kind: _k, ...patch } = body;
        await api.updatePointRule(editing.id, patch);
      }
      message.success(t('已保存积分规则', 'Earning rule saved'));
      setEditing(null);
      load();
    } catch (e) {
      report(e);
    }
  };
  const saveSettings = async (refund_shortfall: PointsSettings['refund_shortfall']) => {
    try {
      setSettings(await api.setPointsSettings({ refund_shortfall }));
      message.success(t('已保存积分设置', 'Points settings saved'));
    } catch (e) {
      report(e);
    }
  };
  const expiryText = (e: Expiry) => {
    const [zh, en] = EXPIRY_WORDS[e.type];
    if (e.type === 'days') return t(`获得后 ${e.days} 天`, `${e.days} days after`);
    if (e.type === 'date') return t(`${e.date} 到期`, `On ${e.date}`);
    return t(zh, en);
  };
  const earnText = (r: PointRule) =>
    r.kind === 'order'
      ? t(`每消费 ¥${(r.per_fen ?? 0) / 100} 得 ${r.points}`, `${r.points} per ¥${(r.per_fen ?? 0) / 100}`)
      : t(`每次「${r.activity_type}」得 ${r.points}`, `${r.points} per “${r.activity_type}”`);
  const capText = (r: PointRule) => {
    if (!r.cap_period) return t('不限', 'None');
    const [zh, en] = PERIOD_WORDS[r.cap_period];
    const parts = [
      r.cap_times ? t(`${r.cap_times} 次`, `${r.cap_times} times`) : null,
      r.cap_amount ? t(`${r.cap_amount} 分`, `${r.cap_amount} points`) : null,
    ];
    return `${t(zh, en)} ${parts.filter(Boolean).join(' / ')}`;
  };
  return (
    <div>
      <PageTitle
        title={t('积分规则', 'Earning rules')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="new-point-rule">
              {t('新建规则', 'New rule')}
            </Button>
          )
        }
      />
      <Table<PointRule>
        rowKey="id"
        dataSource={rules}
        pagination={false}
        data-testid="point-rules-table"
        columns={[
          { title: t('规则', 'Rule'), dataIndex: 'name', render: (v: string) => <b>{v}</b> },
          {
            title: t('类型', 'Kind'),
            key: 'kind',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Tag>{r.kind === 'order' ? t('消费', 'Order') : t('行为', 'Activity')}</Tag>
                <Tag color={r.asset === 'growth' ? 'purple' : 'gold'}>{r.asset === 'growth' ? t('成长值', 'Growth') : t('积分', 'Points')}</Tag>
              </Space>
            ),
          },
          { title: t('获得', 'Earns'), key: 'earn', render: (_: unknown, r) => earnText(r) },
          { title: t('上限', 'Cap'), key: 'cap', render: (_: unknown, r) => capText(r) },
          { title: t('有效期', 'Expiry'), key: 'expiry', render: (_: unknown, r) => expiryText(r.expiry) },
          { title: t('待生效', 'Pending'), dataIndex: 'pending_days', render: (d: number) => (d ? t(`${d} 天`, `${d} days`) : '—') },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: string) => (s === 'active' ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('已暂停', 'Paused')}</Tag>),
          },
          { title: t('更新时间', 'Updated'), dataIndex: 'updated_at', render: time },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r: PointRule) => (
                    <Button size="small" onClick={() => open(r)}>
                      {t('编辑', 'Edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PointsSettingsCard settings={settings} canManage={canManage} onChange={saveSettings} />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('新建积分规则', 'New earning rule') : t('编辑积分规则', 'Edit earning rule')}
        onCancel={() => setEditing(null)}
        onOk={save}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t('类型', 'Kind')}>
              <Radio.Group disabled={editing !== 'new'}>
                <Radio.Button value="order">{t('按消费', 'Per order')}</Radio.Button>
                <Radio.Button value="activity">{t('按行为', 'Per activity')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="asset" label={t('发放', 'Gives')}>
              <Radio.Group>
                <Radio.Button value="points">{t('积分', 'Points')}</Radio.Button>
                <Radio.Button value="growth">{t('成长值', 'Growth')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
          </Space>
          {kind === 'activity' ? (
            <Form.Item name="activity_type" label={t('行为', 'Activity')} rules={[{ required: true }]}>
              <Select options={ACTIVITY_TYPES.map((a) => ({ value: a, label: a }))} showSearch allowClear />
            </Form.Item>
          ) : (
            <Space wrap>
              <Form.Item name="yuan" label={t('每消费（元）', 'Per (¥)')} rules={[{ required: true }]}>
                <InputNumber min={0.01} step={1} precision={2} />
              </Form.Item>
              <Form.Item name="min_yuan" label={t('起算金额（元）', 'Minimum order (¥)')}>
                <InputNumber min={0} precision={2} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="points" label={kind === 'activity' ? t('每次获得', 'Earns each time') : t('获得', 'Earns')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          {kind !== 'activity' && (
            <Form.List name="multipliers">
              {(fields, { add, remove }) => (
                <Form.Item label={t('商品/品类倍数', 'Product or category multipliers')}>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'category']}>
                        <Input placeholder={t('品类', 'Category')} maxLength={64} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'sku']}>
                        <Input placeholder="SKU" maxLength={64} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'multiplier']} rules={[{ required: true }]}>
                        <InputNumber min={0} max={100} step={0.5} placeholder="×" />
                      </Form.Item>
                      <Button size="small" onClick={() => remove(f.name)}>
                        {t('删除', 'Remove')}
                      </Button>
                    </Space>
                  ))}
                  <Button size="small" onClick={() => add({ multiplier: 2 })}>
                    {t('添加倍数', 'Add a multiplier')}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
          )}
          <Space wrap>
            <Form.Item name="cap_period" label={t('每人上限', 'Cap per member')}>
              <Select
                allowClear
                style={{ width: 120 }}
                placeholder={t('不限', 'None')}
                options={(['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(PERIOD_WORDS[p][0], PERIOD_WORDS[p][1]) }))}
              />
            </Form.Item>
            <Form.Item name="cap_times" label={t('次数', 'Times')}>
              <InputNumber min={1} precision={0} />
            </Form.Item>
            <Form.Item name="cap_amount" label={t('数量', 'Amount')}>
              <InputNumber min={1} precision={0} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name={['expiry', 'type']} label={t('有效期', 'Expiry')}>
              <Select
                style={{ width: 160 }}
                options={(Object.keys(EXPIRY_WORDS) as Expiry['type'][]).map((k) => ({ value: k, label: t(EXPIRY_WORDS[k][0], EXPIRY_WORDS[k][1]) }))}
              />
            </Form.Item>
            {expiryType === 'days' && (
              <Form.Item name={['expiry', 'days']} label={t('天数', 'Days')} rules={[{ required: true }]}>
                <InputNumber min={1} max={3650} precision={0} />
              </Form.Item>
            )}
            {expiryType === 'date' && (
              <Form.Item name={['expiry', 'date']} label={t('到期日', 'Date')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
                <Input placeholder="2026-12-31" />
              </Form.Item>
            )}
            <Form.Item name="pending_days" label={t('待生效天数（退货期）', 'Pending days (return window)')}>
              <InputNumber min={0} max={365} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="active" label={t('启用', 'Active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
