import { createHash } from 'node:crypto';

/** Domain separation: the same seed used for anything else gives unrelated numbers. */
export const DRAW_PRNG_TAG = 'qingyuan-draw-v1';

const TWO_32 = 0x1_0000_0000;

/**
 * Counter-mode SHA-256 (see draw.ts for the whole algorithm). Block i is SHA-256(seed ‖ "qingyuan-draw-v1" ‖ i as
 * 8 bytes big-endian), i = 0, 1, 2, …; the blocks are read in order as unsigned 32-bit big-endian words, 8 per block.
 * Nothing else is random in a draw, so the same seed always gives the same words.
 */
export class DrawPrng {
  private block = new Uint8Array(0);
  private offset = 0;
  private counter = 0n;
  /** words read so far, for the tests and for an auditor following along */
  wordsUsed = 0;

  constructor(private readonly seed: Uint8Array) {}

  nextWord(): number {
    if (this.offset === this.block.length) {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(this.counter++);
      this.block = createHash('sha256').update(this.seed).update(DRAW_PRNG_TAG, 'latin1').update(counter).digest();
      this.offset = 0;
    }
    const b = this.block;
    const o = this.offset;
    this.offset += 4;
    this.wordsUsed++;
    return ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];
  }

  /**
   * A uniform integer in [0, n), 1 ≤ n ≤ 2^32, without modulo bias: words at or above the largest multiple of n
   * (2^32 − 2^32 mod n) are thrown away and the next word is read. Every call reads at least one word, even n = 1.
   */
  uniformInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`uniformInt needs 1 ≤ n ≤ 2^32, got ${n}`);
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const w = this.nextWord();
      if (w < limit) return w % n;
    }
  }

  /**
   * The first k items of a partial Fisher–Yates shuffle of `items` (which the caller has sorted): for j = 0 … k−1,
   * r = j + uniformInt(n − j), swap positions j and r. Every k-subset is equally likely, in a uniformly random order.
   */
  choose<T>(items: readonly T[], k: number): T[] {
    const a = [...items];
    const n = a.length;
    if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`cannot choose ${k} of ${n}`);
    for (let j = 0; j < k; j++) {
      const r = j + this.uniformInt(n - j);
      const t = a[j];
      a[j] = a[r];
      a[r] = t;
    }
    return a.slice(0, k);
  }
}
