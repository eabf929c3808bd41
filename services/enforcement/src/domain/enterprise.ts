import { PERMIT_CLASSES, TOWN_CODES, type EnterpriseRegistered, type PermitClass } from '@qingyuan/contracts';

export type EnterpriseInput = Omit<EnterpriseRegistered, 'enterpriseId'>;

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

/** What is wrong with an enterprise's registration, field by field (the same checks for the API and the import). */
export function enterpriseProblems(e: EnterpriseInput, usccProblem: (code: string) => { zh: string; en: string } | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = (field: keyof EnterpriseInput, value: unknown, max: number) => {
    if (typeof value !== 'string' || value.trim() === '') problems.push({ field, zh: '不能为空', en: 'is required' });
    else if (value.length > max) problems.push({ field, zh: `不能超过 ${max} 个字`, en: `must be at most ${max} characters` });
  };
  text('name', e.name, 200);
  text('address', e.address, 200);
  text('industry', e.industry, 100);
  const uscc = usccProblem(e.uscc ?? '');
  if (uscc) problems.push({ field: 'uscc', ...uscc });
  if (e.townCode !== undefined && !TOWN_CODES.includes(e.townCode)) problems.push({ field: 'townCode', zh: '不是义乌的镇街代码', en: 'is not a Yiwu town code' });
  if (!Object.hasOwn(PERMIT_CLASSES, e.permitClass)) problems.push({ field: 'permitClass', zh: '须为重点管理、简化管理或登记管理', en: 'must be key, simplified or registration' });
  if (e.location && !(Math.abs(e.location.lat) <= 90 && Math.abs(e.location.lng) <= 180)) problems.push({ field: 'location', zh: '经纬度超出范围', en: 'is out of range' });
  return problems;
}

/** How a registry spreadsheet names its columns (Chinese or English headers). */
export const REGISTRY_COLUMNS: Record<string, string[]> = {
  name: ['单位名称', '企业名称', 'name'],
  uscc: ['统一社会信用代码', '信用代码', 'uscc'],
  town: ['镇街', '所属镇街', 'town'],
  address: ['地址', '生产经营场所地址', 'address'],
  industry: ['行业', '行业类别', 'industry'],
  permitClass: ['排污许可管理类别', '管理类别', 'permit class'],
  keyPolluter: ['重点排污单位', 'key polluter'],
  lat: ['纬度', 'lat', 'latitude'],
  lng: ['经度', 'lng', 'longitude'],
};

export const PERMIT_CLASS_NAMES: Record<string, PermitClass> = {
  重点管理: 'key',
  重点: 'key',
  key: 'key',
  简化管理: 'simplified',
  简化: 'simplified',
  simplified: 'simplified',
  登记管理: 'registration',
  登记: 'registration',
  registration: 'registration',
};
