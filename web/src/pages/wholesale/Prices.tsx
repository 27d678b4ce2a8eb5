import { useCallback, useEffect, useMemo, useState } from 'react';
import { AutoComplete, Button, Form, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { Price } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useName, useT } from '../../i18n';
import { fenToYuan, money, time, yuanToFen } from '../../format';
import type { WholesaleData } from './Wholesale';
import { Refusal } from './Refusal';

/**
 * 价格表: one row per price level × template — 批发价 (an order line's default), 建议零售价 (shown only), 限价 (no
 * sale below it) and what a sale below the floor does (refused, or allowed and flagged). Set, edit, remove.
 */
export function Prices({ data }: { data: WholesaleData }) {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const canManage = me.can.includes('wholesale.manage');
  const [rows, setRows] = useState<Price[]>([]);
  const [level, setLevel] = useState<string>();
  const [editing, setEditing] = useState<Price | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    api
      .prices(level ? { price_level: level } : {})
      .then((r) => setRows(r.data))
      .catch(report);
  }, [api, level]);
  useEffect(load, [load]);
  // levels already in use: the price lists', the buyers' (the channels' are typed in)
  const levels = useMemo(() => [...new Set([...rows.map((r) => r.price_level), ...data.buyers.map((b) => b.price_level)])].sort(), [rows, data.buyers]);
  const tplName = (id: string) => data.templates.find((x) => x.id === id)?.name ?? id;

  const open = (p: Price | 'new') => {
    setError(null);
    setEditing(p);
    form.resetFields();
    if (p === 'new') form.setFieldsValue({ price_level: level, below_floor: 'refuse' });
    else
      form.setFieldsValue({
        ...p,
        wholesale_price: fenToYuan(p.wholesale_price),
        retail_price: fenToYuan(p.retail_price),
        floor_price: fenToYuan(p.floor_price),
      });
  };
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.setPrice(v.price_level, v.template_id, {
        wholesale_price: yuanToFen(v.wholesale_price)!,
        retail_price: v.retail_price == null ? null : yuanToFen(v.retail_price),
        ...(v.floor_price == null ? {} : { floor_price: yuanToFen(v.floor_price) }),
        below_floor: v.below_floor,
      });
      message.success(t(`已保存 ${v.price_level} 的「${tplName(v.template_id)}」价格`, `Price saved`));
      setEditing(null);
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (p: Price) => {
    try {
      await api.deletePrice(p.price_level, p.template_id);
      load();
    } catch (e) {
      report(e);
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('全部价格等级', 'All price levels')}
          style={{ width: 180 }}
          value={level}
          onChange={setLevel}
          options={levels.map((l) => ({ value: l, label: l }))}
          data-testid="price-level-filter"
        />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="price-new">
            {t('设置价格', 'Set a price')}
          </Button>
        )}
      </Space>
      <Table<Price>
        rowKey={(r) => `${r.price_level}/${r.template_id}`}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="prices-table"
        columns={[
          { title: t('价格等级', 'Level'), dataIndex: 'price_level' },
          { title: t('卡券模板', 'Template'), dataIndex: 'template_id', render: (id: string) => <b>{tplName(id)}</b> },
          { title: t('批发价', 'Wholesale'), dataIndex: 'wholesale_price', align: 'right', render: (v: number) => money(v, cur) },
          { title: t('建议零售价', 'Suggested retail'), dataIndex: 'retail_price', align: 'right', render: (v: number | null) => money(v, cur) },
          { title: t('限价', 'Floor'), dataIndex: 'floor_price', align: 'right', render: (v: number) => money(v, cur) },
          {
            title: t('低于限价', 'Below the floor'),
            dataIndex: 'below_floor',
            render: (v: string) => <Tag color={v === 'refuse' ? 'red' : 'orange'}>{name('belowFloor', v)}</Tag>,
          },
          { title: t('更新时间', 'Updated'), dataIndex: 'updated_at', render: time },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r: Price) => (
                    <Space>
                      <Button size="small" onClick={() => open(r)} data-testid="price-edit">
                        {t('编辑', 'Edit')}
                      </Button>
                      <Popconfirm title={t('删除这一价格？该等级将不能再订购这个模板', 'Remove this price?')} onConfirm={() => remove(r)}>
                        <Button size="small" danger>
                          {t('删除', 'Remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('设置价格', 'Set a price') : t('编辑价格', 'Edit price')}
        onCancel={() => setEditing(null)}
        onOk={save}
        okButtonProps={{ loading: busy, 'data-testid': 'price-save' }}
        destroyOnHidden
      >
        <Refusal error={error} />
        <Form form={form} layout="vertical" data-testid="price-form">
          <Form.Item name="price_level" label={t('价格等级', 'Price level')} rules={[{ required: true, message: t('请填写价格等级', 'Level required') }]}>
            <AutoComplete disabled={editing !== 'new'} options={levels.map((l) => ({ value: l }))} placeholder="L1" data-testid="price-level" />
          </Form.Item>
          <Form.Item name="template_id" label={t('卡券模板', 'Template')} rules={[{ required: true, message: t('请选择模板', 'Template required') }]}>
            <Select
              disabled={editing !== 'new'}
              showSearch
              optionFilterProp="label"
              options={data.templates.map((x) => ({ value: x.id, label: x.name }))}
              data-testid="price-template"
            />
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="wholesale_price"
              label={t('批发价（元）', 'Wholesale (yuan)')}
              rules={[{ required: true, message: t('请填写批发价', 'Required') }]}
            >
              <InputNumber min={0} precision={2} prefix="¥" data-testid="price-wholesale" />
            </Form.Item>
            <Form.Item name="retail_price" label={t('建议零售价（元）', 'Suggested retail (yuan)')}>
              <InputNumber min={0} precision={2} prefix="¥" />
            </Form.Item>
            <Form.Item name="floor_price" label={t('限价（元）', 'Floor (yuan)')} extra={t('不高于批发价', 'Not above the wholesale price')}>
              <InputNumber min={0} precision={2} prefix="¥" data-testid="price-floor" />
            </Form.Item>
          </Space>
          <Form.Item name="below_floor" label={t('低于限价的订单行', 'A line below the floor')}>
            <Radio.Group
              options={[
                { value: 'refuse', label: t('拒绝', 'Refuse') },
                { value: 'flag', label: t('允许并标记（通知）', 'Allow and flag') },
              ]}
            />
          </Form.Item>
          <Typography.Text type="secondary">
            {t(
              '建议零售价只作展示；限价以下不能成交，除非选择“允许并标记”。',
              'The suggested retail price is shown only; nothing sells below the floor unless flagged.',
            )}
          </Typography.Text>
        </Form>
      </Modal>
    </div>
  );
}
