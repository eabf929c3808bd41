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
const Registry = lazy(() => import('./pages/enforcement/RegistryPage'));
const EnterpriseDetail = lazy(() => import('./pages/enforcement/EnterprisePage'));
const SupervisionLists = lazy(() => import('./pages/enforcement/ListsPage'));
const InspectorPool = lazy(() => import('./pages/enforcement/InspectorsPage'));
const Plans = lazy(() => import('./pages/enforcement/PlansPage'));
const DrawDetail = lazy(() => import('./pages/enforcement/DrawPage'));
const Tasks = lazy(() => import('./pages/enforcement/TasksPage'));
const TaskDetail = lazy(() => import('./pages/enforcement/TaskPage'));
const PenaltyCases = lazy(() => import('./pages/enforcement/CasesPage'));
const PenaltyCaseDetail = lazy(() => import('./pages/enforcement/CasePage'));
const EnforcementRules = lazy(() => import('./pages/enforcement/RulesPage'));
const EnforcementExport = lazy(() => import('./pages/enforcement/ExportPage'));
const Transfers = lazy(() => import('./pages/judicial/TransfersPage'));
const TransferDetail = lazy(() => import('./pages/judicial/TransferPage'));
const TransferDraft = lazy(() => import('./pages/judicial/DraftPage'));
const JudicialLeads = lazy(() => import('./pages/judicial/LeadsPage'));
const Consultations = lazy(() => import('./pages/judicial/ConsultationsPage'));
const JudicialNumbers = lazy(() => import('./pages/judicial/NumbersPage'));
const JudicialRules = lazy(() => import('./pages/judicial/RulesPage'));
const JudicialKeys = lazy(() => import('./pages/judicial/ApiKeysPage'));
const MonitoringDashboard = lazy(() => import('./pages/monitoring/DashboardPage'));
const MonitoringDevices = lazy(() => import('./pages/monitoring/DevicesPage'));
const MonitoringDevice = lazy(() => import('./pages/monitoring/DevicePage'));
const MonitoringAlarms = lazy(() => import('./pages/monitoring/AlarmsPage'));
const MonitoringAlarm = lazy(() => import('./pages/monitoring/AlarmPage'));
const MonitoringTasks = lazy(() => import('./pages/monitoring/TasksPage'));
const MonitoringRules = lazy(() => import('./pages/monitoring/RulesPage'));
const MonitoringRecipients = lazy(() => import('./pages/monitoring/RecipientsPage'));

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
  /** 执法监管: the registry, credit, lists, pool, plans and draws, tasks, cases and rules (enforcement's readers) */
  enforcement: ['enforcement-officer', 'leader', 'auditor', 'analyst'],
  /** the export for the 互联网+监管 platform */
  enforcementExport: ['enforcement-officer'],
  /** 行刑衔接: the bureau's readers see every transfer; a liaison only those sent to their agency */
  judicial: ['judicial-officer', 'bureau-head', 'leader', 'auditor', 'analyst', 'police-liaison', 'procuratorate-liaison', 'court-liaison'],
  /** leads, consultations, numbers and rules: the bureau's side */
  judicialBureau: ['judicial-officer', 'bureau-head', 'leader', 'auditor', 'analyst'],
  judicialDraft: ['judicial-officer'],
  /** API keys for the agencies' own platforms */
  judicialKeys: ['admin'],
  /** 在线监控: devices, alarms and rules (monitoring's readers; towns see their own) */
  monitoring: ['analyst', 'leader', 'town-officer', 'department-officer', 'enforcement-officer', 'auditor'],
  /** 现场核查 tasks, recorded on a phone */
  monitoringTasks: ['analyst', 'town-officer', 'inspector', 'grid-worker'],
  /** 通知对象 */
  monitoringRecipients: ['admin', 'analyst'],
};

