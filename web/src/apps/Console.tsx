import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Result, Spin, Tag } from 'antd';
import {
  ApiOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  AccountBookOutlined,
  GiftOutlined,
  BarChartOutlined,
  CloudDownloadOutlined,
  ClusterOutlined,
  CreditCardOutlined,
  CrownOutlined,
  AlertOutlined,
  DatabaseOutlined,
  FundOutlined,
  GoldOutlined,
  ShoppingOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { setUnauthorizedHandler, type Client } from '../api';
import type { Action, Me } from '../api/types';
import { LangSwitch, useName, useT } from '../i18n';
import { navigate, usePath } from '../router';
import { useSignIn } from '../session';
import { SignIn } from '../pages/login/SignIn';
import { Dashboard } from '../pages/dashboard/Dashboard';
import { Templates } from '../pages/templates/Templates';
import { Batches } from '../pages/batches/Batches';
import { Cards } from '../pages/cards/Cards';
import { Members } from '../pages/members/Members';
import { Stores } from '../pages/stores/Stores';
import { Channels } from '../pages/channels/Channels';
import { ChannelStats } from '../pages/channels/ChannelStats';
import { LeakageAlerts } from '../pages/channels/LeakageAlerts';
import { Wholesale } from '../pages/wholesale/Wholesale';
import { Settlement } from '../pages/settlement/Settlement';
import { Packs } from '../pages/packs/Packs';
import { Mall } from '../pages/mall/Mall';
import { PointRules } from '../pages/points/PointRules';
import { Tiers } from '../pages/tiers/Tiers';
import { Access } from '../pages/access/Access';
import { Deliveries } from '../pages/deliveries/Deliveries';
import { Suppliers } from '../pages/suppliers/Suppliers';
import { Webhooks } from '../pages/webhooks/Webhooks';
import { Audit } from '../pages/audit/Audit';
import { RISK_GROUP, RISK_PAGES, type MenuGroup } from '../pages/risk/menu';
import { GROWTH_PAGES } from '../pages/growth/menu';
import { Reviews } from '../pages/reviews/Reviews';
import { SmsSettings } from '../pages/verification/SmsSettings';
import { WalletSettings } from '../pages/passes/WalletSettings';

/** What every console page is given: the API client and who is signed in. */
interface ConsoleCtx {
  api: Client;
  me: Me;
}
const Ctx = createContext<ConsoleCtx>(null as never);
export const useConsole = () => useContext(Ctx);

/** A console page; pages of one `group` sit together under one submenu (e.g. 风控). */
export interface ConsolePage {
  key: string;
  zh: string;
  en: string;
  icon?: ReactNode;
  page: () => ReactNode;
  need?: Action;
  group?: MenuGroup;
}

const PAGES: ConsolePage[] = [
  { key: 'dashboard', zh: '数据概览', en: 'Dashboard', icon: <BarChartOutlined />, page: () => <Dashboard />, need: 'reports.read' },
  { key: 'templates', zh: '卡券模板', en: 'Templates', icon: <AppstoreOutlined />, page: () => <Templates /> },
  { key: 'batches', zh: '批次', en: 'Batches', icon: <DatabaseOutlined />, page: () => <Batches /> },
  { key: 'cards', zh: '卡券查询', en: 'Card lookup', icon: <CreditCardOutlined />, page: () => <Cards /> },
  { key: 'members', zh: '会员', en: 'Members', icon: <TeamOutlined />, page: () => <Members /> },
  // 会员等级 right below 会员: the ladder, policy and benefits of the members above it
  { key: 'tiers', zh: '会员等级', en: 'Member tiers', icon: <CrownOutlined />, page: () => <Tiers />, need: 'tiers.read' },
  // 积分规则 beside 会员: how members earn points and growth (orders, custom events) and the points settings
  { key: 'point-rules', zh: '积分规则', en: 'Earning rules', icon: <GiftOutlined />, page: () => <PointRules />, need: 'points.read' },
  // 营销: segments, automation rules, claim center, referrals, tasks under one submenu (pages/growth/menu.tsx)
  ...GROWTH_PAGES,
  { key: 'stores', zh: '门店', en: 'Stores', icon: <ShopOutlined />, page: () => <Stores /> },
  { key: 'channels', zh: '渠道', en: 'Channels', icon: <ApartmentOutlined />, page: () => <Channels />, need: 'catalog.read' },
  { key: 'channel-stats', zh: '渠道数据', en: 'Channel stats', icon: <FundOutlined />, page: () => <ConsoleChannelStats />, need: 'channel_stats.read' },
  { key: 'leakage', zh: '窜货预警', en: 'Leakage alerts', icon: <AlertOutlined />, page: () => <ConsoleLeakage />, need: 'leakage.read' },
  // 风控: rules, lists, the dashboard (and the review queue) under one submenu (pages/risk/menu.tsx)
  ...RISK_PAGES,
  { key: 'reviews', zh: '人工审核', en: 'Reviews', icon: <AuditOutlined />, page: () => <ConsoleReviews />, need: 'reviews.decide', group: RISK_GROUP },
  { key: 'wholesale', zh: '批发', en: 'Wholesale', icon: <GoldOutlined />, page: () => <Wholesale />, need: 'wholesale.read' },
  // 对账结算 right below 批发: it settles channels and wholesale buyers alike (docs/ui.md)
  { key: 'settlement', zh: '对账结算', en: 'Settlement', icon: <AccountBookOutlined />, page: () => <Settlement />, need: 'settlement.read' },
  { key: 'packs', zh: '权益礼包', en: 'Benefit packs', icon: <GiftOutlined />, page: () => <Packs />, need: 'packs.read' },
  // 积分商城 after the money pages: items that cost members' points (docs/membership.md)
  { key: 'mall', zh: '积分商城', en: 'Points mall', icon: <ShoppingOutlined />, page: () => <Mall />, need: 'mall.read' },
  { key: 'deliveries', zh: '卡密交付', en: 'Deliveries', icon: <CloudDownloadOutlined />, page: () => <Deliveries />, need: 'deliveries.read' },
  { key: 'suppliers', zh: '供应商', en: 'Suppliers', icon: <ClusterOutlined />, page: () => <Suppliers />, need: 'suppliers.read' },
  { key: 'access', zh: '账号与密钥', en: 'Accounts & keys', icon: <SafetyOutlined />, page: () => <Access />, need: 'keys.manage' },
  // 短信设置: where second-verification codes are sent from (the keys are the owner's, as the API's)
  { key: 'sms', zh: '短信设置', en: 'SMS settings', icon: <SafetyOutlined />, page: () => <SmsSettings />, need: 'tenant.manage' },
  // 手机卡包与微信支付: the brand's Apple / Google Wallet certificates and WeChat Pay merchant keys (owner; never shown back)
  {
    key: 'wallet-settings',
    zh: '手机卡包与微信支付',
    en: 'Wallets & WeChat Pay',
    icon: <WalletOutlined />,
    page: () => <WalletSettings />,
    need: 'passes.manage',
  },
  { key: 'webhooks', zh: 'Webhooks', en: 'Webhooks', icon: <ApiOutlined />, page: () => <Webhooks />, need: 'catalog.write' },
  { key: 'audit', zh: '审计日志', en: 'Audit log', icon: <AuditOutlined />, page: () => <Audit />, need: 'audit.read' },
];

/** 渠道数据 and 窜货预警 are shared with the partner portal: the console gives them its client and tenant. */
function ConsoleChannelStats() {
  const { api, me } = useConsole();
  return <ChannelStats api={api} me={me} />;
}
function ConsoleReviews() {
  const { api, me } = useConsole();
  return <Reviews api={api} me={me} />;
}
function ConsoleLeakage() {
  const { api, me } = useConsole();
  return <LeakageAlerts api={api} me={me} canHandle={me.can.includes('leakage.handle')} />;
}

export default function Console() {
  const t = useT();
  const { api, signedIn, signedOut } = useSignIn('console');
  const [me, setMe] = useState<Me | null>(null);
  const [out, setOut] = useState(false); // not signed in: the form

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe(null);
      setOut(true);
    });
    return () => setUnauthorizedHandler(null);
  }, []);
  useEffect(() => {
    setMe(null);
    setOut(false);
    api
      .me()
      .then(setMe)
      .catch(() => setOut(true));
  }, [api]);

  if (out) {
    return (
      <SignIn
        screen="console"
        title={t('卡券运营后台', 'Kaquan console')}
        subtitle={t('设计卡券、发放批次、查看数据', 'Design cards, run batches, watch the numbers')}
        keyHint={t(
          '所有者密钥可用于首次登录并创建运营账号；密钥只保存在此标签页内存中，刷新后需重新输入',
          'An owner key signs in the first time, to create operator accounts; it stays in this tab’s memory only, so a reload asks for it again',
        )}
        onSignedIn={signedIn}
      />
    );
  }
  if (!me)
    return (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  if (me.role === 'clerk') return <ToClerkPage api={api} me={me} />;
  if (me.role === 'channel') return <ToPartnerPortal api={api} me={me} />;
  const signOut = async () => {
    if (me.kind === 'session') await api.logout().catch(() => {});
    setMe(null);
    setOut(true);
    signedOut();
  };
  return (
    <Ctx.Provider value={{ api, me }}>
      <Shell onSignOut={signOut} />
    </Ctx.Provider>
  );
}

