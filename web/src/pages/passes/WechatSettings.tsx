import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Space, Typography, message } from 'antd';
import { ApiError, report } from '../../api';
import type { WechatSettingsInput } from '../../api/passes';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { time } from '../../format';
import { PemField, SecretState, useRefusal } from './parts';

type Shown = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['wechatSettings']>>;
type Fields = Omit<WechatSettingsInput, 'platform_certificates'> & { platform_pem?: string };

/** Several PEM blocks pasted into one box: each is one platform certificate (or public key). */
const pemBlocks = (text = '') => text.match(/-----BEGIN [^-]+-----[\s\S]*?-----END [^-]+-----/g) ?? (text.trim() ? [text.trim()] : []);

/** 微信支付商家券: the merchant id, API v3 key, certificate serial and key, and WeChat Pay's platform certificates. */
export function WechatSettings() {
  const t = useT();
  const { api } = useConsole();
  const [s, setS] = useState<Shown | null>(null);
  const [form] = Form.useForm<Fields>();
  const refusal = useRefusal(form, 'wechat-error');
  useEffect(() => {
    api
      .wechatSettings()
      .then((x) => {
        setS(x);
        form.setFieldsValue({ mchid: x.mchid, appid: x.appid, serial_no: x.serial_no });
      })
      .catch((e) => {
        if (!(e instanceof ApiError && e.code === 'WECHATPAY_NOT_CONFIGURED')) report(e);
      });
  }, [api]);
  const save = async ({ platform_pem, ...v }: Fields) => {
    refusal.clear();
    try {
      const body: WechatSettingsInput = { ...v, platform_certificates: pemBlocks(platform_pem) };
      if (!body.base_url) delete body.base_url;
      setS(await api.setWechatSettings(body));
      form.setFieldsValue({ api_v3_key: undefined, private_key: undefined, platform_pem: undefined });
      message.success(t('已保存', 'Saved'));
    } catch (e) {
      refusal.show(e);
    }
  };
  const set = !!s;
  return (
    <Card
      size="small"
      title={t('微信支付商家券', 'WeChat Pay merchant coupons')}
      extra={
        <Space>
          <SecretState set={set} testId="configured-wechatpay" />
          {s && <span className="kq-muted">{t(`更新于 ${time(s.updated_at)}`, `updated ${time(s.updated_at)}`)}</span>}
        </Space>
      }
      data-testid="wechat-settings"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '用于把批次镜像为微信支付商家券（上传券码模式）。商户 API 私钥与证书序列号来自商户平台的 API 证书；平台证书用于验证微信支付的通知签名。',
          'Used to mirror a batch as a WeChat Pay merchant-coupon stock (uploaded codes). The merchant key and serial come from the merchant platform’s API certificate; the platform certificates verify WeChat Pay’s notifications.',
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }}>
        <Form.Item name="mchid" label={t('商户号', 'Merchant id')} rules={[{ required: true }]}>
          <Input placeholder="1900000001" data-testid="wechat-mchid" />
        </Form.Item>
        <Form.Item name="appid" label="AppID" rules={[{ required: true }]}>
          <Input placeholder="wx1234567890abcdef" />
        </Form.Item>
        <Form.Item name="serial_no" label={t('商户证书序列号', 'Merchant certificate serial')} rules={[{ required: true }]}>
          <Input className="kq-mono" />
        </Form.Item>
        <Form.Item
          name="api_v3_key"
          label={
            <Space>
              {t('APIv3 密钥', 'API v3 key')}
              <SecretState set={set} testId="secret-api_v3_key" />
            </Space>
          }
          extra={t('32 位；已保存的密钥不再显示，保存时需重新提供', '32 characters; a stored key is never shown again, give it again to save')}
          rules={[{ required: true, len: 32, message: t('APIv3 密钥为 32 位', 'The API v3 key is 32 characters') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PemField name="private_key" label={t('商户 API 私钥', 'Merchant API private key')} set={set} />
        <PemField
          name="platform_pem"
          label={t('微信支付平台证书', 'WeChat Pay platform certificates')}
          set={set}
          extra={
            s?.platform_certificates.length
              ? s.platform_certificates
                  .map(
                    (p) => `${p.serial ?? t('公钥', 'public key')}${p.not_after ? t(` · 有效至 ${time(p.not_after)}`, ` · until ${time(p.not_after)}`) : ''}`,
                  )
                  .join('；')
              : t('可粘贴多张证书（或平台公钥）', 'Several certificates (or the platform public key) may be pasted')
          }
        />
        <Form.Item name="base_url" label={t('接口地址（可选）', 'API address (optional)')}>
          <Input placeholder="https://api.mch.weixin.qq.com" />
        </Form.Item>
        {refusal.node}
        <Button type="primary" htmlType="submit" data-testid="wechat-save">
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
