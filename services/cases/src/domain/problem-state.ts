import type { CasesEvent, ResponsiblePerson, Severity, SupervisionLevel, TimeLimit, TransferStatus } from '@qingyuan/contracts';

/**
 * A problem (问题) from opening to close-out (销号):
 * open → assigned (交办) → rectifying (签收; the clock runs) → verifying (整改上报) → closed (核查通过);
 * an assigned problem can be returned (退回) to the bureau, a failed verification goes back to rectifying.
 */
export type ProblemStatus = 'none' | 'open' | 'assigned' | 'returned' | 'rectifying' | 'verifying' | 'closed';

export interface ProblemState {
  status: ProblemStatus;
  problemId?: string;
  number?: string;
  category?: string;
  townCode?: string;
  clueIds: string[];
  openedOn?: string;
  severity?: Severity;
  crossTown: boolean;
  crossDepartment: boolean;
  leadDepartment?: string;
  cooperatingDepartments: string[];
  responsiblePerson?: ResponsiblePerson;
  timeLimit?: TimeLimit;
  deadline?: string;
  /** the deadline an extension request asks for, while it waits for a decision */
  requestedDeadline?: string;
  /** who reported the rectification: they may not verify it (谁整改不验收) */
  rectifiedBy?: string;
  evidenceCount: number;
  warnedFor?: string;
  overdueFor?: string;
  supervision?: SupervisionLevel;
  escalatedToCity: boolean;
  suspectedCrime: boolean;
  recurredAs?: string;
  /** the judicial bridge's steps noted so far, in order, as `transferId status` */
  judicialNoted: string[];
  /** the latest transfer status noted (行刑衔接) */
  judicialStatus?: TransferStatus;
}

/** One noted step of a transfer: the same transfer and status is noted once. */
export const judicialKey = (transferId: string, status: string): string => `${transferId} ${status}`;

export const initialProblemState = (): ProblemState => ({
  status: 'none',
  clueIds: [],
  crossTown: false,
  crossDepartment: false,
  cooperatingDepartments: [],
  evidenceCount: 0,
  escalatedToCity: false,
  suspectedCrime: false,
  judicialNoted: [],
});

export function evolveProblem(state: ProblemState, event: CasesEvent): ProblemState {
  switch (event.type) {
    case 'ProblemOpened': {
      const d = event.data;
      return { ...state, status: 'open', problemId: d.problemId, number: d.number, category: d.category, townCode: d.location.townCode, clueIds: d.clueIds, openedOn: d.openedOn };
    }
    case 'ProblemClueAttached':
      return { ...state, clueIds: [...state.clueIds, event.data.clueId] };
    case 'ProblemClueDetached':
      return { ...state, clueIds: state.clueIds.filter((id) => id !== event.data.clueId) };
    case 'ProblemTriaged': {
      const d = event.data;
      return { ...state, category: d.category, severity: d.severity, crossTown: d.crossTown, crossDepartment: d.crossDepartment };
    }
    case 'ProblemAssigned': {
      const d = event.data;
      return {
        ...state,
        status: 'assigned',
        townCode: d.townCode,
        leadDepartment: d.leadDepartment,
        cooperatingDepartments: d.cooperatingDepartments,
        responsiblePerson: d.responsiblePerson,
        severity: d.severity,
        timeLimit: d.timeLimit,
      };
    }
    case 'ProblemSignedOff':
      return { ...state, status: 'rectifying', deadline: event.data.deadline };
    case 'ProblemReturned':
      return { ...state, status: 'returned' };
    case 'ExtensionRequested':
      return { ...state, requestedDeadline: event.data.requestedDeadline };
    case 'ExtensionDecided': {
      const moved = event.data.deadline !== state.deadline;
      return {
        ...state,
              deadline: event.data.deadline,
        warnedFor: moved ? undefined : state.warnedFor,
        overdueFor: moved ? undefined : state.overdueFor,
      };
    }
    case 'RectificationReported':
      return { ...state, status: 'verifying', rectifiedBy: event.data.reportedBy, evidenceCount: event.data.evidence.length };
    case 'RectificationVerified':
      return event.data.passed ? state : { ...state, status: 'rectifying' };
    case 'DeadlineWarningIssued':
      return { ...state, warnedFor: event.data.deadline };
    case 'ProblemOverdue':
      return { ...state, overdueFor: event.data.deadline };
    case 'ProblemSupervised':
      return { ...state, supervision: event.data.level };
    case 'ProblemEscalatedToCity':
      return { ...state, escalatedToCity: true };
    case 'ProblemMarkedSuspectedCrime':
      return { ...state, suspectedCrime: true };
    case 'ProblemRecurred':
      return { ...state, recurredAs: event.data.newProblemId };
    case 'ProblemClosed':
      return { ...state, status: 'closed' };
    case 'JudicialProgressNoted':
      return {
        ...state,
        judicialNoted: [...state.judicialNoted, judicialKey(event.data.transferId, event.data.status)],
        judicialStatus: event.data.status,
      };
    case 'ConsultationRecorded':
    case 'ProgressReported':
    case 'JointActionRecorded':
      return state;
  }
}
