import { useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { GroupCampaign, GroupCampaignInput } from '../../../api/groups';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { Refusal } from '../../wholesale/Refusal';
import { AudienceField } from '../segments/AudienceField';

type Choice = { value: string; label: string };
type RewardRow = { type: 'card' | 'pack' | 'points'; template_id?: string; quantity?: number; pack_id?: string; amount?: number };

/**
 * 新建/编辑组团活动: name, group size (2–50), time limit (minutes or hours), stock of groups (empty: unlimited),
 * groups per member (empty: no limit), the window groups may start in, and what each member gets on unlock
 * (cards of a template, a benefit pack, points). A new campaign is a draft until 发布.
 */
export function CampaignDialog({ campaign, onClose, onSaved }: { campaign: GroupCampaign | null; onClose: () => void; onSaved: (c: GroupCampaign) => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [templates, setTemplates] = useState<Choice[]>([]);
  const [packs, setPacks] = useState<Choice[]>([]);
  useEffect(() => {
    api
      .templates({ limit: 200 })
      .then((r) => setTemplates(r.data.filter((x) => x.status === 'active').map((x) => ({ value: x.id, label: x.name }))))
      .catch(() => setTemplates([]));
    api
      .mallPacks()
      .then((r) => setPacks(r.data.map((p) => ({ value: p.id, label: p.name }))))
      .catch(() => setPacks([]));
  }, [api]);
  useEffect(() => {
    const c = campaign;
    const hours = c ? c.time_limit_minutes % 60 === 0 : true;
    form.setFieldsValue(
      c
        ? {
            ...c,
            limit: hours ? c.time_limit_minutes / 60 : c.time_limit_minutes,
            unit: hours ? 'hours' : 'minutes',
            window: c.starts_at || c.ends_at ? [c.starts_at ? dayjs(c.starts_at) : null, c.ends_at ? dayjs(c.ends_at) : null] : undefined,
            audience: c.audience ? 'segment' : 'all',
            segment_id: c.audience?.segment_id,
          }
        : { audience: 'all', size: 3, limit: 24, unit: 'hours', per_member_limit: 1, rewards: [{ type: 'card', quantity: 1 }] },
    );
  }, [campaign, form]);

  const save = async () => {
    const v = await form.validateFields();
    const [from, until] = (v.window ?? [null, null]) as [Dayjs | null, Dayjs | null];
    const rewards = (v.rewards as RewardRow[]).map((r) =>
      r.type === 'card'
        ? { type: 'card' as const, template_id: r.template_id!, quantity: r.quantity ?? 1 }
        : r.type === 'pack'
          ? { type: 'pack' as const, pack_id: r.pack_id! }
          : { type: 'points' as const, amount: r.amount! },
    );
    const body: GroupCampaignInput = {
      name: v.name.trim(),
      description: v.description ?? '',
      size: v.size,
      time_limit_minutes: v.unit === 'hours' ? v.limit * 60 : v.limit,
      stock: v.stock ?? null,
      per_member_limit: v.per_member_limit ?? null,
      audience: v.audience === 'segment' && v.segment_id ? { segment_id: v.segment_id } : null,
      starts_at: from ? from.toISOString() : null,
      ends_at: until ? until.toISOString() : null,
      rewards,
    };
    setBusy(true);
    setError(null);
    try {
      onSaved(campaign ? await api.updateGroupCampaign(campaign.id, body) : await api.createGroupCampaign(body));
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
      title={campaign ? t(`编辑组团活动：${campaign.name}`, `Edit: ${campaign.name}`) : t('新建组团活动', 'New group campaign')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: busy, 'data-testid': 'group-campaign-save' }}
      destroyOnHidden
    >
      <Refusal error={error} testId="group-campaign-error" />
      <Form form={form} layout="vertical" data-testid="group-campaign-form">
        <Form.Item name="name" label={t('活动名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写活动名称', 'Required') }]}>
          <Input maxLength={60} data-testid="group-campaign-name" />
        </Form.Item>
        <Space size={16} wrap align="start">
          <Form.Item name="size" label={t('成团人数（含团长）', 'Group size (with the starter)')} rules={[{ required: true }]}>
            <InputNumber min={2} max={50} precision={0} style={{ width: 140 }} data-testid="group-campaign-size" />
          </Form.Item>
          <Form.Item label={t('成团时限', 'Time limit')} required>
            <Space.Compact>
              <Form.Item name="limit" noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={43200} precision={0} style={{ width: 110 }} data-testid="group-campaign-limit" />
              </Form.Item>
              <Form.Item name="unit" noStyle>
                <Select
                  style={{ width: 90 }}
                  options={[
                    { value: 'minutes', label: t('分钟', 'minutes') },
                    { value: 'hours', label: t('小时', 'hours') },
                  ]}
                  data-testid="group-campaign-unit"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="stock" label={t('成团名额（空为不限）', 'Groups in all (empty: unlimited)')}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: 160 }} data-testid="group-campaign-stock" />
          </Form.Item>
          <Form.Item name="per_member_limit" label={t('每人可参团数（空为不限）', 'Groups per member (empty: no limit)')}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: 160 }} data-testid="group-campaign-member-limit" />
          </Form.Item>
        </Space>
        <AudienceField current={campaign?.audience} testId="group-campaign" />
        <Form.Item name="window" label={t('开团时间（不填为发布后长期）', 'Groups may start (empty: always once published)')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Typography.Text strong>{t('成团后每位成员获得', 'Each member gets on unlock')}</Typography.Text>
        <Form.List name="rewards">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }} data-testid="group-campaign-rewards">
              {fields.map((f) => (
                <RewardLine
                  key={f.key}
                  name={f.name}
                  form={form}
                  templates={templates}
                  packs={packs}
                  onRemove={fields.length > 1 ? () => remove(f.name) : undefined}
                />
              ))}
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'card', quantity: 1 })}>
                  {t('再加一项奖励', 'Add a reward')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Form.Item name="description" label={t('活动说明', 'Description')} style={{ marginTop: 16 }}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RewardLine(p: { name: number; form: ReturnType<typeof Form.useForm>[0]; templates: Choice[]; packs: Choice[]; onRemove?: () => void }) {
  const t = useT();
  const type = Form.useWatch(['rewards', p.name, 'type'], p.form) ?? 'card';
  return (
    <Space align="baseline" wrap>
      <Form.Item name={[p.name, 'type']}>
        <Select
          style={{ width: 110 }}
          options={[
            { value: 'card', label: t('卡券', 'Cards') },
            { value: 'pack', label: t('权益礼包', 'A pack') },
            { value: 'points', label: t('积分', 'Points') },
          ]}
        />
      </Form.Item>
      {type === 'card' && (
        <>
          <Form.Item name={[p.name, 'template_id']} rules={[{ required: true, message: t('请选择卡券模板', 'Choose a template') }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 240 }} options={p.templates} data-testid={`group-reward-template-${p.name}`} />
          </Form.Item>
          <Form.Item name={[p.name, 'quantity']}>
            <InputNumber min={1} max={20} precision={0} addonBefore="×" style={{ width: 100 }} />
          </Form.Item>
        </>
      )}
      {type === 'pack' && (
        <Form.Item name={[p.name, 'pack_id']} rules={[{ required: true, message: t('请选择礼包', 'Choose a pack') }]}>
          <Select showSearch optionFilterProp="label" style={{ width: 240 }} options={p.packs} />
        </Form.Item>
      )}
      {type === 'points' && (
        <Form.Item name={[p.name, 'amount']} rules={[{ required: true, message: t('请填写积分', 'Points') }]}>
          <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 160 }} addonAfter={t('积分', 'points')} />
        </Form.Item>
      )}
      {p.onRemove && <MinusCircleOutlined onClick={p.onRemove} />}
    </Space>
  );
}
