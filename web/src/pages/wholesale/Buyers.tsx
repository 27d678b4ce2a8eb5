import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Space, Table, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Buyer } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { money, time, yuanToFen } from '../../format';
import { CopyId } from '../../names';
import type { WholesaleData } from './Wholesale';
import { Refusal } from './Refusal';

/** 企业客户: buyers with their price level and prepaid balance 预存款 (the ledger's), new, edit and 充值. */
export function Buyers({ data }: { data: WholesaleData }) {
  const t = useT();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const canManage = me.can.includes('wholesale.manage');
  const [editing, setEditing] = useState<Buyer | 'new' | null>(null);
  const [recharging, setRecharging] = useState<Buyer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [rform] = Form.useForm();

  const open = (b: Buyer | 'new') => {
    setError(null);
    setEditing(b);
    form.resetFields();
    if (b !== 'new') form.setFieldsValue(b);
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = { name: v.name, contact_name: v.contact_name || null, contact_phone: v.contact_phone || null, price_level: v.price_level };
    setBusy(true);
    try {
      if (editing === 'new') {
        await api.createBuyer(body);
        message.success(t(`已新建企业客户「${v.name}」`, `Buyer “${v.name}” added`));
      } else if (editing) await api.updateBuyer(editing.id, body);
      setEditing(null);
      data.reloadBuyers();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const recharge = async () => {
    const v = await rform.validateFields();
    setBusy(true);
    try {
      const b = await api.rechargeBuyer(recharging!.id, { amount: yuanToFen(v.amount)!, reference: v.reference });
      message.success(t(`已充值 ${money(yuanToFen(v.amount), cur)}，余额 ${money(b.balance, cur)}`, `Recharged; balance ${money(b.balance, cur)}`));
      setRecharging(null);
      data.reloadBuyers();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {canManage && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="buyer-new">
            {t('新建企业客户', 'New buyer')}
          </Button>
        </Space>
      )}
      <Table<Buyer>
        rowKey="id"
        dataSource={data.buyers}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="buyers-table"
        columns={[
          {
            title: t('企业客户', 'Buyer'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <span className="kq-named">
                <b>{v}</b>
                <CopyId id={r.id} />
              </span>
            ),
          },
          { title: t('联系人', 'Contact'), key: 'contact', render: (_, r) => [r.contact_name, r.contact_phone].filter(Boolean).join(' · ') || '—' },
          { title: t('价格等级', 'Price level'), dataIndex: 'price_level' },
          {
            title: t('预存款余额', 'Prepaid balance'),
            dataIndex: 'balance',
            align: 'right',
            render: (v: number) => <Typography.Text strong>{money(v, cur)}</Typography.Text>,
          },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', render: time },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r: Buyer) => (
                    <Space>
                      <Button
                        size="small"
                        type="primary"
                        ghost
                        onClick={() => {
                          setError(null);
                          rform.resetFields();
                          setRecharging(r);
                        }}
                        data-testid="buyer-recharge"
                      >
                        {t('充值', 'Recharge')}
                      </Button>
                      <Button size="small" onClick={() => open(r)}>
                        {t('编辑', 'Edit')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('新建企业客户', 'New buyer') : t('编辑企业客户', 'Edit buyer')}
        onCancel={() => setEditing(null)}
        onOk={save}
        okButtonProps={{ loading: busy, 'data-testid': 'buyer-save' }}
        destroyOnHidden
      >
        <Refusal error={error} />
        <Form form={form} layout="vertical" data-testid="buyer-form">
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, message: t('请填写名称', 'Name required') }]}>
            <Input maxLength={200} placeholder={t('如：某某科技有限公司', 'e.g. Acme Ltd.')} />
          </Form.Item>
          <Form.Item name="contact_name" label={t('联系人', 'Contact')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="contact_phone" label={t('联系电话', 'Phone')}>
            <Input maxLength={40} inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="price_level"
            label={t('价格等级', 'Price level')}
            extra={t('按价格表中这一等级的批发价下单', 'Orders are priced at this level of the price list')}
            rules={[{ required: true, message: t('请填写价格等级', 'Price level required') }]}
          >
            <Input maxLength={64} placeholder="L1" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!recharging}
        title={t(`预存款充值：${recharging?.name ?? ''}`, `Recharge: ${recharging?.name ?? ''}`)}
        onCancel={() => setRecharging(null)}
        onOk={recharge}
        okText={t('充值', 'Recharge')}
        okButtonProps={{ loading: busy, 'data-testid': 'recharge-save' }}
        destroyOnHidden
      >
        <Refusal error={error} />
        <Typography.Paragraph type="secondary">
          {t(
            `当前余额 ${money(recharging?.balance, cur)}。充值记入账本，不能修改，只能冲正。`,
            `Balance now ${money(recharging?.balance, cur)}. Recorded in the ledger.`,
          )}
        </Typography.Paragraph>
        <Form form={rform} layout="vertical" data-testid="recharge-form">
          <Form.Item name="amount" label={t('金额（元）', 'Amount (yuan)')} rules={[{ required: true, message: t('请填写金额', 'Amount required') }]}>
            <InputNumber min={0.01} step={100} precision={2} prefix="¥" style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('银行流水号 / 凭证号', 'Bank reference')}
            rules={[{ required: true, message: t('请填写凭证号', 'Reference required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
