import { Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing, describe } from '../problems/common';
import { BountyActions } from './bounty-actions';
import { ClueLink } from './case-facts';
import { LoadFailed, shortId, useRewardLabels } from './common';
import { formatFen } from './money';
import { BOUNTY_STATUS_COLOURS, type BountyDetail } from './types';

type Lead = BountyDetail['leads'][number];

/** One bounty: its terms, the leads linked to it, and (for the reward officer, while open) link, award, withdraw. */
export default function BountyPage() {
  const { bountyId = '' } = useParams();
  const { t, pick } = useI18n();
  const { can } = useSession();
  const labels = useRewardLabels();
  const loaded = useLoad(() => api<BountyDetail>(`/api/rewards/bounties/${encodeURIComponent(bountyId)}`), [bountyId]);
  const b = loaded.data?.bountyId === bountyId ? loaded.data : undefined;

  if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 400)) {
    return <Result status="404" title={pick(loaded.error.text)} extra={<Link to="/bounties">{t('rewards.bounty.backToList')}</Link>} />;
  }
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!b) return <Skeleton active paragraph={{ rows: 8 }} />;

  const items = describe([
    ['description', t('rewards.bounty.description'), <span style={{ whiteSpace: 'pre-wrap' }}>{b.description}</span>, true],
    ['max', t('rewards.bounty.maxAmount'), formatFen(b.maxAmountFen)],
    ['awarded', t('rewards.bounty.awarded'), formatFen(b.awardedFen)],
    ['remaining', t('rewards.bounty.remaining'), <span data-testid="bounty-remaining">{formatFen(b.maxAmountFen - b.awardedFen)}</span>],
    ['approval', t('rewards.bounty.approvalReference'), b.approvalReference],
    ['published', t('rewards.bounty.publishedOn'), b.publishedOn],
    ['expires', t('rewards.bounty.expiresOn'), b.expiresOn],
    ['problem', t('rewards.bounty.problem'), b.problemId && <Link to={`/problems/${b.problemId}`}>{t('rewards.bounty.openProblem')}</Link>],
    ['withdrawn', t('rewards.bounty.withdrawReason'), b.withdrawReason, true],
    [
      'awards',
      t('rewards.bounty.awards'),
      b.awards?.length ? (
        <Flex vertical gap={4} data-testid="bounty-awards">
          {b.awards.map((a) => (
            <Link key={a.rewardId} to={`/rewards/${encodeURIComponent(a.rewardId)}`}>
              {t('rewards.bounty.awardLine', { id: shortId(a.clueId), amount: formatFen(a.amountFen) })}
            </Link>
          ))}
        </Flex>
      ) : null,
      true,
    ],
  ]);
  const columns: TableColumnsType<Lead> = [
    { title: t('rewards.candidate.clue'), width: 130, render: (_, l) => <ClueLink clueId={l.clueId} /> },
    { title: t('rewards.candidate.channel'), render: (_, l) => labels.channel(l.channel) || '—' },
    { title: t('rewards.candidate.registeredAt'), width: 160, render: (_, l) => beijing(l.registeredAt) || '—' },
    { title: t('rewards.bounty.linkedAt'), width: 160, render: (_, l) => beijing(l.linkedAt) },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Flex vertical gap={16}>
          <Card
            title={
              <Space wrap size={8}>
                <Link to="/bounties">{t('rewards.bounty.listTitle')}</Link>
                <span aria-hidden>/</span>
                <Typography.Text strong>{b.title}</Typography.Text>
                <Tag color={BOUNTY_STATUS_COLOURS[b.status]} data-testid="bounty-status">
                  {labels.bountyStatus(b.status)}
                </Tag>
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
          </Card>
          {can('reward-officer') && b.status === 'open' && (
            <Card title={t('rewards.actions.title')}>
              <BountyActions bounty={b} onDone={loaded.reload} />
            </Card>
          )}
        </Flex>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('rewards.bounty.leads', { n: b.leads.length })}>
          <Table<Lead>
            rowKey="clueId"
            size="small"
            columns={columns}
            dataSource={b.leads}
            pagination={false}
            scroll={{ x: 560 }}
            locale={{ emptyText: t('rewards.bounty.noLeads') }}
          />
        </Card>
      </Col>
    </Row>
  );
}
