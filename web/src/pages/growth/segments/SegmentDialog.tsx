import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, message, Input, Modal, Space, Tag, Typography } from 'antd';
import type { Segment, SegmentInput, SegmentPreview } from '../../../api/segments';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { num } from '../../../format';
import { ProblemMessage } from '../../../problems';
import { Refusal } from '../../wholesale/Refusal';
import { type Choices, ConditionBuilder, type Draft, EmptyHint, fromConditions, rowKey, toConditions } from './ConditionBuilder';

/**
 * 新建/编辑人群: a name, a description and conditions built without code; while the operator edits, the
 * count of members matching now (and the first of them by name) is asked again, half a second after the
 * last change, so what is saved is what was seen.
 */
export function SegmentDialog({
  segment,
  choices,
  onClose,
  onSaved,
}: {
  segment: Segment | null;
  choices: Choices;
  onClose: () => void;
  onSaved: (s: Segment) => void;
}) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [draft, setDraft] = useState<Draft>(() =>
    segment ? fromConditions(segment.conditions as Record<string, unknown>, choices.fields) : { mode: 'all', items: [{ k: rowKey() }] },
  );
  const [preview, setPreview] = useState<SegmentPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const conditions = useMemo(() => toConditions(draft, choices.fields), [draft, choices.fields]);
  const key = JSON.stringify(conditions);

  useEffect(() => {
    form.setFieldsValue({ name: segment?.name ?? '', description: segment?.description ?? '' });
  }, [segment, form]);
  useEffect(() => {
    if (!conditions) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .previewSegment(conditions as SegmentInput['conditions'])
        .then((p) => live && (setPreview(p), setPreviewError(null)))
        .catch((e) => live && (setPreview(null), setPreviewError(e)));
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, api]);

  const save = async () => {
    const v = await form.validateFields();
    if (!conditions) {
      message.warning(t('请把每个条件填完整', 'Fill in every condition'));
      return;
    }
    const body = { name: v.name.trim(), description: v.description ?? '', conditions: conditions as SegmentInput['conditions'] };
    setBusy(true);
    setError(null);
    try {
      onSaved(segment ? await api.updateSegment(segment.id, body) : await api.createSegment(body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={860}
      title={segment ? t(`编辑人群：${segment.name}`, `Edit: ${segment.name}`) : t('新建人群', 'New segment')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: busy, 'data-testid': 'segment-save' }}
      destroyOnHidden
    >
      <Refusal error={error} testId="segment-error" />
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('人群名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写人群名称', 'Required') }]}>
          <Input maxLength={40} data-testid="segment-name" />
        </Form.Item>
        <Form.Item name="description" label={t('说明', 'Description')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      <Typography.Text strong>{t('条件', 'Conditions')}</Typography.Text>
      <div style={{ margin: '8px 0 16px' }}>
        <ConditionBuilder draft={draft} onChange={setDraft} choices={choices} />
      </div>
      <div data-testid="segment-preview">
        {previewError ? (
          <Alert type="warning" showIcon title={<ProblemMessage error={previewError} />} />
        ) : preview ? (
          <Space direction="vertical" size={4}>
            <Typography.Text type="secondary">{t('当前符合条件的会员（预估）', 'Members matching now')}</Typography.Text>
            <Typography.Text strong style={{ fontSize: 20 }} data-testid="segment-preview-count" data-count={preview.count}>
              {t(`共 ${num(preview.count)} 人`, `${num(preview.count)} members`)}
            </Typography.Text>
            <Space size={[4, 4]} wrap>
              {preview.members.map((m) => (
                <Tag key={m.member_id}>{m.name ?? t('会员', 'Member')}</Tag>
              ))}
              {preview.count > preview.members.length && <span className="kq-muted">…</span>}
            </Space>
          </Space>
        ) : (
          <EmptyHint />
        )}
      </div>
    </Modal>
  );
}
