import type { ObjectClass, PermitClass } from '@qingyuan/contracts';

/** object class → credit level code → share of that stratum inspected per period */
export type InspectionRatios = Record<ObjectClass, Record<string, number>>;

/**
 * 监管对象名录: which list an enterprise is on, and how often each list is inspected. Key objects are key-management
 * permit holders and 重点排污单位; special objects are those staff listed (repeat complaints, poor record, high risk)
 * or with a credit level the configuration names; the rest are general.
 */
export interface SupervisionConfig {
  specialCreditLevels: string[];
  /** the period a plan's ratios are for, e.g. 'quarter' */
  period: 'quarter' | 'half-year' | 'year';
  ratios: InspectionRatios;
}

/**
 * Defaults [U] (Yiwu's own ratios are unconfirmed, regulations.md §2.2–2.3): per quarter, key objects 25% (Chizhou,
 * Yicheng), general 5% (Chizhou), special 25% (Guangzhou); credit moves the share — green less (Shandong: may be left
 * out), yellow and red more. Special objects with red credit: every one, every quarter.
 */
export const DEFAULT_SUPERVISION_CONFIG: SupervisionConfig = {
  specialCreditLevels: ['red'],
  period: 'quarter',
  ratios: {
    key: { green: 0.1, blue: 0.25, yellow: 0.5, red: 1 },
    general: { green: 0.02, blue: 0.05, yellow: 0.15, red: 0.5 },
    special: { green: 0.25, blue: 0.25, yellow: 0.5, red: 1 },
  },
};

export function objectClassOf(
  enterprise: { permitClass: PermitClass; keyPolluter: boolean; special: boolean; creditLevel: string },
  config: SupervisionConfig,
): ObjectClass {
  if (enterprise.special || config.specialCreditLevels.includes(enterprise.creditLevel)) return 'special';
  if (enterprise.permitClass === 'key' || enterprise.keyPolluter) return 'key';
  return 'general';
}

type Problem = { field: string; zh: string; en: string };

/** Every class needs a ratio in [0, 1] for every credit level, so no enterprise falls out of the draw unseen. */
export function supervisionProblems(config: SupervisionConfig, levels: string[]): Problem[] {
  const problems: Problem[] = [];
  if (!Array.isArray(config?.specialCreditLevels) || !config.specialCreditLevels.every((l) => levels.includes(l))) {
    problems.push({ field: 'specialCreditLevels', zh: '须为已配置的信用等级代码', en: 'must be configured credit level codes' });
  }
  if (!['quarter', 'half-year', 'year'].includes(config?.period)) problems.push({ field: 'period', zh: '须为 quarter、half-year 或 year', en: 'must be quarter, half-year or year' });
  problems.push(...ratioProblems(config?.ratios, levels));
  return problems;
}

export function ratioProblems(ratios: InspectionRatios | undefined, levels: string[], field = 'ratios'): Problem[] {
  const problems: Problem[] = [];
  if (typeof ratios !== 'object' || ratios === null || Array.isArray(ratios)) return [{ field, zh: '须为对象类别 → 信用等级 → 比例', en: 'must map object class → credit level → ratio' }];
  // a class or level the configuration does not know would never be drawn: refused, not ignored
  for (const [cls, byLevel] of Object.entries(ratios)) {
    if (!['key', 'general', 'special'].includes(cls)) problems.push({ field: `${field}.${cls}`, zh: '未知的监管对象类别', en: 'unknown object class' });
    else for (const level of Object.keys(byLevel ?? {})) if (!levels.includes(level)) problems.push({ field: `${field}.${cls}.${level}`, zh: '未配置的信用等级', en: 'credit level not configured' });
  }
  for (const cls of ['key', 'general', 'special'] as const) {
    for (const level of levels) {
      const r = ratios?.[cls]?.[level];
      if (typeof r !== 'number' || !(r >= 0 && r <= 1) || Math.abs(r * 1e6 - Math.round(r * 1e6)) > 1e-6) {
        problems.push({ field: `${field}.${cls}.${level}`, zh: '须为 0 到 1 之间、至多六位小数的比例', en: 'must be a ratio between 0 and 1 with at most 6 decimals' });
      }
    }
  }
  return problems;
}
