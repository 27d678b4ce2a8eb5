import { useEffect, useState } from 'react';
import { Form, Radio, Select, Space } from 'antd';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { num } from '../../../format';

type Choice = { value: string; label: string };

/**
 * 受众 in a campaign form: every member, or a segment 人群 picked by name (with how many members are in
 * it now). The form holds `audience` ('all' | 'segment') and `segment_id`; a campaign's current segment
 * stays a choice even when it was deleted since (`current`).
 */
export function AudienceField({ current, testId }: { current?: { segment_id: string; segment_name: string | null } | null; testId: string }) {
  const t = useT();
  const { api, me } = useConsole();
  const form = Form.useFormInstance();
  const audience = Form.useWatch('audience', form) ?? 'all';
  const [segments, setSegments] = useState<{ id: string; name: string; members: number }[]>([]);
  const canRead = me.can.includes('segments.read');
  useEffect(() => {
    if (!canRead) return;
    api
      .segments({ limit: 200 })
      .then((r) => setSegments(r.data))
      .catch(() => setSegments([]));
  }, [api, canRead]);
  const options: Choice[] = segments.map((s) => ({ value: s.id, label: t(`${s.name}（${num(s.members)} 人）`, `${s.name} (${num(s.members)})`) }));
  const all =
    current && !options.some((o) => o.value === current.segment_id)
      ? [{ value: current.segment_id, label: current.segment_name ?? t('已删除的人群', 'A deleted segment') }, ...options]
      : options;
  return (
    <Space size={16} wrap align="start">
      <Form.Item name="audience" label={t('受众', 'Audience')}>
        <Radio.Group
          options={[
            { value: 'all', label: t('所有会员', 'Every member') },
            { value: 'segment', label: t('指定人群', 'A segment'), disabled: !all.length },
          ]}
          data-testid={`${testId}-audience`}
        />
      </Form.Item>
      {audience === 'segment' && (
        <Form.Item name="segment_id" label={t('人群', 'Segment')} rules={[{ required: true, message: t('请选择人群', 'Choose a segment') }]}>
          <Select showSearch optionFilterProp="label" options={all} style={{ width: 280 }} data-testid={`${testId}-segment`} />
        </Form.Item>
      )}
    </Space>
  );
}
