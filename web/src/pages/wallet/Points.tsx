import { useEffect, useState } from 'react';
import { Button, Card as Panel, Empty, List, Spin, Tag, Typography } from 'antd';
import { report, type walletClient } from '../../api';
import type { PointMove, WalletPoints } from '../../api/types';
import { useT } from '../../i18n';
import { zonedTime } from '../../format';
import { MOVE_COLORS, lastDay, moveKindWords, reasonWords, signed } from '../members/pointWords';

type WalletApi = ReturnType<typeof walletClient>;
const n = (x: number) => x.toLocaleString('zh-CN');

/**
 * 我的积分: the balance (and what is still pending), every upcoming expiry with its amount — not only the
 * soonest — and every movement with its reason, newest first, a page at a time.
 */
export function WalletPointsView({ api, tz, reload }: { api: WalletApi; tz: string; reload: number }) {
  const t = useT();
  const [data, setData] = useState<WalletPoints | null>(null);
  const [moves, setMoves] = useState<PointMove[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  useEffect(() => {
    api
      .points({ limit: 20 })
      .then((r) => {
        setData(r);
        setMoves(r.moves.data);
        setCursor(r.moves.next_cursor);
      })
      .catch(report);
  }, [api, reload]);
  const next = async () => {
    if (!cursor) return;
    setMore(true);
    try {
      const r = await api.points({ limit: 20, cursor });
      setMoves((m) => [...m, ...r.moves.data]);
      setCursor(r.moves.next_cursor);
    } catch (e) {
      report(e);
    } finally {
      setMore(false);
    }
  };
  if (!data) return <Spin />;
  const b = data.balances;
  return (
    <>
      <Panel size="small" data-testid="wallet-points">
        <Typography.Text type="secondary">{t('可用积分', 'Points to spend')}</Typography.Text>
        <div style={{ fontSize: 30, fontWeight: 600 }} data-testid="wallet-points-total">
          {n(b.points)}
        </div>
        {b.pending > 0 && (
          <Typography.Text type="secondary" data-testid="wallet-points-pending">
            {t(`另有 ${n(b.pending)} 积分待生效（退货期结束后可用）`, `${n(b.pending)} more pending (usable after the return window)`)}
          </Typography.Text>
        )}
      </Panel>
      <Panel size="small" title={t('即将过期', 'Expiring')} data-testid="wallet-expiries">
        {b.next_expiries.length === 0 ? (
          <Typography.Text type="secondary">{t('暂无即将过期的积分', 'Nothing expires')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={b.next_expiries}
            renderItem={(e) => (
              <List.Item style={{ paddingInline: 0 }} data-testid="wallet-expiry">
                <span>{t(`有效至 ${lastDay(e.expires_at, tz)}`, `Usable through ${lastDay(e.expires_at, tz)}`)}</span>
                <Typography.Text strong>{t(`${n(e.amount)} 积分`, `${n(e.amount)} points`)}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Panel>
      <Panel size="small" title={t('积分明细', 'History')} data-testid="wallet-moves">
        {moves.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('还没有积分记录', 'No points yet')} />
        ) : (
          <List
            size="small"
            dataSource={moves}
            renderItem={(m) => (
              <List.Item style={{ paddingInline: 0 }} data-testid="wallet-move">
                <div>
                  <div>
                    <Tag color={MOVE_COLORS[m.kind]}>{moveKindWords(t, m.kind)}</Tag>
                    {reasonWords(t, m.reason, m.kind)}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {zonedTime(m.created_at, tz)}
                  </Typography.Text>
                </div>
                <Typography.Text strong type={m.delta > 0 ? 'success' : undefined}>
                  {signed(m.delta)}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
        {cursor && (
          <Button block loading={more} onClick={next} data-testid="wallet-moves-more">
            {t('加载更多', 'More')}
          </Button>
        )}
      </Panel>
    </>
  );
}
