import type { Category, Channel } from '../reference/categories';
import type { TransferKind, TransferStatus } from '../judicial/events';
import type { Location } from '../location';
import type { VerifiedViolation } from '../rewards/violations';

/** 问题立案: a problem opened from one or more accepted clues, or reopened (重办) from an earlier problem */
export interface ProblemOpened {
  problemId: string;
  /** 问题编号, e.g. YW-2026-000123 */
  number: string;
  clueIds: string[];
  channel: Channel;
  category: Category;
  description: string;
  location: Location;
  observedAt?: string;
  /** YYYY-MM-DD (Asia/Shanghai): working days of handling are counted from here */
  openedOn: string;
  reopenedFrom?: { problemId: string; reason: ReopenReason; note: string };
}

export type Severity = 'general' | 'serious' | 'major';
export const SEVERITIES: Record<Severity, { zh: string; en: string }> = {
  general: { zh: '一般', en: 'General' },
  serious: { zh: '较重', en: 'Serious' },
  major: { zh: '重大', en: 'Major' },
};

/** 研判 */
export interface ProblemTriaged {
  problemId: string;
  category: Category;
  severity: Severity;
  crossTown: boolean;
  crossDepartment: boolean;
  note?: string;
}

export type ConsultationKind = 'thematic-meeting' | 'field-survey' | 'expert-review';
export const CONSULTATION_KINDS: Record<ConsultationKind, { zh: string; en: string }> = {
  'thematic-meeting': { zh: '专题会议', en: 'Thematic meeting' },
  'field-survey': { zh: '实地调研', en: 'Field survey' },
  'expert-review': { zh: '专家会审', en: 'Expert review' },
};

/** 会商: a consultation on a hard case */
export interface ConsultationRecorded {
  problemId: string;
  kind: ConsultationKind;
  /** YYYY-MM-DD */
  date: string;
  participants: string[];
  conclusion: string;
  attachments: string[];
}

export interface ResponsiblePerson {
  name: string;
  /** official work phone of the responsible person (an official, not a reporter) */
  phone?: string;
}

/** The time allowed: a number of working days from sign-off, or a fixed date. */
export interface TimeLimit {
  workingDays?: number;
  /** YYYY-MM-DD */
  date?: string;
}

/** 交办: one town, one lead department, one responsible person, one set of measures, a time limit */
export interface ProblemAssigned {
  problemId: string;
  townCode: string;
  leadDepartment: string;
  cooperatingDepartments: string[];
  responsiblePerson: ResponsiblePerson;
  measures: string;
  requirements?: string;
  severity: Severity;
  timeLimit: TimeLimit;
}

/** 签收: the assigned unit takes the problem on; the clock starts and the deadline is fixed */
export interface ProblemSignedOff {
  problemId: string;
  /** YYYY-MM-DD */
  signedOn: string;
  /** YYYY-MM-DD, Asia/Shanghai: the last day of the time limit */
  deadline: string;
  /** YYYY-MM-DD: when the deadline warning is due (a set number of working days before the deadline) */
  warnOn: string;
}

/** 退回: the assigned unit sends it back to the bureau for reassignment */
export interface ProblemReturned {
  problemId: string;
  reason: string;
}

/** 进展情况 */
export interface ProgressReported {
  problemId: string;
  summary: string;
  attachments: string[];
}

/** 延期申请 */
export interface ExtensionRequested {
  problemId: string;
  requestedDeadline: string;
  reason: string;
}

export interface ExtensionDecided {
  problemId: string;
  approved: boolean;
  /** the deadline from now on (the old one when refused) */
  deadline: string;
  warnOn: string;
  note?: string;
}

/** 整改情况上报 */
export interface RectificationReported {
  problemId: string;
  summary: string;
  /** descriptions or references of photos and documents */
  evidence: string[];
  /** staff user id of the reporter of the rectification (never a public reporter) */
  reportedBy: string;
}

/** 核查: pass closes the problem, fail returns it to rectification */
export interface RectificationVerified {
  problemId: string;
  passed: boolean;
  opinion: string;
  verifiedBy: string;
  /** on a pass: whether a violation was established and of which kinds (decides whether a reward case opens) */
  violation?: VerifiedViolation;
}

/** 临期预警: the deadline is near */
export interface DeadlineWarningIssued {
  problemId: string;
  deadline: string;
  workingDaysLeft: number;
}

/** 逾期: the deadline passed without close-out */
export interface ProblemOverdue {
  problemId: string;
  deadline: string;
}

