import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card as Panel, Descriptions, Dropdown, Spin, Tabs, Tag } from 'antd';
import { LogoutOutlined, MoreOutlined } from '@ant-design/icons';
import { ApiError, report, setUnauthorizedHandler, type Client } from '../api';
import type { Channel, Me } from '../api/types';
import { LangSwitch, useName, useT } from '../i18n';
import { useSignIn } from '../session';
import { SignIn } from '../pages/login/SignIn';
import { ChannelTree, levelName } from '../pages/channels/ChannelTree';
import { PartnerCards } from '../pages/partner/PartnerCards';
import { PartnerQuota } from '../pages/partner/PartnerQuota';
import { ChannelStats } from '../pages/channels/ChannelStats';
import { LeakageAlerts } from '../pages/channels/LeakageAlerts';
import { Statements } from '../pages/settlement/Statements';

/**
 * The partner portal 渠道商门户 (/partner; phone first, Chinese first): a channel partner signs in
 * with a partner account and sees only its own subtree: its channel, the channels below it (add,
 * edit, suspend, their accounts), and the cards issued through them.
 */
export interface PortalSection {
  key: string;
  zh: string;
  en: string;
  /** the section is shown only when the caller may take this action (GET /v1/sessions/current `can`) */
  need?: Me['can'][number];
  page: (p: { api: Client; me: Me; channel: Channel }) => ReactNode;
}

/**
 * The portal's sections, in order. Statements (对账单) are added here when their screen exists
 * (issue 12's settlement part): one entry, no placeholder before then.
 */
export const PORTAL_SECTIONS: PortalSection[] = [
  {
    key: 'channels',
    zh: '我的渠道',
    en: 'My channels',
    page: ({ api, me, channel }) => (
      <ChannelTree
        api={api}
        canManage={me.can.includes('channels.manage') && me.can.includes('partners.manage')}
        root={channel.id}
        quota={me.can.includes('allocations.read') ? { manage: me.can.includes('allocations.manage') } : undefined}
      />
    ),
  },
  {
    key: 'quota',
    zh: '配额',
    en: 'Quota',
    need: 'allocations.read',
    page: ({ api, me, channel }) => <PartnerQuota api={api} me={me} channel={channel} />,
  },
  { key: 'cards', zh: '卡券', en: 'Cards', need: 'cards.read', page: ({ api }) => <PartnerCards api={api} /> },
  // its subtree's figures and funnel (the API narrows both to the partner's subtree)
  { key: 'stats', zh: '数据', en: 'Numbers', need: 'channel_stats.read', page: ({ api, me }) => <ChannelStats api={api} me={me} compact /> },
  // its subtree's leakage alerts, read only (handling them is the brand's)
  {
    key: 'leakage',
    zh: '窜货预警',
    en: 'Leakage alerts',
    need: 'leakage.read',
    page: ({ api, me }) => <LeakageAlerts api={api} me={me} canHandle={false} compact />,
  },
  // its own and its subtree's channel statements, read only, with export (closing them is the brand's)
  { key: 'statements', zh: '对账单', en: 'Statements', need: 'settlement.read', page: ({ api, me }) => <Statements api={api} me={me} partner /> },
];

export default function Partner() {
  const t = useT();
  const name = useName();
  const { api, signedIn, signedOut } = useSignIn('partner');
  const [me, setMe] = useState<Me | null>(null);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [out, setOut] = useState(false);
  const [tab, setTab] = useState(() => location.pathname.split('/')[2] || 'channels');
  // sent here by the console (a partner signed in there): say so once, and take it out of the address
  const [fromConsole, setFromConsole] = useState(() => new URLSearchParams(location.search).get('from') === 'console');
  useEffect(() => {
    if (fromConsole) history.replaceState(null, '', location.pathname);
  }, []);

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
      .then(async (m) => {
        if (m.role !== 'channel' || !m.channel_id) {
          // not a partner (a stale sign-in of another kind): the brand's staff belong in the console
          window.location.replace('/console');
          return;
        }
        setChannel(await api.channel(m.channel_id));
        setMe(m);
      })
      .catch((e) => {
        setOut(true);
        if (!(e instanceof ApiError && e.status === 401)) report(e);
      });
  }, [api]);

  const notice = fromConsole && (
    <Alert
      type="info"
      showIcon
      banner
      data-testid="partner-from-console"
      title={t('渠道商账号请使用渠道商门户，已为你转到这里', 'Partner accounts use the partner portal: you were brought here from the console')}
    />
  );
  if (out)
    return (
      <>
        {notice}
        <SignIn
          screen="partner"
          title={t('渠道商门户', 'Partner portal')}
          subtitle={t('渠道商账号登录：管理下级渠道，查看发券情况', 'Sign in with your partner account: your channels and their cards')}
          allowKey={false}
          onSignedIn={signedIn}
        />
      </>
    );
  if (!me || !channel)
    return (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  const signOut = async () => {
    await api.logout().catch(() => {});
    setFromConsole(false);
    setMe(null);
    setOut(true);
    signedOut();
  };
  const sections = PORTAL_SECTIONS.filter((s) => !s.need || me.can.includes(s.need));
  const who = me.operator?.display_name || me.operator?.username;
  return (
    <div className="kq-phone kq-portal" data-testid="partner-portal">
      <div className="kq-phone-header">
        <div style={{ minWidth: 0 }}>
          <div className="title">{t('渠道商门户', 'Partner portal')}</div>
          <div style={{ fontSize: 12, opacity: 0.85 }} data-testid="partner-who">
            {me.tenant.name} · {channel.name} · {who}
          </div>
        </div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <LangSwitch />
          <Dropdown menu={{ items: [{ key: 'out', icon: <LogoutOutlined />, label: t('退出登录', 'Sign out'), onClick: signOut }] }}>
            <Button type="text" icon={<MoreOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label={t('菜单', 'Menu')} data-testid="partner-menu" />
          </Dropdown>
        </div>
      </div>
      <div className="kq-phone-body">
        {notice}
        <Panel size="small" data-testid="partner-channel">
          <Descriptions
            size="small"
            column={1}
            title={
              <span>
                {channel.name} <Tag color={channel.status === 'active' ? 'green' : 'default'}>{name('channelStatus', channel.status)}</Tag>
              </span>
            }
            items={[
              { key: 'level', label: t('层级', 'Level'), children: levelName(t, channel.depth) },
              { key: 'regions', label: t('区域', 'Regions'), children: channel.regions.join('、') || t('不限', 'Anywhere') },
              ...(channel.store_tags.length ? [{ key: 'tags', label: t('门店标签', 'Store tags'), children: channel.store_tags.join('、') }] : []),
              ...(channel.price_level ? [{ key: 'price', label: t('价格等级', 'Price level'), children: channel.price_level }] : []),
            ]}
          />
        </Panel>
        <Panel size="small">
          <Tabs
            activeKey={tab}
            onChange={(k) => {
              setTab(k);
              history.replaceState(null, '', `/partner/${k}`);
            }}
            items={sections.map((s) => ({ key: s.key, label: t(s.zh, s.en), children: s.page({ api, me, channel }) }))}
            data-testid="partner-tabs"
          />
        </Panel>
      </div>
    </div>
  );
}
