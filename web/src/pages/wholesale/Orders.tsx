import { useCallback, useEffect, useState } from 'react';
import { Button, Form, InputNumber, Modal, Progress, Select, Space, Table, Tag, Typography, message } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { OrderState, OrderSummary } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useName, useT } from '../../i18n';
import { money, time, yuanToFen } from '../../format';
import type { WholesaleData } from './Wholesale';
import { Refusal } from './Refusal';
import { OrderDrawer } from './OrderDrawer';

export const STATE_COLOR: Record<OrderState, string> = {
  draft: 'default',
  confirmed: 'blue',
  paid: 'gold',
  fulfilled: 'green',
  delivered: 'cyan',
  cancelled: 'default',
  refunded: 'purple',
};
const STATES: OrderState[] = ['draft', 'confirmed', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded'];

/** 批发订单: the orders newest first, by state; a row opens the order (its drawer); 新建订单 picks a buyer and lines. */
export function Orders({ data }: { data: WholesaleData }) {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const canManage = me.can.includes('wholesale.manage');
  const [rows, setRows] = useState<OrderSummary[]>([]);
  const [state, setState] = useState<OrderState>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    api
      .orders(state ? { state } : {})
      .then((r) => setRows(r.data))
      .catch(report);
  }, [api, state]);
  useEffect(load, [load]);
  const buyerName = (id: string) => data.buyers.find((b) => b.id === id)?.name ?? id;

  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const o = await api.createOrder({
        buyer_id: v.buyer_id,
        lines: v.lines.map((l: { template_id: string; quantity: number; unit_price?: number | null }) => ({
          template_id: l.template_id,
          quantity: l.quantity,
          ...(l.unit_price == null ? {} : { unit_price: yuanToFen(l.unit_price) }),
        })),
      });
      message.success(
        t(`已创建订单：${buyerName(o.buyer_id)}，${o.units} 张，${money(o.total, cur)}`, `Order created: ${o.units} codes, ${money(o.total, cur)}`),
      );
      setCreating(false);
      load();
      setOpenId(o.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('全部状态', 'All states')}
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={STATES.map((s) => ({ value: s, label: name('orderState', s) }))}
          data-testid="order-state-filter"
        />
        {canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setError(null);
              form.resetFields();
              form.setFieldsValue({ lines: [{ quantity: 10 }] });
              setCreating(true);
            }}
            data-testid="order-new"
          >
            {t('新建批发订单', 'New order')}
          </Button>
        )}
      </Space>
      <Table<OrderSummary>
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        data-testid="orders-table"
        columns={[
          { title: t('企业客户', 'Buyer'), dataIndex: 'buyer_id', render: (id: string) => <b>{buyerName(id)}</b> },
          {
            title: t('状态', 'State'),
            dataIndex: 'state',
            render: (s: OrderState, r) => (
              <Space size={4}>
                <Tag color={STATE_COLOR[s]}>{name('orderState', s)}</Tag>
                {r.flagged && <Tag color="orange">{t('低于限价', 'Below floor')}</Tag>}
              </Space>
            ),
          },
          { title: t('金额', 'Total'), dataIndex: 'total', align: 'right', render: (v: number) => money(v, cur) },
          {
            title: t('履约', 'Fulfilled'),
            key: 'units',
            render: (_, r) => (
              <Space>
                <Progress
                  percent={r.units ? Math.floor((r.fulfilled_units / r.units) * 100) : 0}
                  size="small"
                  style={{ width: 80, margin: 0 }}
                  showInfo={false}
                />
                <Typography.Text>{`${r.fulfilled_units.toLocaleString()} / ${r.units.toLocaleString()}`}</Typography.Text>
              </Space>
            ),
          },
          { title: t('付款方式', 'Payment'), dataIndex: 'payment_method', render: (v: string | null) => (v ? name('payment', v) : '—') },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', render: time },
        ]}
      />
      <OrderDrawer
        id={openId}
        data={data}
        onClose={() => setOpenId(null)}
        onChanged={() => {
          load();
          data.reloadBuyers();
        }}
      />
      <Modal
        open={creating}
        title={t('新建批发订单', 'New wholesale order')}
        onCancel={() => setCreating(false)}
        onOk={create}
        okText={t('创建订单', 'Create')}
        okButtonProps={{ loading: busy, 'data-testid': 'order-create' }}
        width={640}
        destroyOnHidden
      >
        <Refusal error={error} />
        <Form form={form} layout="vertical" data-testid="order-form">
          <Form.Item name="buyer_id" label={t('企业客户', 'Buyer')} rules={[{ required: true, message: t('请选择企业客户', 'Buyer required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={data.buyers.map((b) => ({ value: b.id, label: `${b.name}（${b.price_level}）` }))}
              data-testid="order-buyer"
            />
          </Form.Item>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start" style={{ display: 'flex' }} data-testid="order-line">
                    <Form.Item name={[f.name, 'template_id']} label={t('卡券模板', 'Template')} rules={[{ required: true, message: t('请选择', 'Required') }]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 220 }}
                        options={data.templates.map((x) => ({ value: x.id, label: x.name }))}
                        data-testid="order-line-template"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quantity']} label={t('数量', 'Quantity')} rules={[{ required: true, message: t('请填写', 'Required') }]}>
                      <InputNumber min={1} max={1_000_000} precision={0} data-testid="order-line-quantity" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit_price']} label={t('单价（元，不填按价格表）', 'Unit price (yuan; empty: list)')}>
                      <InputNumber min={0} precision={2} prefix="¥" data-testid="order-line-price" />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(f.name)} aria-label={t('删除此行', 'Remove')} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 10 })} block>
                  {t('添加一行', 'Add a line')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </div>
  );
}
