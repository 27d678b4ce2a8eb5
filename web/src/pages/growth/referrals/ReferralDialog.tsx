import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReferralCampaign, ReferralCampaignInput } from '../../../api/referrals';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { Refusal } from '../../wholesale/Refusal';
import { QUALIFY } from './words';
import { RewardsField, toRewards } from '../../campaigns/RewardsField';

/**
 * 新建/编辑邀请有礼: name, what qualifies (注册 / 首单 / 首次核销), the return window after a first order, the cap
 * of friends a referrer is rewarded for, the window, and what the referrer and the friend get (either may be empty).
 */
export function ReferralDialog({
  campaign,
  onClose,
  onSaved,
}: {
  campaign: ReferralCampaign | null;
  onClose: () => void;
  onSaved: (c: ReferralCampaign) => void;
}) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const qualify = Form.useWatch('qualify_on', form);
  useEffect(() => {
    const c = campaign;
    form.setFieldsValue(
      c
        ? {
            ...c,
            referrer_rewards: c.referrer_rewards ?? [],
            referee_rewards: c.referee_rewards ?? [],
            window: c.starts_at || c.ends_at ? [c.starts_at ? dayjs(c.starts_at) : null, c.ends_at ? dayjs(c.ends_at) : null] : undefined,
          }
        : {
            qualify_on: 'first_order',
            return_days: 7,
            referrer_rewards: [{ type: 'points', amount: 200 }],
            referee_rewards: [{ type: 'points', amount: 100 }],
          },
    );
  }, [campaign, form]);

  const save = async () => {
    const v = await form.validateFields();
    const [from, until] = (v.window ?? [null, null]) as [Dayjs | null, Dayjs | null];
    const referrer = toRewards(v.referrer_rewards);
    const referee = toRewards(v.referee_rewards);
    const body: ReferralCampaignInput = {
      name: v.name.trim(),
      description: v.description ?? '',
      qualify_on: v.qualify_on,
      return_days: v.qualify_on === 'first_order' ? (v.return_days ?? 0) : 0,
      per_referrer_cap: v.per_referrer_cap ?? null,
      starts_at: from ? from.toISOString() : null,
      ends_at: until ? until.toISOString() : null,
      referrer_rewards: referrer.length ? referrer : null,
      referee_rewards: referee.length ? referee : null,
    };
    setBusy(true);
    setError(null);
    try {
      onSaved(campaign ? await api.updateReferralCampaign(campaign.id, body) : await api.createReferralCampaign(body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={680}
      title={campaign ? t(`编辑邀请有礼：${campaign.name}`, `Edit: ${campaign.name}`) : t('新建邀请有礼活动', 'New referral campaign')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: busy, 'data-testid': 'referral-campaign-save' }}
      destroyOnHidden
    >
      <Refusal error={error} testId="referral-campaign-error" />
      <Form form={form} layout="vertical" data-testid="referral-campaign-form">
        <Form.Item name="name" label={t('活动名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写活动名称', 'Required') }]}>
          <Input maxLength={60} data-testid="referral-campaign-name" />
        </Form.Item>
        <Space size={16} wrap align="start">
          <Form.Item name="qualify_on" label={t('发放条件', 'Paid when')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={Object.entries(QUALIFY).map(([k, q]) => ({ value: k, label: t(q.label, q.labelEn) }))} />
          </Form.Item>
          {qualify === 'first_order' && (
            <Form.Item name="return_days" label={t('退货观察期（天）', 'Return window (days)')}>
              <InputNumber min={0} max={90} precision={0} style={{ width: 140 }} />
            </Form.Item>
          )}
          <Form.Item name="per_referrer_cap" label={t('每人最多奖励好友数（空为不限）', 'Friends rewarded per referrer (empty: no cap)')}>
            <InputNumber min={1} max={10_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="window" label={t('活动时间（不填为上线后长期）', 'Runs (empty: always once live)')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Typography.Text strong>{t('邀请人获得', 'The referrer gets')}</Typography.Text>
        <RewardsField name="referrer_rewards" testId="referral-referrer-rewards" />
        <div style={{ height: 12 }} />
        <Typography.Text strong>{t('被邀请的好友获得', 'The friend gets')}</Typography.Text>
        <RewardsField name="referee_rewards" testId="referral-referee-rewards" />
        <Form.Item name="description" label={t('活动说明', 'Description')} style={{ marginTop: 16 }}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
