import { Alert, Button, Card, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { type HTMLAttributes, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { beijing } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { DueBadge, StatusTag, useJudicialLabels, useJudicialRole } from './common';
import { TRANSFER_STATUSES, type TransferSummary } from './types';

/** 移送案件: the bureau sees every transfer, a liaison only those sent to their agency; filtered by status. */
export default function TransfersPage() {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const role = useJudicialRole();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const transfers = useLoad(() => api<TransferSummary[]>(`/api/judicial/transfers${status ? `?status=${encodeURIComponent(status)}` : ''}`), [status]);
  // a liaison's agency, as the account carries it
  const me = useLoad(role.agency ? () => api<{ organisation?: { name: string } }>('/api/auth/me') : undefined, [role.agency]);
  const open = (x: TransferSummary) => navigate(`/judicial/transfers/${x.transferId}`);
  const columns: TableColumnsType<TransferSummary> = [
    {
      title: t('judicial.field.title'),
      render: (_, x) => (
        <Link to={`/judicial/transfers/${x.transferId}`} onClick={(e) => e.stopPropagation()}>
          {x.title}
        </Link>
      ),
    },
    { title: t('judicial.field.kind'), width: 170, render: (_, x) => labels.kind(x.kind) },
    { title: t('judicial.field.status'), width: 170, render: (_, x) => <StatusTag status={x.status} /> },
    { title: t('judicial.field.suspect'), width: 200, render: (_, x) => x.suspect.name },
    { title: t('judicial.field.police'), width: 150, render: (_, x) => x.police.name },
    { title: t('judicial.field.statusSince'), width: 150, render: (_, x) => beijing(x.statusSince) },
    { title: t('judicial.field.nextDue'), width: 190, render: (_, x) => <DueBadge nextDue={x.nextDue} overdue={x.overdue} /> },
  ];
  return (
    <Card
      title={t('judicial.transfers.title')}
      extra={
        role.officer && (
          <Button type="primary" onClick={() => navigate('/judicial/transfers/new')} data-testid="transfer-new">
            {t('judicial.draft.new')}
          </Button>
        )
      }
    >
      {role.agency && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="agency-scope"
          title={t('judicial.transfers.agencyScope', { agency: me.data?.organisation?.name ?? t(`judicial.party.${role.agency}`) })}
        />
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search" aria-label={t('judicial.filters')}>
        <Select
          allowClear
          placeholder={t('judicial.field.status')}
          aria-label={t('judicial.field.status')}
          data-testid="status-filter"
          style={{ width: 220 }}
          value={status || undefined}
          options={TRANSFER_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          onChange={(v?: string) => setParams(v ? { status: v } : {}, { replace: true })}
        />
        <Typography.Text type="secondary">{t('judicial.transfers.hint')}</Typography.Text>
      </Flex>
      {transfers.error !== undefined ? (
        <LoadFailed error={transfers.error} retry={transfers.reload} />
      ) : (
        <Table<TransferSummary>
          rowKey="transferId"
          size="middle"
          loading={transfers.loading}
          columns={columns}
          dataSource={transfers.data ?? []}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('judicial.total', { n }) }}
          locale={{ emptyText: <span data-testid="transfers-empty">{role.agency ? t('judicial.transfers.emptyAgency') : t('judicial.transfers.empty')}</span> }}
          onRow={(x) =>
            ({
              onClick: () => open(x),
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) open(x);
              },
              tabIndex: 0,
              style: { cursor: 'pointer' },
              'data-testid': 'transfer-row',
              'data-transfer-id': x.transferId,
              'data-status': x.status,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
    </Card>
  );
}
