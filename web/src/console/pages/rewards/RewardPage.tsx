import { Button, Card, Col, Flex, Result, Row, Skeleton } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useErrorMessage } from '../problems/common';
import { CaseActions } from './case-actions';
import { Candidates, CaseFacts } from './case-facts';
import { CaseHistory } from './case-history';
import { BasisCard, ProposalCard } from './case-money';
import { IdentityPanel } from './identity-panel';
import type { RewardCase } from './types';

/** One reward case: its facts, what the signed-in user may do now, the reporters (facts only), the money, the history. */
export default function RewardPage() {
  const { rewardId = '' } = useParams();
  const { t, pick } = useI18n();
  const { can } = useSession();
  const report = useErrorMessage();
  const [rewardCase, setRewardCase] = useState<RewardCase>();
  const [missing, setMissing] = useState<ApiError>();
  const [identityRequestId, setIdentityRequestId] = useState<string>();
  const current = useRef(rewardId);
  current.current = rewardId;

  const load = useCallback(async () => {
    const id = rewardId;
    try {
      const found = await api<RewardCase>(`/api/rewards/cases/${encodeURIComponent(id)}`);
      if (current.current !== id) return;
      setRewardCase(found);
      setMissing(undefined);
    } catch (error) {
      if (current.current !== id) return;
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setMissing(error);
      else report(error);
    }
  }, [rewardId, report]);

  useEffect(() => {
    setRewardCase(undefined);
    setIdentityRequestId(undefined);
    void load();
  }, [load]);

  if (missing) {
    return <Result status="404" title={pick(missing.text)} extra={<Link to="/rewards">{t('rewards.backToList')}</Link>} />;
  }
  if (!rewardCase) return <Skeleton active paragraph={{ rows: 8 }} />;

  const reload = () => void load();
  const identity = can('finance') && ['notified', 'claimed', 'paid'].includes(rewardCase.status);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Flex vertical gap={16}>
          <CaseFacts rewardCase={rewardCase} />
          <Card title={t('rewards.actions.title')} data-testid="reward-actions">
            <CaseActions rewardCase={rewardCase} identityRequestId={identityRequestId} onDone={reload} onConflict={reload} />
          </Card>
          {identity && <IdentityPanel rewardCase={rewardCase} onUsable={setIdentityRequestId} />}
          <Candidates candidates={rewardCase.candidates} />
          {rewardCase.kind === 'problem' && <BasisCard rewardCase={rewardCase} />}
          <ProposalCard rewardCase={rewardCase} />
        </Flex>
      </Col>
      <Col xs={24} xl={9}>
        <Card
          title={t('rewards.history.title')}
          extra={
            <Button size="small" onClick={reload} data-testid="reward-refresh">
              {t('rewards.refresh')}
            </Button>
          }
        >
          <CaseHistory history={rewardCase.history} />
        </Card>
      </Col>
    </Row>
  );
}
