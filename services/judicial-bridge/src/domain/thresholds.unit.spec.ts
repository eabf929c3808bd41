import fc from 'fast-check';
import { DomainError } from '@qingyuan/domain';
import {
  AGGRAVATING,
  checkThresholds,
  countPriorPenalties,
  CRITERIA,
  crimeFactsProblems,
  DEFAULT_THRESHOLDS,
  formatNumber,
  LENIENCY,
  thresholdConfigProblems,
  type CrimeFacts,
  type CrimeTier,
  type ThresholdConfig,
} from './thresholds';

const TIERS: Array<CrimeTier | undefined> = [undefined, 'serious', 'grave', 'especially-grave'];
const rank = (tier: CrimeTier | undefined) => TIERS.indexOf(tier);
const tierOf = (code: string): CrimeTier => (['serious', 'grave', 'especially-grave'] as const)[Number(code[3]) - 1];
const codes = (facts: CrimeFacts, config?: ThresholdConfig) => checkThresholds(facts, config).met.map((m) => m.code);
const tierFor = (facts: CrimeFacts, config?: ThresholdConfig) => checkThresholds(facts, config).tier;
const withConfig = (patch: Partial<ThresholdConfig>): ThresholdConfig => ({ ...DEFAULT_THRESHOLDS, ...patch });
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);
const refusal = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
};

const protectedArea = { toxicInProtectedArea: true };
const majorWaters = { toxicIntoMajorWaters: true };

/** Each criterion at its threshold (met) and just below it or without its precondition (not met). */
const BOUNDARIES: Array<[code: string, at: CrimeFacts, below: CrimeFacts]> = [
  ['art1-1', { toxicInProtectedArea: true }, { toxicInProtectedArea: false }],
  ['art1-2', { hazardousWasteTonnes: 3 }, { hazardousWasteTonnes: 2.999 }],
  ['art1-3', { heavyMetalExceedances: [{ metal: 'Pb', multiple: 3 }] }, { heavyMetalExceedances: [{ metal: 'Pb', multiple: 2.999 }] }],
  ['art1-3', { heavyMetalExceedances: [{ metal: 'Sb', multiple: 3 }] }, { heavyMetalExceedances: [{ metal: 'Ni', multiple: 3 }] }],
  ['art1-4', { heavyMetalExceedances: [{ metal: 'Ni', multiple: 10 }] }, { heavyMetalExceedances: [{ metal: 'Ni', multiple: 9.999 }] }],
  ['art1-4', { heavyMetalExceedances: [{ metal: 'Co', multiple: 10 }] }, { heavyMetalExceedances: [{ metal: 'Co', multiple: 9.999 }] }],
  ['art1-5', { evasiveToxicDischarge: true }, { evasiveToxicDischarge: false }],
  ['art1-6', { priorAirPenaltiesInWarning2y: 2 }, { priorAirPenaltiesInWarning2y: 1 }],
  ['art1-7', { keyDischargerMonitoringTampering: true }, { keyDischargerMonitoringTampering: false }],
  ['art1-8', { priorToxicPenalties2y: 2 }, { priorToxicPenalties2y: 1 }],
  ['art1-9', { lossOrGainYuan: 300_000 }, { lossOrGainYuan: 299_999.99 }],
  ['art1-10', { townshipWaterInterruptionHours: 12 }, { townshipWaterInterruptionHours: 11.99 }],
  ['art2-1', { ...protectedArea, protectedAreaFunctionDegraded: true }, { protectedAreaFunctionDegraded: true }],
  ['art2-2', { ...majorWaters, majorWatersFunctionDegraded: true }, { ...majorWaters, majorWatersFunctionDegraded: false }],
  ['art2-3', { hazardousWasteTonnes: 100 }, { hazardousWasteTonnes: 99.999 }],
  ['art2-4', { lossOrGainYuan: 1_000_000 }, { lossOrGainYuan: 999_999.99 }],
  ['art2-5', { countyWaterInterruptionHours: 12 }, { countyWaterInterruptionHours: 11.99 }],
  ['art2-5', { cityWaterInterruptionHours: 12 }, { cityWaterInterruptionHours: 11.99 }],
  ['art2-6', { permanentBasicFarmlandMu: 10 }, { permanentBasicFarmlandMu: 9.99 }],
  ['art2-6', { permanentBasicFarmlandMu: 4, publicWelfareForestMu: 6 }, { permanentBasicFarmlandMu: 4, publicWelfareForestMu: 5.99 }],
  ['art2-6', { otherFarmlandMu: 20 }, { otherFarmlandMu: 19.99 }],
  ['art2-6', { otherLandMu: 50 }, { otherLandMu: 49.99 }],
  ['art2-7', { treesDeadM3: 50 }, { treesDeadM3: 49.99 }],
  ['art2-7', { saplingsDead: 2500 }, { saplingsDead: 2499 }],
  ['art2-8', { peopleEvacuated: 5000 }, { peopleEvacuated: 4999 }],
  ['art2-9', { peoplePoisoned: 30 }, { peoplePoisoned: 29 }],
  ['art2-10', { seriousInjuriesOrIllnesses: 1 }, { seriousInjuriesOrIllnesses: 0 }],
  ['art2-10', { minorInjuries: 3 }, { minorInjuries: 2 }],
  ['art3-1-1', { ...protectedArea, cityWaterInterruptionHours: 12 }, { ...protectedArea, cityWaterInterruptionHours: 11.99 }],
  ['art3-1-1', { ...protectedArea, cityWaterInterruptionHours: 12 }, { cityWaterInterruptionHours: 24 }],
  ['art3-1-2', { ...protectedArea, protectedAreaEcosystemSeverelyDegraded: true }, { protectedAreaEcosystemSeverelyDegraded: true }],
  ['art3-1-3', { ...protectedArea, protectedSpeciesSeverelyDamaged: true }, { ...protectedArea, protectedSpeciesSeverelyDamaged: false }],
  ['art3-2-1', { ...majorWaters, majorWatersEcosystemSeverelyDegraded: true }, { majorWatersEcosystemSeverelyDegraded: true }],
  ['art3-2-2', { ...majorWaters, majorWatersSpeciesSeverelyDamaged: true }, { majorWatersSpeciesSeverelyDamaged: true }],
  ['art3-3', { permanentBasicFarmlandMu: 50 }, { permanentBasicFarmlandMu: 49.99 }],
  ['art3-4', { seriousInjuriesOrIllnesses: 3 }, { seriousInjuriesOrIllnesses: 2 }],
  ['art3-4', { deaths: 1 }, { deaths: 0 }],
  ['art3-4', { severeDisabilities: 1 }, { severeDisabilities: 0, deaths: 0 }],
];

