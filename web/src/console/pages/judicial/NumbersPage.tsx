import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { EChart, type ChartOption } from '../dashboard/EChart';
import { LoadFailed } from '../rewards/common';
import { loadAgencies, StatusTag, useJudicialLabels } from './common';
import { TRANSFER_STATUSES, type Agency, type Numbers } from './types';

type StatusRow = { status: string; n: number };
type DaysRow = Numbers['daysInStatus'][number];
type OverdueRow = Numbers['overdueByAgency'][number];

const order = (status: string) => TRANSFER_STATUSES.indexOf(status as (typeof TRANSFER_STATUSES)[number]);

/** 统计: transfers by status, the days spent in each status, and the time limits each agency let pass. */
export default function NumbersPage() {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const numbers = useLoad(() => api<Numbers>('/api/judicial/numbers'), []);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    let live = true;
    loadAgencies().then((a) => live && setAgencies(a), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  const byStatus = useMemo<StatusRow[]>(
    () => Object.entries(numbers.data?.byStatus ?? {}).map(([status, n]) => ({ status, n })).sort((a, b) => order(a.status) - order(b.status)),
    [numbers.data],
  );
  const option = useMemo<ChartOption | undefined>(
    () =>
      byStatus.length
        ? {
            color: ['#0f7b4f'],
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: byStatus.map((r) => labels.status(r.status)) },
            series: [{ type: 'bar', name: t('judicial.numbers.count'), data: byStatus.map((r) => r.n), barMaxWidth: 24 }],
          }
        : undefined,
    [byStatus, labels, t],
  );
  if (numbers.error !== undefined) return <LoadFailed error={numbers.error} retry={numbers.reload} />;
  if (!numbers.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const total = byStatus.reduce((s, r) => s + r.n, 0);
  const agencyName = (code?: string) => (code ? (agencies.find((a) => a.code === code)?.name ?? code) : '—');

  const statusColumns: TableColumnsType<StatusRow> = [
    { title: t('judicial.field.status'), render: (_, r) => <StatusTag status={r.status} testId="numbers-status" /> },
    { title: t('judicial.numbers.count'), width: 100, align: 'right', render: (_, r) => <Link to={`/judicial/transfers?status=${r.status}`}>{r.n}</Link> },
  ];
  const daysColumns: TableColumnsType<DaysRow> = [
    { title: t('judicial.field.status'), render: (_, r) => labels.status(r.status) },
    { title: t('judicial.numbers.periods'), width: 90, align: 'right', render: (_, r) => r.periods },
    { title: t('judicial.numbers.averageDays'), width: 120, align: 'right', render: (_, r) => r.averageDays },
    { title: t('judicial.numbers.longestDays'), width: 120, align: 'right', render: (_, r) => r.longestDays },
  ];
  const overdueColumns: TableColumnsType<OverdueRow> = [
    { title: t('judicial.limits.party'), width: 120, render: (_, r) => labels.party(r.party) },
    { title: t('judicial.numbers.agency'), render: (_, r) => (r.party === 'bureau' ? t('judicial.numbers.bureau') : agencyName(r.agencyCode)) },
    { title: t('judicial.numbers.missed'), width: 110, align: 'right', render: (_, r) => r.missed },
    { title: t('judicial.numbers.stillOpen'), width: 110, align: 'right', render: (_, r) => <Typography.Text type={r.stillOpen ? 'danger' : undefined}>{r.stillOpen}</Typography.Text> },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('judicial.numbers.byStatus')} data-testid="numbers-by-status">
          <Statistic title={t('judicial.numbers.total')} value={total} style={{ marginBottom: 12 }} />
          {option ? <EChart option={option} height={Math.max(160, byStatus.length * 36)} testId="numbers-chart" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('judicial.numbers.empty')} />}
          <Table<StatusRow>
            rowKey="status"
            size="small"
            pagination={false}
            columns={statusColumns}
            dataSource={byStatus}
            style={{ marginTop: 12 }}
            onRow={(r) => ({ 'data-testid': 'numbers-status-row', 'data-status': r.status, 'data-count': r.n }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t('judicial.numbers.empty') }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('judicial.numbers.daysInStatus')} data-testid="numbers-days" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('judicial.numbers.daysHint')}</Typography.Paragraph>
          <Table<DaysRow>
            rowKey="status"
            size="small"
            pagination={false}
            columns={daysColumns}
            dataSource={[...numbers.data.daysInStatus].sort((a, b) => order(a.status) - order(b.status))}
            scroll={{ x: 480 }}
            locale={{ emptyText: t('judicial.numbers.empty') }}
          />
        </Card>
        <Card title={t('judicial.numbers.overdue')} data-testid="numbers-overdue">
          <Table<OverdueRow>
            rowKey={(r) => `${r.party}-${r.agencyCode ?? ''}`}
            size="small"
            pagination={false}
            columns={overdueColumns}
            dataSource={numbers.data.overdueByAgency}
            scroll={{ x: 480 }}
            locale={{ emptyText: t('judicial.numbers.noOverdue') }}
          />
        </Card>
      </Col>
    </Row>
  );
}
