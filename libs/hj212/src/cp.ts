/**
 * The CP data area: items separated by `;`, sub-fields by `,`, each `Key=Value`; `code-Field` keys go to
 * `values[code][Field]`, others to `cp`. Free-text logs (`i11001-Info=//…//`) may contain `;` and `,` inside `//…//`.
 */
import { pollutantCodeAt } from './codes';
import { type Hj212Problem, problem } from './errors';
import type { FactorFields } from './message';
import { BYTE_KIND, BYTE_KINDS, type SegmentText, bytesOf, equalBytes } from './segment';

export interface ParsedCp {
  cp: Record<string, string>;
  values: Record<string, FactorFields>;
  /** Keys as sent when they carried spaces; undefined when none did. */
  rawKeys: string[] | undefined;
  /** Some code in `values` is not a 2017 pollutant code: the caller must check their shapes (isKnownCodeShape). */
  checkCodes: boolean;
}

const SLASH = 47;
const { ORDINARY, SEPARATOR, NOT_PRINTABLE } = BYTE_KINDS;
/** In CP, the first "-" of a key also matters: it splits `code-Field`. */
const MINUS = 4;
const KIND = BYTE_KIND.slice();
KIND[0x2d] = MINUS;
const SPACE = 32;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Sub-field names of the standard and common CP keys. A property key that is one of these constants is stored much
 * faster than a string cut out of the text, which V8 must look up in its string table on every keyed store.
 */
const NAMES = [
  'Rtd', 'Flag', 'Avg', 'Min', 'Max', 'Cou', 'ZsRtd', 'ZsAvg', 'ZsMin', 'ZsMax', 'EFlag', 'SampleTime', 'RS', 'RT',
  'Data', 'DayData', 'NightData', 'Info', 'SN', 'Ala', 'UpValue', 'LowValue', 'DataTime', 'PolId', 'QnRtn', 'ExeRtn',
  'SystemTime', 'RtdInterval', 'MinInterval', 'RestartTime', 'BeginTime', 'EndTime', 'InfoId', 'QN', 'CN', 'PNO', 'PNUM',
];
const NAMES_BY_LENGTH: { name: string; bytes: Uint8Array }[][] = Array.from({ length: 16 }, () => []);
for (const name of NAMES) NAMES_BY_LENGTH[name.length].push({ name, bytes: bytesOf(name) });

/**
 * Sets a factor's field. The standard's most frequent sub-fields get a named store each: such a store meets only a few
 * object shapes, which V8 handles much faster than the one keyed store below, which meets them all.
 */
function setField(fields: FactorFields, name: string, value: string): void {
  switch (name) {
    case 'Rtd':
      fields.Rtd = value;
      return;
    case 'Flag':
      fields.Flag = value;
      return;
    case 'ZsRtd':
      fields.ZsRtd = value;
      return;
    case 'Cou':
      fields.Cou = value;
      return;
    case 'Min':
      fields.Min = value;
      return;
    case 'Avg':
      fields.Avg = value;
      return;
    case 'Max':
      fields.Max = value;
      return;
    case 'ZsAvg':
      fields.ZsAvg = value;
      return;
    default:
      fields[name] = value;
  }
}

/** Stands for "no factor yet" (an empty code range never matches). */
const NO_FIELDS: FactorFields = Object.freeze({});

/** Object keys that must not be assigned as plain properties. */
function safeKey(key: string): string {
  return key === '__proto__' ? '_proto_' : key;
}

function trimmed(text: string): string {
  return text.charCodeAt(0) === SPACE || text.charCodeAt(text.length - 1) === SPACE ? text.trim() : text;
}

/** Collects the items of one CP area. */
class CpBuilder implements ParsedCp {
  readonly cp: Record<string, string> = {};
  readonly values: Record<string, FactorFields> = {};
  rawKeys: string[] | undefined = undefined;
  checkCodes = false;
  /** Where the factor code of the previous `code-Field` key is (the sub-fields of one item share it), and its fields. */
  private codeStart = 0;
  private codeEnd = 0;
  private fields: FactorFields = NO_FIELDS;

  private readonly bytes: Buffer;
  private readonly text: string;

  constructor(segment: SegmentText) {
    this.bytes = segment.bytes;
    this.text = segment.text;
  }

  /**
   * The item [start, end) whose first "=" is at `eq` (-1: none) and the first "-" before it at `dash` (-1: none).
   * `nonAscii`: it has bytes above 0x7E.
   */
  add(start: number, eq: number, dash: number, end: number, nonAscii: boolean): Hj212Problem | undefined {
    const bytes = this.bytes;
    if (eq <= start || nonAscii || bytes[start] === SPACE || bytes[eq - 1] === SPACE || bytes[eq + 1] === SPACE || bytes[end - 1] === SPACE) {
      return this.addUnusual(start, eq, dash, end, nonAscii);
    }
    this.store(start, eq, dash, this.text.slice(eq + 1, end));
    return undefined;
  }

  /** Stores the value of the key [start, end): `code-Field` (split at `dash`) into values, anything else into cp. */
  private store(start: number, end: number, dash: number, value: string): void {
    if (dash > start) setField(this.factorAt(start, dash), this.nameAt(dash + 1, end), value);
    else this.cp[this.nameAt(start, end)] = value;
  }