describe('each criterion of 法释〔2023〕7号 at its threshold (inclusive) and just below it', () => {
  it('covers every criterion in the table, in the order of the interpretation', () => {
    expect([...new Set(BOUNDARIES.map(([code]) => code))]).toEqual(CRITERIA.map((c) => c.code));
  });

  it.each(BOUNDARIES)('%s: met at %j, not met at %j', (code, at, below) => {
    const result = checkThresholds(at);
    expect(result.met.find((m) => m.code === code)?.tier).toBe(tierOf(code));
    expect(result.tier).toBe(tierOf(code));
    expect(codes(below)).not.toContain(code);
    expect(rank(tierFor(below))).toBeLessThan(rank(tierOf(code)));
  });

  it('labels every criterion in Chinese first, citing its article', () => {
    for (const c of CRITERIA) {
      expect(c.article).toMatch(/^第[一二三]条第（[一二三四五六七八九十]+）项(第\d目)?$/);
      expect(c.zh).toMatch(/^[\u4e00-\u9fff]/);
      expect(c.en).toMatch(/^[A-Z]/);
    }
    expect(new Set(CRITERIA.map((c) => c.code)).size).toBe(CRITERIA.length);
  });
});

describe('the examples an officer meets most', () => {
  it('hazardous waste: 3 t is 严重污染环境, 2.999 t is nothing, 100 t is 情节严重 (and still meets art. 1(2))', () => {
    expect(checkThresholds({ hazardousWasteTonnes: 3 })).toMatchObject({ suspected: true, tier: 'serious' });
    expect(checkThresholds({ hazardousWasteTonnes: 2.999 })).toMatchObject({ suspected: false, met: [] });
    expect(checkThresholds({ hazardousWasteTonnes: 100 })).toMatchObject({ suspected: true, tier: 'grave' });
    expect(codes({ hazardousWasteTonnes: 100 })).toEqual(['art1-2', 'art2-3']);
  });

  it('heavy metals by group: Pb ×3 yes, Ni ×3 no, Ni ×10 yes; a metal counts only in its own group', () => {
    const metal = (m: string, multiple: number) => codes({ heavyMetalExceedances: [{ metal: m, multiple }] });
    expect(metal('Pb', 3)).toEqual(['art1-3']);
    expect(metal('Ni', 3)).toEqual([]);
    expect(metal('Ni', 10)).toEqual(['art1-4']);
    expect(metal('Pb', 10)).toEqual(['art1-3']);
    for (const m of DEFAULT_THRESHOLDS.groupA) expect(metal(m, 3)).toEqual(['art1-3']);
    for (const m of DEFAULT_THRESHOLDS.groupB) expect([metal(m, 9.99), metal(m, 10)]).toEqual([[], ['art1-4']]);
  });

  it('says in words what was found and the threshold, naming only the metals over it', () => {
    const [waste] = checkThresholds({ hazardousWasteTonnes: 3.5 }).met;
    expect(waste).toMatchObject({ article: '第一条第（二）项', zh: '非法处置危险废物' });
    expect(waste.detail).toEqual({ zh: '非法排放、倾倒、处置危险废物 3.5 吨（≥ 3 吨）', en: 'hazardous waste illegally discharged, dumped or disposed of: 3.5 t (≥ 3 t)' });
    const exceedances = [{ metal: 'Pb', multiple: 3.2 }, { metal: 'Cd', multiple: 2 }, { metal: 'Hg', multiple: 12 }];
    expect(checkThresholds({ heavyMetalExceedances: exceedances }).met[0].detail).toEqual({ zh: 'Pb 为标准的 3.2 倍、Hg 为标准的 12 倍（≥ 3 倍）', en: 'Pb 3.2× the standard, Hg 12× the standard (≥ 3×)' });
    const loss = checkThresholds({ lossOrGainYuan: 1_250_000.5 }).met.map((m) => m.detail.zh);
    expect(loss).toEqual(['违法所得或者公私财产损失 1,250,000.5 元（≥ 300,000 元）', '违法所得或者公私财产损失 1,250,000.5 元（≥ 1,000,000 元）']);
  });

  it('names only the measures of a criterion that reached their thresholds', () => {
    const [land] = checkThresholds({ otherFarmlandMu: 25, otherLandMu: 10 }).met;
    expect(land.detail).toEqual({ zh: '其他农用地 25 亩（≥ 20 亩）', en: 'other farmland: 25 mu (≥ 20 mu)' });
    const [injuries] = checkThresholds({ seriousInjuriesOrIllnesses: 1, minorInjuries: 4 }).met;
    expect(injuries.detail.zh).toBe('重伤、严重疾病 1 人（≥ 1 人）；轻伤 4 人（≥ 3 人）');
  });

  it('counts a larger drinking-water intake as at least the smaller one, but a city’s only with toxic discharge in a key protected area for art. 3', () => {
    expect(codes({ countyWaterInterruptionHours: 12 })).toEqual(['art1-10', 'art2-5']);
    expect(codes({ cityWaterInterruptionHours: 30 })).toEqual(['art1-10', 'art2-5']);
    expect(codes({ ...protectedArea, cityWaterInterruptionHours: 30 })).toEqual(['art1-1', 'art1-10', 'art2-5', 'art3-1-1']);
  });

  it('adds permanent basic farmland and public-welfare forest land for art. 2(6), but only farmland counts for art. 3(3)', () => {
    expect(codes({ permanentBasicFarmlandMu: 30, publicWelfareForestMu: 30 })).toEqual(['art2-6']);
    expect(codes({ permanentBasicFarmlandMu: 50 })).toEqual(['art2-6', 'art3-3']);
  });
});

