import {
  CHANNEL_CODES,
  ORGANISATION_KINDS,
  VIOLATION_KIND_CODES,
  type Channel,
  type Fen,
  type JudicialOutcome,
  type OrganisationKind,
  type RewardItem,
  type ViolationKind,
} from '@qingyuan/contracts';

/**
 * The reward rule table (奖励标准). Every number here comes from 浙环发〔2020〕15号 as far as it is known
 * (docs/reference: [P] partly confirmed, [U] unconfirmed), so all of it is configuration: the bureau saves a new
 * version when the rules or its reading of them change, and each decision records the version it used.
 */
export interface RewardRules {
  /** conduct that qualifies (the seven categories) */
  qualifyingKinds: ViolationKind[];
  /** share of the fine [P] 5% */
  fineSharePercent: number;
  /** cap of the fine share [P] 100,000 yuan */
  fineShareCapFen: Fen;
  /** fixed amounts when police detain, the procuratorate approves arrest, a court convicts [P] */
  fixedFen: Record<JudicialOutcome, Fen>;
  /** several triggers: add them up, or pay only the highest (Shandong's rule) [U] */
  stacking: 'sum' | 'highest';
  /** per ordinary qualifying case [P] 100,000 yuan */
  ordinaryCapFen: Fen;
  /** especially serious cases, with the city government's approval [P] 500,000 yuan */
  especiallySeriousCapFen: Fen;
  /** orphan radioactive source or waste with no responsible party [P] 20,000 yuan */
  orphanRadioactiveCapFen: Fen;
  /** a bounty (悬赏) [P] 500,000 yuan */
  bountyCapFen: Fen;
  /** anonymous reporters get nothing unless they reported by real name (Hangzhou) [U]; otherwise they may identify later */
  requireRealNameAtReport: boolean;
  /** channels whose reporters are not whistleblowers (patrols on duty, machines, inspections, the media) [U] */
  excludedChannels: Channel[];
  /** organisations paid to find problems (环保管家) [U] */
  excludedOrganisationKinds: OrganisationKind[];
  /** time limits of each step; claimDays are calendar days, the rest working days [P] (2018 precedent: notify in 10, claim in 60) */
  deadlines: {
    evaluateWorkingDays: number;
    proposeWorkingDays: number;
    approveWorkingDays: number;
    notifyWorkingDays: number;
    claimDays: number;
    payoutWorkingDays: number;
  };
}

const YUAN = 100;

export const DEFAULT_REWARD_RULES: RewardRules = {
  qualifyingKinds: [...VIOLATION_KIND_CODES],
  fineSharePercent: 5,
  fineShareCapFen: 100_000 * YUAN,
  fixedFen: { detention: 5_000 * YUAN, arrest: 10_000 * YUAN, conviction: 10_000 * YUAN },
  stacking: 'sum',
  ordinaryCapFen: 100_000 * YUAN,
  especiallySeriousCapFen: 500_000 * YUAN,
  orphanRadioactiveCapFen: 20_000 * YUAN,
  bountyCapFen: 500_000 * YUAN,
  requireRealNameAtReport: false,
  excludedChannels: ['grid-patrol', 'river-chief', 'monitoring-alarm', 'inspection', 'media'],
  excludedOrganisationKinds: ['environmental-steward'],
  deadlines: { evaluateWorkingDays: 10, proposeWorkingDays: 10, approveWorkingDays: 5, notifyWorkingDays: 10, claimDays: 60, payoutWorkingDays: 10 },
};

/** No cap may exceed what the plan allows: 100,000 yuan ordinary, 500,000 especially serious and for bounties. */
export const PLAN_LIMITS_FEN = { ordinary: 100_000 * YUAN, especiallySerious: 500_000 * YUAN, bounty: 500_000 * YUAN };

export interface RuleProblem {
  field: string;
  zh: string;
  en: string;
}

