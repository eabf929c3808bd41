#!/usr/bin/env node
// HJ 212 codec benchmark (`npm run bench:hj212-codec`): frames/s on ONE core for a realistic mix of device uploads
// (water and flue-gas real-time, minute, hourly with Flag=9, 2005 devices, run state, 3020 logs in Chinese), through
// the BUILT libs/hj212: FrameReader (stream framing, length, CRC) → parseDataSegment (header + CP) → replyFor + encodeFrame
// for every frame that asks for an answer. The stream is cut into TCP-like reads of 1460 bytes so sticky and half packets
// occur. Issue 9's goal: at least 270,000 frames/s.
//
// Environment: BENCH_FRAMES (default 2,000,000 frames per run), BENCH_RUNS (default 3; the median is reported),
// BENCH_MODE (strict | lenient, default lenient).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
let hj212;
let samples;
try {
  hj212 = require(join(ROOT, 'libs/hj212/dist/index.js'));
  samples = require(join(ROOT, 'libs/hj212/dist/sample-frames.js'));
} catch (error) {
  console.error(`cannot load libs/hj212/dist (${error.code ?? error.message}): build first (npx tsc -b)`);
  process.exit(1);
}

const FRAMES = Number(process.env.BENCH_FRAMES) > 0 ? Number(process.env.BENCH_FRAMES) : 2_000_000;
const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 3;
const MODE = process.env.BENCH_MODE === 'strict' ? 'strict' : 'lenient';
const DISTINCT = 10_000;
const READ = 1460;

const frames = samples.sampleFrames(DISTINCT, 9);
const stream = Buffer.concat(frames);
const chunks = [];
for (let at = 0; at < stream.length; at += READ) chunks.push(stream.subarray(at, at + READ));
const averageBytes = stream.length / DISTINCT;

function run() {
  const reader = new hj212.FrameReader({ mode: MODE });
  let decoded = 0;
  let replies = 0;
  let invalid = 0;
  let replyBytes = 0;
  const started = performance.now();
  while (decoded + invalid < FRAMES) {
    for (const chunk of chunks) {
      const { frames: found } = reader.push(chunk);
      for (const frame of found) {
        const result = hj212.parseDataSegment(frame, MODE);
        if (!result.valid) {
          invalid++;
          continue;
        }
        decoded++;
        const reply = hj212.replyFor(result.message);
        if (reply !== undefined) {
          replyBytes += hj212.encodeFrame(reply).length;
          replies++;
        }
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, decoded, invalid, replies, replyBytes, perSecond: (decoded + invalid) / seconds };
}

console.log(`HJ 212 codec, one core, ${MODE} mode: ${DISTINCT} distinct frames (mean ${averageBytes.toFixed(0)} bytes), reads of ${READ} bytes`);
run(); // warm-up
const results = [];
for (let i = 0; i < RUNS; i++) {
  const result = run();
  results.push(result);
  console.log(
    `  run ${i + 1}: ${(result.decoded + result.invalid).toLocaleString('en')} frames in ${result.seconds.toFixed(2)} s = ` +
      `${Math.round(result.perSecond).toLocaleString('en')} frames/s (${result.replies.toLocaleString('en')} replies encoded, ${result.invalid} invalid)`,
  );
}
results.sort((a, b) => a.perSecond - b.perSecond);
const median = results[Math.floor(results.length / 2)];
const mbps = (median.perSecond * averageBytes) / 1e6;
console.log(`median: ${Math.round(median.perSecond).toLocaleString('en')} frames/s (${mbps.toFixed(0)} MB/s) — goal ≥ 270,000 frames/s: ${median.perSecond >= 270_000 ? 'met' : 'NOT met'}`);
