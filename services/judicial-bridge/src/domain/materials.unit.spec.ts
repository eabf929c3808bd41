import fc from 'fast-check';
import { MATERIAL_KINDS } from '@qingyuan/contracts';
import { DEFAULT_REQUIRED_MATERIALS, requiredMaterialsProblems } from './materials';

const KINDS = Object.keys(MATERIAL_KINDS);
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe('the default checklist (2020 规定 art. 6; 2015 暂行办法)', () => {
  it('asks a criminal transfer for the letter, the investigation report, the list of items and the test reports', () => {
    expect(DEFAULT_REQUIRED_MATERIALS.criminal).toEqual(['transfer-letter', 'investigation-report', 'items-list', 'test-reports']);
  });

  it('asks a detention transfer for the letter and the report, which carry the case files', () => {
    expect(DEFAULT_REQUIRED_MATERIALS.detention).toEqual(['transfer-letter', 'investigation-report']);
  });

  it('passes its own check, every entry being a known material kind', () => {
    expect(requiredMaterialsProblems(DEFAULT_REQUIRED_MATERIALS)).toEqual([]);
    for (const kind of [...DEFAULT_REQUIRED_MATERIALS.criminal, ...DEFAULT_REQUIRED_MATERIALS.detention]) expect(KINDS).toContain(kind);
  });
});

describe('requiredMaterialsProblems', () => {
  it.each([null, undefined, 'transfer-letter', 42, true, [], [['transfer-letter']]])('refuses %p as a whole: it is not a table by kind', (rules) => {
    expect(requiredMaterialsProblems(rules)).toEqual([{ field: 'rules', zh: '须按移送类型列出必备材料', en: 'must list the required materials per kind' }]);
  });

  it('accepts a bureau that requires more than the default, e.g. the 2017 办法’s site records', () => {
    expect(requiredMaterialsProblems({ criminal: [...DEFAULT_REQUIRED_MATERIALS.criminal, 'site-records', 'photos-av'], detention: ['transfer-letter', 'investigation-report', 'penalty-decision'] })).toEqual([]);
  });

  it.each([
    ['the criminal list is missing', { detention: ['transfer-letter'] }, ['rules.criminal']],
    ['the detention list is missing', { criminal: ['transfer-letter'] }, ['rules.detention']],
    ['both are missing', {}, ['rules.criminal', 'rules.detention']],
    ['a list is a single string', { criminal: 'transfer-letter', detention: ['transfer-letter'] }, ['rules.criminal']],
    ['a list is an object', { criminal: ['transfer-letter'], detention: { 0: 'transfer-letter' } }, ['rules.detention']],
    ['a list is null', { criminal: null, detention: ['transfer-letter'] }, ['rules.criminal']],
    ['a kind is unknown', { criminal: ['transfer-letter', 'confession'], detention: ['transfer-letter'] }, ['rules.criminal']],
    ['a kind is not a string', { criminal: ['transfer-letter'], detention: ['transfer-letter', 7] }, ['rules.detention']],
    ['a kind is an object that prints as one', { criminal: [{ toString: () => 'other' }], detention: [] }, ['rules.criminal']],
    ['a kind is the Chinese name instead of the code', { criminal: ['涉嫌犯罪案件移送书'], detention: [] }, ['rules.criminal']],
    ['a kind differs in case', { criminal: ['Transfer-Letter'], detention: [] }, ['rules.criminal']],
    ['both lists name unknown kinds', { criminal: ['x'], detention: [null] }, ['rules.criminal', 'rules.detention']],
  ])('refuses the list when %s', (_, rules, expected) => {
    expect(fields(requiredMaterialsProblems(rules))).toEqual(expected);
  });

  // `k in MATERIAL_KINDS` also finds what every object inherits: such a kind can never be added to a transfer (the API
  // only takes MATERIAL_KINDS' own keys), so every transfer would stop at MATERIALS_INCOMPLETE.
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])('refuses %p, a name every object inherits, not a material kind', (kind) => {
    expect(fields(requiredMaterialsProblems({ criminal: ['transfer-letter', kind], detention: ['transfer-letter'] }))).toEqual(['rules.criminal']);
  });

  it('names every material kind in both languages, so the operator can correct the list', () => {
    const [problem] = requiredMaterialsProblems({ criminal: ['letter'], detention: [] });
    for (const kind of KINDS) {
      expect(problem.zh).toContain(kind);
      expect(problem.en).toContain(kind);
    }
    expect(problem.zh).toMatch(/^须为材料类别列表：/);
    expect(problem.en).toMatch(/^must be a list of material kinds: /);
  });

  it('accepts any lists of known kinds, and refuses a list as soon as one entry is not one (fast-check)', () => {
    const known = fc.array(fc.constantFrom(...KINDS), { maxLength: 10 });
    const stranger = fc.oneof(fc.string().filter((s) => !Object.hasOwn(MATERIAL_KINDS, s)), fc.integer(), fc.constant(null), fc.constant({}));
    fc.assert(
      fc.property(known, known, (criminal, detention) => {
        expect(requiredMaterialsProblems({ criminal, detention })).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(known, known, stranger, fc.nat(), fc.boolean(), (criminal, detention, bad, at, inCriminal) => {
        const list: unknown[] = [...(inCriminal ? criminal : detention)];
        list.splice(at % (list.length + 1), 0, bad);
        const rules = inCriminal ? { criminal: list, detention } : { criminal, detention: list };
        expect(fields(requiredMaterialsProblems(rules))).toEqual([inCriminal ? 'rules.criminal' : 'rules.detention']);
      }),
    );
  });
});
