#!/usr/bin/env node
// Duplicate-suggestion benchmark (`npm run bench:duplicates`): quality of the BUILT scorer on the labelled pairs
// (services/intake/src/domain/duplicates/labelled-pairs.json, from generate-duplicate-pairs.mjs) and its speed.
// A pair counts as suggested when scoreCandidate passes the hard limits and reaches the threshold.
//
// `--errors` also lists every misjudged pair.
//
// Environment:
//   BENCH_SECONDS   time spent on each speed measurement (default 1)
//   BENCH_PAIRS     another labelled file, e.g. a held-out sample from
//                   `node scripts/bench/generate-duplicate-pairs.mjs --seed 10 --out /tmp/held-out.json`
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT = join(ROOT, 'services/intake/dist/domain/duplicates/duplicate-score.js');
const PAIRS = process.env.BENCH_PAIRS || join(ROOT, 'services/intake/src/domain/duplicates/labelled-pairs.json');
const SECONDS = Number(process.env.BENCH_SECONDS) > 0 ? Number(process.env.BENCH_SECONDS) : 1;

let scorer;
try {
  scorer = createRequire(import.meta.url)(BUILT);
} catch (error) {
  console.error(`cannot load ${BUILT} (${error.code ?? error.message}): build first (npx tsc -b)`);
  process.exit(1);
}
const { scoreCandidate, suggestDuplicates, DEFAULT_DUPLICATE_RULES: RULES } = scorer;
const pairs = JSON.parse(readFileSync(PAIRS, 'utf8'));

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const line = (label, value) => console.log(`   ${label.padEnd(30)} ${value}`);

// ---------- quality ----------------------------------------------------------------------------------------------

const scored = pairs.map((pair) => ({ pair, result: scoreCandidate(pair.b, pair.a, RULES) }));

function confusion(threshold) {
  const m = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { pair, result } of scored) {
    const suggested = result !== undefined && result.score >= threshold;
    if (suggested) pair.duplicate ? m.tp++ : m.fp++;
    else pair.duplicate ? m.fn++ : m.tn++;
  }
  const precision = m.tp + m.fp ? m.tp / (m.tp + m.fp) : 1;
  const recall = m.tp + m.fn ? m.tp / (m.tp + m.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...m, precision, recall, f1 };
}

const positives = pairs.filter((p) => p.duplicate).length;
console.log('Qingyuan duplicate suggestions (并案建议) benchmark');
line('labelled pairs', `${pairs.length} (${positives} duplicates, ${pairs.length - positives} not) from ${PAIRS}`);
line('rules', JSON.stringify(RULES));
line('Node / CPUs', `${process.version} / ${cpus().length}`);

const at = confusion(RULES.threshold);
console.log(`\n1. At the default threshold ${RULES.threshold}`);
line('precision', fmt(at.precision, 3));
line('recall', fmt(at.recall, 3));
line('F1', fmt(at.f1, 3));
console.log('\n                          suggested   not suggested');
console.log(`   duplicate            ${String(at.tp).padStart(9)}   ${String(at.fn).padStart(13)}`);
console.log(`   not a duplicate      ${String(at.fp).padStart(9)}   ${String(at.tn).padStart(13)}`);
const limited = scored.filter((s) => s.result === undefined);
line('\n   ruled out by hard limits', `${limited.length} pairs (${limited.filter((s) => s.pair.duplicate).length} of them duplicates)`);

console.log('\n2. Threshold sweep');
console.log('   threshold   precision   recall      F1   TP  FP  FN  TN');
for (let t = 0.2; t <= 0.601; t += 0.025) {
  const m = confusion(t);
  const mark = Math.abs(t - RULES.threshold) < 1e-9 ? '  ← default' : '';
  console.log(`   ${fmt(t, 3).padStart(9)}   ${fmt(m.precision, 3).padStart(9)}   ${fmt(m.recall, 3).padStart(6)}   ` +
    `${fmt(m.f1, 3).padStart(5)}  ${String(m.tp).padStart(3)} ${String(m.fp).padStart(3)} ${String(m.fn).padStart(3)} ` +
    `${String(m.tn).padStart(3)}${mark}`);
}

console.log(`\n3. Errors by kind at ${RULES.threshold}`);
console.log('   kind                              label    pairs  errors  score range (undefined = hard limit)');
const kinds = [...new Set(pairs.map((p) => p.kind))];
for (const kind of kinds) {
  const rows = scored.filter((s) => s.pair.kind === kind);
  const errors = rows.filter((s) => (s.result !== undefined && s.result.score >= RULES.threshold) !== s.pair.duplicate);
  const scores = rows.filter((s) => s.result).map((s) => s.result.score);
  const range = scores.length ? `${fmt(Math.min(...scores), 2)}–${fmt(Math.max(...scores), 2)}` : '–';
  const undef = rows.length - scores.length;
  console.log(`   ${kind.padEnd(32)}  ${rows[0].pair.duplicate ? 'dup  ' : 'not  '}  ${String(rows.length).padStart(6)}  ` +
    `${String(errors.length).padStart(6)}  ${range}${undef ? ` (${undef} undefined)` : ''}`);
}

if (process.argv.includes('--errors')) {
  console.log('\n   misjudged pairs:');
  for (const { pair, result } of scored) {
    if ((result !== undefined && result.score >= RULES.threshold) === pair.duplicate) continue;
    console.log(`   [${pair.kind}] score ${result ? fmt(result.score, 3) : 'undefined'} ${JSON.stringify(result?.reasons)}`);
    console.log(`      a: ${pair.a.text} | ${pair.a.address ?? '(no address)'}${pair.a.lat ? '' : ' (no point)'}`);
    console.log(`      b: ${pair.b.text} | ${pair.b.address ?? '(no address)'}${pair.b.lat ? '' : ' (no point)'}`);
  }
}

// ---------- speed ------------------------------------------------------------------------------------------------

/** Calls `once` in rounds until SECONDS have passed; returns calls per second. */
function rate(once) {
  for (let i = 0; i < 200; i++) once(); // warm-up: JIT
  let calls = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  while (performance.now() < deadline) {
    once();
    calls++;
  }
  return calls / ((performance.now() - started) / 1000);
}

console.log('\n4. Speed');
let k = 0;
const pairRate = rate(() => {
  const { a, b } = pairs[k++ % pairs.length];
  return scoreCandidate(b, a, RULES);
});
line('scoreCandidate', `${fmt(pairRate)} pairs/s (${fmt(1e6 / pairRate, 2)} µs a pair, texts normalised each call)`);
const pool = pairs.flatMap((p) => [p.a, p.b]);
let n = 0;
const suggestRate = rate(() => suggestDuplicates(pool[n++ % pool.length], pool, RULES));
line(`suggestDuplicates over ${pool.length}`, `${fmt(suggestRate, 1)} clues/s (${fmt(1000 / suggestRate, 2)} ms a clue = ` +
  `${fmt((suggestRate * pool.length))} candidates/s)`);
