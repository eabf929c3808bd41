import type { ObjectClass } from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import { canonicalJson, compareIds, sha256Hex } from './canonical-json';

/** Strata are drawn class by class in this order (then by credit level code): part of the algorithm, never reordered. */
export const DRAW_OBJECT_CLASSES: readonly ObjectClass[] = ['key', 'general', 'special'];

/** Ratios are used as whole parts per million, so the arithmetic is exact in every language. */
export const PPM = 1_000_000;

/** The random-inspection plan (抽查计划) as far as the draw needs it. */
export interface DrawPlan {
  planId: string;
  /** e.g. '2027-Q1' */
  period: string;
  /** object class → credit level code → share of that stratum to inspect in the period, in [0, 1], at most 6 decimals */
  ratios: Partial<Record<ObjectClass, Record<string, number>>>;
  /** 行政处罚法 art. 42: at least 2 officers per inspection */
  inspectorsPerTask: number;
  /** no inspector gets more tasks than this in one draw */
  maxTasksPerInspector?: number;
}

/** An enterprise in the object list (对象库) at the time of the draw. */
export interface DrawCandidate {
  enterpriseId: string;
  objectClass: ObjectClass;
  creditLevel: string;
  /** needed for the same-town recusal: resolve it before the draw */
  townCode: string;
}

/** An officer in the inspector list (执法人员库). */
export interface DrawInspector {
  inspectorId: string;
  /** the town the officer lives in or belongs to; bureau-level officers may have none */
  townCode?: string;
  formerEmployers: string[];
  /** conflicts the officer declared (亲属、利害关系): they always apply */
  declaredConflicts: string[];
}

/** 行政处罚法 art. 43 beyond declared conflicts: which relationships also count, per the bureau's configuration. */
export interface RecusalConfig {
  sameTown: boolean;
  formerEmployer: boolean;
}

export interface DrawInputs {
  plan: DrawPlan;
  candidates: DrawCandidate[];
  pool: DrawInspector[];
  recusal: RecusalConfig;
  /** enterpriseId → the inspectors of its last inspection: never sent to the same enterprise twice in a row */
  previousInspectors: Record<string, string[]>;
}

/** The three input hashes: published with the seed commitment, they pin the inputs before anyone knows the seed. */
export interface DrawInputHashes {
  candidatesHash: string;
  poolHash: string;
  /** the plan (ratios in ppm), the recusal configuration and the previous inspectors */
  planHash: string;
}

const invalid = (code: string, zh: string, en: string) => new DomainError(code, zh, en, 'invalid');
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
const sortedUnique = (ids: readonly string[]) => [...new Set(ids)].sort(compareIds);

/** A ratio as whole parts per million; anything else is refused rather than silently rounded. */
export function ratioPpm(ratio: unknown, where: string): number {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw invalid('DRAW_RATIO_OUT_OF_RANGE', `抽查比例须在 0 到 1 之间：${where}`, `A ratio must be between 0 and 1: ${where}`);
  }
  const ppm = Math.round(ratio * PPM);
  // float noise such as 0.05 × 0.7 = 0.034999999999999996 is fine; a seventh decimal is not
  if (Math.abs(ratio * PPM - ppm) > 1e-6) {
    throw invalid('DRAW_RATIO_PRECISION', `抽查比例至多保留六位小数：${where}`, `A ratio may have at most 6 decimals: ${where}`);
  }
  return ppm;
}

/** The ratio table in ppm, checked; what the draw and the plan hash use. */
export function ratiosPpm(plan: DrawPlan): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [objectClass, levels] of Object.entries(plan.ratios ?? {})) {
    if (!DRAW_OBJECT_CLASSES.includes(objectClass as ObjectClass)) {
      throw invalid('DRAW_UNKNOWN_OBJECT_CLASS', `未知的监管对象类别：${objectClass}`, `Unknown object class: ${objectClass}`);
    }
    if (levels === undefined) continue;
    out[objectClass] = {};
    for (const [level, ratio] of Object.entries(levels)) {
      if (!isText(level)) throw invalid('DRAW_INVALID_INPUT', '信用等级代码不能为空', 'A credit level code cannot be empty');
      out[objectClass][level] = ratioPpm(ratio, `${objectClass}/${level}`);
    }
  }
  return out;
}

