import { MATERIAL_KINDS } from '@qingyuan/contracts';

/**
 * Materials that must be on the transfer before it is sent (2020 规定 art. 6: letter, investigation report, list of
 * items, test or forensic reports). Configuration: a bureau may require more (e.g. the 2017 办法's site records).
 */
export const DEFAULT_REQUIRED_MATERIALS: Record<'criminal' | 'detention', string[]> = {
  criminal: ['transfer-letter', 'investigation-report', 'items-list', 'test-reports'],
  // the 2015 detention measures ask for the case files as originals; the letter and the report carry them
  detention: ['transfer-letter', 'investigation-report'],
};

export function requiredMaterialsProblems(rules: unknown): Array<{ field: string; zh: string; en: string }> {
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return [{ field: 'rules', zh: '须按移送类型列出必备材料', en: 'must list the required materials per kind' }];
  const problems: Array<{ field: string; zh: string; en: string }> = [];
  for (const kind of ['criminal', 'detention']) {
    const list = (rules as Record<string, unknown>)[kind];
    if (!Array.isArray(list) || list.some((k) => typeof k !== 'string' || !Object.hasOwn(MATERIAL_KINDS, k))) {
      problems.push({ field: `rules.${kind}`, zh: `须为材料类别列表：${Object.keys(MATERIAL_KINDS).join('、')}`, en: `must be a list of material kinds: ${Object.keys(MATERIAL_KINDS).join(', ')}` });
    }
  }
  for (const key of Object.keys(rules)) if (key !== 'criminal' && key !== 'detention') problems.push({ field: `rules.${key}`, zh: '未知的移送类型', en: 'unknown transfer kind' });
  return problems;
}
