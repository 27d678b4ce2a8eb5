import { Card as Panel, Table, Tag } from 'antd';
import type { Trace } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { ACTION_WORDS, OUTCOME_COLORS, OUTCOME_WORDS, word } from './words';

type Decision = Trace['risk_decisions'][number];

/** 风控记录 in a card's trace: what the risk rules decided about this card (the trace carries them for who may read them); nothing when there is none. */
export function CardRiskDecisions({ decisions, names }: { decisions: Decision[]; names: Record<string, string> }) {
  const t = useT();
  if (!decisions.length) return null;
  return (
    <Panel size="small" title={t('风控记录', 'Risk decisions')} data-testid="card-risk">
      <Table<Decision>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={decisions}
        columns={[
          { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
          { title: t('操作', 'Action'), dataIndex: 'action', render: (a: string) => word(t, ACTION_WORDS, a) },
          { title: t('处置', 'Outcome'), dataIndex: 'outcome', render: (o: string) => <Tag color={OUTCOME_COLORS[o]}>{word(t, OUTCOME_WORDS, o)}</Tag> },
          { title: t('命中规则', 'Rules hit'), dataIndex: 'rules', render: (rs: Decision['rules']) => rs.map((r) => r.name).join('、') },
          { title: t('门店', 'Store'), dataIndex: 'store_id', render: (s: string | null) => (s ? (names[s] ?? s) : '—') },
        ]}
      />
    </Panel>
  );
}
