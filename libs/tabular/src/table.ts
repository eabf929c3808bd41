/** What both readers (CSV, XLSX) produce: a header and the data rows, each with the line it came from. */

/** A record problem the reader found (e.g. an unterminated quote); mapRows reports it as a bad row. */
export interface RowProblem {
  zh: string;
  en: string;
}

/** One data record; `line` is where it starts in the file (CSV: physical line, XLSX: sheet row; header = line 1). */
export interface TableRow {
  line: number;
  cells: string[];
  error?: RowProblem;
}

export interface Table {
  rows: TableRow[];
  header: string[];
}

/** Size refusals (bytes, rows, columns, inflated XLSX content) all use TOO_MANY_ROWS: the file is too big to import at once. */
export type TableErrorCode = 'UNSUPPORTED_FILE' | 'BAD_ENCODING' | 'EMPTY' | 'TOO_MANY_ROWS' | 'BROKEN_FILE';

export interface TableError {
  code: TableErrorCode;
  zh: string;
  en: string;
}

export interface TableLimits {
  /** upload size */
  maxBytes: number;
  /** data rows, header not counted */
  maxRows: number;
  /** a cell reference like XFD1 would otherwise make every row 16,384 cells long */
  maxColumns: number;
  /** all XLSX parts inflated together: the zip-bomb cap */
  maxInflatedBytes: number;
}

export const DEFAULT_LIMITS: TableLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 500,
  maxInflatedBytes: 200 * 1024 * 1024,
};

export function isTableError(result: Table | TableError): result is TableError {
  return 'code' in result;
}

const ACCEPTED_ZH = '请上传 CSV（UTF-8 或 GBK 编码）或 Excel .xlsx 文件';
const ACCEPTED_EN = 'upload a CSV file (UTF-8 or GBK) or an Excel .xlsx file';

/** Every refusal the readers make, worded once. */
export const tableErrors = {
  unsupported: (hintZh = '', hintEn = ''): TableError => ({
    code: 'UNSUPPORTED_FILE',
    zh: `不支持该文件格式${hintZh}，${ACCEPTED_ZH}。`,
    en: `Unsupported file${hintEn}: ${ACCEPTED_EN}.`,
  }),
  badEncoding: (hintZh = '', hintEn = ''): TableError => ({
    code: 'BAD_ENCODING',
    zh: `无法识别 CSV 文件的文字编码${hintZh}，请在 Excel 中另存为“CSV UTF-8”或 GBK 编码的 CSV，或直接上传 .xlsx。`,
    en: `The CSV file's text encoding was not recognised${hintEn}; save it as "CSV UTF-8" or GBK CSV, or upload the .xlsx.`,
  }),
  empty: (): TableError => ({ code: 'EMPTY', zh: '文件为空。', en: 'The file is empty.' }),
  noDataRows: (): TableError => ({ code: 'EMPTY', zh: '文件只有表头，没有数据行。', en: 'The file has a header row but no data rows.' }),
  tooManyRows: (max: number): TableError => ({
    code: 'TOO_MANY_ROWS',
    zh: `数据超过 ${max} 行，请拆分成多个文件分批导入。`,
    en: `The file has more than ${max} data rows; split it and import the parts one by one.`,
  }),
  tooManyColumns: (max: number): TableError => ({
    code: 'TOO_MANY_ROWS',
    zh: `表格超过 ${max} 列，请只保留需要导入的列。`,
    en: `The sheet has more than ${max} columns; keep only the columns to import.`,
  }),
  tooLarge: (maxBytes: number): TableError => ({
    code: 'TOO_MANY_ROWS',
    zh: `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请拆分后分批导入。`,
    en: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; split it and import the parts one by one.`,
  }),
  inflatedTooLarge: (): TableError => ({
    code: 'TOO_MANY_ROWS',
    zh: 'Excel 文件解压后内容过大，请拆分后分批导入。',
    en: 'The Excel file is too large once unpacked; split it and import the parts one by one.',
  }),
  broken: (zh: string, en: string): TableError => ({ code: 'BROKEN_FILE', zh, en }),
};

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Header = the first non-blank record; blank records (Excel's trailing ",,,," lines, empty sheet rows) are dropped.
 * Records with a problem are kept even when blank, so the problem is reported.
 */
export function toTable(records: TableRow[]): Table | TableError {
  const kept = records.filter((r) => r.error || !isBlank(r.cells));
  if (kept.length === 0) return tableErrors.empty();
  const [first, ...rows] = kept;
  if (first.error) {
    return tableErrors.broken(`表头行无法解析：${first.error.zh}`, `The header row cannot be read: ${first.error.en}`);
  }
  if (rows.length === 0) return tableErrors.noDataRows();
  return { header: first.cells.map((c) => c.replace(/^\uFEFF/, '').trim()), rows };
}
