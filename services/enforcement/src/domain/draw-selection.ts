import type { ObjectClass } from '@qingyuan/contracts';
import { compareIds } from './canonical-json';
import { DRAW_OBJECT_CLASSES, PPM, type DrawCandidate } from './draw-inputs';
import type { DrawPrng } from './draw-prng';

export interface Stratum {
  objectClass: ObjectClass;
  creditLevel: string;
  ratioPpm: number;
  /** sorted by enterpriseId */
  members: DrawCandidate[];
}

/**
 * The non-empty strata (object class × credit level) in draw order: classes key, general, special; within a class,
 * credit level codes in UTF-16 code-unit order. Members sorted by enterpriseId.
 */
export function strataOf(candidates: readonly DrawCandidate[], ratios: Record<string, Record<string, number>>): Stratum[] {
  const byKey = new Map<string, Stratum>();
  for (const c of candidates) {
    const key = `${c.objectClass}\u0000${c.creditLevel}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { objectClass: c.objectClass, creditLevel: c.creditLevel, ratioPpm: ratios[c.objectClass][c.creditLevel], members: [] }));
    s.members.push(c);
  }
  const order = (s: Stratum) => DRAW_OBJECT_CLASSES.indexOf(s.objectClass);
  const strata = [...byKey.values()].sort((a, b) => order(a) - order(b) || compareIds(a.creditLevel, b.creditLevel));
  for (const s of strata) s.members.sort((a, b) => compareIds(a.enterpriseId, b.enterpriseId));
  return strata;
}

/**
 * How many of a stratum to inspect: the expected count ratio × size, rounded down, plus one with probability equal to
 * the fraction (uniformInt(10^6) < remainder, drawn only when there is a remainder). So each enterprise's chance of
 * being drawn is exactly its stratum's ratio, and the count never strays more than one from the expectation.
 */
export function stratumCount(prng: DrawPrng, ratioPpm: number, size: number): number {
  const product = ratioPpm * size;
  const base = Math.floor(product / PPM);
  const remainder = product % PPM;
  return remainder > 0 && prng.uniformInt(PPM) < remainder ? base + 1 : base;
}

/** The selected enterprises of every stratum, strata in draw order; the result is sorted by enterpriseId. */
export function selectEnterprises(prng: DrawPrng, strata: readonly Stratum[]): DrawCandidate[] {
  const selected: DrawCandidate[] = [];
  for (const s of strata) {
    const k = stratumCount(prng, s.ratioPpm, s.members.length);
    selected.push(...prng.choose(s.members, k));
  }
  return selected.sort((a, b) => compareIds(a.enterpriseId, b.enterpriseId));
}
