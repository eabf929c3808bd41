/**
 * Finds one frame at a position of a byte buffer: `##` + 4-digit length + data segment + 4 hex CRC + CR LF.
 * Shared by the stream reader (which may wait for more bytes) and the single-frame decoder (which may not).
 */
import { hj212Crc, modbusCrc, crcHex } from './crc';
import { type Hj212Mode, type Hj212Problem, type Hj212Tolerance, problem } from './errors';

export const STANDARD_MAX_DATA_LENGTH = 1024;
/** Lenient hard cap for the data segment of loggers that send > 1024 bytes instead of splitting. */
export const DEFAULT_LENIENT_MAX_DATA_LENGTH = 4096;

const HASH = 0x23;
const CR = 0x0d;
const LF = 0x0a;

/** A frame cut out of the byte stream, its length and CRC checked; the data segment is not yet parsed. */
export interface RawFrame {
  /** The data segment's bytes (safe to keep: a view of memory the reader copied them into and never writes again). */
  data: Buffer;
  /** The length field as declared. */
  declaredLength: number;
  /** The CRC field as present in the frame (case preserved). */
  crc: string;
  tolerated: Hj212Tolerance[];
}

export interface ScanOptions {
  mode: Hj212Mode;
  /** Largest data segment accepted; strict never goes above 1024. */
  maxDataLength: number;
}

export type ScanResult =
  | { kind: 'frame'; frame: RawFrame; next: number }
  | { kind: 'need' }
  | { kind: 'error'; problem: Hj212Problem };

const NEED: ScanResult = { kind: 'need' };

function fail(result: Hj212Problem): ScanResult {
  return { kind: 'error', problem: result };
}

export function effectiveMaxDataLength(options: ScanOptions): number {
  return options.mode === 'strict' ? Math.min(STANDARD_MAX_DATA_LENGTH, options.maxDataLength) : options.maxDataLength;
}

/** Largest number of bytes a reader ever needs to hold for one frame (bounds memory). */
export function maxFrameBytes(options: ScanOptions): number {
  const max = effectiveMaxDataLength(options);
  // lenient re-framing of "length counts characters" may need up to 3 bytes per declared character
  return options.mode === 'strict' ? max + 12 : 3 * max + 12;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** The CRC field at `at` as a number, -1 when not 4 hex digits, and whether it uses lower case. */
function readCrcField(buf: Uint8Array, at: number): { value: number; lower: boolean } {
  let value = 0;
  let lower = false;
  for (let i = 0; i < 4; i++) {
    const byte = buf[at + i];
    const digit = hexValue(byte);
    if (digit < 0) return { value: -1, lower };
    if (byte >= 0x61) lower = true;
    value = (value << 4) | digit;
  }
  return { value, lower };
}

function crcMatches(buf: Uint8Array, start: number, end: number): boolean {
  const field = readCrcField(buf, end);
  return field.value >= 0 && field.value === hj212Crc(buf, start, end);
}

/** `buf` is never written to again by anyone (see scanFrameAt), so a view of it is as safe to keep as a copy. */
function makeFrame(buf: Buffer, start: number, end: number, declared: number, tolerated: Hj212Tolerance[]): RawFrame {
  return {
    data: buf.subarray(start, end),
    declaredLength: declared,
    crc: String.fromCharCode(buf[end], buf[end + 1], buf[end + 2], buf[end + 3]),
    tolerated,
  };
}

/** Number of UTF-16 code units the UTF-8 bytes decode to (what C#/Java senders count as "characters"). */
function utf16Length(buf: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const byte = buf[i];
    if ((byte & 0xc0) !== 0x80) count += byte >= 0xf0 ? 2 : 1;
  }
  return count;
}

/**
 * Lenient: the sender counted characters, not bytes. Cut at the first CR LF after the header, and accept if the CRC
 * matches and the declared length equals the character count of a longer byte segment.
 */
function refitAtCrlf(buf: Buffer, p: number, end: number, final: boolean, declared: number): ScanResult | undefined {
  const dataStart = p + 6;
  const limit = Math.min(end, dataStart + 3 * declared + 6);
  let crlf = -1;
  for (let i = dataStart + declared + 4; i + 1 < limit; i++) {
    if (buf[i] === CR && buf[i + 1] === LF) {
      crlf = i;
      break;
    }
  }
  if (crlf < 0) return !final && limit === end ? NEED : undefined;
  const dataEnd = crlf - 4;
  if (dataEnd - dataStart <= declared || utf16Length(buf, dataStart, dataEnd) !== declared) return undefined;
  if (!crcMatches(buf, dataStart, dataEnd)) return undefined;
  const frame = makeFrame(buf, dataStart, dataEnd, declared, ['LENGTH_COUNTS_CHARACTERS']);
  return { kind: 'frame', frame, next: crlf + 2 };
}

