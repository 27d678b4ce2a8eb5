import { useEffect, useState } from 'react';
import { AutoComplete, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report } from '../../../api';
import type { CheckinSettings, TaskRow } from '../../../api/referrals';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { money, num } from '../../../format';
import { PageTitle } from '../../../components/PageTitle';
import { Refusal } from '../../wholesale/Refusal';
import { rewardsText } from '../groups/words';
import { RewardLine, RewardsField, toRewards, useRewardChoices, type RewardRow } from '../../campaigns/RewardsField';
import { PERIOD, TASK_PRESETS } from './words';

/**
 * 签到与任务 (docs/growth.md "Check-in and tasks"): the daily check-in — on or off, what day 1..n of a streak
 * gives (one reward a day here; the API takes up to 10) — with its results, and the tasks with theirs.
 */
export function CheckinTasks() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('tasks.manage');
  const [settings, setSettings] = useState<CheckinSettings | null>(null);
  const [tasks, setTasks] = useState<TaskRow[]>([]);
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<TaskRow | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const { templates, packs } = useRewardChoices();
  useEffect(() => {
    api.checkinSettings().then((s) => {
      setSettings(s);
      form.setFieldsValue({ enabled: s.enabled, days: s.rewards.length ? s.rewards.map((d) => d[0]) : [{ type: 'points', amount: 10 }] });
    }, report);
    api.tasks().then((r) => setTasks(r.data), report);
  }, [api, reload, form]);
  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      setSettings(await api.setCheckinSettings({ enabled: v.enabled, rewards: toRewards(v.days as RewardRow[]).map((r) => [r]) }));
      message.success(t('签到设置已保存', 'Check-in saved'));
    } catch (e) {
      setError(e);
    }
  };
  const r = settings?.results;
  return (
    <div data-testid="checkin-tasks">
      <PageTitle title={t('签到与任务', 'Check-in and tasks')} />
      <Card size="small" title={t('每日签到', 'Daily check-in')} style={{ marginBottom: 16 }}>
        {r && (
          <Typography.Paragraph type="secondary" data-testid="checkin-results">
            {t(
              `累计签到 ${num(r.checkins)} 次 · 今日 ${num(r.today)} 人 · 最长连签 ${num(r.best_streak)} 天 · 参与 ${num(r.members)} 人 · 发券 ${num(r.cards)} · 积分 ${num(r.points)} · 带动 ${money(r.gmv)}`,
              `${num(r.checkins)} check-ins · ${num(r.today)} today · best streak ${num(r.best_streak)} · ${num(r.members)} members · ${num(r.cards)} cards · ${num(r.points)} points · GMV ${money(r.gmv)}`,
            )}
          </Typography.Paragraph>
        )}
        <Refusal error={error} testId="checkin-error" />
        <Form form={form} layout="vertical" disabled={!canManage}>
          <Form.Item name="enabled" label={t('开启签到', 'On')} valuePropName="checked">
            <Switch data-testid="checkin-enabled" />
          </Form.Item>
          <Typography.Text strong>
            {t(
              '连续签到第 N 天的奖励（最后一天之后重新从第 1 天开始；断签从第 1 天重来）',
              'Day N of a streak gives (after the last day the cycle restarts; a missed day restarts at day 1)',
            )}
          </Typography.Text>
          <Form.List name="days">
            {(fields, { add, remove }) => (
              <div style={{ marginTop: 8 }}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline">
                    <span style={{ width: 56, display: 'inline-block' }}>{t(`第${i + 1}天`, `Day ${i + 1}`)}</span>
                    <RewardLine
                      list="days"
                      index={f.name}
                      templates={templates}
                      packs={packs}
                      onRemove={fields.length > 1 ? () => remove(f.name) : undefined}
                    />
                  </Space>
                ))}
                {fields.length < 31 && (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ type: 'points', amount: 10 })}>
                    {t('加一天', 'Add a day')}
                  </Button>
                )}
              </div>
            )}
          </Form.List>
          {canManage && (
            <Button type="primary" onClick={save} style={{ marginTop: 12 }} data-testid="checkin-save">
              {t('保存签到设置', 'Save')}
            </Button>
          )}
        </Form>
      </Card>
      <Card
        size="small"
        title={t('任务', 'Tasks')}
        extra={
          canManage && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="task-new">
              {t('新建任务', 'New task')}
            </Button>
          )
        }
      >
        <Table<TaskRow>
          rowKey="id"
          size="small"
          dataSource={tasks}
          pagination={false}
          columns={[
            { title: t('任务', 'Task'), render: (_: unknown, x) => <b>{x.name}</b> },
            { title: t('完成事件', 'Completed by'), render: (_: unknown, x) => <span className="kq-mono">{x.activity_type}</span> },
            {
              title: t('奖励', 'Rewards'),
              render: (_: unknown, x) => `${rewardsText(t, x.rewards, x.rewards_names)} · ${t(PERIOD[x.period].zh, PERIOD[x.period].en)}`,
            },
            {
              title: t('效果', 'Results'),
              render: (_: unknown, x) =>
                t(
                  `完成 ${num(x.results.completions)} 次 · ${num(x.results.members)} 人 · 发券 ${num(x.results.cards)} · 积分 ${num(x.results.points)}`,
                  `${num(x.results.completions)} done · ${num(x.results.members)} members · ${num(x.results.cards)} cards · ${num(x.results.points)} points`,
                ),
            },
            {
              title: t('状态', 'Status'),
              render: (_: unknown, x) => (
                <Tag color={x.status === 'live' ? 'green' : 'orange'}>{x.status === 'live' ? t('进行中', 'Live') : t('已暂停', 'Paused')}</Tag>
              ),
            },
            {
              title: '',
              render: (_: unknown, x) =>
                canManage && (
                  <Space size={4}>
                    <Button size="small" onClick={() => setEditing(x)}>
                      {t('编辑', 'Edit')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => api.updateTask(x.id, { status: x.status === 'live' ? 'paused' : 'live' }).then(() => setReload((n) => n + 1), report)}
                    >
                      {x.status === 'live' ? t('暂停', 'Pause') : t('恢复', 'Resume')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {editing && (
        <TaskDialog task={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), setReload((n) => n + 1))} />
      )}
    </div>
  );
}

/** 新建/编辑任务: its name, the custom event that completes it (分享 / 评价 / 完善资料 or the brand's own), how often, its rewards. */
function TaskDialog({ task, onClose, onSaved }: { task: TaskRow | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    form.setFieldsValue(task ?? { activity_type: 'shared', period: 'day', rewards: [{ type: 'points', amount: 10 }] });
  }, [task, form]);
  const save = async () => {
    const v = await form.validateFields();
    const body = { name: v.name.trim(), description: v.description ?? '', activity_type: v.activity_type, period: v.period, rewards: toRewards(v.rewards) };
    setError(null);
    try {
      await (task ? api.updateTask(task.id, body) : api.createTask(body));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={task ? t(`编辑任务：${task.name}`, `Edit: ${task.name}`) : t('新建任务', 'New task')}
      onCancel={onClose}
      onOk={save}
      destroyOnHidden
    >
      <Refusal error={error} testId="task-error" />
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('任务名称', 'Name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item
            name="activity_type"
            label={t('完成事件（会员行为类型）', 'Completed by (activity type)')}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_.]{0,63}$/ }]}
          >
            <AutoComplete style={{ width: 220 }} options={TASK_PRESETS.map((p) => ({ value: p.type, label: `${t(p.zh, p.en)} · ${p.type}` }))} />
          </Form.Item>
          <Form.Item name="period" label={t('奖励频次', 'How often')}>
            <Select style={{ width: 140 }} options={Object.entries(PERIOD).map(([k, p]) => ({ value: k, label: t(p.zh, p.en) }))} />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('完成后获得', 'Rewards')}</Typography.Text>
        <RewardsField name="rewards" testId="task-rewards" />
        <Form.Item name="description" label={t('说明', 'Description')} style={{ marginTop: 12 }}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
