import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Result, Select, Space, Switch, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { report, type Client } from '../../api';
import type { DeliveryCreated } from '../../api/types';
import { useT } from '../../i18n';
import { num, time } from '../../format';
import { Copyable } from '../../names';
import { ProblemMessage } from '../../problems';
import { saveFile } from '../batches/ExportCodes';

/** What a delivery carries: a wholesale order's fulfilled cards, a batch export's cards, or these cards. */
export type DeliverySource = { order: string } | { export: { batch_id: string; export_id: string } } | { card_ids: string[] };

/**
 * 安全交付 (create a delivery), reusable: the deliveries page, a batch's export history and the
 * wholesale order page open it with their source. Method 下载链接 (a one-time link, its expiry and
 * download limit, the file password-protected unless turned off) or 加密文件 (a password-protected
 * XLSX the operator downloads and sends). After creating, the password and the link are shown ONCE,
 * with copy buttons, and the password is to go by another channel than the file or the link.
 */
export function CreateDelivery(props: {
  api: Client;
  open: boolean;
  source: DeliverySource | null;
  /** what the source is, in words (批次「…」的导出 · 200 张) */
  sourceLabel?: string;
  /** a recipient to start from (the order's buyer) */
  recipient?: { name?: string; phone?: string; email?: string };
  onClose: () => void;
  onCreated?: (d: DeliveryCreated) => void;
}) {
  const { api, source } = props;
  const t = useT();
  const [form] = Form.useForm();
  const [method, setMethod] = useState<'link' | 'file'>('link');
  const [made, setMade] = useState<DeliveryCreated | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!props.open) return;
    setMade(null);
    setError(null);
    setMethod('link');
    form.resetFields();
    form.setFieldsValue({ hours: 72, max_downloads: 1, password: true, ...props.recipient });
  }, [props.open]);

  const create = async () => {
    if (!source) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const from = 'order' in source ? { order: { id: source.order } } : 'export' in source ? { export: source.export } : { card_ids: source.card_ids };
      const d = await api.createDelivery({
        ...from,
        method,
        recipient: { name: v.name.trim(), ...(v.phone ? { phone: v.phone.trim() } : {}), ...(v.email ? { email: v.email.trim() } : {}) },
        ...(v.note ? { note: v.note } : {}),
        ...(method === 'link' ? { expires_in_hours: v.hours, max_downloads: v.max_downloads, password: v.password } : {}),
      });
      setMade(d);
      props.onCreated?.(d);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    if (!made) return;
    try {
      saveFile(await api.deliveryFile(made.id), `${made.recipient.name}-${made.id}.xlsx`);
    } catch (e) {
      report(e);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('安全交付卡密', 'Deliver codes safely')}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        made
          ? [
              <Button key="done" type="primary" onClick={props.onClose} data-testid="delivery-done">
                {t('我已记下，关闭', 'I have them, close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={props.onClose}>
                {t('取消', 'Cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={busy} onClick={create} data-testid="delivery-create">
                {t('创建交付', 'Create delivery')}
              </Button>,
            ]
      }
    >
      {made ? (
        <Result
          status="success"
          title={t(`已创建交付：${num(made.cards)} 张卡券交给 ${made.recipient.name}`, `Delivery created: ${num(made.cards)} cards for ${made.recipient.name}`)}
          subTitle={t('以下内容只显示这一次，关闭后无法再查看', 'What follows is shown this once; it cannot be seen again after closing')}
          extra={
            <Space direction="vertical" style={{ width: '100%', textAlign: 'left' }} data-testid="delivery-secret">
              {made.secret.url && (
                <div>
                  <Typography.Text type="secondary">{t('下载链接', 'Download link')}</Typography.Text>
                  <div>
                    <Copyable text={made.secret.url} testId="delivery-url" />
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(
                      `有效至 ${time(made.expires_at)}，可下载 ${made.max_downloads ?? 1} 次`,
                      `Valid until ${time(made.expires_at)}, ${made.max_downloads ?? 1} download(s)`,
                    )}
                  </Typography.Text>
                </div>
              )}
              {made.method === 'file' && (
                <Button icon={<DownloadOutlined />} onClick={download} data-testid="delivery-file">
                  {t('下载加密文件', 'Download the encrypted file')}
                </Button>
              )}
              {made.secret.password && (
                <div>
                  <Typography.Text type="secondary">{t('文件密码', 'File password')}</Typography.Text>
                  <div>
                    <Copyable text={made.secret.password} strong testId="delivery-password" />
                  </div>
                </div>
              )}
              {made.secret.password && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="delivery-password-hint"
                  title={t(
                    '密码请通过其他渠道（电话、短信）告知收件人',
                    'Give the recipient the password by another channel (a call, an SMS), never with the file or the link',
                  )}
                />
              )}
            </Space>
          }
        />
      ) : (
        <Form form={form} layout="vertical" data-testid="delivery-form">
          {props.sourceLabel && <Alert type="info" title={props.sourceLabel} style={{ marginBottom: 12 }} />}
          <Form.Item label={t('交付方式', 'Method')}>
            <Radio.Group value={method} onChange={(e) => setMethod(e.target.value)} data-testid="delivery-method">
              <Radio.Button value="link">{t('下载链接', 'Download link')}</Radio.Button>
              <Radio.Button value="file">{t('加密文件', 'Encrypted file')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="name"
            label={t('收件人', 'Recipient')}
            rules={[{ required: true, whitespace: true, message: t('请填写收件人', 'Enter the recipient') }]}
          >
            <Input maxLength={200} placeholder={t('如：李经理', 'e.g. Manager Li')} data-testid="delivery-recipient" />
          </Form.Item>
          <Space wrap style={{ width: '100%' }}>
            <Form.Item name="phone" label={t('手机号（可选）', 'Phone (optional)')}>
              <Input maxLength={40} inputMode="tel" />
            </Form.Item>
            <Form.Item name="email" label={t('邮箱（可选）', 'Email (optional)')}>
              <Input maxLength={200} inputMode="email" />
            </Form.Item>
          </Space>
          {method === 'link' && (
            <Space wrap style={{ width: '100%' }}>
              <Form.Item name="hours" label={t('有效期', 'Valid for')}>
                <Select
                  style={{ width: 140 }}
                  options={[24, 72, 168, 720].map((h) => ({ value: h, label: h < 168 ? t(`${h} 小时`, `${h} hours`) : t(`${h / 24} 天`, `${h / 24} days`) }))}
                  data-testid="delivery-hours"
                />
              </Form.Item>
              <Form.Item name="max_downloads" label={t('可下载次数', 'Downloads')}>
                <InputNumber min={1} max={10} precision={0} data-testid="delivery-max" />
              </Form.Item>
              <Form.Item name="password" label={t('文件加密', 'Password-protect')} valuePropName="checked">
                <Switch data-testid="delivery-password-switch" />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="note" label={t('备注（可选）', 'Note (optional)')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} data-testid="delivery-error" />}
        </Form>
      )}
    </Modal>
  );
}
