import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Form, Grid, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Tooltip, Typography, message } from 'antd';
import { EditOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { Supplier, SupplierSku } from '../../api/types';
import { useT } from '../../i18n';
import { num, time } from '../../format';
import { useConsole } from '../../apps/Console';
import { PageTitle } from '../../components/PageTitle';
import { Copyable } from '../../names';
import { ProblemMessage } from '../../problems';
import { SupplierSkus } from './SupplierSkus';
import { SupplierOrders } from './SupplierOrders';

const PROTOCOLS = { generic: '通用协议', fulu: '福禄开放平台' } as const;

/**
 * 供应商: suppliers of external codes (卡密) and top-ups (直充) — protocol, health (熔断 open/closed,
 * recent failures, the last error) and the last stock/price sync; create and edit (the secret is
 * written, never shown back); SKU mappings 商品映射 by priority with cost and synced stock and price;
 * supplier orders 采购订单 with every attempt, 采购卡密 and 直充.
 */
export function Suppliers() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('suppliers.manage');
  const [suppliers, setSuppliers] = useState<Supplier[] | null>(null);
  const [skus, setSkus] = useState<SupplierSku[]>([]);
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const [tab, setTab] = useState('suppliers');
  const load = useCallback(() => {
    api
      .suppliers()
      .then((r) => setSuppliers(r.data))
      .catch(report);
    api
      .supplierSkus()
      .then((r) => setSkus(r.data))
      .catch(report);
  }, [api]);
  useEffect(load, [load]);
  const lastSync = (id: string) =>
    skus
      .filter((s) => s.supplier_id === id && s.synced_at)
      .map((s) => s.synced_at!)
      .sort()
      .pop() ?? null;
  const sync = async (s: Supplier) => {
    try {
      await api.syncSupplier(s.id);
      message.success(t(`已开始同步「${s.name}」的库存和价格`, `Syncing stock and price of "${s.name}"`));
      setTimeout(load, 2000);
    } catch (e) {
      report(e);
    }
  };

  const health = (s: Supplier) => {
    const h = s.health;
    return (
      <Space direction="vertical" size={0} data-testid={`supplier-health-${s.name}`}>
        {h.circuit === 'open' ? (
          <Tooltip title={h.last_error}>
            <Tag color="red">{t(`已熔断，至 ${time(h.circuit_open_until)}`, `Circuit open until ${time(h.circuit_open_until)}`)}</Tag>
          </Tooltip>
        ) : (
          <Tag color={h.consecutive_failures ? 'orange' : 'green'}>{t('正常', 'Healthy')}</Tag>
        )}
        <span className="kq-muted" style={{ fontSize: 12 }}>
          {t(`成功 ${num(h.successes)} · 失败 ${num(h.failures)}`, `${num(h.successes)} ok · ${num(h.failures)} failed`)}
          {h.consecutive_failures ? t(`（连续失败 ${h.consecutive_failures}）`, ` (${h.consecutive_failures} in a row)`) : ''}
        </span>
        {h.last_error && (
          <span className="kq-muted" style={{ fontSize: 12 }}>
            {t('最近错误', 'Last error')}：{h.last_error.slice(0, 60)} · {time(h.last_failure_at)}
          </span>
        )}
      </Space>
    );
  };
  // on a phone the status and health sit under the name, in view without scrolling the table
  const wide = Grid.useBreakpoint().md ?? true;
  const list = (
    <Table<Supplier>
      rowKey="id"
      loading={!suppliers}
      dataSource={suppliers ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="suppliers"
      locale={{ emptyText: t('还没有供应商', 'No suppliers yet') }}
      columns={[
        {
          title: t('供应商', 'Supplier'),
          key: 'name',
          render: (_: unknown, s) => (
            <Space direction="vertical" size={0}>
              <b>{s.name}</b>
              <span className="kq-muted" style={{ fontSize: 12 }}>
                {t(PROTOCOLS[s.protocol], s.protocol)} · {s.base_url}
              </span>
              {!wide && health(s)}
            </Space>
          ),
        },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          render: (v: Supplier['status']) => (
            <Tag color={v === 'active' ? 'green' : 'default'}>{v === 'active' ? t('启用', 'Active') : t('停用', 'Disabled')}</Tag>
          ),
        },
        ...(wide ? [{ title: t('健康', 'Health'), key: 'health', render: (_: unknown, s: Supplier) => health(s) }] : []),
        { title: t('商户号 / app_key', 'Merchant / app_key'), dataIndex: 'app_key' },
        { title: t('最近同步', 'Last sync'), key: 'sync', render: (_: unknown, s) => time(lastSync(s.id)) },
        ...(canManage
          ? [
              {
                title: '',
                key: 'ops',
                render: (_: unknown, s: Supplier) => (
                  <Space size={4}>
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid="supplier-edit">
                      {t('编辑', 'Edit')}
                    </Button>
                    <Button size="small" icon={<SyncOutlined />} onClick={() => sync(s)} data-testid="supplier-sync">
                      {t('同步库存', 'Sync')}
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
  return (
    <div>
      <PageTitle
        title={t('供应商', 'Suppliers')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="supplier-new">
              {t('新建供应商', 'New supplier')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="supplier-tabs"
        items={[
          { key: 'suppliers', label: t('供应商', 'Suppliers'), children: list },
          { key: 'skus', label: t('商品映射', 'SKU mappings'), children: <SupplierSkus suppliers={suppliers ?? []} skus={skus} onChanged={load} /> },
          { key: 'orders', label: t('采购订单', 'Supplier orders'), children: <SupplierOrders suppliers={suppliers ?? []} skus={skus} /> },
        ]}
      />
      <SupplierForm editing={editing} onClose={() => setEditing(null)} onSaved={load} />
    </div>
  );
}

/** 新建 / 编辑供应商: the secret is written here and never shown back (blank keeps it). */
function SupplierForm({ editing, onClose, onSaved }: { editing: Supplier | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const s = editing && editing !== 'new' ? editing : null;
  useEffect(() => {
    if (!editing) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      s
        ? {
            name: s.name,
            protocol: s.protocol,
            base_url: s.base_url,
            app_key: s.app_key,
            timeout_ms: s.timeout_ms,
            failure_threshold: s.failure_threshold,
            status: s.status,
          }
        : { protocol: 'generic', timeout_ms: 10000, failure_threshold: 5 },
    );
  }, [editing]);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const tuning = { timeout_ms: v.timeout_ms, failure_threshold: v.failure_threshold };
      if (s) {
        await api.updateSupplier(s.id, {
          name: v.name,
          base_url: v.base_url,
          app_key: v.app_key,
          status: v.status,
          ...tuning,
          ...(v.secret ? { secret: v.secret } : {}),
        });
        message.success(t(`已保存供应商「${v.name}」`, `Supplier "${v.name}" saved`));
      } else {
        await api.createSupplier({ name: v.name, protocol: v.protocol, base_url: v.base_url, app_key: v.app_key, secret: v.secret, ...tuning });
        message.success(t(`已创建供应商「${v.name}」`, `Supplier "${v.name}" created`));
      }
      onSaved();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!editing}
      title={s ? t(`编辑供应商「${s.name}」`, `Edit "${s.name}"`) : t('新建供应商', 'New supplier')}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'supplier-save' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="supplier-form">
        <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="supplier-name" />
        </Form.Item>
        <Form.Item name="protocol" label={t('协议', 'Protocol')}>
          <Select disabled={!!s} options={Object.entries(PROTOCOLS).map(([k, zh]) => ({ value: k, label: t(zh, k) }))} />
        </Form.Item>
        <Form.Item name="base_url" label={t('接口地址', 'Base URL')} rules={[{ required: true }]}>
          <Input maxLength={500} placeholder="https://" data-testid="supplier-url" />
        </Form.Item>
        <Form.Item name="app_key" label={t('商户号 / app_key', 'Merchant id / app_key')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="supplier-key" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('密钥', 'Secret')}
          rules={[{ required: !s, message: t('请填写密钥', 'Enter the secret') }]}
          extra={s ? t('密钥已保存，不会显示；留空则不修改', 'The secret is kept and never shown; leave blank to keep it') : undefined}
        >
          <Input.Password maxLength={500} autoComplete="new-password" visibilityToggle={!s} data-testid="supplier-secret" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="timeout_ms" label={t('超时（毫秒）', 'Timeout (ms)')}>
            <InputNumber min={100} max={120000} />
          </Form.Item>
          <Form.Item name="failure_threshold" label={t('连续失败几次熔断', 'Failures to open the circuit')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          {s && (
            <Form.Item name="status" label={t('状态', 'Status')}>
              <Select
                style={{ width: 100 }}
                options={[
                  { value: 'active', label: t('启用', 'Active') },
                  { value: 'disabled', label: t('停用', 'Disabled') },
                ]}
              />
            </Form.Item>
          )}
        </Space>
        {s && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('回调地址（交给供应商）', 'Callback URL (give it to the supplier)')}：<Copyable text={s.callback_url} />
          </Typography.Paragraph>
        )}
        {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} data-testid="supplier-error" />}
      </Form>
    </Modal>
  );
}
