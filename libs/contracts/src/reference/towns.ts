/** Yiwu's 8 subdistricts (街道) and 6 towns (镇), NBS division codes as of 2022-10-31 (code 103 is unused). */
export interface Town {
  code: string;
  zh: string;
  en: string;
  kind: 'subdistrict' | 'town';
}

export const YIWU_CITY_CODE = '330782';

export const TOWNS: readonly Town[] = [
  { code: '330782001', zh: '稠城街道', en: 'Choucheng Subdistrict', kind: 'subdistrict' },
  { code: '330782002', zh: '江东街道', en: 'Jiangdong Subdistrict', kind: 'subdistrict' },
  { code: '330782003', zh: '稠江街道', en: 'Choujiang Subdistrict', kind: 'subdistrict' },
  { code: '330782004', zh: '北苑街道', en: 'Beiyuan Subdistrict', kind: 'subdistrict' },
  { code: '330782005', zh: '后宅街道', en: 'Houzhai Subdistrict', kind: 'subdistrict' },
  { code: '330782006', zh: '城西街道', en: 'Chengxi Subdistrict', kind: 'subdistrict' },
  { code: '330782007', zh: '廿三里街道', en: 'Niansanli Subdistrict', kind: 'subdistrict' },
  { code: '330782008', zh: '福田街道', en: 'Futian Subdistrict', kind: 'subdistrict' },
  { code: '330782100', zh: '佛堂镇', en: 'Fotang Town', kind: 'town' },
  { code: '330782101', zh: '赤岸镇', en: "Chi'an Town", kind: 'town' },
  { code: '330782102', zh: '义亭镇', en: 'Yiting Town', kind: 'town' },
  { code: '330782104', zh: '上溪镇', en: 'Shangxi Town', kind: 'town' },
  { code: '330782105', zh: '苏溪镇', en: 'Suxi Town', kind: 'town' },
  { code: '330782106', zh: '大陈镇', en: 'Dachen Town', kind: 'town' },
];

export const TOWN_CODES = TOWNS.map((t) => t.code);

export function findTown(code: string): Town | undefined {
  return TOWNS.find((t) => t.code === code);
}
