import {
  MATERIAL_KINDS,
  TRANSFER_STATUSES,
  type AgencyRef,
  type JudicialEvent,
  type JudicialOutcome,
  type ThresholdChecked,
  type TransferDrafted,
  type TransferKind,
  type TransferMaterialAdded,
  type TransferStatus,
} from '@qingyuan/contracts';
import { DomainError, type Decider } from '@qingyuan/domain';
import type { Party } from './time-limits';
import { evolveTransfer, initialTransferState, type TransferState } from './transfer-state';

type WithReasons = { documentNumber: string; reasons?: string };

/** What each party may do to a transfer; `by` is the party acting (the service works it out from the account). */
export type TransferCommand = { by: Party } & (
  | { kind: 'draft'; drafted: TransferDrafted }
  | { kind: 'add-material'; material: Omit<TransferMaterialAdded, 'transferId'> }
  | { kind: 'check-threshold'; check: Omit<ThresholdChecked, 'transferId'> }
  | { kind: 'submit'; report: string }
  | { kind: 'decide-approval'; approved: boolean; reasons?: string }
  | { kind: 'send'; requiredMaterials: string[] }
  | { kind: 'receive'; receiptNumber: string }
  | { kind: 'request-materials'; missing: string }
  | { kind: 'supplement'; materialIds: string[]; note?: string }
  | { kind: 'extend-review'; reason: 'verification' | 'major' }
  | ({ kind: 'decide-filing'; filed: boolean } & WithReasons)
  | { kind: 'request-reconsideration'; grounds: string }
  | ({ kind: 'decide-reconsideration'; filed: boolean } & WithReasons)
  | { kind: 'propose-supervision'; grounds: string }
  | ({ kind: 'decide-supervision'; orderedFiling: boolean } & WithReasons)
  | { kind: 'decide-arrest'; approved: boolean; documentNumber: string; date: string }
  | { kind: 'start-prosecution-review'; documentNumber: string }
  | ({ kind: 'decide-prosecution'; prosecuted: boolean; date: string; court?: AgencyRef; proposesAdministrativePenalty?: boolean } & WithReasons)
  | { kind: 'record-judgment'; convicted: boolean; documentNumber: string; date: string; sentence?: string }
  | ({ kind: 'decide-detention'; detained: boolean; date: string; days?: number } & WithReasons)
  | { kind: 'withdraw'; reason: string }
);
export type TransferCommandKind = TransferCommand['kind'];

const BEFORE_FILING: TransferStatus[] = ['drafted', 'pending-approval', 'approved', 'sent', 'received', 'materials-requested', 'not-filed', 'reconsideration-requested', 'supervision-proposed'];

/**
 * Who may do what, from which statuses, for which kind of transfer, and the event that records it. `once`: never
 * twice; `repeatable`: done again at will while its statuses allow (so doing it earlier is no "already answered").
 */
export const STEPS_OF: Record<Exclude<TransferCommandKind, 'draft'>, { party: Party; from: TransferStatus[]; only?: TransferKind; event: JudicialEvent['type']; once?: boolean; repeatable?: boolean }> = {
  'add-material': { party: 'bureau', from: ['drafted', 'pending-approval', 'approved', 'materials-requested'], event: 'TransferMaterialAdded', repeatable: true },
  'check-threshold': { party: 'bureau', from: ['drafted', 'pending-approval'], only: 'criminal', event: 'ThresholdChecked', repeatable: true },
  submit: { party: 'bureau', from: ['drafted'], event: 'TransferSubmitted' },
  'decide-approval': { party: 'bureau', from: ['pending-approval'], event: 'TransferApprovalDecided' },
  send: { party: 'bureau', from: ['approved'], event: 'TransferSent' },
  receive: { party: 'police', from: ['sent'], event: 'TransferReceived' },
  'request-materials': { party: 'police', from: ['received'], event: 'MaterialsRequested', repeatable: true },
  supplement: { party: 'bureau', from: ['materials-requested'], event: 'MaterialsSupplemented', repeatable: true },
  'extend-review': { party: 'police', from: ['received'], only: 'criminal', event: 'FilingReviewExtended', once: true },
  'decide-filing': { party: 'police', from: ['received', 'filing-ordered'], only: 'criminal', event: 'FilingDecided' },
  'request-reconsideration': { party: 'bureau', from: ['not-filed'], only: 'criminal', event: 'ReconsiderationRequested', once: true },
  'decide-reconsideration': { party: 'police', from: ['reconsideration-requested'], only: 'criminal', event: 'ReconsiderationDecided' },
  // the bureau may also go to the procuratorate directly, e.g. when the police let the filing period pass, and again
  // when the police refuse to file after the procuratorate ordered it
  'propose-supervision': { party: 'bureau', from: ['not-filed', 'received'], only: 'criminal', event: 'SupervisionProposed' },
  'decide-supervision': { party: 'procuratorate', from: ['supervision-proposed'], only: 'criminal', event: 'SupervisionDecided' },
  'decide-arrest': { party: 'procuratorate', from: ['filed'], only: 'criminal', event: 'ArrestDecided', once: true },
  'start-prosecution-review': { party: 'police', from: ['filed'], only: 'criminal', event: 'ProsecutionReviewStarted' },
  'decide-prosecution': { party: 'procuratorate', from: ['prosecution-review'], only: 'criminal', event: 'ProsecutionDecided' },
  'record-judgment': { party: 'court', from: ['prosecuted'], only: 'criminal', event: 'JudgmentRecorded' },
  'decide-detention': { party: 'police', from: ['received'], only: 'detention', event: 'DetentionDecided' },
  withdraw: { party: 'bureau', from: BEFORE_FILING, event: 'TransferWithdrawn' },
};