describe('the result', () => {
  it('with no facts: nothing met, not suspected, no tier and no range', () => {
    expect(checkThresholds({})).toEqual({ suspected: false, met: [], aggravating: [], leniency: [], interpretation: '法释〔2023〕7号' });
  });

  it('the highest tier wins and brings its sentencing range', () => {
    const result = checkThresholds({ hazardousWasteTonnes: 5, deaths: 1, peoplePoisoned: 40 });
    expect(result.tier).toBe('especially-grave');
    expect(result.range).toEqual({ zh: '七年以上有期徒刑，并处罚金（刑法第三百三十八条）', en: '7 years’ imprisonment or more and a fine (Criminal Law art. 338)' });
    expect(checkThresholds({ hazardousWasteTonnes: 5, peoplePoisoned: 40 }).range?.zh).toBe('三年以上七年以下有期徒刑，并处罚金（刑法第三百三十八条）');
    expect(checkThresholds({ hazardousWasteTonnes: 5 }).range?.zh).toBe('三年以下有期徒刑或者拘役，并处或者单处罚金（刑法第三百三十八条）');
  });

  it('lists every criterion met, in article order, each with its own tier', () => {
    const result = checkThresholds({ deaths: 2, evasiveToxicDischarge: true, hazardousWasteTonnes: 120, peopleEvacuated: 6000 });
    expect(result.met.map((m) => [m.code, m.tier])).toEqual([
      ['art1-2', 'serious'],
      ['art1-5', 'serious'],
      ['art2-3', 'grave'],
      ['art2-8', 'grave'],
      ['art3-4', 'especially-grave'],
    ]);
    expect(result.met.map((m) => m.article)).toEqual(['第一条第（二）项', '第一条第（五）项', '第二条第（三）项', '第二条第（八）项', '第三条第（四）项']);
  });

  it('labels aggravating (art. 5) and leniency (art. 6) factors in table order, without changing the tier', () => {
    const result = checkThresholds({ hazardousWasteTonnes: 4, aggravating: ['hazardous-waste-licensee', 'obstruction'], leniency: ['restoration'] });
    expect(result.aggravating).toEqual([
      { code: 'obstruction', article: '第五条第（一）项', zh: '阻挠环境监督检查或者突发环境事件调查', en: 'Obstructed an environmental inspection or incident investigation' },
      { code: 'hazardous-waste-licensee', article: '第五条第（四）项', zh: '具有危险废物经营许可证的企业排放', en: 'Discharged by a holder of a hazardous-waste business licence' },
    ]);
    expect(result.leniency).toEqual([{ code: 'restoration', article: '第六条', zh: '积极修复生态环境', en: 'Actively restored the environment' }]);
    expect(result.tier).toBe('serious');
    expect(AGGRAVATING.map((f) => f.code)).toEqual(['obstruction', 'crowded-area', 'emergency-or-rectification', 'hazardous-waste-licensee', 'key-permit-unit-without-permit']);
    expect(LENIENCY.map((f) => f.code)).toEqual(['confession', 'restoration', 'compliance']);
    expect(checkThresholds({ aggravating: ['crowded-area'] })).toMatchObject({ suspected: false, aggravating: [{ code: 'crowded-area' }] });
  });

  it('formats numbers with every decimal kept, so 2.9995 never reads as 3', () => {
    expect([formatNumber(2.9995), formatNumber(1_000_000), formatNumber(999), formatNumber(0)]).toEqual(['2.9995', '1,000,000', '999', '0']);
  });
});

