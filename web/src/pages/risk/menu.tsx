import type { ReactNode } from 'react';
import { DashboardOutlined, SafetyCertificateOutlined, StopOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { ConsolePage } from '../../apps/Console';
import { RiskRules } from './RiskRules';
import { RiskLists } from './RiskLists';
import { RiskDashboard } from './RiskDashboard';

export interface MenuGroup {
  key: string;
  zh: string;
  en: string;
  icon?: ReactNode;
}

export const RISK_GROUP: MenuGroup = { key: 'risk', zh: '风控', en: 'Risk', icon: <SafetyCertificateOutlined /> };

/** The 风控 submenu, in its order: one list, so another page of the group (人工审核) is one line here. */
export const RISK_PAGES: ConsolePage[] = [
  { key: 'risk-rules', zh: '风控规则', en: 'Risk rules', icon: <StopOutlined />, page: () => <RiskRules />, need: 'risk.read', group: RISK_GROUP },
  { key: 'risk-lists', zh: '名单', en: 'Lists', icon: <UnorderedListOutlined />, page: () => <RiskLists />, need: 'risk.read', group: RISK_GROUP },
  {
    key: 'risk-dashboard',
    zh: '风控看板',
    en: 'Risk dashboard',
    icon: <DashboardOutlined />,
    page: () => <RiskDashboard />,
    need: 'risk.read',
    group: RISK_GROUP,
  },
];