const refuse = (code: string, zh: string, en: string, kind: 'invalid' | 'conflict' | 'not-found' | 'forbidden' = 'conflict') => new DomainError(code, zh, en, kind);
const PARTY_NAMES: Record<Party, string> = { bureau: '生态环境部门', police: '公安机关', procuratorate: '检察机关', court: '审判机关' };

function requireReasons(negative: boolean, reasons: string | undefined, zh: string): void {
  if (negative && !reasons?.trim()) throw refuse('REASONS_REQUIRED', `${zh}须写明理由`, 'A negative decision must give its reasons', 'invalid');
}

/** The checks every command passes before its own: the transfer exists, is live, is at this step, and it is this party's turn. */
function admit(command: Exclude<TransferCommand, { kind: 'draft' }>, state: TransferState): TransferDrafted {
  if (state.status === 'none') throw refuse('TRANSFER_NOT_FOUND', '移送案件不存在', 'No such transfer', 'not-found');
  if (state.status === 'withdrawn') throw refuse('TRANSFER_WITHDRAWN', '该移送已撤回，不能再办理', 'The transfer was withdrawn; nothing more can be done on it');
  const step = STEPS_OF[command.kind];
  const drafted = state.drafted!;
  if (command.by !== step.party) {
    throw refuse('NOT_YOUR_STEP', `此环节应由${PARTY_NAMES[step.party]}办理`, `This step is for the ${step.party}`, 'forbidden');
  }
  if (step.only && step.only !== drafted.kind) {
    throw refuse('WRONG_TRANSFER_KIND', step.only === 'detention' ? '此环节只适用于行政拘留移送' : '此环节只适用于涉嫌犯罪移送', `This step is for ${step.only} transfers only`);
  }
  if (step.once && state.done.includes(step.event)) throw refuse('ALREADY_ANSWERED', '该事项已办理，不能重复', 'This has already been done; it cannot be repeated');
  if (!step.from.includes(state.status)) {
    if (!step.repeatable && state.done.includes(step.event)) throw refuse('ALREADY_ANSWERED', '该事项已答复，不能重复答复', 'This has already been answered; it cannot be answered twice');
    const now = TRANSFER_STATUSES[state.status];
    throw refuse('TRANSFER_WRONG_STATUS', `当前状态（${now.zh}）下不能办理此事项`, `Not possible while the transfer is ${now.en.toLowerCase()}`);
  }
  return drafted;
}

