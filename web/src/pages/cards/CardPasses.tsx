import { useMemo } from 'react';
import { Card as Panel, Typography } from 'antd';
import type { Client } from '../../api';
import { AddToWallet, type PassCalls } from '../../components/AddToWallet';
import { useT } from '../../i18n';

/** 手机卡包: an operator hands a card's pass to its holder (the pass shows the code: audited like a reveal). */
export function CardPasses({ api, cardId }: { api: Client; cardId: string }) {
  const t = useT();
  const calls: PassCalls = useMemo(() => ({ passProviders: api.passProviders, applePass: api.cardPass, googleLink: api.cardGoogleLink }), [api]);
  return (
    <AddToWallet
      calls={calls}
      cardId={cardId}
      wrap={(buttons) => (
        <Panel size="small" title={t('手机卡包', 'Phone wallets')} data-testid="card-passes">
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t(
              '卡包里的卡券会随核销、充值、冻结、过期自动更新；下载会显示券码，记入审计日志。',
              'The pass follows redemptions, top-ups, freezes and expiry; it shows the code, so handing it out is audited.',
            )}
          </Typography.Paragraph>
          {buttons}
        </Panel>
      )}
    />
  );
}
