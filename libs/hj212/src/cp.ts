/**
 * The CP data area: `&&` items separated by `;`, sub-fields by `,`, each `Key=Value`; `code-Field` keys go to
 * `values[code][Field]`, others to `cp`. Free-text logs (`i11001-Info=//…//`) may contain `;` and `,` inside `//…//`.
 */
import { type Hj212Problem, problem } from './errors';
import type { FactorFields } from './message';

export interface ParsedCp {
  cp: Record<string, string>;
  values: Record<string, FactorFields>;
  rawKeys: string[];
}

const SEMI = 59;
const COMMA = 44;
const EQ = 61;
const SLASH = 47;
const NON_ASCII = /[^\x00-\x7f]/;

function isSpace(code: number): boolean {
  return code === 32;
}

function trimmed(text: string): string {
  return isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? text.trim() : text;
}

/** Parses the text between `CP=&&` and the closing `&&`. `checkAscii`: the segment has non-ASCII characters. */
export function parseCpArea(area: string, checkAscii: boolean): ParsedCp | Hj212Problem {
  const cp: Record<string, string> = Object.create(null);
  const values: Record<string, FactorFields> = Object.create(null);
  const rawKeys: string[] = [];
  const length = area.length;
  let i = 0;
  while (i < length) {
    const keyStart = i;
    let code = area.charCodeAt(i);
    while (i < length && code !== EQ && code !== SEMI && code !== COMMA) code = area.charCodeAt(++i);
    if (i >= length || code !== EQ) {
      if (area.slice(keyStart, i).trim() !== '') return problem('BAD_CP', 'CP item without "="');
      i++;
      continue;
    }
    const rawKey = area.slice(keyStart, i);
    const valueStart = ++i;
    let valueEnd: number;
    if (area.charCodeAt(i) === SLASH && area.charCodeAt(i + 1) === SLASH) {
      const close = area.indexOf('//', i + 2);
      i = close < 0 ? length : close + 2;
    }
    code = area.charCodeAt(i);
    while (i < length && code !== SEMI && code !== COMMA) code = area.charCodeAt(++i);
    valueEnd = i;
    i++;
    const key = trimmed(rawKey);
    if (key === '') return problem('BAD_CP', 'CP item with an empty key');
    if (key !== rawKey) rawKeys.push(rawKey);
    const value = trimmed(area.slice(valueStart, valueEnd));
    const dash = key.indexOf('-');
    if (checkAscii && (NON_ASCII.test(key) || (NON_ASCII.test(value) && !key.endsWith('-Info')))) {
      return problem('ILLEGAL_CHAR', 'non-ASCII character outside an -Info value');
    }
    if (dash > 0) {
      const factor = key.slice(0, dash);
      const fields = values[factor] ?? (values[factor] = Object.create(null) as FactorFields);
      fields[key.slice(dash + 1)] = value;
    } else {
      cp[key] = value;
    }
  }
  return { cp, values, rawKeys };
}
