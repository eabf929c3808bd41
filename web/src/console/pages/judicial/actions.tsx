import { Tabs } from 'antd';
import { useState, type ComponentType } from 'react';
import { useI18n } from '../../../shared/i18n';
import { ApprovalForm, SendForm, SupplementForm } from './actions-bureau';
import { AGENCY_FORMS } from './actions-agency';
import { TextForm, type ActionProps, type TextSpec } from './action-forms';
import { useJudicialRole } from './common';
import { BEFORE_FILING, type TransferDetail } from './types';

/** An action: its key (the API path under the transfer), who, from which statuses, for which kind, and once only. */
interface Step {
  key: string;
  who: 'officer' | 'head' | 'police' | 'procuratorate' | 'court';
  from: string[];
  only?: 'criminal' | 'detention';
  /** the event that, once in the history, closes this action (STEPS_OF once) */
  once?: string;
}

/** STEPS_OF of the service, as the console offers them (the service checks again on every call). */
const STEPS: Step[] = [
  { key: 'submission', who: 'officer', from: ['drafted'] },
  { key: 'approval', who: 'head', from: ['pending-approval'] },
  { key: 'sending', who: 'officer', from: ['approved'] },
  { key: 'receipt', who: 'police', from: ['sent'] },
  { key: 'filing', who: 'police', from: ['received', 'filing-ordered'], only: 'criminal' },
  { key: 'detention', who: 'police', from: ['received'], only: 'detention' },
  { key: 'materials-request', who: 'police', from: ['received'] },
  { key: 'review-extension', who: 'police', from: ['received'], only: 'criminal', once: 'FilingReviewExtended' },
  { key: 'supplement', who: 'officer', from: ['materials-requested'] },
  { key: 'reconsideration-request', who: 'officer', from: ['not-filed'], only: 'criminal', once: 'ReconsiderationRequested' },
  { key: 'reconsideration', who: 'police', from: ['reconsideration-requested'], only: 'criminal' },
  { key: 'supervision-proposal', who: 'officer', from: ['not-filed', 'received'], only: 'criminal', once: 'SupervisionProposed' },
  { key: 'supervision', who: 'procuratorate', from: ['supervision-proposed'], only: 'criminal' },
  { key: 'arrest', who: 'procuratorate', from: ['filed'], only: 'criminal', once: 'ArrestDecided' },
  { key: 'prosecution-review', who: 'police', from: ['filed'], only: 'criminal' },
  { key: 'prosecution', who: 'procuratorate', from: ['prosecution-review'], only: 'criminal' },
  { key: 'judgment', who: 'court', from: ['prosecuted'], only: 'criminal' },
  { key: 'withdrawal', who: 'officer', from: BEFORE_FILING },
];

const TEXTS: Record<string, TextSpec> = {
  submission: { action: 'submission', field: 'report', max: 4000, rows: 5 },
  receipt: { action: 'receipt', field: 'receiptNumber', max: 60 },
  'materials-request': { action: 'materials-request', field: 'missing', max: 2000, rows: 3 },
  'reconsideration-request': { action: 'reconsideration-request', field: 'grounds', max: 2000, rows: 3 },
  'supervision-proposal': { action: 'supervision-proposal', field: 'grounds', max: 2000, rows: 3 },
  'prosecution-review': { action: 'prosecution-review', field: 'documentNumber', max: 60 },
  withdrawal: { action: 'withdrawal', field: 'reason', max: 1000, rows: 3, danger: true },
};

const FORMS: Record<string, ComponentType<ActionProps>> = {
  approval: ApprovalForm,
  sending: SendForm,
  supplement: SupplementForm,
  ...AGENCY_FORMS,
};

/** The actions the signed-in account may take on the transfer now. */
export function useTransferActions(x: TransferDetail | undefined): string[] {
  const role = useJudicialRole();
  if (!x || x.status === 'withdrawn') return [];
  const done = new Set(x.history.map((h) => h.type));
  const mine = (who: Step['who']) => (who === 'officer' ? role.officer : who === 'head' ? role.head : role.agency === who);
  return STEPS.filter((s) => mine(s.who) && s.from.includes(x.status) && (!s.only || s.only === x.kind) && !(s.once && done.has(s.once))).map((s) => s.key);
}

/** The forms of those actions, one tab each; the first is the usual next step. */
export function TransferActions(props: ActionProps & { actions: string[] }) {
  const { t } = useI18n();
  const [active, setActive] = useState<string>();
  const key = active && props.actions.includes(active) ? active : props.actions[0];
  return (
    <Tabs
      key={props.transfer.status}
      activeKey={key}
      onChange={setActive}
      items={props.actions.map((k) => {
        const Form = FORMS[k];
        return {
          key: k,
          label: <span data-testid={`action-tab-${k}`}>{t(`judicial.action.${k}.title`)}</span>,
          children: Form ? <Form {...props} /> : <TextForm {...props} spec={TEXTS[k]} />,
        };
      })}
    />
  );
}
