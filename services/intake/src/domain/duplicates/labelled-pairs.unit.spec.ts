import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DUPLICATE_RULES, scoreCandidate, type DuplicateCandidateInput } from './duplicate-score';

interface LabelledPair {
  a: DuplicateCandidateInput;
  b: DuplicateCandidateInput;
  duplicate: boolean;
  kind: string;
}

const FILE = join(__dirname, 'labelled-pairs.json');
const pairs: LabelledPair[] = JSON.parse(readFileSync(FILE, 'utf8'));

// The quality floor a change must keep (`npm run bench:duplicates` shows the details). Measured at the default rules:
// precision 0.924 (109 of 118 suggestions right), recall 0.901 (109 of 121 duplicates found).
describe('duplicate suggestions on the labelled pairs', () => {
  it('is a balanced set of at least 240 pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(240);
    const share = pairs.filter((p) => p.duplicate).length / pairs.length;
    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThanOrEqual(0.5);
  });

  it('keeps precision ≥ 0.9 and recall ≥ 0.85 at the default rules', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { a, b, duplicate } of pairs) {
      const result = scoreCandidate(b, a, DEFAULT_DUPLICATE_RULES);
      const suggested = result !== undefined && result.score >= DEFAULT_DUPLICATE_RULES.threshold;
      if (suggested && duplicate) tp++;
      else if (suggested) fp++;
      else if (duplicate) fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.85);
  });

  it('scores a pair the same whichever report is the new one', () => {
    for (const { a, b } of pairs) expect(scoreCandidate(a, b)?.score).toBe(scoreCandidate(b, a)?.score);
  });

  it('is exactly what the generator writes (labels come from construction, not from hand edits)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingyuan-pairs-'));
    try {
      const generator = join(__dirname, '../../../../../scripts/bench/generate-duplicate-pairs.mjs');
      execFileSync(process.execPath, [generator, '--out', join(dir, 'pairs.json')], { stdio: 'ignore' });
      expect(readFileSync(join(dir, 'pairs.json'), 'utf8')).toBe(readFileSync(FILE, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
