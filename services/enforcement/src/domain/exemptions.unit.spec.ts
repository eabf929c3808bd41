import { checkExemption, CONDITION_LABELS, DEFAULT_EXEMPTIONS, type ExemptionCondition, type ExemptionItem } from './exemptions';

const item = (id: string) => {
  const found = DEFAULT_EXEMPTIONS.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const MINOR = item('art33-minor'); // must: minor, corrected in time, no harm
const FIRST = item('art33-first'); // may: first offence, minor, corrected in time
const CONDITIONS = Object.keys(CONDITION_LABELS) as ExemptionCondition[];

describe("checkExemption on a 'must' item (不予处罚)", () => {
  it('exempts when every condition holds, whatever the officer would choose', () => {
    const facts = { minor: true, 'corrected-in-time': true, 'no-harm': true };
    expect(checkExemption(MINOR, facts, false)).toEqual({
      exempt: true,
      mode: 'must',
      conditions: [
        { condition: 'minor', met: true },
        { condition: 'corrected-in-time', met: true },
        { condition: 'no-harm', met: true },
      ],
    });
    expect(checkExemption(MINOR, facts, true).exempt).toBe(true);
  });

  it('does not exempt when a condition fails or was not established, even if the officer would waive', () => {
    expect(checkExemption(MINOR, { minor: true, 'corrected-in-time': true, 'no-harm': false }, true)).toEqual({
      exempt: false,
      mode: 'must',
      conditions: [
        { condition: 'minor', met: true },
        { condition: 'corrected-in-time', met: true },
        { condition: 'no-harm', met: false },
      ],
    });
    // a fact never established counts as not met
    expect(checkExemption(MINOR, { minor: true, 'no-harm': true }, true)).toMatchObject({ exempt: false, conditions: [{ met: true }, { met: false }, { met: true }] });
    expect(checkExemption(MINOR, {}, true).conditions.every((c) => !c.met)).toBe(true);
  });

  it('reports only the conditions of the item, in its order, ignoring other facts', () => {
    const check = checkExemption(item('art33-fault'), { 'no-fault': true, minor: false, 'first-offence': false }, false);
    expect(check).toEqual({ exempt: true, mode: 'must', conditions: [{ condition: 'no-fault', met: true }] });
  });

  it('takes only a true fact as met', () => {
    const facts = { minor: 'yes', 'corrected-in-time': 1, 'no-harm': true } as unknown as Partial<Record<ExemptionCondition, boolean>>;
    expect(checkExemption(MINOR, facts, true)).toMatchObject({ exempt: false, conditions: [{ met: false }, { met: false }, { met: true }] });
  });
});

describe("checkExemption on a 'may' item (可以不予处罚: the officer decides)", () => {
  const facts = { 'first-offence': true, minor: true, 'corrected-in-time': true };

  it('exempts only when the conditions hold and the officer waives', () => {
    expect(checkExemption(FIRST, facts, true)).toEqual({
      exempt: true,
      mode: 'may',
      conditions: [
        { condition: 'first-offence', met: true },
        { condition: 'minor', met: true },
        { condition: 'corrected-in-time', met: true },
      ],
    });
    expect(checkExemption(FIRST, facts, false)).toMatchObject({ exempt: false, mode: 'may' });
  });

  it('cannot be waived when a condition fails', () => {
    expect(checkExemption(FIRST, { ...facts, 'first-offence': false }, true)).toMatchObject({ exempt: false, conditions: [{ met: false }, { met: true }, { met: true }] });
    expect(checkExemption(FIRST, { ...facts, minor: undefined }, true).exempt).toBe(false);
  });

  it('works for items of any shape the bureau configures', () => {
    const own: ExemptionItem = { id: 'hw-sign', category: '固体废物', name: '危险废物识别标志缺失', legalBasis: '本地清单', conditions: ['first-offence', 'corrected-in-time'], mode: 'may' };
    expect(checkExemption(own, { 'first-offence': true, 'corrected-in-time': true }, true).exempt).toBe(true);
    expect(checkExemption({ ...own, mode: 'must' }, { 'first-offence': true, 'corrected-in-time': true }, false).exempt).toBe(true);
    expect(checkExemption({ ...own, mode: 'must' }, { 'first-offence': true }, false).exempt).toBe(false);
  });
});

describe('DEFAULT_EXEMPTIONS', () => {
  it('is well formed: unique ids, a legal basis, known and distinct conditions, a mode', () => {
    expect(DEFAULT_EXEMPTIONS.length).toBeGreaterThan(0);
    expect(new Set(DEFAULT_EXEMPTIONS.map((i) => i.id)).size).toBe(DEFAULT_EXEMPTIONS.length);
    for (const i of DEFAULT_EXEMPTIONS) {
      expect(i.id).toMatch(/^[a-z0-9-]+$/);
      expect(i.category.trim()).not.toBe('');
      expect(i.name).toMatch(/[\u4e00-\u9fff]/);
      expect(i.legalBasis).toMatch(/^《.+》第.+条/);
      expect(i.conditions.length).toBeGreaterThan(0);
      expect(new Set(i.conditions).size).toBe(i.conditions.length);
      for (const c of i.conditions) expect(CONDITIONS).toContain(c);
      expect(['must', 'may']).toContain(i.mode);
    }
  });

  it('encodes 行政处罚法 art. 33 as regulations.md §3.1 reads it', () => {
    // (1) minor, corrected promptly, no harm: no penalty
    expect(MINOR).toMatchObject({ mode: 'must', legalBasis: '《行政处罚法》第三十三条第一款' });
    expect([...MINOR.conditions].sort()).toEqual(['corrected-in-time', 'minor', 'no-harm']);
    // (1) first offence, minor harm, corrected promptly: may waive
    expect(FIRST).toMatchObject({ mode: 'may', legalBasis: '《行政处罚法》第三十三条第一款' });
    expect([...FIRST.conditions].sort()).toEqual(['corrected-in-time', 'first-offence', 'minor']);
    // (2) no subjective fault: no penalty
    expect(item('art33-fault')).toMatchObject({ mode: 'must', conditions: ['no-fault'], legalBasis: '《行政处罚法》第三十三条第二款' });
  });

  it('labels every condition in both languages', () => {
    expect([...CONDITIONS].sort()).toEqual(['corrected-in-time', 'first-offence', 'minor', 'no-fault', 'no-harm']);
    for (const label of Object.values(CONDITION_LABELS)) {
      expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en).not.toBe('');
    }
  });
});
