/**
 * Suspected-crime alerts for 污染环境罪 (刑法第三百三十八条) under the 两高 interpretation 法释〔2023〕7号
 * (in force 2023-08-15; repeals 法释〔2016〕29号), as regulations.md §4.5 reads it.
 *
 * Decision support only: the result lists which criteria of art. 1 (严重污染环境), art. 2 (情节严重) and art. 3
 * (七年以上) the established facts meet. Whether a crime was committed is for the police, the procuratorate and the court.
 *
 * - One table (CRITERIA): code, tier, article, labels, a predicate over facts + configuration, a detail formatter.
 * - Every number is configuration (ThresholdConfig); DEFAULT_THRESHOLDS holds the interpretation's.
 * - Thresholds are inclusive: "以上" includes the number itself (刑法第九十九条), so a fact meets one at ≥.
 * - A fact not given is not met. The catch-all items ("其他…的情形": art. 1(11), 2(11), 3(1)4, 3(2)3) are the officer's call.
 */
import { DomainError } from '@qingyuan/domain';

export type CrimeTier = 'serious' | 'grave' | 'especially-grave';

export type Bilingual = { zh: string; en: string };

/** The facts an officer establishes (all optional: unknown facts are simply not met). */
export interface CrimeFacts {
  /** hazardous waste illegally discharged, dumped or disposed of, in tonnes: art. 1(2), art. 2(3) */
  hazardousWasteTonnes?: number;
  /** per sample and metal, measured ÷ the national or local discharge standard: art. 1(3) (Pb Hg Cd Cr As Tl Sb), 1(4) (Ni Cu Zn Ag V Mn Co) */
  heavyMetalExceedances?: Array<{ metal: string; multiple: number }>;
  /** radioactive, infectious or toxic matter discharged, dumped or disposed of in a drinking-water source protection zone, a protected-area core zone or another key protected area: art. 1(1) */
  toxicInProtectedArea?: boolean;
  /** …and it degraded the area's ecological function or seriously damaged its wildlife: art. 2(1) */
  protectedAreaFunctionDegraded?: boolean;
  /** …and the main protected ecosystem severely degraded, or the main protected landscape destroyed: art. 3(1)2 */
  protectedAreaEcosystemSeverelyDegraded?: boolean;
  /** …and nationally protected wild animals or plants, or their habitats, severely damaged: art. 3(1)3 */
  protectedSpeciesSeverelyDamaged?: boolean;
  /** radioactive, infectious or toxic matter discharged into a major river or lake designated by the State */
  toxicIntoMajorWaters?: boolean;
  /** …and it degraded the waters' ecological function or seriously damaged aquatic life: art. 2(2) */
  majorWatersFunctionDegraded?: boolean;
  /** …and the waters' ecosystem severely degraded: art. 3(2)1 */
  majorWatersEcosystemSeverelyDegraded?: boolean;
  /** …and nationally protected wild animals or plants severely damaged: art. 3(2)2 */
  majorWatersSpeciesSeverelyDamaged?: boolean;
  /** toxic discharge by hidden pipes, seepage wells or pits, fissures, karst caves, injection, or a non-emergency opening of the emergency vent: art. 1(5) */
  evasiveToxicDischarge?: boolean;
  /** penalties within 2 years (art. 19) for excess air emissions during heavy-pollution warnings, before this new act: art. 1(6) */
  priorAirPenaltiesInWarning2y?: number;
  /** a key discharger (art. 19) or unit under key permit management tampered with or forged auto-monitoring data, or interfered with the facilities: art. 1(7) */
  keyDischargerMonitoringTampering?: boolean;
  /** penalties within 2 years (art. 19) for radioactive, infectious or toxic discharge, before this new act: art. 1(8) */
  priorToxicPenalties2y?: number;
  /** illegal gains, or loss to public or private property, in yuan: art. 1(9), art. 2(4) */
  lossOrGainYuan?: number;
  /** interruption of a township centralised drinking-water intake, hours: art. 1(10) */
  townshipWaterInterruptionHours?: number;
  /** interruption of a county-town centralised drinking-water intake, hours: art. 2(5) */
  countyWaterInterruptionHours?: number;
  /** interruption of a city (设区的市) centralised drinking-water intake, hours: art. 3(1)1 when from a key protected area */
  cityWaterInterruptionHours?: number;
  /** land whose basic functions were lost or permanently damaged, mu: art. 2(6), art. 3(3) */
  permanentBasicFarmlandMu?: number;
  publicWelfareForestMu?: number;
  otherFarmlandMu?: number;
  otherLandMu?: number;
  /** forest or other trees dead, m³, and saplings dead: art. 2(7) */
  treesDeadM3?: number;
  saplingsDead?: number;
  /** art. 2(8)–(10), art. 3(4) */
  peopleEvacuated?: number;
  peoplePoisoned?: number;
  seriousInjuriesOrIllnesses?: number;
  minorInjuries?: number;
  severeDisabilities?: number;
  deaths?: number;
  /** codes of AGGRAVATING (art. 5) and LENIENCY (art. 6) */
  aggravating?: string[];
  leniency?: string[];
}

