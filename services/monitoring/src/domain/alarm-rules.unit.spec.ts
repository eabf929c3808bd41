import { TIER_ORDER, type AlarmTier } from '@qingyuan/contracts';
import {
  DEFAULT_ALARM_RULES,
  alarmRuleProblems,
  exceedanceTier,
  higherTier,
  kindName,
  nextTier,
  tierRank,
  type AlarmRules,
} from './alarm-rules';

/** A deep copy of the defaults with some parts replaced (the defaults themselves are never mutated). */
const rulesWith = (patch: Partial<AlarmRules> = {}): AlarmRules => ({ ...structuredClone(DEFAULT_ALARM_RULES), ...patch });
/** A table as it may arrive from the JSON editor: anything goes. */
const untyped = (patch: Record<string, unknown>): AlarmRules => ({ ...structuredClone(DEFAULT_ALARM_RULES), ...patch }) as unknown as AlarmRules;
const fields = (rules: AlarmRules) => alarmRuleProblems(rules).map((p) => p.field);

describe('tiers', () => {
  it('are ordered blue < yellow < orange < red', () => {
    expect(TIER_ORDER.map(tierRank)).toEqual([0, 1, 2, 3]);
    expect(tierRank('blue')).toBeLessThan(tierRank('yellow'));
    expect(tierRank('orange')).toBeLessThan(tierRank('red'));
  });

  it('higherTier picks the worse of two, in either order', () => {
    expect(higherTier('yellow', 'red')).toBe('red');
    expect(higherTier('red', 'yellow')).toBe('red');
    expect(higherTier('orange', 'orange')).toBe('orange');
  });

  it('nextTier goes one step up and stops at the maximum', () => {
    expect(nextTier('blue', 'red')).toBe('yellow');
    expect(nextTier('yellow', 'red')).toBe('orange');
    expect(nextTier('orange', 'red')).toBe('red');
    expect(nextTier('red', 'red')).toBe('red');
    expect(nextTier('yellow', 'yellow')).toBe('yellow');
    expect(nextTier('blue', 'orange')).toBe('yellow');
  });

  it('kindName gives the bilingual name of a kind', () => {
    expect(kindName('exceedance-hour')).toEqual({ zh: '小时均值超标', en: 'Hourly average above the limit' });
    expect(kindName('process-condition').zh).toContain('工况');
  });
});

describe('exceedanceTier with the default table (≥1 orange, ≥2 red)', () => {
  const rules = rulesWith();

  it.each<[number, AlarmTier | undefined]>([
    [0, undefined],
    [0.5, undefined],
    [0.999, undefined],
    [1, undefined], // exactly at the limit is not an exceedance
    [1.0001, 'orange'],
    [1.5, 'orange'],
    [1.99, 'orange'],
    [2, 'red'],
    [2.5, 'red'],
    [10, 'red'],
  ])('multiple %p → %p', (multiple, tier) => {
    expect(exceedanceTier(rules, multiple, false)).toBe(tier);
  });

  it('a key polluter is at least red, and still nothing at or below the limit', () => {
    expect(exceedanceTier(rules, 1, true)).toBeUndefined();
    expect(exceedanceTier(rules, 0.8, true)).toBeUndefined();
    expect(exceedanceTier(rules, 1.01, true)).toBe('red');
    expect(exceedanceTier(rules, 1.5, true)).toBe('red');
    expect(exceedanceTier(rules, 3, true)).toBe('red');
  });

  it('the key-polluter tier is a floor, not a cap', () => {
    const floorOrange = rulesWith({ keyPolluterExceedanceTier: 'orange', exceedanceTiers: [{ minMultiple: 1, tier: 'yellow' }, { minMultiple: 2, tier: 'red' }] });
    expect(exceedanceTier(floorOrange, 1.5, true)).toBe('orange');
    expect(exceedanceTier(floorOrange, 1.5, false)).toBe('yellow');
    expect(exceedanceTier(floorOrange, 2, true)).toBe('red');
  });

  it('does not read the defaults when given another table', () => {
    const single = rulesWith({ exceedanceTiers: [{ minMultiple: 1, tier: 'yellow' }] });
    expect(exceedanceTier(single, 5, false)).toBe('yellow');
  });
});

