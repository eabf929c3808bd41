import { tableErrors, toTable, type Table, type TableError, type TableLimits, type TableRow } from './table';

/**
 * CSV as hotline systems and Excel write it: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030
 * (Excel's "CSV" on a Chinese Windows). RFC 4180 quoting; records are told apart by where they start.
 */
export function readCsv(bytes: Buffer, limits: TableLimits): Table | TableError {
  const text = decodeText(bytes);
  if (typeof text !== 'string') return text;
  if (text.trim() === '') return tableErrors.empty();
  if (looksBinary(text)) return tableErrors.unsupported();
  // Some "Excel" exports are really web pages or SpreadsheetML; only Excel itself can turn them into a sheet.
  if (/^\s*<(?:!doctype|html|table|\?xml)/i.test(text)) {
    return tableErrors.unsupported('（网页或 XML 格式的“Excel”导出，请在 Excel 中打开后另存为 .xlsx）', ' (a web-page or XML "Excel" export; open it in Excel and save as .xlsx)');
  }
  const records = parseCsv(text, delimiterOf(text), limits.maxRows + 1);
  if (records === 'too-many') return tableErrors.tooManyRows(limits.maxRows);
  return toTable(records);
}

const fatal = (label: string) => new TextDecoder(label, { fatal: true });

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return fatal(label).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The text, or BAD_ENCODING. Order matters: valid UTF-8 is almost never also meaningful GBK, the reverse is common. */
export function decodeText(bytes: Buffer): string | TableError {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return tryDecode('utf-8', bytes.subarray(3)) ?? tableErrors.badEncoding('（UTF-8 文件中有无效字节）', ' (invalid bytes in a UTF-8 file)');
  if (b0 === 0xff && b1 === 0xfe) return tryDecode('utf-16le', bytes.subarray(2)) ?? tableErrors.badEncoding();
  if (b0 === 0xfe && b1 === 0xff) return tryDecode('utf-16be', bytes.subarray(2)) ?? tableErrors.badEncoding();
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return utf8;
  // GB18030 accepts most byte soup, so a UTF-8 file with a few damaged bytes would "decode" as mojibake: refuse it instead.
  if (mostlyUtf8(bytes)) return tableErrors.badEncoding('（UTF-8 文件中有无效字节）', ' (invalid bytes in a UTF-8 file)');
  return tryDecode('gb18030', bytes) ?? tableErrors.badEncoding();
}

/** At least 20 well-formed non-ASCII characters and under 1 % of the non-ASCII ones damaged. */
function mostlyUtf8(bytes: Buffer): boolean {
  const text = new TextDecoder('utf-8').decode(bytes);
  let good = 0;
  let bad = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') bad++;
    else if (ch.charCodeAt(0) > 0x7f) good++;
  }
  return good >= 20 && bad / (good + bad) < 0.01;
}

/** Text files have no NUL and hardly any other control characters; a binary that happened to decode has many. */
function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const sample = text.slice(0, 64 * 1024);
  const controls = sample.match(/[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]/g)?.length ?? 0;
  return controls > sample.length / 100;
}

/** Comma, unless the first line has more tabs than commas (tab-separated "Excel" exports). */
function delimiterOf(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  const count = (ch: string) => first.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

const breaks = (s: string) => s.match(/\r\n|\r|\n/g)?.length ?? 0;

type Parsed = { cells: string[]; next: number; nextLine: number } | 'unterminated';

/** One record from `pos` (which starts physical line `line`); a quoted field may span lines. */
function parseRecord(text: string, pos: number, line: number, delimiter: string): Parsed {
  const cells: string[] = [];
  let field = '';
  let i = pos;
  let at = line;
  let fieldStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (fieldStart && ch === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) return 'unterminated';
        const chunk = text.slice(i, quote);
        at += breaks(chunk);
        field += chunk.replace(/\r\n?/g, '\n');
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      fieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      cells.push(field);
      return { cells, next: ch === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1, nextLine: at + 1 };
    } else {
      // Unquoted text up to the next delimiter or line break; a stray quote inside it is kept as text.
      let j = i + 1;
      while (j < text.length && text[j] !== delimiter && text[j] !== '\r' && text[j] !== '\n') j++;
      field += text.slice(i, j);
      i = j;
    }
  }
  cells.push(field);
  return { cells, next: i, nextLine: at + 1 };
}

const UNTERMINATED = {
  zh: '引号未闭合：本行开始的带引号字段直到文件末尾都没有结束，本行未导入',
  en: 'Unterminated quote: a quoted field starting on this line never ends; the line was not imported',
};

/**
 * All records, or 'too-many' once more than `maxRecords` non-blank ones are seen.
 * An unterminated quote makes its record a problem row; reading resumes on the next physical line.
 */
export function parseCsv(text: string, delimiter = ',', maxRecords = Infinity): TableRow[] | 'too-many' {
  const records: TableRow[] = [];
  let counted = 0;
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const parsed = parseRecord(text, pos, line, delimiter);
    if (parsed === 'unterminated') {
      records.push({ line, cells: [], error: UNTERMINATED });
      const eol = /\r\n|\r|\n/g;
      eol.lastIndex = pos;
      const found = eol.exec(text);
      if (!found) break;
      pos = found.index + found[0].length;
      line++;
    } else {
      records.push({ line, cells: parsed.cells });
      pos = parsed.next;
      line = parsed.nextLine;
    }
    const last = records[records.length - 1];
    if (last.error || last.cells.some((c) => c.trim() !== '')) counted++;
    if (counted > maxRecords) return 'too-many';
  }
  return records;
}
