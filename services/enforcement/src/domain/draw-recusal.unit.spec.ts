import fc from 'fast-check';
import { DomainError } from '@qingyuan/domain';
import { performDraw, seedCommitment, verifyDraw } from './draw';
import type { DrawInputs, DrawInspector } from './draw-inputs';

/**
 * 10,000 random scenarios (sizes, towns, conflicts, former employers, previous inspectors, task limits, ratios, both
 * recusal settings, seeds). The oracle below is written from the rules, not from the code: 行政处罚法 art. 42 (at
 * least two officers, distinct), art. 43 (recusal), no repeat of the last inspection's officers, the task limit, and
 * an enterprise is left unassigned only when the rules truly leave too few.
 */
const TOWNS = ['330782001', '330782002', '330782003'];
const LEVELS = ['green', 'blue', 'yellow', 'red'];
const E = (i: number) => `E${String(i).padStart(2, '0')}`;
const I = (i: number) => `I${String(i).padStart(2, '0')}`;

const scenario: fc.Arbitrary<{ inputs: DrawInputs; seed: string }> = fc
  .record({
    candidates: fc.array(fc.record({ objectClass: fc.constantFrom('key' as const, 'general' as const, 'special' as const), level: fc.constantFrom(...LEVELS), town: fc.constantFrom(...TOWNS) }), { minLength: 1, maxLength: 20 }),
    pool: fc.array(
      fc.record({
        town: fc.option(fc.constantFrom(...TOWNS), { nil: undefined }),
        former: fc.array(fc.nat(19), { maxLength: 3 }),
        conflicts: fc.array(fc.nat(19), { maxLength: 4 }),
      }),
      { maxLength: 9 },
    ),
    ratios: fc.array(fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 1), { minLength: 12, maxLength: 12 }),
    previous: fc.array(fc.tuple(fc.nat(19), fc.array(fc.nat(8), { maxLength: 3 })), { maxLength: 10 }),
    inspectorsPerTask: fc.integer({ min: 2, max: 4 }),
    maxTasks: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    sameTown: fc.boolean(),
    formerEmployer: fc.boolean(),
    seed: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  })
  .map((s) => {
    const ratios: DrawInputs['plan']['ratios'] = {};
    (['key', 'general', 'special'] as const).forEach((c, ci) => (ratios[c] = Object.fromEntries(LEVELS.map((l, li) => [l, s.ratios[ci * 4 + li]]))));
    const previousInspectors: Record<string, string[]> = {};
    for (const [e, ids] of s.previous) previousInspectors[E(e)] = ids.map(I);
    const pool: DrawInspector[] = s.pool.map((p, i) => ({ inspectorId: I(i), townCode: p.town, formerEmployers: p.former.map(E), declaredConflicts: p.conflicts.map(E) }));
    const inputs: DrawInputs = {
      plan: { planId: 'p', period: '2027-Q1', ratios, inspectorsPerTask: s.inspectorsPerTask, maxTasksPerInspector: s.maxTasks },
      candidates: s.candidates.map((c, i) => ({ enterpriseId: E(i), objectClass: c.objectClass, creditLevel: c.level, townCode: c.town })),
      pool,
      recusal: { sameTown: s.sameTown, formerEmployer: s.formerEmployer },
      previousInspectors,
    };
    return { inputs, seed: Buffer.from(s.seed).toString('hex') };
  });

/** May this officer inspect this enterprise? Straight from the rules. */
function allowed(inputs: DrawInputs, inspectorId: string, enterpriseId: string): boolean {
  const officer = inputs.pool.find((p) => p.inspectorId === inspectorId)!;
  const enterprise = inputs.candidates.find((c) => c.enterpriseId === enterpriseId)!;
  if (officer.declaredConflicts.includes(enterpriseId)) return false;
  if (inputs.recusal.formerEmployer && officer.formerEmployers.includes(enterpriseId)) return false;
  if (inputs.recusal.sameTown && officer.townCode && officer.townCode === enterprise.townCode) return false;
  return !(inputs.previousInspectors[enterpriseId] ?? []).includes(inspectorId);
}

describe('inspector assignment in 10,000 random scenarios', () => {
  it('never breaks recusal, the two-officer minimum, the no-repeat rule or the task limit, and never leaves a task it could fill', () => {
    fc.assert(
      fc.property(scenario, ({ inputs, seed }) => {
        const draw = performDraw(inputs, seed, seedCommitment(seed));
        const perTask = inputs.plan.inspectorsPerTask;
        const limit = inputs.plan.maxTasksPerInspector ?? Infinity;
        const load = new Map<string, number>();
        const byId = new Map(draw.selections.map((s) => [s.enterpriseId, s]));
        const unassigned = new Map(draw.unassigned.map((u) => [u.enterpriseId, u.reason]));
        const drawn = [...byId.keys(), ...unassigned.keys()].sort();
        expect(new Set(drawn).size).toBe(drawn.length);

        // replay in enterpriseId order, as the draw assigns
        for (const id of drawn) {
          const free = inputs.pool.filter((p) => allowed(inputs, p.inspectorId, id));
          const eligible = free.filter((p) => (load.get(p.inspectorId) ?? 0) < limit);
          const selection = byId.get(id);
          if (selection) {
            expect(selection.inspectorIds.length).toBe(perTask);
            expect(selection.inspectorIds.length).toBeGreaterThanOrEqual(2);
            expect(new Set(selection.inspectorIds).size).toBe(perTask);
            for (const officer of selection.inspectorIds) {
              expect(eligible.map((p) => p.inspectorId)).toContain(officer);
              load.set(officer, (load.get(officer) ?? 0) + 1);
            }
          } else {
            expect(eligible.length).toBeLessThan(perTask);
            expect(unassigned.get(id)).toBe(free.length < perTask ? 'recusal-leaves-too-few' : 'inspectors-at-capacity');
          }
        }
        for (const n of load.values()) expect(n).toBeLessThanOrEqual(limit);

        // each stratum gets floor or ceil of ratio × size
        const strata = new Map<string, { size: number; drawn: number; ratio: number }>();
        for (const c of inputs.candidates) {
          const key = `${c.objectClass}/${c.creditLevel}`;
          const s = strata.get(key) ?? { size: 0, drawn: 0, ratio: inputs.plan.ratios[c.objectClass]![c.creditLevel] };
          s.size++;
          if (byId.has(c.enterpriseId) || unassigned.has(c.enterpriseId)) s.drawn++;
          strata.set(key, s);
        }
        for (const s of strata.values()) expect([Math.floor(s.ratio * s.size + 1e-9), Math.ceil(s.ratio * s.size - 1e-9)]).toContain(s.drawn);

        expect(verifyDraw(inputs, seed, draw).ok).toBe(true);
      }),
      { numRuns: 10_000, seed: 20270101 },
    );
  });

  it('refuses fewer than two officers per task whatever else the plan says', () => {
    fc.assert(
      fc.property(scenario, fc.oneof(fc.integer({ min: -5, max: 1 }), fc.double({ min: 2.01, max: 9.99, noNaN: true })), ({ inputs, seed }, perTask) => {
        const plan = { ...inputs.plan, inspectorsPerTask: perTask };
        try {
          performDraw({ ...inputs, plan }, seed, seedCommitment(seed));
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('DRAW_INSPECTORS_PER_TASK');
          return;
        }
        throw new Error('accepted');
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
