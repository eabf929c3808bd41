/**
 * Spreadsheet uploads (CSV in UTF-8, UTF-16 or GBK; XLSX) read into a header and data rows, with bilingual refusals
 * for what cannot be read. Framework-free: only node:zlib, no dependencies. Used by intake's hotline import.
 */
export { readTable, DEFAULT_LIMITS, isTableError } from './tabular';
export type { RowProblem, Table, TableError, TableErrorCode, TableLimits, TableRow } from './tabular';
