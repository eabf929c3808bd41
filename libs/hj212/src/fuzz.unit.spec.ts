/**
 * Fuzz: random and mutated frames (bit flips, cuts, insertions, garbage, damaged lengths, structural characters with
 * a fixed-up CRC) through the stream reader in random read sizes and through the single-frame decoder, in both modes.
 * No exception may escape, the reader's buffer stays within one maximum frame, and the heap does not grow beyond a
 * bound. The Jest run feeds FUZZ_FRAMES (default 1,000,000) frames in all, half per mode; scripts/bench/hj212-fuzz.mjs runs the same outside Jest and prints the figures.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodeFrame, parseDataSegment } from './decode';
import type { Hj212Mode } from './errors';
import { FrameReader } from './frame-reader';
import { SplitAssembler } from './reassembly';
import { replyFor } from './reply';
import { mutateFrame, sampleFrames, seededRandom } from './sample-frames';

const FRAMES = Number(process.env.FUZZ_FRAMES) > 0 ? Number(process.env.FUZZ_FRAMES) : 1_000_000;
const HEAP_GROWTH_LIMIT = 64 * 1024 * 1024;

// Garbage not yet collected is not growth: the heap is measured after a full collection (Jest runs without --expose-gc).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

function fuzz(mode: Hj212Mode, seed: number, frames: number): { valid: number; errors: number; maxPending: number } {
  const random = seededRandom(seed);
  const corpus = sampleFrames(500, seed);
  const reader = new FrameReader({ mode });
  const assembler = new SplitAssembler({ maxGroups: 100 });
  let valid = 0;
  let errors = 0;
  let maxPending = 0;
  let batch: Buffer[] = [];
  for (let i = 0; i < frames; i++) {
    const base = corpus[Math.floor(random() * corpus.length)];
    const frame = random() < 0.25 ? base : mutateFrame(base, random);
    const single = decodeFrame(frame, { mode });
    if (single.valid) {
      replyFor(single.message);
      assembler.add(single.message, i);
    }
    batch.push(frame);
    if (batch.length === 8 || i === frames - 1) {
      const stream = Buffer.concat(batch);
      batch = [];
      let at = 0;
      while (at < stream.length) {
        const size = 1 + Math.floor(random() * 1500);
        const output = reader.push(stream.subarray(at, at + size));
        at += size;
        errors += output.errors.length;
        for (const raw of output.frames) if (parseDataSegment(raw, mode).valid) valid++;
        maxPending = Math.max(maxPending, reader.pendingBytes);
      }
    }
  }
  reader.end();
  return { valid, errors, maxPending };
}

describe('hj212 fuzz', () => {
  for (const mode of ['strict', 'lenient'] as Hj212Mode[]) {
    it(`${(FRAMES / 2).toLocaleString('en')} random and mutated frames [${mode}]: nothing thrown, memory bounded`, () => {
      const heapBefore = heapAfterGc();
      const started = Date.now();
      const result = fuzz(mode, mode === 'strict' ? 1 : 2, FRAMES / 2);
      const heapGrowth = heapAfterGc() - heapBefore;
      expect(result.valid).toBeGreaterThan(FRAMES / 20);
      expect(result.errors).toBeGreaterThan(0);
      expect(result.maxPending).toBeLessThanOrEqual(new FrameReader({ mode }).maxPendingBytes);
      expect(heapGrowth).toBeLessThan(HEAP_GROWTH_LIMIT);
      // keeps the figures visible in the test output when run with --verbose
      expect(Date.now() - started).toBeLessThan(60_000);
    });
  }
});
