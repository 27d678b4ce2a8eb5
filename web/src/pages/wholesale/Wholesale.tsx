import { useCallback, useEffect, useState } from 'react';
import { Tabs } from 'antd';
import { report } from '../../api';
import type { Buyer, Template } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { navigate, usePath } from '../../router';
import { PageTitle } from '../../components/PageTitle';
import { Buyers } from './Buyers';
import { Prices } from './Prices';
import { Orders } from './Orders';

/** What the three tabs share: the buyers and templates by id, for names (an order names neither). */
export interface WholesaleData {
  buyers: Buyer[];
  templates: Template[];
  reloadBuyers: () => void;
}

/**
 * 批发 (docs/wholesale.md): 批发订单 (orders, with their page in a drawer), 企业客户 (buyers and their prepaid
 * balance, recharge) and 价格表 (a price level's price for a template, with its floor). The tab is in the address.
 */
export function Wholesale() {
  const t = useT();
  const { api } = useConsole();
  const path = usePath();
  const tab = path.split('/')[3] || 'orders';
  const [buyers, setBuyers] = useState<Buyer[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const reloadBuyers = useCallback(() => {
    api
      .buyers()
      .then((r) => setBuyers(r.data))
      .catch(report);
  }, [api]);
  useEffect(() => {
    reloadBuyers();
    api
      .templates({ limit: 200 })
      .then((p) => setTemplates(p.data))
      .catch(report);
  }, [api, reloadBuyers]);
  const data: WholesaleData = { buyers, templates, reloadBuyers };
  return (
    <div data-testid="wholesale">
      <PageTitle title={t('批发', 'Wholesale')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/console/wholesale/${k}`)}
        items={[
          { key: 'orders', label: t('批发订单', 'Orders'), children: <Orders data={data} /> },
          { key: 'buyers', label: t('企业客户', 'Buyers'), children: <Buyers data={data} /> },
          { key: 'prices', label: t('价格表', 'Price lists'), children: <Prices data={data} /> },
        ]}
        data-testid="wholesale-tabs"
      />
    </div>
  );
}
