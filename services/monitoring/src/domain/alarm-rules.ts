import { ALARM_KINDS, TIER_ORDER, type AlarmKind, type AlarmTier } from '@qingyuan/contracts';

/**
 * 分级分类预警 rules: which condition opens which tier, when an alarm escalates, and from which tier it becomes a
 * clue. Every number here is configuration (regulations §5.7–5.8 are [P]/[U]); the defaults follow §5.8's table.
 */
export interface AlarmRules {
  /** data flags whose values are used to judge (regulations §5.3: never F, M, D, C, T, B) */
  validFlags: string[];
  /** exceedance tiers by value ÷ limit, ascending; the highest step reached applies */
  exceedanceTiers: Array<{ minMultiple: number; tier: AlarmTier }>;
  /** an exceedance by a key discharger (重点排污单位) is at least this tier */
  keyPolluterExceedanceTier: AlarmTier;
  /** 贴限排放: this many consecutive valid hourly averages within [minShare × limit, limit] */
  nearLimit: { minShare: number; hours: number; tier: AlarmTier };
  /** 恒值: this many consecutive real-time/minute values whose spread is at most `maxSpreadShare` of the range (0 without a range) */
  constant: { values: number; maxSpreadShare: number; tier: AlarmTier };
  zero: { values: number; tier: AlarmTier };
  negative: { tier: AlarmTier };
  outOfRange: { tier: AlarmTier };
  /** 脱机: no frame within `intervals` × the device's real-time interval */
  offline: { intervals: number; tier: AlarmTier };
  /** F, D, B, T reported on this many consecutive values */
  deviceFlag: { flags: string[]; values: number; tier: AlarmTier };
  /** 工况: treatment off while production runs on this many consecutive run-state readings */
  processCondition: { readings: number; tier: AlarmTier };
  escalation: {
    /** not acknowledged within this many minutes: one tier up, at most once per period */
    unacknowledgedMinutes: number;
    /** still open after this many hours (e.g. a fault not fixed within 12 h, §5.6): one tier up per period */
    persistingHours: number;
    /** escalation never goes above */
    maxTier: AlarmTier;
  };
  /** an alarm at or above this tier opens a clue in intake (channel: online monitoring) */
  clueTier: AlarmTier;
  /** hours to verify on site per tier (Jiangsu example: 4 h key dischargers, 48 h others; §5.8 [P]) */
  verificationHours: Record<AlarmTier, number>;
  /** hours the enterprise has to answer a remote warning */
  warningReplyHours: number;
}

export const DEFAULT_ALARM_RULES: AlarmRules = {
  validFlags: ['N'],
  exceedanceTiers: [
    { minMultiple: 1, tier: 'orange' },
    { minMultiple: 2, tier: 'red' },
  ],
  keyPolluterExceedanceTier: 'red',
  nearLimit: { minShare: 0.9, hours: 6, tier: 'orange' },
  constant: { values: 30, maxSpreadShare: 0.02, tier: 'yellow' },
  zero: { values: 10, tier: 'yellow' },
  negative: { tier: 'yellow' },
  outOfRange: { tier: 'yellow' },
  offline: { intervals: 3, tier: 'yellow' },
  deviceFlag: { flags: ['F', 'D', 'B', 'T'], values: 10, tier: 'blue' },
  processCondition: { readings: 3, tier: 'orange' },
  escalation: { unacknowledgedMinutes: 240, persistingHours: 12, maxTier: 'red' },
  clueTier: 'orange',
  verificationHours: { blue: 72, yellow: 48, orange: 24, red: 4 },
  warningReplyHours: 24,
};

export const tierRank = (tier: AlarmTier): number => TIER_ORDER.indexOf(tier);
export const higherTier = (a: AlarmTier, b: AlarmTier): AlarmTier => (tierRank(a) >= tierRank(b) ? a : b);
export const nextTier = (tier: AlarmTier, max: AlarmTier): AlarmTier => TIER_ORDER[Math.min(tierRank(tier) + 1, tierRank(max))];

/** The tier of an exceedance, or undefined when the value is within the limit. */
export function exceedanceTier(rules: AlarmRules, multiple: number, keyPolluter: boolean): AlarmTier | undefined {
  let tier: AlarmTier | undefined;
  for (const step of rules.exceedanceTiers) if (multiple >= step.minMultiple && multiple > 1) tier = step.tier;
  if (!tier) return undefined;
  return keyPolluter ? higherTier(tier, rules.keyPolluterExceedanceTier) : tier;
}

