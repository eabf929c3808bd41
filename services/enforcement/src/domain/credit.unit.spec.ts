import { DomainError } from '@qingyuan/domain';
import { CREDIT_TRIGGER_LABELS, creditRuleProblems, DEFAULT_CREDIT_RULES as rules, moveCredit, requireLevel, type CreditEffect, type CreditRules, type CreditTrigger } from './credit';

const LEVELS = ['green', 'blue', 'yellow', 'red'];

/** Where a trigger leaves each level, in order green → red (the level itself when nothing changes). */
const after = (trigger: CreditTrigger, r: CreditRules = rules) => LEVELS.map((level) => moveCredit(r, level, trigger) ?? level);

const withMoves = (moves: CreditRules['moves']): CreditRules => ({ ...rules, moves });

describe('the default credit rules (环发〔2013〕150号: four colours, best first)', () => {
  it('has green, blue, yellow and red in that order, and starts an unrated enterprise at blue', () => {
    expect(rules.levels.map((l) => l.code)).toEqual(LEVELS);
    expect(rules.levels.map((l) => l.zh)).toEqual(['环保诚信（绿牌）', '环保良好（蓝牌）', '环保警示（黄牌）', '环保不良（红牌）']);
    expect(rules.initial).toBe('blue');
    expect(creditRuleProblems(rules)).toEqual([]);
  });

  it('labels every trigger in both languages', () => {
    for (const label of Object.values(CREDIT_TRIGGER_LABELS)) {
      expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en).not.toBe('');
    }
  });
});

describe('moveCredit with the default rules', () => {
  it('moves one level better after a clean inspection, never past green', () => {
    expect(after('clean-inspection')).toEqual(['green', 'green', 'blue', 'yellow']);
    expect(moveCredit(rules, 'green', 'clean-inspection')).toBeUndefined();
  });

  it('moves one level worse after a violation, never past red', () => {
    expect(after('violation')).toEqual(['blue', 'yellow', 'red', 'red']);
    expect(moveCredit(rules, 'red', 'violation')).toBeUndefined();
  });

  it('leaves the level alone when problems are found (no rule for it)', () => {
    for (const level of LEVELS) expect(moveCredit(rules, level, 'problems-found')).toBeUndefined();
  });

  it('makes a penalised enterprise at most yellow, without improving a red one', () => {
    expect(after('penalty')).toEqual(['yellow', 'yellow', 'yellow', 'red']);
    expect(moveCredit(rules, 'yellow', 'penalty')).toBeUndefined();
    expect(moveCredit(rules, 'red', 'penalty')).toBeUndefined();
  });

  it('makes a criminal transfer red whatever the level (一票否决)', () => {
    expect(after('criminal-transfer')).toEqual(['red', 'red', 'red', 'red']);
    expect(moveCredit(rules, 'green', 'criminal-transfer')).toBe('red');
    expect(moveCredit(rules, 'red', 'criminal-transfer')).toBeUndefined();
  });
});

describe('moveCredit with other rule tables', () => {
  it('counts a level the current table no longer has as the initial level, never as the best', () => {
    expect(moveCredit(rules, 'black', 'violation')).toBe('yellow');
    expect(moveCredit(rules, 'black', 'clean-inspection')).toBe('green');
  });

  it('moves several steps and stops at the best and worst levels', () => {
    const r = withMoves({ 'clean-inspection': { kind: 'better', steps: 2 }, violation: { kind: 'worse', steps: 3 } });
    expect(after('clean-inspection', r)).toEqual(['green', 'green', 'green', 'blue']);
    expect(after('violation', r)).toEqual(['red', 'red', 'red', 'red']);
  });

  it("'set' moves to the level in either direction; 'at-most' only ever worsens", () => {
    const r = withMoves({ 'clean-inspection': { kind: 'set', level: 'blue' }, 'problems-found': { kind: 'at-most', level: 'blue' } });
    expect(after('clean-inspection', r)).toEqual(['blue', 'blue', 'blue', 'blue']);
    expect(moveCredit(r, 'red', 'clean-inspection')).toBe('blue');
    expect(moveCredit(r, 'blue', 'clean-inspection')).toBeUndefined();
    expect(after('problems-found', r)).toEqual(['blue', 'blue', 'yellow', 'red']);
    expect(moveCredit(r, 'yellow', 'problems-found')).toBeUndefined();
  });

  it('works on any number of levels', () => {
    const three: CreditRules = {
      levels: [
        { code: 'a', zh: '甲', en: 'A', colour: '#0a0' },
        { code: 'b', zh: '乙', en: 'B', colour: '#aa0' },
        { code: 'c', zh: '丙', en: 'C', colour: '#a00' },
      ],
      initial: 'b',
      moves: { violation: { kind: 'worse', steps: 1 }, 'clean-inspection': { kind: 'better', steps: 1 }, penalty: { kind: 'at-most', level: 'b' } },
    };
    expect(['a', 'b', 'c'].map((l) => moveCredit(three, l, 'violation'))).toEqual(['b', 'c', undefined]);
    expect(['a', 'b', 'c'].map((l) => moveCredit(three, l, 'clean-inspection'))).toEqual([undefined, 'a', 'b']);
    expect(['a', 'b', 'c'].map((l) => moveCredit(three, l, 'penalty'))).toEqual(['b', undefined, undefined]);
    expect(creditRuleProblems(three)).toEqual([]);
  });
});

