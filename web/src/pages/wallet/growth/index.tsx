import type { ReactNode } from 'react';
import type { walletClient } from '../../../api';
import { WalletGroupsPanel } from './Groups';
import { ClaimCenter } from './ClaimCenter';
import { WalletReferralPanel } from './Referral';
import { WalletCheckinPanel } from './Checkin';

type WalletApi = ReturnType<typeof walletClient>;

/** What every growth panel of the wallet gets: the member's client, the tenant's zone, and ways to open a card or refresh. */
export interface GrowthPanelProps {
  api: WalletApi;
  tz: string;
  /** open a card in the wallet (one a claim or a reward just gave) */
  onCard: (id: string) => void;
  /** something changed the member's cards or points: the rest of the wallet reloads */
  onChanged: () => void;
}

/**
 * The wallet's 活动 section (docs/growth.md): the growth modules' panels one under another — claim
 * center 领券中心, group progress 组团, referral code 邀请有礼, check-in 签到 and tasks. Each module's
 * panel is one line here; the section shows only when there is a panel.
 */
export const WALLET_GROWTH_PANELS: { key: string; view: (p: GrowthPanelProps) => ReactNode }[] = [
  { key: 'claim-center', view: (p) => <ClaimCenter {...p} /> },
  { key: 'groups', view: (p) => <WalletGroupsPanel {...p} /> },
  { key: 'referral', view: (p) => <WalletReferralPanel {...p} /> },
  { key: 'checkin', view: (p) => <WalletCheckinPanel {...p} /> },
];

export function WalletGrowthView(p: GrowthPanelProps) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="wallet-growth">
      {WALLET_GROWTH_PANELS.map((x) => (
        <div key={x.key}>{x.view(p)}</div>
      ))}
    </div>
  );
}
