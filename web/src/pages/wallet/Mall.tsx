import { useEffect, useState } from 'react';
import { Alert, Button, Card as Panel, Empty, Modal, Result, Space, Spin, Tag, Typography } from 'antd';
import { ShoppingOutlined } from '@ant-design/icons';
import { report, type walletClient } from '../../api';
import type { MallExchange, Shelf, ShelfItem } from '../../api/types';
import { useI18n, useT } from '../../i18n';
import { money, zonedTime } from '../../format';
import { problemText } from '../../problems';

type WalletApi = ReturnType<typeof walletClient>;
const n = (x: number) => x.toLocaleString('zh-CN');

/**
 * 积分商城 in the wallet: the items on the shelf with their price in points, what is left and my limit;
 * each one I cannot take now says why (the server's reason: not enough points, tier, sold out, not yet
 * on sale …). 兑换 asks to confirm with the price and my balance after it, then shows what I got.
 */
export function WalletMallView({
  api,
  tz,
  currency,
  onCard,
  onChanged,
}: {
  api: WalletApi;
  tz: string;
  currency: string;
  onCard: (id: string) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const [shelf, setShelf] = useState<Shelf | null>(null);
  const [asking, setAsking] = useState<ShelfItem | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.mall().then(setShelf).catch(report);
  }, [api, version]);
  if (!shelf) return <Spin />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="wallet-mall">
      <Typography.Text type="secondary">{t(`我的积分：${n(shelf.points)}`, `My points: ${n(shelf.points)}`)}</Typography.Text>
      {shelf.data.length === 0 && (
        <Panel>
          <Empty description={t('商城暂无商品', 'Nothing in the mall yet')} />
        </Panel>
      )}
      {shelf.data.map((i) => (
        <Panel key={i.id} size="small" data-testid={`wallet-mall-item-${i.id}`}>
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong>{i.name}</Typography.Text>
              <Typography.Text strong style={{ color: '#d4380d' }}>
                {t(`${n(i.points)} 积分`, `${n(i.points)} pts`)}
                {i.cash > 0 ? ` + ${money(i.cash, currency)}` : ''}
              </Typography.Text>
            </Space>
            {i.gives_name && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {i.kind === 'pack' ? t(`权益礼包：${i.gives_name}`, `Pack: ${i.gives_name}`) : t(`兑换卡券：${i.gives_name}`, `Card: ${i.gives_name}`)}
              </Typography.Text>
            )}
            <Space size={4} wrap>
              {i.left != null && <Tag>{t(`剩余 ${n(i.left)}`, `${n(i.left)} left`)}</Tag>}
              {i.per_member_limit != null && (
                <Tag>{t(`每人限兑 ${i.per_member_limit}（已兑 ${i.exchanged}）`, `Limit ${i.per_member_limit} (you have ${i.exchanged})`)}</Tag>
              )}
              {i.tier_names.length > 0 && <Tag color="gold">{t(`${i.tier_names.join('、')}专享`, `For ${i.tier_names.join(', ')}`)}</Tag>}
              {i.sale_until && <Tag>{t(`${zonedTime(i.sale_until, tz)} 截止`, `Until ${zonedTime(i.sale_until, tz)}`)}</Tag>}
            </Space>
            {i.available ? (
              <Button type="primary" block onClick={() => setAsking(i)} data-testid={`wallet-mall-exchange-${i.id}`}>
                {t('兑换', 'Exchange')}
              </Button>
            ) : (
              <Alert
                type="info"
                showIcon
                title={i.unavailable ? t(i.unavailable.zh, i.unavailable.en) : t('暂不可兑换', 'Not available now')}
                data-testid="wallet-mall-why"
              />
            )}
          </Space>
        </Panel>
      ))}
      {asking && (
        <ExchangeDialog
          api={api}
          item={asking}
          balance={shelf.points}
          onCard={onCard}
          onClose={(done) => {
            setAsking(null);
            if (done) {
              setVersion((x) => x + 1);
              onChanged();
            }
          }}
        />
      )}
    </div>
  );
}

/** 确认兑换: the price and the balance after it; then the result — the card (open it) or the pack — or the refusal in words. */
function ExchangeDialog(props: { api: WalletApi; item: ShelfItem; balance: number; onCard: (id: string) => void; onClose: (done: boolean) => void }) {
  const { api, item, balance, onCard, onClose } = props;
  const t = useT();
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<MallExchange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(await api.exchange(item.id));
    } catch (e) {
      setError(problemText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('确认兑换', 'Confirm the exchange')} onCancel={() => onClose(!!done)} footer={null} destroyOnHidden>
      {done ? (
        <Result
          status="success"
          title={t('兑换成功', 'Exchanged')}
          subTitle={
            done.cards.length
              ? t(
                  `「${done.cards.map((c) => c.name ?? '卡券').join('、')}」已放入你的卡包`,
                  `${done.cards.map((c) => c.name ?? 'The card').join(', ')}: in your wallet`,
                )
              : t('礼包已发放，可在「礼包」中查看', 'The pack is yours: see Packs')
          }
          extra={[
            done.cards[0] && (
              <Button type="primary" key="open" onClick={() => onCard(done.cards[0]!.id)} data-testid="wallet-mall-open-card">
                {t('查看卡券', 'Open the card')}
              </Button>
            ),
            <Button key="ok" onClick={() => onClose(true)} data-testid="wallet-mall-done">
              {t('继续逛逛', 'Back to the mall')}
            </Button>,
          ]}
          data-testid="wallet-mall-result"
        />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="wallet-mall-confirm">
          <Typography.Text>{t(`用 ${n(item.points)} 积分兑换「${item.name}」？`, `Exchange ${n(item.points)} points for “${item.name}”?`)}</Typography.Text>
          <Typography.Text type="secondary">
            {t(
              `兑换后剩余 ${n(balance - item.points)} 积分。兑换后不能自行撤销。`,
              `You will have ${n(balance - item.points)} points left. It cannot be undone by you.`,
            )}
          </Typography.Text>
          {error && <Alert type="error" showIcon title={error} data-testid="wallet-mall-error" />}
          <Button type="primary" size="large" block icon={<ShoppingOutlined />} loading={busy} onClick={go} data-testid="wallet-mall-confirm-ok">
            {t('确认兑换', 'Exchange')}
          </Button>
          <Button block onClick={() => onClose(false)}>
            {t('再想想', 'Not now')}
          </Button>
        </Space>
      )}
    </Modal>
  );
}
