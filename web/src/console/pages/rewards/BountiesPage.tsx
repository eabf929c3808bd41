import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { PublishBountyModal } from './bounty-publish';
import { LoadFailed, useRewardLabels } from './common';
import { formatFen } from './money';
import { BOUNTY_STATUS_COLOURS, type Bounty } from './types';

/** 悬赏: every bounty, newest first; the reward officer publishes new ones. */
export default function BountiesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useRewardLabels();
  const navigate = useNavigate();
  const bounties = useLoad(() => api<{ items: Bounty[] }>('/api/rewards/bounties'), []);
  const [publishing, setPublishing] = useState(false);

  const open = (b: Bounty) => navigate(`/bounties/${encodeURIComponent(b.bountyId)}`);
  const columns: TableColumnsType<Bounty> = [
    {
      title: t('rewards.bounty.title'),
      render: (_, b) => (
        <Link to={`/bounties/${encodeURIComponent(b.bountyId)}`} onClick={(e) => e.stopPropagation()}>
          {b.title}
        </Link>
      ),
    },
    { title: t('rewards.field.status'), width: 100, render: (_, b) => <Tag color={BOUNTY_STATUS_COLOURS[b.status]}>{labels.bountyStatus(b.status)}</Tag> },
    { title: t('rewards.bounty.maxAmount'), width: 140, align: 'right', render: (_, b) => formatFen(b.maxAmountFen) },
    { title: t('rewards.bounty.awarded'), width: 140, align: 'right', render: (_, b) => (b.awardedFen ? formatFen(b.awardedFen) : '—') },
    { title: t('rewards.bounty.leadCount'), width: 90, align: 'right', render: (_, b) => b.leadCount },
    { title: t('rewards.bounty.publishedOn'), width: 120, render: (_, b) => b.publishedOn },
    { title: t('rewards.bounty.expiresOn'), width: 120, render: (_, b) => b.expiresOn },
  ];

  return (
    <Card
      title={t('rewards.bounty.listTitle')}
      extra={
        can('reward-officer') && (
          <Button type="primary" onClick={() => setPublishing(true)} data-testid="bounty-publish">
            {t('rewards.bounty.publish')}
          </Button>
        )
      }
    >
      {bounties.error !== undefined ? (
        <LoadFailed error={bounties.error} retry={bounties.reload} />
      ) : (
        <Table<Bounty>
          rowKey="bountyId"
          size="middle"
          loading={bounties.loading}
          columns={columns}
          dataSource={bounties.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('rewards.bounty.empty') }}
          onRow={(b) => ({
            onClick: () => open(b),
            onKeyDown: (e: KeyboardEvent) => {
              if (e.key === 'Enter' && e.target === e.currentTarget) open(b);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
            'aria-label': `${b.title} ${labels.bountyStatus(b.status)}`,
            'data-testid': 'bounty-row',
          })}
        />
      )}
      {publishing && <PublishBountyModal onClose={() => setPublishing(false)} onDone={(b) => navigate(`/bounties/${encodeURIComponent(b.bountyId)}`)} />}
    </Card>
  );
}