describe('a changed configuration (a new versioned table)', () => {
  it('moves the thresholds', () => {
    const config = withConfig({ hazardousWasteTonnes: { serious: 5, grave: 50 } });
    expect(codes({ hazardousWasteTonnes: 4.99 }, config)).toEqual([]);
    expect(codes({ hazardousWasteTonnes: 5 }, config)).toEqual(['art1-2']);
    expect(tierFor({ hazardousWasteTonnes: 50 }, config)).toBe('grave');
    expect(checkThresholds({ hazardousWasteTonnes: 5 }, config).met[0].detail.zh).toBe('非法排放、倾倒、处置危险废物 5 吨（≥ 5 吨）');
  });

  it('moves the heavy-metal multiples and groups', () => {
    const config = withConfig({ heavyMetalMultiple: { groupA: 5, groupB: 10 }, groupA: ['Pb', 'Hg', 'Cd', 'Cr', 'As', 'Tl', 'Sb', 'Ni'], groupB: ['Cu', 'Zn'] });
    expect(codes({ heavyMetalExceedances: [{ metal: 'Pb', multiple: 4 }] }, config)).toEqual([]);
    expect(codes({ heavyMetalExceedances: [{ metal: 'Ni', multiple: 5 }] }, config)).toEqual(['art1-3']);
    expect(crimeFactsProblems({ heavyMetalExceedances: [{ metal: 'Co', multiple: 50 }] }, config).map((p) => p.field)).toEqual(['heavyMetalExceedances[0].metal']);
  });

  it('moves the counts of people and prior penalties', () => {
    const config = withConfig({ peoplePoisoned: 10, priorPenalties: { air: 3, toxic: 1, withinYears: 2 } });
    expect(codes({ peoplePoisoned: 10, priorAirPenaltiesInWarning2y: 2, priorToxicPenalties2y: 1 }, config)).toEqual(['art1-8', 'art2-9']);
  });
});

