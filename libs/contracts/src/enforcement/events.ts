import type { Category } from '../reference/categories';
import type { InspectionFindingRecorded } from '../machine-channels';
import type { Fen } from '../rewards/events';

/** 排污许可管理类别: 重点管理 / 简化管理 / 登记管理 */
export const PERMIT_CLASSES = {
  key: { zh: '重点管理', en: 'Key management' },
  simplified: { zh: '简化管理', en: 'Simplified management' },
  registration: { zh: '登记管理', en: 'Registration' },
} as const;
export type PermitClass = keyof typeof PERMIT_CLASSES;

/** 监管对象类别: 重点、一般、特殊监管对象 */
export const OBJECT_CLASSES = {
  key: { zh: '重点监管对象', en: 'Key supervision object' },
  general: { zh: '一般监管对象', en: 'General supervision object' },
  special: { zh: '特殊监管对象', en: 'Special supervision object' },
} as const;
export type ObjectClass = keyof typeof OBJECT_CLASSES;

export const INSPECTION_RESULTS = {
  compliant: { zh: '未发现问题', en: 'Compliant' },
  problems: { zh: '发现问题（责令整改）', en: 'Problems found (ordered to correct)' },
  violation: { zh: '存在违法行为', en: 'Violation' },
} as const;
export type InspectionResult = keyof typeof INSPECTION_RESULTS;

/** 排放口, e.g. DW001 废水总排口 */
export interface Outlet {
  code: string;
  kind: 'water' | 'air' | 'noise' | 'solid-waste';
  name?: string;
  location?: { lat: number; lng: number };
}

/** 排污单位登记 (or an update of the same enterprise: the latest registration holds) */
export interface EnterpriseRegistered {
  enterpriseId: string;
  name: string;
  /** 统一社会信用代码, check digit validated */
  uscc: string;
  townCode?: string;
  address: string;
  location?: { lat: number; lng: number };
  industry: string;
  permitClass: PermitClass;
  /** 重点排污单位 */
  keyPolluter: boolean;
  outlets: Outlet[];
}

/** The credit level moved (环境信用), with the rule that moved it. */
export interface CreditRated {
  enterpriseId: string;
  level: string;
  previousLevel?: string;
  /** the rule of the credit rule table that applied, e.g. 'violation', 'clean-inspection', 'manual' */
  rule: string;
  reason: string;
  ruleVersion: number;
  /** the event that moved it (an inspection, a penalty, a criminal transfer) */
  causeEventId?: string;
}

/** Staff put an enterprise on (or took it off) the special supervision list (特殊监管对象), with the reason. */
export interface SpecialObjectSet {
  enterpriseId: string;
  special: boolean;
  reason: string;
}

/** 抽查计划: what is drawn, how often, and by whom. */
export interface InspectionPlanCreated {
  planId: string;
  name: string;
  /** e.g. '2027-Q1' */
  period: string;
  /** ratio of each stratum (object class → credit level → ratio in [0, 1]) for the period */
  ratios: Record<ObjectClass, Record<string, number>>;
  inspectorsPerTask: number;
  maxTasksPerInspector?: number;
  recusal: { sameTown: boolean; formerEmployer: boolean };
  /** the supervision rule version the default ratios came from */
  supervisionVersion: number;
  /** the inspection items published with the plan (检查事项清单) */
  items: string[];
}

/** The seed's hash, published before the draw so the draw cannot be chosen after the fact. */
export interface DrawCommitted {
  drawId: string;
  planId: string;
  period: string;
  /** SHA-256 of the secret seed's bytes, published before the draw */
  seedHash: string;
  /** the frozen object list, inspector pool and plan, hashed as docs/integrators/draw-algorithm.md says */
  candidatesHash: string;
  poolHash: string;
  planHash: string;
  candidateCount: number;
  poolSize: number;
}

export interface DrawSelection {
  enterpriseId: string;
  objectClass: ObjectClass;
  creditLevel: string;
  inspectorIds: string[];
}

/** 双随机抽取: the seed revealed, the hashed inputs and the result (secret until the inspections are done). */
export interface DrawPerformed {
  drawId: string;
  planId: string;
  algorithm: string;
  period: string;
  seed: string;
  seedHash: string;
  candidatesHash: string;
  poolHash: string;
  planHash: string;
  resultHash: string;
  selections: DrawSelection[];
  unassigned: Array<{ enterpriseId: string; reason: string }>;
}

/** 检查任务: from a draw, or targeted (专项) from a problem or an alarm */
export interface InspectionTaskCreated {
  taskId: string;
  enterpriseId: string;
  inspectorIds: string[];
  kind: 'random' | 'targeted';
  drawId?: string;
  trigger?: { problemId?: string; alarmId?: string; note?: string };
}

/** 检查结果, recorded on a phone with evidence. */
export interface InspectionRecorded {
  taskId: string;
  enterpriseId: string;
  result: InspectionResult;
  findings: string;
  evidence: string[];
  category?: Category;
  inspectedOn: string;
  recordedBy: string;
  location?: { lat: number; lng: number };
}

/** 轻微违法不予处罚: the exemption rules checked before a penalty, and what they gave. */
export interface MinorViolationChecked {
  caseId: string;
  enterpriseId: string;
  exempt: boolean;
  ruleId?: string;
  conditions: Array<{ condition: string; met: boolean }>;
  /** 教育: art. 33(3) — an exempted party is still educated */
  education?: string;
  listVersion: number;
  checkedOn: string;
}

/** 行政处罚决定 by enforcement (also what rewards consumes: problemId, decisionNumber, fineFen, decidedOn). */
export interface EnforcementPenaltyDecided {
  caseId: string;
  enterpriseId: string;
  problemId?: string;
  decisionNumber: string;
  legalBasis: string;
  fineFen: Fen;
  decidedOn: string;
}

/** 涉嫌犯罪移送: the case goes to the police (the judicial bridge follows it). */
export interface SuspectedCrimeTransferred {
  caseId: string;
  enterpriseId: string;
  problemId?: string;
  reason: string;
}

/** 立案 of a penalty case, from an inspection that found a violation or from a problem. */
export interface PenaltyCaseOpened {
  caseId: string;
  enterpriseId: string;
  taskId?: string;
  problemId?: string;
  summary: string;
  openedOn: string;
  /** art. 60 行政处罚法: a decision within 90 days of filing (configurable) */
  decideBy: string;
}

/** Events of enforcement (topic qingyuan.enforcement.events, with InspectionFindingRecorded for intake). */
export interface EnforcementEventMap {
  EnterpriseRegistered: EnterpriseRegistered;
  CreditRated: CreditRated;
  SpecialObjectSet: SpecialObjectSet;
  InspectionPlanCreated: InspectionPlanCreated;
  DrawCommitted: DrawCommitted;
  DrawPerformed: DrawPerformed;
  InspectionTaskCreated: InspectionTaskCreated;
  InspectionRecorded: InspectionRecorded;
  PenaltyCaseOpened: PenaltyCaseOpened;
  MinorViolationChecked: MinorViolationChecked;
  PenaltyDecided: EnforcementPenaltyDecided;
  SuspectedCrimeTransferred: SuspectedCrimeTransferred;
  InspectionFindingRecorded: InspectionFindingRecorded;
}

export type EnforcementEvent = { [K in keyof EnforcementEventMap]: { type: K; data: EnforcementEventMap[K] } }[keyof EnforcementEventMap];