describe('exceedanceTier with a configured three-step table', () => {
  const rules = rulesWith({
    exceedanceTiers: [
      { minMultiple: 1, tier: 'yellow' },
      { minMultiple: 1.5, tier: 'orange' },
      { minMultiple: 3, tier: 'red' },
    ],
  });

  it.each<[number, AlarmTier | undefined]>([
    [1, undefined],
    [1.2, 'yellow'],
    [1.49, 'yellow'],
    [1.5, 'orange'],
    [2, 'orange'],
    [2.99, 'orange'],
    [3, 'red'],
    [7, 'red'],
  ])('multiple %p → %p (highest step reached)', (multiple, tier) => {
    expect(exceedanceTier(rules, multiple, false)).toBe(tier);
  });

  it('key polluters are red from the first step', () => {
    expect(exceedanceTier(rules, 1.2, true)).toBe('red');
    expect(exceedanceTier(rules, 1, true)).toBeUndefined();
  });

  it('a table whose first step is above 1 leaves smaller exceedances without a tier', () => {
    const late = rulesWith({ exceedanceTiers: [{ minMultiple: 1.2, tier: 'orange' }, { minMultiple: 2, tier: 'red' }] });
    expect(exceedanceTier(late, 1.1, false)).toBeUndefined();
    expect(exceedanceTier(late, 1.2, false)).toBe('orange');
  });
});