/** An aggravating or leniency factor, and the head of a criterion. */
export type FactorLabel = { code: string; article: string } & Bilingual;

export interface CriterionMet extends FactorLabel {
  tier: CrimeTier;
  /** the fact and the threshold, in words */
  detail: Bilingual;
}

export interface ThresholdCheck {
  suspected: boolean;
  tier?: CrimeTier;
  /** highest tier's sentencing range in words */
  range?: Bilingual;
  met: CriterionMet[];
  aggravating: FactorLabel[];
  leniency: FactorLabel[];
  interpretation: '法释〔2023〕7号';
}

export interface ThresholdConfig {
  hazardousWasteTonnes: { serious: number; grave: number };
  heavyMetalMultiple: { groupA: number; groupB: number };
  groupA: string[];
  groupB: string[];
  /** art. 1(6), 1(8): this many penalties within this many years (art. 19), then the act again */
  priorPenalties: { air: number; toxic: number; withinYears: number };
  lossYuan: { serious: number; grave: number };
  waterInterruptionHours: { township: number; county: number; city: number };
  landMu: { basicFarmlandOrForest: number; otherFarmland: number; otherLand: number; basicFarmlandEspeciallyGrave: number };
  treesDeadM3: number;
  saplingsDead: number;
  peopleEvacuated: number;
  peoplePoisoned: number;
  seriousInjuriesOrIllnesses: { grave: number; especiallyGrave: number };
  minorInjuries: number;
  severeDisabilitiesOrDeaths: number;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}

/** The numbers of 法释〔2023〕7号 (frozen: copy it to change a number). */
export const DEFAULT_THRESHOLDS: ThresholdConfig = deepFreeze({
  hazardousWasteTonnes: { serious: 3, grave: 100 },
  heavyMetalMultiple: { groupA: 3, groupB: 10 },
  groupA: ['Pb', 'Hg', 'Cd', 'Cr', 'As', 'Tl', 'Sb'],
  groupB: ['Ni', 'Cu', 'Zn', 'Ag', 'V', 'Mn', 'Co'],
  priorPenalties: { air: 2, toxic: 2, withinYears: 2 },
  lossYuan: { serious: 300_000, grave: 1_000_000 },
  waterInterruptionHours: { township: 12, county: 12, city: 12 },
  landMu: { basicFarmlandOrForest: 10, otherFarmland: 20, otherLand: 50, basicFarmlandEspeciallyGrave: 50 },
  treesDeadM3: 50,
  saplingsDead: 2500,
  peopleEvacuated: 5000,
  peoplePoisoned: 30,
  seriousInjuriesOrIllnesses: { grave: 1, especiallyGrave: 3 },
  minorInjuries: 3,
  severeDisabilitiesOrDeaths: 1,
});

const TIERS: CrimeTier[] = ['serious', 'grave', 'especially-grave'];

export const TIER_LABELS: Record<CrimeTier, Bilingual> = {
  serious: { zh: '严重污染环境', en: 'Serious environmental pollution' },
  grave: { zh: '情节严重', en: 'Grave circumstances' },
  'especially-grave': { zh: '七年以上（情节特别严重）', en: 'Seven years or more (especially grave)' },
};

/** 刑法第三百三十八条, as amended by 刑法修正案（十一）. */
export const SENTENCING_RANGES: Record<CrimeTier, Bilingual> = {
  serious: { zh: '三年以下有期徒刑或者拘役，并处或者单处罚金（刑法第三百三十八条）', en: 'up to 3 years’ imprisonment or criminal detention, with or only a fine (Criminal Law art. 338)' },
  grave: { zh: '三年以上七年以下有期徒刑，并处罚金（刑法第三百三十八条）', en: '3 to 7 years’ imprisonment and a fine (Criminal Law art. 338)' },
  'especially-grave': { zh: '七年以上有期徒刑，并处罚金（刑法第三百三十八条）', en: '7 years’ imprisonment or more and a fine (Criminal Law art. 338)' },
};

/** 从重处罚 (art. 5). */
export const AGGRAVATING: FactorLabel[] = [
  { code: 'obstruction', article: '第五条第（一）项', zh: '阻挠环境监督检查或者突发环境事件调查', en: 'Obstructed an environmental inspection or incident investigation' },
  { code: 'crowded-area', article: '第五条第（二）项', zh: '在医院、学校、居民区等人口集中地区及其附近排放', en: 'Discharged in or near hospitals, schools, residential or other populated areas' },
  { code: 'emergency-or-rectification', article: '第五条第（三）项', zh: '在突发环境事件处置期间或者责令限期整改期间排放', en: 'Discharged during an incident response or an ordered rectification period' },
  { code: 'hazardous-waste-licensee', article: '第五条第（四）项', zh: '具有危险废物经营许可证的企业排放', en: 'Discharged by a holder of a hazardous-waste business licence' },
  { code: 'key-permit-unit-without-permit', article: '第五条第（五）项', zh: '实行排污许可重点管理的单位未依法取得排污许可证排放', en: 'A unit under key permit management discharged without a permit' },
];

