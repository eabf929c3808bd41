/**
 * City departments that lead or co-operate in rectification (牵头/配合部门).
 * The seed list follows the departments Yiwu's plan names; a city edits it in the admin pages.
 */
export interface Department {
  code: string;
  zh: string;
  en: string;
}

export const DEPARTMENTS: readonly Department[] = [
  { code: 'eco-env', zh: '金华市生态环境局义乌分局', en: 'Yiwu Branch, Jinhua Ecology and Environment Bureau' },
  { code: 'econ-info', zh: '市经济和信息化局', en: 'Economy and Information Technology Bureau' },
  { code: 'water', zh: '市水务局', en: 'Water Affairs Bureau' },
  { code: 'law-enforcement', zh: '市综合行政执法局', en: 'Comprehensive Administrative Law Enforcement Bureau' },
  { code: 'public-security', zh: '市公安局', en: 'Public Security Bureau' },
  { code: 'natural-resources', zh: '市自然资源和规划局', en: 'Natural Resources and Planning Bureau' },
  { code: 'agriculture', zh: '市农业农村局', en: 'Agriculture and Rural Affairs Bureau' },
  { code: 'housing', zh: '市住房和城乡建设局', en: 'Housing and Urban-Rural Development Bureau' },
  { code: 'transport', zh: '市交通运输局', en: 'Transport Bureau' },
  { code: 'market', zh: '市市场监督管理局', en: 'Market Supervision Administration' },
  { code: 'health', zh: '市卫生健康局', en: 'Health Commission' },
  { code: 'commerce', zh: '市商务局', en: 'Commerce Bureau' },
  { code: 'emergency', zh: '市应急管理局', en: 'Emergency Management Bureau' },
  { code: 'petition', zh: '市信访局', en: 'Letters and Visits Bureau' },
  { code: 'procuratorate', zh: '市人民检察院', en: "People's Procuratorate" },
  { code: 'court', zh: '市人民法院', en: "People's Court" },
];

export const DEPARTMENT_CODES = DEPARTMENTS.map((d) => d.code);

export function findDepartment(code: string): Department | undefined {
  return DEPARTMENTS.find((d) => d.code === code);
}