describe('thresholdConfigProblems: a bad table is refused whole', () => {
  it('accepts the default table', () => {
    expect(thresholdConfigProblems(DEFAULT_THRESHOLDS)).toEqual([]);
    expect(thresholdConfigProblems(JSON.parse(JSON.stringify(DEFAULT_THRESHOLDS)))).toEqual([]);
  });

  it('names every bad number, missing or unknown setting and bad group', () => {
    const bad = {
      ...DEFAULT_THRESHOLDS,
      hazardousWasteTonnes: { serious: -3, grave: 100 },
      lossYuan: { serious: 300_000, grave: '1000000' },
      peopleEvacuated: 4999.5,
      treesDeadM3: 0,
      groupA: ['Pb', 'Pb'],
      groupB: [],
      landMu: { ...DEFAULT_THRESHOLDS.landMu, otherLand: undefined },
      minorInjuries: undefined,
      surpriseSetting: 1,
    };
    expect(fields(thresholdConfigProblems(bad)).sort()).toEqual(
      ['groupA', 'groupB', 'hazardousWasteTonnes.serious', 'landMu.otherLand', 'lossYuan.grave', 'minorInjuries', 'peopleEvacuated', 'surpriseSetting', 'treesDeadM3'].sort(),
    );
    for (const p of thresholdConfigProblems(bad)) expect([p.zh, p.en].every((s) => s.length > 0)).toBe(true);
  });

  it('refuses a higher tier that does not need more, and a metal in both groups', () => {
    const config = withConfig({ hazardousWasteTonnes: { serious: 100, grave: 100 }, seriousInjuriesOrIllnesses: { grave: 3, especiallyGrave: 1 }, groupB: ['Ni', 'Pb'] });
    expect(fields(thresholdConfigProblems(config))).toEqual(['hazardousWasteTonnes.grave', 'seriousInjuriesOrIllnesses.especiallyGrave', 'groupB']);
    expect(thresholdConfigProblems(config)[2].zh).toBe('与 groupA 重复：Pb');
  });

  it('refuses what is not a table at all', () => {
    expect(fields(thresholdConfigProblems(null))).toEqual(['config']);
    expect(fields(thresholdConfigProblems({ ...DEFAULT_THRESHOLDS, landMu: [] }))).toEqual(['landMu']);
  });

  it('checkThresholds refuses to answer from a bad table', () => {
    const error = refusal(() => checkThresholds({ hazardousWasteTonnes: 3 }, withConfig({ treesDeadM3: -1 })));
    expect([error.code, error.kind]).toEqual(['INVALID_THRESHOLD_CONFIG', 'invalid']);
    expect(error.zh).toContain('treesDeadM3');
  });

  it('ships a frozen default, so no caller can move the thresholds for everyone', () => {
    expect(() => {
      (DEFAULT_THRESHOLDS.hazardousWasteTonnes as { serious: number }).serious = 1;
    }).toThrow(TypeError);
    expect(DEFAULT_THRESHOLDS.hazardousWasteTonnes.serious).toBe(3);
  });
});

