import type { EnforcementEvent, MinorViolationChecked, PenaltyCaseOpened } from '@qingyuan/contracts';
import { DomainError, type Decider } from '@qingyuan/domain';

/**
 * A penalty case (行政处罚案件): opened from a violation; the minor-violation list is checked before any penalty;
 * then a penalty decision, an exemption (with education), or a transfer as a suspected crime. A penalty and a transfer
 * may both happen, in either order: a case already penalised can still be transferred (the decision goes with the
 * materials, 2017 办法 art. 6(8)), and a transferred case can still be penalised (when the police do not file, 2020 规定
 * art. 10, or for measures that stand anyway, 2017 办法 art. 16). Each happens once; an exempted case is closed.
 */
export interface PenaltyCaseState {
  status: 'none' | 'open' | 'exempted' | 'penalised' | 'transferred';
  opened?: PenaltyCaseOpened;
  checked?: MinorViolationChecked;
  penalised?: boolean;
  transferred?: boolean;
}

export type PenaltyCaseCommand =
  | { kind: 'open'; opened: PenaltyCaseOpened }
  | { kind: 'check-exemption'; check: Omit<MinorViolationChecked, 'caseId' | 'enterpriseId'> }
  | { kind: 'decide'; decisionNumber: string; legalBasis: string; fineFen: number; decidedOn: string }
  | { kind: 'transfer'; reason: string };

const refuse = (code: string, zh: string, en: string, kind: 'invalid' | 'conflict' | 'not-found' = 'conflict') => new DomainError(code, zh, en, kind);
const closed = () => refuse('CASE_CLOSED', '案件已办结', 'The case is already decided');

function requireCase(state: PenaltyCaseState): PenaltyCaseOpened {
  if (state.status === 'none') throw refuse('CASE_NOT_FOUND', '处罚案件不存在', 'No such penalty case', 'not-found');
  if (state.status === 'exempted') throw closed();
  return state.opened!;
}

export const penaltyCaseDecider: Decider<PenaltyCaseState, PenaltyCaseCommand, EnforcementEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'PenaltyCaseOpened':
        return { status: 'open', opened: event.data };
      case 'MinorViolationChecked':
        return { ...state, status: event.data.exempt ? 'exempted' : state.status, checked: event.data };
      case 'PenaltyDecided':
        return { ...state, status: state.transferred ? 'transferred' : 'penalised', penalised: true };
      case 'SuspectedCrimeTransferred':
        return { ...state, status: 'transferred', transferred: true };
      default:
        return state;
    }
  },
  decide(command, state) {
    switch (command.kind) {
      case 'open':
        return state.status === 'none' ? [{ type: 'PenaltyCaseOpened', data: command.opened }] : [];
      case 'check-exemption': {
        const c = requireCase(state);
        if (state.penalised) throw closed();
        if (command.check.exempt && !command.check.education?.trim()) {
          throw refuse('EDUCATION_REQUIRED', '不予处罚的，应当对当事人进行教育（请记录教育情况）', 'An exempted party must be educated: record how (art. 33(3))', 'invalid');
        }
        return [{ type: 'MinorViolationChecked', data: { caseId: c.caseId, enterpriseId: c.enterpriseId, ...command.check } }];
      }
      case 'decide': {
        const c = requireCase(state);
        if (state.penalised) throw closed();
        // The list is checked before any penalty, and the check is on the record.
        if (!state.checked) throw refuse('EXEMPTION_NOT_CHECKED', '作出处罚决定前须先对照轻微违法不予处罚清单', 'Check the minor-violation list before deciding a penalty');
        if (!Number.isSafeInteger(command.fineFen) || command.fineFen < 0) throw refuse('FINE_INVALID', '罚款须为非负整数（分）', 'The fine must be a whole number of fen', 'invalid');
        return [
          {
            type: 'PenaltyDecided',
            data: { caseId: c.caseId, enterpriseId: c.enterpriseId, problemId: c.problemId, decisionNumber: command.decisionNumber, legalBasis: command.legalBasis, fineFen: command.fineFen, decidedOn: command.decidedOn },
          },
        ];
      }
      case 'transfer': {
        const c = requireCase(state);
        if (state.transferred) throw refuse('CASE_TRANSFERRED', '案件已移送', 'The case has already been transferred');
        return [{ type: 'SuspectedCrimeTransferred', data: { caseId: c.caseId, enterpriseId: c.enterpriseId, problemId: c.problemId, reason: command.reason } }];
      }
    }
  },
};
