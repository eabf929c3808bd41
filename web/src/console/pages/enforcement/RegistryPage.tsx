import { Button, Card, Flex, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { LoadFailed } from '../rewards/common';
import { CreditPlate, ObjectClassTag, TOWN_CODES, useCreditLevels, useEnforcementLabels } from './common';
import { ImportModal, RegisterModal } from './registry-forms';
import { OBJECT_CLASSES, type Enterprise } from './types';

const FILTERS = ['q', 'objectClass', 'creditLevel', 'townCode'] as const;

/** 排污单位名录: every enterprise with its supervision list and credit plate; officers register and import. */
export default function RegistryPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const labels = useEnforcementLabels();
  const levels = useCreditLevels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [dialog, setDialog] = useState<'register' | 'import'>();
  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const key of FILTERS) {
      const value = params.get(key);
      if (value) q.set(key, value);
    }
    return q.toString();
  }, [params]);
  const loaded = useLoad(() => api<Enterprise[]>(`/api/enforcement/enterprises${query ? `?${query}` : ''}`), [query]);
  const officer = can('enforcement-officer');

  const set = (key: (typeof FILTERS)[number], value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const open = (e: Enterprise) => navigate(`/enforcement/enterprises/${e.enterpriseId}`);
  const columns: TableColumnsType<Enterprise> = [
    {
      title: t('enforcement.field.name'),
      render: (_, e) => (
        <Link to={`/enforcement/enterprises/${e.enterpriseId}`} onClick={(ev) => ev.stopPropagation()}>
          {e.name}
        </Link>
      ),
    },
    { title: t('enforcement.field.uscc'), width: 190, render: (_, e) => <span style={{ fontFamily: 'monospace' }}>{e.uscc}</span> },
    { title: t('enforcement.field.townCode'), width: 110, render: (_, e) => labels.town(e.townCode) || '—' },
    { title: t('enforcement.field.industry'), width: 120, render: (_, e) => e.industry },
    { title: t('enforcement.field.permitClass'), width: 100, render: (_, e) => labels.permitClass(e.permitClass) },
    { title: t('enforcement.field.objectClass'), width: 130, render: (_, e) => <ObjectClassTag value={e.objectClass} labels={labels} /> },
    { title: t('enforcement.field.creditLevel'), width: 150, render: (_, e) => <CreditPlate level={e.creditLevel} levels={levels} /> },
  ];

  return (
    <Card
      title={t('enforcement.registry.title')}
      extra={
        officer && (
          <Space>
            <Button onClick={() => setDialog('import')} data-testid="registry-import">
              {t('enforcement.import.open')}
            </Button>
            <Button type="primary" onClick={() => setDialog('register')} data-testid="registry-register">
              {t('enforcement.register.open')}
            </Button>
          </Space>
        )
      }
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search" aria-label={t('enforcement.registry.filters')}>
        <Input.Search
          allowClear
          placeholder={t('enforcement.registry.search')}
          aria-label={t('enforcement.registry.search')}
          style={{ width: 260 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => set('q', value.trim())}
          data-testid="registry-search"
        />
        <Select
          allowClear
          placeholder={t('enforcement.field.objectClass')}
          aria-label={t('enforcement.field.objectClass')}
          style={{ width: 150 }}
          value={params.get('objectClass') ?? undefined}
          options={OBJECT_CLASSES.map((c) => ({ value: c, label: labels.objectClass(c) }))}
          onChange={(value?: string) => set('objectClass', value)}
        />
        <Select
          allowClear
          placeholder={t('enforcement.field.creditLevel')}
          aria-label={t('enforcement.field.creditLevel')}
          style={{ width: 170 }}
          value={params.get('creditLevel') ?? undefined}
          options={(levels ?? []).map((l) => ({ value: l.code, label: pick(l) }))}
          onChange={(value?: string) => set('creditLevel', value)}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('enforcement.field.townCode')}
          aria-label={t('enforcement.field.townCode')}
          style={{ width: 140 }}
          value={params.get('townCode') ?? undefined}
          options={TOWN_CODES.map((c) => ({ value: c, label: labels.town(c) }))}
          onChange={(value?: string) => set('townCode', value)}
        />
        <Button
          onClick={() => {
            setSearch('');
            setParams(new URLSearchParams(), { replace: true });
          }}
        >
          {t('enforcement.registry.reset')}
        </Button>
      </Flex>
      {loaded.error !== undefined ? (
        <LoadFailed error={loaded.error} retry={loaded.reload} />
      ) : (
        <Table<Enterprise>
          rowKey="enterpriseId"
          size="middle"
          loading={loaded.loading}
          columns={columns}
          dataSource={loaded.data ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('enforcement.registry.empty') }}
          pagination={{ pageSize: 20, showTotal: (n) => t('enforcement.total', { n }), showSizeChanger: true }}
          onRow={(e) => ({
            onClick: () => open(e),
            onKeyDown: (ev: KeyboardEvent) => {
              if (ev.key === 'Enter' && ev.target === ev.currentTarget) open(e);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
            'data-testid': 'enterprise-row',
            'data-uscc': e.uscc,
          })}
        />
      )}
      {dialog === 'register' && (
        <RegisterModal
          onClose={() => setDialog(undefined)}
          onDone={(enterpriseId) => {
            setDialog(undefined);
            navigate(`/enforcement/enterprises/${enterpriseId}`);
          }}
        />
      )}
      {dialog === 'import' && <ImportModal onClose={() => setDialog(undefined)} onImported={loaded.reload} />}
    </Card>
  );
}
