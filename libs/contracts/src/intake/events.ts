import type { Category, Channel } from '../reference/categories';
import type { Location } from '../location';

/** A reporter as events see them: never a name, phone or ID number. */
export interface ReporterRef {
  anonymous: boolean;
  /** pseudonymous reference into intake's identity vault; present for real-name reporters */
  ref?: string;
  /** enterprise insider (内部知情人) */
  insider: boolean;
}

/** 线索登记 */
export interface ClueRegistered {
  clueId: string;
  channel: Channel;
  category: Category;
  description: string;
  observedAt?: string;
  location: Location;
  reporter: ReporterRef;
  /** SHA-256 of the receipt code (查询码); the code itself is only shown to the reporter */
  receiptCodeHash: string;
}

/** 线索受理 */
export interface ClueAccepted {
  clueId: string;
  channel: Channel;
  category: Category;
  description: string;
  observedAt?: string;
  location: Location;
  note?: string;
}

/** 线索不予受理 */
export interface ClueRejected {
  clueId: string;
  reason: string;
}

/** The public stage a reporter sees through the receipt code. */
export type PublicStage =
  | 'received'
  | 'accepted'
  | 'rejected'
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
  assignment?: { townCode: string; leadDepartment: string; deadline: string };
  sourceEventId: string;
}

export interface IntakeEventMap {
  ClueRegistered: ClueRegistered;
  ClueAccepted: ClueAccepted;
  ClueRejected: ClueRejected;
  ClueProgressed: ClueProgressed;
}

export type IntakeEventType = keyof IntakeEventMap;
export type IntakeEvent = {
  [K in IntakeEventType]: { type: K; data: IntakeEventMap[K] };
}[IntakeEventType];
