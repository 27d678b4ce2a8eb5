import { Tabs } from 'antd';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { navigate, usePath } from '../../router';
import { PageTitle } from '../../components/PageTitle';
import { Statements } from './Statements';
import { Rates } from './Rates';

/**
 * 对账结算 (docs/settlement.md, docs/ui.md): 对账单 (channels' and buyers' statements: generate, read, close,
 * export) and 佣金比例 (commission rates per price level). The tab is in the address.
 */
export function Settlement() {
  const t = useT();
  const { api, me } = useConsole();
  const tab = usePath().split('/')[3] || 'statements';
  return (
    <div data-testid="settlement">
      <PageTitle title={t('对账结算', 'Settlement')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/console/settlement/${k}`)}
        items={[
          { key: 'statements', label: t('对账单', 'Statements'), children: <Statements api={api} me={me} /> },
          ...(me.can.includes('settlement.rates') ? [{ key: 'rates', label: t('佣金比例', 'Commission rates'), children: <Rates /> }] : []),
        ]}
        data-testid="settlement-tabs"
      />
    </div>
  );
}
