import { Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n';
import { beijing, useSeparators } from '../problems/common';
import { shortId, useRewardLabels } from './common';
import { formatFen } from './money';
import type { HistoryEntry } from './types';

const COLOURS: Record<string, string> = {
  RewardCaseOpened: 'blue',
  RewardEvaluated: 'blue',
  PenaltyRecorded: 'purple',
  JudicialOutcomeRecorded: 'purple',
  RewardProposed: 'blue',
  RewardApproved: 'green',
  RewardRefused: 'red',
  ReporterNotified: 'orange',
  RewardClaimed: 'orange',
  PayoutRecorded: 'green',
  RewardClosed: 'gray',
};

/** The gist of one event's data, as "label：value" lines. */
function useDescribe() {
  const { t } = useI18n();
  const sep = useSeparators();
  const labels = useRewardLabels();
  const yes = (v: unknown) => (v ? t('rewards.yes') : t('rewards.no'));
  return (e: HistoryEntry): ReactNode[] => {
    const d = e.data ?? {};
    const line = (key: string, value: ReactNode) =>
      value === '' || value === undefined || value === null ? null : (
        <span key={key}>
          {t(`rewards.history.${key}`)}
          {sep.colon}
          {value}
        </span>
      );
    const kinds = (list: unknown) => (Array.isArray(list) ? list.map((k) => labels.violation(String(k))).join(sep.list) : '');
    switch (e.type) {
      case 'RewardCaseOpened':
        return [line('violationKinds', kinds(d.violationKinds)), line('problemClosedOn', d.problemClosedOn), line('evaluateBy', d.evaluateBy)];
      case 'RewardEvaluated': {
        const excluded = Array.isArray(d.checks) ? d.checks.filter((c: { excluded?: string }) => c.excluded) : [];
        return [
          line('eligible', d.eligibleClueId ? t('rewards.clue', { id: shortId(d.eligibleClueId) }) : t('rewards.history.noneEligible')),
          line('knownBeforeReport', d.knownBeforeReport ? yes(true) : null),
          line(
            'excluded',
            excluded.map((c: { clueId: string; excluded: string }) => `${t('rewards.clue', { id: shortId(c.clueId) })} ${labels.exclusion(c.excluded)}`).join(sep.list),
          ),
          line('ruleVersion', d.ruleVersion),
          line('note', d.note),
          line('proposeBy', d.proposeBy),
        ];
      }
      case 'PenaltyRecorded':
        return [line('decisionNumber', d.decisionNumber), line('fine', formatFen(d.fineFen)), line('decidedOn', d.decidedOn)];
      case 'JudicialOutcomeRecorded':
        return [line('outcome', labels.outcome(d.outcome)), line('documentNumber', d.documentNumber), line('date', d.date)];
      case 'RewardProposed':
        return [
          line('amount', formatFen(d.amountFen)),
          line('especiallySerious', d.especiallySerious ? yes(true) : null),
          line('previouslyPaid', d.previouslyPaidFen ? formatFen(d.previouslyPaidFen) : null),
          line('note', d.note),
          line('approveBy', d.approveBy),
        ];
      case 'RewardApproved':
        return [line('level', labels.level(d.level)), line('note', d.note), line('final', d.final ? yes(true) : null), line('nextDueBy', d.nextDueBy)];
      case 'RewardRefused':
        return [line('level', d.level === 'evaluation' ? t('rewards.history.atEvaluation') : labels.level(d.level)), line('reason', d.reason)];
      case 'ReporterNotified':
        return [line('notifiedOn', d.notifiedOn), line('claimBy', d.claimBy)];
      case 'RewardClaimed':
        return [line('method', labels.method(d.method)), line('claimedOn', d.claimedOn), line('payBy', d.payBy)];
      case 'PayoutRecorded':
        return [
          line('amount', formatFen(d.amountFen)),
          line('method', labels.method(d.method)),
          line('reference', d.reference),
          line('paidOn', d.paidOn),
          line('payerDepartment', d.payerDepartment),
        ];
      case 'RewardClosed':
        return [line('closeOutcome', labels.status(d.outcome)), line('reason', d.reason)];
      default:
        return [];
    }
  };
}

/** Where the data names a staff member by user id. */
const BY = ['evaluatedBy', 'proposedBy', 'approvedBy', 'refusedBy', 'paidBy'];

/**
 * Staff names for the user ids the case shows (approvals, proposer, payer): the history names each event's actor, and
 * the event's data has the same person's id. An id never seen in the history stays as it is.
 */
export function staffNames(history: HistoryEntry[]): (id: string | undefined) => string {
  const names = new Map<string, string>();
  for (const e of history) {
    for (const key of BY) {
      const id = e.data?.[key];
      if (typeof id === 'string' && e.actor && e.actor !== id && id !== 'system') names.set(id, e.actor);
    }
  }
  return (id) => (id ? (names.get(id) ?? id) : '');
}

/** Every event of the case, as it happened (oldest first), in Beijing time. */
export function CaseHistory({ history }: { history: HistoryEntry[] }) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const describe = useDescribe();
  // the service names the actor by name, else id, else kind: the rewards service itself, or the reporter (public)
  const actor = (e: HistoryEntry) =>
    !e.actor ? '' : e.actor === 'system' || e.actor === 'rewards' ? t('rewards.history.system') : e.actor === 'public' ? t('rewards.history.public') : e.actor;
  if (history.length === 0) return <Typography.Text type="secondary">{t('rewards.history.empty')}</Typography.Text>;
  return (
    <div data-testid="reward-history">
      <Timeline
        items={history.map((e, i) => ({
          key: i,
          color: COLOURS[e.type] ?? 'gray',
          content: (
            <Flex vertical gap={2} data-testid="reward-event" data-type={e.type}>
              <span>
                <Typography.Text strong>{labels.event(e.type)}</Typography.Text>
                <Typography.Text type="secondary">
                  {actor(e) && ` · ${actor(e)}`} · {beijing(e.recordedAt)}
                </Typography.Text>
              </span>
              {describe(e)
                .filter(Boolean)
                .map((node, j) => (
                  <Typography.Text key={j} style={{ fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
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
