import { CalendarOutlined, GiftOutlined, RocketOutlined, TagsOutlined, TeamOutlined, ThunderboltOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ConsolePage } from '../../apps/Console';
import type { MenuGroup } from '../risk/menu';
import { GroupCampaigns } from './groups/GroupCampaigns';
import { Campaigns } from '../campaigns/Campaigns';
import { Segments } from './segments/Segments';
import { ReferralCampaigns } from './referrals/ReferralCampaigns';
import { CheckinTasks } from './referrals/CheckinTasks';
import { AutomationRules } from './automation/Rules';

export const GROWTH_GROUP: MenuGroup = { key: 'growth', zh: '营销', en: 'Growth', icon: <RocketOutlined /> };

/**
 * The 营销 submenu (docs/growth.md), in its order: 人群 segments and tags, 自动化规则 automation rules,
 * 领券中心 claim-center campaigns (with share and group plays), 邀请有礼 referrals, 签到与任务 tasks.
 * Each growth module's page is one line here.
 */
export const GROWTH_PAGES: ConsolePage[] = [
  { key: 'segments', zh: '人群与标签', en: 'Segments and tags', icon: <TagsOutlined />, page: () => <Segments />, need: 'segments.read', group: GROWTH_GROUP },
  {
    key: 'automation',
    zh: '自动化规则',
    en: 'Automation rules',
    icon: <ThunderboltOutlined />,
    page: () => <AutomationRules />,
    need: 'automation.read',
    group: GROWTH_GROUP,
  },
  { key: 'campaigns', zh: '领券中心', en: 'Claim center', icon: <GiftOutlined />, page: () => <Campaigns />, need: 'campaigns.read', group: GROWTH_GROUP },
  {
    key: 'group-campaigns',
    zh: '组团活动',
    en: 'Group campaigns',
    icon: <TeamOutlined />,
    page: () => <GroupCampaigns />,
    need: 'groups.read',
    group: GROWTH_GROUP,
  },
  {
    key: 'referrals',
    zh: '邀请有礼',
    en: 'Referrals',
    icon: <UserAddOutlined />,
    page: () => <ReferralCampaigns />,
    need: 'referrals.read',
    group: GROWTH_GROUP,
  },
  {
    key: 'checkin-tasks',
    zh: '签到与任务',
    en: 'Check-in and tasks',
    icon: <CalendarOutlined />,
    page: () => <CheckinTasks />,
    need: 'tasks.read',
    group: GROWTH_GROUP,
  },
];
