import { Tabs } from 'antd';
import { useT } from '../../i18n';
import { navigate, usePath } from '../../router';
import { PageTitle } from '../../components/PageTitle';
import { Items } from './Items';
import { Exchanges } from './Exchanges';

/**
 * 积分商城 (docs/membership.md, "Points mall"): 商品 — items that cost points (and optionally cash paid at the
 * brand): create and edit them, stock, limits, tiers, sale window, 上架/下架 — and 兑换记录 — every exchange,
 * refundable by staff. The tab is in the address.
 */
export function Mall() {
  const t = useT();
  const tab = usePath().split('/')[3] || 'items';
  return (
    <div data-testid="mall">
      <PageTitle title={t('积分商城', 'Points mall')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/console/mall/${k}`)}
        items={[
          { key: 'items', label: t('商品', 'Items'), children: <Items /> },
          { key: 'exchanges', label: t('兑换记录', 'Exchanges'), children: <Exchanges /> },
        ]}
        data-testid="mall-tabs"
      />
    </div>
  );
}
