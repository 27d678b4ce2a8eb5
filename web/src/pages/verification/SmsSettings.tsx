import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, message } from 'antd';
import { report } from '../../api';
import type { SmsSettingsInput } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { PageTitle } from '../../components/PageTitle';

type Settings = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['smsSettings']>>;

/**
 * 短信设置: where one-time codes (短信二次验证) are sent from. console writes them to the server log
 * (development); aliyun and tencent need the keys their console gives. The secret is written once
 * and shown masked; leaving it empty keeps the stored one.
 */
export function SmsSettings() {
  const t = useT();
  const { api } = useConsole();
  const [s, setS] = useState<Settings | null>(null);
  const [form] = Form.useForm<SmsSettingsInput>();
  const provider = Form.useWatch('provider', form);
  const load = () =>
    api
      .smsSettings()
      .then((x) => {
        setS(x);
        form.setFieldsValue({
          provider: x.provider,
          access_key_id: x.access_key_id ?? undefined,
          sign_name: x.sign_name ?? undefined,
          template_code: x.template_code ?? undefined,
          sdk_app_id: x.sdk_app_id ?? undefined,
          region: x.region ?? undefined,
        });
      })
      .catch(report);
  useEffect(() => {
    load();
  }, [api]);
  const save = async (v: SmsSettingsInput) => {
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as SmsSettingsInput;
    try {
      await api.putSmsSettings(v.provider === 'console' ? { provider: 'console' } : body);
      message.success(t('已保存', 'Saved'));
      form.setFieldValue('access_key_secret', undefined);
      load();
    } catch (e) {
      report(e);
    }
  };
  const remote = provider === 'aliyun' || provider === 'tencent';
  return (
    <>
      <PageTitle title={t('短信设置', 'SMS settings')} />
      <Card size="small" title={t('验证码短信通道', 'Where one-time codes are sent from')} data-testid="sms-settings">
        <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 520 }}>
          <Form.Item name="provider" label={t('服务商', 'Provider')} initialValue="console">
            <Select
              data-testid="sms-provider"
              options={[
                { value: 'console', label: t('开发模式（验证码写入服务器日志）', 'Development (codes go to the server log)') },
                { value: 'aliyun', label: t('阿里云短信', 'Alibaba Cloud SMS') },
                { value: 'tencent', label: t('腾讯云短信', 'Tencent Cloud SMS') },
              ]}
            />
          </Form.Item>
          {remote && (
            <>
              <Form.Item name="access_key_id" label={provider === 'aliyun' ? 'AccessKey ID' : 'SecretId'} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item
                name="access_key_secret"
                label={provider === 'aliyun' ? 'AccessKey Secret' : 'SecretKey'}
                extra={
                  s?.access_key_secret_set
                    ? t(`已保存（${s.access_key_secret_masked}），留空则保留原值`, `Stored (${s.access_key_secret_masked}); leave empty to keep it`)
                    : t('只写入一次，保存后仅显示末 4 位', 'Written once; only its last 4 characters are shown afterwards')
                }
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="sign_name" label={t('短信签名', 'Signature (签名)')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="template_code" label={t('模板编号', 'Template code')} rules={[{ required: true }]}>
                <Input placeholder={provider === 'aliyun' ? 'SMS_123456789' : '1234567'} />
              </Form.Item>
              {provider === 'tencent' && (
                <Form.Item name="sdk_app_id" label="SmsSdkAppId" rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              )}
              <Form.Item name="region" label={t('地域（可选）', 'Region (optional)')}>
                <Input placeholder={provider === 'aliyun' ? 'cn-hangzhou' : 'ap-guangzhou'} />
              </Form.Item>
            </>
          )}
          {provider === 'console' && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('开发模式不会真的发送短信', 'Development mode sends no real SMS')} />
          )}
          <Space>
            <Button type="primary" htmlType="submit" data-testid="sms-save">
              {t('保存', 'Save')}
            </Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
