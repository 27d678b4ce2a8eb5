import { useEffect, useState } from 'react';
import { Button, Form, InputNumber, Radio, Select, Typography, message } from 'antd';
import type { TierSettings } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { Refusal } from '../wholesale/Refusal';

/** 降级策略: never, at each qualifying period's end (on growth earned in it), or on a refund; and the grace period. */
export function Policy({ settings, canManage, onSaved }: { settings: TierSettings; canManage: boolean; onSaved: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm<TierSettings>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const policy = Form.useWatch('policy', form);
  useEffect(() => form.setFieldsValue(settings), [form, settings]);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.setTierSettings({ policy: v.policy, period_months: v.period_months, grace_days: v.grace_days });
      message.success(t('降级策略已保存', 'Policy saved'));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="tier-policy">
      <Refusal error={error} testId="tier-policy-error" />
      <Form form={form} layout="vertical" disabled={!canManage} style={{ maxWidth: 560 }}>
        <Form.Item name="policy" label={t('降级方式', 'How tiers fall')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'never', label: t('不降级', 'Never') },
              { value: 'period', label: t('周期考核', 'Period review') },
              { value: 'refund', label: t('退款降级', 'On refund') },
            ]}
            data-testid="tier-policy-radio"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {policy === 'period'
            ? t(
                '每个考核周期结束时（按商户时区，从 1 月 1 日起的自然月份），按会员在该周期内获得的成长值重新评定等级——不是累计余额。',
                'At the end of each qualifying period (calendar months from 1 January, in the tenant’s zone) members are judged on the growth earned in it — not their balance.',
              )
            : policy === 'refund'
              ? t('订单退款扣回成长值后，若低于当前等级门槛则降级。', 'When a refund takes growth back below the tier’s threshold, the tier falls.')
              : t('等级只升不降（人工调整的等级到期后除外）。', 'Tiers only rise (a manual tier still ends on its date).')}
        </Typography.Paragraph>
        {policy === 'period' && (
          <Form.Item name="period_months" label={t('考核周期', 'Qualifying period')}>
            <Select
              options={[1, 3, 6, 12].map((m) => ({
                value: m,
                label: m === 12 ? t('每年', 'Yearly') : m === 1 ? t('每月', 'Monthly') : t(`每 ${m} 个月`, `Every ${m} months`),
              }))}
              style={{ width: 200 }}
              data-testid="tier-period"
            />
          </Form.Item>
        )}
        <Form.Item
          name="grace_days"
          label={t('宽限期（天）', 'Grace (days)')}
          extra={t(
            '决定降级后，会员在宽限期内保留原等级；期间重新达标则取消降级。0 表示立即降级。',
            'After a downgrade is decided the member keeps the tier this long; reaching it again calls it off. 0: at once.',
          )}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: 200 }} data-testid="tier-grace" />
        </Form.Item>
        {canManage && (
          <Button type="primary" loading={busy} onClick={save} data-testid="tier-policy-save">
            {t('保存策略', 'Save policy')}
          </Button>
        )}
      </Form>
    </div>
  );
}
