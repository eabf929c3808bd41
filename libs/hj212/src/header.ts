/** Header fields of the data segment (QN, ST, CN, PW, MN, Flag, PNUM, PNO), parsed by name, checked per mode. */
import { type Hj212Mode, type Hj212Problem, type Hj212Tolerance, problem } from './errors';
import type { Hj212Standard } from './message';
import { BYTE_KIND, BYTE_KINDS, type SegmentText, bytesOf, equalBytes } from './segment';

export interface ParsedHeader {
  qn?: string;
  st: string;
  cn: string;
  pw?: string;
  mn?: string;
  flag?: number;
  pnum?: number;
  pno?: number;
  standard: Hj212Standard;
  protocolVersionBits: number;
  otherFields?: Record<string, string>;
}

const STANDARDS: Record<number, Hj212Standard> = { 0: '2005', 1: '2017', 2: '2025' };
/** The standard header fields; anything else goes to `otherFields`. */
const FIELDS = ['QN', 'ST', 'CN', 'PW', 'MN', 'Flag', 'PNUM', 'PNO'];
const FIELD_BYTES = FIELDS.map(bytesOf);
/** `Name=` of each field, as the canonical header writes it. */
const NAME_BYTES = FIELDS.map((name) => bytesOf(`${name}=`));
// indexes in FIELDS
const QN = 0;
const ST = 1;
const CN = 2;
const PW = 3;
const MN = 4;
const FLAG = 5;
const PNUM = 6;
const PNO = 7;

const SPACE = 32;
const SEMI = 0x3b;
const KIND = BYTE_KIND;
const { ORDINARY, SEPARATOR, EQUALS } = BYTE_KINDS;

// Field shapes as character classes and lengths, checked on the bytes: no regular expression, no string walked.
const DIGIT = 1;
const UPPER = 2;
const LOWER = 4;
/** Printable and not a space: \x21-\x7e. */
const VISIBLE = 8;
const ALNUM = DIGIT | UPPER | LOWER;
const CLASSES = new Uint8Array(256);
for (let c = 0x21; c < 0x7f; c++) {
  const digit = c >= 0x30 && c <= 0x39 ? DIGIT : 0;
  const letter = c >= 0x41 && c <= 0x5a ? UPPER : c >= 0x61 && c <= 0x7a ? LOWER : 0;
  CLASSES[c] = VISIBLE | digit | letter;
}

interface Shape {
  min: number;
  max: number;
  classes: number;
}
const QN17: Shape = { min: 17, max: 17, classes: DIGIT };
const QN14: Shape = { min: 14, max: 14, classes: DIGIT };
const ST_STRICT: Shape = { min: 2, max: 2, classes: DIGIT | UPPER };
const ST_VENDOR: Shape = { min: 1, max: 6, classes: ALNUM };
const CN_STRICT: Shape = { min: 4, max: 4, classes: DIGIT };
const CN_VENDOR: Shape = { min: 1, max: 8, classes: ALNUM };
const PW_STRICT: Shape = { min: 0, max: 6, classes: ALNUM };
const MN_STRICT: Shape = { min: 1, max: 24, classes: ALNUM };
const PRINTABLE: Shape = { min: 0, max: 64, classes: VISIBLE };
const FLAG_SHAPE: Shape = { min: 1, max: 3, classes: DIGIT };
const PACKET: Shape = { min: 1, max: 4, classes: DIGIT };

function bad(message: string): Hj212Problem {
  return problem('BAD_FIELD', message);
}

/** Where the value of each standard field is in the segment ([-1, -1] when absent), and the other fields. */
class HeaderFields {
  readonly starts = [-1, -1, -1, -1, -1, -1, -1, -1];
  readonly ends = [-1, -1, -1, -1, -1, -1, -1, -1];
  other: Record<string, string> | undefined;

  constructor(private readonly segment: SegmentText) {}

  has(field: number): boolean {
    return this.starts[field] >= 0;
  }

  text(field: number): string | undefined {
    return this.has(field) ? this.segment.text.slice(this.starts[field], this.ends[field]) : undefined;
  }

  fits(field: number, shape: Shape): boolean {
    const start = this.starts[field];
    const end = this.ends[field];
    if (end - start < shape.min || end - start > shape.max) return false;
    for (let i = start; i < end; i++) if ((CLASSES[this.segment.bytes[i]] & shape.classes) === 0) return false;
    return true;
  }

  /** A present field in its strict shape, or (lenient) in its vendor shape, which is recorded as tolerated. */
  checked(field: number, strict: Shape, vendor: Shape, tolerance: Hj212Tolerance, mode: Hj212Mode, tolerated: Hj212Tolerance[]): boolean {
    if (this.fits(field, strict)) return true;
    if (mode === 'lenient' && this.fits(field, vendor)) {
      tolerated.push(tolerance);
      return true;
    }
    return false;
  }
}

/** The index in FIELDS of the field named bytes[start, end), -1 for another name. */
function knownField(bytes: Uint8Array, start: number, end: number): number {
  for (let index = 0; index < FIELD_BYTES.length; index++) {
    const name = FIELD_BYTES[index];
    if (name.length === end - start && equalBytes(bytes, start, name)) return index;
  }
  return -1;
}