/** 从宽处罚 (art. 6). */
export const LENIENCY: FactorLabel[] = [
  { code: 'confession', article: '第六条', zh: '认罪认罚', en: 'Confessed and accepted punishment' },
  { code: 'restoration', article: '第六条', zh: '积极修复生态环境', en: 'Actively restored the environment' },
  { code: 'compliance', article: '第六条', zh: '有效合规整改', en: 'Effective compliance rectification' },
];

/** One row of the table. */
export interface Criterion extends FactorLabel {
  tier: CrimeTier;
  met(facts: CrimeFacts, config: ThresholdConfig): boolean;
  detail(facts: CrimeFacts, config: ThresholdConfig): Bilingual;
}

type Head = Omit<Criterion, 'met' | 'detail'>;

/** A quantity and its threshold, in words. */
interface Measure extends Bilingual {
  unit: Bilingual;
  value(facts: CrimeFacts): number | undefined;
  threshold(config: ThresholdConfig): number;
}

/** 1234567.5 → "1,234,567.5", with every decimal kept (a rounded 2.9995 must not read as 3). */
export function formatNumber(n: number): string {
  const [whole, fraction] = String(n).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
}

const reaches = (m: Measure, f: CrimeFacts, c: ThresholdConfig) => {
  const v = m.value(f);
  return v !== undefined && v >= m.threshold(c);
};

