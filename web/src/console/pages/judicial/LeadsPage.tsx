import { Button, Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { PAGE_ROLES } from '../../App';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing, useSeparators } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { ShortId, useJudicialLabels, useJudicialRole } from './common';
import type { Lead } from './types';

/** 待起草的涉嫌犯罪线索: problems marked as suspected crimes and penalty cases transferred, each drafted once. */
export default function LeadsPage() {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const sep = useSeparators();
  const role = useJudicialRole();
  const { can } = useSession();
  const navigate = useNavigate();
  const leads = useLoad(() => api<Lead[]>('/api/judicial/leads'), []);
  const columns: TableColumnsType<Lead> = [
    { title: t('judicial.lead.title'), render: (_, l) => <Typography.Text strong>{l.title}</Typography.Text> },
    { title: t('judicial.lead.source'), width: 120, render: (_, l) => <Tag>{labels.source(l.source)}</Tag> },
    { title: t('judicial.lead.basis'), render: (_, l) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{l.basis}</Typography.Text> },
    { title: t('judicial.lead.criteria'), width: 220, render: (_, l) => (l.criteria.length ? l.criteria.join(sep.list) : '—') },
    {
      title: t('judicial.lead.from'),
      width: 130,
      render: (_, l) =>
        l.problemId && can(...PAGE_ROLES.problems) ? (
          <Link to={`/problems/${l.problemId}`}>{t('judicial.lead.problem')}</Link>
        ) : l.enforcementCaseId && can(...PAGE_ROLES.enforcement) ? (
          <Link to={`/enforcement/cases/${l.enforcementCaseId}`}>{t('judicial.lead.penaltyCase')}</Link>
        ) : (
          <ShortId id={l.leadId} />
        ),
    },
    { title: t('judicial.lead.receivedAt'), width: 150, render: (_, l) => beijing(l.receivedAt) },
    ...(role.officer
      ? [
          {
            title: t('judicial.actions'),
            width: 120,
            render: (_: unknown, l: Lead) => (
              <Button type="primary" size="small" onClick={() => navigate(`/judicial/transfers/new?lead=${encodeURIComponent(l.leadId)}`)} data-testid="lead-draft">
                {t('judicial.lead.draft')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card title={t('judicial.leads.title')}>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('judicial.leads.intro')}
        </Typography.Paragraph>
        {leads.error !== undefined ? (
          <LoadFailed error={leads.error} retry={leads.reload} />
        ) : (
          <Table<Lead>
            rowKey="leadId"
            size="middle"
            loading={leads.loading}
            columns={columns}
            dataSource={leads.data ?? []}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('judicial.total', { n }) }}
            locale={{ emptyText: t('judicial.leads.empty') }}
            onRow={(l) => ({ 'data-testid': 'lead-row', 'data-lead-id': l.leadId }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </Flex>
    </Card>
  );
}
