import { useEffect, useState } from 'react';
import { Button, Divider, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Rule, RuleInput } from '../../../api/automation';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { Refusal } from '../../wholesale/Refusal';
import { RewardsField, fromRewards, toRewards } from '../../campaigns/RewardsField';
import { OPS, PERIODS, TRIGGERS, WEEKDAYS, triggerWord } from './words';
import { AudienceField } from '../segments/AudienceField';

type Cond = { field?: string; op?: string; value?: string | number };
/** The rule's audience: its `segment_id in` condition (a `not_in` set through the API is kept as it is). */
const audienceOf = (r: Rule | null) => r?.conditions.find((c) => c.field === 'segment_id' && c.op === 'in');

/** The rule as the form edits it (amounts in 元), from the API's rule. */
function toForm(r: Rule) {
  const kinds = Object.fromEntries((triggerWord(r.trigger.type)?.fields ?? []).map((f) => [f.value, f.kind]));
  return {
    name: r.name,
    description: r.description,
    trigger_type: r.trigger.type,
    audience: audienceOf(r) ? 'segment' : 'all',
    segment_id: audienceOf(r)?.value,
    threshold: r.trigger.threshold,
    at: r.trigger.at,
    every: r.trigger.every,
    weekday: r.trigger.weekday,
    day: r.trigger.day,
    conditions: r.conditions
      .filter((c) => c.field !== 'segment_id')
      .map((c) => ({ ...c, value: kinds[c.field] === 'fen' && typeof c.value === 'number' ? c.value / 100 : c.value })),
    per_on: !!r.limits.per_member,
    per_times: r.limits.per_member?.times ?? 1,
    per_period: r.limits.per_member?.per ?? 'ever',
    budget_cards: r.limits.budget_cards ?? null,
    budget_yuan: r.limits.budget_fen != null ? r.limits.budget_fen / 100 : null,
    rewards: fromRewards(r.actions.rewards ?? []),
    tag: r.actions.tag,
    webhook: !!r.actions.webhook,
  };
}

/**
 * 规则设计器: a rule without code, in four steps — 触发 (an event, a birthday, a schedule), 条件 (the
 * trigger's fields), 限制 (per member per period, a budget in cards or 元), 动作 (rewards picked by
 * name, a tag, a webhook), for every member or a segment 人群 (受众). A `segment_id not_in` condition set
 * through the API is kept as it is.
 */