  /** Items without "=", with non-ASCII text, an empty key or spaces to trim. */
  private addUnusual(start: number, eq: number, dash: number, end: number, nonAscii: boolean): Hj212Problem | undefined {
    const { bytes, text } = this;
    if (eq < 0) {
      const item = nonAscii ? bytes.toString('utf8', start, end) : text.slice(start, end);
      return item.trim() === '' ? undefined : problem('BAD_CP', 'CP item without "="');
    }
    if (nonAscii) return this.addText(bytes.toString('utf8', start, eq), bytes.toString('utf8', eq + 1, end));
    // printable ASCII: spaces are the only white space to trim
    let keyStart = start;
    let keyEnd = eq;
    while (keyStart < keyEnd && bytes[keyStart] === SPACE) keyStart++;
    while (keyEnd > keyStart && bytes[keyEnd - 1] === SPACE) keyEnd--;
    if (keyStart === keyEnd) return problem('BAD_CP', 'CP item with an empty key');
    if (keyEnd - keyStart < eq - start) (this.rawKeys ??= []).push(text.slice(start, eq));
    let valueStart = eq + 1;
    let valueEnd = end;
    while (valueStart < valueEnd && bytes[valueStart] === SPACE) valueStart++;
    while (valueEnd > valueStart && bytes[valueEnd - 1] === SPACE) valueEnd--;
    // spaces hold no "-": the first one of the trimmed key is still `dash`
    this.store(keyStart, keyEnd, dash, text.slice(valueStart, valueEnd));
    return undefined;
  }

  /** [start, end) as a string: one of NAMES when it is one. */
  private nameAt(start: number, end: number): string {
    const length = end - start;
    if (length < NAMES_BY_LENGTH.length) {
      for (const known of NAMES_BY_LENGTH[length]) if (equalBytes(this.bytes, start, known.bytes)) return known.name;
    }
    return safeKey(this.text.slice(start, end));
  }

  /** The fields of the factor code [start, end), created on first use. */
  private factorAt(start: number, end: number): FactorFields {
    const { bytes, text } = this;
    const length = this.codeEnd - this.codeStart;
    let same = length === end - start;
    for (let j = 0; same && j < length; j++) same = bytes[start + j] === bytes[this.codeStart + j];
    if (same) return this.fields;
    this.codeStart = start;
    this.codeEnd = end;
    const pollutant = pollutantCodeAt(bytes, start, end);
    // any other shape: the caller checks which codes are standard
    if (pollutant === undefined) this.checkCodes = true;
    return (this.fields = this.factor(pollutant ?? text.slice(start, end)));
  }

  private factor(code: string): FactorFields {
    const key = safeKey(code);
    // an inherited property (`toString`, `constructor`) is not a factor seen before
    let fields = Object.prototype.hasOwnProperty.call(this.values, key) ? this.values[key] : undefined;
    if (fields === undefined) this.values[key] = fields = {};
    return fields;
  }

  /** An item with non-ASCII text (UTF-8 logs): checked and trimmed as strings. */
  private addText(rawKey: string, rawValue: string): Hj212Problem | undefined {
    const key = trimmed(rawKey);
    if (key === '') return problem('BAD_CP', 'CP item with an empty key');
    if (key !== rawKey) (this.rawKeys ??= []).push(rawKey);
    const value = trimmed(rawValue);
    if (NON_ASCII.test(key) || (NON_ASCII.test(value) && !key.endsWith('-Info'))) {
      return problem('ILLEGAL_CHAR', 'non-ASCII character outside an -Info value');
    }
    const dash = key.indexOf('-');
    this.checkCodes = true;
    if (dash > 0) this.factor(key.slice(0, dash))[safeKey(key.slice(dash + 1))] = value;
    else this.cp[safeKey(key)] = value;
    return undefined;
  }
}

/**
 * Parses [start, end) of the segment, the area between `CP=&&` and the closing `&&`, in one pass over its bytes.
 * `ascii`: the segment must be printable ASCII, anything else is refused (the caller then retries knowing the segment
 * is UTF-8 without control characters; non-ASCII is allowed in -Info values only).
 */
export function parseCpArea(segment: SegmentText, start: number, end: number, ascii: boolean): ParsedCp | Hj212Problem {
  const bytes = segment.bytes;
  const parsed = new CpBuilder(segment);
  let itemStart = start;
  let eq = -1;
  let dash = -1;
  let nonAscii = false;
  /** A log value `=//…//` runs up to here: `;` and `,` inside it are text. */
  let logEnd = start;
  for (let i = start; i < end; i++) {
    // most bytes mean nothing here: skipped by a tight loop that V8 compiles well
    while (i < end && KIND[bytes[i]] === ORDINARY) i++;
    if (i === end) break;
    const kind = KIND[bytes[i]];
    if (kind === NOT_PRINTABLE) {
      if (ascii) return problem('ILLEGAL_CHAR', 'character outside printable ASCII');
      nonAscii = true;
    } else if (i < logEnd) {
      continue;
    } else if (kind === SEPARATOR) {
      const failed = parsed.add(itemStart, eq, dash, i, nonAscii);
      if (failed) return failed;
      itemStart = i + 1;
      eq = -1;
      dash = -1;
      nonAscii = false;
    } else if (kind === MINUS) {
      if (dash < 0 && eq < 0) dash = i;
    } else {
      if (eq < 0) eq = i;
      // the area is followed by "&&", so looking one or two bytes ahead never reads a '/' past it
      if (bytes[i + 1] === SLASH && bytes[i + 2] === SLASH) {
        const close = segment.text.indexOf('//', i + 3);
        logEnd = close < 0 ? end : close + 2;
      }
    }
  }
  return parsed.add(itemStart, eq, dash, end, nonAscii) ?? parsed;
}
