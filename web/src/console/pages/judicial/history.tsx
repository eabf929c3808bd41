import { Flex, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n';
import { beijing, useSeparators } from '../problems/common';
import { useJudicialLabels } from './common';
import { STATUS_COLOURS, type Agency, type HistoryEntry, type TransferDetail } from './types';

const COLOURS: Record<string, string> = {
  TransferDrafted: 'blue',
  ThresholdChecked: 'blue',
  TransferSubmitted: 'blue',
  TransferApprovalDecided: 'green',
  TransferSent: 'green',
  TransferReceived: 'green',
  MaterialsRequested: 'orange',
  MaterialsSupplemented: 'blue',
  FilingReviewExtended: 'orange',
  FilingDecided: 'purple',
  ReconsiderationRequested: 'orange',
  ReconsiderationDecided: 'purple',
  SupervisionProposed: 'orange',
  SupervisionDecided: 'purple',
  ArrestDecided: 'red',
  ProsecutionReviewStarted: 'purple',
  ProsecutionDecided: 'red',
  JudgmentRecorded: 'red',
  DetentionDecided: 'red',
  TransferWithdrawn: 'gray',
  TransferDeadlineWarned: 'orange',
  TransferOverdue: 'red',
};

/** The decision an answer carries, by its yes/no field; its words are judicial.decision.<type>.<true|false>. */
const DECISIONS: Record<string, string> = {
  TransferApprovalDecided: 'approved',
  FilingDecided: 'filed',
  ReconsiderationDecided: 'filed',
  SupervisionDecided: 'orderedFiling',
  ArrestDecided: 'approved',
  ProsecutionDecided: 'prosecuted',
  JudgmentRecorded: 'convicted',
  DetentionDecided: 'detained',
  ThresholdChecked: 'suspected',
};

/**
 * The status an event leaves the transfer in (the service's transfer-state), for the events that move it; the others
 * leave it where it was. Worked out here because each history entry's own status is the one it found.
 */
function statusAfter(e: HistoryEntry): string | undefined {
  const d = e.data ?? {};
  const yesNo = (flag: string, yes: string, no: string) => (d[flag] ? yes : no);
  switch (e.type) {
    case 'TransferDrafted':
      return 'drafted';
    case 'TransferSubmitted':
      return 'pending-approval';
    case 'TransferApprovalDecided':
      return yesNo('approved', 'approved', 'not-approved');
    case 'TransferSent':
      return 'sent';
    case 'TransferReceived':
    case 'MaterialsSupplemented':
      return 'received';
    case 'MaterialsRequested':
      return 'materials-requested';
    case 'FilingDecided':
    case 'ReconsiderationDecided':
      return yesNo('filed', 'filed', 'not-filed');
    case 'ReconsiderationRequested':
      return 'reconsideration-requested';
    case 'SupervisionProposed':
      return 'supervision-proposed';
    case 'SupervisionDecided':
      return yesNo('orderedFiling', 'filing-ordered', 'closed');
    case 'ProsecutionReviewStarted':
      return 'prosecution-review';
    case 'ProsecutionDecided':
      return yesNo('prosecuted', 'prosecuted', 'not-prosecuted');
    case 'JudgmentRecorded':
      return 'judged';
    case 'DetentionDecided':
      return yesNo('detained', 'detained', 'not-detained');
    case 'TransferWithdrawn':
      return 'withdrawn';
    default:
      return undefined;
  }
}

/** Plain text fields shown as "label：value", in this order. */
const TEXTS = ['receiptNumber', 'documentNumber', 'date', 'days', 'sentence', 'report', 'grounds', 'missing', 'reasons', 'note'];

function useDescribe(agencies: Agency[]) {
  const { t, pick } = useI18n();
  const labels = useJudicialLabels();
  const sep = useSeparators();
  return (e: HistoryEntry): ReactNode[] => {
    const d = e.data ?? {};
    const line = (key: string, value: ReactNode) =>
      value === '' || value === undefined || value === null ? null : (
        <span key={key}>
          {t(`judicial.history.${key}`)}
          {sep.colon}
          {value}
        </span>
      );
    const out: ReactNode[] = [];
    const flag = DECISIONS[e.type];
    if (flag && typeof d[flag] === 'boolean') out.push(<Typography.Text key="decision" strong>{t(`judicial.decision.${e.type}.${String(d[flag])}`)}</Typography.Text>);
    switch (e.type) {
      case 'TransferDrafted':
        out.push(line('kind', labels.kind(d.kind)), line('suspect', d.suspect?.name), line('police', d.police?.name));
        break;
      case 'ThresholdChecked':
        out.push(
          line('tier', d.tier ? labels.tier(d.tier) : null),
          line('criteria', Array.isArray(d.criteria) ? d.criteria.map((c: { article: string; zh: string; en: string }) => `${c.article} ${pick(c)}`).join(sep.list) : null),
        );
        break;
      case 'TransferSent':
        out.push(line('police', d.police?.name), line('procuratorate', d.procuratorate?.name), line('materials', Array.isArray(d.materialIds) ? t('judicial.history.count', { n: d.materialIds.length }) : null));
        break;
      case 'MaterialsSupplemented':
        out.push(line('materials', Array.isArray(d.materialIds) ? t('judicial.history.count', { n: d.materialIds.length }) : null));
        break;
      case 'FilingReviewExtended':
        out.push(line('extension', labels.extension(d.reason)));
        break;
      case 'ProsecutionDecided':
        out.push(line('court', d.court?.name ?? (d.court?.code ? (agencies.find((a) => a.code === d.court.code)?.name ?? d.court.code) : null)));
        if (d.proposesAdministrativePenalty) out.push(<span key="penalty">{t('judicial.history.proposesPenalty')}</span>);
        break;
      case 'TransferWithdrawn':
        out.push(line('withdrawReason', d.reason));
        break;
      case 'TransferDeadlineWarned':
      case 'TransferOverdue':
        out.push(line('step', labels.step(d.step)), line('party', labels.party(d.party)), line('dueAt', beijing(d.dueAt)));
        break;
      default:
        break;
    }
    for (const key of TEXTS) {
      if (d[key] === undefined || d[key] === null || d[key] === '') continue;
      if (key === 'report' && e.type !== 'TransferSubmitted') continue;
      out.push(line(key, String(d[key])));
    }
    return out.filter(Boolean);
  };
}

/** Every step of the transfer as it happened (oldest first), in Beijing time, with the status it left. */
export function TransferHistory({ transfer, agencies }: { transfer: TransferDetail; agencies: Agency[] }) {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const describe = useDescribe(agencies);
  const moved = (e: HistoryEntry) => {
    const status = statusAfter(e);
    return status ? (
      <Tag color={STATUS_COLOURS[status]} style={{ marginInlineStart: 8 }} data-testid="history-status" data-status={status}>
        {labels.status(status)}
      </Tag>
    ) : null;
  };
  if (transfer.history.length === 0) return <Typography.Text type="secondary">{t('judicial.history.empty')}</Typography.Text>;
  return (
    <div data-testid="transfer-history">
      <Timeline
        items={transfer.history.map((e, i) => ({
          key: i,
          color: COLOURS[e.type] ?? 'gray',
          content: (
            <Flex vertical gap={2} data-testid="history-event" data-type={e.type}>
              <span>
                <Typography.Text strong>{labels.event(e.type)}</Typography.Text>
                <Typography.Text type="secondary">
                  {' · '}
                  {beijing(e.at)}
                </Typography.Text>
                {moved(e)}
              </span>
              {describe(e).map((node, j) => (
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
