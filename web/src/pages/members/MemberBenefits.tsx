import { useCallback } from 'react';
import { Card as Panel, Tabs, Tag } from 'antd';
import type { ListQuery } from '../../api';
import type { MallExchange, MemberOrder, PackGrant } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { money, num, time } from '../../format';
import { DataTable } from '../../components/DataTable';
import { sourceWords } from '../wallet/Packs';

/**
 * What the member got and did beyond their cards: the benefit packs granted to them (why, the prize of a
 * 盲盒, how many cards), their points-mall exchanges (points paid, the card, refunded or not) and their
 * orders as the brand reported them (amount, refunds, what each earned). Each tab shows only with the right.
 */
export function MemberBenefits({ memberId, reload }: { memberId: string; reload: number }) {
  const t = useT();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const can = (a: string) => me.can.includes(a as never);
  const fetchGrants = useCallback(
    async (q: ListQuery) => {
      const r = await api.packGrants({ ...q, member_id: memberId });
      // the pack's name rides in `names`: keep it on the row
      return { ...r, data: r.data.map((g) => ({ ...g, pack_name: r.names[g.pack_id] ?? null })) };
    },
    [api, memberId],
  );
  const fetchExchanges = useCallback((q: ListQuery) => api.mallExchanges({ ...q, member_id: memberId }), [api, memberId]);
  const fetchOrders = useCallback((q: ListQuery) => api.memberOrders({ ...q, member_id: memberId }), [api, memberId]);
  const earned = (o: MemberOrder) => {
    const p = (o.effects as Record<string, { points?: number; growth?: number } | undefined>).points;
    return p ? t(`积分 +${p.points ?? 0} · 成长值 +${p.growth ?? 0}`, `+${p.points ?? 0} pts · +${p.growth ?? 0} growth`) : '—';
  };
  const items = [
    can('packs.read') && {
      key: 'packs',
      label: t('权益礼包', 'Packs'),
      children: (
        <DataTable<PackGrant & { pack_name: string | null }>
          fetch={fetchGrants}
          rowKey="id"
          reloadKey={reload}
          pageSize={10}
          testId="member-pack-grants"
          columns={[
            { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
            { title: t('礼包', 'Pack'), dataIndex: 'pack_name', render: (v: string | null) => v ?? '—' },
            { title: t('来源', 'Source'), dataIndex: 'source', render: (s: string) => <Tag>{sourceWords(t, s)}</Tag> },
            { title: t('奖品', 'Prize'), key: 'prize', render: (_: unknown, g) => g.prize?.name ?? '—' },
            { title: t('卡券', 'Cards'), key: 'cards', align: 'right', render: (_: unknown, g) => num(g.cards.length) },
          ]}
        />
      ),
    },
    can('mall.read') && {
      key: 'mall',
      label: t('积分兑换', 'Mall exchanges'),
      children: (
        <DataTable<MallExchange>
          fetch={fetchExchanges}
          rowKey="id"
          reloadKey={reload}
          pageSize={10}
          testId="member-mall-exchanges"
          columns={[
            { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
            { title: t('商品', 'Item'), dataIndex: 'item_name', render: (v: string | null) => v ?? '—' },
            { title: t('积分', 'Points'), dataIndex: 'points', align: 'right', render: num },
            { title: t('卡券', 'Cards'), key: 'cards', render: (_: unknown, x) => x.cards.map((c) => c.name ?? '—').join('、') || '—' },
            {
              title: t('状态', 'State'),
              key: 'state',
              render: (_: unknown, x) =>
                x.state === 'refunded' ? (
                  <Tag color="orange">{t(`已退款${x.points_returned ? '，积分已退回' : ''}`, `Refunded${x.points_returned ? ', points back' : ''}`)}</Tag>
                ) : (
                  <Tag color="green">{t('已兑换', 'Done')}</Tag>
                ),
            },
          ]}
        />
      ),
    },
    can('orders.read') && {
      key: 'orders',
      label: t('订单', 'Orders'),
      children: (
        <DataTable<MemberOrder>
          fetch={fetchOrders}
          rowKey="id"
          reloadKey={reload}
          pageSize={10}
          testId="member-orders"
          columns={[
            { title: t('下单时间', 'Placed'), dataIndex: 'placed_at', render: time },
            { title: t('订单号', 'Order no.'), dataIndex: 'order_no', render: (v: string) => <span className="kq-mono">{v}</span> },
            { title: t('实付', 'Paid'), dataIndex: 'amount', align: 'right', render: (v: number) => money(v, cur) },
            { title: t('已退款', 'Refunded'), dataIndex: 'refunded', align: 'right', render: (v: number) => (v ? money(v, cur) : '—') },
            { title: t('获得', 'Earned'), key: 'earned', render: (_: unknown, o) => earned(o) },
          ]}
        />
      ),
    },
  ].filter((x): x is Exclude<typeof x, false> => !!x);
  if (items.length === 0) return null;
  return (
    <Panel size="small" title={t('礼包、兑换与订单', 'Packs, exchanges and orders')} data-testid="member-benefits">
      <Tabs items={items} />
    </Panel>
  );
}
