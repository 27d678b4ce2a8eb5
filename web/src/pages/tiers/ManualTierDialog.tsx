import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Select, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Tier } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { Refusal } from '../wholesale/Refusal';

/**
 * 手动调整等级 (POST /v1/members/{id}/tier): the member holds the tier at once and cannot fall below it
 * until the end of the date chosen; after it the normal rules apply. The end date and the reason are
 * required — never a silent permanent floor. Any page with a member can open it (the member profile too).
 */
export function ManualTierDialog(props: { memberId: string; memberName?: string | null; tiers: Tier[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm<{ tier_id: string; until: Dayjs; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => form.setFieldsValue({ until: dayjs().add(3, 'month').endOf('month') }), [form]);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.setMemberTier(props.memberId, { tier_id: v.tier_id, until: v.until.format('YYYY-MM-DD'), reason: v.reason.trim() });
      message.success(t('已调整会员等级', 'Tier set'));
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(`调整等级：${props.memberName ?? ''}`, `Set tier: ${props.memberName ?? ''}`)}
      onCancel={props.onClose}
      onOk={save}
      okText={t('确认调整', 'Set tier')}
      okButtonProps={{ loading: busy, 'data-testid': 'manual-tier-save' }}
      destroyOnHidden
    >
      <Refusal error={error} testId="manual-tier-error" />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '会员立即获得该等级，并在截止日期当天结束前不会被降到它以下；到期后按正常规则（成长值与降级策略）重新评定。成长值达到更高等级时仍会升级。',
          'The member holds this tier at once and cannot fall below it until the end of the date; after it the normal rules apply again. Growth can still lift them higher.',
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="tier_id" label={t('等级', 'Tier')} rules={[{ required: true, message: t('请选择等级', 'Choose a tier') }]}>
          <Select options={props.tiers.map((x) => ({ value: x.id, label: x.name }))} data-testid="manual-tier-select" />
        </Form.Item>
        <Form.Item
          name="until"
          label={t('保级截止日期（含当天）', 'Holds through (date)')}
          rules={[{ required: true, message: t('必须设置截止日期', 'An end date is required') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="manual-tier-until" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('原因', 'Reason')}
          rules={[{ required: true, whitespace: true, message: t('请填写原因（记入审计日志）', 'A reason is required (it is audited)') }]}
        >
          <Input maxLength={200} placeholder={t('例如：大客户体验、投诉补偿', 'e.g. key account, complaint')} data-testid="manual-tier-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
