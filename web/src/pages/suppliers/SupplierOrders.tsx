import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Spin, Table, Tag, Typography, message } from 'antd';
import { MobileOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { Batch, Supplier, SupplierOrder, SupplierSku } from '../../api/types';
import { useT } from '../../i18n';
import { money, num, time } from '../../format';
import { useConsole } from '../../apps/Console';
import { ProblemMessage } from '../../problems';

type T = (zh: string, en: string) => string;
const orderState = (t: T, s: SupplierOrder['state']) =>
  ({ working: t('进行中', 'Working'), succeeded: t('成功', 'Succeeded'), failed: t('失败', 'Failed') })[s];
const ORDER_COLORS = { working: 'blue', succeeded: 'green', failed: 'red' } as const;
type Attempt = NonNullable<SupplierOrder['attempts']>[number];
const attemptState = (t: T, s: Attempt['state']) =>
  ({ pending: t('处理中', 'Pending'), succeeded: t('成功', 'Succeeded'), failed: t('失败', 'Failed'), unknown: t('结果未知，查询中', 'Unknown, asking') })[s];
const ATTEMPT_COLORS = { pending: 'blue', succeeded: 'green', failed: 'red', unknown: 'orange' } as const;

/**
 * 采购订单: orders to suppliers, newest first — what (SKU, quantity into which batch, or the account
 * topped up), state, codes received and imported; a row unfolds every attempt (which supplier, our
 * outbound order number, its state in words, the supplier's order id, error). 采购卡密 buys N codes
 * into an imported batch; 直充 tops up an account. While one is working the list refreshes itself.
 */
export function SupplierOrders({ suppliers, skus }: { suppliers: Supplier[]; skus: SupplierSku[] }) {
  const t = useT();
  const { api, me } = useConsole();
  const canOrder = me.can.includes('suppliers.order');
  const [orders, setOrders] = useState<SupplierOrder[] | null>(null);
  const [details, setDetails] = useState<Record<string, SupplierOrder>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const [kind, setKind] = useState<'card' | 'direct' | null>(null);
  const [batches, setBatches] = useState<Batch[]>([]);
  const load = useCallback(async () => {
    try {
      const r = await api.supplierOrders();
      setOrders(r.data);
      const open = await Promise.all(expanded.map((id) => api.supplierOrder(id)));
      setDetails((d) => ({ ...d, ...Object.fromEntries(open.map((o) => [o.id, o])) }));
    } catch (e) {
      report(e);
    }
  }, [api, expanded]);
  useEffect(() => {
    load();
  }, [load]);
  useEffect(() => {
    api
      .batches({ limit: 100 })
      .then((r) => setBatches(r.data))
      .catch(() => {});
  }, [api]);
  const working = orders?.some((o) => o.state === 'working');
  useEffect(() => {
    if (!working) return;
    const h = setInterval(load, 2000);
    return () => clearInterval(h);
  }, [working, load]);
  const supplierName = (id: string) => suppliers.find((s) => s.id === id)?.name ?? '—';
  const batchName = (id: string | null) => (id ? (batches.find((b) => b.id === id)?.name ?? '—') : null);

  return (
    <div>
      {canOrder && (
        <div className="kq-toolbar">
          <Space wrap>
            <Button type="primary" icon={<ShoppingCartOutlined />} onClick={() => setKind('card')} data-testid="supplier-buy">
              {t('采购卡密', 'Buy codes')}
            </Button>
            <Button icon={<MobileOutlined />} onClick={() => setKind('direct')} data-testid="supplier-topup">
              {t('直充', 'Top up')}
            </Button>
          </Space>
        </div>
      )}
      <Table<SupplierOrder>
        rowKey="id"
        size="small"
        loading={!orders}
        dataSource={orders ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="supplier-orders"
        locale={{ emptyText: t('还没有采购订单', 'No supplier orders yet') }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandedRowRender: (o) => {
            const d = details[o.id];
            if (!d) return <Spin size="small" />;
            return (
              <Table<Attempt>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.attempts ?? []}
                data-testid="supplier-attempts"
                columns={[
                  { title: t('第几次', '#'), dataIndex: 'attempt' },
                  { title: t('供应商', 'Supplier'), dataIndex: 'supplier_id', render: supplierName },
                  { title: t('我方单号', 'Our order no.'), dataIndex: 'outbound_no', render: (v: string) => <span className="kq-mono">{v}</span> },
                  {
                    title: t('状态', 'State'),
                    dataIndex: 'state',
                    render: (s: Attempt['state'], a) => (
                      <Space size={4}>
                        <Tag color={ATTEMPT_COLORS[s]}>{attemptState(t, s)}</Tag>
                        {a.late_success && <Tag color="volcano">{t('失败后又报成功，请与供应商核对', 'Late success: check with the supplier')}</Tag>}
                      </Space>
                    ),
                  },
                  { title: t('供应商单号', 'Their order'), dataIndex: 'supplier_order_id', render: (v: string | null) => v ?? '—' },
                  { title: t('卡密', 'Codes'), dataIndex: 'codes_count', align: 'right', render: num },
                  { title: t('成本', 'Cost'), dataIndex: 'cost_fen', align: 'right', render: (f: number) => money(f) },
                  { title: t('查询次数', 'Checks'), dataIndex: 'checks', align: 'right' },
                  { title: t('错误', 'Error'), dataIndex: 'error', render: (v: string | null) => v ?? '—' },
                  { title: t('发出时间', 'Sent'), dataIndex: 'sent_at', render: time },
                ]}
              />
            );
          },
          onExpand: (open, o) => {
            if (open)
              api
                .supplierOrder(o.id)
                .then((d) => setDetails((x) => ({ ...x, [o.id]: d })))
                .catch(report);
          },
        }}
        columns={[
          { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: SupplierOrder['kind']) => (k === 'card' ? t('采购卡密', 'Codes') : t('直充', 'Top-up')) },
          { title: 'SKU', dataIndex: 'sku' },
          {
            title: t('内容', 'What'),
            key: 'what',
            render: (_: unknown, o) =>
              o.kind === 'card'
                ? t(`${num(o.quantity)} 个，入库到「${batchName(o.batch_id)}」`, `${num(o.quantity)} into "${batchName(o.batch_id)}"`)
                : t(`充值账号 ${o.account}`, `Account ${o.account}`),
          },
          {
            title: t('状态', 'State'),
            dataIndex: 'state',
            render: (s: SupplierOrder['state'], o) => (
              <Space direction="vertical" size={0}>
                <Tag color={ORDER_COLORS[s]} data-testid={`supplier-order-state-${o.id}`}>
                  {orderState(t, s)}
                </Tag>
                {o.reason && (
                  <span className="kq-muted" style={{ fontSize: 12 }}>
                    {o.reason}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: t('已入库', 'Imported'),
            key: 'imported',
            align: 'right',
            render: (_: unknown, o) => (o.kind === 'card' ? `${num(o.codes_imported)} / ${num(o.codes_received)}` : '—'),
          },
        ]}
      />
      <OrderDialog kind={kind} skus={skus} batches={batches} onClose={() => setKind(null)} onDone={load} />
    </div>
  );
}

/** 采购卡密 (kind card: SKU, quantity, the imported batch they go into) or 直充 (kind direct: SKU, account). */
function OrderDialog(props: { kind: 'card' | 'direct' | null; skus: SupplierSku[]; batches: Batch[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const kind = props.kind;
  useEffect(() => {
    if (!kind) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ quantity: 10 });
  }, [kind]);
  const ours = [...new Set(props.skus.filter((s) => s.kind === kind && s.status === 'active').map((s) => s.sku))];
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.createSupplierOrder(
        kind === 'card' ? { kind: 'card', sku: v.sku, quantity: v.quantity, batch_id: v.batch_id } : { kind: 'direct', sku: v.sku, account: v.account.trim() },
      );
      message.success(t('已下单，正在向供应商采购', 'Ordered: buying from the supplier'));
      props.onDone();
      props.onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!kind}
      title={kind === 'card' ? t('采购卡密入库', 'Buy codes into stock') : t('直充', 'Top up an account')}
      onCancel={props.onClose}
      onOk={save}
      confirmLoading={busy}
      okText={t('下单', 'Order')}
      okButtonProps={{ 'data-testid': 'supplier-order-save' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="supplier-order-form">
        <Form.Item name="sku" label="SKU" rules={[{ required: true, message: t('请选择 SKU', 'Choose a SKU') }]}>
          <Select options={ours.map((s) => ({ value: s, label: s }))} data-testid="supplier-order-sku" />
        </Form.Item>
        {kind === 'card' ? (
          <>
            <Form.Item name="quantity" label={t('数量', 'Quantity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} precision={0} data-testid="supplier-order-quantity" />
            </Form.Item>
            <Form.Item
              name="batch_id"
              label={t('入库到批次（导入型批次）', 'Into batch (an imported batch)')}
              rules={[{ required: true, message: t('请选择批次', 'Choose a batch') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={props.batches.filter((b) => b.mode === 'imported').map((b) => ({ value: b.id, label: b.name }))}
                data-testid="supplier-order-batch"
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="account"
            label={t('充值账号（手机号或会员账号）', 'Account (phone or member account)')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} inputMode="tel" data-testid="supplier-order-account" />
          </Form.Item>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t(
            '按优先级向供应商下单；只有供应商明确失败才会换下一家，结果未知时会持续查询，不会重复下单。',
            'Ordered from the suppliers by priority; only a confirmed failure moves to the next; an unknown result is queried, never ordered twice.',
          )}
        </Typography.Paragraph>
        {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} data-testid="supplier-order-error" />}
      </Form>
    </Modal>
  );
}
