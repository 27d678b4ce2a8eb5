import { useEffect, useState } from 'react';
import { Button, Form, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';

type Choice = { value: string; label: string };
export type RewardRow = { type: 'card' | 'pack' | 'points'; template_id?: string; quantity?: number; pack_id?: string; amount?: number };
export type Reward = { type: 'card'; template_id: string; quantity?: number } | { type: 'pack'; pack_id: string } | { type: 'points'; amount: number };

/** The form's rows as the API's rewards. */
export const toRewards = (rows: RewardRow[] | undefined): Reward[] =>
  (rows ?? []).map((r) =>
    r.type === 'card'
      ? { type: 'card' as const, template_id: r.template_id!, quantity: r.quantity ?? 1 }
      : r.type === 'pack'
        ? { type: 'pack' as const, pack_id: r.pack_id! }
        : { type: 'points' as const, amount: r.amount! },
  );

/** Active templates and packs to pick rewards from (by name). */
export function useRewardChoices() {
  const { api } = useConsole();
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
  return { templates, packs };
}

/** One reward: cards of a template × n, a pack, or points. `name` is its path in the form. */
export function RewardLine(p: { name: (string | number)[]; templates: Choice[]; packs: Choice[]; onRemove?: () => void; testId?: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const type = Form.useWatch([...p.name, 'type'], form) ?? 'card';
  const rel = p.name.slice(-1) as (string | number)[];
  return (
    <Space align="baseline" wrap data-testid={p.testId}>
      <Form.Item name={[...rel, 'type']} noStyle>
        <Select
          style={{ width: 100 }}
          options={[
            { value: 'card', label: t('卡券', 'Cards') },
            { value: 'pack', label: t('权益礼包', 'A pack') },
            { value: 'points', label: t('积分', 'Points') },
          ]}
        />
      </Form.Item>
      {type === 'card' && (
        <>
          <Form.Item name={[...rel, 'template_id']} rules={[{ required: true, message: t('请选择卡券模板', 'Choose a template') }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 220 }} options={p.templates} />
          </Form.Item>
          <Form.Item name={[...rel, 'quantity']}>
            <InputNumber min={1} max={20} precision={0} addonBefore="×" style={{ width: 100 }} />
          </Form.Item>
        </>
      )}
      {type === 'pack' && (
        <Form.Item name={[...rel, 'pack_id']} rules={[{ required: true, message: t('请选择礼包', 'Choose a pack') }]}>
          <Select showSearch optionFilterProp="label" style={{ width: 220 }} options={p.packs} />
        </Form.Item>
      )}
      {type === 'points' && (
        <Form.Item name={[...rel, 'amount']} rules={[{ required: true, message: t('请填写积分', 'Points') }]}>
          <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 150 }} addonAfter={t('积分', 'points')} />
        </Form.Item>
      )}
      {p.onRemove && <MinusCircleOutlined onClick={p.onRemove} />}
    </Space>
  );
}

/** A list of rewards (1–10) under `name`. */
export function RewardsField({ name, templates, packs, testId }: { name: string; templates: Choice[]; packs: Choice[]; testId?: string }) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={testId}>
          {fields.map((f) => (
            <RewardLine key={f.key} name={[name, f.name]} templates={templates} packs={packs} onRemove={() => remove(f.name)} />
          ))}
          {fields.length < 10 && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ type: 'points', amount: 100 })}>
              {t('加一项奖励', 'Add a reward')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
