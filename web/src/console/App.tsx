import { App as AntApp, ConfigProvider, Layout, Menu, Result, Spin, Button, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useI18n } from '../shared/i18n';
import { useSession } from './session';

const Login = lazy(() => import('./pages/login/LoginPage'));
const Dashboard = lazy(() => import('./pages/dashboard/DashboardPage'));
const Clues = lazy(() => import('./pages/clues/CluesPage'));
const Problems = lazy(() => import('./pages/problems/ProblemsPage'));
const ProblemDetail = lazy(() => import('./pages/problems/ProblemPage'));
const Admin = lazy(() => import('./pages/admin/AdminPage'));
const Rewards = lazy(() => import('./pages/rewards/RewardsPage'));
const RewardDetail = lazy(() => import('./pages/rewards/RewardPage'));
const Bounties = lazy(() => import('./pages/rewards/BountiesPage'));
const BountyDetail = lazy(() => import('./pages/rewards/BountyPage'));
const RewardRules = lazy(() => import('./pages/rewards/RulesPage'));
const RewardStats = lazy(() => import('./pages/rewards/StatsPage'));
const IdentityRequests = lazy(() => import('./pages/rewards/IdentityRequestsPage'));

/** Which roles open which page; the services check again on every call. */
export const PAGE_ROLES = {
  clues: ['analyst', 'hotline-staff', 'auditor'],
  problems: ['analyst', 'town-officer', 'department-officer', 'verifier', 'leader', 'auditor'],
  admin: ['admin'],
  /** 举报奖励: cases, bounties, the rule table and the numbers (leaders and auditors read everything) */
  rewards: ['reward-officer', 'reward-approver', 'finance', 'city-approver', 'leader', 'auditor'],
  rewardRules: ['reward-officer', 'reward-approver', 'finance', 'city-approver', 'leader', 'auditor'],
  rewardStats: ['reward-officer', 'reward-approver', 'finance', 'city-approver', 'leader', 'auditor'],
  /** 身份查阅审批: the second approver of an identity resolution */
  identityRequests: ['identity-officer', 'reward-approver'],
};

type MenuItem = { key: string; label: ReactNode; children?: MenuItem[] };

export function App() {
  const { locale } = useI18n();
  useEffect(() => void dayjs.locale(locale === 'en' ? 'en' : 'zh-cn'), [locale]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#0f7b4f' } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<Login />} />
            <Route path="/*" element={<Shell />} />
          </Routes>
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}

function Loading() {
  const { t } = useI18n();
  return <Spin style={{ display: 'block', margin: 48 }} description={t('nav.loading')} />;
}

function Guard({ roles, children }: { roles: string[]; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  return can(...roles) ? <>{children}</> : <Result status="403" title={t('nav.forbidden')} />;
}

function Shell() {
  const { session, signOut, can } = useSession();
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const link = (to: string, key: string) => ({ key: to, label: <Link to={to}>{t(key)}</Link> });
  const rewards = [
    can(...PAGE_ROLES.rewards) && link('/rewards', 'nav.rewards'),
    can(...PAGE_ROLES.rewards) && link('/bounties', 'nav.bounties'),
    can(...PAGE_ROLES.identityRequests) && link('/identity-requests', 'nav.identityRequests'),
    can(...PAGE_ROLES.rewardRules) && link('/reward-rules', 'nav.rewardRules'),
    can(...PAGE_ROLES.rewardStats) && link('/reward-stats', 'nav.rewardStats'),
  ].filter(Boolean) as MenuItem[];
  const items = [
    link('/', 'nav.dashboard'),
    can(...PAGE_ROLES.clues) && link('/clues', 'nav.clues'),
    can(...PAGE_ROLES.problems) && link('/problems', 'nav.problems'),
    rewards.length > 0 && { key: 'rewards-menu', label: t('nav.rewardsMenu'), children: rewards },
    can(...PAGE_ROLES.admin) && link('/admin', 'nav.admin'),
  ].filter(Boolean) as MenuItem[];
  const keys = items.flatMap((i) => (i.children ? i.children.map((c) => c.key) : [i.key]));
  const selected = keys.filter((k) => k !== '/' && (location.pathname === k || location.pathname.startsWith(`${k}/`)))[0] ?? '/';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.short')}
        </Typography.Title>
        <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} style={{ flex: 1, minWidth: 0 }} />
        <Space>
          <Typography.Text style={{ color: '#fff' }}>{session.user.name}</Typography.Text>
          <Button size="small" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
            {t('nav.language')}
          </Button>
          <Button size="small" onClick={signOut}>
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Dashboard />} />
            <Route path="/clues/*" element={<Guard roles={PAGE_ROLES.clues}><Clues /></Guard>} />
            <Route path="/problems" element={<Guard roles={PAGE_ROLES.problems}><Problems /></Guard>} />
            <Route path="/problems/:problemId" element={<Guard roles={PAGE_ROLES.problems}><ProblemDetail /></Guard>} />
            <Route path="/admin/*" element={<Guard roles={PAGE_ROLES.admin}><Admin /></Guard>} />
            <Route path="/rewards" element={<Guard roles={PAGE_ROLES.rewards}><Rewards /></Guard>} />
            <Route path="/rewards/:rewardId" element={<Guard roles={PAGE_ROLES.rewards}><RewardDetail /></Guard>} />
            <Route path="/bounties" element={<Guard roles={PAGE_ROLES.rewards}><Bounties /></Guard>} />
            <Route path="/bounties/:bountyId" element={<Guard roles={PAGE_ROLES.rewards}><BountyDetail /></Guard>} />
            <Route path="/reward-rules" element={<Guard roles={PAGE_ROLES.rewardRules}><RewardRules /></Guard>} />
            <Route path="/reward-stats" element={<Guard roles={PAGE_ROLES.rewardStats}><RewardStats /></Guard>} />
            <Route path="/identity-requests" element={<Guard roles={PAGE_ROLES.identityRequests}><IdentityRequests /></Guard>} />
            <Route path="*" element={<Result status="404" title={t('nav.notFound')} />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
