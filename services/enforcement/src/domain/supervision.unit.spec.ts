import fc from 'fast-check';
import type { PermitClass } from '@qingyuan/contracts';
import { DEFAULT_SUPERVISION_CONFIG as config, objectClassOf, ratioProblems, supervisionProblems, type InspectionRatios, type SupervisionConfig } from './supervision';

const LEVELS = ['green', 'blue', 'yellow', 'red'];
const CLASSES = ['key', 'general', 'special'] as const;
const RATIO_WORDS = { zh: '须为 0 到 1 之间、至多六位小数的比例', en: 'must be a ratio between 0 and 1 with at most 6 decimals' };

const enterprise = (over: Partial<{ permitClass: PermitClass; keyPolluter: boolean; special: boolean; creditLevel: string }> = {}) => ({
  permitClass: 'registration' as PermitClass,
  keyPolluter: false,
  special: false,
  creditLevel: 'blue',
  ...over,
});

/** A full ratio table with one cell changed. */
const ratiosWith = (cls: (typeof CLASSES)[number], level: string, value: unknown): InspectionRatios => ({
  ...config.ratios,
  [cls]: { ...config.ratios[cls], [level]: value },
});

describe('objectClassOf', () => {
  it('puts an enterprise staff listed as special on the special list, whatever else it is', () => {
    expect(objectClassOf(enterprise({ special: true }), config)).toBe('special');
    expect(objectClassOf(enterprise({ special: true, permitClass: 'key', keyPolluter: true, creditLevel: 'green' }), config)).toBe('special');
  });

  it('puts an enterprise with a credit level the configuration names on the special list', () => {
    expect(objectClassOf(enterprise({ creditLevel: 'red' }), config)).toBe('special');
    expect(objectClassOf(enterprise({ creditLevel: 'red', permitClass: 'key' }), config)).toBe('special');
    expect(objectClassOf(enterprise({ creditLevel: 'yellow' }), config)).toBe('general');
    const stricter: SupervisionConfig = { ...config, specialCreditLevels: ['yellow', 'red'] };
    expect(objectClassOf(enterprise({ creditLevel: 'yellow' }), stricter)).toBe('special');
    expect(objectClassOf(enterprise({ creditLevel: 'red' }), { ...config, specialCreditLevels: [] })).toBe('general');
  });

  it('makes key-management permit holders and key polluters (重点排污单位) key objects', () => {
    expect(objectClassOf(enterprise({ permitClass: 'key' }), config)).toBe('key');
    expect(objectClassOf(enterprise({ permitClass: 'simplified', keyPolluter: true }), config)).toBe('key');
    expect(objectClassOf(enterprise({ permitClass: 'registration', keyPolluter: true, creditLevel: 'green' }), config)).toBe('key');
  });

  it('leaves everyone else general', () => {
    expect(objectClassOf(enterprise({ permitClass: 'simplified' }), config)).toBe('general');
    expect(objectClassOf(enterprise({ permitClass: 'registration', creditLevel: 'green' }), config)).toBe('general');
    // an enterprise not yet rated (the registry passes '') is not special
    expect(objectClassOf(enterprise({ creditLevel: '' }), config)).toBe('general');
  });
});

describe('the default supervision configuration', () => {
  it('is valid for the default credit levels, per quarter, with red credit special', () => {
    expect(supervisionProblems(config, LEVELS)).toEqual([]);
    expect(config.period).toBe('quarter');
    expect(config.specialCreditLevels).toEqual(['red']);
  });

  it('inspects worse credit at least as often, and every red special object every period', () => {
    for (const cls of CLASSES) {
      const shares = LEVELS.map((l) => config.ratios[cls][l]);
      expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    }
    expect(config.ratios.special.red).toBe(1);
  });
});

