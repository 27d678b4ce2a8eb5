import { Typography } from 'antd';
import { useT } from '../../i18n';
import { useConsole } from '../../apps/Console';
import { PageTitle } from '../../components/PageTitle';
import { ChannelTree } from './ChannelTree';

/**
 * 渠道: the brand's channel tree (总代 → 区域代理 → 门店/团长 → KOC), each channel with its level,
 * regions, store tags, price level and status; add below, edit, move (a new parent), suspend or
 * resume, and the partner accounts that sign in to the partner portal.
 */
export function Channels() {
  const t = useT();
  const { api, me } = useConsole();
  return (
    <div>
      <PageTitle title={t('渠道', 'Channels')} />
      <Typography.Paragraph type="secondary">
        {t(
          '渠道可以有任意层级。渠道商用渠道商账号登录渠道商门户（/partner），只能看到自己的渠道及其下级。',
          'Channels nest to any depth. Partners sign in to the partner portal (/partner) with a partner account and see their own channel and those below it only.',
        )}
      </Typography.Paragraph>
      <ChannelTree
        api={api}
        canManage={me.can.includes('channels.manage') && me.can.includes('partners.manage')}
        quota={me.can.includes('allocations.read') ? { manage: me.can.includes('allocations.manage') } : undefined}
      />
    </div>
  );
}
