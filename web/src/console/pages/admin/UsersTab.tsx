import { Alert, Button, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { CreateUserModal } from './CreateUserModal';
import { nameOf, type Reference } from './reference';
import { useLoad } from './use-load';

/** GET /api/admin/users */
export interface UserSummary {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  towns: string[];
  departments: string[];
  organisation?: { code: string; name: string; kind: string };
  active: boolean;
}

export function UsersTab({ reference }: { reference: Reference }) {
  const { t, pick } = useI18n();
  const users = useLoad(() => api<UserSummary[]>('/api/admin/users'), []);
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const all = users.data ?? [];
    return needle ? all.filter((u) => u.username.includes(needle) || u.displayName.toLowerCase().includes(needle)) : all;
  }, [users.data, query]);

  const columns: TableColumnsType<UserSummary> = [
    { title: t('admin.users.username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: t('admin.users.displayName'), dataIndex: 'displayName' },
    {
      title: t('admin.users.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) => roles.map((r) => <Tag key={r} color={r === 'admin' ? 'red' : undefined}>{t(`admin.role.${r}`)}</Tag>),
    },
    {
      title: t('admin.users.towns'),
      dataIndex: 'towns',
      render: (towns: string[]) => (towns.length ? towns.map((c) => nameOf(reference.towns, c, pick)).join(t('admin.listSeparator')) : <Typography.Text type="secondary">{t('admin.users.wholeCity')}</Typography.Text>),
    },
    {
      title: t('admin.users.departments'),
      dataIndex: 'departments',
      render: (departments: string[]) =>
        departments.length ? departments.map((c) => nameOf(reference.departments, c, pick)).join(t('admin.listSeparator')) : <Typography.Text type="secondary">{t('admin.users.allDepartments')}</Typography.Text>,
    },
    {
      title: t('admin.users.organisation'),
      dataIndex: 'organisation',
      render: (o?: UserSummary['organisation']) => (o ? t('admin.users.organisation.value', { name: o.name, kind: t(`admin.orgKind.${o.kind}`) }) : null),
    },
    {
      title: t('admin.users.status'),
      dataIndex: 'active',
      render: (active: boolean) => (active ? <Tag color="green">{t('admin.users.active')}</Tag> : <Tag>{t('admin.users.inactive')}</Tag>),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 16, justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Input.Search
          allowClear
          placeholder={t('admin.users.search')}
          aria-label={t('admin.users.search')}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 320 }}
        />
        <Button type="primary" data-testid="create-user" onClick={() => setCreating(true)}>
          {t('admin.users.create')}
        </Button>
      </div>
      {users.error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={users.error instanceof ApiError ? pick(users.error.text) : t('common.error')}
          action={<Button size="small" onClick={users.reload}>{t('common.retry')}</Button>}
        />
      )}
      <Table<UserSummary>
        rowKey="userId"
        size="middle"
        loading={users.loading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
      <Typography.Text type="secondary">{t('admin.users.resetHint')}</Typography.Text>
      <CreateUserModal
        open={creating}
        reference={reference}
        onClose={() => setCreating(false)}
        onCreated={(user) => users.setData((list) => [...(list ?? []).filter((u) => u.userId !== user.userId), user].sort((a, b) => a.username.localeCompare(b.username)))}
      />
    </Space>
  );
}
