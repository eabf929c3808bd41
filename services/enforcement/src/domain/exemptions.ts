/**
 * 轻微违法不予处罚清单 (行政处罚法 art. 33). The governing list for Yiwu is Jinhua's 金环发〔2023〕47号, whose items are
 * [U] here: the shipped items follow the patterns of docs/reference §3.3 and are configuration the bureau replaces
 * with its own list (versioned; each check records the version).
 */
export type ExemptionCondition = 'first-offence' | 'corrected-in-time' | 'no-harm' | 'minor' | 'no-fault';

export const CONDITION_LABELS: Record<ExemptionCondition, { zh: string; en: string }> = {
  'first-offence': { zh: '首次违法', en: 'First offence' },
  'corrected-in-time': { zh: '及时改正', en: 'Corrected in time' },
  'no-harm': { zh: '未造成危害后果', en: 'No harm caused' },
  minor: { zh: '违法行为轻微', en: 'The violation is minor' },
  'no-fault': { zh: '无主观过错', en: 'No subjective fault' },
};

export interface ExemptionItem {
  id: string;
  category: string;
  name: string;
  legalBasis: string;
  /** all must hold */
  conditions: ExemptionCondition[];
  /** 'must': 不予处罚; 'may': 可以不予处罚 (the officer decides) */
  mode: 'must' | 'may';
}

export const DEFAULT_EXEMPTIONS: ExemptionItem[] = [
  { id: 'art33-minor', category: '通用', name: '违法行为轻微并及时改正，没有造成危害后果', legalBasis: '《行政处罚法》第三十三条第一款', conditions: ['minor', 'corrected-in-time', 'no-harm'], mode: 'must' },
  { id: 'art33-first', category: '通用', name: '初次违法且危害后果轻微并及时改正', legalBasis: '《行政处罚法》第三十三条第一款', conditions: ['first-offence', 'minor', 'corrected-in-time'], mode: 'may' },
  { id: 'art33-fault', category: '通用', name: '当事人有证据足以证明没有主观过错', legalBasis: '《行政处罚法》第三十三条第二款', conditions: ['no-fault'], mode: 'must' },
  { id: 'eia-registration', category: '环境影响评价', name: '建设项目环境影响登记表未备案', legalBasis: '《环境影响评价法》第三十一条第三款', conditions: ['first-offence', 'corrected-in-time', 'no-harm'], mode: 'must' },
  { id: 'acceptance-disclosure', category: '竣工环境保护验收', name: '验收报告未依法向社会公开', legalBasis: '《建设项目环境保护管理条例》第二十三条', conditions: ['first-offence', 'corrected-in-time', 'no-harm'], mode: 'must' },
];

export interface ExemptionCheck {
  exempt: boolean;
  /** 'may' items leave the decision to the officer: exempt is what the officer chose */
  mode?: 'must' | 'may';
  conditions: Array<{ condition: ExemptionCondition; met: boolean }>;
}

/** Check one item against the facts the officer established; a 'may' item exempts only if the officer chooses to. */
export function checkExemption(item: ExemptionItem, facts: Partial<Record<ExemptionCondition, boolean>>, officerWaives: boolean): ExemptionCheck {
  const conditions = item.conditions.map((condition) => ({ condition, met: facts[condition] === true }));
  const allMet = conditions.every((c) => c.met);
  return { exempt: allMet && (item.mode === 'must' || officerWaives), mode: item.mode, conditions };
}
