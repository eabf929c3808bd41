import { Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { PAGE_ROLES } from '../../App';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing, describe, useSeparators } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { TransferActions, useTransferActions } from './actions';
import { DueBadge, loadAgencies, ShortId, StatusTag, useJudicialLabels } from './common';
import { TransferConsultations } from './consultations';
import { TransferHistory } from './history';
import { MaterialsCard } from './materials';
import { ThresholdCard } from './threshold';
import { TimeLimits } from './time-limits';
import type { Agency, TransferDetail } from './types';

/**
 * 移送案件: the facts, the materials checklist, the threshold check, what the signed-in party may do now, the legal
 * time limits and the whole history; a liaison sees it only once it was sent to their agency.
 */
export default function TransferPage() {
  const { transferId = '' } = useParams();
  const { t, pick } = useI18n();
  const transfer = useLoad(() => api<TransferDetail>(`/api/judicial/transfers/${transferId}`), [transferId]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    let live = true;
    loadAgencies().then((a) => live && setAgencies(a), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  const actions = useTransferActions(transfer.data);
  if (transfer.error instanceof ApiError && (transfer.error.status === 404 || transfer.error.status === 400)) {
    return <Result status="404" title={pick(transfer.error.text)} extra={<Link to="/judicial/transfers">{t('judicial.transfers.back')}</Link>} />;
  }
  if (transfer.error !== undefined) return <LoadFailed error={transfer.error} retry={transfer.reload} />;
  const x = transfer.data;
  if (!x) return <Skeleton active paragraph={{ rows: 10 }} />;
  const update = (next: unknown) => transfer.setData(next as TransferDetail);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Flex vertical gap={16}>
          <Facts transfer={x} agencies={agencies} onReload={transfer.reload} />
          <MaterialsCard transfer={x} onDone={update} onConflict={transfer.reload} />
          {x.kind === 'criminal' && <ThresholdCard transfer={x} onDone={update} onConflict={transfer.reload} />}
          {actions.length > 0 && (
            <Card title={t('judicial.actions.title')} data-testid="transfer-actions">
              <TransferActions transfer={x} actions={actions} agencies={agencies} onDone={update} onConflict={transfer.reload} />
            </Card>
          )}
        </Flex>
      </Col>
      <Col xs={24} xl={9}>
        <Flex vertical gap={16}>
          <Card title={t('judicial.limits.title')}>
            <TimeLimits limits={x.timeLimits} />
          </Card>
          <Card title={t('judicial.history.title')}>
            <TransferHistory transfer={x} agencies={agencies} />
          </Card>
          <TransferConsultations transferId={x.transferId} />
        </Flex>
      </Col>
    </Row>
  );
}

function Facts({ transfer: x, agencies, onReload }: { transfer: TransferDetail; agencies: Agency[]; onReload(): void }) {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const sep = useSeparators();
  const { session, can } = useSession();
  const court = x.courtCode ? (agencies.find((a) => a.code === x.courtCode)?.name ?? x.courtCode) : null;
  const team = (
    <Flex gap={4} wrap>
      {x.teamIds.map((id) => (id === session?.user.userId ? <Tag key={id} color="green">{t('judicial.draft.me', { name: session.user.name })}</Tag> : <ShortId key={id} id={id} />))}
    </Flex>
  );
  const items = describe([
    ['kind', t('judicial.field.kind'), labels.kind(x.kind)],
    ['suspect', t('judicial.field.suspect'), t('judicial.field.suspectValue', { name: x.suspect.name, kind: labels.suspectKind(x.suspect.kind) })],
    ['uscc', t('judicial.field.uscc'), x.suspect.uscc],
    ['summary', t('judicial.field.summary'), <span style={{ whiteSpace: 'pre-wrap' }}>{x.summary}</span>, true],
    ['reportedCriteria', t('judicial.field.reportedCriteria'), x.reportedCriteria.join(sep.list), true],
    ['team', t('judicial.field.team'), team],
    ['police', t('judicial.field.police'), x.police.name],
    ['procuratorate', t('judicial.field.procuratorate'), x.procuratorate.name],
    ['court', t('judicial.field.court'), court],
    ['problem', t('judicial.field.problem'), x.problemId && can(...PAGE_ROLES.problems) ? <Link to={`/problems/${x.problemId}`}>{t('judicial.field.openProblem')}</Link> : null],
    ['createdAt', t('judicial.field.createdAt'), beijing(x.createdAt)],
    ['statusSince', t('judicial.field.statusSince'), beijing(x.statusSince)],
    ['nextDue', t('judicial.field.nextDue'), x.nextDue || x.overdue ? <DueBadge nextDue={x.nextDue} overdue={x.overdue} /> : null],
  ]);
  return (
    <Card
      title={
        <Space wrap size={8}>
          <Link to="/judicial/transfers">{t('judicial.transfers.title')}</Link>
          <span aria-hidden>/</span>
          <Typography.Text strong data-testid="transfer-title">
            {x.title}
          </Typography.Text>
          <StatusTag status={x.status} />
        </Space>
      }
      extra={
        <Button size="small" onClick={onReload}>
          {t('judicial.refresh')}
        </Button>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}
