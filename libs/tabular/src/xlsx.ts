import { tableErrors, toTable, type Table, type TableError, type TableLimits, type TableRow } from './table';
import { attributes, elements, firstElement, richText, unescapeXml, XmlBroken } from './xml';
import { readEntry, zipEntries, ZipBroken, ZipTooLarge, type ZipEntry } from './zip';

/**
 * A minimal .xlsx reader: the first visible sheet's cell values as text. Shared strings, inline strings, numbers,
 * booleans (TRUE/FALSE), formula results and error values (#N/A) are read; styles are not, so a date comes out as
 * its serial number (e.g. "46355.3541666667") and number formats are not applied. mapRows understands serial dates.
 */
export function readXlsx(bytes: Buffer, limits: TableLimits): Table | TableError {
  try {
    return readWorkbook(bytes, limits);
  } catch (e) {
    if (e instanceof ZipTooLarge) return tableErrors.inflatedTooLarge();
    if (e instanceof ZipBroken || e instanceof XmlBroken) return broken();
    throw e;
  }
}

const broken = () => tableErrors.broken('Excel 文件已损坏或无法读取，请在 Excel 中打开后重新保存为 .xlsx。', 'The Excel file is damaged or cannot be read; open it in Excel and save it again as .xlsx.');

class TooManyColumns extends Error {}
class TooManyRows extends Error {}

function readWorkbook(bytes: Buffer, limits: TableLimits): Table | TableError {
  const entries = zipEntries(bytes);
  // A zip without a workbook is another kind of document (.docx, .ods, an archive).
  if (!entries.has('xl/workbook.xml')) return tableErrors.unsupported('（压缩包或其他文档，不是 Excel 工作簿）', ' (an archive or another kind of document, not an Excel workbook)');

  let budget = limits.maxInflatedBytes;
  const part = (name: string): string | undefined => {
    const entry: ZipEntry | undefined = entries.get(name.toLowerCase());
    if (!entry) return undefined;
    const data = readEntry(bytes, entry, budget);
    budget -= data.length;
    return data.toString('utf8').replace(/^\uFEFF/, '');
  };

  const rels = relationships(part('xl/_rels/workbook.xml.rels') ?? '');
  const sheetPath = firstSheetPath(part('xl/workbook.xml')!, rels);
  const sharedPath = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type))?.target ?? 'xl/sharedStrings.xml';
  const shared = sharedStrings(part(sharedPath) ?? '');
  const sheet = part(sheetPath);
  if (sheet === undefined) return broken();
  try {
    return toTable(sheetRows(sheet, shared, limits));
  } catch (e) {
    if (e instanceof TooManyColumns) return tableErrors.tooManyColumns(limits.maxColumns);
    if (e instanceof TooManyRows) return tableErrors.tooManyRows(limits.maxRows);
    throw e;
  }
}

interface Relationship {
  type: string;
  target: string;
}

/** Relationship targets resolved against xl/ (the folder of workbook.xml). */
function relationships(xml: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const rel of elements(xml, 'Relationship')) {
    const a = attributes(rel.attrs);
    if (!a.Id || !a.Target || a.TargetMode === 'External') continue;
    const parts = a.Target.startsWith('/') ? a.Target.slice(1).split('/') : ['xl', ...a.Target.split('/')];
    const path: string[] = [];
    for (const p of parts) {
      if (p === '..') path.pop();
      else if (p !== '.' && p !== '') path.push(p);
    }
    out.set(a.Id, { type: a.Type ?? '', target: path.join('/') });
  }
  return out;
}

/** The first sheet a user would see: the first in workbook order that is not hidden. */
function firstSheetPath(workbook: string, rels: Map<string, Relationship>): string {
  const sheets = [...elements(workbook, 'sheet')].map((e) => attributes(e.attrs));
  const visible = sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0];
  return (visible?.id && rels.get(visible.id)?.target) || 'xl/worksheets/sheet1.xml';
}

function sharedStrings(xml: string): string[] {
  return [...elements(xml, 'si')].map((e) => richText(e.inner));
}

/** "C7" → column 2 (0-based); undefined when it is not a cell reference. */
function columnOf(ref: string): number | undefined {
  const m = /^\$?([A-Z]{1,3})\$?\d+$/i.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

function cellText(type: string | undefined, inner: string, shared: string[]): string {
  const v = firstElement(inner, 'v')?.inner;
  switch (type) {
    case 's': {
      if (!v?.trim()) return '';
      const index = Number(v);
      if (!(Number.isInteger(index) && index >= 0 && index < shared.length)) throw new XmlBroken(`no shared string ${v}`);
      return shared[index];
    }
    case 'inlineStr': {
      const is = firstElement(inner, 'is');
      return is ? richText(is.inner) : unescapeXml(v ?? '');
    }
    case 'b':
      return v === undefined ? '' : v.trim() === '1' ? 'TRUE' : 'FALSE';
    default:
      // n (number, also dates), str (formula text), e (error), d (ISO date): the cached value as written.
      return unescapeXml(v ?? '');
  }
}

/**
 * Rows of the sheet as records, `line` = the sheet's row number. Rows and cells without an `r` attribute follow
 * the previous one, as the format allows.
 */
function sheetRows(sheet: string, shared: string[], limits: TableLimits): TableRow[] {
  const data = firstElement(sheet, 'sheetData')?.inner ?? '';
  const records: TableRow[] = [];
  let rowNumber = 0;
  let counted = 0;
  for (const row of elements(data, 'row')) {
    const r = Number(attributes(row.attrs).r);
    rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
    const cells: string[] = [];
    let col = -1;
    for (const c of elements(row.inner, 'c')) {
      const a = attributes(c.attrs);
      col = (a.r ? columnOf(a.r) : undefined) ?? col + 1;
      if (col >= limits.maxColumns) throw new TooManyColumns();
      const text = cellText(a.t, c.inner, shared);
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    if (cells.some((c) => c.trim() !== '') && ++counted > limits.maxRows + 1) throw new TooManyRows();
    records.push({ line: rowNumber, cells });
  }
  return records;
}
