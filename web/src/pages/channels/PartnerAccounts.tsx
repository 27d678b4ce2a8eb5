import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { report, type Client } from '../../api';
import type { Channel, PartnerAccount } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { ProblemMessage } from '../../problems';

/** A password to hand over: 12 letters and digits from the browser's CSPRNG (no look-alikes). */
function newPassword() {
  const abc = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => abc[b % abc.length]).join('');
}

/**
 * 渠道商账号: the partner accounts of one channel. Whoever makes one sets its password and hands
 * it over (the partner can change it after signing in); disabling ends its sign-ins at once.
 */
export function PartnerAccounts({ api, channel, onClose }: { api: Client; channel: Channel | null; onClose: () => void }) {
  const t = useT();
  const [rows, setRows] = useState<PartnerAccount[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ username: string; password: string } | null>(null);
  const [form] = Form.useForm();

  const load = () => {
    if (!channel) return;
    api
      .partnerAccounts(channel.id)
      .then((r) => setRows(r.data))
      .catch(report);
  };
  useEffect(() => {
    setRows(null);
    setAdding(false);
    setMade(null);
    load();
  }, [channel?.id]);

  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const a = await api.createPartnerAccount(channel!.id, {
        username: v.username.trim(),
        password: v.password,
        display_name: v.display_name?.trim() || null,
      });
      setMade({ username: a.username, password: v.password });
      setAdding(false);
      form.resetFields();
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (a: PartnerAccount) => {
    const off = !a.disabled_at;
    Modal.confirm({
      title: off
        ? t(`停用账号「${a.display_name || a.username}」？`, `Disable "${a.display_name || a.username}"?`)
        : t(`启用账号「${a.display_name || a.username}」？`, `Enable "${a.display_name || a.username}"?`),
      content: off ? t('停用后，这个账号立即退出登录，不能再登录。', 'It is signed out at once and cannot sign in again.') : undefined,
      okText: off ? t('停用', 'Disable') : t('启用', 'Enable'),
      onOk: async () => {
        try {
          await api.setPartnerDisabled(channel!.id, a.id, off);
          load();
        } catch (e) {
          report(e);
        }
      },
    });
  };

  return (
    <Drawer
      open={!!channel}
      onClose={onClose}
      size={520}
      title={channel ? t(`「${channel.name}」的渠道商账号`, `Partner accounts of "${channel.name}"`) : ''}
      destroyOnHidden
      data-testid="partner-accounts"
    >
      <Typography.Paragraph type="secondary">
        {t(
          '渠道商账号登录渠道商门户（/partner），只能看到这个渠道及其下级。密码由你设置并转交对方，对方登录后可自行修改。',
          'Partner accounts sign in to the partner portal (/partner) and see this channel and those below it only. You set the password and hand it over; they can change it after signing in.',
        )}
      </Typography.Paragraph>
      {made && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setMade(null)}
          style={{ marginBottom: 12 }}
          title={t('账号已创建，请把登录信息转交对方（密码只显示这一次）', 'Account created: hand these over (the password is shown this once)')}
          description={
            <div data-testid="partner-account-made">
              {t('用户名', 'Username')}：<Typography.Text copyable>{made.username}</Typography.Text>
              <br />
              {t('密码', 'Password')}：
              <Typography.Text copyable className="kq-mono">
                {made.password}
              </Typography.Text>
            </div>
          }
        />
      )}
      <List
        loading={!rows}
        dataSource={rows ?? []}
        locale={{ emptyText: t('还没有账号', 'No accounts yet') }}
        data-testid="partner-account-list"
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="t" size="small" danger={!a.disabled_at} onClick={() => toggle(a)} data-testid={`partner-account-toggle-${a.username}`}>
                {a.disabled_at ? t('启用', 'Enable') : t('停用', 'Disable')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  {a.display_name || a.username}
                  {a.disabled_at ? <Tag>{t('已停用', 'Disabled')}</Tag> : <Tag color="green">{t('正常', 'Active')}</Tag>}
                </Space>
              }
              description={`${t('用户名', 'Username')} ${a.username} · ${t('最近登录', 'Last sign-in')} ${time(a.last_login_at)}`}
            />
          </List.Item>
        )}
      />
      {adding ? (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} data-testid="partner-account-form">
          <Form.Item name="display_name" label={t('姓名', 'Name')}>
            <Input maxLength={100} placeholder={t('如：王店长', 'e.g. Manager Wang')} />
          </Form.Item>
          <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, message: t('请填写用户名', 'Enter a username') }]}>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('初始密码', 'Password')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="password" noStyle rules={[{ required: true, min: 10, message: t('至少 10 个字符', 'At least 10 characters') }]}>
                <Input className="kq-mono" autoComplete="new-password" data-testid="partner-account-password" />
              </Form.Item>
              <Button onClick={() => form.setFieldsValue({ password: newPassword() })}>{t('随机生成', 'Generate')}</Button>
            </Space.Compact>
          </Form.Item>
          {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} style={{ marginBottom: 12 }} />}
          <Space>
            <Button type="primary" loading={busy} onClick={create} data-testid="partner-account-create">
              {t('创建账号', 'Create account')}
            </Button>
            <Button onClick={() => setAdding(false)}>{t('取消', 'Cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <Button
          type="dashed"
          block
          icon={<UserAddOutlined />}
          style={{ marginTop: 16 }}
          onClick={() => {
            setError(null);
            setAdding(true);
          }}
          data-testid="partner-account-add"
        >
          {t('新建渠道商账号', 'New partner account')}
        </Button>
      )}
    </Drawer>
  );
}
