import { useEffect, useState } from 'react';
import { Button, Card as Panel, Empty, Space, Spin, Tag, Typography } from 'antd';
import { GiftOutlined, TrophyOutlined } from '@ant-design/icons';
import { report, type walletClient } from '../../api';
import type { WalletPacks } from '../../api/types';
import { useT } from '../../i18n';
import { zonedTime } from '../../format';

type WalletApi = ReturnType<typeof walletClient>;
type T = (zh: string, en: string) => string;

export const sourceWords = (t: T, s: string) =>
  ({
    manual: t('商家赠送', 'From the brand'),
    tier: t('等级权益', 'Tier benefit'),
    mall: t('积分兑换', 'Points mall'),
    rule: t('活动奖励', 'Reward'),
  })[s] ?? s;

/**
 * 我的礼包: the benefit packs granted to me, newest first — why I got each (a tier benefit, the mall, a
 * gift from the brand), the prize of a 盲盒, and the cards it put in my wallet (each opens the card).
 */
export function WalletPacksView({ api, tz, onCard }: { api: WalletApi; tz: string; onCard: (id: string) => void }) {
  const t = useT();
  const [data, setData] = useState<WalletPacks | null>(null);
  useEffect(() => {
    api.packs().then(setData).catch(report);
  }, [api]);
  if (!data) return <Spin />;
  if (data.data.length === 0)
    return (
      <Panel>
        <Empty description={t('还没有礼包', 'No packs yet')} />
      </Panel>
    );
  const name = (id: string) => data.names[id] ?? t('卡券', 'Card');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="wallet-packs">
      {data.data.map((g) => (
        <Panel
          key={g.id}
          size="small"
          data-testid="wallet-pack"
          title={
            <Space>
              <GiftOutlined style={{ color: '#d6336c' }} />
              {name(g.pack_id)}
            </Space>
          }
          extra={<Tag>{sourceWords(t, g.source)}</Tag>}
        >
          <Space direction="vertical" size={6} style={{ width: '100%' }}>
            {g.prize && (
              <Typography.Text data-testid="wallet-pack-prize">
                <TrophyOutlined style={{ color: '#d48806' }} /> {t(`抽中「${g.prize.name}」`, `You drew “${g.prize.name}”`)}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`${zonedTime(g.created_at, tz)} 发放 · ${g.cards.length} 张卡券`, `${zonedTime(g.created_at, tz)} · ${g.cards.length} card(s)`)}
            </Typography.Text>
            <Space wrap>
              {g.cards.map((c) => (
                <Button key={c.id} size="small" onClick={() => onCard(c.id)} data-testid="wallet-pack-card">
                  {name(c.id)}
                </Button>
              ))}
            </Space>
          </Space>
        </Panel>
      ))}
    </div>
  );
}
