import { Button, Card, Flex, Input, Select, Space, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useErrorMessage } from '../problems/common';
import { useRewardLabels } from './common';
import { formatFen } from './money';
import { caseName, DueOn, StatusTags } from './status';
import { REWARD_STATUSES, type RewardList, type RewardRow } from './types';

const FILTERS = ['status', 'overdue', 'kind', 'q'] as const;
const SIZES = [20, 50, 100];

/** 奖励案件: newest first, filtered by status, kind and overdue, pages in the address (Back returns to the same view). */
export default function RewardsPage() {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const report = useErrorMessage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<RewardList>();
  const [loading, setLoading] = useState(false);
  const [search, setSearch] = useState(params.get('q') ?? '');

  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const size = SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : SIZES[0];
  const filterQuery = useMemo(() => {
    const q = new URLSearchParams();
    for (const key of FILTERS) {
      const value = params.get(key);
      if (value) q.set(key, value);
    }
    return q.toString();
  }, [params]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const q = new URLSearchParams(filterQuery);
    q.set('page', String(page));
    q.set('pageSize', String(size));
    api<RewardList>(`/api/rewards/cases?${q}`)
      .then((d) => live && setData(d), (e) => live && report(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filterQuery, page, size, report]);

  const set = (changes: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const open = (r: RewardRow) => navigate(`/rewards/${encodeURIComponent(r.rewardId)}`);
  const columns: TableColumnsType<RewardRow> = [
    {
      title: t('rewards.field.number'),
      width: 170,
      render: (_, r) => (
        <Link to={`/rewards/${encodeURIComponent(r.rewardId)}`} onClick={(e) => e.stopPropagation()} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {caseName(r, t)}
        </Link>
      ),
    },
    { title: t('rewards.field.kind'), width: 90, render: (_, r) => labels.kind(r.kind) },
    { title: t('rewards.field.category'), width: 110, render: (_, r) => labels.category(r.category) || '—' },
    { title: t('rewards.field.town'), width: 110, render: (_, r) => labels.town(r.townCode) || '—' },
    { title: t('rewards.field.status'), width: 150, render: (_, r) => <StatusTags row={r} labels={labels} /> },
    { title: t('rewards.field.amount'), width: 130, align: 'right', render: (_, r) => formatFen(r.amountFen) },
    { title: t('rewards.field.paid'), width: 130, align: 'right', render: (_, r) => (r.paidFen ? formatFen(r.paidFen) : '—') },
    { title: t('rewards.field.dueOn'), width: 150, render: (_, r) => <DueOn row={r} /> },
    { title: t('rewards.field.openedOn'), width: 110, render: (_, r) => r.openedOn },
  ];

  return (
    <Card title={t('rewards.list.title')}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search" aria-label={t('rewards.list.filters')}>
        <Select
          allowClear
          placeholder={t('rewards.field.status')}
          aria-label={t('rewards.field.status')}
          data-testid="filter-status"
          style={{ width: 150 }}
          value={params.get('status') ?? undefined}
          options={REWARD_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          onChange={(value?: string) => set({ status: value })}
        />
        <Select
          allowClear
          placeholder={t('rewards.field.kind')}
          aria-label={t('rewards.field.kind')}
          style={{ width: 130 }}
          value={params.get('kind') ?? undefined}
          options={['problem', 'bounty'].map((k) => ({ value: k, label: labels.kind(k) }))}
          onChange={(value?: string) => set({ kind: value })}
        />
        <Input.Search
          allowClear
          placeholder={t('rewards.list.search')}
          aria-label={t('rewards.list.search')}
          style={{ width: 240 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => set({ q: value.trim() })}
        />
        <Space>
          <Switch
            checked={params.get('overdue') === 'true'}
            onChange={(on) => set({ overdue: on ? 'true' : undefined })}
            aria-label={t('rewards.list.overdueOnly')}
            data-testid="filter-overdue"
          />
          <Typography.Text>{t('rewards.list.overdueOnly')}</Typography.Text>
        </Space>
        <Button
          onClick={() => {
            setSearch('');
            setParams(new URLSearchParams(), { replace: true });
          }}
        >
          {t('rewards.list.reset')}
        </Button>
      </Flex>
      <Table<RewardRow>
        rowKey="rewardId"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('rewards.list.empty') }}
        onRow={(r) => ({
          onClick: () => open(r),
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter' && e.target === e.currentTarget) open(r);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'aria-label': `${caseName(r, t)} ${labels.status(r.status)}`,
          'data-testid': 'reward-row',
          'data-reward-id': r.rewardId,
        })}
        pagination={{
          current: page,
          pageSize: size,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: SIZES,
          showTotal: (n) => t('rewards.list.total', { n }),
          onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === SIZES[0] ? undefined : s }),
        }}
      />
    </Card>
  );
}
