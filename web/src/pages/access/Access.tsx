import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { ApiKey, ApiKeyInput, Channel, Operator, OperatorInput, Store } from '../../api/types';
import { useName, useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { PageTitle } from '../../components/PageTitle';
import { Copyable } from '../../names';

/**
 * The roles an account or a key may be given, in menu order: exactly the API's own lists (a role the
 * server adds or drops fails the type check here, so the menus never offer what the server refuses).
 */
const OPERATOR_ROLES = Object.keys({ owner: 1, operator: 1, analyst: 1, clerk: 1 } satisfies Record<OperatorInput['role'], 1>) as OperatorInput['role'][];
const KEY_ROLES = Object.keys({ owner: 1, operator: 1, analyst: 1, clerk: 1, channel: 1 } satisfies Record<ApiKeyInput['role'], 1>) as ApiKeyInput['role'][];

/** 账号与密钥 (owner only): operator accounts for people, API keys for systems. */
export function Access() {
  const t = useT();
  return (
    <div>
      <PageTitle title={t('账号与密钥', 'Accounts & keys')} />
      <Tabs
        items={[
          { key: 'operators', label: t('运营账号', 'Operator accounts'), children: <Operators /> },
          { key: 'keys', label: t('API 密钥', 'API keys'), children: <Keys /> },
        ]}
      />
    </div>
  );
}

function useStoresAndChannels() {
  const { api } = useConsole();
  const [stores, setStores] = useState<Store[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  useEffect(() => {
    api
      .stores({ limit: 200 })
      .then((p) => setStores(p.data))
      .catch(report);
    api
      .channels()
      .then((r) => setChannels(r.data))
      .catch(report);
  }, [api]);
  return { stores, channels };
}

function Operators() {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const { stores, channels } = useStoresAndChannels();
  const [rows, setRows] = useState<Operator[]>([]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form);
  const load = () =>
    api
      .operators()
      .then((r) => setRows(r.data))
      .catch(report);
  useEffect(() => {
    load();
  }, [api]);
  const create = async () => {
    const v = await form.validateFields();
    try {
      await api.createOperator({
        username: v.username,
        password: v.password,
        role: v.role,
        display_name: v.display_name || null,
        ...(v.role === 'clerk' ? { store_ids: v.store_ids } : {}),
      });
      setOpen(false);
      form.resetFields();
      load();
    } catch (e) {
      report(e);
    }
  };
  const storeNames = (ids: string[]) => ids.map((id) => <Tag key={id}>{stores.find((s) => s.id === id)?.name ?? id}</Tag>);
  return (
    <>
      <div className="kq-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-operator">
          {t('新建账号', 'New account')}
        </Button>
      </div>
      <Table
        size="middle"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('用户名', 'Username'),
            dataIndex: 'username',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                <span className="kq-muted">{r.display_name}</span>
              </Space>
            ),
          },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (r: string) => <Tag color="blue">{name('role', r)}</Tag> },
          {
            title: t('门店 / 渠道', 'Stores / channel'),
            key: 'scope',
            // a partner account 渠道商账号 acts for one channel (made under 渠道 → 账号): named, never its id
            render: (_: unknown, r) =>
              r.channel_id ? <Tag color="purple">{channels.find((c) => c.id === r.channel_id)?.name ?? '—'}</Tag> : storeNames(r.store_ids),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'disabled_at',
            render: (d: string | null) => (d ? <Tag>{t('已停用', 'Disabled')}</Tag> : <Tag color="green">{t('正常', 'Active')}</Tag>),
          },
          { title: t('最近登录', 'Last sign-in'), dataIndex: 'last_login_at', render: time },
          {
            title: '',
            key: 'ops',
            render: (_: unknown, r) =>
              r.id === me.key_id ? (
                <span className="kq-muted">{t('当前账号', 'You')}</span>
              ) : r.disabled_at ? (
                <Button size="small" onClick={() => api.setOperatorDisabled(r.id, false).then(load, report)}>
                  {t('启用', 'Enable')}
                </Button>
              ) : (
                <Popconfirm
                  title={t('停用后该账号立即退出登录，确定？', 'Disabling signs the account out at once. Disable?')}
                  onConfirm={() => api.setOperatorDisabled(r.id, true).then(load, report)}
                >
                  <Button size="small" danger>
                    {t('停用', 'Disable')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal open={open} title={t('新建运营账号', 'New operator account')} onCancel={() => setOpen(false)} onOk={create} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ role: 'operator' }}>
          <Form.Item
            name="username"
            label={t('用户名', 'Username')}
            rules={[{ required: true }, { pattern: /^[\p{L}\p{N}._@-]{2,64}$/u, message: t('2–64 位字母、数字或 . _ @ -', '2–64 letters, digits or . _ @ -') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="display_name" label={t('姓名', 'Display name')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('初始密码（至少 10 位）', 'Initial password (10+ characters)')}
            rules={[{ required: true }, { min: 10, message: t('至少 10 位', 'At least 10 characters') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('角色', 'Role')}>
            <Select options={OPERATOR_ROLES.map((r) => ({ value: r, label: name('role', r) }))} />
          </Form.Item>
          {role === 'clerk' && (
            <Form.Item name="store_ids" label={t('所属门店', 'Stores')} rules={[{ required: true }]}>
              <Select mode="multiple" optionFilterProp="label" options={stores.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

function Keys() {
  const t = useT();
  const name = useName();
  const { api } = useConsole();
  const { stores, channels } = useStoresAndChannels();
  const [rows, setRows] = useState<ApiKey[]>([]);
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form);
  const load = () =>
    api
      .apiKeys()
      .then((r) => setRows(r.data))
      .catch(report);
  useEffect(() => {
    load();
  }, [api]);
  const create = async () => {
    const v = await form.validateFields();
    try {
      const k = await api.createApiKey({
        name: v.name,
        role: v.role,
        ...(v.role === 'clerk' ? { store_ids: v.store_ids } : {}),
        ...(v.role === 'channel' ? { channel_id: v.channel_id } : {}),
      });
      setOpen(false);
      form.resetFields();
      setSecret(k.secret);
      load();
    } catch (e) {
      report(e);
    }
  };
  return (
    <>
      <div className="kq-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('新建密钥', 'New key')}
        </Button>
      </div>
      {secret && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 12 }}
          title={t('密钥只显示这一次，请立即保存：', 'The key is shown this once; store it now:')}
          description={<Copyable text={secret} testId="key-secret" />}
        />
      )}
      <Table
        size="middle"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('名称', 'Name'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                <span className="kq-mono kq-muted">{r.key_prefix}…</span>
              </Space>
            ),
          },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (r: string) => <Tag color="blue">{name('role', r)}</Tag> },
          {
            title: t('范围', 'Scope'),
            key: 'scope',
            render: (_: unknown, r) => [
              ...r.store_ids.map((id) => <Tag key={id}>{stores.find((s) => s.id === id)?.name ?? id}</Tag>),
              r.channel_id && <Tag key="c">{channels.find((c) => c.id === r.channel_id)?.name ?? r.channel_id}</Tag>,
            ],
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'revoked_at',
            render: (d: string | null) => (d ? <Tag>{t('已吊销', 'Revoked')}</Tag> : <Tag color="green">{t('有效', 'Active')}</Tag>),
          },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', render: time },
          {
            title: '',
            key: 'ops',
            render: (_: unknown, r) =>
              !r.revoked_at && (
                <Popconfirm
                  title={t('吊销后使用该密钥的系统将无法调用，确定？', 'Systems using this key will stop working. Revoke?')}
                  onConfirm={() => api.revokeApiKey(r.id).then(load, report)}
                >
                  <Button size="small" danger>
                    {t('吊销', 'Revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal open={open} title={t('新建 API 密钥', 'New API key')} onCancel={() => setOpen(false)} onOk={create} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ role: 'operator' }}>
          <Form.Item name="name" label={t('名称（用途）', 'Name (what uses it)')} rules={[{ required: true }]}>
            <Input maxLength={200} placeholder="POS / CRM / 小程序" />
          </Form.Item>
          <Form.Item name="role" label={t('角色', 'Role')}>
            <Select options={KEY_ROLES.map((r) => ({ value: r, label: name('role', r) }))} />
          </Form.Item>
          {role === 'clerk' && (
            <Form.Item name="store_ids" label={t('门店', 'Stores')} rules={[{ required: true }]}>
              <Select mode="multiple" optionFilterProp="label" options={stores.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          )}
          {role === 'channel' && (
            <Form.Item name="channel_id" label={t('渠道', 'Channel')} rules={[{ required: true }]}>
              <Select options={channels.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
