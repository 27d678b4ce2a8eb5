import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Typography, message } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { RiskRuleInput } from '../../api/risk';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { ACTION_WORDS, FAIL_WORDS, MODE_WORDS, OUTCOME_WORDS, SIGNAL_WORDS, SUBJECT_WORDS, UNIT_WORDS, word, wouldSentence, type Words } from './words';
import type { RiskRule } from './RiskRules';

type DryRun = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['dryRun']>>;
const opts = (t: (zh: string, en: string) => string, w: Words) => Object.keys(w).map((k) => ({ value: k, label: word(t, w, k) }));

/**
 * A rule's form, no code: what it counts (actions), of whom (subject) or which signal, over what window,
 * the limit, what happens past it, what happens when the counters are unreachable, where it applies
 * (templates and stores by name). 试运行 asks the server what it would have done to the last day's
 * actions before anything is saved. Kind, subject and window are fixed once a rule is made.
 */
export function RuleForm({ rule, onClose, onSaved }: { rule: RiskRule | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const [dry, setDry] = useState<{ run: DryRun; actions: string[]; outcome: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [templates, setTemplates] = useState<{ value: string; label: string }[]>([]);
  const [stores, setStores] = useState<{ value: string; label: string }[]>([]);
  const isNew = rule === 'new';

  useEffect(() => {
    if (!rule) return;
    setDry(null);
    form.resetFields();
    form.setFieldsValue(
      rule === 'new'
        ? {
            kind: 'limit',
            actions: ['claim'],
            subject: 'member',
            size: 1,
            unit: 'day',
            mode: 'calendar',
            limit: 3,
            outcome: 'refuse',
            fail_mode: 'open',
            count: 'all',
            active: true,
          }
        : {
            ...rule,
            size: rule.window.size,
            unit: rule.window.unit,
            mode: rule.window.mode,
            template_ids: rule.scope.template_ids ?? [],
            store_ids: rule.scope.store_ids ?? [],
            active: rule.status === 'active',
          },
    );
    api.templates({ limit: 200 }).then((p) => setTemplates(p.data.map((x) => ({ value: x.id, label: x.name }))), report);
    api.stores({ limit: 200, sort: 'name' }).then((p) => setStores(p.data.map((x) => ({ value: x.id, label: x.name }))), report);
  }, [rule]);

  const body = async (): Promise<RiskRuleInput> => {
    const v = await form.validateFields();
    const list = (xs?: string[]) => (xs?.length ? xs : null);
    return {
      name: v.name,
      description: v.description || null,
      actions: v.actions,
      kind: v.kind,
      ...(v.kind === 'limit' ? { subject: v.subject, count: v.count } : { signal: v.signal }),
      window: { size: v.size, unit: v.unit, mode: v.mode },
      limit: v.limit,
      outcome: v.outcome,
      fail_mode: v.fail_mode,
      scope: { template_ids: list(v.template_ids), store_ids: list(v.store_ids) },
      status: v.active ? 'active' : 'paused',
    };
  };
  const tryIt = async () => {
    const b = await body();
    setBusy(true);
    try {
      const run = await api.dryRun({ rule: b });
      setDry({ run, actions: b.actions, outcome: b.outcome });
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    const b = await body();
    try {
      if (isNew) await api.createRiskRule(b);
      else if (rule) {
        const { kind: _k, subject: _s, signal: _g, window: _w, count: _c, ...patch } = b;
        await api.updateRiskRule(rule.id, patch);
      }
      message.success(t('已保存风控规则', 'Risk rule saved'));
      onSaved();
    } catch (e) {
      report(e);
    }
  };
  const days = dry ? Math.round((Date.parse(dry.run.to) - Date.parse(dry.run.from)) / 86_400_000) : 1;

  return (
    <Modal
      open={!!rule}
      title={isNew ? t('新建风控规则', 'New risk rule') : t('编辑风控规则', 'Edit risk rule')}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      footer={[
        <Button key="dry" icon={<ExperimentOutlined />} loading={busy} onClick={tryIt} data-testid="rule-dry-run">
          {t('试运行', 'Dry run')}
        </Button>,
        <Button key="cancel" onClick={onClose}>
          {t('取消', 'Cancel')}
        </Button>,
        <Button key="ok" type="primary" onClick={save} data-testid="rule-save">
          {t('保存', 'Save')}
        </Button>,
      ]}
    >
      {dry && (
        <Alert
          type={dry.run.would[dry.outcome as keyof DryRun['would']] ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="dry-run-result"
          message={wouldSentence(t, dry.outcome, dry.run.would[dry.outcome as keyof DryRun['would']] ?? 0, dry.actions, days)}
          description={
            <Typography.Text type="secondary">
              {t(
                `共 ${dry.run.actions_seen} 次操作，涉及 ${dry.run.subjects_hit} 个对象`,
                `${dry.run.actions_seen} actions seen, ${dry.run.subjects_hit} subjects hit`,
              )}
              {dry.run.by_subject.length > 0 &&
                `${t('；最多：', '; most: ')}${dry.run.by_subject
                  .slice(0, 3)
                  .map((s) => `${s.name ?? s.value} ×${s.count}`)
                  .join('，')}`}
            </Typography.Text>
          }
        />
      )}
      <Form form={form} layout="vertical" onValuesChange={() => setDry(null)}>
        <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="actions" label={t('针对的操作', 'Actions')} rules={[{ required: true }]}>
          <Select mode="multiple" options={opts(t, ACTION_WORDS)} data-testid="rule-actions" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('类型', 'Kind')}>
            <Radio.Group disabled={!isNew}>
              <Radio.Button value="limit">{t('频次限制', 'Limit')}</Radio.Button>
              <Radio.Button value="signal">{t('行为信号', 'Signal')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {kind === 'signal' ? (
            <Form.Item name="signal" label={t('信号', 'Signal')} rules={[{ required: true }]}>
              <Select style={{ width: 200 }} disabled={!isNew} options={opts(t, SIGNAL_WORDS)} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="subject" label={t('按谁计数', 'Per')} rules={[{ required: true }]}>
                <Select style={{ width: 140 }} disabled={!isNew} options={opts(t, SUBJECT_WORDS)} data-testid="rule-subject" />
              </Form.Item>
              <Form.Item name="count" label={t('计数', 'Counts')}>
                <Radio.Group disabled={!isNew}>
                  <Radio.Button value="all">{t('全部', 'All')}</Radio.Button>
                  <Radio.Button value="failures">{t('仅失败', 'Failures')}</Radio.Button>
                </Radio.Group>
              </Form.Item>
            </>
          )}
        </Space>
        <Space wrap>
          <Form.Item name="size" label={t('时间窗口', 'Window')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} disabled={!isNew} />
          </Form.Item>
          <Form.Item name="unit" label=" ">
            <Select style={{ width: 100 }} disabled={!isNew} options={opts(t, UNIT_WORDS)} />
          </Form.Item>
          <Form.Item name="mode" label=" ">
            <Select style={{ width: 130 }} disabled={!isNew} options={opts(t, MODE_WORDS)} />
          </Form.Item>
          <Form.Item name="limit" label={kind === 'signal' ? t('上限', 'At most') : t('最多次数', 'At most')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1_000_000} precision={0} data-testid="rule-limit" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="outcome" label={t('超过后', 'Then')}>
            <Select style={{ width: 140 }} options={opts(t, OUTCOME_WORDS)} data-testid="rule-outcome" />
          </Form.Item>
          <Form.Item name="fail_mode" label={t('计数不可用时', 'When counters are down')}>
            <Select style={{ width: 120 }} options={opts(t, FAIL_WORDS)} />
          </Form.Item>
          <Form.Item name="active" label={t('启用', 'Active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="template_ids" label={t('适用卡券模板（不选为全部）', 'Templates (none: all)')}>
          <Select mode="multiple" allowClear options={templates} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="store_ids" label={t('适用门店（不选为全部）', 'Stores (none: all)')}>
          <Select mode="multiple" allowClear options={stores} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="description" label={t('说明', 'Description')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
