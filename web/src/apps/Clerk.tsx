import { useEffect, useState } from 'react';
import { Alert, Button, Card as Panel, Dropdown, Select, Spin } from 'antd';
import { LogoutOutlined, MoreOutlined } from '@ant-design/icons';
import { ApiError, report, setUnauthorizedHandler } from '../api';
import type { Me, Store } from '../api/types';
import { LangSwitch, useT } from '../i18n';
import { useSignIn } from '../session';
import { SignIn } from '../pages/login/SignIn';
import { Redeem } from '../pages/clerk/Redeem';

/** The clerk's redemption screen 核销台 (mobile first): sign in, pick the store, scan or type, redeem, reverse. */
export default function Clerk() {
  const t = useT();
  const { api, signedIn, signedOut } = useSignIn('clerk');
  const [me, setMe] = useState<Me | null>(null);
  const [out, setOut] = useState(false); // not signed in: the form
  const [stores, setStores] = useState<Store[]>([]);
  const [storeId, setStoreId] = useState<string | null>(() => localStorage.getItem('kq.clerk.store'));
  // sent here by the console (a clerk signed in there): say so once, and take it out of the address
  const [fromConsole] = useState(() => new URLSearchParams(location.search).get('from') === 'console');
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
        setMe(m);
        const all = (await api.stores({ limit: 200 })).data;
        // a principal bound to stores (the server binds clerks, and only clerks) acts at those alone
        const mine = m.store_ids.length ? all.filter((s) => m.store_ids.includes(s.id)) : all;
        setStores(mine);
        setStoreId((cur) => (cur && mine.some((s) => s.id === cur) ? cur : (mine[0]?.id ?? null)));
      })
      .catch((e) => {
        setOut(true);
        if (!(e instanceof ApiError && e.status === 401)) report(e);
      });
  }, [api]);
  useEffect(() => {
    if (storeId) localStorage.setItem('kq.clerk.store', storeId);
  }, [storeId]);

  const notice = fromConsole && (
    <Alert
      type="info"
      showIcon
      banner
      data-testid="clerk-from-console"
      title={t('店员账号只能使用核销台，已为你转到这里', 'Clerk accounts use the clerk page: you were brought here from the console')}
    />
  );
  if (out)
    return (
      <>
        {notice}
        <SignIn
          screen="clerk"
          title={t('门店核销', 'Store redemption')}
          subtitle={t('店员账号或店员密钥登录', 'Sign in with a clerk account or clerk key')}
          onSignedIn={signedIn}
          keyHint={t(
            '店员密钥由运营在“账号与密钥”中创建；密钥只保存在此标签页内存中',
            'Operators create clerk keys under Accounts & keys; a key stays in this tab’s memory only',
          )}
        />
      </>
    );
  if (!me)
    return (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  const signOut = async () => {
    if (me.kind === 'session') await api.logout().catch(() => {});
    setMe(null);
    setOut(true);
    signedOut();
  };

  return (
    <div className="kq-phone">
      <div className="kq-phone-header">
        <div>
          <div className="title">{t('核销台', 'Redeem')}</div>
          <div style={{ fontSize: 12, opacity: 0.85 }}>
            {me.tenant.name} · {me.operator?.display_name ?? me.operator?.username ?? t('店员密钥', 'clerk key')}
          </div>
        </div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <LangSwitch />
          <Dropdown menu={{ items: [{ key: 'out', icon: <LogoutOutlined />, label: t('退出登录', 'Sign out'), onClick: signOut }] }}>
            <Button type="text" icon={<MoreOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label="menu" />
          </Dropdown>
        </div>
      </div>
      <div className="kq-phone-body">
        {notice}
        <Panel size="small">
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span className="kq-muted" style={{ whiteSpace: 'nowrap' }}>
              {t('门店', 'Store')}
            </span>
            <Select
              style={{ flex: 1 }}
              value={storeId ?? undefined}
              onChange={setStoreId}
              options={stores.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="clerk-store"
            />
          </div>
        </Panel>
        {!me.can.includes('cards.redeem') ? (
          <Panel data-testid="clerk-cannot-redeem">{t('此账号不能核销卡券', 'This account may not redeem cards')}</Panel>
        ) : storeId ? (
          <Redeem api={api} me={me} storeId={storeId} storeName={(id) => stores.find((s) => s.id === id)?.name ?? id ?? '—'} />
        ) : (
          <Panel>{t('此账号没有可核销的门店', 'This account has no store to redeem at')}</Panel>
        )}
      </div>
    </div>
  );
}
