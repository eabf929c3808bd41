import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const VECTORS = JSON.parse(readFileSync(join(ROOT, 'libs/hj212/testdata/hj212-vectors.json'), 'utf8')) as Array<{ name: string; raw: string; expect: Record<string, unknown> }>;
const vector = (name: string) => VECTORS.find((v) => v.name === name)!;

/** The built `qingyuan hj212 decode`, as an operator runs it: bytes on stdin, NDJSON out, exit 1 when anything was wrong. */
function decode(input: string | Buffer, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'apps/qingyuan/dist/main.js'), 'hj212', 'decode', ...args], { input, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, records: run.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('qingyuan hj212 decode', () => {
  it('prints one record per frame with the vectors’ field names', () => {
    const two = vector('stream-two-frames-concatenated');
    const { status, records } = decode(two.raw);
    expect(status).toBe(0);
    expect(records.map((r) => [r.valid, r.cn])).toEqual([[true, '2011'], [true, '2011']]);
    expect(records[0]).toMatchObject({ qn: '20261129093000123', st: '32', mn: '33010220170001000000A1B2', flag: 5 });
    expect(Object.keys(records[0])).toEqual(expect.arrayContaining(['valid', 'qn', 'st', 'cn', 'pw', 'mn', 'flag', 'cp']));
  });

  it('skips garbage, reports a half frame at the end, and exits 1', () => {
    const { status, records } = decode(vector('stream-garbage-frame-halfframe').raw, '--lenient');
    expect(status).toBe(1);
    expect(records.filter((r) => r.valid)).toHaveLength(1);
    expect(records.filter((r) => !r.valid).map((r) => r.error)).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it('tells a strict reading from a lenient one', () => {
    const lowerCrc = VECTORS.find((v) => (v.expect as { strict?: { valid?: boolean } }).strict?.valid === false && (v.expect as { lenient?: { valid?: boolean } }).lenient?.valid === true);
    expect(lowerCrc).toBeDefined();
    expect(decode(lowerCrc!.raw).records[0].valid).toBe(false);
    expect(decode(lowerCrc!.raw, '--lenient').records[0].valid).toBe(true);
  });
});