describe('creditRuleProblems', () => {
  const LEVELS_PROBLEM = { field: 'levels', zh: '至少两个等级，代码互不相同（小写字母、数字、连字符）', en: 'at least two levels with distinct codes (lower-case letters, digits, hyphens)' };
  const level = (code: string) => ({ code, zh: code, en: code, colour: '#000' });

  it('wants at least two levels', () => {
    expect(creditRuleProblems({ ...rules, levels: [level('blue')], moves: {} })).toEqual([LEVELS_PROBLEM]);
    expect(creditRuleProblems({ ...rules, levels: [], moves: {} })).toEqual([LEVELS_PROBLEM, { field: 'initial', zh: '须为已定义的等级', en: 'must be one of the levels' }]);
  });

  it('wants distinct codes', () => {
    expect(creditRuleProblems({ ...rules, levels: [...rules.levels, level('blue')] })).toEqual([LEVELS_PROBLEM]);
  });

  it.each(['Green', '1st', 'green level', '', 'a-very-long-level-code', 'grün'])('refuses the level code %j', (code) => {
    expect(creditRuleProblems({ ...rules, levels: [...rules.levels, level(code)] })).toEqual([LEVELS_PROBLEM]);
  });

  it('accepts lower-case codes with digits and hyphens, up to 20 characters', () => {
    expect(creditRuleProblems({ ...rules, levels: [...rules.levels, level('a1-b2'), level('a2345678901234567890')] })).toEqual([]);
  });

  it('survives a table that is not even the right shape', () => {
    const broken = { levels: 'green,blue', initial: 'blue', moves: undefined } as unknown as CreditRules;
    expect(creditRuleProblems(broken).map((p) => p.field)).toEqual(['levels', 'initial']);
    const holes = { ...rules, levels: [...rules.levels, null] } as unknown as CreditRules;
    expect(creditRuleProblems(holes).map((p) => p.field)).toEqual(['levels']);
  });

  it('wants the initial level to be one of the levels', () => {
    expect(creditRuleProblems({ ...rules, initial: 'black' })).toEqual([{ field: 'initial', zh: '须为已定义的等级', en: 'must be one of the levels' }]);
  });

  it('refuses an unknown trigger', () => {
    const r = withMoves({ ...rules.moves, audit: { kind: 'worse', steps: 1 } } as CreditRules['moves']);
    expect(creditRuleProblems(r)).toEqual([{ field: 'moves.audit', zh: '未知的触发事件', en: 'unknown trigger' }]);
  });

  it('refuses an unknown or missing effect', () => {
    const r = withMoves({ violation: { kind: 'promote', steps: 1 } as unknown as CreditEffect, penalty: undefined });
    expect(creditRuleProblems(r)).toEqual([
      { field: 'moves.violation', zh: '未知的变化方式', en: 'unknown effect' },
      { field: 'moves.penalty', zh: '未知的变化方式', en: 'unknown effect' },
    ]);
  });

  it("refuses an 'at-most' or 'set' level that is not defined", () => {
    const r = withMoves({ penalty: { kind: 'at-most', level: 'orange' }, 'criminal-transfer': { kind: 'set', level: 'black' } });
    expect(creditRuleProblems(r)).toEqual([
      { field: 'moves.penalty.level', zh: '须为已定义的等级', en: 'must be one of the levels' },
      { field: 'moves.criminal-transfer.level', zh: '须为已定义的等级', en: 'must be one of the levels' },
    ]);
  });

  it.each([0, -1, 1.5, 4, Number.NaN, '1' as unknown as number])('refuses %p steps with four levels', (steps) => {
    expect(creditRuleProblems(withMoves({ violation: { kind: 'worse', steps } }))).toEqual([
      { field: 'moves.violation.steps', zh: '须为正整数且小于等级数', en: 'must be a whole number from 1 to the number of levels − 1' },
    ]);
    expect(creditRuleProblems(withMoves({ 'clean-inspection': { kind: 'better', steps } })).map((p) => p.field)).toEqual(['moves.clean-inspection.steps']);
  });

  it('accepts 1 to 3 steps with four levels', () => {
    for (const steps of [1, 2, 3]) expect(creditRuleProblems(withMoves({ violation: { kind: 'worse', steps }, 'clean-inspection': { kind: 'better', steps } }))).toEqual([]);
  });

  it('reports every problem at once, so a bad version is refused whole', () => {
    const r: CreditRules = { levels: [level('x')], initial: 'y', moves: { penalty: { kind: 'set', level: 'z' }, violation: { kind: 'worse', steps: 0 } } };
    expect(creditRuleProblems(r).map((p) => p.field)).toEqual(['levels', 'initial', 'moves.penalty.level', 'moves.violation.steps']);
  });
});

describe('requireLevel', () => {
  it('passes a defined level and refuses any other as invalid, in both languages', () => {
    for (const level of LEVELS) expect(() => requireLevel(rules, level)).not.toThrow();
    let error: unknown;
    try {
      requireLevel(rules, 'black');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'UNKNOWN_CREDIT_LEVEL', kind: 'invalid', zh: '未定义的信用等级：black', en: 'Unknown credit level: black' });
    expect(() => requireLevel(rules, 'Green')).toThrow(DomainError);
    expect(() => requireLevel(rules, '')).toThrow(DomainError);
  });
});
