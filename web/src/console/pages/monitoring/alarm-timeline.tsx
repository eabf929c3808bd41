import { Card, Descriptions, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { beijing, describe } from '../problems/common';
import { MONITORING_API, TierTag, useMonitoringLabels, type MonitoringLabels } from './common';
import type { AlarmDetail, AlarmTier, Delivery, TimelineEvent, VerificationTask } from './types';

const EVENT_COLOURS: Record<string, string> = {
  AlarmOpened: 'red',
  AlarmEscalated: 'orange',
  MonitoringAlarmRaised: 'blue',
  RemoteWarningIssued: 'gold',
  SiteVerificationAssigned: 'cyan',
  SiteVerificationRecorded: 'cyan',
  SupervisionOrdered: 'purple',
  SupervisionClosed: 'green',
  AlarmCleared: 'green',
};

/** What an event says, in a line (the texts people typed are shown as they typed them). */
function eventDetail(e: TimelineEvent, labels: MonitoringLabels, t: (key: string, vars?: Record<string, string | number>) => string): string | undefined {
  const d = e.data as Record<string, string | string[] | undefined>;
  switch (e.type) {
    case 'AlarmEscalated':
      return t('monitoring.timeline.escalated', { from: labels.tier(d.from as string), to: labels.tier(d.to as string), reason: t(`monitoring.escalation.${d.reason}`) });
    case 'AlarmAcknowledged':
      return d.note as string | undefined;
    case 'AlarmCleared':
      return [t(`monitoring.cleared.${d.reason}`), d.note].filter(Boolean).join(t('problems.sep.colon'));
    case 'RemoteWarningIssued':
      return `${d.message}${t('monitoring.warn.replyDue', { at: beijing(d.replyDueAt as string) })}`;
    case 'EnterpriseExplained':
      return d.explanation as string;
    case 'SiteVerificationAssigned':
      return t('monitoring.timeline.assigned', { town: labels.town(d.townCode as string) || '—', who: (d.assigneeName as string) || '—', due: beijing(d.dueAt as string) });
    case 'SiteVerificationRecorded':
      return `${labels.result(d.result as string)}${t('problems.sep.colon')}${d.findings}`;
    case 'SupervisionOrdered':
      return t('monitoring.timeline.supervised', { department: d.department as string, requirement: d.requirement as string, due: beijing(d.dueAt as string) });
    case 'SupervisionClosed':
      return d.outcome as string;
    case 'MonitoringAlarmRaised':
      return t('monitoring.timeline.clue');
    default:
      return undefined;
  }
}

/** Every event of the alarm, oldest first, with who did it. */
export function AlarmTimeline({ alarm }: { alarm: AlarmDetail }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  return (
    <Timeline
      data-testid="alarm-timeline"
      items={alarm.timeline.map((e, i) => ({
        key: i,
        color: EVENT_COLOURS[e.type] ?? 'gray',
        content: (
          <Flex vertical gap={2} data-testid="timeline-event" data-type={e.type}>
            <Flex gap={8} wrap align="baseline">
              <Typography.Text strong>{labels.event(e.type)}</Typography.Text>
              {e.type === 'AlarmOpened' && <TierTag tier={(e.data as { tier: AlarmTier }).tier} />}
              <Typography.Text type="secondary">{beijing(e.at)}</Typography.Text>
              {e.actor?.name && <Typography.Text type="secondary">{e.actor.name}</Typography.Text>}
              {e.actor?.kind === 'service' && <Typography.Text type="secondary">{t('monitoring.timeline.system')}</Typography.Text>}
            </Flex>
            {eventDetail(e, labels, t) && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{eventDetail(e, labels, t)}</Typography.Text>}
          </Flex>
        ),
      }))}
    />
  );
}

/** The remote warning, the site verifications and the supervision, as records. */
export function AlarmRecords({ alarm: a }: { alarm: AlarmDetail }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const warning = a.warning
    ? describe([
        ['message', t('monitoring.warn.message'), a.warning.message, true],
        ['issuedAt', t('monitoring.warn.issuedAt'), beijing(a.warning.issuedAt)],
        ['replyDueAt', t('monitoring.warn.replyDueAt'), beijing(a.warning.replyDueAt)],
        ['explanation', t('monitoring.explain.explanation'), a.warning.explanation, true],
      ])
    : undefined;
  const taskItems = (x: VerificationTask) =>
    describe([
      ['town', t('monitoring.assign.town'), labels.town(x.townCode) || '—'],
      ['assignee', t('monitoring.assign.assigneeName'), x.assigneeName],
      ['dueAt', t('monitoring.tasks.dueAt'), beijing(x.dueAt)],
      [
        'result',
        t('monitoring.verify.result'),
        x.result ? (
          <Tag color={x.result === 'confirmed' ? 'red' : 'default'} data-testid="task-result" data-result={x.result}>
            {labels.result(x.result)}
          </Tag>
        ) : (
          <Tag color="processing">{t('monitoring.tasks.pending')}</Tag>
        ),
      ],
      ['recordedAt', t('monitoring.tasks.recordedAt'), beijing(x.recordedAt)],
      ['findings', t('monitoring.verify.findings'), x.findings, true],
      ['evidence', t('monitoring.verify.evidenceRefs'), x.evidenceRefs?.length ? x.evidenceRefs.map((r) => <Tag key={r} data-testid="task-evidence">{r}</Tag>) : null, true],
    ]);
  const supervision = a.supervision
    ? describe([
        ['department', t('monitoring.supervise.department'), a.supervision.department],
        ['dueAt', t('monitoring.supervise.dueAt'), beijing(a.supervision.dueAt)],
        ['requirement', t('monitoring.supervise.requirement'), a.supervision.requirement, true],
        ['outcome', t('monitoring.closeSupervision.outcome'), a.supervision.outcome, true],
        ['closedAt', t('monitoring.closeSupervision.closedAt'), beijing(a.supervision.closedAt)],
      ])
    : undefined;
  return (
    <>
      {warning && (
        <Card title={t('monitoring.warn.title')} data-testid="alarm-warning">
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={warning} />
        </Card>
      )}
      {a.tasks.length > 0 && (
        <Card title={t('monitoring.tasks.records')} data-testid="alarm-tasks">
          <Flex vertical gap={12}>
            {a.tasks.map((x) => (
              <Descriptions key={x.taskId} size="small" bordered column={{ xs: 1, md: 2 }} items={taskItems(x)} />
            ))}
          </Flex>
        </Card>
      )}
      {supervision && (
        <Card title={t('monitoring.supervise.title')} data-testid="alarm-supervision">
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={supervision} />
        </Card>
      )}
    </>
  );
}

/** 通知发送记录: shown only where the service answers (the notifications are new; without them there is no panel). */
export function AlarmDeliveries({ alarmId, version }: { alarmId: string; version: number }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const loaded = useLoad(() => api<Delivery[]>(`${MONITORING_API}/alarms/${alarmId}/deliveries`), [alarmId, version]);
  if (!Array.isArray(loaded.data)) return null;
  const colours = { sent: 'success', failed: 'error', pending: 'processing' } as const;
  return (
    <Card title={t('monitoring.deliveries.title')} data-testid="alarm-deliveries">
      <Table<Delivery>
        rowKey="deliveryId"
        size="small"
        pagination={false}
        dataSource={loaded.data}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('monitoring.deliveries.empty') }}
        columns={[
          { title: t('monitoring.deliveries.event'), width: 120, render: (_, d) => labels.event(d.eventType) },
          { title: t('monitoring.recipients.name'), width: 140, render: (_, d) => d.recipientName ?? t('monitoring.deliveries.removed') },
          { title: t('monitoring.recipients.channel'), width: 120, render: (_, d) => labels.channel(d.channel) },
          { title: t('monitoring.recipients.address'), render: (_, d) => <Typography.Text style={{ wordBreak: 'break-all' }}>{d.address}</Typography.Text> },
          { title: t('monitoring.deliveries.status'), width: 100, render: (_, d) => <Tag color={colours[d.status]}>{labels.delivery(d.status)}</Tag> },
          { title: t('monitoring.deliveries.at'), width: 140, render: (_, d) => beijing(d.sentAt ?? d.createdAt) },
          { title: t('monitoring.deliveries.error'), width: 160, render: (_, d) => d.lastError ?? '' },
        ]}
      />
    </Card>
  );
}
