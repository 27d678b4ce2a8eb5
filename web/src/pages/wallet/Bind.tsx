import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import type { walletClient } from '../../api';
import { useT } from '../../i18n';
import { ProblemMessage } from '../../problems';

type WalletApi = ReturnType<typeof walletClient>;

/** 绑定券码: a code bought or received elsewhere goes into this member's wallet. */
export function Bind({ open, api, onClose, onBound }: { open: boolean; api: WalletApi; onClose: () => void; onBound: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.bind(v.code, v.pin || undefined);
      form.resetFields();
      onBound();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('绑定券码', 'Add a code')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('绑定', 'Add')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'wallet-bind-submit' } as any}
    >
      <p className="kq-muted">{t('在其他渠道购买或获赠的券码，绑定后可在钱包中使用。', 'Codes bought or received elsewhere can be added to your wallet.')}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="code" label={t('券码 / 卡号', 'Code / card number')} rules={[{ required: true, message: t('请输入券码', 'Enter the code') }]}>
          <Input size="large" className="kq-mono" data-testid="wallet-bind-code" />
        </Form.Item>
        <Form.Item name="pin" label={t('密码（礼品卡需要）', 'PIN (gift cards)')}>
          <Input.Password size="large" />
        </Form.Item>
      </Form>
      {error != null && (
        <div style={{ color: '#ff4d4f' }} data-testid="wallet-bind-error">
          <ProblemMessage error={error} />
        </div>
      )}
    </Modal>
  );
}
