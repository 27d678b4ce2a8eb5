import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Grid, Input, InputNumber, Modal, Progress, Space, Table, Tag, Typography, message } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { Order, OrderLine } from '../../api/types';
import { CreateDelivery } from '../deliveries/CreateDelivery';
import { useConsole } from '../../apps/Console';
import { useName, useT } from '../../i18n';
import { fenToYuan, money, time, yuanToFen } from '../../format';
import { CopyId } from '../../names';
import type { WholesaleData } from './Wholesale';
import { STATE_COLOR } from './Orders';
import { Refusal } from './Refusal';

type Ask = 'offline' | 'cancel' | 'refund' | 'delivered' | null;

/**
 * One wholesale order: its buyer, state and payment, its lines with their prices (a line sold below the
 * floor is marked), its fulfilment progress (fulfilled units of the total, fetched again every 1.5 s while
 * a fulfilment runs), and the next step its state allows — 确认, 预存款支付 / 记录线下付款, 履约, 取消 / 退款 with a
 * reason. A refusal (prepaid short, out of order…) is shown in the drawer in the catalogue's words.
 */
export function OrderDrawer({ id, data, onClose, onChanged }: { id: string | null; data: WholesaleData; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const canManage = me.can.includes('wholesale.manage');
  const wide = Grid.useBreakpoint().md ?? true;
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask>(null);
  const [delivering, setDelivering] = useState(false);
  const [form] = Form.useForm();

  const load = useCallback(() => {
    if (!id) return;
    api.order(id).then(setOrder).catch(report);
  }, [api, id]);
  useEffect(() => {
    setOrder(null);
    setError(null);
    load();
  }, [load]);
  // a fulfilment in progress (paid, some units issued, not all): follow it
  const running = !!order && order.state === 'paid' && order.fulfilled_units > 0 && order.fulfilled_units < order.units;
  const [following, setFollowing] = useState(false);
  useEffect(() => {
    if (!(running || (following && order?.state === 'paid'))) return;
    const h = setInterval(load, 1500);
    return () => clearInterval(h);
  }, [running, following, order?.state, load]);

  const act = async (what: string, call: () => Promise<Order>, done: (o: Order) => string) => {
    setBusy(what);
    setError(null);
    try {
      const o = await call();
      setOrder(o);
      message.success(done(o));
      onChanged();
      return true;
    } catch (e) {
      setError(e);
      load();
      return false;
    } finally {
      setBusy(null);
    }
  };
  const buyer = order ? data.buyers.find((b) => b.id === order.buyer_id) : undefined;
  const tplName = (tid: string) => data.templates.find((x) => x.id === tid)?.name ?? tid;

  const submitAsk = async () => {
    const v = await form.validateFields();
    const o = order!;
    const ok =
      ask === 'delivered'
        ? await act(
            'delivered',
            () => api.markDelivered(o.id),
            () => t('已标记为已交付', 'Marked delivered'),
          )
        : ask === 'offline'
          ? await act(
              'pay',
              () => api.payOrder(o.id, { method: 'offline', reference: v.reference, amount: yuanToFen(v.amount)! }),
              () => t('已记录线下付款', 'Payment recorded'),
            )
          : ask === 'cancel'
            ? await act(
                'cancel',
                () => api.cancelOrder(o.id, v.reason),
                () => t('订单已取消', 'Order cancelled'),
              )
            : await act(
                'refund',
                () => api.refundOrder(o.id, v.reason),
                () => t('已退款', 'Refunded'),
              );
    if (ok) setAsk(null);
  };
  const openAsk = (a: Ask) => {
    form.resetFields();
    if (a === 'offline') form.setFieldsValue({ amount: fenToYuan(order?.total) });
    setAsk(a);
  };

  const steps = (o: Order) => {
    const b = (key: string, label: string, onClick: () => void, more: object = {}) => (
      <Button key={key} loading={busy === key} onClick={onClick} data-testid={`order-${key}`} {...more}>
        {label}
      </Button>
    );
    const out = [];
    if (o.state === 'draft')
      out.push(
        b(
          'confirm',
          t('确认订单', 'Confirm'),
          () =>
            act(
              'confirm',
              () => api.confirmOrder(o.id),
              () => t('订单已确认', 'Confirmed'),
            ),
          { type: 'primary' },
        ),
      );
    if (o.state === 'confirmed') {
      out.push(
        b(
          'pay-prepaid',
          t(`预存款支付（余额 ${money(buyer?.balance, cur)}）`, `Pay from prepaid (${money(buyer?.balance, cur)})`),
          () =>
            act(
              'pay-prepaid',
              () => api.payOrder(o.id, { method: 'prepaid' }),
              () => t('已从预存款扣款', 'Paid from the prepaid balance'),
            ),
          { type: 'primary' },
        ),
      );
      out.push(b('pay-offline', t('记录线下付款', 'Record an offline payment'), () => openAsk('offline')));
    }
    if (o.state === 'paid' && o.fulfilled_units < o.units)
      out.push(
        b(
          'fulfil',
          o.fulfilled_units ? t('继续履约', 'Continue fulfilment') : t('履约（发出券码）', 'Fulfil (issue the codes)'),
          () => {
            setFollowing(true);
            act(
              'fulfil',
              () => api.fulfilOrder(o.id),
              (r) => (r.state === 'fulfilled' ? t(`已履约 ${r.units} 张`, `${r.units} codes issued`) : t('履约已开始，进度会自动刷新', 'Fulfilment started')),
            );
          },
          { type: 'primary' },
        ),
      );
    if (o.state === 'draft' || o.state === 'confirmed') out.push(b('cancel', t('取消订单', 'Cancel'), () => openAsk('cancel'), { danger: true }));
    if (o.state === 'paid' && o.fulfilled_units === 0) out.push(b('refund', t('退款', 'Refund'), () => openAsk('refund'), { danger: true }));
    // a file handed over by hand (password-protected): the operator says so; a downloaded delivery link does it by itself
    if (o.state === 'fulfilled' || o.state === 'delivered')
      out.push(b('deliver', t('安全交付', 'Deliver securely'), () => setDelivering(true), { type: 'primary' }));
    if (o.state === 'fulfilled') out.push(b('delivered', t('标记已交付', 'Mark delivered'), () => openAsk('delivered')));
    return out;
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={wide ? 760 : '100%'}
      title={order ? t(`批发订单 · ${buyer?.name ?? ''}`, `Wholesale order · ${buyer?.name ?? ''}`) : t('批发订单', 'Wholesale order')}
      destroyOnHidden
      data-testid="order-drawer"
    >
      {order && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Refusal error={error} testId="order-error" />
          <Descriptions
            size="small"
            column={wide ? 2 : 1}
            bordered
            items={[
              {
                key: 'state',
                label: t('状态', 'State'),
                children: (
                  <Space size={4} data-testid="order-state">
                    <Tag color={STATE_COLOR[order.state]}>{name('orderState', order.state)}</Tag>
                    {order.flagged && (
                      <Tag color="orange" icon={<WarningOutlined />}>
                        {t('含低于限价的行', 'Has lines below the floor')}
                      </Tag>
                    )}
                  </Space>
                ),
              },
              { key: 'buyer', label: t('企业客户', 'Buyer'), children: `${buyer?.name ?? '—'}${buyer ? `（${buyer.price_level}）` : ''}` },
              { key: 'total', label: t('金额', 'Total'), children: <b data-testid="order-total">{money(order.total, cur)}</b> },
              { key: 'created', label: t('创建时间', 'Created'), children: time(order.created_at) },
              ...(order.payment_method
                ? [
                    {
                      key: 'pay',
                      label: t('付款', 'Payment'),
                      children: `${name('payment', order.payment_method)} ${money(order.payment_amount, cur)}${order.payment_reference ? ` · ${order.payment_reference}` : ''} · ${time(order.paid_at)}`,
                    },
                  ]
                : []),
              ...(order.delivered_at ? [{ key: 'delivered', label: t('交付时间', 'Delivered'), children: time(order.delivered_at) }] : []),
              ...(order.reason ? [{ key: 'reason', label: t('原因', 'Reason'), children: order.reason }] : []),
              {
                key: 'id',
                label: t('订单号', 'Order id'),
                children: (
                  <span className="kq-named">
                    <span className="kq-mono kq-muted">{order.id.slice(-8)}</span>
                    <CopyId id={order.id} />
                  </span>
                ),
              },
            ]}
          />
          <div data-testid="order-progress">
            <Typography.Text strong>{t('履约进度', 'Fulfilment')}</Typography.Text>
            <Progress percent={order.units ? Math.floor((order.fulfilled_units / order.units) * 100) : 0} status={running ? 'active' : undefined} />
            <Typography.Text type="secondary">
              {t(
                `已履约 ${order.fulfilled_units.toLocaleString()} / ${order.units.toLocaleString()} 张${running ? '，正在履约…' : ''}`,
                `${order.fulfilled_units.toLocaleString()} of ${order.units.toLocaleString()} issued${running ? ', running…' : ''}`,
              )}
            </Typography.Text>
          </div>
          <Table<OrderLine>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={order.lines}
            scroll={{ x: 'max-content' }}
            data-testid="order-lines"
            rowClassName={(l) => (l.below_floor ? 'kq-row-warn' : '')}
            columns={[
              { title: t('卡券模板', 'Template'), dataIndex: 'template_id', render: (tid: string) => tplName(tid) },
              { title: t('数量', 'Qty'), dataIndex: 'quantity', align: 'right' },
              {
                title: t('单价', 'Unit price'),
                dataIndex: 'unit_price',
                align: 'right',
                render: (v: number, l) => (
                  <Space size={4}>
                    {money(v, cur)}
                    {l.below_floor && (
                      <Tag color="orange" data-testid="line-below-floor">
                        {t('低于限价', 'Below floor')}
                      </Tag>
                    )}
                  </Space>
                ),
              },
              { title: t('批发价', 'List'), dataIndex: 'list_price', align: 'right', render: (v: number) => money(v, cur) },
              { title: t('限价', 'Floor'), dataIndex: 'floor_price', align: 'right', render: (v: number) => money(v, cur) },
              { title: t('小计', 'Amount'), key: 'sum', align: 'right', render: (_, l) => money(l.unit_price * l.quantity, cur) },
              { title: t('已履约', 'Issued'), key: 'done', align: 'right', render: (_, l) => `${l.fulfilled} / ${l.quantity}` },
            ]}
          />
          {canManage && steps(order).length > 0 && (
            <Space wrap data-testid="order-actions">
              {steps(order)}
            </Space>
          )}
          {order.state === 'paid' && order.fulfilled_units > 0 && (
            <Alert
              type="info"
              showIcon
              title={t('已有券码发出，不能再退款；如需作废请在卡券操作中进行。', 'Codes are out: no refund; void them through card operations.')}
            />
          )}
        </Space>
      )}
      <Modal
        open={!!ask}
        title={
          ask === 'delivered'
            ? t('标记已交付', 'Mark delivered')
            : ask === 'offline'
              ? t('记录线下付款', 'Record an offline payment')
              : ask === 'cancel'
                ? t('取消订单', 'Cancel the order')
                : t('退款', 'Refund')
        }
        onCancel={() => setAsk(null)}
        onOk={submitAsk}
        okButtonProps={{ loading: !!busy, 'data-testid': 'order-ask-ok' }}
        destroyOnHidden
      >
        <Refusal error={error} />
        <Form form={form} layout="vertical">
          {ask === 'delivered' ? (
            <Typography.Paragraph data-testid="order-delivered-why">
              {t(
                '客户已拿到这批券码时标记。用于线下交付了加密文件（带密码的文件）的情况；如果客户通过交付链接下载了券码，订单会自动变为“已交付”，无需标记。',
                'Mark it when the buyer has the codes: for a password-protected file handed over. A delivery link the buyer downloaded from marks the order by itself.',
              )}
            </Typography.Paragraph>
          ) : ask === 'offline' ? (
            <>
              <Form.Item name="reference" label={t('付款凭证号', 'Payment reference')} rules={[{ required: true, message: t('请填写凭证号', 'Required') }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name="amount"
                label={t('金额（元，须等于订单金额）', 'Amount (yuan; the order total)')}
                rules={[{ required: true, message: t('请填写金额', 'Required') }]}
              >
                <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="reason"
              label={ask === 'cancel' ? t('取消原因', 'Why cancel') : t('退款原因', 'Why refund')}
              rules={[{ required: true, message: t('请填写原因', 'A reason is required') }]}
            >
              <Input.TextArea maxLength={500} rows={3} data-testid="order-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      {order && (
        <CreateDelivery
          api={api}
          open={delivering}
          source={{ order: order.id }}
          sourceLabel={t(`批发订单 · ${buyer?.name ?? ''} · ${order.units} 张`, `Wholesale order · ${buyer?.name ?? ''} · ${order.units} codes`)}
          recipient={{ name: buyer?.contact_name ?? buyer?.name ?? '', phone: buyer?.contact_phone ?? undefined }}
          onClose={() => {
            setDelivering(false);
            load();
          }}
        />
      )}
    </Drawer>
  );
}
