import { distanceMetres as metresBetween } from '@qingyuan/geo';
import { normalisedProfile, normaliseText, profileSimilarity, textProfile, type TextProfile } from './similarity';

/** What duplicate scoring needs of a clue (线索). `at` is when it was observed, or registered when that is unknown. */
export interface DuplicateCandidateInput {
  id: string;
  category: string;
  text: string;
  /** ISO 8601 */
  at: string;
  lat?: number;
  lng?: number;
  address?: string;
}

export interface DuplicateRules {
  /** Hard limit: reports with map points farther apart than this are never one problem. */
  maxDistanceMetres: number;
  /** Hard limit: reports further apart in time than this are a new occurrence, not the same report again. */
  maxDays: number;
  /** Lowest combined score (0..1) shown to staff as 并案建议. */
  threshold: number;
  /** The place part of the score halves every this many metres. */
  halfScoreMetres: number;
  /** The time part of the score halves every this many hours. */
  halfScoreHours: number;
}

/** Why a candidate scored as it did, for staff to judge the suggestion. */
export interface DuplicateReasons {
  /** text similarity 0..1 (after the short-text discount) */
  text: number;
  /** between the map points, when both have one */
  distanceMetres?: number;
  /** address similarity 0..1, when it stood in for missing map points */
  address?: number;
  hoursApart: number;
  /** false when one of them is 'other' */
  sameCategory: boolean;
}

export interface DuplicateScore {
  score: number;
  reasons: DuplicateReasons;
}

export interface DuplicateSuggestion<T extends DuplicateCandidateInput = DuplicateCandidateInput> extends DuplicateScore {
  candidate: T;
}

/**
 * Tuned on labelled-pairs.json (259 pairs; `npm run bench:duplicates` prints the sweep).
 * - 1 km and 30 days: beyond them staff treat a report as a new problem (another source, or a new occurrence).
 * - Half scores at 200 m and 72 h: reporters of one outfall or smell stand within a few hundred metres of it, and
 *   of each other, and most reports of one incident come within three days.
 * - threshold 0.30: the score is a weighted sum, not a probability. On the labelled set 0.30 gives precision 0.92 and
 *   recall 0.90 (F1 0.91, the best of the sweep); 0.35 trades 5 found duplicates for 3 fewer false suggestions.
 *   Staff confirm every suggestion, and a missed duplicate costs a second case, so the lower one was chosen.
 *   Six samples drawn with other seeds of the generator (never tuned on) score F1 0.89–0.91 at this threshold.
 */
export const DEFAULT_DUPLICATE_RULES: Readonly<DuplicateRules> = Object.freeze({
  maxDistanceMetres: 1000,
  maxDays: 30,
  threshold: 0.3,
  halfScoreMetres: 200,
  halfScoreHours: 72,
});

// Place is the strongest sign of one problem: two outfall reports 100 m apart are one outfall, however they are worded.
// Text tells neighbouring sources apart; time only ranks what the hard limit let through.
const WEIGHT_TEXT = 0.4;
const WEIGHT_PLACE = 0.5;
const WEIGHT_TIME = 0.1;

/**
 * Below this many characters (after normalising) a report names a symptom ("河水发黑", "有异味"), not a source or a
 * place, so two of them matching proves little: text similarity is scaled down by length / this.
 */
const INFORMATIVE_CHARS = 12;

/** 'other' is what reporters choose when unsure, so it may match any category, but a little less surely. */
const OTHER_CATEGORY = 'other';
const OTHER_CATEGORY_FACTOR = 0.9;

const HOUR_MS = 3_600_000;

/**
 * How likely `existing` describes the same problem as `newClue`, or undefined when a hard limit rules it out: different
 * categories (unless one is 'other'), map points beyond `maxDistanceMetres`, times beyond `maxDays`, or a time that
 * cannot be read.
 */
export function scoreCandidate(
  newClue: DuplicateCandidateInput,
  existing: DuplicateCandidateInput,
  rules: DuplicateRules = DEFAULT_DUPLICATE_RULES,
): DuplicateScore | undefined {
  return scorePrepared(prepare(newClue), prepare(existing), rules);
}

/**
 * The best `limit` candidates at or above the threshold, best first. The clue itself is skipped; equal scores keep
 * the candidates' order.
 */
