import { readCsv } from './csv';
import { DEFAULT_LIMITS, tableErrors, type Table, type TableError, type TableLimits } from './table';
import { readXlsx } from './xlsx';
import { isZip } from './zip';

export { DEFAULT_LIMITS, isTableError } from './table';
export type { RowProblem, Table, TableError, TableErrorCode, TableLimits, TableRow } from './table';

/** Formats people upload by mistake, recognised by their first bytes so the refusal can say what they are. */
const SIGNATURES: Array<{ magic: number[]; zh: string; en: string }> = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], zh: '（旧版 .xls 或加密的 Excel 文件，请在 Excel 中另存为 .xlsx）', en: ' (an old .xls or an encrypted Excel file; save it as .xlsx in Excel)' },
  { magic: [0x89, 0x50, 0x4e, 0x47], zh: '（图片）', en: ' (an image)' },
  { magic: [0xff, 0xd8, 0xff], zh: '（图片）', en: ' (an image)' },
  { magic: [0x47, 0x49, 0x46, 0x38], zh: '（图片）', en: ' (an image)' },
  { magic: [0x25, 0x50, 0x44, 0x46], zh: '（PDF）', en: ' (a PDF)' },
  { magic: [0x1f, 0x8b], zh: '（压缩包）', en: ' (a compressed archive)' },
  { magic: [0x52, 0x61, 0x72, 0x21], zh: '（压缩包）', en: ' (a compressed archive)' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], zh: '（压缩包）', en: ' (a compressed archive)' },
];

/**
 * A hotline export as a header and data rows. The content decides the format (a zip is read as XLSX, text as
 * CSV), not the name: exports are often misnamed. The name only sharpens the message for a damaged .xlsx.
 * `limits` exists for tests; callers use the defaults (20 MB, 50,000 rows, 500 columns, 200 MB unpacked).
 */
export function readTable(bytes: Buffer, filename: string, limits: Partial<TableLimits> = {}): Table | TableError {
  const max: TableLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length === 0) return tableErrors.empty();
  if (bytes.length > max.maxBytes) return tableErrors.tooLarge(max.maxBytes);
  if (isZip(bytes)) return readXlsx(bytes, max);
  const known = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  if (known) return tableErrors.unsupported(known.zh, known.en);
  if (/\.xls[xm]$/i.test(filename.trim())) {
    return tableErrors.broken('文件扩展名是 .xlsx，但内容不是有效的 Excel 文件。', 'The file is named .xlsx but is not a valid Excel file.');
  }
  return readCsv(bytes, max);
}