/**
 * A clerk's place is the clerk page 核销台: the console sends them there (a clerk account signing in
 * here already gets the clerk page's session; a console session or key of a clerk is let go first).
 */
function ToClerkPage({ api, me }: { api: Client; me: Me }) {
  const t = useT();
  useEffect(() => {
    (me.kind === 'session' ? api.logout().catch(() => {}) : Promise.resolve()).then(() => window.location.replace('/clerk?from=console'));
  }, []);
  return (
    <Result
      status="info"
      title={t('店员账号请使用核销台', 'Clerks use the clerk page')}
      subTitle={t('正在前往核销台…', 'Taking you to the clerk page…')}
      extra={<a href="/clerk">{t('前往核销台', 'Go to the clerk page')}</a>}
      data-testid="console-to-clerk"
    />
  );
}

/** A partner's place is the partner portal 渠道商门户, as a clerk's is the clerk page. */
function ToPartnerPortal({ api, me }: { api: Client; me: Me }) {
  const t = useT();
  useEffect(() => {
    if (me.kind === 'session')
      api
        .logout()
        .catch(() => {})
        .then(() => window.location.replace('/partner?from=console'));
  }, []);
  return (
    <Result
      status="info"
      title={t('渠道商账号请使用渠道商门户', 'Partners use the partner portal')}
      subTitle={me.kind === 'session' ? t('正在前往渠道商门户…', 'Taking you to the partner portal…') : undefined}
      extra={<a href="/partner">{t('前往渠道商门户', 'Go to the partner portal')}</a>}
      data-testid="console-to-partner"
    />
  );
}

