import { Card, Col, DatePicker, Empty, Flex, Row, Skeleton, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { EChart, type ChartOption } from '../dashboard/EChart';
import { beijingToday } from '../problems/common';
import { LoadFailed, useRewardLabels } from './common';
import { fenToYuanNumber, formatFen } from './money';
import type { Bucket, RewardStats } from './types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Every month from one to the other (at most five years), so a month without rewards shows as zero. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = dayjs(`${from}-01`); !m.isAfter(dayjs(`${to}-01`)) && months.length < 60; m = m.add(1, 'month')) months.push(m.format('YYYY-MM'));
  return months;
}

function BucketTable({ rows, title, label, testId }: { rows: Bucket[]; title: string; label(key: string): string; testId: string }) {
  const { t } = useI18n();
  const columns: TableColumnsType<Bucket> = [
    { title, render: (_, b) => label(b.key) },
    { title: t('rewards.stats.granted'), width: 90, align: 'right', render: (_, b) => b.granted },
    { title: t('rewards.stats.grantedAmount'), width: 140, align: 'right', render: (_, b) => formatFen(b.grantedFen) },
    { title: t('rewards.stats.paid'), width: 90, align: 'right', render: (_, b) => b.paid },
    { title: t('rewards.stats.paidAmount'), width: 140, align: 'right', render: (_, b) => formatFen(b.paidFen) },
  ];
  return <Table<Bucket> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 560 }} data-testid={testId} locale={{ emptyText: t('rewards.stats.empty') }} />;
}

/** 奖励统计: granted and paid by month, category and town, and how long from close-out to the first payout. */
export default function StatsPage() {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const [params, setParams] = useSearchParams();
  const thisMonth = beijingToday().slice(0, 7);
  const to = MONTH.test(params.get('to') ?? '') ? params.get('to')! : thisMonth;
  const from = MONTH.test(params.get('from') ?? '') ? params.get('from')! : `${to.slice(0, 4)}-01`;
  const stats = useLoad(() => api<RewardStats>(`/api/rewards/stats?from=${from}&to=${to}`), [from, to]);

  const set = (key: 'from' | 'to', value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const option = useMemo<ChartOption | undefined>(() => {
    const d = stats.data;
    if (!d) return undefined;
    const byKey = new Map(d.byMonth.map((b) => [b.key, b]));
    const months = [...new Set([...monthsBetween(from, to), ...d.byMonth.map((b) => b.key)])].sort();
    if (d.byMonth.every((b) => b.grantedFen === 0 && b.paidFen === 0)) return undefined;
    return {
      color: ['#1677ff', '#0f7b4f'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatFen(Math.round(Number(v) * 100)) },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same' },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: t('rewards.stats.axisYuan') },
      series: [
        { name: t('rewards.stats.grantedAmount'), type: 'bar', barMaxWidth: 28, data: months.map((m) => fenToYuanNumber(byKey.get(m)?.grantedFen ?? 0)) },
        { name: t('rewards.stats.paidAmount'), type: 'bar', barMaxWidth: 28, data: months.map((m) => fenToYuanNumber(byKey.get(m)?.paidFen ?? 0)) },
      ],
    };
  }, [stats.data, from, to, t]);

  const d = stats.data;
  const days = (n?: number) => (n === undefined || n === null ? '—' : t('rewards.stats.days', { n: Math.round(n * 10) / 10 }));
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('rewards.stats.title')}
        </Typography.Title>
        <Flex gap={8} align="center" wrap role="search" aria-label={t('rewards.stats.period')}>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${from}-01`)} disabledDate={(d) => d.isAfter(dayjs(`${to}-01`), 'month')} onChange={(v) => set('from', v?.format('YYYY-MM'))} aria-label={t('rewards.stats.from')} data-testid="stats-from" />
          <span>—</span>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${to}-01`)} disabledDate={(d) => d.isBefore(dayjs(`${from}-01`), 'month')} onChange={(v) => set('to', v?.format('YYYY-MM'))} aria-label={t('rewards.stats.to')} data-testid="stats-to" />
        </Flex>
      </Flex>
      {stats.error !== undefined && <LoadFailed error={stats.error} retry={stats.reload} />}
      <Row gutter={[16, 16]}>
        {(
          [
            ['granted', d?.totals.granted],
            ['grantedAmount', d && formatFen(d.totals.grantedFen)],
            ['paid', d?.totals.paid],
            ['paidAmount', d && formatFen(d.totals.paidFen)],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} xl={6} key={key}>
            <Card>
              <Statistic title={t(`rewards.stats.${key}`)} value={value ?? 0} loading={stats.loading} data-testid={`stats-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('rewards.stats.byMonth')}>
            {stats.loading ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : option ? (
              <EChart option={option} height={320} testId="chart-rewards-month" />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rewards.stats.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('rewards.stats.closeToPayout')} data-testid="stats-close-to-payout">
            <Typography.Paragraph type="secondary">{t('rewards.stats.closeToPayoutHint')}</Typography.Paragraph>
            <Row gutter={[8, 16]}>
              <Col span={12}>
                <Statistic title={t('rewards.stats.count')} value={d?.closeToPayout.count ?? 0} loading={stats.loading} />
              </Col>
              <Col span={12}>
                <Statistic title={t('rewards.stats.mean')} value={days(d?.closeToPayout.meanDays)} loading={stats.loading} />
              </Col>
              <Col span={12}>
                <Statistic title={t('rewards.stats.median')} value={days(d?.closeToPayout.medianDays)} loading={stats.loading} />
              </Col>
              <Col span={12}>
                <Statistic title={t('rewards.stats.p90')} value={days(d?.closeToPayout.p90Days)} loading={stats.loading} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('rewards.stats.byCategory')}>
            {d ? <BucketTable rows={d.byCategory} title={t('rewards.field.category')} label={(k) => labels.category(k) || t('rewards.stats.unknown')} testId="stats-by-category" /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('rewards.stats.byTown')}>
            {d ? <BucketTable rows={d.byTown} title={t('rewards.field.town')} label={(k) => labels.town(k) || t('rewards.stats.unknown')} testId="stats-by-town" /> : <Skeleton active />}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
