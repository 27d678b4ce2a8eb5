import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { EventType, WebhookDelivery, WebhookEndpoint } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';

/** Webhooks 回调: endpoints, their signed delivery log, resend. */
export function Webhooks() {
  const t = useT();
  const { api } = useConsole();
  const [reload, setReload] = useState(0);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<WebhookEndpoint | null>(null);
  const [logReload, setLogReload] = useState(0);
  const [form] = Form.useForm();
  // what may be subscribed to is the server's catalogue, named for the reader
  const [eventTypes, setEventTypes] = useState<EventType[]>([]);
  useEffect(() => {
    api.eventTypes().then((r) => setEventTypes(r.data), report);
  }, [api]);
  const fetch = useCallback((q: ListQuery) => api.webhooks(q), [api]);
  const fetchLog = useCallback((q: ListQuery) => api.deliveries(log!.id, q), [api, log]);

  const create = async () => {
    const v = await form.validateFields();
    try {
      const e = await api.createWebhook({ url: v.url, event_types: v.event_types ?? [], description: v.description || null });
      setCreating(false);
      form.resetFields();
      setSecret(e.secret ?? null);
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  const stateTag = (s: string) => (
    <Tag color={s === 'delivered' ? 'green' : s === 'failed' ? 'red' : 'processing'}>
      {s === 'delivered' ? t('已送达', 'Delivered') : s === 'failed' ? t('失败', 'Failed') : t('待投递', 'Pending')}
    </Tag>
  );

  return (
    <div>
      <PageTitle
        title="Webhooks"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('新建端点', 'New endpoint')}
          </Button>
        }
      />
      {secret && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 12 }}
          title={t('签名密钥只显示这一次：', 'The signing secret is shown this once:')}
          description={
            <Typography.Text copyable className="kq-mono">
              {secret}
            </Typography.Text>
          }
        />
      )}
      <DataTable<WebhookEndpoint>
        fetch={fetch}
        rowKey="id"
        reloadKey={reload}
        columns={[
          {
            title: 'URL',
            dataIndex: 'url',
            sortKey: 'url',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <span className="kq-mono">{v}</span>
                <span className="kq-muted">{String(r.description ?? '')}</span>
              </Space>
            ),
          },
          {
            title: t('事件', 'Events'),
            dataIndex: 'event_types',
            render: (ev: string[]) => (ev.length ? ev.map((e) => <Tag key={e}>{e}</Tag>) : <Tag color="blue">{t('全部', 'All')}</Tag>),
          },
          {
            title: t('启用', 'Active'),
            dataIndex: 'active',
            render: (a: boolean, r) => (
              <Switch size="small" checked={a} onChange={(v) => api.updateWebhook(r.id, { active: v }).then(() => setReload((x) => x + 1), report)} />
            ),
          },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', sortKey: 'created_at', render: time },
          {
            title: '',
            key: 'ops',
            render: (_: unknown, r) => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    api.testWebhook(r.id).then(() => {
                      setLog(r);
                      setLogReload((x) => x + 1);
                    }, report)
                  }
                >
                  {t('发送测试', 'Send test')}
                </Button>
                <Button size="small" onClick={() => setLog(r)}>
                  {t('投递记录', 'Deliveries')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={creating} title={t('新建 Webhook 端点', 'New webhook endpoint')} onCancel={() => setCreating(false)} onOk={create} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item
            name="url"
            label="URL"
            rules={[{ required: true }, { pattern: /^https?:\/\//i, message: t('以 http(s):// 开头', 'Starts with http(s)://') }]}
          >
            <Input placeholder="https://crm.example.com/kaquan" />
          </Form.Item>
          <Form.Item name="event_types" label={t('订阅事件（不选为全部）', 'Events (none = all)')}>
            <Select mode="multiple" options={eventTypes.map((e) => ({ value: e.type, label: `${t(e.zh, e.en)} ${e.type}` }))} />
          </Form.Item>
          <Form.Item name="description" label={t('说明', 'Description')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer width={900} open={!!log} onClose={() => setLog(null)} title={t('投递记录', 'Deliveries') + (log ? ` · ${log.url}` : '')} destroyOnHidden>
        {log && (
          <DataTable<WebhookDelivery>
            fetch={fetchLog}
            rowKey={(r) => String(r.id)}
            reloadKey={logReload}
            columns={[
              { title: t('事件', 'Event'), dataIndex: 'event_type' },
              { title: t('状态', 'State'), dataIndex: 'state', render: stateTag },
              { title: t('尝试', 'Attempts'), dataIndex: 'attempts', align: 'right' },
              {
                title: t('响应', 'Last answer'),
                key: 'last',
                render: (_: unknown, r) => (r.last_status ? <Tag>{r.last_status}</Tag> : <span className="kq-muted">{r.last_error ?? '—'}</span>),
              },
              { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
              {
                title: '',
                key: 'ops',
                render: (_: unknown, r) => (
                  <Button size="small" onClick={() => api.resend(r.id).then(() => setLogReload((x) => x + 1), report)}>
                    {t('重新投递', 'Resend')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Drawer>
    </div>
  );
}
