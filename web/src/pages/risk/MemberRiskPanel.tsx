import { useEffect, useState } from 'react';
import { Button, Card as Panel, Empty, Space, Table, Tag } from 'antd';
import { report } from '../../api';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { time } from '../../format';
import { ACTION_WORDS, LIST_WORDS, OUTCOME_COLORS, OUTCOME_WORDS, SUBJECT_WORDS, word } from './words';

type Risk = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['memberRisk']>>;
type Decision = Risk['decisions'][number];

/** 风控记录 on a member's page: the lists that name them, their recent decisions (rules by name), the devices they used. */
export function MemberRiskPanel({ memberId, onCard }: { memberId: string; onCard?: (cardId: string) => void }) {
  const t = useT();
  const { api, me } = useConsole();
  const [risk, setRisk] = useState<Risk | null>(null);
  const may = me.can.includes('risk.read');
  useEffect(() => {
    if (may) api.memberRisk(memberId).then(setRisk, report);
  }, [api, memberId, may]);
  if (!may) return null;
  const names = risk?.names ?? {};
  return (
    <Panel size="small" title={t('风控记录', 'Risk record')} data-testid="member-risk">
      {!!risk?.lists.length && (
        <Space wrap style={{ marginBottom: 8 }}>
          {risk.lists
            .filter((l) => l.active)
            .map((l) => (
              <Tag key={l.id} color={l.list === 'black' ? 'red' : l.list === 'grey' ? 'orange' : 'green'}>
                {word(t, LIST_WORDS, l.list)} · {word(t, SUBJECT_WORDS, l.subject)} · {l.reason}
              </Tag>
            ))}
        </Space>
      )}
      <Table<Decision>
        size="small"
        rowKey="id"
        loading={!risk}
        dataSource={risk?.decisions ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有风控记录', 'No risk decisions')} /> }}
        columns={[
          { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
          { title: t('操作', 'Action'), dataIndex: 'action', render: (a: string) => word(t, ACTION_WORDS, a) },
          { title: t('处置', 'Outcome'), dataIndex: 'outcome', render: (o: string) => <Tag color={OUTCOME_COLORS[o]}>{word(t, OUTCOME_WORDS, o)}</Tag> },
          { title: t('命中规则', 'Rules hit'), dataIndex: 'rules', render: (rs: Decision['rules']) => rs.map((r) => r.name).join('、') },
          {
            title: t('卡券', 'Card'),
            dataIndex: 'card_id',
            render: (c: string | null) =>
              c ? (
                onCard ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onCard(c)}>
                    {names[c] ?? c}
                  </Button>
                ) : (
                  (names[c] ?? c)
                )
              ) : (
                '—'
              ),
          },
        ]}
      />
      {!!risk?.devices.length && (
        <div className="kq-muted" style={{ marginTop: 8, fontSize: 12 }}>
          {t('使用过的设备', 'Devices used')}:{' '}
          {risk.devices.map((d) => `${d.device_id.slice(0, 12)}（${t(`${d.members} 个会员`, `${d.members} members`)}）`).join('，')}
        </div>
      )}
    </Panel>
  );
}
