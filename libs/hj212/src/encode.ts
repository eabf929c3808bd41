/** Serialisation: data segments and frames with the byte length and the HJ 212 CRC (upper-case hex). */
import { hj212Crc } from './crc';
import { ownBytes } from './slab';
import type { FactorFields } from './message';

export interface OutgoingHeader {
  qn?: string;
  st: string;
  cn: string;
  pw?: string;
  mn?: string;
  flag?: number;
  pnum?: number;
  pno?: number;
}

/** `code-Field=value` items after the plain keys: `DataTime=…;w01018-Rtd=27.4,w01018-Flag=N`. */
export function formatCp(cp: Record<string, string> = {}, values: Record<string, FactorFields> = {}): string {
  const items: string[] = [];
  for (const key of Object.keys(cp)) items.push(`${key}=${cp[key]}`);
  for (const code of Object.keys(values)) {
    const fields = values[code];
    const parts: string[] = [];
    for (const field of Object.keys(fields)) parts.push(`${code}-${field}=${fields[field]}`);
    if (parts.length > 0) items.push(parts.join(','));
  }
  return items.join(';');
}

/** The data segment in the standard order: QN;ST;CN;PW;MN;Flag;[PNUM;PNO;]CP=&&…&& (absent fields left out). */
export function formatDataSegment(header: OutgoingHeader, cpArea: string): string {
  let text = '';
  if (header.qn !== undefined) text += `QN=${header.qn};`;
  text += `ST=${header.st};CN=${header.cn};`;
  if (header.pw !== undefined) text += `PW=${header.pw};`;
  if (header.mn !== undefined) text += `MN=${header.mn};`;
  if (header.flag !== undefined) text += `Flag=${header.flag};`;
  if (header.pnum !== undefined && header.pno !== undefined) text += `PNUM=${header.pnum};PNO=${header.pno};`;
  return `${text}CP=&&${cpArea}&&`;
}

const HEX_DIGITS = Buffer.from('0123456789ABCDEF', 'latin1');

/** `##` + 4-digit UTF-8 byte length + data segment + CRC + CR LF. Throws RangeError above 9999 bytes. */
export function encodeFrame(dataSegment: string): Buffer {
  const length = Buffer.byteLength(dataSegment, 'utf8');
  if (length > 9999) throw new RangeError(`HJ 212 data segment of ${length} bytes cannot be framed`);
  // written in place: one allocation per frame
  const frame = ownBytes(length + 12);
  frame[0] = frame[1] = 0x23;
  for (let at = 5, rest = length; at >= 2; at--, rest = Math.floor(rest / 10)) frame[at] = 0x30 + (rest % 10);
  // as many bytes as characters: all ASCII, which latin1 writes the same, faster
  frame.write(dataSegment, 6, length, length === dataSegment.length ? 'latin1' : 'utf8');
  const crcAt = 6 + length;
  const crc = hj212Crc(frame, 6, crcAt);
  for (let i = 0; i < 4; i++) frame[crcAt + i] = HEX_DIGITS[(crc >>> (12 - 4 * i)) & 0xf];
  frame[crcAt + 4] = 0x0d;
  frame[crcAt + 5] = 0x0a;
  return frame;
}

/** A whole message as a frame (used by simulators and tests). */
export function encodeMessage(
  header: OutgoingHeader,
  cp: Record<string, string> = {},
  values: Record<string, FactorFields> = {},
): Buffer {
  return encodeFrame(formatDataSegment(header, formatCp(cp, values)));
}
