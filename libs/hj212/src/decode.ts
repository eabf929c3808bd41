/** From bytes to a decoded message: framing (length, CRC) then the data segment (header fields and CP). */
import { type ParsedCp, parseCpArea } from './cp';
import { isKnownCodeShape } from './codes';
import { type Hj212Mode, type Hj212Problem, type Hj212Tolerance, problem } from './errors';
import { type FrameReaderOptions, readOneFrame } from './frame-reader';
import type { RawFrame } from './frame-scanner';
import { type ParsedHeader, parseHeader } from './header';
import type { Hj212Message } from './message';
import { type SegmentText, segmentText } from './segment';

export type Hj212Result = { valid: true; message: Hj212Message } | { valid: false; problem: Hj212Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const CONTROL = /[\x00-\x1f\x7f]/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Parses a data segment (the bytes between the length field and the CRC) whose framing was already checked. */
export function parseDataSegment(frame: RawFrame, mode: Hj212Mode = 'strict'): Hj212Result {
  // Nearly every frame is printable ASCII: parsed as such, the parsers refusing any other byte on the way.
  const segment = segmentText(frame.data);
  const result = parseSegment(frame, segment, segment.text, true, mode);
  if (result.valid || !NOT_PRINTABLE_ASCII.test(segment.text)) return result;
  // Control characters are refused; other non-ASCII text must be UTF-8, and is allowed in -Info values only.
  if (CONTROL.test(segment.text)) return invalid('ILLEGAL_CHAR', 'control character in the data segment');
  let text: string;
  try {
    text = utf8.decode(frame.data);
  } catch {
    return invalid('ILLEGAL_CHAR', 'data segment is not valid UTF-8');
  }
  // the decoder drops a leading byte order mark: so does the parser
  const bom = frame.data[0] === 0xef && frame.data[1] === 0xbb && frame.data[2] === 0xbf;
  return parseSegment(frame, segmentText(bom ? frame.data.subarray(3) : frame.data), text, false, mode);
}

/** `ascii`: the segment must be printable ASCII; otherwise it is UTF-8 without control characters, `text` decoded. */
function parseSegment(frame: RawFrame, segment: SegmentText, text: string, ascii: boolean, mode: Hj212Mode): Hj212Result {
  const { bytes, text: latin1 } = segment;
  const tolerated: Hj212Tolerance[] = frame.tolerated.slice();
  let cpAt = latin1.indexOf('CP=&&');
  if (cpAt < 0) cpAt = latin1.indexOf('CP=');
  if (cpAt < 0) return invalid('BAD_CP', 'no CP= in the data segment');
  if (cpAt > 0 && bytes[cpAt - 1] !== 59) {
    if (mode === 'strict') return invalid('BAD_FIELD', 'missing ";" before CP=');
    tolerated.push('MISSING_SEMICOLON_BEFORE_CP');
  }
  if (!ascii && NON_ASCII.test(latin1.slice(0, cpAt))) return invalid('ILLEGAL_CHAR', 'non-ASCII character in the header');
  const header = parseHeader(segment, cpAt, mode, tolerated);
  if ('error' in header) return { valid: false, problem: header };
  const areaAt = cpAt + 3;
  if (bytes.length - areaAt < 4 || !latin1.startsWith('&&', areaAt) || !latin1.endsWith('&&')) return invalid('BAD_CP', 'CP is not wrapped in &&…&&');
  const parsed = parseCpArea(segment, areaAt + 2, bytes.length - 2, ascii);
  if ('error' in parsed) return { valid: false, problem: parsed };
  if (parsed.rawKeys && mode === 'lenient') tolerated.push('SPACES_IN_CP');
  const message = messageOf(frame, header, parsed, tolerated, text);
  if (header.pnum !== undefined) {
    message.pnum = header.pnum;
    message.pno = header.pno;
  }
  if (header.otherFields) message.otherFields = header.otherFields;
  if (parsed.rawKeys) message.rawKeys = parsed.rawKeys;
  if (parsed.checkCodes) {
    let unknown: string[] | undefined;
    for (const code in parsed.values) if (!isKnownCodeShape(code)) (unknown ??= []).push(code);
    if (unknown) message.unknownCodes = unknown;
  }
  return { valid: true, message };
}

/** The message with its header fields; the optional ones follow in a fixed order: QN, PW, MN, Flag. */
function messageOf(frame: RawFrame, header: ParsedHeader, parsed: ParsedCp, tolerated: Hj212Tolerance[], text: string): Hj212Message {
  const { standard, protocolVersionBits, st, cn, qn, pw, mn, flag } = header;
  const ackRequired = flag !== undefined && (flag & 1) === 1;
  const hasPacketNo = header.pnum !== undefined;
  const { cp, values } = parsed;
  const { crc, declaredLength: length } = frame;
  if (qn !== undefined && pw !== undefined && mn !== undefined && flag !== undefined) {
    // the usual frame has them all: one object literal, the same properties in the same order as below
    return { standard, protocolVersionBits, st, cn, ackRequired, hasPacketNo, cp, values, tolerated, crc, length, dataSegment: text, qn, pw, mn, flag };
  }
  const message: Hj212Message = { standard, protocolVersionBits, st, cn, ackRequired, hasPacketNo, cp, values, tolerated, crc, length, dataSegment: text };
  if (qn !== undefined) message.qn = qn;
  if (pw !== undefined) message.pw = pw;
  if (mn !== undefined) message.mn = mn;
  if (flag !== undefined) message.flag = flag;
  return message;
}

function invalid(error: Hj212Problem['error'], message: string): Hj212Result {
  return { valid: false, problem: problem(error, message) };
}

/** Decodes bytes that should be exactly one frame (`##…\r\n`). Never throws. */
export function decodeFrame(bytes: Uint8Array, options: FrameReaderOptions = {}): Hj212Result {
  const frame = readOneFrame(bytes, options);
  if ('error' in frame) return { valid: false, problem: frame };
  return parseDataSegment(frame, options.mode ?? 'strict');
}

/** One NDJSON-ready record with the field names of hj212-vectors.json's `expect`. */
export interface Hj212Record {
  valid: boolean;
  error?: string;
  message?: string;
  diagnostic?: string;
  qn?: string;
  st?: string;
  cn?: string;
  pw?: string;
  mn?: string;
  flag?: number;
  protocolVersionBits?: number;
  ackRequired?: boolean;
  hasPacketNo?: boolean;
  standard?: string;
  pnum?: number;
  pno?: number;
  cp?: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  crc?: string;
  length?: number;
  tolerated?: string[];
  unknownCodes?: string[];
  rawKeys?: string[];
}

export function toRecord(result: Hj212Result | Hj212Problem): Hj212Record {
  if ('error' in result) return { valid: false, ...result };
  if (!result.valid) return { valid: false, ...result.problem };
  const m = result.message;
  const record: Hj212Record = {
    valid: true,
    qn: m.qn,
    st: m.st,
    cn: m.cn,
    pw: m.pw,
    mn: m.mn,
    flag: m.flag,
    protocolVersionBits: m.protocolVersionBits,
    ackRequired: m.ackRequired,
    hasPacketNo: m.hasPacketNo,
    standard: m.standard,
    pnum: m.pnum,
    pno: m.pno,
    cp: { ...m.cp },
    values: Object.fromEntries(Object.entries(m.values).map(([code, fields]) => [code, { ...fields }])),
    crc: m.crc,
    length: m.length,
  };
  if (m.tolerated.length > 0) record.tolerated = m.tolerated;
  if (m.unknownCodes) record.unknownCodes = m.unknownCodes;
  if (m.rawKeys) record.rawKeys = m.rawKeys;
  for (const key of Object.keys(record) as (keyof Hj212Record)[]) if (record[key] === undefined) delete record[key];
  return record;
}
