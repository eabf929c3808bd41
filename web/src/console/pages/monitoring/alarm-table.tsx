import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { type HTMLAttributes, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { beijing } from '../problems/common';
import { StageTag, TierTag, useMonitoringLabels } from './common';
import type { AlarmSummary } from './types';

/** Alarms as rows: tier, enterprise, kind, what happened, stage, when; a row opens the alarm. */
export function AlarmTable({ alarms, loading, compact, testId }: { alarms: AlarmSummary[]; loading: boolean; compact?: boolean; testId?: string }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const navigate = useNavigate();
  const open = (a: AlarmSummary) => navigate(`/monitoring/alarms/${a.alarmId}`);
  const columns: TableColumnsType<AlarmSummary> = [
    { title: t('monitoring.alarm.tier'), width: 110, render: (_, a) => <TierTag tier={a.tier} /> },
    {
      title: t('monitoring.alarm.enterprise'),
      width: 200,
      render: (_, a) => (
        <Link to={`/monitoring/alarms/${a.alarmId}`} onClick={(e) => e.stopPropagation()}>
          {a.enterpriseName}
        </Link>
      ),
    },
    { title: t('monitoring.alarm.kind'), width: 150, render: (_, a) => labels.kind(a.kind) },
    { title: t('monitoring.alarm.summary'), ellipsis: true, render: (_, a) => <span title={a.summary}>{a.summary}</span> },
    { title: t('monitoring.alarm.stage'), width: 110, render: (_, a) => <StageTag stage={a.stage} /> },
    ...(compact
      ? []
      : [
          { title: t('monitoring.alarm.status'), width: 90, render: (_: unknown, a: AlarmSummary) => <Tag color={a.status === 'open' ? 'error' : 'default'}>{labels.status(a.status)}</Tag> },
          { title: t('monitoring.device.mn'), width: 220, render: (_: unknown, a: AlarmSummary) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{a.mn}</Typography.Text> },
        ]),
    { title: t('monitoring.alarm.openedAt'), width: 150, render: (_, a) => beijing(a.openedAt) },
  ];
  return (
    <Table<AlarmSummary>
      rowKey="alarmId"
      size={compact ? 'small' : 'middle'}
      loading={loading}
      columns={columns}
      dataSource={alarms}
      scroll={{ x: compact ? 900 : 1200 }}
      data-testid={testId}
      pagination={compact ? false : { pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('monitoring.total', { n }) }}
      locale={{ emptyText: t('monitoring.alarms.empty') }}
      onRow={(a) =>
        ({
          onClick: () => open(a),
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter' && e.target === e.currentTarget) open(a);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'data-testid': 'alarm-row',
          'data-alarm-id': a.alarmId,
          'data-tier': a.tier,
          'data-mn': a.mn,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