/** Roles that land on their transfers list: an agency's liaison, when the account has no other work in the console. */
const LIAISONS = ['police-liaison', 'procuratorate-liaison', 'court-liaison'];

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
  const enforcement = [
    ...(can(...PAGE_ROLES.enforcement)
      ? [
          link('/enforcement/enterprises', 'enforcement.nav.registry'),
          link('/enforcement/lists', 'enforcement.nav.lists'),
          link('/enforcement/inspectors', 'enforcement.nav.inspectors'),
          link('/enforcement/plans', 'enforcement.nav.plans'),
          link('/enforcement/tasks', 'enforcement.nav.tasks'),
          link('/enforcement/cases', 'enforcement.nav.cases'),
          link('/enforcement/rules', 'enforcement.nav.rules'),
        ]
      : []),
    can(...PAGE_ROLES.enforcementExport) && link('/enforcement/export', 'enforcement.nav.export'),
  ].filter(Boolean) as MenuItem[];
  const judicial = [
    can(...PAGE_ROLES.judicial) && link('/judicial/transfers', 'judicial.nav.transfers'),
    can(...PAGE_ROLES.judicialBureau) && link('/judicial/leads', 'judicial.nav.leads'),
    can(...PAGE_ROLES.judicialBureau) && link('/judicial/consultations', 'judicial.nav.consultations'),
    can(...PAGE_ROLES.judicialBureau) && link('/judicial/numbers', 'judicial.nav.numbers'),
    can(...PAGE_ROLES.judicialBureau) && link('/judicial/rules', 'judicial.nav.rules'),
    can(...PAGE_ROLES.judicialKeys) && link('/judicial/api-keys', 'judicial.nav.keys'),
  ].filter(Boolean) as MenuItem[];
  const monitoring = [
    can(...PAGE_ROLES.monitoring) && link('/monitoring/overview', 'monitoring.nav.dashboard'),
    can(...PAGE_ROLES.monitoring) && link('/monitoring/devices', 'monitoring.nav.devices'),
    can(...PAGE_ROLES.monitoring) && link('/monitoring/alarms', 'monitoring.nav.alarms'),
    can(...PAGE_ROLES.monitoringTasks) && link('/monitoring/tasks', 'monitoring.nav.tasks'),
    can(...PAGE_ROLES.monitoring) && link('/monitoring/rules', 'monitoring.nav.rules'),
    can(...PAGE_ROLES.monitoringRecipients) && link('/monitoring/recipients', 'monitoring.nav.recipients'),
  ].filter(Boolean) as MenuItem[];
  const roles = session.user.roles;
  const liaisonOnly = roles.some((r) => LIAISONS.includes(r)) && roles.every((r) => LIAISONS.includes(r));
  const items = [
    !liaisonOnly && link('/', 'nav.dashboard'),
    can(...PAGE_ROLES.clues) && link('/clues', 'nav.clues'),
    can(...PAGE_ROLES.problems) && link('/problems', 'nav.problems'),
    rewards.length > 0 && { key: 'rewards-menu', label: t('nav.rewardsMenu'), children: rewards },
    enforcement.length > 0 && { key: 'enforcement-menu', label: <span data-testid="nav-enforcement">{t('enforcement.nav.menu')}</span>, children: enforcement },
    judicial.length > 0 && { key: 'judicial-menu', label: <span data-testid="nav-judicial">{t('judicial.nav.menu')}</span>, children: judicial },
    monitoring.length > 0 && { key: 'monitoring-menu', label: <span data-testid="nav-monitoring">{t('monitoring.nav.menu')}</span>, children: monitoring },
    can(...PAGE_ROLES.admin) && link('/admin', 'nav.admin'),
  ].filter(Boolean) as MenuItem[];
  const keys = items.flatMap((i) => (i.children ? i.children.map((c) => c.key) : [i.key]));
  // a draw is opened from its plan
  const path = location.pathname.replace(/^\/enforcement\/draws(?=\/|$)/, '/enforcement/plans');
  const selected = keys.filter((k) => k !== '/' && (path === k || path.startsWith(`${k}/`)))[0] ?? '/';
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
            <Route path="/" element={liaisonOnly ? <Navigate to="/judicial/transfers" replace /> : <Dashboard />} />
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
            <Route path="/enforcement/enterprises" element={<Guard roles={PAGE_ROLES.enforcement}><Registry /></Guard>} />
            <Route path="/enforcement/enterprises/:enterpriseId" element={<Guard roles={PAGE_ROLES.enforcement}><EnterpriseDetail /></Guard>} />
            <Route path="/enforcement/lists" element={<Guard roles={PAGE_ROLES.enforcement}><SupervisionLists /></Guard>} />
            <Route path="/enforcement/inspectors" element={<Guard roles={PAGE_ROLES.enforcement}><InspectorPool /></Guard>} />
            <Route path="/enforcement/plans" element={<Guard roles={PAGE_ROLES.enforcement}><Plans /></Guard>} />
            <Route path="/enforcement/draws/:drawId" element={<Guard roles={PAGE_ROLES.enforcement}><DrawDetail /></Guard>} />
            <Route path="/enforcement/tasks" element={<Guard roles={PAGE_ROLES.enforcement}><Tasks /></Guard>} />
            <Route path="/enforcement/tasks/:taskId" element={<Guard roles={PAGE_ROLES.enforcement}><TaskDetail /></Guard>} />
            <Route path="/enforcement/cases" element={<Guard roles={PAGE_ROLES.enforcement}><PenaltyCases /></Guard>} />
            <Route path="/enforcement/cases/:caseId" element={<Guard roles={PAGE_ROLES.enforcement}><PenaltyCaseDetail /></Guard>} />
            <Route path="/enforcement/rules" element={<Guard roles={PAGE_ROLES.enforcement}><EnforcementRules /></Guard>} />
            <Route path="/enforcement/export" element={<Guard roles={PAGE_ROLES.enforcementExport}><EnforcementExport /></Guard>} />
            <Route path="/judicial/transfers" element={<Guard roles={PAGE_ROLES.judicial}><Transfers /></Guard>} />
            <Route path="/judicial/transfers/new" element={<Guard roles={PAGE_ROLES.judicialDraft}><TransferDraft /></Guard>} />
            <Route path="/judicial/transfers/:transferId" element={<Guard roles={PAGE_ROLES.judicial}><TransferDetail /></Guard>} />
            <Route path="/judicial/leads" element={<Guard roles={PAGE_ROLES.judicialBureau}><JudicialLeads /></Guard>} />
            <Route path="/judicial/consultations" element={<Guard roles={PAGE_ROLES.judicialBureau}><Consultations /></Guard>} />
            <Route path="/judicial/numbers" element={<Guard roles={PAGE_ROLES.judicialBureau}><JudicialNumbers /></Guard>} />
            <Route path="/judicial/rules" element={<Guard roles={PAGE_ROLES.judicialBureau}><JudicialRules /></Guard>} />
            <Route path="/judicial/api-keys" element={<Guard roles={PAGE_ROLES.judicialKeys}><JudicialKeys /></Guard>} />
            <Route path="/monitoring" element={<Navigate to="/monitoring/overview" replace />} />
            <Route path="/monitoring/overview" element={<Guard roles={PAGE_ROLES.monitoring}><MonitoringDashboard /></Guard>} />
            <Route path="/monitoring/devices" element={<Guard roles={PAGE_ROLES.monitoring}><MonitoringDevices /></Guard>} />
            <Route path="/monitoring/devices/:mn" element={<Guard roles={PAGE_ROLES.monitoring}><MonitoringDevice /></Guard>} />
            <Route path="/monitoring/alarms" element={<Guard roles={PAGE_ROLES.monitoring}><MonitoringAlarms /></Guard>} />
            <Route path="/monitoring/alarms/:alarmId" element={<Guard roles={PAGE_ROLES.monitoring}><MonitoringAlarm /></Guard>} />
            <Route path="/monitoring/tasks" element={<Guard roles={PAGE_ROLES.monitoringTasks}><MonitoringTasks /></Guard>} />
            <Route path="/monitoring/rules" element={<Guard roles={PAGE_ROLES.monitoring}><MonitoringRules /></Guard>} />
            <Route path="/monitoring/recipients" element={<Guard roles={PAGE_ROLES.monitoringRecipients}><MonitoringRecipients /></Guard>} />
            <Route path="*" element={<Result status="404" title={t('nav.notFound')} />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
