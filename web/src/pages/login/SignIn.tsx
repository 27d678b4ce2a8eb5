import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { KeyOutlined, LockOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError, client, signIn } from '../../api';
import { LangSwitch, useT } from '../../i18n';
import { ProblemMessage } from '../../problems';

/**
 * Sign in with an operator account (运营账号) or, for first setup, an API key. An account's session
 * comes back as an HttpOnly cookie the page never sees; a key is handed up to be kept in memory.
 */
export function SignIn(props: {
  screen: 'console' | 'clerk' | 'partner';
  title: string;
  subtitle: string;
  onSignedIn: (apiKey: string | null) => void;
  allowKey?: boolean;
  keyHint?: string;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState('account');

  const withAccount = async (v: { tenant?: string; username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const s = await signIn(props.screen, { tenant: v.tenant?.trim() || undefined, username: v.username.trim(), password: v.password });
      // a clerk's session is the clerk page's (the server set that cookie): go there, signed in
      if (props.screen !== 'clerk' && s.operator.role === 'clerk') return window.location.assign(props.screen === 'console' ? '/clerk?from=console' : '/clerk');
      // a partner account's session is the partner portal's 渠道商门户; the brand's staff signing in there get the console's
      if (props.screen !== 'partner' && s.operator.role === 'channel') return window.location.assign(`/partner?from=${props.screen}`);
      if (props.screen === 'partner' && s.operator.role !== 'channel') return window.location.assign('/console');
      props.onSignedIn(null);
    } catch (e) {
      // one answer for a wrong password and a lock (the API does not say which): INVALID_CREDENTIALS' words cover both
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const withKey = async (v: { key: string }) => {
    setBusy(true);
    setError(null);
    try {
      await client({ screen: props.screen, key: v.key.trim() }).me();
      props.onSignedIn(v.key.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const said =
    error instanceof ApiError && error.code === 'UNAUTHENTICATED' && tab === 'key' ? (
      t('这个 API 密钥无效或已被撤销，请检查后重试。', 'This API key is unknown or revoked: check it and try again.')
    ) : (
      <ProblemMessage error={error} />
    );

  return (
    <div className="kq-login">
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <div>
            <div className="kq-login-logo">
              <img src="/assets/favicon.svg" alt="" />
              {props.title}
            </div>
            <Typography.Text type="secondary">{props.subtitle}</Typography.Text>
          </div>
          <LangSwitch />
        </div>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k);
            setError(null);
          }}
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'account',
              label: t('账号登录', 'Account'),
              children: (
                <Form layout="vertical" onFinish={withAccount} requiredMark={false} data-testid="signin-form">
                  <Form.Item name="tenant" label={t('商户（名称或 ID，唯一用户名可不填）', 'Tenant (name or id; optional when the username is unique)')}>
                    <Input prefix={<ShopOutlined />} autoComplete="organization" />
                  </Form.Item>
                  <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}>
                    <Input prefix={<UserOutlined />} autoComplete="username" />
                  </Form.Item>
                  <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
                    <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
                  </Form.Item>
                  {error != null && tab === 'account' && <Alert type="error" showIcon title={said} style={{ marginBottom: 16 }} />}
                  <Button type="primary" htmlType="submit" block loading={busy} size="large">
                    {t('登录', 'Sign in')}
                  </Button>
                </Form>
              ),
            },
            ...(props.allowKey === false
              ? []
              : [
                  {
                    key: 'key',
                    label: t('API 密钥', 'API key'),
                    children: (
                      <Form layout="vertical" onFinish={withKey} requiredMark={false}>
                        <Form.Item
                          name="key"
                          label={t('API 密钥', 'API key')}
                          extra={props.keyHint}
                          rules={[{ required: true, message: t('请输入密钥', 'Enter a key') }]}
                        >
                          <Input.Password prefix={<KeyOutlined />} placeholder="kq_…" autoComplete="off" />
                        </Form.Item>
                        {error != null && tab === 'key' && <Alert type="error" showIcon title={said} style={{ marginBottom: 16 }} />}
                        <Button type="primary" htmlType="submit" block loading={busy} size="large">
                          {t('使用密钥登录', 'Sign in with the key')}
                        </Button>
                      </Form>
                    ),
                  },
                ]),
          ]}
        />
      </Card>
    </div>
  );
}
