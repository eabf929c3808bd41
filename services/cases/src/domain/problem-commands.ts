import type {
  ConsultationKind,
  JointActionKind,
  ProblemOpened,
  ReopenReason,
  ResponsiblePerson,
  Severity,
  SupervisionLevel,
  TimeLimit,
  TransferKind,
  TransferStatus,
  VerifiedViolation,
} from '@qingyuan/contracts';

/**
 * What staff, consumers and timers ask of a problem. Values that need a clock or the working-day calendar
 * (today, a computed deadline, handling days) are worked out by the caller, so the decider stays pure.
 */
export type ProblemCommand =
  | ({ kind: 'open' } & ProblemOpened)
  | { kind: 'attach-clue'; clueId: string }
  | { kind: 'detach-clue'; clueId: string }
  | { kind: 'triage'; category: string; severity: Severity; crossTown: boolean; crossDepartment: boolean; note?: string }
  | { kind: 'record-consultation'; consultation: { kind: ConsultationKind; date: string; participants: string[]; conclusion: string; attachments: string[] } }
  | {
      kind: 'assign';
      townCode: string;
      leadDepartment: string;
      cooperatingDepartments: string[];
      responsiblePerson: ResponsiblePerson;
      measures: string;
      requirements?: string;
      severity: Severity;
      timeLimit: TimeLimit;
      today: string;
    }
  | { kind: 'sign-off'; today: string; deadline: string; warnOn: string }
  | { kind: 'return'; reason: string }
  | { kind: 'report-progress'; summary: string; attachments: string[] }
  | { kind: 'request-extension'; requestedDeadline: string; reason: string }
  | { kind: 'decide-extension'; approved: boolean; note?: string; warnOn: string }
  | { kind: 'report-rectification'; summary: string; evidence: string[]; reportedBy: string }
  | { kind: 'verify'; passed: boolean; opinion: string; verifiedBy: string; today: string; handlingWorkingDays: number; violation?: VerifiedViolation }
  | { kind: 'warn'; deadline: string; workingDaysLeft: number }
  | { kind: 'mark-overdue'; deadline: string; today: string }
  | { kind: 'supervise'; level: SupervisionLevel; note: string }
  | { kind: 'escalate-to-city'; reason: string }
  | { kind: 'record-joint-action'; action: { kind: JointActionKind; departments: string[]; date: string; summary: string } }
  | { kind: 'mark-suspected-crime'; basis: string; criteria: string[] }
  | { kind: 'recur'; newProblemId: string; reason: ReopenReason; note: string }
  | {
      kind: 'note-judicial-progress';
      transferId: string;
      transferKind: TransferKind;
      status: TransferStatus;
      documentNumber?: string;
      note: { zh: string; en: string };
    };
