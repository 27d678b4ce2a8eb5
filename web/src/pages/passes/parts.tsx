import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Space, Tag, Upload, type FormInstance } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { problemText, ProblemMessage } from '../../problems';
import { currentLang, useT } from '../../i18n';

/** A secret is shown only as set or not set: what was saved never comes back to the page. */
export function SecretState({ set, testId }: { set: boolean; testId?: string }) {
  const t = useT();
  return (
    <Tag color={set ? 'green' : 'default'} data-testid={testId}>
      {set ? t('已设置', 'Set') : t('未设置', 'Not set')}
    </Tag>
  );
}

/** A PEM pasted or read from a file (certificates and keys are text: -----BEGIN …-----). */
export function PemField({ name, label, set, required = true, extra }: { name: string; label: string; set: boolean; required?: boolean; extra?: ReactNode }) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.Item
      label={
        <Space>
          {label}
          <SecretState set={set} testId={`secret-${name}`} />
        </Space>
      }
      extra={
        extra ??
        (set
          ? t('已保存，不再显示；保存时需重新提供', 'Stored and never shown again; give it again to save')
          : t('粘贴 PEM 文本，或从文件读取', 'Paste the PEM text, or read it from a file'))
      }
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4, alignItems: 'flex-start' }}>
        <Form.Item name={name} noStyle rules={required ? [{ required: true, message: t(`请提供${label}`, `${label} is required`) }] : []}>
          <Input.TextArea rows={3} placeholder="-----BEGIN …-----" autoComplete="off" spellCheck={false} className="kq-mono" data-testid={`pem-${name}`} />
        </Form.Item>
        <Upload
          accept=".pem,.key,.crt,.cer,.txt"
          showUploadList={false}
          beforeUpload={async (file) => {
            form.setFieldValue(name, await file.text());
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />}>
            {t('从文件读取', 'Read from a file')}
          </Button>
        </Upload>
      </div>
    </Form.Item>
  );
}

/**
 * A refusal of a settings form: the catalogue's words above the button (a certificate that does not
 * match its key, an expired one …), and each field the problem names marked on the form.
 */
export function useRefusal(form: FormInstance, testId: string) {
  const [error, setError] = useState<unknown>(null);
  const show = (e: unknown) => {
    setError(e);
    if (e instanceof ApiError)
      form.setFields(
        e.errors
          .map((x) => x.field.replace(/^body\./, '').replace(/\[\d+\]$/, ''))
          .filter((f) => form.getFieldInstance(f) !== undefined)
          .map((f) => ({ name: f, errors: [problemText(e, currentLang())] })),
      );
  };
  const node = error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={<ProblemMessage error={error} />} data-testid={testId} /> : null;
  return { node, show, clear: () => setError(null) };
}

/** A file's bytes as base64 (what the API takes for a .p12), in chunks: a spread of a whole file overflows the stack. */
async function base64Of(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A .p12 (PKCS #12) chosen from disk: the form keeps it as base64, the page shows only the file's name. */
export function P12Field({ name, label, set }: { name: string; label: string; set: boolean }) {
  const t = useT();
  const form = Form.useFormInstance();
  const [file, setFile] = useState<string | null>(null);
  const value = Form.useWatch(name, form);
  return (
    <Form.Item
      label={
        <Space>
          {label}
          <SecretState set={set} testId={`secret-${name}`} />
        </Space>
      }
      extra={t(
        '在“钥匙串访问”中同时选中证书和它的私钥，导出为 .p12（个人信息交换）',
        'In Keychain Access select the certificate with its key and export them as .p12',
      )}
    >
      <Form.Item name={name} noStyle rules={[{ required: true, message: t(`请选择${label}`, `${label} is required`) }]}>
        <Input type="hidden" />
      </Form.Item>
      <Upload
        accept=".p12,.pfx"
        showUploadList={false}
        beforeUpload={async (f) => {
          form.setFieldValue(name, await base64Of(f));
          setFile(f.name);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid={`p12-${name}`}>
          {value && file ? file : t('选择 .p12 文件', 'Choose the .p12 file')}
        </Button>
      </Upload>
    </Form.Item>
  );
}