describe('crimeFactsProblems: bad facts are refused with the field', () => {
  it('accepts no facts and good facts', () => {
    expect(crimeFactsProblems({})).toEqual([]);
    expect(crimeFactsProblems({ hazardousWasteTonnes: 0, deaths: 0, heavyMetalExceedances: [], toxicInProtectedArea: false, aggravating: [], countyWaterInterruptionHours: undefined })).toEqual([]);
  });

  it('names negative, non-numeric, non-finite and fractional counts', () => {
    const problems = crimeFactsProblems({ hazardousWasteTonnes: -1, lossOrGainYuan: '300000', otherLandMu: NaN, treesDeadM3: Infinity, peoplePoisoned: 2.5, deaths: -1 });
    expect(fields(problems)).toEqual(['hazardousWasteTonnes', 'lossOrGainYuan', 'otherLandMu', 'treesDeadM3', 'peoplePoisoned', 'deaths']);
    expect(problems[0]).toEqual({ field: 'hazardousWasteTonnes', zh: '须为不小于 0 的数', en: 'must be a number ≥ 0' });
    expect(problems[4]).toEqual({ field: 'peoplePoisoned', zh: '须为不小于 0 的整数', en: 'must be a whole number ≥ 0' });
  });

  it('names a bad heavy-metal entry: unknown metal, negative multiple, not an entry, not a list', () => {
    const problems = crimeFactsProblems({ heavyMetalExceedances: [{ metal: 'Pb', multiple: 3 }, { metal: 'Fe', multiple: 4 }, { metal: 'Cd', multiple: -0.5 }, 'Pb'] });
    expect(fields(problems)).toEqual(['heavyMetalExceedances[1].metal', 'heavyMetalExceedances[2].multiple', 'heavyMetalExceedances[3]']);
    expect(problems[0].zh).toMatch(/^未知的重金属：Fe/);
    expect(fields(crimeFactsProblems({ heavyMetalExceedances: { metal: 'Pb', multiple: 3 } }))).toEqual(['heavyMetalExceedances']);
  });

  it('names unknown facts, non-boolean flags and unknown factor codes', () => {
    const problems = crimeFactsProblems({ hazardousWasteTons: 5, evasiveToxicDischarge: 'yes', aggravating: ['obstruction', 'rich'], leniency: ['sorry'] });
    expect(fields(problems)).toEqual(['hazardousWasteTons', 'evasiveToxicDischarge', 'aggravating[1]', 'leniency[0]']);
    expect(problems.map((p) => p.zh)).toEqual(['未知的事实项', '须为 true 或 false', '未知的从重处罚情节代码：rich', '未知的从宽处罚情节代码：sorry']);
    expect(fields(crimeFactsProblems([]))).toEqual(['facts']);
    expect(fields(crimeFactsProblems(null))).toEqual(['facts']);
  });

  it('checkThresholds refuses bad facts rather than treating them as not met', () => {
    const error = refusal(() => checkThresholds({ hazardousWasteTonnes: -3 }));
    expect([error.code, error.kind]).toEqual(['INVALID_CRIME_FACTS', 'invalid']);
    expect(error.en).toBe('Invalid crime facts: hazardousWasteTonnes must be a number ≥ 0');
  });
});

describe('countPriorPenalties: "二年内" (art. 19) from the day a penalty took effect to the new act', () => {
  it('counts the days within two years before the act, both ends included', () => {
    expect(countPriorPenalties(['2022-05-09', '2022-05-10', '2023-01-01', '2024-05-10', '2024-05-11'], '2024-05-10')).toBe(3);
  });

  it('starts a window from 29 February on the 28th in a common year, and follows the configured years', () => {
    expect(countPriorPenalties(['2022-02-27', '2022-02-28'], '2024-02-29')).toBe(1);
    expect(countPriorPenalties(['2021-05-10'], '2024-05-10', withConfig({ priorPenalties: { air: 2, toxic: 2, withinYears: 3 } }))).toBe(1);
  });

  it('refuses a day that is not YYYY-MM-DD', () => {
    expect(refusal(() => countPriorPenalties(['2023-02-30'], '2024-05-10')).code).toBe('INVALID_DATE');
    expect(refusal(() => countPriorPenalties([], '10/05/2024')).code).toBe('INVALID_DATE');
  });
});

