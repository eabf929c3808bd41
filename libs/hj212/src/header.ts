/** Header fields of the data segment (QN, ST, CN, PW, MN, Flag, PNUM, PNO), parsed by name, checked per mode. */
import { type Hj212Mode, type Hj212Problem, type Hj212Tolerance, problem } from './errors';
import type { Hj212Standard } from './message';

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
const KNOWN = new Set(['QN', 'ST', 'CN', 'PW', 'MN', 'Flag', 'PNUM', 'PNO']);

const QN17 = /^\d{17}$/;
const QN14 = /^\d{14}$/;
const ST_STRICT = /^[0-9A-Z]{2}$/;
const ST_VENDOR = /^[0-9A-Za-z]{1,6}$/;
const CN_STRICT = /^\d{4}$/;
const CN_VENDOR = /^[0-9A-Za-z]{1,8}$/;
const PW_STRICT = /^[0-9A-Za-z]{0,6}$/;
const MN_STRICT = /^[0-9A-Za-z]{1,24}$/;
const PRINTABLE = /^[\x21-\x7e]{0,64}$/;
const FLAG = /^\d{1,3}$/;
const PACKET = /^\d{1,4}$/;

function bad(message: string): Hj212Problem {
  return problem('BAD_FIELD', message);
}

interface HeaderFields {
  QN?: string;
  ST?: string;
  CN?: string;
  PW?: string;
  MN?: string;
  Flag?: string;
  PNUM?: string;
  PNO?: string;
  other?: Record<string, string>;
}

/** Splits the header text (everything before `CP=`) into named fields. */
function splitFields(text: string, mode: Hj212Mode, tolerated: Hj212Tolerance[]): HeaderFields | Hj212Problem {
  let parts: string[];
  if (text.includes(',')) {
    if (mode === 'strict') return bad('"," between header fields');
    tolerated.push('COMMA_IN_HEADER');
    parts = text.split(/[;,]/);
  } else {
    parts = text.split(';');
  }
  const fields: HeaderFields = {};
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return bad('header field without "="');
    let name = part.slice(0, eq);
    let value = part.slice(eq + 1);
    if (mode === 'lenient') {
      name = name.trim();
      value = value.trim();
    }
    if (KNOWN.has(name)) {
      const known = name as Exclude<keyof HeaderFields, 'other'>;
      if (fields[known] !== undefined) return bad(`header field ${name} repeated`);
      fields[known] = value;
    } else {
      const other = (fields.other ??= {});
      if (Object.prototype.hasOwnProperty.call(other, name)) return bad(`header field ${name} repeated`);
      Object.defineProperty(other, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return fields;
}

function checked(
  value: string,
  strict: RegExp,
  vendor: RegExp,
  tolerance: Hj212Tolerance,
  mode: Hj212Mode,
  tolerated: Hj212Tolerance[],
): boolean {
  if (strict.test(value)) return true;
  if (mode === 'lenient' && vendor.test(value)) {
    tolerated.push(tolerance);
    return true;
  }
  return false;
}

export function parseHeader(text: string, mode: Hj212Mode, tolerated: Hj212Tolerance[]): ParsedHeader | Hj212Problem {
  const fields = splitFields(text, mode, tolerated);
  if ('error' in fields) return fields;
  const flagText = fields.Flag;
  let flag: number | undefined;
  if (flagText !== undefined) {
    if (!FLAG.test(flagText) || Number(flagText) > 255) return bad('Flag is not an integer 0..255');
    flag = Number(flagText);
  }
  const protocolVersionBits = flag === undefined ? 0 : flag >> 2;
  let standard = STANDARDS[protocolVersionBits];
  if (standard === undefined) {
    if (mode === 'strict') return bad(`unknown protocol version ${protocolVersionBits} in Flag`);
    tolerated.push('UNKNOWN_VERSION');
    standard = '2025';
  }
  const since2017 = protocolVersionBits >= 1;
  const st = fields.ST;
  if (st === undefined || !checked(st, ST_STRICT, ST_VENDOR, 'VENDOR_ST', mode, tolerated)) return bad('ST missing or malformed');
  const cn = fields.CN;
  if (cn === undefined || !checked(cn, CN_STRICT, CN_VENDOR, 'VENDOR_CN', mode, tolerated)) return bad('CN missing or malformed');
  const qn = fields.QN;
  if (qn !== undefined && !QN17.test(qn)) {
    if (mode === 'strict' || !QN14.test(qn)) return bad('QN is not 17 digits');
    tolerated.push('QN_14_DIGITS');
  }
  const pw = fields.PW;
  if (pw !== undefined && !checked(pw, PW_STRICT, PRINTABLE, 'VENDOR_PW', mode, tolerated)) return bad('PW malformed');
  const mn = fields.MN;
  if (mn !== undefined && !checked(mn, MN_STRICT, PRINTABLE, 'VENDOR_MN', mode, tolerated)) return bad('MN malformed');
  if (since2017) {
    const missing: [string | undefined, string, Hj212Tolerance][] = [
      [qn, 'QN', 'MISSING_QN'],
      [pw, 'PW', 'MISSING_PW'],
      [mn, 'MN', 'MISSING_MN'],
    ];
    for (const [value, name, tolerance] of missing) {
      if (value !== undefined) continue;
      if (mode === 'strict') return bad(`${name} missing`);
      tolerated.push(tolerance);
    }
  }
  const header: ParsedHeader = { st, cn, standard, protocolVersionBits };
  if (qn !== undefined) header.qn = qn;
  if (pw !== undefined) header.pw = pw;
  if (mn !== undefined) header.mn = mn;
  if (flag !== undefined) header.flag = flag;
  const packets = parsePackets(fields.PNUM, fields.PNO, flag, mode, tolerated);
  if (packets !== undefined) {
    if ('error' in packets) return packets;
    header.pnum = packets.pnum;
    header.pno = packets.pno;
  }
  if (fields.other) header.otherFields = fields.other;
  return header;
}

function parsePackets(
  pnumText: string | undefined,
  pnoText: string | undefined,
  flag: number | undefined,
  mode: Hj212Mode,
  tolerated: Hj212Tolerance[],
): { pnum: number; pno: number } | Hj212Problem | undefined {
  const split = flag !== undefined && (flag & 2) === 2;
  if (pnumText === undefined && pnoText === undefined) {
    if (!split) return undefined;
    if (mode === 'strict') return problem('MISSING_PNUM_PNO', 'Flag has D=1 but PNUM/PNO are absent');
    tolerated.push('D_WITHOUT_PNUM_PNO');
    return undefined;
  }
  if (pnumText === undefined || pnoText === undefined) return problem('MISSING_PNUM_PNO', 'only one of PNUM/PNO is present');
  if (!PACKET.test(pnumText) || !PACKET.test(pnoText)) return bad('PNUM/PNO are not 1..4 digits');
  const pnum = Number(pnumText);
  const pno = Number(pnoText);
  if (pnum < 1 || pno < 1 || pno > pnum) return problem('BAD_PNO', 'PNO outside 1..PNUM');
  return { pnum, pno };
}
