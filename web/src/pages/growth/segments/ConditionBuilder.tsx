import { AutoComplete, Button, Card, InputNumber, Input, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { SegmentField } from '../../../api/segments';
import { useT } from '../../../i18n';

export type Choice = { value: string; label: string };
/** What the builder edits: a condition row, or a group of rows (one level below the top). */
export interface Row {
  /** the row's React key (rows move when one above is removed) */
  k: number;
  field?: string;
  op?: string;
  value?: unknown;
  days?: number;
}
export interface Sub {
  k: number;
  mode: 'all' | 'any';
  rows: Row[];
}
export interface Draft {
  mode: 'all' | 'any';
  items: (Row | Sub)[];
}
export interface Choices {
  fields: SegmentField[];
  tiers: Choice[];
  templates: Choice[];
  tags: Choice[];
}

let last = 0;
/** a fresh React key for a new row or group */
export const rowKey = () => ++last;
const isSub = (x: Row | Sub): x is Sub => 'rows' in x;
const opOf = (fields: SegmentField[], r: Row) => fields.find((f) => f.field === r.field)?.ops.find((o) => o.op === r.op);

/** The API's conditions from the draft (fen from 元); null while a row is not filled in. */
export function toConditions(d: Draft, fields: SegmentField[]): Record<string, unknown> | null {
  const row = (r: Row) => {
    const f = fields.find((x) => x.field === r.field);
    const op = opOf(fields, r);
    if (!f || !op) return null;
    const empty = r.value === undefined || r.value === null || r.value === '' || (Array.isArray(r.value) && !r.value.length);
    if (op.value !== 'none' && empty) return null;
    if (f.days && !r.days) return null;
    const fen = (v: unknown) => (op.value === 'fen' ? Math.round(Number(v) * 100) : v);
    const value = op.value === 'none' ? undefined : Array.isArray(r.value) ? r.value.map(fen) : fen(r.value);
    return { field: f.field, op: op.op, ...(value === undefined ? {} : { value }), ...(f.days ? { days: r.days } : {}) };
  };
  const items = [];
  for (const it of d.items) {
    if (isSub(it)) {
      const rows = it.rows.map(row);
      if (rows.some((r) => !r) || !rows.length) return null;
      items.push({ [it.mode]: rows });
    } else {
      const r = row(it);
      if (!r) return null;
      items.push(r);
    }
  }
  return items.length ? { [d.mode]: items } : null;
}

/** The draft from saved conditions (元 from fen). */
export function fromConditions(c: Record<string, unknown>, fields: SegmentField[]): Draft {
  const mode = 'any' in c ? 'any' : 'all';
  const row = (x: Record<string, unknown>): Row => {
    const op = opOf(fields, { k: 0, field: x.field as string, op: x.op as string });
    const yuan = (v: unknown) => (op?.value === 'fen' ? Number(v) / 100 : v);
    return {
      k: rowKey(),
      field: x.field as string,
      op: x.op as string,
      value: Array.isArray(x.value) ? x.value.map(yuan) : yuan(x.value),
      days: x.days as number,
    };
  };
  const items = ((c[mode] as Record<string, unknown>[]) ?? []).map((x) =>
    'all' in x || 'any' in x
      ? { k: rowKey(), mode: ('any' in x ? 'any' : 'all') as Sub['mode'], rows: ((x.all ?? x.any) as Record<string, unknown>[]).map(row) }
      : row(x),
  );
  return { mode, items };
}

const GROUPS: Record<string, [string, string]> = {
  member: ['会员资料', 'Member'],
  tier: ['等级', 'Tier'],
  points: ['积分', 'Points'],
  tag: ['标签', 'Tags'],
  behaviour: ['行为', 'Behaviour'],
};

/** 条件构建器: all/any of conditions and groups; each condition is field → operator → value (and days for a behaviour). */
export function ConditionBuilder({ draft, onChange, choices }: { draft: Draft; onChange: (d: Draft) => void; choices: Choices }) {
  const t = useT();
  const set = (i: number, x: Row | Sub | null) =>
    onChange({ ...draft, items: x ? draft.items.map((y, j) => (j === i ? x : y)) : draft.items.filter((_, j) => j !== i) });
  return (
    <div data-testid="segment-builder">
      <Space style={{ marginBottom: 8, display: 'flex' }}>
        <span>{t('满足以下', 'Members matching')}</span>
        <Radio.Group
          value={draft.mode}
          onChange={(e) => onChange({ ...draft, mode: e.target.value })}
          optionType="button"
          size="small"
          options={[
            { value: 'all', label: t('全部条件', 'all') },
            { value: 'any', label: t('任一条件', 'any') },
          ]}
          data-testid="segment-mode"
        />
      </Space>
      {draft.items.map((it, i) =>
        isSub(it) ? (
          <Card key={it.k} size="small" style={{ marginBottom: 8, background: '#fafafa' }}>
            <Space style={{ marginBottom: 8, display: 'flex' }}>
              <span>{t('条件组：满足', 'A group: matching')}</span>
              <Radio.Group
                value={it.mode}
                onChange={(e) => set(i, { ...it, mode: e.target.value })}
                optionType="button"
                size="small"
                options={[
                  { value: 'all', label: t('全部', 'all') },
                  { value: 'any', label: t('任一', 'any') },
                ]}
              />
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => set(i, null)} />
            </Space>
            {it.rows.map((r, k) => (
              <RowEditor
                key={r.k}
                row={r}
                testId={`segment-row-${i}-${k}`}
                choices={choices}
                onChange={(x) => set(i, { ...it, rows: x ? it.rows.map((y, j) => (j === k ? x : y)) : it.rows.filter((_, j) => j !== k) })}
              />
            ))}
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => set(i, { ...it, rows: [...it.rows, { k: rowKey() }] })}>
              {t('加条件', 'Add a condition')}
            </Button>
          </Card>
        ) : (
          <RowEditor key={it.k} row={it} testId={`segment-row-${i}`} choices={choices} onChange={(x) => set(i, x)} />
        ),
      )}
      <Space style={{ display: 'flex' }}>
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange({ ...draft, items: [...draft.items, { k: rowKey() }] })}
          data-testid="segment-add-row"
        >
          {t('添加条件', 'Add a condition')}
        </Button>
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange({ ...draft, items: [...draft.items, { k: rowKey(), mode: 'any', rows: [{ k: rowKey() }] }] })}
        >
          {t('添加条件组', 'Add a group')}
        </Button>
      </Space>
    </div>
  );
}