const join = (parts: Bilingual[]): Bilingual => ({ zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') });

/** "危险废物 3.5 吨（≥ 3 吨）" */
function say(m: Measure, f: CrimeFacts, c: ThresholdConfig): Bilingual {
  const [v, t] = [formatNumber(m.value(f) as number), formatNumber(m.threshold(c))];
  return { zh: `${m.zh} ${v} ${m.unit.zh}（≥ ${t} ${m.unit.zh}）`, en: `${m.en}: ${v} ${m.unit.en} (≥ ${t} ${m.unit.en})` };
}

/** Met when any one of the measures reaches its threshold; the detail names those that do. */
function byQuantity(head: Head, ...measures: Measure[]): Criterion {
  const reached = (f: CrimeFacts, c: ThresholdConfig) => measures.filter((m) => reaches(m, f, c));
  return { ...head, met: (f, c) => reached(f, c).length > 0, detail: (f, c) => join(reached(f, c).map((m) => say(m, f, c))) };
}

/** Met when the facts say so; the detail is the item's words. */
function byCondition(head: Head, condition: (f: CrimeFacts) => boolean | undefined, detail: Bilingual): Criterion {
  return { ...head, met: (f) => condition(f) === true, detail: () => detail };
}

function byHeavyMetal(head: Head, group: 'groupA' | 'groupB'): Criterion {
  const hits = (f: CrimeFacts, c: ThresholdConfig) => (f.heavyMetalExceedances ?? []).filter((e) => c[group].includes(e.metal) && e.multiple >= c.heavyMetalMultiple[group]);
  return {
    ...head,
    met: (f, c) => hits(f, c).length > 0,
    detail: (f, c) => {
      const t = formatNumber(c.heavyMetalMultiple[group]);
      const list = hits(f, c).map((e) => ({ zh: `${e.metal} 为标准的 ${formatNumber(e.multiple)} 倍`, en: `${e.metal} ${formatNumber(e.multiple)}× the standard` }));
      return { zh: `${list.map((e) => e.zh).join('、')}（≥ ${t} 倍）`, en: `${list.map((e) => e.en).join(', ')} (≥ ${t}×)` };
    },
  };
}

const unit = { tonnes: { zh: '吨', en: 't' }, yuan: { zh: '元', en: 'yuan' }, hours: { zh: '小时', en: 'h' }, mu: { zh: '亩', en: 'mu' }, m3: { zh: '立方米', en: 'm³' }, trees: { zh: '株', en: 'saplings' }, people: { zh: '人', en: 'people' }, times: { zh: '次', en: 'penalties' } };

const defined = (...values: Array<number | undefined>) => values.filter((v): v is number => v !== undefined);
const sumOf = (...values: Array<number | undefined>) => (defined(...values).length ? defined(...values).reduce((a, b) => a + b, 0) : undefined);
/** A larger intake meets the smaller intake's item too (the 2016 text said "乡镇以上"): a city's interruption counts as at least a county town's. */
const maxOf = (...values: Array<number | undefined>) => (defined(...values).length ? Math.max(...defined(...values)) : undefined);

const TOXIC = { zh: '放射性的废物、含传染病病原体的废物或者有毒物质', en: 'radioactive waste, infectious waste or toxic substances' };
const inProtectedArea = (f: CrimeFacts) => f.toxicInProtectedArea === true;
const intoMajorWaters = (f: CrimeFacts) => f.toxicIntoMajorWaters === true;

const hazardousWaste = (threshold: (c: ThresholdConfig) => number): Measure => ({ zh: '非法排放、倾倒、处置危险废物', en: 'hazardous waste illegally discharged, dumped or disposed of', unit: unit.tonnes, value: (f) => f.hazardousWasteTonnes, threshold });
const lossOrGain = (threshold: (c: ThresholdConfig) => number): Measure => ({ zh: '违法所得或者公私财产损失', en: 'illegal gains or loss to property', unit: unit.yuan, value: (f) => f.lossOrGainYuan, threshold });
const seriousInjuries = (threshold: (c: ThresholdConfig) => number): Measure => ({ zh: '重伤、严重疾病', en: 'serious injuries or illnesses', unit: unit.people, value: (f) => f.seriousInjuriesOrIllnesses, threshold });

/** Art. 1 (严重污染环境), art. 2 (情节严重), art. 3 (七年以上), in the order of the interpretation. */
export const CRITERIA: readonly Criterion[] = [
  byCondition(
    { code: 'art1-1', tier: 'serious', article: '第一条第（一）项', zh: '在重点保护区域排放有毒物质', en: 'Toxic discharge in a key protected area' },
    inProtectedArea,
    { zh: `在饮用水水源保护区、自然保护地核心保护区等依法确定的重点保护区域排放、倾倒、处置${TOXIC.zh}`, en: `${TOXIC.en} discharged, dumped or disposed of in a drinking-water source protection zone, a protected-area core zone or another key protected area` },
  ),
  byQuantity({ code: 'art1-2', tier: 'serious', article: '第一条第（二）项', zh: '非法处置危险废物', en: 'Illegal disposal of hazardous waste' }, hazardousWaste((c) => c.hazardousWasteTonnes.serious)),
  byHeavyMetal({ code: 'art1-3', tier: 'serious', article: '第一条第（三）项', zh: '铅、汞、镉、铬、砷、铊、锑超标排放', en: 'Pb, Hg, Cd, Cr, As, Tl or Sb over the discharge standard' }, 'groupA'),
  byHeavyMetal({ code: 'art1-4', tier: 'serious', article: '第一条第（四）项', zh: '镍、铜、锌、银、钒、锰、钴超标排放', en: 'Ni, Cu, Zn, Ag, V, Mn or Co over the discharge standard' }, 'groupB'),
  byCondition(
    { code: 'art1-5', tier: 'serious', article: '第一条第（五）项', zh: '以逃避监管的方式排放有毒物质', en: 'Toxic discharge evading supervision' },
    (f) => f.evasiveToxicDischarge,
    { zh: `通过暗管、渗井、渗坑、裂隙、溶洞、灌注等逃避监管的方式，或者在非紧急情况下开启大气应急排放通道，排放、倾倒、处置${TOXIC.zh}`, en: `${TOXIC.en} discharged through hidden pipes, seepage wells or pits, fissures, karst caves, injection, or a non-emergency opening of the emergency vent` },
  ),
  byQuantity(
    { code: 'art1-6', tier: 'serious', article: '第一条第（六）项', zh: '重污染天气预警期间超标排放，二年内受过行政处罚又实施', en: 'Excess air emissions during heavy-pollution warnings, again after penalties within 2 years' },
    { zh: '二年内因重污染天气预警期间超标排放大气污染物受过行政处罚', en: 'penalties within 2 years for excess air emissions during heavy-pollution warnings', unit: unit.times, value: (f) => f.priorAirPenaltiesInWarning2y, threshold: (c) => c.priorPenalties.air },
  ),
  byCondition(
    { code: 'art1-7', tier: 'serious', article: '第一条第（七）项', zh: '重点排污单位篡改、伪造自动监测数据', en: 'Key discharger tampered with auto-monitoring' },
    (f) => f.keyDischargerMonitoringTampering,
    { zh: '重点排污单位或者实行排污许可重点管理的单位篡改、伪造自动监测数据或者干扰自动监测设施，排放化学需氧量、氨氮、二氧化硫、氮氧化物等污染物', en: 'a key discharger or unit under key permit management tampered with or forged auto-monitoring data, or interfered with the facilities, while discharging COD, NH₃-N, SO₂, NOx or similar' },
  ),
  byQuantity(
    { code: 'art1-8', tier: 'serious', article: '第一条第（八）项', zh: '二年内因排放有毒物质受过行政处罚又实施', en: 'Toxic discharge again after penalties within 2 years' },
    { zh: `二年内因排放、倾倒、处置${TOXIC.zh}受过行政处罚`, en: `penalties within 2 years for discharging ${TOXIC.en}`, unit: unit.times, value: (f) => f.priorToxicPenalties2y, threshold: (c) => c.priorPenalties.toxic },
  ),
  byQuantity({ code: 'art1-9', tier: 'serious', article: '第一条第（九）项', zh: '违法所得或者致使公私财产损失', en: 'Illegal gains or property loss' }, lossOrGain((c) => c.lossYuan.serious)),
  byQuantity(
    { code: 'art1-10', tier: 'serious', article: '第一条第（十）项', zh: '致使乡镇集中式饮用水水源取水中断', en: 'Township drinking-water intake interrupted' },
    { zh: '乡镇及以上集中式饮用水水源取水中断', en: 'township (or larger) drinking-water intake interrupted', unit: unit.hours, value: (f) => maxOf(f.townshipWaterInterruptionHours, f.countyWaterInterruptionHours, f.cityWaterInterruptionHours), threshold: (c) => c.waterInterruptionHours.township },
  ),
  byCondition(
    { code: 'art2-1', tier: 'grave', article: '第二条第（一）项', zh: '在重点保护区域排放有毒物质，致使生态功能退化', en: 'Toxic discharge in a key protected area degraded its ecology' },
    (f) => inProtectedArea(f) && f.protectedAreaFunctionDegraded,
    { zh: `在重点保护区域排放、倾倒、处置${TOXIC.zh}，造成相关区域的生态功能退化或者野生生物资源严重破坏`, en: `${TOXIC.en} in a key protected area degraded its ecological function or seriously damaged its wildlife` },
  ),
  byCondition(
    { code: 'art2-2', tier: 'grave', article: '第二条第（二）项', zh: '向重要江河、湖泊排放有毒物质，致使生态功能退化', en: 'Toxic discharge into a major river or lake degraded its ecology' },
    (f) => intoMajorWaters(f) && f.majorWatersFunctionDegraded,
    { zh: `向国家确定的重要江河、湖泊水域排放、倾倒、处置${TOXIC.zh}，造成相关水域的生态功能退化或者水生生物资源严重破坏`, en: `${TOXIC.en} in a major river or lake degraded its ecological function or seriously damaged aquatic life` },
  ),
  byQuantity({ code: 'art2-3', tier: 'grave', article: '第二条第（三）项', zh: '非法处置危险废物', en: 'Illegal disposal of hazardous waste' }, hazardousWaste((c) => c.hazardousWasteTonnes.grave)),
  byQuantity({ code: 'art2-4', tier: 'grave', article: '第二条第（四）项', zh: '违法所得或者致使公私财产损失', en: 'Illegal gains or property loss' }, lossOrGain((c) => c.lossYuan.grave)),
  byQuantity(
    { code: 'art2-5', tier: 'grave', article: '第二条第（五）项', zh: '致使县级城区集中式饮用水水源取水中断', en: 'County-town drinking-water intake interrupted' },
    { zh: '县级及以上城区集中式饮用水水源取水中断', en: 'county-town (or larger) drinking-water intake interrupted', unit: unit.hours, value: (f) => maxOf(f.countyWaterInterruptionHours, f.cityWaterInterruptionHours), threshold: (c) => c.waterInterruptionHours.county },
  ),
  byQuantity(
    { code: 'art2-6', tier: 'grave', article: '第二条第（六）项', zh: '致使土地基本功能丧失或者遭受永久性破坏', en: 'Land lost its basic functions or was permanently damaged' },
    { zh: '永久基本农田、公益林地', en: 'permanent basic farmland and public-welfare forest land', unit: unit.mu, value: (f) => sumOf(f.permanentBasicFarmlandMu, f.publicWelfareForestMu), threshold: (c) => c.landMu.basicFarmlandOrForest },
    { zh: '其他农用地', en: 'other farmland', unit: unit.mu, value: (f) => f.otherFarmlandMu, threshold: (c) => c.landMu.otherFarmland },
    { zh: '其他土地', en: 'other land', unit: unit.mu, value: (f) => f.otherLandMu, threshold: (c) => c.landMu.otherLand },
  ),
  byQuantity(
    { code: 'art2-7', tier: 'grave', article: '第二条第（七）项', zh: '致使林木死亡', en: 'Trees killed' },
    { zh: '森林或者其他林木死亡', en: 'trees dead', unit: unit.m3, value: (f) => f.treesDeadM3, threshold: (c) => c.treesDeadM3 },
    { zh: '幼树死亡', en: 'saplings dead', unit: unit.trees, value: (f) => f.saplingsDead, threshold: (c) => c.saplingsDead },
  ),
  byQuantity(
    { code: 'art2-8', tier: 'grave', article: '第二条第（八）项', zh: '致使疏散、转移群众', en: 'People evacuated' },
    { zh: '疏散、转移群众', en: 'people evacuated', unit: unit.people, value: (f) => f.peopleEvacuated, threshold: (c) => c.peopleEvacuated },
  ),
  byQuantity(
    { code: 'art2-9', tier: 'grave', article: '第二条第（九）项', zh: '致使人员中毒', en: 'People poisoned' },
    { zh: '中毒', en: 'people poisoned', unit: unit.people, value: (f) => f.peoplePoisoned, threshold: (c) => c.peoplePoisoned },
  ),
  byQuantity(
    { code: 'art2-10', tier: 'grave', article: '第二条第（十）项', zh: '致使人员重伤、严重疾病或者轻伤', en: 'Serious or minor injuries' },
    seriousInjuries((c) => c.seriousInjuriesOrIllnesses.grave),
    { zh: '轻伤', en: 'minor injuries', unit: unit.people, value: (f) => f.minorInjuries, threshold: (c) => c.minorInjuries },
  ),
  byQuantity(
    { code: 'art3-1-1', tier: 'especially-grave', article: '第三条第（一）项第1目', zh: '在重点保护区域排放有毒物质，致使设区的市级城区取水中断', en: 'Toxic discharge in a key protected area interrupted a city’s water intake' },
    { zh: '重点保护区域排放有毒物质，致使设区的市级城区集中式饮用水水源取水中断', en: 'city drinking-water intake interrupted by toxic discharge in a key protected area', unit: unit.hours, value: (f) => (inProtectedArea(f) ? f.cityWaterInterruptionHours : undefined), threshold: (c) => c.waterInterruptionHours.city },
  ),
  byCondition(
    { code: 'art3-1-2', tier: 'especially-grave', article: '第三条第（一）项第2目', zh: '在重点保护区域排放有毒物质，致使生态系统严重退化', en: 'Toxic discharge in a key protected area severely degraded its ecosystem' },
    (f) => inProtectedArea(f) && f.protectedAreaEcosystemSeverelyDegraded,
    { zh: '造成自然保护地主要保护的生态系统严重退化，或者主要保护的自然景观损毁', en: 'the main protected ecosystem severely degraded, or the main protected landscape destroyed' },
  ),
  byCondition(
    { code: 'art3-1-3', tier: 'especially-grave', article: '第三条第（一）项第3目', zh: '在重点保护区域排放有毒物质，致使重点保护物种严重破坏', en: 'Toxic discharge in a key protected area severely damaged protected species' },
    (f) => inProtectedArea(f) && f.protectedSpeciesSeverelyDamaged,
    { zh: '造成国家重点保护的野生动植物资源或者国家重点保护物种栖息地、生长环境严重破坏', en: 'nationally protected wild animals or plants, or their habitats, severely damaged' },
  ),
  byCondition(
    { code: 'art3-2-1', tier: 'especially-grave', article: '第三条第（二）项第1目', zh: '向重要江河、湖泊排放有毒物质，致使生态系统严重退化', en: 'Toxic discharge into a major river or lake severely degraded its ecosystem' },
    (f) => intoMajorWaters(f) && f.majorWatersEcosystemSeverelyDegraded,
    { zh: '造成国家确定的重要江河、湖泊水域生态系统严重退化', en: 'the ecosystem of a major river or lake severely degraded' },
  ),
  byCondition(
    { code: 'art3-2-2', tier: 'especially-grave', article: '第三条第（二）项第2目', zh: '向重要江河、湖泊排放有毒物质，致使重点保护物种严重破坏', en: 'Toxic discharge into a major river or lake severely damaged protected species' },
    (f) => intoMajorWaters(f) && f.majorWatersSpeciesSeverelyDamaged,
    { zh: '造成国家重点保护的野生动植物资源严重破坏', en: 'nationally protected wild animals or plants severely damaged' },
  ),
  byQuantity(
    { code: 'art3-3', tier: 'especially-grave', article: '第三条第（三）项', zh: '致使永久基本农田基本功能丧失或者遭受永久性破坏', en: 'Permanent basic farmland lost its basic functions' },
    { zh: '永久基本农田', en: 'permanent basic farmland', unit: unit.mu, value: (f) => f.permanentBasicFarmlandMu, threshold: (c) => c.landMu.basicFarmlandEspeciallyGrave },
  ),
  byQuantity(
    { code: 'art3-4', tier: 'especially-grave', article: '第三条第（四）项', zh: '致使人员重伤、严重疾病，或者严重残疾、死亡', en: 'Serious injuries, severe disability or death' },
    seriousInjuries((c) => c.seriousInjuriesOrIllnesses.especiallyGrave),
    { zh: '严重残疾、死亡', en: 'severe disabilities or deaths', unit: unit.people, value: (f) => sumOf(f.severeDisabilities, f.deaths), threshold: (c) => c.severeDisabilitiesOrDeaths },
  ),
];

const factors = (table: FactorLabel[], codes: string[] | undefined) => table.filter((factor) => codes?.includes(factor.code));

/**
 * Which criteria the facts meet, the highest tier among them and its sentencing range. Refuses (DomainError, 'invalid')
 * a configuration or facts with problems rather than answering from them.
 */
export function checkThresholds(facts: CrimeFacts, config: ThresholdConfig = DEFAULT_THRESHOLDS): ThresholdCheck {
  refuseIfAny('INVALID_THRESHOLD_CONFIG', '阈值配置有误', 'Invalid threshold configuration', thresholdConfigProblems(config));
  refuseIfAny('INVALID_CRIME_FACTS', '案件事实有误', 'Invalid crime facts', crimeFactsProblems(facts, config));
  const met: CriterionMet[] = CRITERIA.filter((c) => c.met(facts, config)).map((c) => ({ code: c.code, tier: c.tier, article: c.article, zh: c.zh, en: c.en, detail: c.detail(facts, config) }));
  const tier = met.length ? TIERS[Math.max(...met.map((m) => TIERS.indexOf(m.tier)))] : undefined;
  return {
    suspected: met.length > 0,
    ...(tier && { tier, range: SENTENCING_RANGES[tier] }),
    met,
    aggravating: factors(AGGRAVATING, facts.aggravating),
    leniency: factors(LENIENCY, facts.leniency),
    interpretation: '法释〔2023〕7号',
  };
}

export type Problem = { field: string } & Bilingual;

function refuseIfAny(code: string, zh: string, en: string, problems: Problem[]): void {
  if (problems.length === 0) return;
  throw new DomainError(code, `${zh}：${problems.map((p) => `${p.field} ${p.zh}`).join('；')}`, `${en}: ${problems.map((p) => `${p.field} ${p.en}`).join('; ')}`, 'invalid');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

type FactKind = 'flag' | 'amount' | 'count' | 'metals' | 'aggravating' | 'leniency';
const FACT_KINDS = {
  hazardousWasteTonnes: 'amount', heavyMetalExceedances: 'metals', toxicInProtectedArea: 'flag', protectedAreaFunctionDegraded: 'flag',
  protectedAreaEcosystemSeverelyDegraded: 'flag', protectedSpeciesSeverelyDamaged: 'flag', toxicIntoMajorWaters: 'flag', majorWatersFunctionDegraded: 'flag',
  majorWatersEcosystemSeverelyDegraded: 'flag', majorWatersSpeciesSeverelyDamaged: 'flag', evasiveToxicDischarge: 'flag', priorAirPenaltiesInWarning2y: 'count',
  keyDischargerMonitoringTampering: 'flag', priorToxicPenalties2y: 'count', lossOrGainYuan: 'amount', townshipWaterInterruptionHours: 'amount',
  countyWaterInterruptionHours: 'amount', cityWaterInterruptionHours: 'amount', permanentBasicFarmlandMu: 'amount', publicWelfareForestMu: 'amount',
  otherFarmlandMu: 'amount', otherLandMu: 'amount', treesDeadM3: 'amount', saplingsDead: 'count', peopleEvacuated: 'count', peoplePoisoned: 'count',
  seriousInjuriesOrIllnesses: 'count', minorInjuries: 'count', severeDisabilities: 'count', deaths: 'count', aggravating: 'aggravating', leniency: 'leniency',
} satisfies Record<keyof CrimeFacts, FactKind>;

/** What is wrong with facts (from a request body): field names with bilingual messages; [] when they can be checked. */
export function crimeFactsProblems(facts: unknown, config: ThresholdConfig = DEFAULT_THRESHOLDS): Problem[] {
  if (!isRecord(facts)) return [{ field: 'facts', zh: '须为对象', en: 'must be an object' }];
  const problems: Problem[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, zh, en });
  const metals = [...(config.groupA ?? []), ...(config.groupB ?? [])];
  for (const [field, value] of Object.entries(facts)) {
    const kind: FactKind | undefined = (FACT_KINDS as Record<string, FactKind>)[field];
    if (value === undefined) continue;
    if (!kind) add(field, '未知的事实项', 'unknown fact');
    else if (kind === 'flag' && typeof value !== 'boolean') add(field, '须为 true 或 false', 'must be true or false');
    else if (kind === 'amount' && !isAmount(value)) add(field, '须为不小于 0 的数', 'must be a number ≥ 0');
    else if (kind === 'count' && !(isAmount(value) && Number.isInteger(value))) add(field, '须为不小于 0 的整数', 'must be a whole number ≥ 0');
    else if ((kind === 'metals' || kind === 'aggravating' || kind === 'leniency') && !Array.isArray(value)) add(field, '须为数组', 'must be a list');
    else if (kind === 'metals') {
      (value as unknown[]).forEach((e, i) => {
        if (!isRecord(e)) {
          add(`${field}[${i}]`, '须为 { metal, multiple }', 'must be { metal, multiple }');
          return;
        }
        if (typeof e.metal !== 'string' || !metals.includes(e.metal)) add(`${field}[${i}].metal`, `未知的重金属：${String(e.metal)}（可选：${metals.join('、')}）`, `unknown metal: ${String(e.metal)} (one of ${metals.join(', ')})`);
        if (!isAmount(e.multiple)) add(`${field}[${i}].multiple`, '须为不小于 0 的数（实测浓度 ÷ 排放标准）', 'must be a number ≥ 0 (measured ÷ standard)');
      });
    } else if (kind === 'aggravating' || kind === 'leniency') {
      const [table, zh] = kind === 'aggravating' ? [AGGRAVATING, '从重处罚情节'] : [LENIENCY, '从宽处罚情节'];
      (value as unknown[]).forEach((code, i) => {
        if (!table.some((f) => f.code === code)) add(`${field}[${i}]`, `未知的${zh}代码：${String(code)}`, `unknown ${kind} code: ${String(code)}`);
      });
    }
  }
  return problems;
}

const INTEGER_SETTINGS = ['priorPenalties', 'saplingsDead', 'peopleEvacuated', 'peoplePoisoned', 'seriousInjuriesOrIllnesses', 'minorInjuries', 'severeDisabilitiesOrDeaths'];
const METAL_SYMBOL = /^[A-Z][a-z]?$/;

/**
 * What is wrong with a threshold table (a versioned configuration): [] when it can be used, else refuse it whole.
 * The shape is DEFAULT_THRESHOLDS's: every number positive (counts whole), metal groups non-empty and disjoint,
 * the higher tier's number above the lower's.
 */
export function thresholdConfigProblems(config: unknown): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, zh, en });
  const walk = (schema: unknown, value: unknown, path: string) => {
    const integer = INTEGER_SETTINGS.includes(path.split('.')[0]);
    if (typeof schema === 'number') {
      if (!(isAmount(value) && value > 0 && (!integer || Number.isInteger(value)))) add(path, integer ? '须为正整数' : '须为正数', integer ? 'must be a whole number > 0' : 'must be a number > 0');
    } else if (Array.isArray(schema)) {
      const ok = Array.isArray(value) && value.length > 0 && value.every((m) => typeof m === 'string' && METAL_SYMBOL.test(m)) && new Set(value).size === value.length;
      if (!ok) add(path, '须为不重复的元素符号列表（如 Pb），至少一个', 'must be a non-empty list of distinct element symbols (e.g. Pb)');
    } else if (!isRecord(value)) {
      add(path || 'config', '须为对象', 'must be an object');
    } else {
      const shape = schema as Record<string, unknown>;
      for (const key of Object.keys(value)) if (!(key in shape)) add(path ? `${path}.${key}` : key, '未知的配置项', 'unknown setting');
      for (const [key, sub] of Object.entries(shape)) walk(sub, value[key], path ? `${path}.${key}` : key);
    }
  };
  walk(DEFAULT_THRESHOLDS, config, '');
  if (problems.length > 0) return problems;
  const c = config as ThresholdConfig;
  const ordered = (field: string, lower: number, higher: number) => {
    if (!(lower < higher)) add(field, '高一档的数值须大于低一档', 'the higher tier must need more than the lower');
  };
  ordered('hazardousWasteTonnes.grave', c.hazardousWasteTonnes.serious, c.hazardousWasteTonnes.grave);
  ordered('lossYuan.grave', c.lossYuan.serious, c.lossYuan.grave);
  ordered('seriousInjuriesOrIllnesses.especiallyGrave', c.seriousInjuriesOrIllnesses.grave, c.seriousInjuriesOrIllnesses.especiallyGrave);
  ordered('landMu.basicFarmlandEspeciallyGrave', c.landMu.basicFarmlandOrForest, c.landMu.basicFarmlandEspeciallyGrave);
  const shared = c.groupA.filter((m) => c.groupB.includes(m));
  if (shared.length > 0) add('groupB', `与 groupA 重复：${shared.join('、')}`, `shared with groupA: ${shared.join(', ')}`);
  return problems;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function requireDay(day: string): void {
  const m = ISO_DAY.exec(day);
  const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!d || d.toISOString().slice(0, 10) !== day) throw new DomainError('INVALID_DATE', `日期须为 YYYY-MM-DD：${day}`, `A date must be YYYY-MM-DD: ${day}`, 'invalid');
}

/**
 * Art. 19: "二年内" runs from the day a penalty took effect to the day of the new act. Counts the penalties (by the
 * day each took effect) within that window, both ends included (刑法第九十九条: 以内 includes the number). A window
 * starting on a day the year lacks (29 February) starts on the last day of that month.
 */
export function countPriorPenalties(penaltyEffectiveDays: string[], actDay: string, config: ThresholdConfig = DEFAULT_THRESHOLDS): number {
  [...penaltyEffectiveDays, actDay].forEach(requireDay);
  const [y, m, d] = actDay.split('-').map(Number);
  const start = new Date(Date.UTC(y - config.priorPenalties.withinYears, m - 1, d));
  if (start.getUTCMonth() !== m - 1) start.setUTCDate(0); // no such day (29 February): the month's last day
  const from = start.toISOString().slice(0, 10);
  return penaltyEffectiveDays.filter((day) => day >= from && day <= actDay).length;
}
