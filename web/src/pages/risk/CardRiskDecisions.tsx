import { useEffect, useState } from 'react';
import { Card as Panel, Table, Tag } from 'antd';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { time } from '../../format';
import { ACTION_WORDS, OUTCOME_COLORS, OUTCOME_WORDS, word } from './words';

type Page = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['riskDecisions']>>;

/** 风控记录 in a card's trace: what the risk rules decided about this card (shown only when there is something, and to who may read it). */
export function CardRiskDecisions({ cardId }: { cardId: string }) {
  const t = useT();
  const { api, me } = useConsole();
  const may = me.can.includes('risk.read');
  const [page, setPage] = useState<Page | null>(null);
  useEffect(() => {
    if (may)
      api
        .riskDecisions({ card_id: cardId, limit: 50 })
        .then(setPage)
        .catch(() => setPage(null));
  }, [api, cardId, may]);
  if (!page?.data.length) return null;
  const names = page.names;
  return (
    <Panel size="small" title={t('风控记录', 'Risk decisions')} data-testid="card-risk">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={page.data}
        columns={[
          { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
          { title: t('操作', 'Action'), dataIndex: 'action', render: (a: string) => word(t, ACTION_WORDS, a) },
          { title: t('处置', 'Outcome'), dataIndex: 'outcome', render: (o: string) => <Tag color={OUTCOME_COLORS[o]}>{word(t, OUTCOME_WORDS, o)}</Tag> },
          { title: t('命中规则', 'Rules hit'), dataIndex: 'rules', render: (rs: { name: string }[]) => rs.map((r) => r.name).join('、') },
          { title: t('门店', 'Store'), dataIndex: 'store_id', render: (s: string | null) => (s ? (names[s] ?? s) : '—') },
        ]}
      />
    </Panel>
  );
}
