import { useCallback, useState } from 'react';
import { Button, Drawer, Popconfirm, Space, Tag, message } from 'antd';
import { ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../../api';
import type { Firing, Rule, RulesQuery } from '../../../api/automation';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { money, num, time } from '../../../format';
import { DataTable } from '../../../components/DataTable';
import { RuleForm } from './RuleForm';
import { DryRun } from './DryRun';
import { PERIODS, WEEKDAYS, triggerWord } from './words';

type T = (zh: string, en: string) => string;

/** 触发 in words: 「首单」, 「积分达到 1000」, 「会员生日 09:00」, 「定时 每周一 10:00」. */
function triggerText(t: T, r: Rule): string {
  const w = triggerWord(r.trigger.type);
  const name = w ? t(w.zh, w.en) : r.trigger_name;
  const at = r.trigger.at ?? '09:00';
  if (r.trigger.type === 'points.threshold') return t(`${name} ${r.trigger.threshold}`, `${name} ${r.trigger.threshold}`);
  if (r.trigger.type === 'birthday') return `${name} ${at}`;
  if (r.trigger.type === 'schedule') {
    const when =
      r.trigger.every === 'week'
        ? t(`每${WEEKDAYS[(r.trigger.weekday ?? 1) - 1]}`, `weekly`)
        : r.trigger.every === 'month'
          ? t(`每月${r.trigger.day}号`, 'monthly')
          : t('每天', 'daily');
    return `${name} ${when} ${at}`;
  }
  return name;
}

/** 限制 in words: 「每人每天 1 次 · 预算 100 张」. */
function limitText(t: T, r: Rule, cur: string): string {
  const l = r.limits;
  const parts: string[] = [];
  if (l.per_member) {
    const p = PERIODS.find((x) => x.value === l.per_member!.per)!;
    parts.push(t(`每人${p.zh} ${l.per_member.times} 次`, `${l.per_member.times} per member ${p.en}`));
  }
  if (l.budget_cards != null)
    parts.push(t(`预算 ${num(r.results.budget_cards_used)}/${num(l.budget_cards)} 张`, `${r.results.budget_cards_used}/${l.budget_cards} cards`));
  if (l.budget_fen != null) parts.push(t(`预算 ${money(r.results.budget_fen_used, cur)}/${money(l.budget_fen, cur)}`, `${money(l.budget_fen, cur)} budget`));
  return parts.join(' · ') || t('不限', 'None');
}

/**
 * 自动化规则: every rule with its trigger, limits and results (触发、发券、核销、带动销售额);
 * 新建/编辑 in the no-code builder, 启用/暂停, 删除, 触发记录 (fired or skipped, and why), and 试运行.
 */
export function AutomationRules() {
  const t = useT();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const canManage = me.can.includes('automation.manage');
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [dry, setDry] = useState(false);
  const [log, setLog] = useState<Rule | null>(null);
  const fetch = useCallback((q: ListQuery) => api.automationRules(q as RulesQuery), [api]);
  const fetchFirings = useCallback((q: ListQuery) => api.automationFirings({ ...q, rule_id: log?.id }), [api, log]);
  const act = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      message.success(done);
      setReload((n) => n + 1);
    } catch (e) {
      report(e);
    }
  };
  return (
    <div data-testid="automation-rules">
      <Space wrap style={{ marginBottom: 12 }}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-new">
            {t('新建规则', 'New rule')}
          </Button>
        )}
        <Button icon={<ExperimentOutlined />} onClick={() => setDry(true)} data-testid="rule-dry-run">
          {t('试运行', 'Dry run')}
        </Button>
      </Space>
      <DataTable<Rule>
        fetch={fetch}
        rowKey="id"
        reloadKey={reload}
        testId="rules-table"
        columns={[
          { title: t('规则', 'Rule'), dataIndex: 'name', render: (v: string) => <b>{v}</b> },
          { title: t('触发', 'Trigger'), key: 'trigger', render: (_, r) => triggerText(t, r) },
          {
            title: t('条件', 'Conditions'),
            key: 'conditions',
            render: (_, r) => (r.conditions.length ? t(`${r.conditions.length} 条`, `${r.conditions.length}`) : t('无', 'None')),
          },
          { title: t('限制', 'Limits'), key: 'limits', render: (_, r) => limitText(t, r, cur) },
          {
            title: t('效果', 'Results'),
            key: 'results',
            render: (_, r) => (
              <Space direction="vertical" size={0} style={{ fontSize: 12 }} data-testid={`rule-results-${r.id}`}>
                <span>
                  {t(`触发 ${num(r.results.fired)} · 会员 ${num(r.results.members)}`, `${num(r.results.fired)} fired · ${num(r.results.members)} members`)}
                </span>
                <span>
                  {t(`发券 ${num(r.results.cards)} · 核销 ${num(r.results.redeemed)}`, `${num(r.results.cards)} cards · ${num(r.results.redeemed)} redeemed`)}
                </span>
                <span>{t(`带动销售 ${money(r.results.gmv, cur)}`, `GMV ${money(r.results.gmv, cur)}`)}</span>
              </Space>
            ),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: Rule['status']) =>
              s === 'active' ? <Tag color="green">{t('启用中', 'Active')}</Tag> : <Tag color="orange">{t('已暂停', 'Paused')}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r: Rule) => (
              <Space wrap>
                <Button size="small" onClick={() => setLog(r)} data-testid={`rule-firings-${r.id}`}>
                  {t('触发记录', 'Firings')}
                </Button>
                {canManage && (
                  <Button size="small" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.id}`}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
                {canManage && (
                  <Button
                    size="small"
                    onClick={() =>
                      act(
                        api.setAutomationRuleStatus(r.id, r.status === 'active' ? 'pause' : 'enable'),
                        r.status === 'active' ? t('已暂停', 'Paused') : t('已启用', 'Enabled'),
                      )
                    }
                    data-testid={`rule-toggle-${r.id}`}
                  >
                    {r.status === 'active' ? t('暂停', 'Pause') : t('启用', 'Enable')}
                  </Button>
                )}
                {canManage && (
                  <Popconfirm
                    title={t('删除后不再触发（已发的券和记录保留），确定吗？', 'It fires no more (cards and records stay). Delete?')}
                    onConfirm={() => act(api.deleteAutomationRule(r.id), t('已删除', 'Deleted'))}
                  >
                    <Button size="small" danger data-testid={`rule-delete-${r.id}`}>
                      {t('删除', 'Delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <RuleForm
          rule={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            message.success(t(`已保存：${r.name}`, `Saved: ${r.name}`));
            setEditing(null);
            setReload((n) => n + 1);
          }}
        />
      )}
      {dry && <DryRun onClose={() => setDry(false)} />}
      {log && (
        <Drawer open width={720} title={t(`触发记录：${log.name}`, `Firings: ${log.name}`)} onClose={() => setLog(null)}>
          <DataTable<Firing>
            fetch={fetchFirings}
            rowKey="id"
            testId="firings-table"
            columns={[
              { title: t('时间', 'At'), dataIndex: 'created_at', render: (v: string) => time(v) },
              { title: t('会员', 'Member'), dataIndex: 'member_name', render: (v: string | null) => v ?? t('未填姓名', 'No name') },
              {
                title: t('结果', 'Outcome'),
                key: 'outcome',
                render: (_, f) =>
                  f.outcome === 'fired' ? (
                    <Tag color="green">
                      {t(
                        `已触发${f.card_ids.length ? `，发券 ${f.card_ids.length} 张` : ''}`,
                        `Fired${f.card_ids.length ? `, ${f.card_ids.length} cards` : ''}`,
                      )}
                    </Tag>
                  ) : (
                    <Tag>{f.reason_text ? t(`未触发：${f.reason_text.zh}`, `Skipped: ${f.reason_text.en}`) : t('未触发', 'Skipped')}</Tag>
                  ),
              },
            ]}
          />
        </Drawer>
      )}
    </div>
  );
}
