import { useCallback, useState } from 'react';
import { Button, Input, Modal, Select, Space, Tag, Typography, message } from 'antd';
import type { ListQuery } from '../../api';
import type { MallExchange } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { money, num, time } from '../../format';
import { DataTable } from '../../components/DataTable';
import { Refusal } from '../wholesale/Refusal';

/**
 * 兑换记录: every exchange, newest first, with the member, what they got and what it cost; 退款 (staff who
 * manage the mall) voids the cards, gives the stock back and — by the mall setting — the points. A used card
 * cannot be refunded. The cash part of an exchange was paid to the brand: the brand pays it back itself.
 */
export function Exchanges() {
  const t = useT();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const canManage = me.can.includes('mall.manage');
  const [state, setState] = useState<string | undefined>();
  const [reload, setReload] = useState(0);
  const [refunding, setRefunding] = useState<MallExchange | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fetch = useCallback((q: ListQuery) => api.mallExchanges(q), [api]);
  const refund = async () => {
    if (!refunding) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.refundMallExchange(refunding.id, reason.trim() || undefined);
      message.success(
        r.points_returned
          ? t(`已退款，${num(r.points)} 积分已退回`, `Refunded; ${num(r.points)} points returned`)
          : t('已退款（积分不退回）', 'Refunded (points kept)'),
      );
      setRefunding(null);
      setReload((x) => x + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="mall-exchanges">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('全部', 'All')}
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={[
            { value: 'done', label: t('已兑换', 'Exchanged') },
            { value: 'refunded', label: t('已退款', 'Refunded') },
          ]}
          data-testid="mall-exchange-state"
        />
      </Space>
      <DataTable<MallExchange>
        fetch={fetch}
        rowKey="id"
        filters={{ state }}
        reloadKey={reload}
        testId="mall-exchanges-table"
        columns={[
          { title: t('时间', 'When'), dataIndex: 'created_at', render: (v: string) => time(v) },
          { title: t('会员', 'Member'), key: 'member', render: (_, r) => r.member_name ?? <span className="kq-mono">{r.member_id}</span> },
          { title: t('商品', 'Item'), dataIndex: 'item_name', render: (v: string | null, r) => v ?? r.item_id },
          {
            title: t('卡券', 'Cards'),
            key: 'cards',
            render: (_, r) => (r.cards.length ? r.cards.map((c) => <div key={c.id}>{c.name ?? c.id}</div>) : '—'),
          },
          {
            title: t('花费', 'Cost'),
            key: 'cost',
            render: (_, r) =>
              [r.points ? t(`${num(r.points)} 积分`, `${num(r.points)} points`) : null, r.cash ? `${money(r.cash, cur)}（${r.payment_ref}）` : null]
                .filter(Boolean)
                .join(' + '),
          },
          { title: t('渠道', 'Via'), dataIndex: 'via', render: (v: string) => (v === 'wallet' ? t('会员钱包', 'Wallet') : t('品牌接口', 'Brand API')) },
          {
            title: t('状态', 'State'),
            key: 'state',
            render: (_, r) =>
              r.state === 'done' ? (
                <Tag color="green">{t('已兑换', 'Exchanged')}</Tag>
              ) : (
                <Space direction="vertical" size={0}>
                  <Tag color="orange">{t('已退款', 'Refunded')}</Tag>
                  <span className="kq-muted" style={{ fontSize: 12 }}>
                    {r.points_returned ? t('积分已退回', 'Points returned') : t('积分未退回', 'Points kept')}
                    {r.refund_reason ? ` · ${r.refund_reason}` : ''}
                  </span>
                </Space>
              ),
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'refund',
                  render: (_: unknown, r: MallExchange) =>
                    r.state === 'done' && (
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          setRefunding(r);
                          setReason('');
                          setError(null);
                        }}
                        data-testid={`mall-refund-${r.id}`}
                      >
                        {t('退款', 'Refund')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!refunding}
        title={t('退款', 'Refund')}
        onCancel={() => setRefunding(null)}
        onOk={refund}
        okText={t('确认退款', 'Refund')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'mall-refund-confirm' }}
        destroyOnHidden
      >
        <Refusal error={error} testId="mall-refund-error" />
        {refunding && (
          <Typography.Paragraph>
            {t(
              `退掉 ${refunding.member_name ?? refunding.member_id} 兑换的「${refunding.item_name ?? ''}」：兑换出的卡券将作废，库存退回。`,
              `Refund ${refunding.member_name ?? refunding.member_id}'s "${refunding.item_name ?? ''}": its cards are voided and the stock comes back.`,
            )}
            {refunding.cash > 0 &&
              t(
                `现金部分 ${money(refunding.cash, cur)} 由品牌按付款单号 ${refunding.payment_ref} 自行退还。`,
                ` The cash part ${money(refunding.cash, cur)} is the brand's to pay back (payment ${refunding.payment_ref}).`,
              )}
          </Typography.Paragraph>
        )}
        <Input
          maxLength={200}
          placeholder={t('退款原因（选填）', 'Reason (optional)')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="mall-refund-reason"
        />
      </Modal>
    </div>
  );
}
