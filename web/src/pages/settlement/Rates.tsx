import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Radio, Table, Typography, message } from 'antd';
import { report } from '../../api';
import type { SettlementRate } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { time } from '../../format';
import { Refusal } from '../wholesale/Refusal';

type Row = { price_level: string; rate?: SettlementRate };

/**
 * 佣金比例: one commission rate per price level (GET/PUT /v1/settlement-rates): basis points shown as a percent,
 * on the period's net sales or net redeemed value. Every level the price lists or channels use is listed; a level
 * without a rate earns none. Editing needs `settlement.manage`; a statement keeps the rate it was computed with.
 */
export function Rates() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('settlement.manage');
  const [rows, setRows] = useState<Row[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    Promise.all([
      api.settlementRates(),
      api.prices().catch(() => ({ data: [] as { price_level: string }[] })),
      api.channels().catch(() => ({ data: [] as { price_level: string | null }[] })),
    ])
      .then(([r, p, c]) => {
        const levels = new Set<string>([...r.data.map((x) => x.price_level), ...p.data.map((x) => x.price_level)]);
        for (const ch of c.data) if (ch.price_level) levels.add(ch.price_level);
        setRows([...levels].sort().map((l) => ({ price_level: l, rate: r.data.find((x) => x.price_level === l) })));
      })
      .catch(report);
  }, [api]);
  useEffect(load, [load]);

  const open = (level: string | null, rate?: SettlementRate) => {
    form.resetFields();
    form.setFieldsValue({ price_level: level ?? '', pct: rate ? rate.rate_bp / 100 : 0, basis: rate?.basis ?? 'sales' });
    setError(null);
    setEditing(level ?? '');
  };
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const r = await api.setSettlementRate(v.price_level.trim(), { rate_bp: Math.round(v.pct * 100), basis: v.basis });
      message.success(t(`已保存：${r.price_level} 佣金 ${(r.rate_bp / 100).toFixed(2)}%`, `Saved: ${r.price_level} ${(r.rate_bp / 100).toFixed(2)}%`));
      setEditing(null);
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="rates">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '每个价格等级一个佣金比例，按期间的净销售额或净核销金额计算（含调整），从渠道的应结金额中扣除。未设置的等级没有佣金。已生成的草稿需重新计算才会用新比例；已结算的对账单不变。',
          'One rate per price level, on net sales or net redeemed value (adjustments included), taken off what a channel owes. A level without a rate earns none. Drafts take a new rate when recomputed; closed statements keep theirs.',
        )}
      </Typography.Paragraph>
      {canManage && (
        <Button style={{ marginBottom: 12 }} onClick={() => open(null)} data-testid="rate-new">
          {t('设置其他等级', 'Another level')}
        </Button>
      )}
      <Table<Row>
        rowKey="price_level"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid="rates-table"
        columns={[
          { title: t('价格等级', 'Price level'), dataIndex: 'price_level' },
          {
            title: t('佣金比例', 'Rate'),
            key: 'rate',
            align: 'right',
            render: (_, r) => (r.rate ? `${(r.rate.rate_bp / 100).toFixed(2)}%` : <span className="kq-muted">{t('未设置（无佣金）', 'None')}</span>),
          },
          {
            title: t('计算基数', 'Basis'),
            key: 'basis',
            render: (_, r) => (r.rate ? (r.rate.basis === 'sales' ? t('净销售额', 'Net sales') : t('净核销金额', 'Net redeemed')) : '—'),
          },
          { title: t('更新时间', 'Updated'), key: 'at', render: (_, r) => (r.rate ? time(r.rate.updated_at) : '—') },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, r: Row) => (
                    <Button size="small" onClick={() => open(r.price_level, r.rate)} data-testid={`rate-edit-${r.price_level}`}>
                      {t('设置', 'Set')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('佣金比例', 'Commission rate')}
        onCancel={() => setEditing(null)}
        onOk={save}
        okButtonProps={{ loading: busy, 'data-testid': 'rate-save' }}
        destroyOnHidden
      >
        <Refusal error={error} testId="rate-error" />
        <Form form={form} layout="vertical" data-testid="rate-form">
          <Form.Item
            name="price_level"
            label={t('价格等级', 'Price level')}
            rules={[{ required: true, whitespace: true, message: t('请填写价格等级', 'Required') }]}
          >
            <Input maxLength={64} disabled={!!editing} />
          </Form.Item>
          <Form.Item name="pct" label={t('佣金比例（%）', 'Rate (%)')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} step={0.5} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="basis" label={t('计算基数', 'On')}>
            <Radio.Group
              options={[
                { value: 'sales', label: t('净销售额', 'Net sales') },
                { value: 'redeemed', label: t('净核销金额', 'Net redeemed value') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