/** Facts around the thresholds, each field present or not. */
const amount = (...thresholds: number[]) => fc.oneof(fc.constantFrom(...thresholds.flatMap((t) => [t, t - 0.001, 0])), fc.double({ min: 0, max: 2 * Math.max(...thresholds), noNaN: true }));
const count = (...thresholds: number[]) => fc.oneof(fc.constantFrom(...thresholds.flatMap((t) => [t, t - 1])), fc.nat(2 * Math.max(...thresholds)));
const metals = [...DEFAULT_THRESHOLDS.groupA, ...DEFAULT_THRESHOLDS.groupB];
const factsArbitrary: fc.Arbitrary<CrimeFacts> = fc.record(
  {
    hazardousWasteTonnes: amount(3, 100),
    heavyMetalExceedances: fc.array(fc.record({ metal: fc.constantFrom(...metals), multiple: amount(3, 10) }), { maxLength: 3 }),
    toxicInProtectedArea: fc.boolean(),
    protectedAreaFunctionDegraded: fc.boolean(),
    protectedAreaEcosystemSeverelyDegraded: fc.boolean(),
    protectedSpeciesSeverelyDamaged: fc.boolean(),
    toxicIntoMajorWaters: fc.boolean(),
    majorWatersFunctionDegraded: fc.boolean(),
    majorWatersEcosystemSeverelyDegraded: fc.boolean(),
    majorWatersSpeciesSeverelyDamaged: fc.boolean(),
    evasiveToxicDischarge: fc.boolean(),
    priorAirPenaltiesInWarning2y: count(2),
    keyDischargerMonitoringTampering: fc.boolean(),
    priorToxicPenalties2y: count(2),
    lossOrGainYuan: amount(300_000, 1_000_000),
    townshipWaterInterruptionHours: amount(12),
    countyWaterInterruptionHours: amount(12),
    cityWaterInterruptionHours: amount(12),
    permanentBasicFarmlandMu: amount(10, 50),
    publicWelfareForestMu: amount(10),
    otherFarmlandMu: amount(20),
    otherLandMu: amount(50),
    treesDeadM3: amount(50),
    saplingsDead: count(2500),
    peopleEvacuated: count(5000),
    peoplePoisoned: count(30),
    seriousInjuriesOrIllnesses: count(1, 3),
    minorInjuries: count(3),
    severeDisabilities: count(1),
    deaths: count(1),
    aggravating: fc.subarray(AGGRAVATING.map((f) => f.code)),
    leniency: fc.subarray(LENIENCY.map((f) => f.code)),
  },
  { requiredKeys: [] },
);

/** Both sets of facts together: the larger number, either flag, both lists. */
function together(a: CrimeFacts, b: CrimeFacts): CrimeFacts {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (typeof value === 'number') out[key] = Math.max(mine as number, value);
    else if (typeof value === 'boolean') out[key] = (mine as boolean) || value;
    else out[key] = [...(mine as unknown[]), ...(value as unknown[])];
  }
  return out as CrimeFacts;
}

describe('properties', () => {
  it('adding facts never lowers the tier nor drops a criterion met (monotonicity)', () => {
    fc.assert(
      fc.property(factsArbitrary, factsArbitrary, (a, b) => {
        const more = checkThresholds(together(a, b));
        for (const fewer of [checkThresholds(a), checkThresholds(b)]) {
          expect(rank(more.tier)).toBeGreaterThanOrEqual(rank(fewer.tier));
          expect(more.met.map((m) => m.code)).toEqual(expect.arrayContaining(fewer.met.map((m) => m.code)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the tier is the highest of the criteria met; every criterion met is explained in both languages; no text says a crime was committed', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const result = checkThresholds(facts);
        expect(result.suspected).toBe(result.met.length > 0);
        expect(rank(result.tier)).toBe(Math.max(0, ...result.met.map((m) => rank(m.tier))));
        for (const m of result.met) expect([m.detail.zh.length > 0, m.detail.en.length > 0, /[\u4e00-\u9fff]/.test(m.detail.zh)]).toEqual([true, true, true]);
        expect(JSON.stringify(result)).not.toMatch(/构成.{0,6}罪|犯罪成立|guilty|convicted|committed a crime/i);
      }),
      { numRuns: 300 },
    );
  });
});