/** Records the field [start, end) whose first "=" is at `eq` (-1: none). */
function addField(fields: HeaderFields, segment: SegmentText, start: number, eq: number, end: number, mode: Hj212Mode): Hj212Problem | undefined {
  if (eq <= start) return bad('header field without "="');
  const { bytes, text } = segment;
  let nameStart = start;
  let nameEnd = eq;
  let valueStart = eq + 1;
  let valueEnd = end;
  if (mode === 'lenient') {
    // the header is printable ASCII by now, so spaces are the only white space to trim
    while (nameStart < nameEnd && bytes[nameStart] === SPACE) nameStart++;
    while (nameEnd > nameStart && bytes[nameEnd - 1] === SPACE) nameEnd--;
    while (valueStart < valueEnd && bytes[valueStart] === SPACE) valueStart++;
    while (valueEnd > valueStart && bytes[valueEnd - 1] === SPACE) valueEnd--;
  }
  const field = knownField(bytes, nameStart, nameEnd);
  if (field >= 0) {
    if (fields.has(field)) return bad(`header field ${FIELDS[field]} repeated`);
    fields.starts[field] = valueStart;
    fields.ends[field] = valueEnd;
    return undefined;
  }
  const name = text.slice(nameStart, nameEnd);
  const other = (fields.other ??= {});
  if (Object.prototype.hasOwnProperty.call(other, name)) return bad(`header field ${name} repeated`);
  Object.defineProperty(other, name, { value: text.slice(valueStart, valueEnd), enumerable: true, writable: true, configurable: true });
  return undefined;
}

/** Splits the header [0, end) (everything before `CP=`) into named fields, refusing anything not printable ASCII. */
function splitFields(segment: SegmentText, end: number, mode: Hj212Mode, tolerated: Hj212Tolerance[]): HeaderFields | Hj212Problem {
  if (segment.text.lastIndexOf(',', end - 1) >= 0) {
    if (mode === 'strict') return bad('"," between header fields');
    tolerated.push('COMMA_IN_HEADER');
  }
  const bytes = segment.bytes;
  const fields = new HeaderFields(segment);
  let start = 0;
  let eq = -1;
  for (let i = 0; i < end; i++) {
    const kind = KIND[bytes[i]];
    if (kind === ORDINARY) continue;
    if (kind === SEPARATOR) {
      const failed = i > start ? addField(fields, segment, start, eq, i, mode) : undefined;
      if (failed) return failed;
      start = i + 1;
      eq = -1;
    } else if (kind === EQUALS) {
      if (eq < 0) eq = i;
    } else {
      return problem('ILLEGAL_CHAR', 'character outside printable ASCII in the header');
    }
  }
  const failed = end > start ? addField(fields, segment, start, eq, end, mode) : undefined;
  return failed ?? fields;
}

/** A field required from 2017 on: strict refuses its absence, lenient records it. */
function required(fields: HeaderFields, field: number, tolerance: Hj212Tolerance, mode: Hj212Mode, tolerated: Hj212Tolerance[]): Hj212Problem | undefined {
  if (fields.has(field)) return undefined;
  if (mode === 'strict') return bad(`${FIELDS[field]} missing`);
  tolerated.push(tolerance);
  return undefined;
}

/** The end (the ";") of the value of FIELDS[field] written at `at` as `Name=value;` in `shape`, or -1. */
function canonicalValueEnd(bytes: Uint8Array, at: number, field: number, shape: Shape): number {
  const name = NAME_BYTES[field];
  if (!equalBytes(bytes, at, name)) return -1;
  const start = at + name.length;
  let i = start;
  while (i < start + shape.max && (CLASSES[bytes[i]] & shape.classes) !== 0) i++;
  return bytes[i] === SEMI && i - start >= shape.min ? i : -1;
}

/**
 * The header as nearly every device writes it: `[QN=…;]ST=…;CN=…;PW=…;MN=…;[Flag=…;]` in this order, every field in
 * its strict shape, HJ/T 212-2005 to HJ 212-2025 and not split. Read straight off the bytes; anything else (undefined)
 * goes through the general path, which gives this very result for such a header in either mode.
 */
