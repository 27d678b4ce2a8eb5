import { definitions } from '../../../../src/modules/reports/definitions';
import type { Definition } from '../dashboard/Figure';

/**
 * What each figure of 渠道数据 means: the dashboard's definitions (one source: reports/definitions.ts) where
 * the figure is the same, and the channel-only ones (own 本级 / subtree 含下级, the funnel's cohort) here.
 */
const own = (key: string, name_zh: string, name_en: string, zh: string, en: string): Definition => ({ key, name_zh, name_en, zh, en });
const SCOPE = {
  zh: '「含下级」是这个渠道和它所有下级渠道的合计；「仅本级」只算直接归属这个渠道的卡券。',
  en: '“With sub-channels” sums the channel and every channel below it; “own” counts only the cards of the channel itself.',
};
export const CHANNEL_DEFS: Definition[] = [
  ...definitions
    .filter((d) => ['issued', 'bound', 'in_hands', 'redeemed', 'redeemed_cards', 'redeemed_amount', 'order_gmv'].includes(d.key))
    .map((d) => ({ ...d, zh: `${d.zh}${SCOPE.zh}`, en: `${d.en} ${SCOPE.en}` })),
  own(
    'funnel_issued',
    '期间发出',
    'Issued in the period',
    '这一期间通过该渠道发出的卡券（漏斗的起点，一批同期卡券）。',
    'Cards issued through the channel in the period: the funnel’s cohort.',
  ),
  own(
    'funnel_reached',
    '到达会员',
    'Reached members',
    '上述卡券中，到期末已在会员手中的（直接发给会员，或被会员绑定）。',
    'Of those cards, the ones in a member’s hands by the period’s end (issued to one, or bound).',
  ),
  own(
    'funnel_redeemed',
    '已核销',
    'Redeemed',
    '上述卡券中，到期末已核销（至少一次且未撤销）的。',
    'Of those cards, the ones redeemed (at least once, not reversed) by the period’s end.',
  ),
];
export const channelDef = (k: string) => CHANNEL_DEFS.find((d) => d.key === k);
