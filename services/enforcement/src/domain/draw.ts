import type { DrawSelection } from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import { canonicalJson, sha256Hex } from './canonical-json';
import { checkDrawInputs, hashInputs, type DrawInputHashes, type DrawInputs } from './draw-inputs';
import { assignInspectors, type UnassignedReason } from './draw-inspectors';
import { DrawPrng } from './draw-prng';
import { selectEnterprises, strataOf } from './draw-selection';

/**
 * 双随机 draw, algorithm "qingyuan-draw-v1": random objects, random inspectors, and anyone can check it afterwards.
 * Everything below is normative; a re-implementation that follows it gives the same bytes.
 *
 * 0. Commitment. The seed is 32 random bytes, written as 64 hex digits. Before the draw the bureau publishes
 *    seedHash = SHA-256(the 32 seed bytes) (of the bytes, not of the hex text), and should publish the three input
 *    hashes of step 1 with it, so neither the seed nor the lists can be chosen after the fact. All hashes are written
 *    as lower-case hex. Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, strings and numbers
 *    as ECMAScript JSON.stringify writes them, undefined fields left out; text is hashed as UTF-8.
 * 1. Inputs, refused (no draw) when: a ratio is outside [0, 1] or has more than 6 decimals; inspectorsPerTask is not
 *    a whole number ≥ 2; maxTasksPerInspector is given and not a whole number ≥ 1; an enterpriseId or inspectorId
 *    appears twice; a candidate's (objectClass, creditLevel) has no ratio; the seed is not 64 hex digits; or
 *    SHA-256(seed) differs from the committed hash. Each ratio becomes ratioPpm = round(ratio × 10^6).
 *    - candidatesHash = SHA-256(canonical JSON of the candidates sorted by enterpriseId, each reduced to
 *      {creditLevel, enterpriseId, objectClass, townCode});
 *    - poolHash = SHA-256(canonical JSON of the inspectors sorted by inspectorId, each {declaredConflicts,
 *      formerEmployers, inspectorId, townCode?} with both id lists sorted and without repeats);
 *    - planHash = SHA-256(canonical JSON of {plan: {inspectorsPerTask, maxTasksPerInspector?, period, planId,
 *      ratiosPpm: {class: {level: ppm}}}, previousInspectors: {enterpriseId: sorted ids without repeats, empty lists
 *      left out}, recusal: {formerEmployer, sameTown}}).
 * 2. Random words. Block i (i = 0, 1, 2, …) = SHA-256(seed bytes ‖ ASCII "qingyuan-draw-v1" ‖ i as an unsigned
 *    64-bit big-endian integer). The blocks, in order, are read as unsigned 32-bit big-endian words, 8 per block.
 *    uniformInt(n), 1 ≤ n ≤ 2^32: limit = 2^32 − (2^32 mod n); read words until one, w, is below limit; return
 *    w mod n. (Each call reads at least one word, also for n = 1.) choose(list, k): for j = 0 … k−1,
 *    r = j + uniformInt(len − j), swap list[j] and list[r]; the result is list[0 … k−1]. One word stream serves the
 *    whole draw, consumed strictly in the order below.
 * 3. Objects. Group the candidates into strata (objectClass, creditLevel). Take the non-empty strata with classes in
 *    the order key, general, special and, within a class, credit level codes in UTF-16 code-unit order. For each
 *    stratum of size n, members sorted by enterpriseId: p = ratioPpm × n; k = floor(p / 10^6), r = p mod 10^6; if
 *    r > 0, read uniformInt(10^6) and add 1 to k when it is below r; then select choose(members, k).
 * 4. Inspectors. Sort the selected enterprises of all strata by enterpriseId. Keep a task count per inspector
 *    (starting at 0). For each enterprise, in that order, the eligible inspectors are those of the pool, sorted by
 *    inspectorId, who: have not declared a conflict with it; did not work for it (when recusal.formerEmployer); do not
 *    share its town (when recusal.sameTown and the inspector has a townCode); were not among its previous inspectors;
 *    and have fewer tasks than maxTasksPerInspector (when given). If fewer than inspectorsPerTask are eligible, the
 *    enterprise is unassigned, reason "recusal-leaves-too-few" when too few pass the recusal and no-repeat tests
 *    whatever the task counts, otherwise "inspectors-at-capacity"; no word is read. Otherwise
 *    choose(eligible, inspectorsPerTask) are its inspectors (listed sorted by inspectorId) and their counts go up by 1.
 * 5. Output. {algorithm, planId, period, seedHash, candidatesHash, poolHash, planHash, selections: [{enterpriseId,
 *    objectClass, creditLevel, inspectorIds}], unassigned: [{enterpriseId, reason}]}, both lists in enterpriseId
 *    order; resultHash = SHA-256(canonical JSON of that object) is added to it.
 */
