import type { JudicialOutcome } from '../rewards/events';

/** 行刑衔接 agencies: the police who file and investigate, the procuratorate that supervises and prosecutes, the court. */
export const AGENCY_KINDS = {
  police: { zh: '公安机关', en: 'Police' },
  procuratorate: { zh: '检察机关', en: 'Procuratorate' },
  court: { zh: '审判机关', en: 'Court' },
} as const;
export type AgencyKind = keyof typeof AGENCY_KINDS;

/** 涉嫌犯罪移送 (2020 规定, 2017 办法) or 行政拘留移送 (环保法 art. 63, 2015 暂行办法). */
export const TRANSFER_KINDS = {
  criminal: { zh: '涉嫌环境犯罪案件移送', en: 'Suspected environmental crime' },
  detention: { zh: '适用行政拘留案件移送', en: 'Case for administrative detention' },
} as const;
export type TransferKind = keyof typeof TRANSFER_KINDS;

/** 移送材料 (2020 规定 art. 6; 2017 办法 art. 6). Which are required before sending is configuration. */
export const MATERIAL_KINDS = {
  'transfer-letter': { zh: '涉嫌犯罪案件移送书', en: 'Transfer letter' },
  'investigation-report': { zh: '涉嫌犯罪案件调查报告', en: 'Investigation report' },
  'items-list': { zh: '涉案物品清单', en: 'List of items involved' },
  'test-reports': { zh: '检验报告、监测报告或认定意见', en: 'Test, monitoring or determination reports' },
  'site-records': { zh: '现场检查（勘察）笔录、询问笔录、采样记录', en: 'Site, interview and sampling records' },
  'photos-av': { zh: '现场照片、录音录像及说明', en: 'Photos, audio and video with their list' },
  'penalty-decision': { zh: '行政处罚决定书', en: 'Administrative penalty decision' },
  other: { zh: '其他有关涉嫌犯罪的材料', en: 'Other materials' },
} as const;
export type MaterialKind = keyof typeof MATERIAL_KINDS;

