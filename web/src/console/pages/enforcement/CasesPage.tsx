import { Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { type HTMLAttributes, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { beijingToday } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { formatFen } from '../rewards/money';
import { useEnforcementLabels } from './common';
import { CASE_COLOURS, CASE_STATUSES, type PenaltyCase } from './types';

/** 行政处罚案件: open ones first, each with its minor-violation check and outcome. */
export default function CasesPage() {
  const { t } = useI18n();
  const labels = useEnforcementLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const cases = useLoad(() => api<PenaltyCase[]>(`/api/enforcement/cases${status ? `?status=${encodeURIComponent(status)}` : ''}`), [status]);
  const today = beijingToday();
  const open = (c: PenaltyCase) => navigate(`/enforcement/cases/${c.caseId}`);
  const columns: TableColumnsType<PenaltyCase> = [
    {
      title: t('enforcement.task.enterprise'),
      width: 200,
      render: (_, c) => (
        <Link to={`/enforcement/cases/${c.caseId}`} onClick={(e) => e.stopPropagation()}>
          {c.enterpriseName}
        </Link>
      ),
    },
    { title: t('enforcement.case.summary'), render: (_, c) => <Typography.Text ellipsis={{ tooltip: c.summary }} style={{ maxWidth: 360 }}>{c.summary}</Typography.Text> },
    { title: t('enforcement.case.status'), width: 110, render: (_, c) => <Tag color={CASE_COLOURS[c.status]} data-testid="case-status">{labels.caseStatus(c.status)}</Tag> },
    {
      title: t('enforcement.case.exemption'),
      width: 130,
      render: (_, c) => (c.exemption ? (c.exemption.exempt ? t('enforcement.exemption.exemptShort') : t('enforcement.exemption.notExemptShort')) : <Typography.Text type="warning">{t('enforcement.exemption.notChecked')}</Typography.Text>),
    },
    { title: t('enforcement.penalty.fine'), width: 130, align: 'right', render: (_, c) => (c.penalty ? formatFen(c.penalty.fineFen) : '—') },
    { title: t('enforcement.case.openedOn'), width: 110, render: (_, c) => c.openedOn },
    {
      title: t('enforcement.case.decideBy'),
      width: 140,
      render: (_, c) => (
        <Flex gap={4} align="center">
          <Typography.Text type={c.status === 'open' && c.decideBy < today ? 'danger' : undefined}>{c.decideBy}</Typography.Text>
          {c.status === 'open' && c.decideBy < today && <Tag color="red">{t('enforcement.overdue')}</Tag>}
        </Flex>
      ),
    },
  ];
  return (
    <Card title={t('enforcement.cases.title')}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search" aria-label={t('enforcement.registry.filters')}>
        <Select
          allowClear
          placeholder={t('enforcement.case.status')}
          aria-label={t('enforcement.case.status')}
          style={{ width: 150 }}
          value={status || undefined}
          options={CASE_STATUSES.map((s) => ({ value: s, label: labels.caseStatus(s) }))}
          onChange={(v?: string) => setParams(v ? { status: v } : {}, { replace: true })}
        />
      </Flex>
      {cases.error !== undefined ? (
        <LoadFailed error={cases.error} retry={cases.reload} />
      ) : (
        <Table<PenaltyCase>
          rowKey="caseId"
          size="middle"
          loading={cases.loading}
          columns={columns}
          dataSource={cases.data ?? []}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('enforcement.total', { n }) }}
          locale={{ emptyText: t('enforcement.cases.empty') }}
          onRow={(c) =>
            ({
              onClick: () => open(c),
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) open(c);
              },
              tabIndex: 0,
              style: { cursor: 'pointer' },
              'data-testid': 'case-row',
              'data-case-id': c.caseId,
              'data-enterprise': c.enterpriseName,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
    </Card>
  );
}