describe('supervisionProblems', () => {
  it('wants the special credit levels to be configured levels', () => {
    expect(supervisionProblems({ ...config, specialCreditLevels: ['red', 'black'] }, LEVELS)).toEqual([
      { field: 'specialCreditLevels', zh: '须为已配置的信用等级代码', en: 'must be configured credit level codes' },
    ]);
    expect(supervisionProblems({ ...config, specialCreditLevels: 'red' as unknown as string[] }, LEVELS).map((p) => p.field)).toEqual(['specialCreditLevels']);
    expect(supervisionProblems({ ...config, specialCreditLevels: [] }, LEVELS)).toEqual([]);
  });

  it('wants a known period', () => {
    expect(supervisionProblems({ ...config, period: 'month' as SupervisionConfig['period'] }, LEVELS)).toEqual([
      { field: 'period', zh: '须为 quarter、half-year 或 year', en: 'must be quarter, half-year or year' },
    ]);
    for (const period of ['quarter', 'half-year', 'year'] as const) expect(supervisionProblems({ ...config, period }, LEVELS)).toEqual([]);
  });

  it('includes the ratio problems', () => {
    expect(supervisionProblems({ ...config, ratios: ratiosWith('key', 'blue', 1.5) }, LEVELS)).toEqual([{ field: 'ratios.key.blue', ...RATIO_WORDS }]);
  });

  it('checks the levels it is given: a level the ratios lack is a problem in every class', () => {
    expect(supervisionProblems(config, [...LEVELS, 'black']).map((p) => p.field)).toEqual(['ratios.key.black', 'ratios.general.black', 'ratios.special.black']);
    // and a level that is no longer configured, named as a special level and in the ratios
    expect(supervisionProblems(config, ['green', 'blue', 'yellow']).map((p) => p.field)).toEqual(['specialCreditLevels', 'ratios.key.red', 'ratios.general.red', 'ratios.special.red']);
  });

  it('survives a configuration that is not even an object', () => {
    const fields = supervisionProblems(undefined as unknown as SupervisionConfig, LEVELS).map((p) => p.field);
    expect(fields).toEqual(['specialCreditLevels', 'period', 'ratios']);
  });
});

describe('ratioProblems', () => {
  it('wants a ratio for every class × level', () => {
    const { yellow: _dropped, ...general } = config.ratios.general;
    expect(ratioProblems({ ...config.ratios, general }, LEVELS)).toEqual([{ field: 'ratios.general.yellow', ...RATIO_WORDS }]);
    const { special: _gone, ...noSpecial } = config.ratios;
    expect(ratioProblems(noSpecial as InspectionRatios, LEVELS).map((p) => p.field)).toEqual(LEVELS.map((l) => `ratios.special.${l}`));
    expect(ratioProblems(undefined, LEVELS)).toEqual([{ field: 'ratios', zh: expect.any(String), en: 'must map object class → credit level → ratio' }]);
    expect(ratioProblems([] as unknown as InspectionRatios, LEVELS).map((p) => p.field)).toEqual(['ratios']);
  });

  it.each([-0.01, 1.0001, 2, Number.NaN, Number.POSITIVE_INFINITY, '0.5', null])('refuses %p', (value) => {
    expect(ratioProblems(ratiosWith('special', 'green', value), LEVELS)).toEqual([{ field: 'ratios.special.green', ...RATIO_WORDS }]);
  });

  it.each([0, 1, 0.5, 0.000001, 0.123456, 0.999999, 0.07, 0.29])('accepts %p', (value) => {
    expect(ratioProblems(ratiosWith('special', 'green', value), LEVELS)).toEqual([]);
  });

  it.each([0.0000001, 0.1234567, 0.9999999, 1 / 3])('refuses %p: more than 6 decimals', (value) => {
    expect(ratioProblems(ratiosWith('general', 'red', value), LEVELS)).toEqual([{ field: 'ratios.general.red', ...RATIO_WORDS }]);
  });

  it('accepts every ratio of at most 6 decimals and refuses every one of exactly 7 (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(ratioProblems(ratiosWith('key', 'yellow', n / 1e6), LEVELS)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }).filter((n) => n % 10 !== 0),
        (n) => {
          expect(ratioProblems(ratiosWith('key', 'yellow', n / 1e7), LEVELS)).toHaveLength(1);
        },
      ),
    );
  });

  it('names its field as the caller asks (e.g. a plan’s ratios)', () => {
    expect(ratioProblems(ratiosWith('key', 'green', 7), LEVELS, 'plan.ratios')).toEqual([{ field: 'plan.ratios.key.green', ...RATIO_WORDS }]);
  });

  it('refuses a class or credit level the configuration does not know, rather than never drawing it', () => {
    expect(ratioProblems(ratiosWith('key', 'black', 0.5), LEVELS)).toEqual([{ field: 'ratios.key.black', zh: '未配置的信用等级', en: 'credit level not configured' }]);
    expect(ratioProblems({ ...config.ratios, vip: { green: 0 } } as InspectionRatios, LEVELS)).toEqual([{ field: 'ratios.vip', zh: '未知的监管对象类别', en: 'unknown object class' }]);
    expect(ratioProblems(config.ratios, [])).toHaveLength(12);
  });
});