export function RuleForm({ rule, onClose, onSaved }: { rule: Rule | null; onClose: () => void; onSaved: (r: Rule) => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const type = (Form.useWatch('trigger_type', form) as string | undefined) ?? rule?.trigger.type ?? 'order.first';
  const every = Form.useWatch('every', form) as string | undefined;
  const perOn = Form.useWatch('per_on', form) as boolean | undefined;
  const fields = triggerWord(type)?.fields ?? [];
  const conds = (Form.useWatch('conditions', form) as Cond[] | undefined) ?? [];
  useEffect(() => {
    form.setFieldsValue(
      rule
        ? toForm(rule)
        : { trigger_type: 'order.first', audience: 'all', per_on: true, per_times: 1, per_period: 'ever', rewards: [{ type: 'card', quantity: 1 }] },
    );
  }, [rule, form]);

  const save = async () => {
    const v = await form.validateFields();
    const kinds = Object.fromEntries(fields.map((f) => [f.value, f.kind]));
    const calendar = v.trigger_type === 'birthday' || v.trigger_type === 'schedule';
    const trigger: RuleInput['trigger'] = {
      type: v.trigger_type,
      ...(v.trigger_type === 'points.threshold' ? { threshold: v.threshold } : {}),
      ...(calendar && v.at ? { at: v.at } : {}),
      ...(v.trigger_type === 'schedule'
        ? { every: v.every, ...(v.every === 'week' ? { weekday: v.weekday } : v.every === 'month' ? { day: v.day } : {}) }
        : {}),
    };
    const kept = rule?.conditions.filter((c) => c.field === 'segment_id' && c.op !== 'in') ?? [];
    const audience = v.audience === 'segment' && v.segment_id ? [{ field: 'segment_id', op: 'in' as const, value: v.segment_id as string }] : [];
    const rewards = toRewards(v.rewards);
    const body = {
      name: v.name.trim(),
      description: v.description ?? '',
      trigger,
      conditions: [
        ...audience,
        ...kept,
        ...((v.conditions ?? []) as Cond[]).map((c) => ({
          field: c.field!,
          op: c.op as 'eq',
          value: kinds[c.field!] === 'fen' ? Math.round(Number(c.value) * 100) : kinds[c.field!] === 'integer' ? Number(c.value) : String(c.value ?? ''),
        })),
      ],
      limits: {
        per_member: v.per_on ? { times: v.per_times, per: v.per_period } : null,
        budget_cards: v.budget_cards ?? null,
        budget_fen: v.budget_yuan != null ? Math.round(v.budget_yuan * 100) : null,
      },
      actions: {
        ...(rewards.length ? { rewards: rewards as RuleInput['actions']['rewards'] } : {}),
        ...(v.tag?.trim() ? { tag: v.tag.trim() } : {}),
        ...(v.webhook ? { webhook: true } : {}),
      },
    };
    setBusy(true);
    setError(null);
    try {
      onSaved(rule ? await api.updateAutomationRule(rule.id, body) : await api.createAutomationRule(body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={780}
      title={rule ? t(`编辑规则：${rule.name}`, `Edit: ${rule.name}`) : t('新建自动化规则', 'New automation rule')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: busy, 'data-testid': 'rule-save' }}
      destroyOnHidden
    >
      <Refusal error={error} testId="rule-error" />
      <Form form={form} layout="vertical" data-testid="rule-form">
        <Form.Item name="name" label={t('规则名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写规则名称', 'Required') }]}>
          <Input maxLength={60} data-testid="rule-name" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('① 触发', '① Trigger')}
        </Divider>
        <Space wrap align="start">
          <Form.Item name="trigger_type" label={t('当', 'When')}>
            <Select
              style={{ width: 200 }}
              options={TRIGGERS.map((x) => ({ value: x.value, label: t(x.zh, x.en) }))}
              onChange={() => form.setFieldValue('conditions', [])}
              data-testid="rule-trigger"
            />
          </Form.Item>
          {type === 'points.threshold' && (
            <Form.Item name="threshold" label={t('积分达到', 'Balance reaches')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} style={{ width: 140 }} data-testid="rule-threshold" />
            </Form.Item>
          )}
          {type === 'schedule' && (
            <Form.Item name="every" label={t('频率', 'Every')} rules={[{ required: true }]}>
              <Select style={{ width: 110 }} options={PERIODS.slice(0, 3).map((p) => ({ value: p.value, label: t(p.zh, p.en) }))} data-testid="rule-every" />
            </Form.Item>
          )}
          {type === 'schedule' && every === 'week' && (
            <Form.Item name="weekday" label={t('星期', 'Weekday')} rules={[{ required: true }]}>
              <Select style={{ width: 100 }} options={WEEKDAYS.map((w, i) => ({ value: i + 1, label: w }))} data-testid="rule-weekday" />
            </Form.Item>
          )}
          {type === 'schedule' && every === 'month' && (
            <Form.Item name="day" label={t('每月几号', 'Day of month')} rules={[{ required: true }]}>
              <InputNumber min={1} max={28} precision={0} data-testid="rule-day" />
            </Form.Item>
          )}
          {(type === 'birthday' || type === 'schedule') && (
            <Form.Item name="at" label={t('时间（品牌时区）', 'At (brand’s zone)')} rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]}>
              <Input placeholder="09:00" style={{ width: 100 }} data-testid="rule-at" />
            </Form.Item>
          )}
        </Space>
        {type === 'birthday' && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('生日当天发放；2 月 29 日出生的会员，平年在 2 月 28 日发放。', 'On the birthday; members born on 29 Feb get it on 28 Feb outside leap years.')}
          </Typography.Paragraph>
        )}
        <Divider titlePlacement="start" plain>
          {t('② 条件（都满足才触发）', '② Conditions (all must hold)')}
        </Divider>
        <AudienceField current={audienceOf(rule) ? { segment_id: String(audienceOf(rule)!.value), segment_name: null } : null} testId="rule" />
        {type === 'schedule' && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('定时规则发给一个人群：请在受众中选择人群。', 'A schedule rule is for a segment: choose one as its audience.')}
          </Typography.Paragraph>
        )}
        <Form.List name="conditions">
          {(items, { add, remove }) => (
            <div data-testid="rule-conditions">
              {items.map((f) => {
                const kind = fields.find((x) => x.value === conds[f.name]?.field)?.kind ?? 'text';
                return (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'field']} rules={[{ required: true, message: t('请选择字段', 'Choose a field') }]}>
                      <Select style={{ width: 180 }} options={fields.map((x) => ({ value: x.value, label: t(x.zh, x.en) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'op']} initialValue={kind === 'text' ? 'eq' : 'gte'} rules={[{ required: true }]}>
                      <Select style={{ width: 100 }} options={OPS[kind].map((o) => ({ value: o.value, label: t(o.zh, o.en) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: t('请填写', 'Required') }]}>
                      {kind === 'text' ? <Input style={{ width: 160 }} /> : <InputNumber min={0} style={{ width: 160 }} />}
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} disabled={!fields.length} onClick={() => add({})} data-testid="rule-condition-add">
                {fields.length ? t('添加条件', 'Add a condition') : t('这个触发没有可选条件', 'No conditions for this trigger')}
              </Button>
            </div>
          )}
        </Form.List>
        <Divider titlePlacement="start" plain>
          {t('③ 限制', '③ Limits')}
        </Divider>
        <Space wrap align="baseline">
          <Form.Item name="per_on" valuePropName="checked" label={t('每人限次', 'Per member')}>
            <Switch data-testid="rule-per-on" />
          </Form.Item>
          {perOn && (
            <Form.Item name="per_period" label={t('周期', 'Period')}>
              <Select style={{ width: 100 }} options={PERIODS.map((p) => ({ value: p.value, label: t(p.zh, p.en) }))} data-testid="rule-per-period" />
            </Form.Item>
          )}
          {perOn && (
            <Form.Item name="per_times" label={t('最多次数', 'At most')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} precision={0} data-testid="rule-per-times" />
            </Form.Item>
          )}
          <Form.Item name="budget_cards" label={t('总预算：张数（空为不限）', 'Budget: cards (empty: none)')}>
            <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="rule-budget-cards" />
          </Form.Item>
          <Form.Item name="budget_yuan" label={t('总预算：面值（元）', 'Budget: face value (¥)')}>
            <InputNumber min={0} precision={2} style={{ width: 160 }} data-testid="rule-budget-yuan" />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start" plain>
          {t('④ 动作', '④ Actions')}
        </Divider>
        <Form.Item label={t('发放奖励', 'Give')}>
          <RewardsField name="rewards" testId="rule-rewards" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="tag" label={t('打标签', 'Tag the member')}>
            <Input maxLength={32} style={{ width: 200 }} data-testid="rule-tag" />
          </Form.Item>
          <Form.Item name="webhook" valuePropName="checked" label={t('推送 Webhook（automation.fired）', 'Webhook (automation.fired)')}>
            <Switch data-testid="rule-webhook" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
