import type { CasesEvent, Category, ProblemClosed } from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import type { ProblemCommand } from './problem-commands';
import { judicialKey, type ProblemState, type ProblemStatus } from './problem-state';

export const STATUS_LABELS: Record<ProblemStatus, { zh: string; en: string }> = {
  none: { zh: '不存在', en: 'absent' },
  open: { zh: '待交办', en: 'awaiting assignment' },
  assigned: { zh: '待签收', en: 'awaiting sign-off' },
  returned: { zh: '已退回', en: 'returned to the bureau' },
  rectifying: { zh: '整改中', en: 'being rectified' },
  verifying: { zh: '待核查', en: 'awaiting verification' },
  closed: { zh: '已销号', en: 'closed out' },
};

const refuse = (code: string, zh: string, en: string, kind: DomainError['kind'] = 'conflict') => new DomainError(code, zh, en, kind);

function requireStatus(state: ProblemState, allowed: ProblemStatus[], action: { zh: string; en: string }): void {
  if (allowed.includes(state.status)) return;
  if (state.status === 'closed') {
    throw refuse('PROBLEM_CLOSED', `问题已销号，不能再${action.zh}`, `The problem is closed out; cannot ${action.en}`);
  }
  throw refuse(
    'PROBLEM_WRONG_STATUS',
    `当前状态（${STATUS_LABELS[state.status].zh}）不能${action.zh}`,
    `Cannot ${action.en} while the problem is ${STATUS_LABELS[state.status].en}`,
  );
}

const OPEN_STATES: ProblemStatus[] = ['open', 'assigned', 'returned', 'rectifying', 'verifying'];

type Event = CasesEvent;

