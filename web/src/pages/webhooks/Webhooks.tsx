import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Drawer, Form, Grid, Input, message, Modal, Select, Space, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { EventType, WebhookDelivery, WebhookEndpoint } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { Copyable } from '../../names';

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
  // event types by their names: the catalogue's, never the raw card.redeemed
  const eventName = (type: string) => {
    const e = eventTypes.find((x) => x.type === type);
    return e ? t(e.zh, e.en) : type === 'ping' ? t('测试事件', 'Test event') : type;
  };
  const phone = !Grid.useBreakpoint().md;
  const [watching, setWatching] = useState<{ endpoint: string; delivery: string } | null>(null);
  // a test's delivery shows in the log by itself: poll the log briefly until its first attempt is done
  useEffect(() => {
    if (!watching) return;
    let tries = 0;
    const h = setInterval(async () => {
      tries++;
      const page = await api.deliveries(watching.endpoint, { limit: 20 }).catch(() => null);
      const d = page?.data.find((x) => x.id === watching.delivery);
      if (d && (d.state !== 'pending' || d.attempts > 0)) {
        if (d.state === 'delivered') message.success(t(`测试回调已送达（HTTP ${d.last_status}）`, `The test was delivered (HTTP ${d.last_status})`));
        else
          message.warning(
            t(
              `测试回调未送达：${d.last_error ?? d.last_status ?? ''}，稍后会重试`,
              `The test was not delivered: ${d.last_error ?? d.last_status ?? ''}; it will be retried`,
            ),
          );
        setLogReload((x) => x + 1);
        setWatching(null);
      } else if (tries >= 20) setWatching(null);
    }, 1000);
    return () => clearInterval(h);
  }, [watching, api]);
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
          description={<Copyable text={secret} testId="webhook-secret" />}
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
            render: (ev: string[]) => (
              <span data-testid="webhook-events">
                {ev.length ? ev.map((e) => <Tag key={e}>{eventName(e)}</Tag>) : <Tag color="blue">{t('全部事件', 'All events')}</Tag>}
              </span>
            ),
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
                  data-testid="webhook-test"
                  onClick={() =>
                    api.testWebhook(r.id).then((d) => {
                      message.info(t('测试事件已发出，正在投递…', 'Test event sent; delivering…'));
                      setLog(r);
                      setLogReload((x) => x + 1);
                      setWatching({ endpoint: r.id, delivery: d.id });
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
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={eventTypes.map((e) => ({ value: e.type, label: t(e.zh, e.en) }))}
              data-testid="webhook-event-select"
            />
          </Form.Item>
          <Form.Item name="description" label={t('说明', 'Description')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer
        width={phone ? '100%' : 900}
        open={!!log}
        onClose={() => setLog(null)}
        title={t('投递记录', 'Deliveries') + (log ? ` · ${log.url}` : '')}
        destroyOnHidden
      >
        {log && (
          <DataTable<WebhookDelivery>
            fetch={fetchLog}
            rowKey={(r) => String(r.id)}
            reloadKey={logReload}
            testId="webhook-deliveries"
            columns={[
              { title: t('事件', 'Event'), dataIndex: 'event_type', render: eventName },
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
                  <Button
                    size="small"
                    onClick={() =>
                      api.resend(r.id).then(() => {
                        message.success(t('已重新排队投递', 'Queued to be delivered again'));
                        setLogReload((x) => x + 1);
                      }, report)
                    }
                  >
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
