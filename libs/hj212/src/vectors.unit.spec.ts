/**
 * Every vector of ../shared/reference/hj212-vectors.json, one Jest test per vector and mode. When neither `strict`
 * nor `lenient` is given both modes must give the top-level verdict; an override replaces it for its mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFrame, toRecord } from './decode';
import { encodeFrame } from './encode';
import { FrameReader } from './frame-reader';
import type { Hj212Mode } from './errors';
import type { Hj212Message } from './message';
import { SplitAssembler } from './reassembly';
import { replyFor } from './reply';

interface Vector {
  name: string;
  kind: 'frame' | 'stream';
  encoding: BufferEncoding;
  raw: string;
  expect: Record<string, unknown> & { valid: boolean; strict?: Record<string, unknown>; lenient?: Record<string, unknown> };
}

/** A copy of ../shared/reference/hj212-vectors.json, kept in the repository so CI has it. */
const VECTORS_PATH = join(__dirname, '../testdata/hj212-vectors.json');
const vectors: Vector[] = JSON.parse(readFileSync(VECTORS_PATH, 'utf8'));
const MODES: Hj212Mode[] = ['strict', 'lenient'];
const HEADER_KEYS = ['qn', 'st', 'cn', 'pw', 'mn', 'flag', 'protocolVersionBits', 'ackRequired', 'hasPacketNo', 'standard', 'pnum', 'pno'];
const OTHER_KEYS = ['cp', 'values', 'crc', 'length', 'unknownCodes', 'rawKeys'];

/** The expectation for one mode: the top level, overridden by the mode's own block. */
function expectationFor(vector: Vector, mode: Hj212Mode): Record<string, unknown> {
  const { strict, lenient, ...top } = vector.expect;
  const override = mode === 'strict' ? strict : lenient;
  if (!override) return top;
  const merged: Record<string, unknown> = { ...top, ...override };
  if (override.valid === true) {
    delete merged.error;
    delete merged.errorAnyOf;
  } else if (override.error !== undefined && override.errorAnyOf === undefined) {
    delete merged.errorAnyOf;
  }
  return merged;
}

function acceptableErrors(expected: Record<string, unknown>): string[] {
  return [expected.error as string, ...((expected.errorAnyOf as string[] | undefined) ?? [])];
}

const frameVectors = vectors.filter((v) => v.kind === 'frame');
const streamVectors = vectors.filter((v) => v.kind === 'stream');

describe('hj212-vectors.json frames', () => {
  it('holds vectors of both kinds', () => {
    expect(frameVectors.length).toBeGreaterThan(30);
    expect(streamVectors.length).toBeGreaterThan(0);
  });

  for (const vector of frameVectors) {
    for (const mode of MODES) {
      it(`${vector.name} [${mode}]`, () => {
        const expected = expectationFor(vector, mode);
        const result = decodeFrame(Buffer.from(vector.raw, vector.encoding), { mode });
        const record = toRecord(result);
        if (!expected.valid) {
          expect(record.valid).toBe(false);
          expect(acceptableErrors(expected)).toContain(record.error);
          if (expected.diagnostic !== undefined) expect(record.diagnostic).toContain('MODBUS');
          return;
        }
        expect(record).toMatchObject({ valid: true });
        for (const key of [...HEADER_KEYS, ...OTHER_KEYS]) {
          if (expected[key] !== undefined) expect({ [key]: (record as unknown as Record<string, unknown>)[key] }).toEqual({ [key]: expected[key] });
        }
        if (!result.valid) return;
        if (mode === 'strict') expect(result.message.tolerated).toEqual([]);
        if (expected.replyDataSegment !== undefined) {
          const reply = replyFor(result.message);
          expect(reply).toBe(expected.replyDataSegment);
          expect(encodeFrame(reply as string).toString('utf8')).toBe(expected.replyFrame);
        }
      });
    }
  }
});

describe('hj212-vectors.json split groups', () => {
  const groups = new Map<string, Vector[]>();
  for (const vector of frameVectors) {
    const group = vector.expect.group as string | undefined;
    if (group) groups.set(group, [...(groups.get(group) ?? []), vector]);
  }
  for (const [group, parts] of groups) {
    for (const mode of MODES) {
      it(`${group} reassembles [${mode}]`, () => {
        const assembler = new SplitAssembler();
        let merged: Hj212Message | undefined;
        for (const part of parts) {
          const result = decodeFrame(Buffer.from(part.raw, part.encoding), { mode });
          if (!result.valid) throw new Error(`${part.name}: ${result.problem.error}`);
          const outcome = assembler.add(result.message, 0);
          if (outcome.status === 'complete') merged = outcome.message;
        }
        const expected = parts.find((part) => part.expect.merged)?.expect.merged as { dataTime: string; codes: string[] };
        expect(merged?.cp.DataTime).toBe(expected.dataTime);
        expect(Object.keys(merged?.values ?? {}).sort()).toEqual([...expected.codes].sort());
        expect(assembler.openGroups).toBe(0);
      });
    }
  }
});

describe('hj212-vectors.json streams', () => {
  for (const vector of streamVectors) {
    for (const mode of MODES) {
      for (const chunking of ['one read', 'byte by byte'] as const) {
        it(`${vector.name} [${mode}, ${chunking}]`, () => {
          const expected = expectationFor(vector, mode);
          const bytes = Buffer.from(vector.raw, vector.encoding);
          const reader = new FrameReader({ mode });
          const frames = [];
          const chunks = chunking === 'one read' ? [bytes] : [...bytes].map((byte) => Buffer.from([byte]));
          for (const chunk of chunks) frames.push(...reader.push(chunk).frames);
          expect(frames).toHaveLength(expected.frames as number);
          if (expected.cns) {
            const cns = frames.map((frame) => {
              const result = decodeFrame(Buffer.concat([Buffer.from(`##${String(frame.data.length).padStart(4, '0')}`), frame.data, Buffer.from(`${frame.crc}\r\n`)]), { mode });
              return result.valid ? result.message.cn : result.problem.error;
            });
            expect(cns).toEqual(expected.cns);
          }
          if (expected.remainder !== undefined) expect(reader.remainder().toString(vector.encoding)).toBe(expected.remainder);
          if (expected.discardedPrefixBytes !== undefined) expect(reader.stats.discardedBytes).toBe(expected.discardedPrefixBytes);
        });
      }
    }
  }
});
