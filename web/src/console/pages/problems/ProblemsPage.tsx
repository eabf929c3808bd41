import { App, Button, Card, DatePicker, Flex, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { optionsOf, useErrorMessage, useReference } from './common';
import { STATUS_COLOURS, STATUSES, type Problem, type ProblemList } from './types';

const FILTERS = ['townCode', 'department', 'category', 'channel', 'status', 'overdue', 'from', 'to'] as const;
const SORTS = ['opened', 'deadline', 'number', 'updated'] as const;
const SIZES = [20, 50, 100];

/** 问题清单: filters, sort and pages in the address (so Back returns to the same view), and the Excel export. */
export default function ProblemsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const reference = useReference();
  const report = useErrorMessage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<ProblemList>();
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const size = SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : SIZES[0];
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort')! : 'opened';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
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
    q.set('sort', sort);
    q.set('order', order);
    q.set('limit', String(size));
    q.set('offset', String((page - 1) * size));
    api<ProblemList>(`/api/cases/problems?${q}`)
      .then((d) => live && setData(d), (e) => live && report(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filterQuery, sort, order, page, size, report]);

  const set = (changes: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      const blob = await api<Blob>(`/api/cases/problems.xlsx${filterQuery ? `?${filterQuery}` : ''}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = t('problems.list.exportFile');
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      message.success(t('problems.list.exported'));
    } catch (error) {
      report(error);
    } finally {
      setExporting(false);
    }
  };

  const open = (p: Problem) => navigate(`/problems/${p.problemId}`);
  const columns: TableColumnsType<Problem> = [
    {
      title: t('problems.field.number'),
      dataIndex: 'number',
      width: 150,
      render: (_, p) => (
        <Link to={`/problems/${p.problemId}`} onClick={(e) => e.stopPropagation()} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {p.number}
        </Link>
      ),
    },
    {
      title: t('problems.field.description'),
      dataIndex: 'description',
      ellipsis: { showTitle: false },
      render: (text: string) => (
        <Tooltip title={text} placement="topLeft">
          {text}
        </Tooltip>
      ),
    },
    { title: t('problems.field.channel'), width: 120, render: (_, p) => pick(p.channel) || '—' },
    { title: t('problems.field.town'), width: 110, render: (_, p) => pick(p.town) || '—' },
    { title: t('problems.field.leadDepartment'), width: 180, ellipsis: true, render: (_, p) => pick(p.leadDepartment) || '—' },
    {
      title: t('problems.field.status'),
      width: 140,
      render: (_, p) => (
        <Flex gap={4} wrap>
          <Tag color={p.overdue ? 'red' : STATUS_COLOURS[p.status.code]}>{pick(p.status)}</Tag>
          {p.overdue && <Tag color="red">{t('problems.overdue')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('problems.field.deadline'),
      width: 130,
      render: (_, p) =>
        p.deadline ? (
          <Typography.Text type={p.overdue ? 'danger' : undefined}>{p.deadline}</Typography.Text>
        ) : p.timeLimit && p.status.code === 'assigned' ? (
          // assigned, not yet signed off: the deadline is fixed at sign-off; show the time limit it will come from
          <Tooltip title={t('problems.list.untilSignOff')}>
            <Typography.Text type="secondary">
              {p.timeLimit.date ?? t('problems.timeLimit.days', { n: p.timeLimit.workingDays ?? 0 })}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: t('problems.field.closedOn'), width: 110, render: (_, p) => p.closedOn ?? '—' },
  ];

  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null =
    params.get('from') || params.get('to') ? [params.get('from') ? dayjs(params.get('from')) : null, params.get('to') ? dayjs(params.get('to')) : null] : null;
  const select = (key: (typeof FILTERS)[number], label: string, options: Array<{ value: string; label: string }>, width = 160) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={label}
      aria-label={label}
      style={{ width }}
      value={params.get(key) ?? undefined}
      options={options}
      onChange={(value?: string) => set({ [key]: value })}
    />
  );

  return (
    <Card
      title={t('problems.list.title')}
      extra={
        <Button onClick={exportExcel} loading={exporting} data-testid="export-excel">
          {t('problems.list.export')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('problems.list.filters')}>
        {select('townCode', t('problems.field.town'), optionsOf(reference?.towns, pick), 140)}
        {select('department', t('problems.filter.department'), optionsOf(reference?.departments, pick), 220)}
        {select('category', t('problems.field.category'), optionsOf(reference?.categories, pick), 140)}
        {select('channel', t('problems.field.channel'), optionsOf(reference?.channels, pick), 160)}
        {select('status', t('problems.field.status'), STATUSES.map((s) => ({ value: s, label: t(`problems.status.${s}`) })), 130)}
        {select('overdue', t('problems.filter.overdue'), [
          { value: 'true', label: t('problems.filter.overdueOnly') },
          { value: 'false', label: t('problems.filter.notOverdue') },
        ], 130)}
        <DatePicker.RangePicker
          aria-label={t('problems.filter.opened')}
          placeholder={[t('problems.filter.from'), t('problems.filter.to')]}
          allowEmpty={[true, true]}
          value={range}
          onChange={(values) => set({ from: values?.[0]?.format('YYYY-MM-DD'), to: values?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          aria-label={t('problems.sort.label')}
          style={{ width: 150 }}
          value={sort}
          options={SORTS.map((s) => ({ value: s, label: t(`problems.sort.${s}`) }))}
          onChange={(value: string) => set({ sort: value === 'opened' ? undefined : value })}
        />
        <Select
          aria-label={t('problems.sort.order')}
          style={{ width: 100 }}
          value={order}
          options={[
            { value: 'desc', label: t('problems.sort.desc') },
            { value: 'asc', label: t('problems.sort.asc') },
          ]}
          onChange={(value: string) => set({ order: value === 'desc' ? undefined : value })}
        />
        <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('problems.list.reset')}</Button>
      </Flex>
      <Table<Problem>
        rowKey="problemId"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('problems.list.empty') }}
        onRow={(p) => ({
          onClick: () => open(p),
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter' && e.target === e.currentTarget) open(p);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'aria-label': `${p.number} ${pick(p.status)}`,
          'data-testid': 'problem-row',
        })}
        pagination={{
          current: page,
          pageSize: size,
          total: data ? (data.more ? 2000 : data.total) : 0,
          showSizeChanger: true,
          pageSizeOptions: SIZES,
          showTotal: () => (data?.more ? t('problems.list.totalMore') : t('problems.list.total', { n: data?.total ?? 0 })),
          onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === SIZES[0] ? undefined : s }),
        }}
      />
    </Card>
  );
}