/** Where a transfer stands. */
export const TRANSFER_STATUSES = {
  drafted: { zh: '起草中', en: 'Drafted' },
  'pending-approval': { zh: '待负责人审批', en: 'Awaiting the head’s approval' },
  'not-approved': { zh: '负责人决定不移送', en: 'Transfer not approved' },
  approved: { zh: '已批准，待移送', en: 'Approved, to be sent' },
  sent: { zh: '已移送，待公安接收', en: 'Sent, awaiting receipt' },
  received: { zh: '公安已接收，审查中', en: 'Received, under review' },
  'materials-requested': { zh: '公安要求补充材料', en: 'Materials requested' },
  'not-filed': { zh: '公安不予立案', en: 'Not filed' },
  'reconsideration-requested': { zh: '已提请复议', en: 'Reconsideration requested' },
  'supervision-proposed': { zh: '已建议检察院立案监督', en: 'Procuratorate supervision proposed' },
  filed: { zh: '已立案侦查', en: 'Filed, under investigation' },
  'prosecution-review': { zh: '审查起诉中', en: 'Under review for prosecution' },
  prosecuted: { zh: '已提起公诉', en: 'Prosecuted' },
  'not-prosecuted': { zh: '不起诉', en: 'Not prosecuted' },
  judged: { zh: '已判决', en: 'Judged' },
  detained: { zh: '已作出行政拘留决定', en: 'Detention decided' },
  'not-detained': { zh: '不予行政拘留', en: 'Detention declined' },
  'filing-ordered': { zh: '检察院通知公安立案', en: 'Filing ordered by the procuratorate' },
  closed: { zh: '监督结束，未立案', en: 'Supervision closed without filing' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const;
export type TransferStatus = keyof typeof TRANSFER_STATUSES;

export interface AgencyRef {
  code: string;
  name: string;
}

/** 起草移送: from a problem marked as a suspected crime, a penalty case, or by hand. */
export interface TransferDrafted {
  transferId: string;
  kind: TransferKind;
  title: string;
  /** 案件来源、事实概要 */
  summary: string;
  /** the unit or person suspected (a suspect, not a reporter: a reporter's identity never enters a transfer) */
  suspect: { kind: 'enterprise' | 'person'; name: string; uscc?: string };
  problemId?: string;
  enforcementCaseId?: string;
  enterpriseId?: string;
  townCode?: string;
  /** the team of ≥ 2 officers (2020 规定 art. 5) */
  teamIds: string[];
  police: AgencyRef;
  procuratorate: AgencyRef;
  /** the criteria cases said it met, when it came from a problem */
  reportedCriteria?: string[];
}

/** 材料: a document of the checklist, by reference to the bureau's file (number, pages). */
export interface TransferMaterialAdded {
  transferId: string;
  materialId: string;
  materialKind: string;
  title: string;
  reference: string;
  pages?: number;
}

/** 刑事立案标准对照 (decision support): the facts established and what they meet. */
export interface ThresholdChecked {
  transferId: string;
  facts: Record<string, unknown>;
  suspected: boolean;
  tier?: string;
  criteria: Array<{ code: string; article: string; zh: string; en: string }>;
  configVersion: number;
}

export interface TransferSubmitted {
  transferId: string;
  /** 移送报告 */
  report: string;
}

/** 负责人批准 (within 3 days of the report, art. 5) or not, with the reasons recorded. */
export interface TransferApprovalDecided {
  transferId: string;
  approved: boolean;
  reasons?: string;
}

/** 移送 to the police (within 24 h of approval), copied to the procuratorate (2017 办法 art. 6). */
export interface TransferSent {
  transferId: string;
  police: AgencyRef;
  procuratorate: AgencyRef;
  materialIds: string[];
}

/** 公安接收 (签收回执) */
export interface TransferReceived {
  transferId: string;
  receiptNumber: string;
}

/** 材料不全: the police say what is missing (within 24 h); they may not refuse for it (2017 办法 art. 8). */
export interface MaterialsRequested {
  transferId: string;
  missing: string;
}

export interface MaterialsSupplemented {
  transferId: string;
  materialIds: string[];
  note?: string;
}

/** 需要核查 (7 days) or 重大疑难复杂 (30 days): the police's longer review period (2017 办法 art. 9). */
export interface FilingReviewExtended {
  transferId: string;
  reason: 'verification' | 'major';
}

/** 立案 / 不予立案 (with reasons; files returned) */
export interface FilingDecided {
  transferId: string;
  filed: boolean;
  documentNumber: string;
  reasons?: string;
}

/** 提请复议 (within 3 working days of a not-file notice, 2017 办法 art. 11) */
export interface ReconsiderationRequested {
  transferId: string;
  grounds: string;
}

/** 复议决定 (within 3 working days) */
export interface ReconsiderationDecided {
  transferId: string;
  filed: boolean;
  documentNumber: string;
  reasons?: string;
}

/** 建议检察院立案监督 (within 3 days of an upheld refusal, or when the police are overdue) */
export interface SupervisionProposed {
  transferId: string;
  grounds: string;
}

/** 立案监督结果: the procuratorate orders filing (the police file within 15 days) or closes it. */
export interface SupervisionDecided {
  transferId: string;
  orderedFiling: boolean;
  documentNumber: string;
  reasons?: string;
}

/** 批准逮捕 or not (procuratorate) */
export interface ArrestDecided {
  transferId: string;
  approved: boolean;
  documentNumber: string;
  date: string;
}

/** 移送审查起诉 (police → procuratorate) */
export interface ProsecutionReviewStarted {
  transferId: string;
  documentNumber: string;
}

/** 起诉 / 不起诉 (notice within 3 days; maybe an opinion proposing an administrative penalty) */
export interface ProsecutionDecided {
  transferId: string;
  prosecuted: boolean;
  documentNumber: string;
  date: string;
  court?: AgencyRef;
  proposesAdministrativePenalty?: boolean;
  reasons?: string;
}

/** 判决 */
export interface JudgmentRecorded {
  transferId: string;
  convicted: boolean;
  documentNumber: string;
  date: string;
  /** e.g. 有期徒刑一年六个月，并处罚金十万元 */
  sentence?: string;
}

/** 行政拘留决定 (copied to the bureau within 3 working days) or 不予拘留 (within 5 working days, files returned) */
export interface DetentionDecided {
  transferId: string;
  detained: boolean;
  documentNumber: string;
  date: string;
  days?: number;
  reasons?: string;
}

export interface TransferWithdrawn {
  transferId: string;
  reason: string;
}

/** A legal time limit is near (warning) or passed (overdue), for the party that owes the next step. */
export interface TransferDeadlineWarned {
  transferId: string;
  step: string;
  party: 'bureau' | AgencyKind;
  dueAt: string;
}
export interface TransferOverdue {
  transferId: string;
  step: string;
  party: 'bureau' | AgencyKind;
  dueAt: string;
}

/** 案件会商 between the bureau, the police and the procuratorate */
export interface CaseConsultationRecorded {
  consultationId: string;
  transferId?: string;
  heldOn: string;
  topic: string;
  participants: Array<{ agency: string; name: string; title?: string }>;
  conclusions: string;
}

/**
 * Feedback for the other services, appended with every change of status: cases notes it on the problem, enforcement
 * moves the enterprise's credit. Carries the links the answers themselves do not.
 */
export interface TransferProgressed {
  transferId: string;
  kind: TransferKind;
  status: TransferStatus;
  problemId?: string;
  enterpriseId?: string;
  enforcementCaseId?: string;
  documentNumber?: string;
  /** detention, arrest or conviction, when this step was one */
  outcome?: JudicialOutcome;
  /** for the problem's timeline, e.g. 公安机关已立案侦查（义公环立字〔2027〕3号） */
  note: { zh: string; en: string };
}

/**
 * Detention, arrest, conviction of a problem's suspect: what changes a whistleblower's reward (rewards consumes it
 * on the judicial topic).
 */
export interface SuspectOutcomeNotice {
  problemId: string;
  outcome: JudicialOutcome;
  documentNumber: string;
  date: string;
}

/** Events of the judicial bridge (topic qingyuan.judicial.events). */
export interface JudicialEventMap {
  TransferDrafted: TransferDrafted;
  TransferMaterialAdded: TransferMaterialAdded;
  ThresholdChecked: ThresholdChecked;
  TransferSubmitted: TransferSubmitted;
  TransferApprovalDecided: TransferApprovalDecided;
  TransferSent: TransferSent;
  TransferReceived: TransferReceived;
  MaterialsRequested: MaterialsRequested;
  MaterialsSupplemented: MaterialsSupplemented;
  FilingReviewExtended: FilingReviewExtended;
  FilingDecided: FilingDecided;
  ReconsiderationRequested: ReconsiderationRequested;
  ReconsiderationDecided: ReconsiderationDecided;
  SupervisionProposed: SupervisionProposed;
  SupervisionDecided: SupervisionDecided;
  ArrestDecided: ArrestDecided;
  ProsecutionReviewStarted: ProsecutionReviewStarted;
  ProsecutionDecided: ProsecutionDecided;
  JudgmentRecorded: JudgmentRecorded;
  DetentionDecided: DetentionDecided;
  TransferWithdrawn: TransferWithdrawn;
  TransferDeadlineWarned: TransferDeadlineWarned;
  TransferOverdue: TransferOverdue;
  CaseConsultationRecorded: CaseConsultationRecorded;
  SuspectOutcomeRecorded: SuspectOutcomeNotice;
  TransferProgressed: TransferProgressed;
}

export type JudicialEvent = { [K in keyof JudicialEventMap]: { type: K; data: JudicialEventMap[K] } }[keyof JudicialEventMap];
