import { Alert, Button, Skeleton, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { CalendarTab } from './CalendarTab';
import { LifecycleTab } from './LifecycleTab';
import { MatrixTab } from './MatrixTab';
import { ReferenceTab } from './ReferenceTab';
import type { Reference } from './reference';
import { UsersTab } from './UsersTab';
import { useLoad } from './use-load';

const TABS = ['users', 'reference', 'matrix', 'calendar', 'lifecycle'] as const;
type Tab = (typeof TABS)[number];

/** 系统管理 (admins only; the shell guards the route and every call checks again): each tab is /admin/<tab>. */
export default function AdminPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const rest = useParams()['*'] ?? '';
  const active: Tab = (TABS as readonly string[]).includes(rest) ? (rest as Tab) : 'users';
  const reference = useLoad(() => api<Reference>('/api/cases/reference'), []);

  const needsReference = (render: (r: Reference) => ReactNode): ReactNode => {
    if (reference.error !== undefined) {
      return (
        <Alert
          type="error"
          showIcon
          title={reference.error instanceof ApiError ? pick(reference.error.text) : t('common.error')}
          action={<Button size="small" onClick={reference.reload}>{t('common.retry')}</Button>}
        />
      );
    }
    return reference.data ? render(reference.data) : <Skeleton active />;
  };

  const content: Record<Tab, () => ReactNode> = {
    users: () => needsReference((r) => <UsersTab reference={r} />),
    reference: () => needsReference((r) => <ReferenceTab reference={r} />),
    matrix: () => needsReference((r) => <MatrixTab reference={r} onChange={(matrix) => reference.setData((old) => old && { ...old, matrix })} />),
    calendar: () => <CalendarTab />,
    lifecycle: () => <LifecycleTab />,
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key === 'users' ? '/admin' : `/admin/${key}`)}
        items={TABS.map((key) => ({ key, label: t(`admin.tab.${key}`), children: content[key]() }))}
      />
    </>
  );
}
