/** Typed readings of the decimal strings and 14-digit times of a CP area. */
import type { FactorFields, Hj212Message } from './message';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const TIME14 = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const QN17 = /^(\d{14})(\d{3})$/;
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** A CP number (`Nx.y`, signed, variable decimals) as a JS number; undefined when it is not a decimal. */
export function toNumber(value: string | undefined): number | undefined {
  return value !== undefined && DECIMAL.test(value) ? Number(value) : undefined;
}

/** `YYYYMMDDhhmmss` in China Standard Time (UTC+8) as a Date; undefined when malformed or not a real time. */
export function parseHj212Time(value: string | undefined): Date | undefined {
  const m = value === undefined ? null : TIME14.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(utc - BEIJING_OFFSET_MS);
}

/** A 17-digit QN (`YYYYMMDDhhmmsszzz`, UTC+8) as a Date. */
export function parseQn(qn: string | undefined): Date | undefined {
  const m = qn === undefined ? null : QN17.exec(qn);
  if (!m) return undefined;
  const time = parseHj212Time(m[1]);
  return time && new Date(time.getTime() + Number(m[2]));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A Date as `YYYYMMDDhhmmss` in China Standard Time. */
export function formatHj212Time(date: Date): string {
  const b = new Date(date.getTime() + BEIJING_OFFSET_MS);
  return `${b.getUTCFullYear()}${pad(b.getUTCMonth() + 1)}${pad(b.getUTCDate())}${pad(b.getUTCHours())}${pad(b.getUTCMinutes())}${pad(b.getUTCSeconds())}`;
}

/** A Date as a 17-digit QN (`YYYYMMDDhhmmsszzz`, China Standard Time). */
export function formatQn(date: Date): string {
  return formatHj212Time(date) + pad(date.getUTCMilliseconds(), 3);
}

export interface Reading {
  code: string;
  field: string;
  /** As sent (decimal string, flag letter, or text). */
  text: string;
  /** The number, when the text is a decimal. */
  value?: number;
}

/** Every `code-Field=value` of a message, with numbers where the text is a decimal. */
export function readings(message: Pick<Hj212Message, 'values'>): Reading[] {
  const out: Reading[] = [];
  for (const code of Object.keys(message.values)) {
    const fields: FactorFields = message.values[code];
    for (const field of Object.keys(fields)) {
      const text = fields[field];
      const value = toNumber(text);
      out.push(value === undefined ? { code, field, text } : { code, field, text, value });
    }
  }
  return out;
}

/** The CP `DataTime` of a message as a Date (start of the period for 2031/2041/2051/2061, instant for 2011). */
export function dataTimeOf(message: Pick<Hj212Message, 'cp'>): Date | undefined {
  return parseHj212Time(message.cp.DataTime);
}