export type SupervisionLevel = 'supervised' | 'listed';
export const SUPERVISION_LEVELS: Record<SupervisionLevel, { zh: string; en: string }> = {
  supervised: { zh: '督办', en: 'Supervised' },
  listed: { zh: '挂牌督办', en: 'Listed for formal supervision' },
};

/** 督办 / 挂牌督办 */
export interface ProblemSupervised {
  problemId: string;
  level: SupervisionLevel;
  note: string;
}

/** 报市政府协调: crosses towns or departments and cannot be settled below */
export interface ProblemEscalatedToCity {
  problemId: string;
  reason: string;
}

export type JointActionKind = 'joint-enforcement' | 'joint-supervision' | 'joint-site-check';
export const JOINT_ACTION_KINDS: Record<JointActionKind, { zh: string; en: string }> = {
  'joint-enforcement': { zh: '联合执法', en: 'Joint enforcement' },
  'joint-supervision': { zh: '联合督查', en: 'Joint supervision' },
  'joint-site-check': { zh: '联合现场检查', en: 'Joint site check' },
};

/** 联合行动 */
export interface JointActionRecorded {
  problemId: string;
  kind: JointActionKind;
  departments: string[];
  date: string;
  summary: string;
}

/**
 * 涉嫌环境犯罪: the contract the judicial bridge consumes to open a transfer (行刑衔接).
 * The criteria are what the bureau thinks is met (decision support happens in the bridge).
 */
export interface ProblemMarkedSuspectedCrime {
  problemId: string;
  number: string;
  category: Category;
  townCode?: string;
  basis: string;
  criteria: string[];
}

export type ReopenReason = 'recurrence' | 'complaint';

/** 重办: the problem came back (or the reporter complained); a new linked problem carries it */
export interface ProblemRecurred {
  problemId: string;
  newProblemId: string;
  reason: ReopenReason;
  note: string;
}

/** 并案: another clue now feeds this problem */
export interface ProblemClueAttached {
  problemId: string;
  clueId: string;
}

/** 撤销并案: the clue no longer feeds this problem */
export interface ProblemClueDetached {
  problemId: string;
  clueId: string;
}

/** 销号 */
export interface ProblemClosed {
  problemId: string;
  clueIds: string[];
  /** YYYY-MM-DD */
  closedOn: string;
  onTime: boolean;
  /** working days from opening to close-out */
  handlingWorkingDays: number;
  violation?: VerifiedViolation;
  number?: string;
  category?: Category;
  townCode?: string;
}

/**
 * 行刑衔接进展: the judicial bridge's feedback (its TransferProgressed) noted on the problem, so the problem's timeline
 * and audit show where a transferred case stands. Noted in any status, also after close-out (a criminal case outlives the
 * administrative one); it does not change the problem's status. Once per transfer and status: a redelivered or
 * replayed answer notes nothing new.
 */
export interface JudicialProgressNoted {
  problemId: string;
  transferId: string;
  kind: TransferKind;
  status: TransferStatus;
  documentNumber?: string;
  /** as the bridge worded it, e.g. 行刑衔接：已立案侦查（义公环立字〔2027〕3号） */
  note: { zh: string; en: string };
}

export interface CasesEventMap {
  ProblemOpened: ProblemOpened;
  ProblemClueAttached: ProblemClueAttached;
  ProblemClueDetached: ProblemClueDetached;
  ProblemTriaged: ProblemTriaged;
  ConsultationRecorded: ConsultationRecorded;
  ProblemAssigned: ProblemAssigned;
  ProblemSignedOff: ProblemSignedOff;
  ProblemReturned: ProblemReturned;
  ProgressReported: ProgressReported;
  ExtensionRequested: ExtensionRequested;
  ExtensionDecided: ExtensionDecided;
  RectificationReported: RectificationReported;
  RectificationVerified: RectificationVerified;
  DeadlineWarningIssued: DeadlineWarningIssued;
  ProblemOverdue: ProblemOverdue;
  ProblemSupervised: ProblemSupervised;
  ProblemEscalatedToCity: ProblemEscalatedToCity;
  JointActionRecorded: JointActionRecorded;
  ProblemMarkedSuspectedCrime: ProblemMarkedSuspectedCrime;
  ProblemRecurred: ProblemRecurred;
  ProblemClosed: ProblemClosed;
  JudicialProgressNoted: JudicialProgressNoted;
}

export type CasesEventType = keyof CasesEventMap;
export type CasesEvent = {
  [K in CasesEventType]: { type: K; data: CasesEventMap[K] };
}[CasesEventType];

/** Channels where the town or its departments found the problem themselves (自主发现). */
export const SELF_DISCOVERY_CHANNELS: readonly Channel[] = ['grid-patrol', 'river-chief', 'inspection', 'monitoring-alarm'];
