import { useEffect, useState } from 'react';
import { Button, Form, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { report } from '../../api';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';

/** One line of what a claim (or a sharer's credit) gives, as the form edits it. */
export interface RewardRow {
  type: 'card' | 'pack' | 'points';
  template_id?: string;
  quantity?: number;
  pack_id?: string;
  amount?: number;
}
type Reward = { type: 'card'; template_id: string; quantity?: number } | { type: 'pack'; pack_id: string } | { type: 'points'; amount: number };

export const toRewards = (rows: RewardRow[] | undefined): Reward[] =>
  (rows ?? []).map((r) =>
    r.type === 'card'
      ? { type: 'card', template_id: r.template_id!, ...(r.quantity && r.quantity > 1 ? { quantity: r.quantity } : {}) }
      : r.type === 'pack'
        ? { type: 'pack', pack_id: r.pack_id! }
        : { type: 'points', amount: r.amount ?? 1 },
  );
export const fromRewards = (rs: readonly Record<string, unknown>[]): RewardRow[] =>
  rs.map((r) => ({ ...(r as unknown as RewardRow), quantity: (r.quantity as number | undefined) ?? 1 }));

type Choice = { value: string; label: string };

/** Active templates and benefit packs to pick rewards from, by name. */
export function useRewardChoices() {
  const { api } = useConsole();
  const [templates, setTemplates] = useState<Choice[]>([]);
  const [packs, setPacks] = useState<Choice[]>([]);
  useEffect(() => {
    api.templates({ limit: 200, status: 'active' }).then((p) => setTemplates(p.data.map((x) => ({ value: x.id, label: x.name }))), report);
    api.mallPacks().then(
      (p) => setPacks(p.data.map((x) => ({ value: x.id, label: x.name }))),
      () => setPacks([]),
    );
  }, [api]);
  return { templates, packs };
}

/**
 * One reward inside a Form.List: a card template (with how many), a benefit pack, or points. `list` is
 * the list's path in the form, `index` the line's name in it.
 */
export function RewardLine(p: {
  list: string | (string | number)[];
  index: number;
  templates: Choice[];
  packs: Choice[];
  onRemove?: () => void;
  testId?: string;
}) {
  const t = useT();
  const form = Form.useFormInstance();
  const type = (Form.useWatch([...[p.list].flat(), p.index, 'type'], form) as RewardRow['type'] | undefined) ?? 'card';
  const id = (what: string) => (p.testId ? `${p.testId}-${what}` : undefined);
  return (
    <Space align="baseline" wrap>
      <Form.Item name={[p.index, 'type']} initialValue="card">
        <Select
          style={{ width: 110 }}
          options={[
            { value: 'card', label: t('卡券', 'Card') },
            { value: 'pack', label: t('权益礼包', 'Pack') },
            { value: 'points', label: t('积分', 'Points') },
          ]}
          data-testid={id('type')}
        />
      </Form.Item>
      {type === 'pack' ? (
        <Form.Item name={[p.index, 'pack_id']} rules={[{ required: true, message: t('请选择礼包', 'Choose a pack') }]}>
          <Select showSearch optionFilterProp="label" options={p.packs} style={{ width: 260 }} placeholder={t('权益礼包', 'Pack')} />
        </Form.Item>
      ) : type === 'points' ? (
        <Form.Item name={[p.index, 'amount']} rules={[{ required: true, message: t('请填写积分', 'Points') }]}>
          <InputNumber min={1} max={100_000_000} precision={0} addonAfter={t('积分', 'points')} data-testid={id('amount')} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name={[p.index, 'template_id']} rules={[{ required: true, message: t('请选择卡券模板', 'Choose a template') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={p.templates}
              style={{ width: 260 }}
              placeholder={t('卡券模板', 'Template')}
              data-testid={id('template')}
            />
          </Form.Item>
          <Form.Item name={[p.index, 'quantity']} initialValue={1}>
            <InputNumber min={1} max={20} precision={0} addonAfter={t('张', 'cards')} style={{ width: 110 }} />
          </Form.Item>
        </>
      )}
      {p.onRemove && <MinusCircleOutlined onClick={p.onRemove} />}
    </Space>
  );
}

/**
 * 奖励 editor: lines of a card template (with how many), a benefit pack, or points — the rewards
 * module's list (at most 10). Templates and packs are picked by name.
 */
export function RewardsField({ name, testId }: { name: string | (string | number)[]; testId: string }) {
  const t = useT();
  const { templates, packs } = useRewardChoices();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={testId}>
          {fields.map((f, i) => (
            <RewardLine
              key={f.key}
              list={name}
              index={f.name}
              templates={templates}
              packs={packs}
              onRemove={fields.length > 1 ? () => remove(f.name) : undefined}
              testId={`${testId}-${i}`}
            />
          ))}
          {fields.length < 10 && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ type: 'card', quantity: 1 })} data-testid={`${testId}-add`}>
              {t('添加奖励', 'Add a reward')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
