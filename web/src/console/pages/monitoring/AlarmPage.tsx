import { Card, Col, Flex, Result, Row, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { LoadFailed } from '../rewards/common';
import { AlarmActions, allowedActions } from './alarm-actions';
import { AlarmEvidence, AlarmFacts, AlarmSteps } from './alarm-facts';
import { AlarmDeliveries, AlarmRecords, AlarmTimeline } from './alarm-timeline';
import { MONITORING_API, TierTag } from './common';
import type { AlarmDetail } from './types';

/** 预警详情: the stage as steps, the evidence, what may be done now, the records and every event. */
export default function AlarmPage() {
  const { alarmId = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const loaded = useLoad(() => api<AlarmDetail>(`${MONITORING_API}/alarms/${encodeURIComponent(alarmId)}`), [alarmId]);
  const back = <Link to="/monitoring/alarms">{t('monitoring.alarms.back')}</Link>;
  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <Result status="404" title={t('monitoring.alarm.notFound')} extra={back} />;
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const a = loaded.data;
  const actions = allowedActions(a, can);
  return (
    <Flex vertical gap={16} data-testid="alarm-page" data-alarm-id={a.alarmId} data-stage={a.stage}>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <TierTag tier={a.tier} />
            <span>{t('monitoring.alarm.title', { name: a.enterpriseName })}</span>
          </Flex>
        }
        extra={back}
      >
        <AlarmSteps alarm={a} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('monitoring.alarm.facts')}>
              <AlarmFacts alarm={a} />
            </Card>
            <Card title={t('monitoring.evidence.title')}>
              <AlarmEvidence alarm={a} />
            </Card>
            <AlarmRecords alarm={a} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            {actions.length > 0 && (
              <Card title={t('monitoring.alarm.actions')} data-testid="alarm-actions">
                <AlarmActions alarm={a} actions={actions} onDone={loaded.reload} onConflict={loaded.reload} />
              </Card>
            )}
            <Card title={t('monitoring.timeline.title')}>
              <AlarmTimeline alarm={a} />
            </Card>
          </Flex>
        </Col>
      </Row>
      <AlarmDeliveries alarmId={a.alarmId} version={a.version} />
    </Flex>
  );
}
