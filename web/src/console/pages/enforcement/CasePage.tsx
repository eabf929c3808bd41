import { Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { describe } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { formatFen } from '../rewards/money';
import { ShortId, useEnforcementLabels } from './common';
import { CaseActions, caseActions, ExemptionOutcome } from './case-actions';
import { CASE_COLOURS, type PenaltyCase } from './types';

/** 处罚案件: the facts, the minor-violation check and its outcome, the decision or transfer; an officer acts on an open case. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useEnforcementLabels();
  // the service lists cases (newest 500); a case is looked up among them
  const cases = useLoad(() => api<PenaltyCase[]>('/api/enforcement/cases'), [caseId]);
  if (cases.error !== undefined) return <LoadFailed error={cases.error} retry={cases.reload} />;
  if (!cases.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const c = cases.data.find((x) => x.caseId === caseId);
  if (!c) return <Result status="404" title={t('enforcement.case.notFound')} extra={<Link to="/enforcement/cases">{t('enforcement.cases.back')}</Link>} />;
  const replace = (next: unknown) => cases.setData((all) => all?.map((x) => (x.caseId === c.caseId ? (next as PenaltyCase) : x)));

  const facts = describe([
    ['enterprise', t('enforcement.task.enterprise'), <Link to={`/enforcement/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link>],
    ['status', t('enforcement.case.status'), <Tag color={CASE_COLOURS[c.status]} data-testid="case-status">{labels.caseStatus(c.status)}</Tag>],
    ['summary', t('enforcement.case.summary'), c.summary, true],
    ['openedOn', t('enforcement.case.openedOn'), c.openedOn],
    ['decideBy', t('enforcement.case.decideBy'), c.decideBy],
    ['task', t('enforcement.case.task'), c.taskId ? <Link to={`/enforcement/tasks/${c.taskId}`}><ShortId id={c.taskId} /></Link> : null],
    ['problem', t('enforcement.targeted.problemId'), c.problemId ? <Link to={`/problems/${c.problemId}`}><ShortId id={c.problemId} /></Link> : null],
  ]);
  const penalty = c.penalty
    ? describe([
        ['decisionNumber', t('enforcement.penalty.decisionNumber'), c.penalty.decisionNumber],
        ['fine', t('enforcement.penalty.fine'), <span data-testid="case-fine">{formatFen(c.penalty.fineFen)}</span>],
        ['decidedOn', t('enforcement.penalty.decidedOn'), c.penalty.decidedOn],
        ['legalBasis', t('enforcement.penalty.legalBasis'), c.penalty.legalBasis, true],
      ])
    : undefined;
  const actions = can('enforcement-officer') && caseActions(c).length > 0;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={actions ? 14 : 24}>
        <Flex vertical gap={16}>
          <Card title={t('enforcement.case.title', { name: c.enterpriseName })} extra={<Link to="/enforcement/cases">{t('enforcement.cases.back')}</Link>}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={facts} />
          </Card>
          <Card title={t('enforcement.exemption.title')}>
            {c.exemption ? <ExemptionOutcome exemption={c.exemption} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enforcement.exemption.notChecked')} />}
          </Card>
          {penalty && (
            <Card title={t('enforcement.penalty.title')} data-testid="case-outcome">
              <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={penalty} />
            </Card>
          )}
          {c.transfer && (
            <Card title={t('enforcement.transfer.title')} data-testid="case-transfer">
              <Descriptions size="small" bordered column={1} items={describe([['reason', t('enforcement.transfer.reason'), c.transfer.reason, true]])} />
            </Card>
          )}
        </Flex>
      </Col>
      {actions && (
        <Col xs={24} xl={10}>
          <Card title={t('enforcement.case.actions')} data-testid="case-actions">
            <CaseActions penaltyCase={c} onDone={replace} onConflict={cases.reload} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
