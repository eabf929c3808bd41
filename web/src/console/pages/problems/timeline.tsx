import { Flex, Timeline as AntTimeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { beijing, useLabels, useSeparators, type Reference } from './common';
import type { TimelineEvent } from './types';

const COLOURS: Record<string, string> = {
  ProblemOpened: 'blue',
  ProblemAssigned: 'blue',
  ProblemSignedOff: 'blue',
  ProblemReturned: 'orange',
  RectificationReported: 'purple',
  DeadlineWarningIssued: 'orange',
  ProblemOverdue: 'red',
  ProblemSupervised: 'red',
  ProblemMarkedSuspectedCrime: 'red',
  ProblemEscalatedToCity: 'orange',
  ProblemClosed: 'green',
  JudicialProgressNoted: 'red',
};

const list = (items: unknown): string[] => (Array.isArray(items) ? items.map(String) : []);

/** A short, human account of one event's data. */
function useDescribe(reference: Reference | undefined) {
  const { t, pick } = useI18n();
  const label = useLabels();
  const sep = useSeparators();
  const join = (items: unknown) => list(items).join(sep.list);
  const departments = (codes: unknown) => list(codes).map((c) => label(reference?.departments, c)).join(sep.list);
  const code = (group: string, value: unknown) => (value ? t(`problems.${group}.${String(value)}`) : '');
  return (e: TimelineEvent): ReactNode[] => {
    const d = e.data;
    const line = (key: string, value: ReactNode) => (value === '' || value === undefined || value === null ? null : <span key={key}>
          {t(`problems.timeline.${key}`)}
          {sep.colon}
          {value}
        </span>);
    switch (e.type) {
      case 'ProblemOpened':
        return [
          line('number', d.number),
          line('channel', label(reference?.channels, d.channel)),
          line('category', label(reference?.categories, d.category)),
          d.reopenedFrom && (
            <span key="from">
              {t('problems.timeline.reopenedFrom')}
              {sep.colon}
              <Link to={`/problems/${d.reopenedFrom.problemId}`}>{code('reopenReason', d.reopenedFrom.reason)}</Link>
              {d.reopenedFrom.note ? ` ${d.reopenedFrom.note}` : ''}
            </span>
          ),
        ];
      case 'ProblemClueAttached':
      case 'ProblemClueDetached':
        return [line('clue', String(d.clueId ?? '').slice(-8))];
      case 'ProblemTriaged':
        return [
          line('category', label(reference?.categories, d.category)),
          line('severity', code('severity', d.severity)),
          (d.crossTown || d.crossDepartment) && line('crosses', [d.crossTown && t('problems.field.crossTown'), d.crossDepartment && t('problems.field.crossDepartment')].filter(Boolean).join(sep.list)),
          line('note', d.note),
        ];
      case 'ConsultationRecorded':
        return [line('kind', code('consultation', d.kind)), line('date', d.date), line('participants', join(d.participants)), line('conclusion', d.conclusion)];
      case 'ProblemAssigned':
        return [
          line('town', label(reference?.towns, d.townCode)),
          line('lead', label(reference?.departments, d.leadDepartment)),
          line('cooperating', departments(d.cooperatingDepartments)),
          line('responsible', d.responsiblePerson ? (d.responsiblePerson.phone ? t('problems.withNote', { text: d.responsiblePerson.name, note: d.responsiblePerson.phone }) : d.responsiblePerson.name) : ''),
          line('measures', d.measures),
          line('severity', code('severity', d.severity)),
          line('timeLimit', d.timeLimit?.date ? t('problems.timeLimit.date', { date: d.timeLimit.date }) : d.timeLimit?.workingDays ? t('problems.timeLimit.days', { n: d.timeLimit.workingDays }) : ''),
        ];
      case 'ProblemSignedOff':
        return [line('signedOn', d.signedOn), line('deadline', d.deadline)];
      case 'ProblemReturned':
        return [line('reason', d.reason)];
      case 'ProgressReported':
        return [line('summary', d.summary), line('attachments', join(d.attachments))];
      case 'ExtensionRequested':
        return [line('requestedDeadline', d.requestedDeadline), line('reason', d.reason)];
      case 'ExtensionDecided':
        return [line('decision', d.approved ? t('problems.timeline.approved') : t('problems.timeline.refused')), line('deadline', d.deadline), line('note', d.note)];
      case 'RectificationReported':
        return [line('summary', d.summary), line('evidence', join(d.evidence))];
      case 'RectificationVerified':
        return [line('result', d.passed ? t('problems.timeline.passed') : t('problems.timeline.failed')), line('opinion', d.opinion)];
      case 'DeadlineWarningIssued':
        return [line('deadline', d.deadline), line('daysLeft', d.workingDaysLeft)];
      case 'ProblemOverdue':
        return [line('deadline', d.deadline)];
      case 'ProblemSupervised':
        return [line('level', code('supervision', d.level)), line('note', d.note)];
      case 'ProblemEscalatedToCity':
        return [line('reason', d.reason)];
      case 'JointActionRecorded':
        return [line('kind', code('joint', d.kind)), line('departments', departments(d.departments)), line('date', d.date), line('summary', d.summary)];
      case 'ProblemMarkedSuspectedCrime':
        return [line('basis', d.basis), line('criteria', join(d.criteria))];
      case 'ProblemRecurred':
        return [
          line('reopenReason', code('reopenReason', d.reason)),
          line('note', d.note),
          d.newProblemId && (
            <Link key="new" to={`/problems/${d.newProblemId}`}>
              {t('problems.timeline.newProblem')}
            </Link>
          ),
        ];
      case 'JudicialProgressNoted': {
        // The bridge's note names the step (and usually the document); the title names the transfer's new status.
        const note = pick(d.note);
        return [
          line('judicialNote', note),
          line('transferKind', code('transferKind', d.kind)),
          d.documentNumber && !note.includes(String(d.documentNumber)) && line('documentNumber', d.documentNumber),
        ];
      }
      case 'ProblemClosed':
        return [
          line('closedOn', d.closedOn),
          line('onTime', d.onTime ? t('problems.yes') : t('problems.no')),
          line('handlingDays', d.handlingWorkingDays),
        ];
      default:
        return [];
    }
  };
}

/** The problem's history: Beijing time, what happened, who, and the gist of it; newest last (as it happened). */
export function ProblemTimeline({ events, reference }: { events: TimelineEvent[]; reference?: Reference }) {
  const { t, pick } = useI18n();
  const describe = useDescribe(reference);
  const actor = (e: TimelineEvent) =>
    e.actor.kind === 'system' ? t('problems.timeline.system') : e.actor.kind === 'public' ? t('problems.timeline.public') : e.actor.name || t('problems.timeline.staff');
  return (
    <div data-testid="timeline">
    <AntTimeline
      items={events.map((e) => ({
        key: e.version,
        color: COLOURS[e.type] ?? 'gray',
        content: (
          <Flex vertical gap={2} data-testid="timeline-event" data-type={e.type}>
            <span>
              <Typography.Text strong>{pick(e)}</Typography.Text>
              <Typography.Text type="secondary"> · {actor(e)} · {beijing(e.recordedAt)}</Typography.Text>
            </span>
            {describe(e)
              .filter(Boolean)
              .map((node, i) => (
                <Typography.Text key={i} style={{ fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {node}
                </Typography.Text>
              ))}
          </Flex>
        ),
      }))}
    />
    </div>
  );
}
