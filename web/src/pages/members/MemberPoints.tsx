import { useCallback, useEffect, useState } from 'react';
import { Button, Card as Panel, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { Member, PointBalances, PointLot, PointMove } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { time } from '../../format';
import { DataTable } from '../../components/DataTable';
import { AdjustPointsDialog } from './AdjustPointsDialog';
import { MOVE_COLORS, lastDay, moveKindWords, reasonWords, signed } from './pointWords';

const n = (x: number) => x.toLocaleString('zh-CN');

/**
 * 积分 on the member profile: the balance, pending points, growth and every upcoming expiry; the lots
 * (each earn with its own expiry, what is left of it); every movement of points or growth with its reason,
 * a page at a time; and 调整积分 with a reason.
 */
export function MemberPoints({ member, reload, onChanged }: { member: Member; reload: number; onChanged: () => void }) {
  const t = useT();
  const { api, me } = useConsole();
  const [b, setB] = useState<PointBalances | null>(null);
  const [lots, setLots] = useState<PointLot[] | null>(null);
  const [allLots, setAllLots] = useState(false);
  const [asset, setAsset] = useState<'points' | 'growth'>('points');
  const [adjusting, setAdjusting] = useState(false);
  const canAdjust = me.can.includes('points.adjust');
  // the last day a lot can be used, on the tenant's calendar, whatever the browser's zone
  const date = (iso: string) => lastDay(iso, me.tenant.time_zone);
  useEffect(() => {
    api.memberPoints(member.id).then(setB).catch(report);
  }, [api, member.id, reload]);
  useEffect(() => {
    api
      .memberLots(member.id, allLots)
      .then((r) => setLots(r.data))
      .catch(report);
  }, [api, member.id, allLots, reload]);
  const fetchMoves = useCallback((q: ListQuery) => api.memberMoves(member.id, { ...q, asset }), [api, member.id, asset]);
  const lotState = (l: PointLot) =>
    l.kind === 'debt' ? (
      <Tag color="red">{t('欠扣', 'Owed')}</Tag>
    ) : l.expired_at ? (
      <Tag>{t('已过期', 'Expired')}</Tag>
    ) : l.remaining === 0 ? (
      <Tag>{t('已用完', 'Used up')}</Tag>
    ) : new Date(l.active_from) > new Date() ? (
      <Tag color="orange">{t('待生效', 'Pending')}</Tag>
    ) : (
      <Tag color="green">{t('可用', 'Active')}</Tag>
    );

  return (
    <Panel
      size="small"
      title={t('积分', 'Points')}
      loading={!b}
      data-testid="member-points"
      extra={
        canAdjust &&
        b && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setAdjusting(true)} data-testid="member-points-adjust">
            {t('调整积分', 'Adjust')}
          </Button>
        )
      }
    >
      {b && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('可用积分', 'Points')} value={b.points} data-testid="member-points-balance" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('待生效', 'Pending')} value={b.pending} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('成长值', 'Growth')} value={b.growth} />
            </Col>
            <Col xs={24} md={6}>
              <Typography.Text type="secondary">{t('即将过期（有效至 · 数量）', 'Expiring (through · amount)')}</Typography.Text>
              <div data-testid="member-points-expiries">
                {b.next_expiries.length === 0
                  ? '—'
                  : b.next_expiries.slice(0, 4).map((e) => (
                      <div key={e.expires_at}>
                        {date(e.expires_at)} · {n(e.amount)}
                      </div>
                    ))}
                {b.next_expiries.length > 4 && (
                  <span className="kq-muted">{t(`另 ${b.next_expiries.length - 4} 批`, `${b.next_expiries.length - 4} more`)}</span>
                )}
              </div>
            </Col>
          </Row>
          <div>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('积分批次', 'Lots')}</Typography.Text>
              <Segmented
                size="small"
                value={allLots ? 'all' : 'open'}
                onChange={(v) => setAllLots(v === 'all')}
                options={[
                  { value: 'open', label: t('有余额', 'With a balance') },
                  { value: 'all', label: t('全部', 'All') },
                ]}
              />
            </Space>
            <Table<PointLot>
              rowKey="id"
              size="small"
              loading={!lots}
              dataSource={lots ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="member-points-lots"
              columns={[
                { title: t('获得时间', 'Earned'), key: 'at', render: (_, l) => time(l.created_at) },
                { title: t('类别', 'Asset'), key: 'asset', render: (_, l) => (l.asset === 'growth' ? t('成长值', 'Growth') : t('积分', 'Points')) },
                { title: t('来源', 'From'), key: 'reason', render: (_, l) => reasonWords(t, l.reason) },
                { title: t('获得 / 剩余', 'Amount / left'), key: 'amt', align: 'right', render: (_, l) => `${n(l.amount)} / ${n(l.remaining)}` },
                { title: t('有效至', 'Usable through'), key: 'exp', render: (_, l) => (l.expires_at ? date(l.expires_at) : t('长期有效', 'Never')) },
                { title: t('状态', 'State'), key: 'state', render: (_, l) => lotState(l) },
              ]}
            />
          </div>
          <div>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('积分流水', 'Movements')}</Typography.Text>
              <Segmented
                size="small"
                value={asset}
                onChange={(v) => setAsset(v as 'points' | 'growth')}
                options={[
                  { value: 'points', label: t('积分', 'Points') },
                  { value: 'growth', label: t('成长值', 'Growth') },
                ]}
                data-testid="member-moves-asset"
              />
            </Space>
            <DataTable<PointMove>
              fetch={fetchMoves}
              rowKey="id"
              reloadKey={`${reload}:${asset}`}
              pageSize={10}
              testId="member-points-moves"
              columns={[
                { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
                { title: t('变动', 'Kind'), dataIndex: 'kind', render: (k: string) => <Tag color={MOVE_COLORS[k]}>{moveKindWords(t, k)}</Tag> },
                { title: t('原因', 'Reason'), key: 'reason', render: (_: unknown, m) => reasonWords(t, m.reason, m.kind) },
                {
                  title: t('数量', 'Amount'),
                  dataIndex: 'delta',
                  align: 'right',
                  render: (d: number) => <Typography.Text type={d > 0 ? 'success' : undefined}>{signed(d)}</Typography.Text>,
                },
              ]}
            />
          </div>
        </Space>
      )}
      {adjusting && b && (
        <AdjustPointsDialog
          member={member}
          balances={b}
          onClose={() => setAdjusting(false)}
          onDone={() => {
            setAdjusting(false);
            onChanged();
          }}
        />
      )}
    </Panel>
  );
}