/** Refuses what the draw cannot be fair or lawful with; returns the ratio table in ppm. */
export function checkDrawInputs(inputs: DrawInputs): Record<string, Record<string, number>> {
  const { plan, candidates, pool, recusal, previousInspectors } = inputs;
  if (!isText(plan?.planId) || !isText(plan.period)) throw invalid('DRAW_INVALID_INPUT', '抽查计划须有编号和期间', 'The plan needs an id and a period');
  if (!Number.isInteger(plan.inspectorsPerTask) || plan.inspectorsPerTask < 2) {
    throw invalid(
      'DRAW_INSPECTORS_PER_TASK',
      '每项检查的执法人员数须为不少于 2 的整数（《行政处罚法》第四十二条）',
      'The officers per inspection must be a whole number of at least 2 (Administrative Penalty Law art. 42)',
    );
  }
  if (plan.maxTasksPerInspector !== undefined && !(Number.isInteger(plan.maxTasksPerInspector) && plan.maxTasksPerInspector >= 1)) {
    throw invalid('DRAW_INVALID_MAX_TASKS', '每名执法人员的任务上限须为正整数', 'The task limit per inspector must be a positive whole number');
  }
  const ratios = ratiosPpm(plan);
  if (typeof recusal?.sameTown !== 'boolean' || typeof recusal.formerEmployer !== 'boolean') {
    throw invalid('DRAW_INVALID_INPUT', '回避规则须为是或否', 'The recusal settings must be true or false');
  }
  const enterprises = new Set<string>();
  for (const c of candidates) {
    if (!isText(c?.enterpriseId) || !isText(c.creditLevel) || !isText(c.townCode)) {
      throw invalid('DRAW_INVALID_INPUT', '抽查对象须有企业编号、信用等级和所在镇街', 'A candidate needs an enterprise id, a credit level and a town');
    }
    if (!DRAW_OBJECT_CLASSES.includes(c.objectClass)) {
      throw invalid('DRAW_UNKNOWN_OBJECT_CLASS', `未知的监管对象类别：${c.objectClass}`, `Unknown object class: ${c.objectClass}`);
    }
    if (enterprises.has(c.enterpriseId)) {
      throw invalid('DRAW_DUPLICATE_ENTERPRISE', `抽查对象重复：${c.enterpriseId}`, `Enterprise listed twice: ${c.enterpriseId}`);
    }
    enterprises.add(c.enterpriseId);
    // an enterprise with no ratio would silently never be inspected
    if (ratios[c.objectClass]?.[c.creditLevel] === undefined) {
      throw invalid(
        'DRAW_NO_RATIO',
        `计划未规定 ${c.objectClass}/${c.creditLevel} 的抽查比例（${c.enterpriseId}）`,
        `The plan has no ratio for ${c.objectClass}/${c.creditLevel} (${c.enterpriseId})`,
      );
    }
  }
  const inspectors = new Set<string>();
  for (const i of pool) {
    if (!isText(i?.inspectorId) || !isTextList(i.formerEmployers) || !isTextList(i.declaredConflicts) || (i.townCode !== undefined && !isText(i.townCode))) {
      throw invalid('DRAW_INVALID_INPUT', '执法人员须有编号、曾任职单位和申报的利害关系', 'An inspector needs an id, former employers and declared conflicts');
    }
    if (inspectors.has(i.inspectorId)) {
      throw invalid('DRAW_DUPLICATE_INSPECTOR', `执法人员重复：${i.inspectorId}`, `Inspector listed twice: ${i.inspectorId}`);
    }
    inspectors.add(i.inspectorId);
  }
  if (typeof previousInspectors !== 'object' || previousInspectors === null || !Object.values(previousInspectors).every(isTextList)) {
    throw invalid('DRAW_INVALID_INPUT', '上次检查人员须为编号列表', 'The previous inspectors must be lists of ids');
  }
  return ratios;
}

/** The candidate list as hashed: sorted by enterpriseId, only the fields the draw uses. */
export function canonicalCandidates(candidates: readonly DrawCandidate[]): DrawCandidate[] {
  return [...candidates]
    .sort((a, b) => compareIds(a.enterpriseId, b.enterpriseId))
    .map(({ enterpriseId, objectClass, creditLevel, townCode }) => ({ enterpriseId, objectClass, creditLevel, townCode }));
}

/** The inspector pool as hashed: sorted by inspectorId, id lists sorted and without repeats. */
export function canonicalPool(pool: readonly DrawInspector[]): DrawInspector[] {
  return [...pool]
    .sort((a, b) => compareIds(a.inspectorId, b.inspectorId))
    .map((i) => ({
      inspectorId: i.inspectorId,
      townCode: i.townCode,
      formerEmployers: sortedUnique(i.formerEmployers),
      declaredConflicts: sortedUnique(i.declaredConflicts),
    }));
}

/** Everything else the draw depends on: the plan with ratios in ppm, the recusal settings, the previous inspectors. */
export function canonicalPlan(inputs: DrawInputs, ratios: Record<string, Record<string, number>>) {
  const { planId, period, inspectorsPerTask, maxTasksPerInspector } = inputs.plan;
  const previousInspectors: Record<string, string[]> = {};
  for (const [enterpriseId, ids] of Object.entries(inputs.previousInspectors)) {
    if (ids.length > 0) previousInspectors[enterpriseId] = sortedUnique(ids);
  }
  return {
    plan: { planId, period, ratiosPpm: ratios, inspectorsPerTask, maxTasksPerInspector },
    recusal: { sameTown: inputs.recusal.sameTown, formerEmployer: inputs.recusal.formerEmployer },
    previousInspectors,
  };
}

/** The input hashes; the service publishes them with the seed hash before the draw (they are checked, so refusals apply). */
export function drawInputHashes(inputs: DrawInputs): DrawInputHashes {
  const ratios = checkDrawInputs(inputs);
  return hashInputs(inputs, ratios);
}

export function hashInputs(inputs: DrawInputs, ratios: Record<string, Record<string, number>>): DrawInputHashes {
  return {
    candidatesHash: sha256Hex(canonicalJson(canonicalCandidates(inputs.candidates))),
    poolHash: sha256Hex(canonicalJson(canonicalPool(inputs.pool))),
    planHash: sha256Hex(canonicalJson(canonicalPlan(inputs, ratios))),
  };
}