/** Flags whose data are never used to judge, whatever the configuration (regulations §5.3). */
const INVALID_FLAGS = ['F', 'M', 'D', 'C', 'T', 'B'];

export interface RuleProblem {
  field: string;
  zh: string;
  en: string;
}

/** Every problem of a rule table, so a bad table is refused whole. */
export function alarmRuleProblems(rules: AlarmRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const tier = (field: string, value: unknown) => {
    if (!TIER_ORDER.includes(value as AlarmTier)) problems.push({ field, zh: `不是已知的预警等级（${TIER_ORDER.join('/')}）`, en: `is not a tier (${TIER_ORDER.join('/')})` });
  };
  const positive = (field: string, value: unknown, integer = true) => {
    if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isInteger(value))) {
      problems.push({ field, zh: integer ? '须为正整数' : '须为正数', en: integer ? 'must be a positive whole number' : 'must be a positive number' });
    }
  };
  if (!rules || typeof rules !== 'object') return [{ field: 'rules', zh: '须为对象', en: 'must be an object' }];
  if (!Array.isArray(rules.validFlags) || rules.validFlags.length === 0 || rules.validFlags.some((f) => typeof f !== 'string' || f.length !== 1)) {
    problems.push({ field: 'validFlags', zh: '须为单字符标记的非空列表', en: 'must be a non-empty list of one-character flags' });
  } else if (rules.validFlags.some((f) => INVALID_FLAGS.includes(f))) {
    problems.push({ field: 'validFlags', zh: `不得包含 ${INVALID_FLAGS.join('/')}（此类数据不得用于判定超标）`, en: `may not include ${INVALID_FLAGS.join('/')} (such data never judge an exceedance)` });
  }
  if (!Array.isArray(rules.exceedanceTiers) || rules.exceedanceTiers.length === 0) {
    problems.push({ field: 'exceedanceTiers', zh: '至少需要一级', en: 'needs at least one step' });
  } else {
    rules.exceedanceTiers.forEach((s, i) => {
      positive(`exceedanceTiers[${i}].minMultiple`, s?.minMultiple, false);
      tier(`exceedanceTiers[${i}].tier`, s?.tier);
      if (i > 0 && !(s?.minMultiple > rules.exceedanceTiers[i - 1]?.minMultiple)) {
        problems.push({ field: `exceedanceTiers[${i}].minMultiple`, zh: '须按倍数递增', en: 'must increase step by step' });
      }
    });
  }
  tier('keyPolluterExceedanceTier', rules.keyPolluterExceedanceTier);
  const share = (field: string, value: unknown) => {
    if (typeof value !== 'number' || value < 0 || value >= 1) problems.push({ field, zh: '须在 0 与 1 之间', en: 'must be from 0 to below 1' });
  };
  share('nearLimit.minShare', rules.nearLimit?.minShare);
  positive('nearLimit.hours', rules.nearLimit?.hours);
  tier('nearLimit.tier', rules.nearLimit?.tier);
  positive('constant.values', rules.constant?.values);
  share('constant.maxSpreadShare', rules.constant?.maxSpreadShare);
  tier('constant.tier', rules.constant?.tier);
  positive('zero.values', rules.zero?.values);
  tier('zero.tier', rules.zero?.tier);
  tier('negative.tier', rules.negative?.tier);
  tier('outOfRange.tier', rules.outOfRange?.tier);
  positive('offline.intervals', rules.offline?.intervals);
  tier('offline.tier', rules.offline?.tier);
  if (!Array.isArray(rules.deviceFlag?.flags) || rules.deviceFlag.flags.some((f) => typeof f !== 'string' || f.length !== 1)) {
    problems.push({ field: 'deviceFlag.flags', zh: '须为单字符标记列表', en: 'must be a list of one-character flags' });
  }
  positive('deviceFlag.values', rules.deviceFlag?.values);
  tier('deviceFlag.tier', rules.deviceFlag?.tier);
  positive('processCondition.readings', rules.processCondition?.readings);
  tier('processCondition.tier', rules.processCondition?.tier);
  positive('escalation.unacknowledgedMinutes', rules.escalation?.unacknowledgedMinutes);
  positive('escalation.persistingHours', rules.escalation?.persistingHours, false);
  tier('escalation.maxTier', rules.escalation?.maxTier);
  tier('clueTier', rules.clueTier);
  for (const t of TIER_ORDER) positive(`verificationHours.${t}`, rules.verificationHours?.[t], false);
  positive('warningReplyHours', rules.warningReplyHours, false);
  return problems;
}

export const kindName = (kind: AlarmKind) => ALARM_KINDS[kind];