function checkCrc(buf: Buffer, p: number, declared: number, next: number, mode: Hj212Mode, tolerated: Hj212Tolerance[]): ScanResult {
  const dataStart = p + 6;
  const dataEnd = dataStart + declared;
  const field = readCrcField(buf, dataEnd);
  if (field.value < 0) return fail(problem('BAD_CRC', 'CRC field is not 4 hexadecimal digits'));
  const actual = hj212Crc(buf, dataStart, dataEnd);
  if (field.value !== actual) {
    const modbus = modbusCrc(buf, dataStart, dataEnd);
    const diagnostic =
      modbus === field.value
        ? `CRC equals CRC-16/MODBUS of the data segment (${crcHex(modbus)}); HJ 212 CRC is ${crcHex(actual)}`
        : `HJ 212 CRC is ${crcHex(actual)}`;
    return fail(problem('BAD_CRC', 'CRC does not match the data segment', diagnostic));
  }
  if (field.lower) {
    if (mode === 'strict') return fail(problem('BAD_CRC_CASE', 'CRC is correct but written in lower case'));
    tolerated.push('LOWERCASE_CRC');
  }
  return { kind: 'frame', frame: makeFrame(buf, dataStart, dataEnd, declared, tolerated), next };
}

/**
 * Scans the frame starting at `p` (where buf[p] and buf[p+1] are `##`) within buf[p, end).
 * `final` = no more bytes will come (single frame, or the stream ended / idled out).
 * `buf` must be the caller's own copy that nobody writes to afterwards: a frame's `data` is a view of it.
 */
export function scanFrameAt(buf: Buffer, p: number, end: number, final: boolean, options: ScanOptions): ScanResult {
  const available = end - p;
  if (available < 6) return final ? fail(problem('INCOMPLETE', 'frame ends inside the length field')) : NEED;
  let declared = 0;
  for (let i = 2; i < 6; i++) {
    const byte = buf[p + i];
    if (byte < 0x30 || byte > 0x39) return fail(problem('BAD_LENGTH_FIELD', 'the 4 characters after ## are not decimal digits'));
    declared = declared * 10 + (byte - 0x30);
  }
  const tolerated: Hj212Tolerance[] = [];
  if (declared > effectiveMaxDataLength(options)) {
    return fail(problem('OVERSIZE', `declared data length ${declared} exceeds ${effectiveMaxDataLength(options)}`));
  }
  if (declared > STANDARD_MAX_DATA_LENGTH) tolerated.push('OVERSIZE');
  const lenient = options.mode === 'lenient';
  const dataStart = p + 6;
  const crcAt = dataStart + declared;
  if (available >= declared + 12) {
    if (buf[crcAt + 4] === CR && buf[crcAt + 5] === LF) return checkCrc(buf, p, declared, crcAt + 6, options.mode, tolerated);
    if (crcMatches(buf, dataStart, crcAt)) {
      if (lenient && buf[crcAt + 4] === LF) return checkCrc(buf, p, declared, crcAt + 5, 'lenient', [...tolerated, 'LF_ONLY_TAIL']);
      if (lenient && buf[crcAt + 4] === HASH && buf[crcAt + 5] === HASH) {
        return checkCrc(buf, p, declared, crcAt + 4, 'lenient', [...tolerated, 'MISSING_TAIL']);
      }
      return fail(problem('MISSING_TAIL', 'CRC is not followed by CR LF'));
    }
    const refit = lenient ? refitAtCrlf(buf, p, end, final, declared) : undefined;
    if (refit) return refit;
    return fail(problem('LENGTH_MISMATCH', 'declared length does not land on CRC + CR LF'));
  }
  // fewer bytes than the declared frame
  if (available >= declared + 10 && crcMatches(buf, dataStart, crcAt)) {
    const atEnd = available === declared + 10;
    if (lenient && !atEnd && buf[crcAt + 4] === LF) return checkCrc(buf, p, declared, crcAt + 5, 'lenient', [...tolerated, 'LF_ONLY_TAIL']);
    if (!final) return NEED;
    if (lenient && atEnd) return checkCrc(buf, p, declared, crcAt + 4, 'lenient', [...tolerated, 'MISSING_TAIL']);
    return fail(problem('MISSING_TAIL', 'CRC is not followed by CR LF'));
  }
  if (lenient) {
    const refit = refitAtCrlf(buf, p, end, final, declared);
    if (refit) return refit;
  }
  if (!final) return NEED;
  if (buf.indexOf('\r\n', dataStart, 'latin1') >= 0) {
    return fail(problem('LENGTH_MISMATCH', 'declared length does not land on CRC + CR LF'));
  }
  return fail(problem('INCOMPLETE', `frame is shorter than the declared ${declared} + 12 bytes`));
}
