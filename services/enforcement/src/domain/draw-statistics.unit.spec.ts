import { sha256Hex } from './canonical-json';
import { performDraw, seedCommitment } from './draw';
import type { DrawCandidate, DrawInputs } from './draw-inputs';

/**
 * Selection frequencies over many seeded draws. Class ratios key 25%, general 5%, special 50% per quarter, times a
 * credit factor green ×0.5, blue ×1, yellow ×1.5, red ×2 (capped at 100%), give 12 strata of different sizes whose
 * expected counts are mostly fractional.
 *
 * Tolerances (N = 2,000 draws; the seeds are fixed, so the test is deterministic, and the bounds say how unlikely a
 * failure of a correct implementation would be):
 * - stratum: the count drawn is floor(e) or floor(e) + 1 with e = ratio × size, the +1 with probability frac(e),
 *   so the mean share has standard error sqrt(f(1 − f) / N) / size, f = frac(e). Bound: 4 standard errors
 *   (two-sided p ≈ 6e-5 per stratum); an exact expectation (f = 0) must be met exactly.
 * - enterprise: each is drawn with probability equal to its stratum's ratio p; its share over N draws has standard
 *   error sqrt(p(1 − p) / N). Bound: 5 standard errors (p ≈ 6e-7 each, ≈ 2e-4 over the 302 enterprises).
 * - uniformity inside a stratum: Σ (count − Np)² / (Np(1 − p)) over its n members has mean ≈ n whatever the
 *   dependence between members (each count is binomial); a favoured position would inflate it. Bound: n + 6·sqrt(2n).
 */
const CLASS_RATIO = { key: 0.25, general: 0.05, special: 0.5 } as const;
const CREDIT_FACTOR: Record<string, number> = { green: 0.5, blue: 1, yellow: 1.5, red: 2 };
const SIZES: Record<keyof typeof CLASS_RATIO, Record<string, number>> = {
  key: { green: 23, blue: 31, yellow: 17, red: 9 },
  general: { green: 97, blue: 61, yellow: 29, red: 13 },
  special: { green: 7, blue: 11, yellow: 5, red: 3 },
};
const N = 2_000;

function inputs(): DrawInputs {
  const candidates: DrawCandidate[] = [];
  const ratios: DrawInputs['plan']['ratios'] = {};
  for (const objectClass of ['key', 'general', 'special'] as const) {
    ratios[objectClass] = {};
    for (const [level, size] of Object.entries(SIZES[objectClass])) {
      ratios[objectClass]![level] = Math.min(1, CLASS_RATIO[objectClass] * CREDIT_FACTOR[level]);
      // ids interleave strata, so a stratum's members are not contiguous in the sorted candidate list
      for (let i = 0; i < size; i++) candidates.push({ enterpriseId: `E-${String(i).padStart(3, '0')}-${objectClass}-${level}`, objectClass, creditLevel: level, townCode: `3307820${i % 9}` });
    }
  }
  const pool = Array.from({ length: 14 }, (_, i) => ({ inspectorId: `I${i}`, townCode: `3307820${i % 9}`, formerEmployers: [], declaredConflicts: [] }));
  return { plan: { planId: 'stat', period: '2027-Q1', ratios, inspectorsPerTask: 2 }, candidates, pool, recusal: { sameTown: true, formerEmployer: true }, previousInspectors: {} };
}

describe('selection frequencies over 2,000 seeded draws', () => {
  const draw = inputs();
  const stratumOf = new Map(draw.candidates.map((c) => [c.enterpriseId, `${c.objectClass}/${c.creditLevel}`]));
  const counts = new Map<string, number>(draw.candidates.map((c) => [c.enterpriseId, 0]));
  const perDraw = new Map<string, number[]>();

  beforeAll(() => {
    for (let d = 0; d < N; d++) {
      const seed = sha256Hex(`qingyuan statistics seed ${d}`);
      const result = performDraw(draw, seed, seedCommitment(seed));
      const inStratum = new Map<string, number>();
      for (const { enterpriseId } of [...result.selections, ...result.unassigned]) {
        counts.set(enterpriseId, counts.get(enterpriseId)! + 1);
        const s = stratumOf.get(enterpriseId)!;
        inStratum.set(s, (inStratum.get(s) ?? 0) + 1);
      }
      for (const s of new Set(stratumOf.values())) {
        if (!perDraw.has(s)) perDraw.set(s, []);
        perDraw.get(s)!.push(inStratum.get(s) ?? 0);
      }
    }
  });

  const strata = Object.entries(SIZES).flatMap(([objectClass, levels]) =>
    Object.entries(levels).map(([level, size]) => ({ key: `${objectClass}/${level}`, size, ratio: draw.plan.ratios[objectClass as 'key']![level] })),
  );

  it.each(strata)('stratum $key (ratio $ratio, size $size) is drawn at its ratio', ({ key, size, ratio }) => {
    const expected = ratio * size;
    const f = expected - Math.floor(expected);
    const drawn = perDraw.get(key)!;
    for (const k of drawn) expect([Math.floor(expected), Math.ceil(expected)]).toContain(k);
    const share = drawn.reduce((a, b) => a + b, 0) / (N * size);
    const se = Math.sqrt((f * (1 - f)) / N) / size;
    expect(Math.abs(share - ratio)).toBeLessThanOrEqual(4 * se + 1e-12);
  });

  it.each(strata)('every enterprise of $key is drawn at the same rate', ({ key, size, ratio }) => {
    const members = [...stratumOf].filter(([, s]) => s === key).map(([id]) => counts.get(id)!);
    expect(members).toHaveLength(size);
    const se = Math.sqrt((ratio * (1 - ratio)) / N);
    for (const c of members) expect(Math.abs(c / N - ratio)).toBeLessThanOrEqual(5 * se + 1e-12);
    if (ratio > 0 && ratio < 1) {
      const chi2 = members.reduce((s, c) => s + (c - N * ratio) ** 2 / (N * ratio * (1 - ratio)), 0);
      expect(chi2).toBeLessThanOrEqual(size + 6 * Math.sqrt(2 * size));
    }
  });
});
