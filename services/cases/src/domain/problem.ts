import type {
  Category,
  Channel,
  Location,
  ProblemAssigned,
  ProblemClosed,
  ProblemClueAttached,
  ProblemClueDetached,
  ProblemOpened,
  RectificationReported,
  RectificationVerified,
  ResponsiblePerson,
} from '@qingyuan/contracts';
import { DomainError, type Decider } from '@qingyuan/domain';

/** A problem (问题): what the bureau acts on, from opening to close-out (销号). */
export type ProblemStatus = 'none' | 'open' | 'assigned' | 'rectification-reported' | 'closed';

export interface ProblemState {
  status: ProblemStatus;
  problemId?: string;
  clueIds: string[];
  category?: Category;
  townCode?: string;
  leadDepartment?: string;
  deadline?: string;
  /** who reported the rectification: they may not verify it (谁整改不验收) */
  rectifiedBy?: string;
  evidenceCount: number;
}

export type ProblemEvent =
  | { type: 'ProblemOpened'; data: ProblemOpened }
  | { type: 'ProblemClueAttached'; data: ProblemClueAttached }
  | { type: 'ProblemClueDetached'; data: ProblemClueDetached }
  | { type: 'ProblemAssigned'; data: ProblemAssigned }
  | { type: 'RectificationReported'; data: RectificationReported }
  | { type: 'RectificationVerified'; data: RectificationVerified }
  | { type: 'ProblemClosed'; data: ProblemClosed };

export type ProblemCommand =
  | {
      kind: 'open';
      problemId: string;
      clueIds: string[];
      channel: Channel;
      category: Category;
      description: string;
      location: Location;
      observedAt?: string;
    }
  | { kind: 'attach-clue'; clueId: string }
  | { kind: 'detach-clue'; clueId: string }
  | {
      kind: 'assign';
      townCode: string;
      leadDepartment: string;
      responsiblePerson: ResponsiblePerson;
      measures: string;
      requirements?: string;
      deadline: string;
      /** today in Asia/Shanghai (YYYY-MM-DD): a deadline cannot lie in the past */
      today: string;
    }
  | { kind: 'report-rectification'; summary: string; evidence: string[]; reportedBy: string }
  | { kind: 'verify'; passed: boolean; opinion: string; verifiedBy: string };

const missing = () => new DomainError('PROBLEM_NOT_FOUND', '问题不存在', 'No such problem', 'not-found');

function wrongStatus(action: { zh: string; en: string }, status: ProblemStatus): DomainError {
  return new DomainError(
    'PROBLEM_WRONG_STATUS',
    `当前状态（${STATUS_LABELS[status].zh}）不能${action.zh}`,
    `Cannot ${action.en} while the problem is ${STATUS_LABELS[status].en}`,
  );
}

export const STATUS_LABELS: Record<ProblemStatus, { zh: string; en: string }> = {
  none: { zh: '不存在', en: 'absent' },
  open: { zh: '待交办', en: 'awaiting assignment' },
  assigned: { zh: '整改中', en: 'being rectified' },
  'rectification-reported': { zh: '待核查', en: 'awaiting verification' },
  closed: { zh: '已销号', en: 'closed out' },
};

export const problemDecider: Decider<ProblemState, ProblemCommand, ProblemEvent> = {
  initialState: () => ({ status: 'none', clueIds: [], evidenceCount: 0 }),

  evolve(state, event) {
    switch (event.type) {
      case 'ProblemOpened':
        return { ...state, status: 'open', problemId: event.data.problemId, clueIds: event.data.clueIds, category: event.data.category };
      case 'ProblemClueAttached':
        return { ...state, clueIds: [...state.clueIds, event.data.clueId] };
      case 'ProblemClueDetached':
        return { ...state, clueIds: state.clueIds.filter((id) => id !== event.data.clueId) };
      case 'ProblemAssigned':
        return {
          ...state,
          status: 'assigned',
          townCode: event.data.townCode,
          leadDepartment: event.data.leadDepartment,
          deadline: event.data.deadline,
        };
      case 'RectificationReported':
        return {
          ...state,
          status: 'rectification-reported',
          rectifiedBy: event.data.reportedBy,
          evidenceCount: event.data.evidence.length,
        };
      case 'RectificationVerified':
        return event.data.passed ? state : { ...state, status: 'assigned' };
      case 'ProblemClosed':
        return { ...state, status: 'closed' };
    }
  },

  decide(command, state) {
    if (command.kind === 'open') {
      if (state.status !== 'none') throw new DomainError('PROBLEM_EXISTS', '问题已立案', 'The problem is already open');
      const { kind: _kind, ...data } = command;
      return [{ type: 'ProblemOpened', data }];
    }
    if (state.status === 'none') throw missing();
    const problemId = state.problemId!;
    switch (command.kind) {
      case 'attach-clue':
        if (state.clueIds.includes(command.clueId)) return [];
        if (state.status === 'closed') {
          throw new DomainError('PROBLEM_CLOSED', '问题已销号，不能再并入线索', 'The problem is closed out; no clue can join it');
        }
        return [{ type: 'ProblemClueAttached', data: { problemId, clueId: command.clueId } }];
      case 'detach-clue':
        if (!state.clueIds.includes(command.clueId)) return [];
        return [{ type: 'ProblemClueDetached', data: { problemId, clueId: command.clueId } }];
      case 'assign': {
        if (state.status !== 'open') throw wrongStatus({ zh: '交办', en: 'assign' }, state.status);
        if (command.deadline < command.today) {
          throw new DomainError('DEADLINE_IN_PAST', '整改期限不能早于今天', 'The deadline cannot be before today', 'invalid');
        }
        const { kind: _kind, today: _today, ...assignment } = command;
        return [{ type: 'ProblemAssigned', data: { problemId, ...assignment } }];
      }
      case 'report-rectification':
        if (state.status !== 'assigned') throw wrongStatus({ zh: '上报整改', en: 'report rectification' }, state.status);
        return [
          {
            type: 'RectificationReported',
            data: { problemId, summary: command.summary, evidence: command.evidence, reportedBy: command.reportedBy },
          },
        ];
      case 'verify': {
        if (state.status !== 'rectification-reported') throw wrongStatus({ zh: '核查', en: 'verify' }, state.status);
        if (command.verifiedBy === state.rectifiedBy) {
          throw new DomainError(
            'VERIFIER_IS_ASSIGNEE',
            '核查人不能是整改上报人',
            'The verifier cannot be the person who reported the rectification',
            'forbidden',
          );
        }
        const verified: ProblemEvent = {
          type: 'RectificationVerified',
          data: { problemId, passed: command.passed, opinion: command.opinion },
        };
        if (!command.passed) return [verified];
        if (state.evidenceCount === 0) {
          throw new DomainError('CLOSE_WITHOUT_EVIDENCE', '没有整改佐证材料，不能销号', 'Cannot close out without rectification evidence', 'invalid');
        }
        return [verified, { type: 'ProblemClosed', data: { problemId, clueIds: state.clueIds } }];
      }
    }
  },
};