export const DRAW_ALGORITHM = 'qingyuan-draw-v1';

export interface DrawResult extends DrawInputHashes {
  algorithm: typeof DRAW_ALGORITHM;
  planId: string;
  period: string;
  seedHash: string;
  selections: DrawSelection[];
  unassigned: Array<{ enterpriseId: string; reason: UnassignedReason }>;
  resultHash: string;
}

/** A draw as published or stored (e.g. a DrawPerformed event): loosely typed, since verification must cope with anything. */
export interface PublishedDraw {
  algorithm: string;
  planId: string;
  period: string;
  seedHash: string;
  candidatesHash: string;
  poolHash: string;
  planHash?: string;
  selections: DrawSelection[];
  unassigned: Array<{ enterpriseId: string; reason: string }>;
  resultHash: string;
}

/** The fields verification compares, in the order it reports them. */
export const DRAW_FIELDS = ['algorithm', 'planId', 'period', 'seedHash', 'candidatesHash', 'poolHash', 'planHash', 'selections', 'unassigned', 'resultHash'] as const;
export type DrawField = (typeof DRAW_FIELDS)[number];

export interface DrawVerification {
  ok: boolean;
  /** the published fields that differ from the recomputation (resultHash differs whenever anything else does) */
  mismatches: DrawField[];
}

const invalid = (code: string, zh: string, en: string) => new DomainError(code, zh, en, 'invalid');

function seedBytes(seed: string): Uint8Array {
  if (typeof seed !== 'string' || !/^[0-9a-fA-F]{64}$/.test(seed)) {
    throw invalid('DRAW_BAD_SEED', '随机种子须为 64 位十六进制字符（32 字节）', 'The seed must be 64 hex characters (32 bytes)');
  }
  return Buffer.from(seed, 'hex');
}

/** SHA-256 of the seed's 32 bytes: published before the draw. */
export function seedCommitment(seed: string): string {
  return sha256Hex(seedBytes(seed));
}

function compute(inputs: DrawInputs, seed: string): DrawResult {
  const bytes = seedBytes(seed);
  const ratios = checkDrawInputs(inputs);
  const prng = new DrawPrng(bytes);
  const selected = selectEnterprises(prng, strataOf(inputs.candidates, ratios));
  const assignments = assignInspectors(prng, selected, inputs);
  const body: Omit<DrawResult, 'resultHash'> = {
    algorithm: DRAW_ALGORITHM,
    planId: inputs.plan.planId,
    period: inputs.plan.period,
    seedHash: sha256Hex(bytes),
    ...hashInputs(inputs, ratios),
    selections: assignments
      .filter((a) => a.inspectorIds)
      .map(({ enterprise: e, inspectorIds }) => ({ enterpriseId: e.enterpriseId, objectClass: e.objectClass, creditLevel: e.creditLevel, inspectorIds: inspectorIds! })),
    unassigned: assignments.filter((a) => a.unassigned).map((a) => ({ enterpriseId: a.enterprise.enterpriseId, reason: a.unassigned! })),
  };
  return { ...body, resultHash: resultHashOf(body) };
}

/** SHA-256 of the canonical JSON of a draw without its resultHash. */
export function resultHashOf(draw: Omit<PublishedDraw, 'resultHash'> & { resultHash?: string }): string {
  return sha256Hex(canonicalJson({ ...draw, resultHash: undefined }));
}

/** The draw, refused unless the seed is the one committed to. Same inputs and seed, same bytes: always. */
export function performDraw(inputs: DrawInputs, seed: string, committedSeedHash: string): DrawResult {
  if (typeof committedSeedHash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(committedSeedHash)) {
    throw invalid('DRAW_BAD_SEED_HASH', '种子承诺值须为 64 位十六进制字符', 'The committed seed hash must be 64 hex characters');
  }
  if (seedCommitment(seed) !== committedSeedHash.toLowerCase()) {
    throw new DomainError('DRAW_SEED_NOT_COMMITTED', '随机种子与事先公布的承诺值不符', 'The seed does not match the hash published before the draw', 'conflict');
  }
  return compute(inputs, seed);
}

/**
 * Recomputes a published draw from its inputs and revealed seed and compares every field byte for byte (canonical
 * JSON). A seed that does not match the published hash is reported, not refused; malformed inputs are refused.
 */
export function verifyDraw(inputs: DrawInputs, seed: string, published: PublishedDraw): DrawVerification {
  const again = compute(inputs, seed);
  const mismatches = DRAW_FIELDS.filter((f) => canonicalJson(again[f] ?? null) !== canonicalJson(published[f] ?? null));
  return { ok: mismatches.length === 0, mismatches };
}
