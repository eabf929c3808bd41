import type { Category, Channel, OrganisationKind } from '../reference/categories';
import type { Location } from '../location';

/** A reporter as events see them: never a name, phone or ID number. */
export interface ReporterRef {
  anonymous: boolean;
  /** pseudonymous reference into intake's identity vault; present for real-name reporters */
  ref?: string;
  /** enterprise insider (内部知情人) */
  insider: boolean;
}

/** How the clue's town was found: told by the reporter, from the map point, from the address, or by staff. */
export type TownSource = 'reporter' | 'map' | 'address' | 'staff' | 'unknown';

/** A photo or video as events see it; the bytes live in intake's attachment store. */
export interface AttachmentRef {
  attachmentId: string;
  kind: 'photo' | 'video';
  mediaType: string;
  size: number;
  sha256: string;
  /** where the photo says it was taken (EXIF), for staff only */
  takenAt?: { lat: number; lng: number; at?: string };
}

/** Where a clue came from besides its channel. */
export interface ClueSource {
  /** the original channel's reference: hotline ticket, letter or petition number */
  referenceNumber?: string;
  /** a media or public-opinion source link */
  link?: string;
  /** the organisation account that submitted it */
  organisation?: { code: string; name: string; kind: OrganisationKind };
  /** the grid patrolled when a grid worker or river chief found it */
  gridCode?: string;
  /** the event of another service that opened it (monitoring alarm, inspection finding) */
  originEventId?: string;
  originEventType?: string;
  /** a lead sent for a published bounty (悬赏) */
  bountyId?: string;
}

/** 线索登记 */
export interface ClueRegistered {
  clueId: string;
  channel: Channel;
  category: Category;
  description: string;
  observedAt?: string;
  location: Location;
  townSource?: TownSource;
  /** true when the town came from the approximate boundaries */
  townApproximate?: boolean;
  reporter: ReporterRef;
  source?: ClueSource;
  attachments?: AttachmentRef[];
  /** SHA-256 of the receipt code (查询码); the code itself is only shown to the reporter. Absent for imports and machines. */
  receiptCodeHash?: string;
}

/** 线索受理: opens a problem, or joins an existing one */
export interface ClueAccepted {
  clueId: string;
  channel: Channel;
  category: Category;
  description: string;
  observedAt?: string;
  location: Location;
  note?: string;
  /** join this existing problem instead of opening a new one */
  joinProblemId?: string;
  /** clues merged into this one before it was accepted: they follow it into the problem */
  mergedClueIds?: string[];
}

export const REJECTION_REASONS = {
  'out-of-scope': { zh: '不属于生态环境部门职责范围', en: 'Outside the remit of the ecology and environment authorities' },
  'insufficient-information': { zh: '信息不足，无法核实', en: 'Not enough information to verify' },
  duplicate: { zh: '重复举报', en: 'Already reported' },
  other: { zh: '其他原因', en: 'Other reason' },
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;

/** 线索不予受理, with a reason shown to the reporter */
export interface ClueRejected {
  clueId: string;
  reasonCode: RejectionReason;
  reason: string;
}

/** 转交其他部门办理 */
export interface ClueReferred {
  clueId: string;
  authority: string;
  note?: string;
}

/** 属地更正 */
export interface ClueTownCorrected {
  clueId: string;
  townCode: string;
  previousTownCode?: string;
  reason?: string;
}

/** 并案: this clue is handled together with another one */
export interface ClueMerged {
  clueId: string;
  intoClueId: string;
}

/** 撤销并案 */
export interface ClueUnmerged {
  clueId: string;
  fromClueId: string;
}

/** staff decided a suggested duplicate is not one */
export interface DuplicateDismissed {
  clueId: string;
  candidateClueId: string;
}

/** The public stage a reporter sees through the receipt code. */
export type PublicStage =
  | 'received'
  | 'accepted'
  | 'merged'
  | 'rejected'
  | 'referred'
  | 'assigned'
  | 'rectifying'
  | 'verifying'
  | 'closed';

/** Progress of the problem a clue fed, as told to the reporter (from cases' events). */
export interface ClueProgressed {
  clueId: string;
  problemId: string;
  stage: PublicStage;
  /** where and by when the problem is handled, as told to the reporter (no names of officials) */
  assignment?: { townCode: string; leadDepartment: string };
  /** the rectification deadline, once the assigned unit signed off (YYYY-MM-DD) */
  deadline?: string;
  sourceEventId: string;
}

/** A reporter's data key was destroyed (crypto-shredding): the identity can no longer be read. */
export interface ReporterKeyDestroyed {
  reporterRef: string;
  reason: string;
}

/** An anonymous reporter identified themselves with the receipt code (to claim a reward); the identity is in the vault. */
export interface ReporterIdentified {
  clueId: string;
  reporterRef: string;
}

/**
 * A reporter's identity was read from the vault after a second person approved the request (e.g. finance, to pay a
 * reward). The identity itself is not here; who asked, why and who approved are.
 */
export interface ReporterIdentityDisclosed {
  requestId: string;
  clueId: string;
  caseRef: string;
  purpose: string;
  requestedBy: string;
  approvedBy: string;
}

/** A grid worker or river chief patrolled a grid (巡查签到), so coverage can be measured. */
export interface PatrolCheckedIn {
  checkInId: string;
  userId: string;
  role: 'grid-worker' | 'river-chief';
  gridCode: string;
  townCode?: string;
  at: string;
  position?: { lat: number; lng: number };
}

export interface IntakeEventMap {
  ClueRegistered: ClueRegistered;
  ClueAccepted: ClueAccepted;
  ClueRejected: ClueRejected;
  ClueReferred: ClueReferred;
  ClueTownCorrected: ClueTownCorrected;
  ClueMerged: ClueMerged;
  ClueUnmerged: ClueUnmerged;
  DuplicateDismissed: DuplicateDismissed;
  ClueProgressed: ClueProgressed;
  ReporterKeyDestroyed: ReporterKeyDestroyed;
  ReporterIdentified: ReporterIdentified;
  ReporterIdentityDisclosed: ReporterIdentityDisclosed;
  PatrolCheckedIn: PatrolCheckedIn;
}

export type IntakeEventType = keyof IntakeEventMap;
export type IntakeEvent = {
  [K in IntakeEventType]: { type: K; data: IntakeEventMap[K] };
}[IntakeEventType];
