import { useCallback, useEffect, useState } from 'react';
import { Button, Space, Switch, Table, Tag, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report } from '../../api';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { num } from '../../format';
import { PageTitle } from '../../components/PageTitle';
import { ACTION_WORDS, MODE_WORDS, OUTCOME_COLORS, OUTCOME_WORDS, SIGNAL_WORDS, SUBJECT_WORDS, UNIT_WORDS, word, type Tr } from './words';
import { RuleForm } from './RuleForm';

export type RiskRule = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['riskRules']>>['data'][number];

/** 每会员 1 天（自然周期）最多 3 次 / at most 3 per member per 1 day (calendar). */
export function ruleWords(t: Tr, r: RiskRule) {
  const w = `${r.window.size} ${word(t, UNIT_WORDS, r.window.unit)}（${word(t, MODE_WORDS, r.window.mode)}）`;
  if (r.kind === 'signal') return t(`${w}内${word(t, SIGNAL_WORDS, r.signal)}超过 ${r.limit}`, `${word(t, SIGNAL_WORDS, r.signal)} over ${r.limit} in ${w}`);
  const failures = r.count === 'failures' ? t('失败', ' failed') : '';
  return t(
    `每${r.subject === 'ip' ? ' IP' : word(t, SUBJECT_WORDS, r.subject)} ${w}最多 ${r.limit} 次${failures}`,
    `at most ${r.limit}${failures} per ${word(t, SUBJECT_WORDS, r.subject)} per ${w}`,
  );
}

/** 风控规则: the rules with today's hits, made and edited in a form (试运行 before saving), paused and resumed in the list. */
export function RiskRules() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('risk.manage');
  const [rules, setRules] = useState<RiskRule[]>([]);
  const [hits, setHits] = useState<Map<string, number>>(new Map());
  const [editing, setEditing] = useState<RiskRule | 'new' | null>(null);
  const load = useCallback(() => {
    api.riskRules().then((r) => setRules(r.data), report);
    api.riskDashboard({}).then((d) => setHits(new Map(d.by_rule.map((r) => [r.rule_id, r.total]))), report);
  }, [api]);
  useEffect(load, [load]);

  const setStatus = async (r: RiskRule, active: boolean) => {
    try {
      await api.updateRiskRule(r.id, { status: active ? 'active' : 'paused' });
      message.success(active ? t('规则已启用', 'Rule active') : t('规则已暂停', 'Rule paused'));
      load();
    } catch (e) {
      report(e);
    }
  };

  return (
    <div>
      <PageTitle
        title={t('风控规则', 'Risk rules')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-risk-rule">
              {t('新建规则', 'New rule')}
            </Button>
          )
        }
      />
      <Table<RiskRule>
        rowKey="id"
        dataSource={rules}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="risk-rules-table"
        columns={[
          { title: t('规则', 'Rule'), dataIndex: 'name', render: (v: string) => <b>{v}</b> },
          {
            title: t('操作', 'Actions'),
            dataIndex: 'actions',
            render: (xs: string[]) => (
              <Space size={2} wrap>
                {xs.map((a) => (
                  <Tag key={a}>{word(t, ACTION_WORDS, a)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('条件', 'When'), key: 'when', render: (_: unknown, r) => ruleWords(t, r) },
          {
            title: t('处置', 'Outcome'),
            dataIndex: 'outcome',
            render: (o: string) => <Tag color={OUTCOME_COLORS[o]}>{word(t, OUTCOME_WORDS, o)}</Tag>,
          },
          { title: t('今日命中', 'Hits today'), key: 'hits', align: 'right', render: (_: unknown, r) => num(hits.get(r.id) ?? 0) },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: string, r) =>
              canManage ? (
                <Switch
                  checked={s === 'active'}
                  checkedChildren={t('启用', 'On')}
                  unCheckedChildren={t('暂停', 'Off')}
                  onChange={(on) => setStatus(r, on)}
                  data-testid={`rule-status-${r.name}`}
                />
              ) : s === 'active' ? (
                <Tag color="green">{t('启用', 'Active')}</Tag>
              ) : (
                <Tag>{t('已暂停', 'Paused')}</Tag>
              ),
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r: RiskRule) => (
                    <Button size="small" onClick={() => setEditing(r)}>
                      {t('编辑', 'Edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RuleForm
        rule={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          load();
        }}
      />
    </div>
  );
}
