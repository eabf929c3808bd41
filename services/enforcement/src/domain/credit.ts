import { DomainError } from '@qingyuan/domain';

/**
 * Environmental credit (环境信用). The national model has four levels marked by colour (环发〔2013〕150号); Zhejiang's
 * current levels and how events move them are [U] in docs/reference, so the levels and the moves are a versioned
 * rule table. Levels are ordered from best to worst.
 */
export interface CreditLevel {
  code: string;
  zh: string;
  en: string;
  colour: string;
}

export type CreditTrigger = 'clean-inspection' | 'problems-found' | 'violation' | 'penalty' | 'criminal-transfer' | 'criminal-conviction';

export type CreditEffect =
  | { kind: 'better'; steps: number }
  | { kind: 'worse'; steps: number }
  /** no better than this level */
  | { kind: 'at-most'; level: string }
  | { kind: 'set'; level: string };

export interface CreditRules {
  levels: CreditLevel[];
  /** the level of an enterprise never rated */
  initial: string;
  moves: Partial<Record<CreditTrigger, CreditEffect>>;
}

export const DEFAULT_CREDIT_RULES: CreditRules = {
  levels: [
    { code: 'green', zh: '环保诚信（绿牌）', en: 'Trustworthy (green)', colour: '#2e7d32' },
    { code: 'blue', zh: '环保良好（蓝牌）', en: 'Good (blue)', colour: '#1565c0' },
    { code: 'yellow', zh: '环保警示（黄牌）', en: 'Warning (yellow)', colour: '#f9a825' },
    { code: 'red', zh: '环保不良（红牌）', en: 'Poor (red)', colour: '#c62828' },
  ],
  initial: 'blue',
  moves: {
    'clean-inspection': { kind: 'better', steps: 1 },
    violation: { kind: 'worse', steps: 1 },
    penalty: { kind: 'at-most', level: 'yellow' },
    // one-vote veto (一票否决): environmental crime gives red directly
    'criminal-transfer': { kind: 'set', level: 'red' },
    'criminal-conviction': { kind: 'set', level: 'red' },
  },
};

export const CREDIT_TRIGGER_LABELS: Record<CreditTrigger, { zh: string; en: string }> = {
  'clean-inspection': { zh: '检查未发现问题', en: 'Clean inspection' },
  'problems-found': { zh: '检查发现问题', en: 'Problems found' },
  violation: { zh: '查实违法行为', en: 'Verified violation' },
  penalty: { zh: '行政处罚', en: 'Administrative penalty' },
  'criminal-transfer': { zh: '涉嫌犯罪移送', en: 'Transferred as a suspected crime' },
  'criminal-conviction': { zh: '环境犯罪判决', en: 'Convicted of an environmental crime' },
};

/** Where an event leaves a level under the rules; undefined when the level does not change. */
export function moveCredit(rules: CreditRules, current: string, trigger: CreditTrigger): string | undefined {
  const effect = rules.moves[trigger];
  if (!effect) return undefined;
  const codes = rules.levels.map((l) => l.code);
  // a level a newer table no longer has counts as the initial one, never as the best
  const at = codes.includes(current) ? codes.indexOf(current) : codes.indexOf(rules.initial);
  let next: number;
  switch (effect.kind) {
    case 'better':
      next = Math.max(0, at - effect.steps);
      break;
    case 'worse':
      next = Math.min(codes.length - 1, at + effect.steps);
      break;
    case 'at-most':
      next = Math.max(at, codes.indexOf(effect.level));
      break;
    case 'set':
      next = codes.indexOf(effect.level);
      break;
  }
  return codes[next] === current ? undefined : codes[next];
}

/** Everything wrong with a credit rule table, so a bad version is refused whole. */
export function creditRuleProblems(rules: CreditRules): Array<{ field: string; zh: string; en: string }> {
  const problems: Array<{ field: string; zh: string; en: string }> = [];
  const codes = Array.isArray(rules.levels) ? rules.levels.map((l) => l?.code) : [];
  if (codes.length < 2 || new Set(codes).size !== codes.length || codes.some((c) => typeof c !== 'string' || !/^[a-z][a-z0-9-]{0,19}$/.test(c))) {
    problems.push({ field: 'levels', zh: '至少两个等级，代码互不相同（小写字母、数字、连字符）', en: 'at least two levels with distinct codes (lower-case letters, digits, hyphens)' });
  }
  if (!codes.includes(rules.initial)) problems.push({ field: 'initial', zh: '须为已定义的等级', en: 'must be one of the levels' });
  for (const [trigger, effect] of Object.entries(rules.moves ?? {})) {
    if (!(trigger in CREDIT_TRIGGER_LABELS)) problems.push({ field: `moves.${trigger}`, zh: '未知的触发事件', en: 'unknown trigger' });
    else if (!effect || !['better', 'worse', 'at-most', 'set'].includes(effect.kind)) problems.push({ field: `moves.${trigger}`, zh: '未知的变化方式', en: 'unknown effect' });
    else if ((effect.kind === 'at-most' || effect.kind === 'set') && !codes.includes(effect.level)) problems.push({ field: `moves.${trigger}.level`, zh: '须为已定义的等级', en: 'must be one of the levels' });
    else if ((effect.kind === 'better' || effect.kind === 'worse') && !(Number.isInteger(effect.steps) && effect.steps >= 1 && effect.steps < codes.length)) {
      problems.push({ field: `moves.${trigger}.steps`, zh: '须为正整数且小于等级数', en: 'must be a whole number from 1 to the number of levels − 1' });
    }
  }
  return problems;
}

export function requireLevel(rules: CreditRules, level: string): void {
  if (!rules.levels.some((l) => l.code === level)) {
    throw new DomainError('UNKNOWN_CREDIT_LEVEL', `未定义的信用等级：${level}`, `Unknown credit level: ${level}`, 'invalid');
  }
}