function canonicalHeader(segment: SegmentText, end: number): ParsedHeader | undefined {
  const { bytes, text } = segment;
  const qnEnd = canonicalValueEnd(bytes, 0, QN, QN17);
  const stEnd = canonicalValueEnd(bytes, qnEnd + 1, ST, ST_STRICT);
  const cnEnd = stEnd < 0 ? -1 : canonicalValueEnd(bytes, stEnd + 1, CN, CN_STRICT);
  const pwEnd = cnEnd < 0 ? -1 : canonicalValueEnd(bytes, cnEnd + 1, PW, PW_STRICT);
  const mnEnd = pwEnd < 0 ? -1 : canonicalValueEnd(bytes, pwEnd + 1, MN, MN_STRICT);
  if (mnEnd < 0) return undefined;
  const flagEnd = canonicalValueEnd(bytes, mnEnd + 1, FLAG, FLAG_SHAPE);
  if ((flagEnd < 0 ? mnEnd : flagEnd) + 1 !== end) return undefined;
  let flag: number | undefined;
  if (flagEnd >= 0) {
    flag = 0;
    for (let i = mnEnd + 6; i < flagEnd; i++) flag = flag * 10 + bytes[i] - 0x30;
  }
  const protocolVersionBits = flag === undefined ? 0 : flag >> 2;
  if (flag !== undefined && (flag > 255 || (flag & 2) !== 0 || protocolVersionBits > 2)) return undefined;
  if (protocolVersionBits >= 1 && qnEnd < 0) return undefined;
  return {
    qn: qnEnd < 0 ? undefined : text.slice(3, qnEnd),
    st: text.slice(stEnd - 2, stEnd),
    cn: text.slice(cnEnd - 4, cnEnd),
    pw: text.slice(cnEnd + 4, pwEnd),
    mn: text.slice(pwEnd + 4, mnEnd),
    flag,
    pnum: undefined,
    pno: undefined,
    standard: STANDARDS[protocolVersionBits],
    protocolVersionBits,
    otherFields: undefined,
  };
}

/** Parses the header [0, end), the part of the data segment before `CP=`. */
export function parseHeader(segment: SegmentText, end: number, mode: Hj212Mode, tolerated: Hj212Tolerance[]): ParsedHeader | Hj212Problem {
  const canonical = canonicalHeader(segment, end);
  if (canonical) return canonical;
  const fields = splitFields(segment, end, mode, tolerated);
  if ('error' in fields) return fields;
  let flag: number | undefined;
  if (fields.has(FLAG)) {
    flag = Number(fields.text(FLAG));
    if (!fields.fits(FLAG, FLAG_SHAPE) || flag > 255) return bad('Flag is not an integer 0..255');
  }
  const protocolVersionBits = flag === undefined ? 0 : flag >> 2;
  let standard = STANDARDS[protocolVersionBits];
  if (standard === undefined) {
    if (mode === 'strict') return bad(`unknown protocol version ${protocolVersionBits} in Flag`);
    tolerated.push('UNKNOWN_VERSION');
    standard = '2025';
  }
  if (!fields.has(ST) || !fields.checked(ST, ST_STRICT, ST_VENDOR, 'VENDOR_ST', mode, tolerated)) return bad('ST missing or malformed');
  if (!fields.has(CN) || !fields.checked(CN, CN_STRICT, CN_VENDOR, 'VENDOR_CN', mode, tolerated)) return bad('CN missing or malformed');
  if (fields.has(QN) && !fields.fits(QN, QN17)) {
    if (mode === 'strict' || !fields.fits(QN, QN14)) return bad('QN is not 17 digits');
    tolerated.push('QN_14_DIGITS');
  }
  if (fields.has(PW) && !fields.checked(PW, PW_STRICT, PRINTABLE, 'VENDOR_PW', mode, tolerated)) return bad('PW malformed');
  if (fields.has(MN) && !fields.checked(MN, MN_STRICT, PRINTABLE, 'VENDOR_MN', mode, tolerated)) return bad('MN malformed');
  if (protocolVersionBits >= 1) {
    const missing =
      required(fields, QN, 'MISSING_QN', mode, tolerated) ??
      required(fields, PW, 'MISSING_PW', mode, tolerated) ??
      required(fields, MN, 'MISSING_MN', mode, tolerated);
    if (missing) return missing;
  }
  const packets = parsePackets(fields, flag, mode, tolerated);
  if (packets !== undefined && 'error' in packets) return packets;
  return {
    // every property set, absent ones undefined: one object shape for every frame
    qn: fields.text(QN),
    st: fields.text(ST) as string,
    cn: fields.text(CN) as string,
    pw: fields.text(PW),
    mn: fields.text(MN),
    flag,
    pnum: packets?.pnum,
    pno: packets?.pno,
    standard,
    protocolVersionBits,
    otherFields: fields.other,
  };
}

function parsePackets(
  fields: HeaderFields,
  flag: number | undefined,
  mode: Hj212Mode,
  tolerated: Hj212Tolerance[],
): { pnum: number; pno: number } | Hj212Problem | undefined {
  const split = flag !== undefined && (flag & 2) === 2;
  if (!fields.has(PNUM) && !fields.has(PNO)) {
    if (!split) return undefined;
    if (mode === 'strict') return problem('MISSING_PNUM_PNO', 'Flag has D=1 but PNUM/PNO are absent');
    tolerated.push('D_WITHOUT_PNUM_PNO');
    return undefined;
  }
  if (!fields.has(PNUM) || !fields.has(PNO)) return problem('MISSING_PNUM_PNO', 'only one of PNUM/PNO is present');
  if (!fields.fits(PNUM, PACKET) || !fields.fits(PNO, PACKET)) return bad('PNUM/PNO are not 1..4 digits');
  const pnum = Number(fields.text(PNUM));
  const pno = Number(fields.text(PNO));
  if (pnum < 1 || pno < 1 || pno > pnum) return problem('BAD_PNO', 'PNO outside 1..PNUM');
  return { pnum, pno };
}
