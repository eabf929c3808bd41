import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** One problem as the problem list (问题清单) shows it: labels already in Chinese, days as 'YYYY-MM-DD'. */
export interface ProblemListRow {
  number: string;
  description: string;
  channel: string;
  town: string | null;
  leadDepartment: string | null;
  cooperatingDepartments: string[];
  responsiblePerson: string | null;
  measures: string | null;
  deadline: string | null;
  status: string;
  overdue: boolean;
  closedOn: string | null;
}

export interface ExportHeading {
  title: string;
  generatedAt: Date;
  /** Chinese summary of the filters, e.g. '镇街：稠城街道；状态：整改中'; empty for the whole list. */
  filters: string;
}

type Cell = string | Date | null;

// Widths are in Excel's character units, where a Chinese character takes about two.
const COLUMNS: { header: string; width: number; wrap?: boolean; date?: boolean; cell: (r: ProblemListRow) => Cell }[] = [
  { header: '编号', width: 18, cell: (r) => r.number },
  { header: '问题描述', width: 48, wrap: true, cell: (r) => r.description },
  { header: '来源渠道', width: 16, cell: (r) => r.channel },
  { header: '镇街', width: 13, cell: (r) => r.town },
  { header: '牵头部门', width: 26, cell: (r) => r.leadDepartment },
  { header: '配合部门', width: 30, wrap: true, cell: (r) => r.cooperatingDepartments.join('、') },
  { header: '责任人', width: 10, cell: (r) => r.responsiblePerson },
  { header: '整改措施', width: 40, wrap: true, cell: (r) => r.measures },
  { header: '整改时限', width: 12, date: true, cell: (r) => excelDay(r.deadline) },
  { header: '状态', width: 10, cell: (r) => r.status },
  { header: '销号日期', width: 12, date: true, cell: (r) => excelDay(r.closedOn) },
];
const STATUS = COLUMNS.findIndex((c) => c.header === '状态');
const HEADER_ROW = 3;

// exceljs caches a style's id by object identity, so every cell of a kind shares one object: that is what keeps
// 50,000 rows fast. Styles are only ever assigned whole, never changed through cell.font etc., which would mutate them.
const top = { vertical: 'top' } as const;
const STYLE = {
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } },
  meta: { font: { color: { argb: 'FF595959' } }, alignment: { vertical: 'middle' } },
  header: {
    font: { bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  text: { alignment: top },
  wrapped: { alignment: { ...top, wrapText: true } },
  date: { numFmt: 'yyyy-mm-dd', alignment: top },
  overdue: { font: { color: { argb: 'FFFF0000' } }, alignment: top },
} satisfies Record<string, Partial<ExcelJS.Style>>;
const columnStyle = COLUMNS.map((c) => (c.date ? STYLE.date : c.wrap ? STYLE.wrapped : STYLE.text));

/**
 * The problem list as an .xlsx file: a title, the export time and filters, a header row and one row per problem.
 * Written with exceljs's streaming writer (each row goes to the zip as it is committed), so 50,000 rows take seconds.
 */
export async function problemListWorkbook(rows: ProblemListRow[], heading: ExportHeading): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));

  // Shared strings: every text cell is written as t="s", an index into the string table. Excel (and WPS, LibreOffice)
  // only ever evaluates a <f> element, so '=HYPERLINK(…)', '+1', '-1', '@SUM(…)' stay plain text, shown exactly as
  // written. Typing a leading ' in Excel stores just this, a text cell (plus a quotePrefix flag exceljs cannot write);
  // a literal ' in the text would instead show in the cell and change the data. This module never writes a formula.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('问题清单', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
  });
  sheet.columns = COLUMNS.map(({ width }) => ({ width }));

  const title = sheet.addRow([text(heading.title)]);
  title.height = 30;
  title.getCell(1).style = STYLE.title;
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  title.commit();

  const meta = sheet.addRow([]);
  meta.height = 20;
  meta.getCell(1).value = `导出时间：${beijingMinute(heading.generatedAt)}（北京时间）`;
  meta.getCell(3).value = text(`筛选条件：${heading.filters.trim() || '全部'}`);
  meta.getCell(1).style = STYLE.meta;
  meta.getCell(3).style = STYLE.meta;
  sheet.mergeCells(2, 1, 2, 2);
  sheet.mergeCells(2, 3, 2, COLUMNS.length);
  meta.commit();

  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.height = 22;
  for (let i = 1; i <= COLUMNS.length; i++) header.getCell(i).style = STYLE.header;
  header.commit();

  for (const r of rows) {
    const row = sheet.addRow(COLUMNS.map((c) => cellValue(c.cell(r))));
    for (let i = 0; i < COLUMNS.length; i++) row.getCell(i + 1).style = columnStyle[i];
    if (r.overdue) row.getCell(STATUS + 1).style = STYLE.overdue;
    row.commit();
  }

  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A calendar day as Excel stores it: a whole serial number, which exceljs makes from a Date at UTC midnight. */
function excelDay(day: string | null): Date | null {
  if (!day) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const date = match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  if (!date || date.toISOString().slice(0, 10) !== day) throw new Error(`not a calendar day (YYYY-MM-DD): ${day}`);
  return date;
}

/** 'YYYY-MM-DD HH:mm' in Beijing time (UTC+8, no daylight saving), whatever the server's time zone. */
function beijingMinute(at: Date): string {
  const iso = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function cellValue(value: Cell): Cell {
  return typeof value === 'string' ? text(value) : value;
}

// Excel refuses a cell longer than this and "repairs" the file; reports should never get near it.
const MAX_CELL_TEXT = 32_767;
// exceljs drops the control characters XML forbids but not lone surrogates or U+FFFE/U+FFFF, which would make
// the whole file unreadable; one bad character in a public report must not break everyone's export.
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

function text(value: string | null): string | null {
  if (!value) return null;
  // XML turns a lone CR into LF when read anyway; Excel breaks lines on LF.
  const clean = value.replace(NOT_XML, '').replace(/\r\n?/g, '\n');
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1).replace(NOT_XML, '')}…` : clean;
}
