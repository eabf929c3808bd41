import { Descriptions, Flex, Steps, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { beijing, describe } from '../problems/common';
import { StageTag, TierTag, stageIndex, useMonitoringLabels, withUnit } from './common';
import { STAGES, type AlarmDetail, type AlarmStage } from './types';

/** Which event brings an alarm into each stage (its time is shown under the step). */
const STAGE_EVENTS: Record<AlarmStage, string[]> = {
  alarm: ['AlarmOpened'],
  warned: ['RemoteWarningIssued'],
  verifying: ['SiteVerificationAssigned'],
  verified: ['SiteVerificationRecorded'],
  supervised: ['SupervisionOrdered'],
  closed: ['SupervisionClosed', 'AlarmCleared'],
};

/** 预警 → 远程预警 → 现场核查 → 核查结果 → 重点督办 → 办结, with the time each step was reached. */
export function AlarmSteps({ alarm: a }: { alarm: AlarmDetail }) {
  const labels = useMonitoringLabels();
  const current = stageIndex(a.stage);
  const reachedAt = (stage: AlarmStage) => [...a.timeline].reverse().find((e) => STAGE_EVENTS[stage].includes(e.type))?.at;
  return (
    <Steps
      size="small"
      current={current}
      status={a.stage === 'closed' ? 'finish' : 'process'}
      responsive
      data-testid="alarm-steps"
      data-stage={a.stage}
      items={STAGES.map((stage, i) => {
        const at = reachedAt(stage);
        return {
          title: <span data-testid={`step-${stage}`}>{labels.stage(stage)}</span>,
          content: at && i <= current ? beijing(at) : undefined,
        };
      })}
    />
  );
}

/** What the alarm is about: the enterprise, the device, the kind and tier, its stage and times. */
export function AlarmFacts({ alarm: a }: { alarm: AlarmDetail }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const items = describe([
    ['enterprise', t('monitoring.alarm.enterprise'), a.enterpriseName],
    ['mn', t('monitoring.device.mn'), <Link to={`/monitoring/devices/${a.mn}`} data-testid="alarm-device-link">{a.mn}</Link>],
    ['tier', t('monitoring.alarm.tier'), <TierTag tier={a.tier} />],
    ['kind', t('monitoring.alarm.kind'), labels.kind(a.kind)],
    ['stage', t('monitoring.alarm.stage'), <StageTag stage={a.stage} />],
    ['status', t('monitoring.alarm.status'), <Tag color={a.status === 'open' ? 'error' : 'default'} data-testid="alarm-status">{labels.status(a.status)}</Tag>],
    ['town', t('monitoring.alarm.town'), labels.town(a.townCode)],
    ['since', t('monitoring.alarm.since'), beijing(a.since)],
    ['openedAt', t('monitoring.alarm.openedAt'), beijing(a.openedAt)],
    ['acknowledgedAt', t('monitoring.alarm.acknowledgedAt'), beijing(a.acknowledgedAt)],
    ['clearedAt', t('monitoring.alarm.clearedAt'), beijing(a.clearedAt)],
    ['clue', t('monitoring.alarm.clue'), a.clueRaised ? <Tag color="geekblue">{t('monitoring.alarm.clueRaised')}</Tag> : t('monitoring.alarm.noClue')],
    ['rules', t('monitoring.alarm.rulesVersion'), t('monitoring.versionN', { n: a.rulesVersion })],
    ['summary', t('monitoring.alarm.summary'), <span data-testid="alarm-summary">{a.summary}</span>, true],
  ]);
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} />;
}

/** 证据: the values that decided it, the limit, the multiple, and when the frame arrived. */
export function AlarmEvidence({ alarm: a }: { alarm: AlarmDetail }) {
  const { t } = useI18n();
  const e = a.evidence ?? { values: [] };
  const factor = e.factorName ? `${e.factorName}${e.factor ? `（${e.factor}）` : ''}` : (e.factor ?? a.factor);
  const items = describe([
    ['factor', t('monitoring.evidence.factor'), factor],
    ['limit', t('monitoring.evidence.limit'), e.limit !== undefined ? <span data-testid="evidence-limit">{withUnit(e.limit, e.unit)}</span> : null],
    [
      'multiple',
      t('monitoring.evidence.multiple'),
      e.multiple !== undefined ? (
        <Typography.Text strong type="danger" data-testid="evidence-multiple">
          {t('monitoring.evidence.times', { n: Math.round(e.multiple * 100) / 100 })}
        </Typography.Text>
      ) : null,
    ],
    ['received', t('monitoring.evidence.frameReceivedAt'), beijing(e.frameReceivedAt)],
    ['note', t('monitoring.evidence.note'), e.note, true],
  ]);
  return (
    <Flex vertical gap={12} data-testid="alarm-evidence">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} />
      {e.values.length > 0 && (
        <Table
          rowKey={(v) => `${v.dataTime}-${v.value}`}
          size="small"
          pagination={e.values.length > 10 ? { pageSize: 10, size: 'small' } : false}
          dataSource={e.values}
          data-testid="evidence-values"
          columns={[
            { title: t('monitoring.evidence.dataTime'), render: (_, v) => beijing(v.dataTime) },
            {
              title: t('monitoring.evidence.value'),
              align: 'right',
              render: (_, v) => (
                <Typography.Text type={e.limit !== undefined && v.value !== undefined && v.value > e.limit ? 'danger' : undefined} data-testid="evidence-value">
                  {withUnit(v.value, e.unit)}
                </Typography.Text>
              ),
            },
            { title: t('monitoring.evidence.flag'), width: 90, render: (_, v) => (v.flag ? <Tag>{v.flag}</Tag> : '—') },
          ]}
        />
      )}
    </Flex>
  );
}