export function suggestDuplicates<T extends DuplicateCandidateInput>(
  newClue: DuplicateCandidateInput,
  candidates: readonly T[],
  rules: DuplicateRules = DEFAULT_DUPLICATE_RULES,
  limit = 5,
): DuplicateSuggestion<T>[] {
  const clue = prepare(newClue);
  const found: DuplicateSuggestion<T>[] = [];
  for (const candidate of candidates) {
    if (candidate.id === newClue.id) continue;
    const scored = scorePrepared(clue, prepare(candidate), rules);
    if (scored && scored.score >= rules.threshold) found.push({ candidate, ...scored });
  }
  return found.sort((x, y) => y.score - x.score).slice(0, Math.max(0, limit));
}

/** A clue with what scoring derives from it, worked out once however many candidates it meets. */
interface Prepared {
  input: DuplicateCandidateInput;
  time: number;
  text: TextProfile;
  point?: [number, number];
  address?: TextProfile | null; // worked out on first need; null: none
}

function prepare(input: DuplicateCandidateInput): Prepared {
  const { lat, lng } = input;
  const point =
    typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng)
      ? ([lat, lng] as [number, number])
      : undefined;
  return { input, time: Date.parse(input.at), text: textProfile(input.text), point };
}

function addressOf(clue: Prepared): TextProfile | null {
  if (clue.address === undefined) clue.address = clue.input.address?.trim() ? addressProfile(clue.input.address) : null;
  return clue.address;
}

function scorePrepared(a: Prepared, b: Prepared, rules: DuplicateRules): DuplicateScore | undefined {
  const sameCategory = a.input.category === b.input.category;
  if (!sameCategory && a.input.category !== OTHER_CATEGORY && b.input.category !== OTHER_CATEGORY) return undefined;

  const hoursApart = Math.abs(a.time - b.time) / HOUR_MS;
  if (!(hoursApart <= rules.maxDays * 24)) return undefined; // also NaN: an unreadable time

  const distanceMetres = a.point && b.point ? metresBetween({ lat: a.point[0], lng: a.point[1] }, { lat: b.point[0], lng: b.point[1] }) : undefined;
  if (distanceMetres !== undefined && distanceMetres > rules.maxDistanceMetres) return undefined;

  const text = profileSimilarity(a.text, b.text) * Math.min(1, Math.min(a.text.length, b.text.length) / INFORMATIVE_CHARS);
  const time = 0.5 ** (hoursApart / rules.halfScoreHours);
  const reasons: DuplicateReasons = { text, hoursApart, sameCategory };

  let place: number | undefined;
  if (distanceMetres !== undefined) {
    reasons.distanceMetres = distanceMetres;
    place = 0.5 ** (distanceMetres / rules.halfScoreMetres);
  } else {
    const addressA = addressOf(a);
    const addressB = addressOf(b);
    if (addressA && addressB) {
      reasons.address = profileSimilarity(addressA, addressB);
      // Squared: addresses in one town share its name and road names, so "后宅大道130号" and "后宅大道398号" are 0.6
      // alike as text while the numbers may be a kilometre apart. Identical stays 1.
      place = reasons.address ** 2;
    }
  }

  // Without anything to compare places by, text and time decide alone, in the same proportion to each other.
  let score =
    place === undefined
      ? (WEIGHT_TEXT * text + WEIGHT_TIME * time) / (WEIGHT_TEXT + WEIGHT_TIME)
      : WEIGHT_TEXT * text + WEIGHT_PLACE * place + WEIGHT_TIME * time;
  if (!sameCategory) score *= OTHER_CATEGORY_FACTOR;
  return { score: Math.min(1, Math.max(0, score)), reasons };
}

// Every address here is in Yiwu: the province, prefecture and city prefixes are shared by all and prove nothing.
const CITY_PREFIX = /^(浙江省?)?(金华市?)?(义乌市?)?/;

function addressProfile(address: string): TextProfile {
  return normalisedProfile(normaliseText(address).replace(CITY_PREFIX, ''));
}

/** Similarity of two addresses as text, without the prefix every Yiwu address shares. */
export function addressSimilarity(a: string, b: string): number {
  return profileSimilarity(addressProfile(a), addressProfile(b));
}