/** Pure rules of the problem lifecycle: command + state → events, or a refusal with a bilingual reason. */
export function decideProblem(command: ProblemCommand, state: ProblemState): Event[] {
  if (command.kind === 'open') {
    if (state.status !== 'none') throw refuse('PROBLEM_EXISTS', '问题已立案', 'The problem is already open');
    const { kind: _kind, ...data } = command;
    return [{ type: 'ProblemOpened', data }];
  }
  if (state.status === 'none') throw refuse('PROBLEM_NOT_FOUND', '问题不存在', 'No such problem', 'not-found');
  const problemId = state.problemId!;
  switch (command.kind) {
    case 'attach-clue':
      if (state.clueIds.includes(command.clueId)) return [];
      requireStatus(state, OPEN_STATES, { zh: '并入线索', en: 'join a clue to it' });
      return [{ type: 'ProblemClueAttached', data: { problemId, clueId: command.clueId } }];
    case 'detach-clue':
      if (!state.clueIds.includes(command.clueId)) return [];
      return [{ type: 'ProblemClueDetached', data: { problemId, clueId: command.clueId } }];
    case 'triage': {
      requireStatus(state, ['open', 'returned', 'assigned'], { zh: '研判', en: 'triage' });
      const { kind: _kind, ...triage } = command;
      return [{ type: 'ProblemTriaged', data: { problemId, ...triage, category: triage.category as never } }];
    }
    case 'record-consultation':
      requireStatus(state, OPEN_STATES, { zh: '记录会商', en: 'record a consultation' });
      return [{ type: 'ConsultationRecorded', data: { problemId, ...command.consultation } }];
    case 'assign': {
      requireStatus(state, ['open', 'returned'], { zh: '交办', en: 'assign' });
      const { kind: _kind, today, ...assignment } = command;
      if (!assignment.timeLimit.workingDays && !assignment.timeLimit.date) {
        throw refuse('TIME_LIMIT_MISSING', '请填写整改时限', 'A time limit is required', 'invalid');
      }
      if (assignment.timeLimit.date && assignment.timeLimit.date < today) {
        throw refuse('DEADLINE_IN_PAST', '整改期限不能早于今天', 'The deadline cannot be before today', 'invalid');
      }
      if (assignment.cooperatingDepartments.includes(assignment.leadDepartment)) {
        throw refuse('LEAD_ALSO_COOPERATING', '牵头部门不能同时是配合部门', 'The lead department cannot also be a co-operating one', 'invalid');
      }
      return [{ type: 'ProblemAssigned', data: { problemId, ...assignment } }];
    }
    case 'sign-off':
      requireStatus(state, ['assigned'], { zh: '签收', en: 'sign off' });
      return [{ type: 'ProblemSignedOff', data: { problemId, signedOn: command.today, deadline: command.deadline, warnOn: command.warnOn } }];
    case 'return':
      requireStatus(state, ['assigned'], { zh: '退回', en: 'return it' });
      return [{ type: 'ProblemReturned', data: { problemId, reason: command.reason } }];
    case 'report-progress':
      requireStatus(state, ['rectifying'], { zh: '报送进展', en: 'report progress' });
      return [{ type: 'ProgressReported', data: { problemId, summary: command.summary, attachments: command.attachments } }];
    case 'request-extension':
      requireStatus(state, ['rectifying'], { zh: '申请延期', en: 'ask for an extension' });
      if (state.requestedDeadline) throw refuse('EXTENSION_PENDING', '已有待审批的延期申请', 'An extension request is already pending');
      if (command.requestedDeadline <= state.deadline!) {
        throw refuse('EXTENSION_NOT_LATER', '申请的期限必须晚于现期限', 'The requested deadline must be later than the current one', 'invalid');
      }
      return [{ type: 'ExtensionRequested', data: { problemId, requestedDeadline: command.requestedDeadline, reason: command.reason } }];
    case 'decide-extension': {
      if (!state.requestedDeadline) throw refuse('NO_EXTENSION_PENDING', '没有待审批的延期申请', 'No extension request is pending');
      const deadline = command.approved ? state.requestedDeadline : state.deadline!;
      return [{ type: 'ExtensionDecided', data: { problemId, approved: command.approved, deadline, warnOn: command.warnOn, note: command.note } }];
    }
    case 'report-rectification':
      requireStatus(state, ['rectifying'], { zh: '上报整改', en: 'report the rectification' });
      if (command.evidence.length === 0) throw refuse('EVIDENCE_REQUIRED', '请提供整改佐证材料', 'Rectification evidence is required', 'invalid');
      return [{ type: 'RectificationReported', data: { problemId, summary: command.summary, evidence: command.evidence, reportedBy: command.reportedBy } }];
    case 'verify': {
      requireStatus(state, ['verifying'], { zh: '核查', en: 'verify' });
      if (command.verifiedBy === state.rectifiedBy) {
        throw refuse('VERIFIER_IS_ASSIGNEE', '核查人不能是整改上报人', 'The verifier cannot be the person who reported the rectification', 'forbidden');
      }
      const violation = command.passed ? command.violation : undefined;
      if (violation && !violation.confirmed && violation.kinds.length > 0) {
        throw refuse('VIOLATION_KINDS_WITHOUT_VIOLATION', '未认定违法行为时不能选择违法类型', 'Violation kinds need a confirmed violation', 'invalid');
      }
      if (violation?.confirmed && violation.kinds.length === 0) {
        throw refuse('VIOLATION_KINDS_REQUIRED', '认定违法行为时请选择违法类型', 'A confirmed violation needs at least one kind', 'invalid');
      }
      const verified: Event = {
        type: 'RectificationVerified',
        data: { problemId, passed: command.passed, opinion: command.opinion, verifiedBy: command.verifiedBy, ...(violation ? { violation } : {}) },
      };
      if (!command.passed) return [verified];
      if (state.evidenceCount === 0) throw refuse('CLOSE_WITHOUT_EVIDENCE', '没有整改佐证材料，不能销号', 'Cannot close out without rectification evidence', 'invalid');
      const closed: ProblemClosed = {
        problemId,
        clueIds: state.clueIds,
        closedOn: command.today,
        onTime: command.today <= state.deadline!,
        handlingWorkingDays: command.handlingWorkingDays,
        number: state.number,
        category: state.category as Category | undefined,
        townCode: state.townCode,
        ...(violation ? { violation } : {}),
      };
      return [verified, { type: 'ProblemClosed', data: closed }];
    }
    case 'warn':
      // A timer may fire late or twice: warn once per deadline, and only while it still matters.
      if (!['rectifying', 'verifying'].includes(state.status) || state.deadline !== command.deadline || state.warnedFor === command.deadline) return [];
      return [{ type: 'DeadlineWarningIssued', data: { problemId, deadline: command.deadline, workingDaysLeft: command.workingDaysLeft } }];
    case 'mark-overdue':
      if (!['rectifying', 'verifying'].includes(state.status) || state.deadline !== command.deadline || state.overdueFor === command.deadline) return [];
      if (command.today <= command.deadline) return [];
      return [{ type: 'ProblemOverdue', data: { problemId, deadline: command.deadline } }];
    case 'supervise':
      requireStatus(state, OPEN_STATES, { zh: '督办', en: 'supervise it' });
      if (state.supervision === command.level) return [];
      if (state.supervision === 'listed' && command.level === 'supervised') {
        throw refuse('ALREADY_LISTED', '已挂牌督办', 'It is already listed for formal supervision');
      }
      return [{ type: 'ProblemSupervised', data: { problemId, level: command.level, note: command.note } }];
    case 'escalate-to-city':
      requireStatus(state, OPEN_STATES, { zh: '报市政府协调', en: 'escalate it to the city' });
      if (!state.crossTown && !state.crossDepartment) {
        throw refuse('NOT_CROSS_BOUNDARY', '只有跨镇街或跨部门的问题才报市政府协调', 'Only a problem across towns or departments goes to the city', 'invalid');
      }
      if (state.escalatedToCity) return [];
      return [{ type: 'ProblemEscalatedToCity', data: { problemId, reason: command.reason } }];
    case 'record-joint-action':
      requireStatus(state, OPEN_STATES, { zh: '记录联合行动', en: 'record a joint action' });
      return [{ type: 'JointActionRecorded', data: { problemId, ...command.action } }];
    case 'mark-suspected-crime':
      requireStatus(state, OPEN_STATES, { zh: '移送涉嫌犯罪', en: 'mark it as a suspected crime' });
      if (state.suspectedCrime) return [];
      return [
        {
          type: 'ProblemMarkedSuspectedCrime',
          data: { problemId, number: state.number!, category: state.category as never, townCode: state.townCode, basis: command.basis, criteria: command.criteria },
        },
      ];
    case 'recur':
      requireStatus(state, ['closed'], { zh: '重办', en: 'reopen it' });
      if (state.recurredAs) throw refuse('ALREADY_REOPENED', `已重办为新问题`, 'It was already reopened as a new problem');
      return [{ type: 'ProblemRecurred', data: { problemId, newProblemId: command.newProblemId, reason: command.reason, note: command.note } }];
    case 'note-judicial-progress': {
      // Any status, also after close-out: a criminal case outlives the administrative one; the status stays as it is.
      // the same status twice in a row is a repeat; a transfer may come back to a status (received → materials requested → received)
      const last = [...state.judicialNoted].reverse().find((key) => key.startsWith(`${command.transferId} `));
      if (last === judicialKey(command.transferId, command.status)) return [];
      const { transferId, transferKind, status, documentNumber, note } = command;
      return [
        {
          type: 'JudicialProgressNoted',
          data: { problemId, transferId, kind: transferKind, status, ...(documentNumber ? { documentNumber } : {}), note: { zh: note.zh, en: note.en } },
        },
      ];
    }
  }
}
