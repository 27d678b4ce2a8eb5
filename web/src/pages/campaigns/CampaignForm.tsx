import { useEffect, useState } from 'react';
import { DatePicker, Divider, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Campaign, CampaignInput } from '../../api/campaigns';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { Refusal } from '../wholesale/Refusal';
import { RewardsField, fromRewards, toRewards } from './RewardsField';
import { AudienceField } from '../growth/segments/AudienceField';

/**
 * 新建/编辑领券活动: name and description, kind (领券 or 分享领券, fixed once made), audience (every
 * member or a segment 人群), window, stock (empty: no cap) and per-member limit, what a claim gives;
 * for a share campaign, when the sharer is credited, with what, for how many friends, and how many
 * friends one link admits. A new campaign is a draft until 上线.
 */
export function CampaignForm({ campaign, onClose, onSaved }: { campaign: Campaign | null; onClose: () => void; onSaved: (c: Campaign) => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) ?? campaign?.kind ?? 'claim';
  useEffect(() => {
    form.setFieldsValue(
      campaign
        ? {
            ...campaign,
            audience: campaign.audience ? 'segment' : 'all',
            segment_id: campaign.audience?.segment_id,
            window:
              campaign.starts_at || campaign.ends_at
                ? [campaign.starts_at ? dayjs(campaign.starts_at) : null, campaign.ends_at ? dayjs(campaign.ends_at) : null]
                : undefined,
            rewards: fromRewards(campaign.rewards),
            share: campaign.share ? { ...campaign.share, credit_rewards: fromRewards(campaign.share.credit_rewards) } : undefined,
          }
        : {
            kind: 'claim',
            audience: 'all',
            per_member_limit: 1,
            rewards: [{ type: 'card', quantity: 1 }],
            share: { credit_on: 'claim', credit_cap: 10, credit_rewards: [{ type: 'points', amount: 50 }] },
          },
    );
  }, [campaign, form]);

  const save = async () => {
    const v = await form.validateFields();
    const [from, until] = (v.window ?? [null, null]) as [Dayjs | null, Dayjs | null];
    const terms = {
      name: v.name.trim(),
      description: v.description ?? '',
      audience: v.audience === 'segment' && v.segment_id ? { segment_id: v.segment_id } : null,
      starts_at: from ? from.toISOString() : null,
      ends_at: until ? until.toISOString() : null,
      stock: v.stock ?? null,
      per_member_limit: v.per_member_limit ?? 1,
      rewards: toRewards(v.rewards) as CampaignInput['rewards'],
      share:
        v.kind === 'share'
          ? {
              credit_on: v.share.credit_on,
              credit_rewards: toRewards(v.share.credit_rewards) as CampaignInput['rewards'],
              credit_cap: v.share.credit_cap,
              friends_per_share: v.share.friends_per_share ?? null,
            }
          : null,
    };
    setBusy(true);
    setError(null);
    try {
      onSaved(campaign ? await api.updateCampaign(campaign.id, terms) : await api.createCampaign({ ...terms, kind: v.kind }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={campaign ? t(`编辑活动：${campaign.name}`, `Edit: ${campaign.name}`) : t('新建领券活动', 'New campaign')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: busy, 'data-testid': 'campaign-save' }}
      destroyOnHidden
    >
      <Refusal error={error} testId="campaign-error" />
      <Form form={form} layout="vertical" data-testid="campaign-form">
        <Form.Item name="name" label={t('活动名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写活动名称', 'Required') }]}>
          <Input maxLength={60} data-testid="campaign-name" />
        </Form.Item>
        <Form.Item name="description" label={t('活动说明', 'Description')}>
          <Input.TextArea maxLength={1000} rows={2} data-testid="campaign-description" />
        </Form.Item>
        <Form.Item name="kind" label={t('活动类型', 'Kind')}>
          <Radio.Group
            disabled={!!campaign}
            options={[
              { value: 'claim', label: t('领券中心', 'Claim center') },
              { value: 'share', label: t('分享领券（会员分享给好友领取）', 'Share to claim (members share links with friends)') },
            ]}
            data-testid="campaign-kind"
          />
        </Form.Item>
        <AudienceField current={campaign?.audience} testId="campaign" />
        <Form.Item name="window" label={t('活动时间（不填为长期）', 'Window (empty: always)')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} data-testid="campaign-window" />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="stock" label={t('发放总量（空为不限）', 'Stock (empty: no cap)')}>
            <InputNumber min={0} max={100_000_000} precision={0} style={{ width: 180 }} data-testid="campaign-stock" />
          </Form.Item>
          <Form.Item name="per_member_limit" label={t('每人限领', 'Per member')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: 140 }} data-testid="campaign-limit" />
          </Form.Item>
        </Space>
        <Form.Item label={t('每次领取获得', 'Each claim gives')} required>
          <RewardsField name="rewards" testId="campaign-rewards" />
        </Form.Item>
        {kind === 'share' && (
          <>
            <Divider titlePlacement="start" plain>
              {t('分享设置', 'Share settings')}
            </Divider>
            <Form.Item name={['share', 'credit_on']} label={t('分享人何时获得奖励', 'When the sharer is credited')}>
              <Radio.Group
                options={[
                  { value: 'claim', label: t('好友领取后', 'When a friend claims') },
                  { value: 'redeem', label: t('好友核销后', 'When a friend’s card is redeemed') },
                ]}
                data-testid="campaign-credit-on"
              />
            </Form.Item>
            <Form.Item label={t('每位好友给分享人的奖励', 'The sharer gets, per friend')} required>
              <RewardsField name={['share', 'credit_rewards']} testId="campaign-credit-rewards" />
            </Form.Item>
            <Space size={16} wrap>
              <Form.Item
                name={['share', 'credit_cap']}
                label={t('每位分享人最多奖励好友数', 'Friends credited per sharer, at most')}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={10_000} precision={0} style={{ width: 180 }} data-testid="campaign-credit-cap" />
              </Form.Item>
              <Form.Item name={['share', 'friends_per_share']} label={t('每个链接可领好友数（空为不限）', 'Friends per link (empty: no cap)')}>
                <InputNumber min={1} max={10_000} precision={0} style={{ width: 180 }} data-testid="campaign-friends-per-share" />
              </Form.Item>
            </Space>
          </>
        )}
        {campaign && campaign.claimed > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`已领取 ${campaign.claimed} 次：总量不能少于这个数。`, `${campaign.claimed} claimed: stock cannot go below that.`)}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
