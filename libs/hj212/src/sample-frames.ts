/**
 * Deterministic sample traffic for benchmarks and fuzzing: a realistic mix of uploads (water and flue-gas real-time,
 * minute, hourly, run state, 2005 devices, 3020 logs in Chinese) and mutations of them (bit flips, cuts, insertions,
 * length/CRC damage, garbage). Seeded, so a failure can be replayed.
 */
import { crcHex, hj212Crc } from './crc';
import { encodeMessage } from './encode';
import type { FactorFields } from './message';

/** Small fast PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WATER = ['w00000', 'w01018', 'w21003', 'w01001', 'w21011', 'w21001'];
const GAS = ['a00000', 'a34013', 'a21026', 'a21002', 'a19001', 'a01011', 'a01012', 'a01013', 'a01014'];

function value(random: () => number, scale: number): string {
  return (random() * scale).toFixed(random() < 0.5 ? 2 : 3);
}

function factors(random: () => number, codes: string[], fields: string[]): Record<string, FactorFields> {
  const values: Record<string, FactorFields> = {};
  for (const code of codes) {
    const item: FactorFields = {};
    for (const field of fields) item[field] = field === 'Flag' ? (random() < 0.9 ? 'N' : 'D') : value(random, 100);
    values[code] = item;
  }
  return values;
}

/** A realistic mix of device uploads, as whole frames. */
export function sampleFrames(count: number, seed = 212): Buffer[] {
  const random = seededRandom(seed);
  const frames: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const qn = `20261129${String(93000000 + i).padStart(9, '0')}`;
    const mn = `330102201700${String(i % 1000).padStart(12, '0')}`;
    const dataTime = '20261129093000';
    const kind = random();
    if (kind < 0.35) {
      frames.push(encodeMessage({ qn, st: '32', cn: '2011', pw: '123456', mn, flag: 5 }, { DataTime: dataTime }, factors(random, WATER, ['Rtd', 'Flag'])));
    } else if (kind < 0.6) {
      frames.push(encodeMessage({ qn, st: '31', cn: '2011', pw: '123456', mn, flag: 5 }, { DataTime: dataTime }, factors(random, GAS, ['Rtd', 'ZsRtd', 'Flag'])));
    } else if (kind < 0.8) {
      frames.push(encodeMessage({ qn, st: '32', cn: '2051', pw: '123456', mn, flag: 5 }, { DataTime: dataTime }, factors(random, WATER.slice(0, 4), ['Cou', 'Min', 'Avg', 'Max', 'Flag'])));
    } else if (kind < 0.88) {
      frames.push(encodeMessage({ qn, st: '31', cn: '2061', pw: '123456', mn, flag: 9 }, { DataTime: dataTime }, factors(random, GAS.slice(0, 4), ['Cou', 'Min', 'Avg', 'Max', 'ZsAvg', 'Flag'])));
    } else if (kind < 0.93) {
      frames.push(encodeMessage({ st: '32', cn: '2011', pw: '123456', mn: `8888888${String(i % 10_000_000).padStart(7, '0')}` }, { DataTime: dataTime }, factors(random, ['B01', '011', '060'], ['Rtd', 'Flag'])));
    } else if (kind < 0.97) {
      frames.push(encodeMessage({ qn, st: '31', cn: '2021', pw: '123456', mn, flag: 5 }, { DataTime: dataTime }, { SB1: { RS: '1' }, SB2: { RS: String(i % 6) } }));
    } else {
      frames.push(encodeMessage({ qn, st: '32', cn: '3020', pw: '123456', mn, flag: 5 }, { DataTime: dataTime, PolId: 'w01018' }, { i11001: { Info: '//清洗管路完成，开始测量//' }, i12001: { Info: '0' } }));
    }
  }
  return frames;
}

const GARBAGE = [Buffer.from('AT+CSQ\r\n+CSQ: 23,99\r\n'), Buffer.from([0, 0, 0, 1, 0, 6, 1, 3, 0, 0, 0, 10]), Buffer.from('##'), Buffer.from('#')];

/** One damaged copy of `frame` (or garbage), chosen at random. */
export function mutateFrame(frame: Buffer, random: () => number): Buffer {
  const copy = Buffer.from(frame);
  const at = Math.floor(random() * copy.length);
  switch (Math.floor(random() * 10)) {
    case 0:
      copy[at] ^= 1 << Math.floor(random() * 8);
      return copy;
    case 1:
      copy[at] = Math.floor(random() * 256);
      return copy;
    case 2:
      return copy.subarray(0, at);
    case 3:
      return Buffer.concat([copy.subarray(0, at), GARBAGE[Math.floor(random() * GARBAGE.length)], copy.subarray(at)]);
    case 4:
      return Buffer.concat([copy.subarray(0, at), copy.subarray(at + 1 + Math.floor(random() * 8))]);
    case 5:
      copy.write(String(Math.floor(random() * 10_000)).padStart(4, '0'), 2, 'latin1');
      return copy;
    case 6: {
      const junk = Buffer.alloc(1 + Math.floor(random() * 64));
      for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(random() * 256);
      return junk;
    }
    case 7:
      // a structural character of the data segment changed (=, ;, &, ,) — CRC fixed up half of the time
      copy[at] = ';=,&-'.charCodeAt(Math.floor(random() * 5));
      return random() < 0.5 ? copy : refreshCrc(copy);
    case 8:
      return copy.subarray(0, Math.max(0, copy.length - 2));
    default:
      return copy;
  }
}

/** Re-computes the CRC of a frame-shaped buffer whose length field is intact (so the parser, not only the framer, is fuzzed). */
function refreshCrc(frame: Buffer): Buffer {
  const declared = Number(frame.toString('latin1', 2, 6));
  if (!Number.isInteger(declared) || frame.length !== declared + 12) return frame;
  frame.write(crcHex(hj212Crc(frame, 6, 6 + declared)), 6 + declared, 'latin1');
  return frame;
}