function RowEditor({ row, onChange, choices, testId }: { row: Row; onChange: (r: Row | null) => void; choices: Choices; testId: string }) {
  const t = useT();
  const f = choices.fields.find((x) => x.field === row.field);
  const op = f?.ops.find((o) => o.op === row.op);
  const fieldOptions = Object.entries(GROUPS).map(([g, [zh, en]]) => ({
    label: t(zh, en),
    options: choices.fields.filter((x) => x.group === g).map((x) => ({ value: x.field, label: t(x.label.zh, x.label.en) })),
  }));
  return (
    <Space wrap align="center" style={{ marginBottom: 8, display: 'flex' }} data-testid={testId}>
      <Select
        style={{ width: 170 }}
        placeholder={t('选择字段', 'Field')}
        showSearch
        optionFilterProp="label"
        value={row.field}
        options={fieldOptions}
        onChange={(field) => {
          const nf = choices.fields.find((x) => x.field === field);
          onChange({ k: row.k, field, op: nf?.ops[0]?.op, days: nf?.days ? (row.days ?? 30) : undefined });
        }}
        data-testid={`${testId}-field`}
      />
      {f?.days && (
        <InputNumber
          min={1}
          max={3650}
          precision={0}
          value={row.days}
          onChange={(days) => onChange({ ...row, days: days ?? undefined })}
          addonBefore={t('最近', 'last')}
          addonAfter={t('天', 'days')}
          style={{ width: 160 }}
          data-testid={`${testId}-days`}
        />
      )}
      {f && (
        <Select
          style={{ width: 150 }}
          value={row.op}
          options={f.ops.map((o) => ({ value: o.op, label: t(o.label.zh, o.label.en) }))}
          onChange={(o) =>
            onChange({
              ...row,
              op: o,
              value: f.ops.find((x) => x.op === o)?.value === op?.value && !!f.ops.find((x) => x.op === o)?.list === !!op?.list ? row.value : undefined,
            })
          }
          data-testid={`${testId}-op`}
        />
      )}
      {op && op.value !== 'none' && (
        <ValueInput
          kind={op.value}
          list={op.list}
          value={row.value}
          onChange={(value) => onChange({ ...row, value })}
          choices={choices}
          testId={`${testId}-value`}
        />
      )}
      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(null)} title={t('删除条件', 'Remove')} />
    </Space>
  );
}

function ValueInput(p: { kind: string; list: boolean; value: unknown; onChange: (v: unknown) => void; choices: Choices; testId: string }) {
  const t = useT();
  const months = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t(`${i + 1} 月`, `month ${i + 1}`) }));
  const pick = (options: { value: string | number; label: string }[], tags = false) => (
    <Select
      style={{ width: 220 }}
      showSearch
      optionFilterProp="label"
      mode={tags ? (p.list ? 'tags' : undefined) : p.list ? 'multiple' : undefined}
      value={p.value as never}
      options={options}
      onChange={p.onChange}
      placeholder={t('选择', 'Choose')}
      data-testid={p.testId}
    />
  );
  switch (p.kind) {
    case 'tier':
      return pick(p.choices.tiers);
    case 'template':
      return pick(p.choices.templates);
    case 'month':
      return pick(months);
    case 'tag':
      return (
        <AutoComplete
          style={{ width: 200 }}
          value={(p.value as string) ?? ''}
          options={p.choices.tags}
          filterOption={(input, o) => String(o?.value ?? '').includes(input)}
          onChange={(v) => p.onChange(v)}
          placeholder={t('选择或输入标签', 'A tag')}
          data-testid={p.testId}
        />
      );
    case 'text':
      return p.list ? (
        <Select mode="tags" style={{ width: 240 }} value={(p.value as string[]) ?? []} onChange={p.onChange} data-testid={p.testId} />
      ) : (
        <Input style={{ width: 160 }} maxLength={32} value={(p.value as string) ?? ''} onChange={(e) => p.onChange(e.target.value)} data-testid={p.testId} />
      );
    default:
      return (
        <InputNumber
          min={0}
          precision={p.kind === 'fen' ? 2 : 0}
          value={p.value as number}
          onChange={(v) => p.onChange(v ?? undefined)}
          addonAfter={p.kind === 'fen' ? t('元', 'yuan') : p.kind === 'days' ? t('天', 'days') : undefined}
          style={{ width: 170 }}
          data-testid={p.testId}
        />
      );
  }
}

export const EmptyHint = () => {
  const t = useT();
  return <Typography.Text type="secondary">{t('添加条件后这里会显示预估人数', 'Add a condition to see how many members match')}</Typography.Text>;
};
