import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider, Spin, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nProvider } from './i18n';
import './styles.css';

const Console = lazy(() => import('./apps/Console'));
const Clerk = lazy(() => import('./apps/Clerk'));
const Wallet = lazy(() => import('./apps/Wallet'));
const Partner = lazy(() => import('./apps/Partner'));

function Screen() {
  const first = location.pathname.split('/')[1];
  if (first === 'clerk') return <Clerk />;
  if (first === 'wallet') return <Wallet />;
  if (first === 'partner') return <Partner />;
  return <Console />;
}

const loading = (
  <div className="boot">
    <Spin size="large" />
  </div>
);

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    {(lang) => {
      dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
      return (
        <ConfigProvider
          locale={lang === 'en' ? enUS : zhCN}
          theme={{
            algorithm: theme.defaultAlgorithm,
            token: {
              colorPrimary: '#1f5eff',
              borderRadius: 6,
              fontFamily:
                '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, sans-serif',
            },
          }}
        >
          <AntApp>
            <Suspense fallback={loading}>
              <Screen />
            </Suspense>
          </AntApp>
        </ConfigProvider>
      );
    }}
  </I18nProvider>,
);
