import { toSimplified } from './traditional';

/**
 * Words that appear in a large share of reports whatever the problem is: reporting verbs (举报, 反映, 投诉), hedges
 * (有人, 附近), intensifiers (严重, 非常) and pleas (请, 尽快, 处理, 希望, 相关部门, 谢谢). Left in, they give unrelated
 * reports shared bigrams and drown the words that tell problems apart. "处理" is also part of 污水处理厂; both sides
 * lose it alike, so comparisons stay fair. Longer words first, so that 尽快处理 goes as a whole.
 */
const FILLER_WORDS = ['相关部门', '举报', '反映', '投诉', '有人', '附近', '严重', '非常', '尽快', '处理', '希望', '谢谢', '请'];
const FILLER = new RegExp([...FILLER_WORDS].sort((a, b) => b.length - a.length).join('|'), 'g');

// Punctuation, symbols, separators and control characters: what remains are letters and digits.
const NOT_CONTENT = /[\p{P}\p{S}\p{Z}\p{C}\s]+/gu;

/**
 * Below this many characters a text has too few bigrams to compare ("有异味" has two), so single characters are
 * compared as well.
 */
const SHORT_TEXT_CHARS = 5;

/** NFKC folds full-width letters, digits and spaces to half-width; then lower case, simplified script, no filler. */
export function normaliseText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase()).replace(NOT_CONTENT, '').replace(FILLER, '');
}

/** A text reduced to what similarity needs: its distinct bigrams and characters as sorted numbers. */
export interface TextProfile {
  length: number;
  bigrams: Float64Array;
  unigrams: Float64Array;
}

// Code points fit in 21 bits, so a bigram is one exact number (< 2^42) and comparing two is one number comparison.
const BIGRAM_SHIFT = 2 ** 21;

export function textProfile(text: string): TextProfile {
  return normalisedProfile(normaliseText(text));
}

/** The profile of a text that is already normalised (or deliberately not). */
export function normalisedProfile(normalised: string): TextProfile {
  const chars = codePoints(normalised);
  const bigrams = new Float64Array(Math.max(0, chars.length - 1));
  for (let i = 0; i < bigrams.length; i++) bigrams[i] = chars[i] * BIGRAM_SHIFT + chars[i + 1];
  return { length: chars.length, bigrams: sortedUnique(bigrams), unigrams: sortedUnique(new Float64Array(chars)) };
}

/**
 * Dice coefficient of two profiles, 0..1: twice the shared tokens over all tokens. Bigrams keep some word order and
 * need no word segmentation, which Chinese would otherwise require. When either text is short, characters count
 * too, for both sides alike. Empty texts are no evidence either way: 0.
 */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = countShared(a.bigrams, b.bigrams);
  let total = a.bigrams.length + b.bigrams.length;
  if (Math.min(a.length, b.length) < SHORT_TEXT_CHARS) {
    shared += countShared(a.unigrams, b.unigrams);
    total += a.unigrams.length + b.unigrams.length;
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Similarity of two free texts, 0 (nothing shared) to 1 (the same after normalising). */
export function textSimilarity(a: string, b: string): number {
  return profileSimilarity(textProfile(a), textProfile(b));
}

function codePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++; // the second half of a surrogate pair
    out.push(code);
  }
  return out;
}

/** Typed arrays sort numerically and fast; then one pass drops repeats, in place. */
function sortedUnique(values: Float64Array): Float64Array {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i];
  return values.subarray(0, n);
}

/** Size of the intersection of two sorted arrays of distinct numbers, by one merge pass. */
function countShared(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}
