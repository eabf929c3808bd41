#!/usr/bin/env node
// Double-random draw benchmark (`npm run bench:draw`): how long the BUILT draw and its verification take for a city's
// object list — the registry of Yiwu's dischargers is a few thousand units, the inspector pool a few hundred officers.
// Prints, for each size, the time of one draw (hashes, selection, inspector assignment with recusal) and of one
// verification (the same again plus the comparison), as the median of several runs.
//
// Environment: BENCH_RUNS (default 5)
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT = join(ROOT, 'services/enforcement/dist/domain/draw.js');
const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 5;

let draw;
try {
  draw = createRequire(import.meta.url)(BUILT);
} catch (error) {
  console.error(`cannot load ${BUILT} (${error.code ?? error.message}): build first (npx tsc -b)`);
  process.exit(1);
}

const TOWNS = Array.from({ length: 14 }, (_, i) => `330782${String(i + 1).padStart(3, '0')}`);
const LEVELS = ['green', 'blue', 'yellow', 'red'];
const RATIOS = {
  key: { green: 0.1, blue: 0.25, yellow: 0.5, red: 1 },
  general: { green: 0.02, blue: 0.05, yellow: 0.15, red: 0.5 },
  special: { green: 0.25, blue: 0.25, yellow: 0.5, red: 1 },
};

function inputs(enterprises, inspectors) {
  const candidates = Array.from({ length: enterprises }, (_, i) => ({
    enterpriseId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    objectClass: i % 10 === 0 ? 'key' : i % 50 === 1 ? 'special' : 'general',
    creditLevel: LEVELS[(i * 7) % 4],
    townCode: TOWNS[i % TOWNS.length],
  }));
  const pool = Array.from({ length: inspectors }, (_, i) => ({
    inspectorId: `inspector-${i}`,
    townCode: TOWNS[i % TOWNS.length],
    formerEmployers: i % 5 === 0 ? [candidates[(i * 31) % enterprises].enterpriseId] : [],
    declaredConflicts: [candidates[(i * 17) % enterprises].enterpriseId, candidates[(i * 29) % enterprises].enterpriseId],
  }));
  const previousInspectors = Object.fromEntries(candidates.filter((_, i) => i % 3 === 0).map((c, i) => [c.enterpriseId, [`inspector-${i % inspectors}`, `inspector-${(i + 1) % inspectors}`]]));
  return { plan: { planId: 'bench', period: '2027-Q1', ratios: RATIOS, inspectorsPerTask: 2, maxTasksPerInspector: 40 }, candidates, pool, recusal: { sameTown: true, formerEmployer: true }, previousInspectors };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`draw benchmark: median of ${RUNS} runs, Node ${process.version}`);
for (const [enterprises, inspectors] of [[1_000, 60], [5_000, 200], [20_000, 600]]) {
  const data = inputs(enterprises, inspectors);
  const seed = createHash('sha256').update(`bench ${enterprises}`).digest('hex');
  const committed = draw.seedCommitment(seed);
  const drawMs = [];
  const verifyMs = [];
  let result;
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    result = draw.performDraw(data, seed, committed);
    drawMs.push(performance.now() - t);
    t = performance.now();
    const check = draw.verifyDraw(data, seed, result);
    verifyMs.push(performance.now() - t);
    if (!check.ok) throw new Error(`verification failed: ${check.mismatches}`);
  }
  console.log(
    `${String(enterprises).padStart(6)} enterprises, ${String(inspectors).padStart(3)} inspectors: ${result.selections.length} tasks, ${result.unassigned.length} unassigned; ` +
      `draw ${median(drawMs).toFixed(1)} ms, verification ${median(verifyMs).toFixed(1)} ms`,
  );
}
