import { Button, Card, Flex, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { PAGE_ROLES } from '../../App';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing } from '../problems/common';
import { ClueLink } from './case-facts';
import { LoadFailed } from './common';
import { DecisionModal, type Decision } from './identity-decision';
import type { IdentityRequest } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A caseRef that names a reward case (its id, a UUID) links to it, for those who may read reward cases. */
function CaseRef({ caseRef }: { caseRef: string }) {
  const { can } = useSession();
  const reward = UUID.test(caseRef) && can(...PAGE_ROLES.rewards);
  return reward ? <Link to={`/rewards/${encodeURIComponent(caseRef)}`}>{caseRef}</Link> : <span>{caseRef}</span>;
}

/** 身份查阅审批: the second person approves or refuses a request to read a reporter's identity (never shown here). */
export default function IdentityRequestsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const pending = useLoad(() => api<{ items: IdentityRequest[] }>('/api/intake/identity-requests?status=pending'), []);
  const [deciding, setDeciding] = useState<{ request: IdentityRequest; decision: Decision }>();
  const me = session?.user.userId;

  const columns: TableColumnsType<IdentityRequest> = [
    { title: t('rewards.requests.requestedAt'), width: 150, render: (_, r) => beijing(r.requestedAt) },
    { title: t('rewards.requests.clue'), width: 120, render: (_, r) => <ClueLink clueId={r.clueId} /> },
    { title: t('rewards.requests.caseRef'), width: 220, render: (_, r) => <CaseRef caseRef={r.caseRef} /> },
    { title: t('rewards.requests.purpose'), render: (_, r) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.purpose}</span> },
    { title: t('rewards.requests.requestedBy'), width: 140, render: (_, r) => (r.requestedBy === me ? t('rewards.identity.byMe') : r.requestedBy) },
    {
      title: t('rewards.requests.actions'),
      width: 180,
      render: (_, r) => {
        const own = r.requestedBy === me;
        return (
          <Flex gap={8}>
            <Tooltip title={own ? t('rewards.requests.ownRequest') : undefined}>
              <Button
                size="small"
                type="primary"
                disabled={own}
                onClick={() => setDeciding({ request: r, decision: 'approve' })}
                data-testid="identity-approve"
                aria-label={t('rewards.requests.approveFor', { id: r.caseRef })}
              >
                {t('rewards.requests.approve')}
              </Button>
            </Tooltip>
            <Button
              size="small"
              danger
              onClick={() => setDeciding({ request: r, decision: 'refuse' })}
              data-testid="identity-refuse"
              aria-label={t('rewards.requests.refuseFor', { id: r.caseRef })}
            >
              {t('rewards.requests.refuse')}
            </Button>
          </Flex>
        );
      },
    },
  ];

  return (
    <Card
      title={t('rewards.requests.title')}
      extra={
        <Button onClick={pending.reload} loading={pending.loading} data-testid="identity-requests-refresh">
          {t('rewards.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('rewards.requests.intro')}</Typography.Paragraph>
      {pending.error !== undefined ? (
        <LoadFailed error={pending.error} retry={pending.reload} />
      ) : (
        <Table<IdentityRequest>
          rowKey="requestId"
          size="middle"
          loading={pending.loading}
          columns={columns}
          dataSource={pending.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('rewards.requests.empty') }}
          onRow={(r) => ({ 'data-testid': 'identity-request-row', 'data-request-id': r.requestId, 'data-case-ref': r.caseRef }) as HTMLAttributes<HTMLElement>}
        />
      )}
      {deciding && (
        <DecisionModal
          request={deciding.request}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDone={() => {
            setDeciding(undefined);
            pending.reload();
          }}
        />
      )}
    </Card>
  );
}
