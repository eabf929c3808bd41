import type { Category, Channel } from '../reference/categories';
import type { Location } from '../location';

/** 问题立案: a problem opened from one or more accepted clues */
export interface ProblemOpened {
  problemId: string;
  clueIds: string[];
  channel: Channel;
  category: Category;
  description: string;
  location: Location;
  observedAt?: string;
}

export interface ResponsiblePerson {
  name: string;
  /** official work phone of the responsible person (an official, not a reporter) */
  phone?: string;
}

/** 交办: town, lead department, responsible person, measures and deadline */
export interface ProblemAssigned {
  problemId: string;
  townCode: string;
  leadDepartment: string;
  responsiblePerson: ResponsiblePerson;
  measures: string;
  requirements?: string;
  /** YYYY-MM-DD, Asia/Shanghai calendar day */
  deadline: string;
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
}

export interface CasesEventMap {
  ProblemOpened: ProblemOpened;
  ProblemClueAttached: ProblemClueAttached;
  ProblemClueDetached: ProblemClueDetached;
  ProblemAssigned: ProblemAssigned;
  RectificationReported: RectificationReported;
  RectificationVerified: RectificationVerified;
  ProblemClosed: ProblemClosed;
}

export type CasesEventType = keyof CasesEventMap;
export type CasesEvent = {
  [K in CasesEventType]: { type: K; data: CasesEventMap[K] };
}[CasesEventType];
