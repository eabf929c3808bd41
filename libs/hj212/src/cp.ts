/**
 * The CP data area: items separated by `;`, sub-fields by `,`, each `Key=Value`; `code-Field` keys go to
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
const NON_ASCII = /[^\x00-\x7f]/;

function trimmed(text: string): string {
  return text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32 ? text.trim() : text;
}

/** `Key=Value` tokens; the fast path splits natively, the slow one keeps `//…//` log values whole. */
function tokens(area: string): string[] {
  if (!area.includes('//')) {
    const out: string[] = [];
    for (const item of area.split(';')) {
      if (item.includes(',')) out.push(...item.split(','));
      else out.push(item);
    }
    return out;
  }
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < area.length) {
    const code = area.charCodeAt(i);
    if (code === SEMI || code === COMMA) {
      out.push(area.slice(start, i));
      start = ++i;
    } else if (code === 61 && area.startsWith('//', i + 1)) {
      const close = area.indexOf('//', i + 3);
      i = close < 0 ? area.length : close + 2;
    } else {
      i++;
    }
  }
  out.push(area.slice(start));
  return out;
}

/** Object keys that must not be assigned as plain properties. */
function safeKey(key: string): string {
  return key === '__proto__' ? '_proto_' : key;
}

/** Parses the text between `CP=&&` and the closing `&&`. `checkAscii`: the segment has non-ASCII characters. */
export function parseCpArea(area: string, checkAscii: boolean): ParsedCp | Hj212Problem {
  const cp: Record<string, string> = {};
  const values: Record<string, FactorFields> = {};
  const rawKeys: string[] = [];
  if (area.length === 0) return { cp, values, rawKeys };
  for (const token of tokens(area)) {
    const eq = token.indexOf('=');
    if (eq < 0) {
      if (token.trim() !== '') return problem('BAD_CP', 'CP item without "="');
      continue;
    }
    const rawKey = token.slice(0, eq);
    const key = trimmed(rawKey);
    if (key === '') return problem('BAD_CP', 'CP item with an empty key');
    if (key !== rawKey) rawKeys.push(rawKey);
    const value = trimmed(token.slice(eq + 1));
    if (checkAscii && (NON_ASCII.test(key) || (NON_ASCII.test(value) && !key.endsWith('-Info')))) {
      return problem('ILLEGAL_CHAR', 'non-ASCII character outside an -Info value');
    }
    const dash = key.indexOf('-');
    if (dash > 0) {
      const factor = safeKey(key.slice(0, dash));
      const fields = values[factor] ?? (values[factor] = {});
      fields[safeKey(key.slice(dash + 1))] = value;
    } else {
      cp[safeKey(key)] = value;
    }
  }
  return { cp, values, rawKeys };
}