/** The answer, as its event (the decider adds the feedback events after it). */
function answer(command: Exclude<TransferCommand, { kind: 'draft' }>, state: TransferState, transferId: string): JudicialEvent {
  const { by: _by, kind: _kind, ...rest } = command as Record<string, unknown>;
  switch (command.kind) {
    case 'add-material':
      return { type: 'TransferMaterialAdded', data: { transferId, ...command.material } };
    case 'check-threshold':
      return { type: 'ThresholdChecked', data: { transferId, ...command.check } };
    case 'decide-approval':
      requireReasons(!command.approved, command.reasons, '不予移送');
      break;
    case 'send': {
      const have = new Set(state.materials.map((m) => m.materialKind));
      const missing = command.requiredMaterials.filter((k) => !have.has(k));
      if (missing.length) {
        const names = (lang: 'zh' | 'en') => missing.map((k) => MATERIAL_KINDS[k as keyof typeof MATERIAL_KINDS]?.[lang] ?? k);
        throw refuse('MATERIALS_INCOMPLETE', `移送材料不全，缺少：${names('zh').join('、')}`, `Materials are missing: ${names('en').join(', ')}`, 'invalid');
      }
      const d = state.drafted!;
      return { type: 'TransferSent', data: { transferId, police: d.police, procuratorate: d.procuratorate, materialIds: state.materials.map((m) => m.materialId) } };
    }
    case 'supplement': {
      const known = new Set(state.materials.map((m) => m.materialId));
      if (!command.materialIds.length || command.materialIds.some((id) => !known.has(id))) {
        throw refuse('MATERIAL_UNKNOWN', '请先添加补充的材料，再列出其编号', 'Add the supplementary materials first, then list them', 'invalid');
      }
      break;
    }
    case 'decide-filing':
    case 'decide-reconsideration':
      requireReasons(!command.filed, command.reasons, '不予立案');
      break;
    case 'decide-supervision':
      requireReasons(!command.orderedFiling, command.reasons, '不予监督立案');
      break;
    case 'decide-prosecution':
      requireReasons(!command.prosecuted, command.reasons, '不起诉');
      if (command.prosecuted && !command.court) throw refuse('COURT_REQUIRED', '提起公诉须写明审判机关', 'A prosecution names the court', 'invalid');
      break;
    case 'decide-detention':
      requireReasons(!command.detained, command.reasons, '不予行政拘留');
      break;
  }
  return { type: STEPS_OF[command.kind].event, data: { transferId, ...rest } } as JudicialEvent;
}

const OUTCOMES: Partial<Record<JudicialEvent['type'], (e: JudicialEvent) => JudicialOutcome | undefined>> = {
  ArrestDecided: (e) => ((e.data as { approved: boolean }).approved ? 'arrest' : undefined),
  DetentionDecided: (e) => ((e.data as { detained: boolean }).detained ? 'detention' : undefined),
  JudgmentRecorded: (e) => ((e.data as { convicted: boolean }).convicted ? 'conviction' : undefined),
};

/** The answer plus the feedback: the new status for cases and enforcement, an outcome for rewards. */
function withFeedback(event: JudicialEvent, before: TransferState): JudicialEvent[] {
  const after = evolveTransfer(before, event);
  const d = after.drafted!;
  const events: JudicialEvent[] = [event];
  const documentNumber = (event.data as { documentNumber?: string }).documentNumber;
  const outcome = OUTCOMES[event.type]?.(event);
  if (after.status !== before.status && after.status !== 'none') {
    const label = TRANSFER_STATUSES[after.status];
    events.push({
      type: 'TransferProgressed',
      data: {
        transferId: d.transferId,
        kind: d.kind,
        status: after.status,
        ...(d.problemId ? { problemId: d.problemId } : {}),
        ...(d.enterpriseId ? { enterpriseId: d.enterpriseId } : {}),
        ...(d.enforcementCaseId ? { enforcementCaseId: d.enforcementCaseId } : {}),
        ...(documentNumber ? { documentNumber } : {}),
        ...(outcome ? { outcome } : {}),
        note: { zh: `行刑衔接：${label.zh}${documentNumber ? `（${documentNumber}）` : ''}`, en: `Transfer: ${label.en}${documentNumber ? ` (${documentNumber})` : ''}` },
      },
    });
  }
  if (outcome && d.problemId) {
    const { documentNumber: number, date } = event.data as { documentNumber: string; date: string };
    events.push({ type: 'SuspectOutcomeRecorded', data: { problemId: d.problemId, outcome, documentNumber: number, date } });
  }
  return events;
}

export const transferDecider: Decider<TransferState, TransferCommand, JudicialEvent> = {
  initialState: initialTransferState,
  evolve: evolveTransfer,
  decide(command, state) {
    if (command.kind === 'draft') {
      if (state.status !== 'none') return [];
      if (command.by !== 'bureau') throw refuse('NOT_YOUR_STEP', '移送由生态环境部门起草', 'Transfers are drafted by the bureau', 'forbidden');
      // 2020 规定 art. 5: a team of at least two officers
      if (new Set(command.drafted.teamIds).size < 2) throw refuse('TEAM_TOO_SMALL', '移送须由两名以上执法人员组成专案组', 'A transfer needs a team of at least two officers', 'invalid');
      return withFeedback({ type: 'TransferDrafted', data: command.drafted }, state);
    }
    admit(command, state);
    return withFeedback(answer(command, state, state.drafted!.transferId), state);
  },
};
