import type { AgencyRef, JudicialEvent, ThresholdChecked, TransferDrafted, TransferMaterialAdded, TransferStatus } from '@qingyuan/contracts';

/** A transfer as the decider sees it: its status, its draft, its materials, and which one-off answers were given. */
export interface TransferState {
  status: TransferStatus | 'none';
  drafted?: TransferDrafted;
  materials: TransferMaterialAdded[];
  threshold?: ThresholdChecked;
  court?: AgencyRef;
  /** the types of the events so far: what has been done or answered */
  done: string[];
}

export const initialTransferState = (): TransferState => ({ status: 'none', materials: [], done: [] });

/** The status each event leaves a transfer in (events not listed leave it where it is). */
function statusAfter(event: JudicialEvent, state: TransferState): TransferStatus | undefined {
  switch (event.type) {
    case 'TransferDrafted':
      return 'drafted';
    case 'TransferSubmitted':
      return 'pending-approval';
    case 'TransferApprovalDecided':
      return event.data.approved ? 'approved' : 'not-approved';
    case 'TransferSent':
      return 'sent';
    case 'TransferReceived':
    case 'MaterialsSupplemented':
      return 'received';
    case 'MaterialsRequested':
      return 'materials-requested';
    case 'FilingDecided':
    case 'ReconsiderationDecided':
      return event.data.filed ? 'filed' : 'not-filed';
    case 'ReconsiderationRequested':
      return 'reconsideration-requested';
    case 'SupervisionProposed':
      return 'supervision-proposed';
    case 'SupervisionDecided':
      return event.data.orderedFiling ? 'filing-ordered' : 'closed';
    case 'ProsecutionReviewStarted':
      return 'prosecution-review';
    case 'ProsecutionDecided':
      return event.data.prosecuted ? 'prosecuted' : 'not-prosecuted';
    case 'JudgmentRecorded':
      return 'judged';
    case 'DetentionDecided':
      return event.data.detained ? 'detained' : 'not-detained';
    case 'TransferWithdrawn':
      return 'withdrawn';
    default:
      return state.status === 'none' ? undefined : state.status;
  }
}

export function evolveTransfer(state: TransferState, event: JudicialEvent): TransferState {
  const next: TransferState = { ...state, status: statusAfter(event, state) ?? state.status, done: state.done.includes(event.type) ? state.done : [...state.done, event.type] };
  switch (event.type) {
    case 'TransferDrafted':
      return { ...next, drafted: event.data };
    case 'TransferMaterialAdded':
      return { ...next, materials: [...state.materials, event.data] };
    case 'ThresholdChecked':
      return { ...next, threshold: event.data };
    case 'ProsecutionDecided':
      return { ...next, court: event.data.court };
    default:
      return next;
  }
}