const isFen = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Everything wrong with a proposed rule table, so a bad version is refused whole. */
export function ruleProblems(r: RewardRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const fen = (field: string, v: unknown, max?: number) => {
    if (!isFen(v)) problems.push({ field, zh: '须为非负整数（分）', en: 'must be a non-negative integer of fen' });
    else if (max !== undefined && v > max) problems.push({ field, zh: `不能超过 ${max / YUAN} 元`, en: `cannot exceed ${max / YUAN} yuan` });
  };
  if (!Array.isArray(r.qualifyingKinds) || r.qualifyingKinds.some((k) => !VIOLATION_KIND_CODES.includes(k))) {
    problems.push({ field: 'qualifyingKinds', zh: '含未知的违法行为类型', en: 'has an unknown violation kind' });
  }
  if (typeof r.fineSharePercent !== 'number' || !(r.fineSharePercent > 0 && r.fineSharePercent <= 100)) {
    problems.push({ field: 'fineSharePercent', zh: '须在 0 到 100 之间', en: 'must be above 0 and at most 100' });
  }
  fen('fineShareCapFen', r.fineShareCapFen, PLAN_LIMITS_FEN.ordinary);
  for (const o of ['detention', 'arrest', 'conviction'] as const) fen(`fixedFen.${o}`, r.fixedFen?.[o], PLAN_LIMITS_FEN.ordinary);
  if (r.stacking !== 'sum' && r.stacking !== 'highest') problems.push({ field: 'stacking', zh: '须为 sum 或 highest', en: 'must be sum or highest' });
  fen('ordinaryCapFen', r.ordinaryCapFen, PLAN_LIMITS_FEN.ordinary);
  fen('especiallySeriousCapFen', r.especiallySeriousCapFen, PLAN_LIMITS_FEN.especiallySerious);
  fen('orphanRadioactiveCapFen', r.orphanRadioactiveCapFen, PLAN_LIMITS_FEN.ordinary);
  fen('bountyCapFen', r.bountyCapFen, PLAN_LIMITS_FEN.bounty);
  if (typeof r.requireRealNameAtReport !== 'boolean') problems.push({ field: 'requireRealNameAtReport', zh: '须为是或否', en: 'must be true or false' });
  if (!Array.isArray(r.excludedChannels) || r.excludedChannels.some((c) => !CHANNEL_CODES.includes(c))) {
    problems.push({ field: 'excludedChannels', zh: '含未知的渠道', en: 'has an unknown channel' });
  }
  if (!Array.isArray(r.excludedOrganisationKinds) || r.excludedOrganisationKinds.some((k) => !(k in ORGANISATION_KINDS))) {
    problems.push({ field: 'excludedOrganisationKinds', zh: '含未知的组织类型', en: 'has an unknown organisation kind' });
  }
  for (const [k, v] of Object.entries(DEFAULT_REWARD_RULES.deadlines)) {
    const given = (r.deadlines as Record<string, unknown> | undefined)?.[k];
    if (!Number.isInteger(given) || (given as number) < 1 || (given as number) > 366) {
      problems.push({ field: `deadlines.${k}`, zh: '须为 1 到 366 的整数', en: `must be a whole number from 1 to 366 (default ${v})` });
    }
  }
  return problems;
}

/** What the reward rests on: the fines decided and the judicial outcomes reached on the clue. */
export interface RewardBasis {
  fines: Fen[];
  outcomes: JudicialOutcome[];
  violationKinds: ViolationKind[];
  especiallySerious: boolean;
}

export interface Suggestion {
  amountFen: Fen;
  items: RewardItem[];
  capFen: Fen;
}

/**
 * The amount the rule table gives for a basis: 5% of the fines (capped), a fixed amount per judicial outcome (each
 * kind once), stacked as the rules say, within the case's cap. A clue to an orphan radioactive source with no
 * penalty or outcome gets up to its own cap.
 */
export function suggestReward(rules: RewardRules, basis: RewardBasis): Suggestion {
  let items: RewardItem[] = [];
  const fineTotal = basis.fines.reduce((a, b) => a + b, 0);
  if (fineTotal > 0) {
    const share = Math.floor((fineTotal * Math.round(rules.fineSharePercent * 100)) / 10_000);
    items.push({ rule: 'fine-share', basisFen: fineTotal, amountFen: Math.min(share, rules.fineShareCapFen) });
  }
  for (const outcome of ['detention', 'arrest', 'conviction'] as const) {
    if (basis.outcomes.includes(outcome)) items.push({ rule: outcome, amountFen: rules.fixedFen[outcome] });
  }
  const orphanOnly = items.length === 0 && basis.violationKinds.includes('orphan-radioactive');
  if (orphanOnly) items.push({ rule: 'orphan-radioactive', amountFen: rules.orphanRadioactiveCapFen });
  if (rules.stacking === 'highest' && items.length > 1) {
    const highest = items.reduce((a, b) => (b.amountFen > a.amountFen ? b : a));
    items = [highest];
  }
  const capFen = capOf(rules, basis.especiallySerious, orphanOnly);
  const total = items.reduce((a, b) => a + b.amountFen, 0);
  return { amountFen: Math.min(total, capFen), items, capFen };
}

export function capOf(rules: RewardRules, especiallySerious: boolean, orphanOnly = false): Fen {
  if (especiallySerious) return rules.especiallySeriousCapFen;
  return orphanOnly ? rules.orphanRadioactiveCapFen : rules.ordinaryCapFen;
}