/** The menu's items: a page alone, or the pages of one group (consecutive in PAGES) under its submenu. */
function menuItems(pages: ConsolePage[], label: (p: { zh: string; en: string }) => string) {
  const items: { key: string; icon?: ReactNode; label: string; children?: { key: string; icon?: ReactNode; label: string }[] }[] = [];
  for (const p of pages) {
    const item = { key: p.key, icon: p.icon, label: label(p) };
    const last = items[items.length - 1];
    if (!p.group) items.push(item);
    else if (last?.key === p.group.key) last.children!.push(item);
    else items.push({ key: p.group.key, icon: p.group.icon, label: label(p.group), children: [item] });
  }
  return items;
}

function Shell({ onSignOut }: { onSignOut: () => void }) {
  const t = useT();
  const name = useName();
  const { me } = useConsole();
  const path = usePath();
  const allowed = PAGES.filter((p) => !p.need || me.can.includes(p.need));
  const key = path.split('/')[2] || '';
  const current = allowed.find((p) => p.key === key);
  useEffect(() => {
    // the address as it is now, not as this render saw it: a menu click may have come before this effect
    // ran (a busy machine), and sending the person to the first page would undo their click
    const now = location.pathname.split('/')[2] || '';
    if (!allowed.some((p) => p.key === now) && allowed[0]) navigate(`/console/${allowed[0].key}`, true);
  }, [current, allowed]);
  const who = me.operator ? me.operator.display_name || me.operator.username : t('API 密钥', 'API key');
  // below 992 px the menu is a drawer behind a button in the header: the page keeps the whole width
  const wide = Grid.useBreakpoint().lg ?? true;
  const [menuOpen, setMenuOpen] = useState(false);
  const menu = (
    <>
      <div className="kq-brand">
        <img src="/assets/favicon.svg" alt="" />
        {t('卡券', 'Kaquan')}
      </div>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[key]}
        onClick={(e) => {
          setMenuOpen(false);
          navigate(`/console/${e.key}`);
        }}
        defaultOpenKeys={current?.group ? [current.group.key] : []}
        items={menuItems(allowed, (p) => t(p.zh, p.en))}
        data-testid="console-menu"
      />
    </>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider width={208} theme="dark" style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}>
          {menu}
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={232}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout className="kq-main">
        <div className="kq-header">
          <div className="kq-header-title">
            {!wide && <Button type="text" icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} aria-label={t('菜单', 'Menu')} data-testid="menu-open" />}
            <span className="kq-tenant" data-testid="tenant-name">
              {me.tenant.name}
            </span>
          </div>
          <div style={{ display: 'flex', alignItems: 'center', gap: wide ? 16 : 4, flexShrink: 0 }}>
            <LangSwitch />
            <Dropdown menu={{ items: [{ key: 'out', icon: <LogoutOutlined />, label: t('退出登录', 'Sign out'), onClick: onSignOut }] }}>
              <Button type="text" data-testid="user-menu" aria-label={who}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5eff' }} />
                {wide && (
                  <>
                    {' '}
                    {who} <Tag style={{ marginInlineEnd: 0 }}>{name('role', me.role)}</Tag>
                  </>
                )}
              </Button>
            </Dropdown>
          </div>
        </div>
        <Layout.Content className="kq-content">
          {current ? current.page() : <Result status="403" title={t('没有可访问的页面', 'Nothing here for this role')} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
