import { useCallback, useEffect, useState } from 'react';
import { Card, Space } from 'antd';
import { report } from '../../api';
import type { TierLadder } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { PageTitle } from '../../components/PageTitle';
import { Ladder } from './Ladder';
import { Policy } from './Policy';
import { Benefits } from './Benefits';
import { MemberTierPanel } from './MemberTierPanel';
export { ManualTierDialog } from './ManualTierDialog';

/**
 * 会员等级 (docs/membership.md "Tiers"): the ladder with growth thresholds, the downgrade policy and grace,
 * monthly tier benefits, and a member's tier with 调整等级 (a manual tier with an end date and a reason).
 */
export function Tiers() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('tiers.manage');
  const [ladder, setLadder] = useState<TierLadder | null>(null);
  const load = useCallback(() => {
    api.tiers().then(setLadder).catch(report);
  }, [api]);
  useEffect(load, [load]);
  return (
    <div data-testid="tiers">
      <PageTitle title={t('会员等级', 'Member tiers')} />
      {ladder && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('等级与门槛', 'Tiers and thresholds')} size="small">
            <Ladder tiers={ladder.data} canManage={canManage} onSaved={load} />
          </Card>
          <Card title={t('降级策略', 'Downgrade policy')} size="small">
            <Policy settings={ladder.settings} canManage={canManage} onSaved={load} />
          </Card>
          <Card title={t('等级权益', 'Tier benefits')} size="small">
            <Benefits tiers={ladder.data} benefits={ladder.benefits} canManage={canManage} onSaved={load} />
          </Card>
          <Card title={t('会员等级查询', 'A member’s tier')} size="small">
            <MemberTierPanel tiers={ladder.data} canSet={me.can.includes('tiers.set')} />
          </Card>
        </Space>
      )}
    </div>
  );
}
