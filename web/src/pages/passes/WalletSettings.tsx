import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Radio, Space, Typography, Upload, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { AppleSettingsInput, AppleSettingsShown, GoogleSettingsInput } from '../../api/passes';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { time } from '../../format';
import { PageTitle } from '../../components/PageTitle';
import { P12Field, PemField, SecretState, useRefusal } from './parts';
import { WechatSettings } from './WechatSettings';
import { Reconciliations } from './Reconciliations';

type Shown = AppleSettingsShown;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const clean = <T extends object>(v: T) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as T;

/**
 * 手机卡包与微信支付: the brand's Apple Wallet certificate, Google Wallet service account and WeChat Pay
 * merchant keys. Ids are shown back; certificates and keys only as 已设置 / 未设置 (the API never
 * returns them), so saving asks for them again.
 */
export function WalletSettings() {
  const t = useT();
  const { me } = useConsole();
  return (
    <>
      <PageTitle title={t('手机卡包与微信支付', 'Phone wallets & WeChat Pay')} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <AppleCard />
        <GoogleCard />
        <WechatSettings />
        {me.can.includes('reports.read') && <Reconciliations canRun={me.can.includes('tenant.manage')} />}
      </Space>
    </>
  );
}

function Saved({ s }: { s: Shown | null }) {
  const t = useT();
  if (!s) return null;
  return (
    <Space>
      <SecretState set={s.configured} testId={`configured-${s.provider}`} />
      {s.updated_at && <span className="kq-muted">{t(`更新于 ${time(s.updated_at)}`, `updated ${time(s.updated_at)}`)}</span>}
    </Space>
  );
}

