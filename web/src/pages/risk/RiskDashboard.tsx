import { useEffect, useState } from 'react';
import { Alert, Button, Card as Panel, Col, DatePicker, Drawer, Row, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { report } from '../../api';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { num, time } from '../../format';
import { Link } from '../../router';
import { PageTitle } from '../../components/PageTitle';
import { BarsChart } from '../../components/Charts';
import { CardDetail } from '../cards/CardDetail';
import { ACTION_WORDS, OUTCOME_COLORS, OUTCOME_WORDS, SUBJECT_WORDS, word, type Tr } from './words';

type Dash = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['riskDashboard']>>;
type Recent = Dash['recent'][number];
const OUTCOMES = ['refuse', 'challenge', 'review', 'flag'] as const;

const countColumns = (t: Tr) =>
  OUTCOMES.map((o) => ({ title: word(t, OUTCOME_WORDS, o), dataIndex: o, align: 'right' as const, render: num, width: 90 })).concat([
    { title: t('合计', 'Total'), dataIndex: 'total', align: 'right' as const, render: num, width: 90 } as never,
  ]);

/** 风控看板: what the rules decided in a period of local days — totals, by hour, by rule, by store, the subjects hit most, the latest decisions (card and member linked), spike alerts. */
export function RiskDashboard() {
  const t = useT();
  const { api } = useConsole();
  // the days are the brand's (its time zone), not the browser's: the first answer, asked with no days, says which day is today there
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [today, setToday] = useState<Dayjs>(dayjs().startOf('day'));
  const [d, setD] = useState<Dash | null>(null);
  const [card, setCard] = useState<string | null>(null);
  useEffect(() => {
    api.riskDashboard(range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {}).then((x) => {
      setD(x);
      if (!range) setToday(dayjs(x.to));
    }, report);
  }, [api, range]);
  const series = OUTCOMES.map((o) => ({ key: o, name: word(t, OUTCOME_WORDS, o) }));

  return (
    <div>
      <PageTitle
        title={t('风控看板', 'Risk dashboard')}
        extra={
          <DatePicker.RangePicker
            value={range ?? [today, today]}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].startOf('day'), v[1].startOf('day')])}
            presets={[
              { label: t('今天', 'Today'), value: [today, today] },
              { label: t('近 7 天', 'Last 7 days'), value: [today.subtract(6, 'day'), today] },
              { label: t('近 30 天', 'Last 30 days'), value: [today.subtract(29, 'day'), today] },
            ]}
          />
        }
      />
      {d?.spikes.map((s) => (
        <Alert
          key={`${s.rule_id}-${s.hour}`}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="risk-spike"
          message={t(
            `告警：规则「${s.rule_name ?? s.rule_id}」在 ${time(s.hour)} 起的一小时内命中 ${s.hits} 次（过去 7 天同一小时平均 ${s.baseline} 次）`,
            `Spike: rule “${s.rule_name ?? s.rule_id}” hit ${s.hits} times in the hour from ${time(s.hour)} (mean of that hour over 7 days: ${s.baseline})`,
          )}
        />
      ))}
      <Row gutter={[16, 16]} data-testid="risk-totals">
        {OUTCOMES.map((o) => (
          <Col key={o} xs={12} md={6}>
            <Panel size="small">
              <Statistic
                title={word(t, OUTCOME_WORDS, o)}
                value={d?.totals[o] ?? 0}
                valueStyle={{ color: OUTCOME_COLORS[o] === 'red' ? '#cf1322' : undefined }}
              />
            </Panel>
          </Col>
        ))}
      </Row>
      <Panel size="small" title={t('按小时（本地时间）', 'By hour (local time)')} style={{ marginTop: 16 }}>
        <BarsChart data={(d?.by_hour ?? []).map((h) => ({ ...h, label: `${h.hour}:00` }))} x="label" series={series} height={240} />
      </Panel>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Panel size="small" title={t('按规则', 'By rule')}>
            <Table
              rowKey="rule_id"
              size="small"
              pagination={false}
              scroll={{ x: 560 }}
              dataSource={d?.by_rule ?? []}
              data-testid="risk-by-rule"
              columns={[{ title: t('规则', 'Rule'), dataIndex: 'rule_name', render: (v: string | null) => v ?? '—' }, ...countColumns(t)]}
            />
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel size="small" title={t('按门店', 'By store')}>
            <Table
              rowKey={(r) => r.store_id ?? '-'}
              size="small"
              pagination={false}
              scroll={{ x: 560 }}
              dataSource={d?.by_store ?? []}
              data-testid="risk-by-store"
              columns={[
                {
                  title: t('门店', 'Store'),
                  dataIndex: 'store_name',
                  render: (v: string | null, r) => v ?? (r.store_id ? '—' : t('无门店（线上）', 'No store (online)')),
                },
                ...countColumns(t),
              ]}
            />
          </Panel>
        </Col>
      </Row>
      <Panel size="small" title={t('命中最多的对象', 'Subjects hit most')} style={{ marginTop: 16 }}>
        <Table
          rowKey={(r) => `${r.subject}:${r.value}`}
          size="small"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={d?.top_subjects ?? []}
          columns={[
            { title: t('对象', 'Subject'), dataIndex: 'subject', render: (s: string) => <Tag>{word(t, SUBJECT_WORDS, s)}</Tag> },
            {
              title: t('名称', 'Name'),
              key: 'name',
              render: (_: unknown, r) =>
                r.subject === 'member' ? (
                  <Link to={`/console/members/${r.value}`}>{r.name ?? r.value}</Link>
                ) : r.subject === 'card' ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setCard(r.value)}>
                    {r.name ?? r.value}
                  </Button>
                ) : (
                  <span className="kq-mono">{r.value}</span>
                ),
            },
            ...countColumns(t),
          ]}
        />
      </Panel>
      <Panel size="small" title={t('最近的决策', 'Latest decisions')} style={{ marginTop: 16 }}>
        <Table<Recent>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={d?.recent ?? []}
          data-testid="risk-recent"
          columns={[
            { title: t('时间', 'Time'), dataIndex: 'created_at', render: time, width: 150 },
            { title: t('操作', 'Action'), dataIndex: 'action', render: (a: string) => word(t, ACTION_WORDS, a) },
            { title: t('处置', 'Outcome'), dataIndex: 'outcome', render: (o: string) => <Tag color={OUTCOME_COLORS[o]}>{word(t, OUTCOME_WORDS, o)}</Tag> },
            { title: t('命中规则', 'Rules hit'), dataIndex: 'rules', render: (rs: Recent['rules']) => rs.map((r) => r.name).join('、') },
            {
              title: t('会员', 'Member'),
              key: 'member',
              render: (_: unknown, r) => (r.member_id ? <Link to={`/console/members/${r.member_id}`}>{r.member_name ?? r.member_id}</Link> : '—'),
            },
            {
              title: t('卡券', 'Card'),
              key: 'card',
              render: (_: unknown, r) =>
                r.card_id ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setCard(r.card_id)}>
                    {r.card_name ?? r.card_id}
                  </Button>
                ) : (
                  '—'
                ),
            },
            { title: t('门店', 'Store'), dataIndex: 'store_name', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Panel>
      <Drawer width={1100} open={!!card} onClose={() => setCard(null)} title={t('卡券详情', 'Card')} destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }}>
          {card && <CardDetail cardId={card} />}
        </Space>
      </Drawer>
    </div>
  );
}
