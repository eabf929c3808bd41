#!/usr/bin/env node
// HJ 212 fuzz run outside Jest, with figures: FUZZ_FRAMES (default 1,000,000) random and mutated frames through the BUILT
// libs/hj212 FrameReader (random read sizes) and decodeFrame, half in strict and half in lenient mode. Fails (exit 1) if
// anything throws, if a reader ever holds more than one maximum frame, or if the heap grows by more than 64 MB.
// Run with `node --expose-gc scripts/bench/hj212-fuzz.mjs` for a heap figure after a full collection.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const hj212 = require(join(ROOT, 'libs/hj212/dist/index.js'));
const { mutateFrame, sampleFrames, seededRandom } = require(join(ROOT, 'libs/hj212/dist/sample-frames.js'));

const FRAMES = Number(process.env.FUZZ_FRAMES) > 0 ? Number(process.env.FUZZ_FRAMES) : 1_000_000;
const LIMIT = 64 * 1024 * 1024;
const gc = globalThis.gc ?? (() => {});

function run(mode, seed, frames) {
  const random = seededRandom(seed);
  const corpus = sampleFrames(500, seed);
  const reader = new hj212.FrameReader({ mode });
  const assembler = new hj212.SplitAssembler({ maxGroups: 100 });
  let singleValid = 0;
  let streamValid = 0;
  let errors = 0;
  let maxPending = 0;
  let batch = [];
  for (let i = 0; i < frames; i++) {
    const base = corpus[Math.floor(random() * corpus.length)];
    const frame = random() < 0.25 ? base : mutateFrame(base, random);
    const single = hj212.decodeFrame(frame, { mode });
    if (single.valid) {
      singleValid++;
      hj212.replyFor(single.message);
      assembler.add(single.message, i);
    }
    batch.push(frame);
    if (batch.length === 8 || i === frames - 1) {
      const stream = Buffer.concat(batch);
      batch = [];
      for (let at = 0; at < stream.length; ) {
        const size = 1 + Math.floor(random() * 1500);
        const output = reader.push(stream.subarray(at, at + size));
        at += size;
        errors += output.errors.length;
        for (const raw of output.frames) if (hj212.parseDataSegment(raw, mode).valid) streamValid++;
        if (reader.pendingBytes > maxPending) maxPending = reader.pendingBytes;
      }
    }
  }
  reader.end();
  if (maxPending > reader.maxPendingBytes) throw new Error(`reader held ${maxPending} bytes > ${reader.maxPendingBytes}`);
  return { singleValid, streamValid, errors, maxPending, bound: reader.maxPendingBytes };
}

gc();
const heapBefore = process.memoryUsage().heapUsed;
let peak = heapBefore;
const started = performance.now();
for (const [mode, seed] of [['strict', 1], ['lenient', 2]]) {
  const t = performance.now();
  const r = run(mode, seed, FRAMES / 2);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.log(
    `${mode}: ${(FRAMES / 2).toLocaleString('en')} frames in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
      `valid single ${r.singleValid.toLocaleString('en')}, valid from stream ${r.streamValid.toLocaleString('en')}, ` +
      `reader errors ${r.errors.toLocaleString('en')}, reader buffer max ${r.maxPending} B (bound ${r.bound} B)`,
  );
}
gc();
const growth = process.memoryUsage().heapUsed - heapBefore;
const mb = (n) => (n / 1048576).toFixed(1);
console.log(`total ${FRAMES.toLocaleString('en')} frames in ${((performance.now() - started) / 1000).toFixed(1)} s; heap before ${mb(heapBefore)} MB, peak seen ${mb(peak)} MB, growth ${mb(growth)} MB (limit ${mb(LIMIT)} MB)${globalThis.gc ? ' after gc' : ' (run with --expose-gc for a post-gc figure)'}`);
if (growth > LIMIT) {
  console.error('heap grew beyond the limit');
  process.exit(1);
}