describe('alarmRuleProblems', () => {
  it('accepts the defaults, and a table with S marked valid', () => {
    expect(alarmRuleProblems(DEFAULT_ALARM_RULES)).toEqual([]);
    expect(alarmRuleProblems(rulesWith({ validFlags: ['N', 'S'] }))).toEqual([]);
  });

  it('the defaults follow regulations §5.8: key dischargers red, 2 % of range for constants, F/D/B/T device flags', () => {
    expect(DEFAULT_ALARM_RULES.keyPolluterExceedanceTier).toBe('red');
    expect(DEFAULT_ALARM_RULES.validFlags).toEqual(['N']);
    expect(DEFAULT_ALARM_RULES.constant.maxSpreadShare).toBe(0.02);
    expect([...DEFAULT_ALARM_RULES.deviceFlag.flags].sort()).toEqual(['B', 'D', 'F', 'T']);
    expect(DEFAULT_ALARM_RULES.verificationHours.red).toBe(4);
    expect(DEFAULT_ALARM_RULES.verificationHours.yellow).toBe(48);
  });

  it('refuses something that is not an object', () => {
    expect(alarmRuleProblems(null as unknown as AlarmRules)).toEqual([{ field: 'rules', zh: '须为对象', en: 'must be an object' }]);
    expect(fields('rules' as unknown as AlarmRules)).toEqual(['rules']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['unknown step tier', { exceedanceTiers: [{ minMultiple: 1, tier: 'purple' }] }, 'exceedanceTiers[0].tier'],
    ['unknown key-polluter tier', { keyPolluterExceedanceTier: 'crimson' }, 'keyPolluterExceedanceTier'],
    ['unknown near-limit tier', { nearLimit: { minShare: 0.9, hours: 6, tier: 'Red' } }, 'nearLimit.tier'],
    ['unknown zero tier', { zero: { values: 10, tier: '' } }, 'zero.tier'],
    ['unknown negative tier', { negative: { tier: 'green' } }, 'negative.tier'],
    ['unknown out-of-range tier', { outOfRange: {} }, 'outOfRange.tier'],
    ['unknown max tier', { escalation: { unacknowledgedMinutes: 240, persistingHours: 12, maxTier: 'black' } }, 'escalation.maxTier'],
    ['unknown clue tier', { clueTier: 'amber' }, 'clueTier'],
    ['no steps', { exceedanceTiers: [] }, 'exceedanceTiers'],
    ['steps not a list', { exceedanceTiers: { minMultiple: 1, tier: 'red' } }, 'exceedanceTiers'],
    ['zero multiple', { exceedanceTiers: [{ minMultiple: 0, tier: 'orange' }] }, 'exceedanceTiers[0].minMultiple'],
    ['zero values for zero', { zero: { values: 0, tier: 'yellow' } }, 'zero.values'],
    ['zero values for constant', { constant: { values: 0, maxSpreadShare: 0.02, tier: 'yellow' } }, 'constant.values'],
    ['fractional constant values', { constant: { values: 2.5, maxSpreadShare: 0.02, tier: 'yellow' } }, 'constant.values'],
    ['zero device-flag values', { deviceFlag: { flags: ['D'], values: 0, tier: 'blue' } }, 'deviceFlag.values'],
    ['zero near-limit hours', { nearLimit: { minShare: 0.9, hours: 0, tier: 'orange' } }, 'nearLimit.hours'],
    ['zero process readings', { processCondition: { readings: 0, tier: 'orange' } }, 'processCondition.readings'],
    ['negative offline intervals', { offline: { intervals: -3, tier: 'yellow' } }, 'offline.intervals'],
    ['string unacknowledged minutes', { escalation: { unacknowledgedMinutes: '240', persistingHours: 12, maxTier: 'red' } }, 'escalation.unacknowledgedMinutes'],
    ['zero persisting hours', { escalation: { unacknowledgedMinutes: 240, persistingHours: 0, maxTier: 'red' } }, 'escalation.persistingHours'],
    ['share of 1', { nearLimit: { minShare: 1, hours: 6, tier: 'orange' } }, 'nearLimit.minShare'],
    ['negative spread share', { constant: { values: 30, maxSpreadShare: -0.02, tier: 'yellow' } }, 'constant.maxSpreadShare'],
    ['no valid flags', { validFlags: [] }, 'validFlags'],
    ['two-letter valid flag', { validFlags: ['NN'] }, 'validFlags'],
    ['valid flags not a list', { validFlags: 'N' }, 'validFlags'],
    ['two-letter device flag', { deviceFlag: { flags: ['D', 'FB'], values: 10, tier: 'blue' } }, 'deviceFlag.flags'],
    ['numeric device flag', { deviceFlag: { flags: [4], values: 10, tier: 'blue' } }, 'deviceFlag.flags'],
    ['a missing verification tier', { verificationHours: { blue: 72, yellow: 48, orange: 24 } }, 'verificationHours.red'],
    ['zero warning hours', { warningReplyHours: 0 }, 'warningReplyHours'],
  ])('refuses %s, naming %s', (_name, patch, field) => {
    const problems = alarmRuleProblems(untyped(patch));
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0].zh.length).toBeGreaterThan(0);
    expect(problems[0].en.length).toBeGreaterThan(0);
  });

  it.each(['F', 'M', 'D', 'C', 'T', 'B'])('refuses marking %s valid (regulations §5.3: never used to judge)', (flag) => {
    expect(fields(rulesWith({ validFlags: ['N', flag] }))).toEqual(['validFlags']);
  });

  it('refuses steps that do not increase, naming each offending step', () => {
    const equal = rulesWith({ exceedanceTiers: [{ minMultiple: 1, tier: 'orange' }, { minMultiple: 1, tier: 'red' }] });
    expect(fields(equal)).toEqual(['exceedanceTiers[1].minMultiple']);
    const down = rulesWith({
      exceedanceTiers: [
        { minMultiple: 1, tier: 'yellow' },
        { minMultiple: 3, tier: 'orange' },
        { minMultiple: 2, tier: 'red' },
      ],
    });
    const problems = alarmRuleProblems(down);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'exceedanceTiers[2].minMultiple', en: 'must increase step by step' });
  });

  it('lists every problem of a bad table at once, each with its field', () => {
    const bad = untyped({
      validFlags: ['N', 'D'],
      exceedanceTiers: [
        { minMultiple: 1.5, tier: 'orange' },
        { minMultiple: 1.2, tier: 'scarlet' },
      ],
      zero: { values: 0, tier: 'yellow' },
      constant: { values: 0, maxSpreadShare: 0.02, tier: 'yellow' },
      deviceFlag: { flags: ['DD'], values: 0, tier: 'blue' },
      processCondition: { readings: 0, tier: 'magenta' },
      clueTier: 'pink',
    });
    expect(fields(bad).sort()).toEqual(
      [
        'validFlags',
        'exceedanceTiers[1].tier',
        'exceedanceTiers[1].minMultiple',
        'zero.values',
        'constant.values',
        'deviceFlag.flags',
        'deviceFlag.values',
        'processCondition.readings',
        'processCondition.tier',
        'clueTier',
      ].sort(),
    );
    for (const p of alarmRuleProblems(bad)) {
      expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.en).toMatch(/[a-z]/);
    }
  });

  it('names the known tiers when a tier is unknown', () => {
    const [problem] = alarmRuleProblems(untyped({ clueTier: 'amber' }));
    expect(problem.en).toContain('blue/yellow/orange/red');
  });

  it('lists each missing section of a half-written table', () => {
    const partial = { validFlags: ['N'], exceedanceTiers: DEFAULT_ALARM_RULES.exceedanceTiers } as unknown as AlarmRules;
    const problems = fields(partial);
    for (const f of ['keyPolluterExceedanceTier', 'nearLimit.minShare', 'nearLimit.hours', 'constant.values', 'zero.values', 'offline.intervals', 'deviceFlag.flags', 'processCondition.readings', 'escalation.maxTier', 'clueTier', 'verificationHours.blue', 'warningReplyHours']) {
      expect(problems).toContain(f);
    }
  });
});
