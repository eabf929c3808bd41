/** Serialisation: data segments and frames with the byte length and the HJ 212 CRC (upper-case hex). */
import { crcHex, hj212Crc } from './crc';
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

/** `##` + 4-digit UTF-8 byte length + data segment + CRC + CR LF. Throws RangeError above 9999 bytes. */
export function encodeFrame(dataSegment: string): Buffer {
  const data = Buffer.from(dataSegment, 'utf8');
  if (data.length > 9999) throw new RangeError(`HJ 212 data segment of ${data.length} bytes cannot be framed`);
  const frame = Buffer.allocUnsafe(data.length + 12);
  frame.write('##', 0, 'latin1');
  frame.write(String(data.length).padStart(4, '0'), 2, 'latin1');
  data.copy(frame, 6);
  frame.write(crcHex(hj212Crc(data)), 6 + data.length, 'latin1');
  frame.write('\r\n', 10 + data.length, 'latin1');
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