function AppleCard() {
  const t = useT();
  const { api } = useConsole();
  const [s, setS] = useState<Shown | null>(null);
  const [form] = Form.useForm<AppleSettingsInput>();
  const refusal = useRefusal(form, 'apple-error');
  /** Keychain exports the certificate and its key as one .p12; PEM for those who converted it with openssl. */
  const [format, setFormat] = useState<'p12' | 'pem'>('p12');
  const load = () =>
    api
      .appleSettings()
      .then((x) => {
        setS(x);
        form.setFieldsValue({ pass_type_id: str(x.pass_type_id), team_id: str(x.team_id), organization_name: str(x.organization_name) });
      })
      .catch(report);
  useEffect(() => {
    load();
  }, [api]);
  const save = async ({ certificate_p12, certificate_p12_password, certificate_pem, private_key_pem, private_key_passphrase, ...ids }: AppleSettingsInput) => {
    refusal.clear();
    const cert = format === 'p12' ? { certificate_p12, certificate_p12_password } : { certificate_pem, private_key_pem, private_key_passphrase };
    try {
      setS(await api.setAppleSettings(clean({ ...ids, ...cert })));
      form.setFieldsValue({
        certificate_p12: undefined,
        certificate_p12_password: undefined,
        certificate_pem: undefined,
        private_key_pem: undefined,
        private_key_passphrase: undefined,
        wwdr_pem: undefined,
      });
      message.success(t('已保存', 'Saved'));
    } catch (e) {
      refusal.show(e);
    }
  };
  const set = !!s?.configured;
  return (
    <Card size="small" title={t('Apple 钱包', 'Apple Wallet')} extra={<Saved s={s} />} data-testid="apple-settings">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '在 Apple 开发者后台创建 Pass Type ID 证书，装入“钥匙串访问”后连同私钥导出为 .p12 上传（或用 openssl 转成 PEM 粘贴）。证书须与私钥配对且在有效期内。',
          'Make a Pass Type ID certificate in Apple’s developer site, add it to Keychain Access and export it with its key as a .p12 (or convert it to PEM with openssl). It must match the key and be in date.',
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }}>
        <Form.Item name="pass_type_id" label="Pass Type ID" rules={[{ required: true }]}>
          <Input placeholder="pass.com.brand.coupons" data-testid="apple-pass-type-id" />
        </Form.Item>
        <Form.Item name="team_id" label="Team ID" rules={[{ required: true }]}>
          <Input placeholder="ABCDE12345" maxLength={10} data-testid="apple-team-id" />
        </Form.Item>
        <Form.Item name="organization_name" label={t('机构名称（显示在卡包里）', 'Organization name (shown in Wallet)')} rules={[{ required: true }]}>
          <Input data-testid="apple-organization" />
        </Form.Item>
        <Form.Item label={t('证书格式', 'Certificate as')}>
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value)} data-testid="apple-format">
            <Radio.Button value="p12">{t('.p12 文件', '.p12 file')}</Radio.Button>
            <Radio.Button value="pem">{t('PEM 文本', 'PEM text')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {format === 'p12' ? (
          <>
            <P12Field name="certificate_p12" label={t('Pass Type ID 证书（.p12）', 'Pass Type ID certificate (.p12)')} set={set} />
            <Form.Item
              name="certificate_p12_password"
              label={t('.p12 文件密码', '.p12 password')}
              extra={t('导出时设置的密码；没有设置则留空', 'Set when it was exported; leave empty if none')}
            >
              <Input.Password autoComplete="new-password" data-testid="apple-p12-password" />
            </Form.Item>
          </>
        ) : (
          <>
            <PemField name="certificate_pem" label={t('Pass Type ID 证书', 'Pass Type ID certificate')} set={set} />
            <PemField name="private_key_pem" label={t('私钥', 'Private key')} set={set} />
            <Form.Item name="private_key_passphrase" label={t('私钥密码（可选）', 'Key passphrase (optional)')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <PemField name="wwdr_pem" label={t('Apple WWDR 中间证书', 'Apple WWDR certificate')} set={set} />
        {refusal.node}
        <Button type="primary" htmlType="submit" data-testid="apple-save">
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}

function GoogleCard() {
  const t = useT();
  const { api } = useConsole();
  const [s, setS] = useState<Shown | null>(null);
  const [form] = Form.useForm<GoogleSettingsInput>();
  const refusal = useRefusal(form, 'google-error');
  useEffect(() => {
    api
      .googleSettings()
      .then((x) => {
        setS(x);
        form.setFieldsValue({ issuer_id: str(x.issuer_id), service_account_email: str(x.service_account_email) });
      })
      .catch(report);
  }, [api]);
  const save = async (v: GoogleSettingsInput) => {
    refusal.clear();
    try {
      setS(await api.setGoogleSettings(v));
      form.setFieldValue('private_key_pem', undefined);
      message.success(t('已保存', 'Saved'));
    } catch (e) {
      refusal.show(e);
    }
  };
  /** A service account's JSON key file carries both the email and the key. */
  const readJson = async (file: File) => {
    try {
      const j = JSON.parse(await file.text()) as { client_email?: string; private_key?: string };
      form.setFieldsValue({ service_account_email: j.client_email, private_key_pem: j.private_key });
    } catch {
      message.error(t('不是服务账号的 JSON 密钥文件', 'Not a service account JSON key file'));
    }
    return false;
  };
  return (
    <Card size="small" title={t('Google 钱包', 'Google Wallet')} extra={<Saved s={s} />} data-testid="google-settings">
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }}>
        <Form.Item name="issuer_id" label="Issuer ID" rules={[{ required: true }]}>
          <Input placeholder="3388000000012345678" data-testid="google-issuer-id" />
        </Form.Item>
        <Form.Item name="service_account_email" label={t('服务账号邮箱', 'Service account email')} rules={[{ required: true }]}>
          <Input placeholder="wallet@project.iam.gserviceaccount.com" />
        </Form.Item>
        <Upload accept=".json" showUploadList={false} beforeUpload={readJson}>
          <Button size="small" icon={<UploadOutlined />} style={{ marginBottom: 12 }}>
            {t('读取服务账号 JSON 密钥', 'Read the service account JSON key')}
          </Button>
        </Upload>
        <PemField name="private_key_pem" label={t('服务账号私钥', 'Service account private key')} set={!!s?.configured} />
        {refusal.node}
        <Button type="primary" htmlType="submit" data-testid="google-save">
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
