import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Segmented, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Member, PointBalances } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { Refusal } from '../wholesale/Refusal';

/**
 * 积分调整 (POST /v1/members/{id}/points/adjustments): add to or take from a member's points or growth by
 * hand, always with a reason (the member sees it in their points history; the audit log keeps who did it).
 * Taking draws the lots closest to expiry first and never goes below zero (the server refuses, naming it).
 */
export function AdjustPointsDialog(props: { member: Member; balances: PointBalances; onClose: () => void; onDone: () => void }) {
  const { member, balances, onClose, onDone } = props;
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm<{ asset: 'points' | 'growth'; way: 'add' | 'take'; amount: number; reason: string; expires_at?: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const way = Form.useWatch('way', form) ?? 'add';
  const asset = Form.useWatch('asset', form) ?? 'points';
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.adjustPoints(member.id, {
        asset: v.asset,
        delta: v.way === 'take' ? -v.amount : v.amount,
        reason: v.reason.trim(),
        ...(v.way === 'add' && v.expires_at ? { expires_at: v.expires_at.endOf('day').toISOString() } : {}),
      });
      message.success(t('已调整', 'Adjusted'));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const has = asset === 'growth' ? balances.growth : balances.points;
  return (
    <Modal
      open
      title={t(`调整积分 · ${member.name ?? member.external_id ?? ''}`, `Adjust points · ${member.name ?? member.external_id ?? ''}`)}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      okText={t('确认调整', 'Adjust')}
      okButtonProps={{ 'data-testid': 'points-adjust-submit' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ asset: 'points', way: 'add' }} data-testid="points-adjust-form">
        <Form.Item name="asset" label={t('调整什么', 'What')}>
          <Segmented
            options={[
              { value: 'points', label: t('积分', 'Points') },
              { value: 'growth', label: t('成长值', 'Growth') },
            ]}
          />
        </Form.Item>
        <Form.Item name="way" label={t('增加或扣减', 'Add or take')}>
          <Segmented
            options={[
              { value: 'add', label: t('增加', 'Add') },
              { value: 'take', label: t('扣减', 'Take') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('数量', 'Amount')}
          extra={t(`当前：${has.toLocaleString('zh-CN')}`, `Now: ${has.toLocaleString('zh-CN')}`)}
          rules={[{ required: true, message: t('请填写数量', 'Enter the amount') }]}
        >
          <InputNumber min={1} max={1_000_000_000} precision={0} style={{ width: '100%' }} data-testid="points-adjust-amount" />
        </Form.Item>
        {way === 'add' && asset === 'points' && (
          <Form.Item name="expires_at" label={t('过期日期（可不填：长期有效）', 'Expires (empty: never)')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('原因（会员可在积分明细中看到）', 'Reason (the member sees it)')}
          rules={[{ required: true, whitespace: true, message: t('请填写调整原因', 'Give the reason') }]}
        >
          <Input maxLength={200} showCount data-testid="points-adjust-reason" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '扣减从最早过期的积分开始，不会扣成负数；调整记入操作日志。',
          'Taking starts with the points expiring first and never goes below zero; it is audited.',
        )}
      </Typography.Paragraph>
      {error != null && <Refusal error={error} />}
    </Modal>
  );
}
