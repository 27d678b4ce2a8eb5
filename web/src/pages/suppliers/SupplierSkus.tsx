import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Table, Tag, message } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Supplier, SupplierSku } from '../../api/types';
import { useT } from '../../i18n';
import { money, num, time, yuanToFen, fenToYuan } from '../../format';
import { useConsole } from '../../apps/Console';
import { ProblemMessage } from '../../problems';

/**
 * 商品映射: our SKU → each supplier's product, in the order they are tried (priority 1 first), with
 * its cost and the last synced stock and price; add or change one (PUT, the same SKU again changes it).
 */
export function SupplierSkus({ suppliers, skus, onChanged }: { suppliers: Supplier[]; skus: SupplierSku[]; onChanged: () => void }) {
  const t = useT();
  const { me } = useConsole();
  const canManage = me.can.includes('suppliers.manage');
  const [editing, setEditing] = useState<SupplierSku | 'new' | null>(null);
  const supplierName = (id: string) => suppliers.find((s) => s.id === id)?.name ?? '—';
  const rows = [...skus].sort((a, b) => a.sku.localeCompare(b.sku) || a.priority - b.priority);
  return (
    <div>
      {canManage && (
        <div className="kq-toolbar">
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!suppliers.length} data-testid="sku-new">
            {t('新建映射', 'New mapping')}
          </Button>
        </div>
      )}
      <Table<SupplierSku>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="supplier-skus"
        locale={{ emptyText: t('还没有商品映射', 'No mappings yet') }}
        columns={[
          { title: t('我方 SKU', 'Our SKU'), dataIndex: 'sku', render: (v: string) => <b>{v}</b> },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: SupplierSku['kind']) => (k === 'card' ? t('卡密', 'Codes') : t('直充', 'Top-up')) },
          { title: t('优先级', 'Priority'), dataIndex: 'priority', align: 'right' },
          { title: t('供应商', 'Supplier'), dataIndex: 'supplier_id', render: supplierName },
          { title: t('供应商商品', 'Their product'), dataIndex: 'product_id' },
          { title: t('成本', 'Cost'), dataIndex: 'cost_fen', align: 'right', render: (f: number) => money(f) },
          { title: t('同步库存', 'Synced stock'), dataIndex: 'synced_stock', align: 'right', render: num },
          { title: t('同步价格', 'Synced price'), dataIndex: 'synced_price_fen', align: 'right', render: (f: number | null) => (f == null ? '—' : money(f)) },
          { title: t('同步时间', 'Synced'), dataIndex: 'synced_at', render: time },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{v === 'active' ? t('启用', 'Active') : t('停用', 'Disabled')}</Tag>,
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, s: SupplierSku) => (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)}>
                      {t('编辑', 'Edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SkuForm editing={editing} suppliers={suppliers} onClose={() => setEditing(null)} onSaved={onChanged} />
    </div>
  );
}

function SkuForm({
  editing,
  suppliers,
  onClose,
  onSaved,
}: {
  editing: SupplierSku | 'new' | null;
  suppliers: Supplier[];
  onClose: () => void;
  onSaved: () => void;
}) {
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
    form.setFieldsValue(s ? { ...s, cost: fenToYuan(s.cost_fen) } : { supplier_id: suppliers[0]?.id, kind: 'card', priority: 1, status: 'active' });
  }, [editing]);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.putSupplierSku(v.supplier_id, v.sku.trim(), {
        kind: v.kind,
        product_id: v.product_id.trim(),
        priority: v.priority,
        cost_fen: yuanToFen(v.cost) ?? 0,
        status: v.status,
      });
      message.success(t(`已保存映射 ${v.sku}`, `Mapping ${v.sku} saved`));
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
      title={s ? t(`编辑映射 ${s.sku}`, `Edit ${s.sku}`) : t('新建商品映射', 'New mapping')}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'sku-save' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="sku-form">
        <Form.Item name="supplier_id" label={t('供应商', 'Supplier')} rules={[{ required: true }]}>
          <Select disabled={!!s} options={suppliers.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="sku" label={t('我方 SKU', 'Our SKU')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} disabled={!!s} placeholder="VIDEO-VIP-M" data-testid="sku-sku" />
        </Form.Item>
        <Form.Item name="kind" label={t('类型', 'Kind')}>
          <Select
            options={[
              { value: 'card', label: t('卡密', 'Codes') },
              { value: 'direct', label: t('直充', 'Top-up') },
            ]}
          />
        </Form.Item>
        <Form.Item name="product_id" label={t('供应商商品编号', 'Their product id')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="sku-product" />
        </Form.Item>
        <Form.Item name="priority" label={t('优先级（1 最先）', 'Priority (1 first)')}>
          <InputNumber min={1} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="cost" label={t('成本（元）', 'Cost (yuan)')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} prefix="¥" data-testid="sku-cost" />
        </Form.Item>
        <Form.Item name="status" label={t('状态', 'Status')}>
          <Select
            options={[
              { value: 'active', label: t('启用', 'Active') },
              { value: 'disabled', label: t('停用', 'Disabled') },
            ]}
          />
        </Form.Item>
        {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} />}
      </Form>
    </Modal>
  );
}
