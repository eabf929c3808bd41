/** Problem categories a reporter chooses from (问题类别). */
export const CATEGORIES = {
  water: { zh: '水污染', en: 'Water pollution' },
  air: { zh: '大气污染', en: 'Air pollution' },
  noise: { zh: '噪声污染', en: 'Noise' },
  'solid-waste': { zh: '固体废物', en: 'Solid waste' },
  'hazardous-waste': { zh: '危险废物', en: 'Hazardous waste' },
  soil: { zh: '土壤污染', en: 'Soil pollution' },
  radiation: { zh: '辐射', en: 'Radiation' },
  ecological: { zh: '生态破坏', en: 'Ecological damage' },
  'drinking-water-source': { zh: '饮用水水源', en: 'Drinking-water source' },
  other: { zh: '其他', en: 'Other' },
} as const;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as Category[];

/** Discovery channels (线索来源渠道). */
export const CHANNELS = {
  'public-web': { zh: '群众网上举报', en: 'Public web report' },
  'hotline-12345': { zh: '12345热线', en: '12345 hotline' },
  'hotline-12369': { zh: '12369热线', en: '12369 hotline' },
  phone: { zh: '来电', en: 'Phone call' },
  letter: { zh: '来信', en: 'Letter' },
  visit: { zh: '来访', en: 'Visit' },
  petition: { zh: '信访', en: 'Petition' },
  'grid-patrol': { zh: '网格员巡查', en: 'Grid worker patrol' },
  'river-chief': { zh: '河长巡河', en: 'River chief patrol' },
  organisation: { zh: '社会组织', en: 'Organisation' },
  media: { zh: '媒体舆情', en: 'Media and public opinion' },
  'monitoring-alarm': { zh: '在线监控报警', en: 'Online monitoring alarm' },
  inspection: { zh: '执法检查', en: 'Inspection finding' },
  open311: { zh: 'Open311 接口', en: 'Open311 API' },
} as const;

/** Channels staff register by hand (来电、来信、来访、信访、媒体舆情), each with the original reference. */
export const STAFF_CHANNELS = ['phone', 'letter', 'visit', 'petition', 'hotline-12345', 'hotline-12369', 'media'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** Kinds of organisation that submit clues through an organisation account. */
export const ORGANISATION_KINDS = {
  'social-organisation': { zh: '社会组织', en: 'Social organisation' },
  'environmental-steward': { zh: '环保管家', en: 'Environmental steward (环保管家)' },
  'industry-association': { zh: '行业协会', en: 'Industry association' },
  'technical-service': { zh: '技术服务机构', en: 'Technical service agency' },
  // 行刑衔接 liaison accounts speak for their agency
  police: { zh: '公安机关', en: 'Police' },
  procuratorate: { zh: '检察机关', en: 'Procuratorate' },
  court: { zh: '审判机关', en: 'Court' },
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_CODES = Object.keys(CHANNELS) as Channel[];
