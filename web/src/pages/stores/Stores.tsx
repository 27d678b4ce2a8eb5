import { useCallback, useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { Store } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';

/** 门店: where cards are redeemed; tags and coordinates feed the template rules. */
export function Stores() {
  const t = useT();
  const { api, me } = useConsole();
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Store | 'new' | null>(null);
  const [form] = Form.useForm();
  const canWrite = me.can.includes('catalog.write');
  const fetch = useCallback((q: ListQuery) => api.stores(q), [api]);
  const open = (s: Store | 'new') => {
    setEditing(s);
    form.resetFields();
    if (s !== 'new') form.setFieldsValue(s);
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      name: v.name,
      code: v.code || null,
      province: v.province || null,
      city: v.city || null,
      time_zone: v.time_zone || null,
      lat: v.lat ?? null,
      lng: v.lng ?? null,
      tags: v.tags ?? [],
    };
    try {
      if (editing === 'new') await api.createStore(body);
      else if (editing) await api.updateStore(editing.id, body);
      setEditing(null);
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  return (
    <div>
      <PageTitle
        title={t('门店', 'Stores')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('新建门店', 'New store')}
            </Button>
          )
        }
      />
      <DataTable<Store>
        fetch={fetch}
        rowKey="id"
        search={t('门店名称或编码', 'Name or code')}
        reloadKey={reload}
        testId="stores-table"
        columns={[
          {
            title: t('门店', 'Store'),
            dataIndex: 'name',
            sortKey: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                <span className="kq-muted kq-mono" style={{ fontSize: 12 }}>
                  {r.id}
                </span>
              </Space>
            ),
          },
          { title: t('编码', 'Code'), dataIndex: 'code', render: (v: string | null) => v ?? '—' },
          { title: t('地区', 'Region'), key: 'region', render: (_: unknown, r) => [r.province, r.city].filter(Boolean).join(' ') || '—' },
          { title: t('标签', 'Tags'), dataIndex: 'tags', render: (tags: string[]) => tags.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('位置', 'Location'), key: 'loc', render: (_: unknown, r) => (r.lat != null ? `${r.lat.toFixed(4)}, ${r.lng!.toFixed(4)}` : '—') },
          { title: t('时区', 'Time zone'), dataIndex: 'time_zone', render: (v: string | null) => v ?? t('跟随商户', 'Tenant’s') },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', sortKey: 'created_at', render: time },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r: Store) => (
                    <Button size="small" onClick={() => open(r)}>
                      {t('编辑', 'Edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('新建门店', 'New store') : t('编辑门店', 'Edit store')}
        onCancel={() => setEditing(null)}
        onOk={save}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="code" label={t('门店编码', 'Store code')}>
            <Input maxLength={64} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="province" label={t('省份', 'Province')} extra={t('窜货判断用：与渠道区域比较', 'For leakage: compared with channels’ regions')}>
              <Input maxLength={64} placeholder={t('如：江苏省', 'e.g. 江苏省')} data-testid="store-province" />
            </Form.Item>
            <Form.Item name="city" label={t('城市', 'City')}>
              <Input maxLength={64} placeholder={t('如：苏州市', 'e.g. 苏州市')} data-testid="store-city" />
            </Form.Item>
          </Space>
          <Form.Item name="tags" label={t('标签', 'Tags')}>
            <Select mode="tags" tokenSeparators={[',']} />
          </Form.Item>
          <Space>
            <Form.Item name="lat" label={t('纬度', 'Latitude')}>
              <InputNumber min={-90} max={90} step={0.0001} />
            </Form.Item>
            <Form.Item name="lng" label={t('经度', 'Longitude')}>
              <InputNumber min={-180} max={180} step={0.0001} />
            </Form.Item>
          </Space>
          <Form.Item name="time_zone" label={t('时区（不填跟随商户）', 'Time zone (empty = tenant’s)')}>
            <Input placeholder="Asia/Shanghai" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
