import { useEffect, useState } from 'react';
import { Button, ColorPicker, Form, Modal, Space, Tag, Typography, Upload, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { PassStyle, PassStyleInput } from '../../api/passes';
import type { Template } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';

type Img = { logo: string | null | undefined; strip: string | null | undefined }; // undefined: keep the stored one
const toBase64 = async (f: File) => {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
/** The picker's colour as the API takes it (#rrggbb), or null once cleared. */
const fromPicker = (c: { cleared?: boolean; toHexString: () => string } | null) => (c && !c.cleared ? c.toHexString().slice(0, 7) : null);
const colorItem = { getValueFromEvent: fromPicker };

/** 卡包样式: how a template's Apple / Google Wallet passes look (colours, logo, strip image). */
export function PassStyleButton({ template }: { template: Template }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="pass-style-open">
        {t('卡包样式', 'Pass look')}
      </Button>
      {open && <PassStyleDialog template={template} onClose={() => setOpen(false)} />}
    </>
  );
}

function PassStyleDialog({ template, onClose }: { template: Template; onClose: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [style, setStyle] = useState<PassStyle | null>(null);
  const [img, setImg] = useState<Img>({ logo: undefined, strip: undefined });
  const [form] = Form.useForm();
  useEffect(() => {
    api
      .passStyle(template.id)
      .then((s) => {
        setStyle(s);
        form.setFieldsValue({ background_color: s.background_color, foreground_color: s.foreground_color, label_color: s.label_color });
      })
      .catch(report);
  }, [template.id]);
  const save = async () => {
    const v = form.getFieldsValue();
    const body: PassStyleInput = {
      background_color: v.background_color ?? null,
      foreground_color: v.foreground_color ?? null,
      label_color: v.label_color ?? null,
      ...(img.logo !== undefined ? { logo_png_base64: img.logo } : {}),
      ...(img.strip !== undefined ? { strip_png_base64: img.strip } : {}),
    };
    try {
      await api.setPassStyle(template.id, body);
      message.success(t('已保存，新下载的卡券和已存入卡包的卡券都会使用新样式', 'Saved: new passes and passes already in wallets take the new look'));
      onClose();
    } catch (e) {
      report(e);
    }
  };
  const image = (k: keyof Img, label: string, has: boolean) => {
    const now = img[k] === undefined ? has : img[k] !== null;
    return (
      <Form.Item
        label={label}
        extra={k === 'strip' ? t('建议 1125×432 像素 PNG', 'A 1125×432 PNG works best') : t('建议 480×150 像素 PNG', 'A 480×150 PNG works best')}
      >
        <Space>
          <Tag color={now ? 'green' : 'default'}>{now ? (img[k] ? t('待保存', 'To be saved') : t('已上传', 'Uploaded')) : t('未设置', 'Not set')}</Tag>
          <Upload
            accept="image/png"
            showUploadList={false}
            beforeUpload={async (f) => {
              if (f.size > 300_000) message.error(t('图片不能超过 300 KB', 'At most 300 KB'));
              else {
                const b64 = await toBase64(f);
                setImg((x) => ({ ...x, [k]: b64 }));
              }
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>
              {t('上传 PNG', 'Upload a PNG')}
            </Button>
          </Upload>
          {now && (
            <Button size="small" onClick={() => setImg((x) => ({ ...x, [k]: null }))}>
              {t('移除', 'Remove')}
            </Button>
          )}
        </Space>
      </Form.Item>
    );
  };
  return (
    <Modal
      open
      title={t(`卡包样式 · ${template.name}`, `Pass look · ${template.name}`)}
      onCancel={onClose}
      onOk={save}
      okText={t('保存', 'Save')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('用于 Apple 钱包和 Google 钱包中的卡券。', 'Used by the passes in Apple Wallet and Google Wallet.')}
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} disabled={!style}>
        <Form.Item {...colorItem} name="background_color" label={t('背景色', 'Background')}>
          <ColorPicker format="hex" showText allowClear disabledAlpha />
        </Form.Item>
        <Form.Item {...colorItem} name="foreground_color" label={t('文字颜色', 'Text')}>
          <ColorPicker format="hex" showText allowClear disabledAlpha />
        </Form.Item>
        <Form.Item {...colorItem} name="label_color" label={t('标签颜色', 'Labels')}>
          <ColorPicker format="hex" showText allowClear disabledAlpha />
        </Form.Item>
        {image('logo', t('标志', 'Logo'), !!style?.has_logo)}
        {image('strip', t('横幅图片', 'Strip image'), !!style?.has_strip)}
      </Form>
    </Modal>
  );
}
