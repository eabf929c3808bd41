import ExcelJS from 'exceljs';
import { problemListWorkbook, type ExportHeading, type ProblemListRow } from './problem-list-workbook';

const HEADERS = ['编号', '问题描述', '来源渠道', '镇街', '牵头部门', '配合部门', '责任人', '整改措施', '整改时限', '状态', '销号日期'];

const heading: ExportHeading = {
  title: '义乌市生态环境问题清单',
  // 17:30 UTC is already the next day in Beijing.
  generatedAt: new Date('2026-11-28T17:30:00Z'),
  filters: '镇街：稠城街道；状态：整改中',
};

const closed: ProblemListRow = {
  number: 'YW-2026-000123',
  description: '稠城街道某小区旁河道出现黑臭水体，\n疑似有企业偷排',
  channel: '群众网上举报',
  town: '稠城街道',
  leadDepartment: '金华市生态环境局义乌分局',
  cooperatingDepartments: ['市综合行政执法局', '市住房和城乡建设局'],
  responsiblePerson: '王五',
  measures: '封堵排口，清淤',
  deadline: '2026-12-31',
  status: '已销号',
  overdue: false,
  closedOn: '2026-01-01',
};
const overdue: ProblemListRow = {
  ...closed,
  number: 'YW-2026-000124',
  description: '=HYPERLINK("http://x")',
  cooperatingDepartments: [],
  deadline: '2026-11-01',
  status: '整改中',
  overdue: true,
  closedOn: null,
};
const unassigned: ProblemListRow = {
  number: 'YW-2026-000125',
  description: '夜间异味',
  channel: '12345热线',
  town: null,
  leadDepartment: null,
  cooperatingDepartments: [],
  responsiblePerson: null,
  measures: null,
  deadline: null,
  status: '待交办',
  overdue: false,
  closedOn: null,
};

// exceljs types load()'s argument as its own Buffer (an ArrayBuffer), which Node's Buffer no longer matches; it reads
// Node Buffers fine at run time.
async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook;
}

async function sheetOf(rows: ProblemListRow[]): Promise<ExcelJS.Worksheet> {
  const workbook = await read(await problemListWorkbook(rows, heading));
  const sheet = workbook.getWorksheet('问题清单');
  if (!sheet) throw new Error('no 问题清单 sheet');
  return sheet;
}

const values = (row: ExcelJS.Row) => HEADERS.map((_, i) => row.getCell(i + 1).value);
const utcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

describe('problem list workbook (问题清单)', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = await sheetOf([closed, overdue, unassigned]);
  });

  it('has a merged bold title, the Beijing export time and the filters, then the header row', () => {
    expect(sheet.getCell('A1').value).toBe('义乌市生态环境问题清单');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('K1').isMerged && sheet.getCell('K1').master.address).toBe('A1');
    expect(sheet.getCell('A2').value).toBe('导出时间：2026-11-29 01:30（北京时间）');
    expect(sheet.getCell('C2').value).toBe('筛选条件：镇街：稠城街道；状态：整改中');
    expect(values(sheet.getRow(3))).toEqual(HEADERS);
    expect(sheet.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(3).getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.rowCount).toBe(6);
  });

  it('writes one row per problem, with empty cells for what is not known yet', () => {
    expect(values(sheet.getRow(4))).toEqual([
      'YW-2026-000123',
      '稠城街道某小区旁河道出现黑臭水体，\n疑似有企业偷排',
      '群众网上举报',
      '稠城街道',
      '金华市生态环境局义乌分局',
      '市综合行政执法局、市住房和城乡建设局',
      '王五',
      '封堵排口，清淤',
      utcDay('2026-12-31'),
      '已销号',
      utcDay('2026-01-01'),
    ]);
    expect(values(sheet.getRow(6))).toEqual(['YW-2026-000125', '夜间异味', '12345热线', null, null, null, null, null, null, '待交办', null]);
    expect(sheet.getRow(4).getCell(2).alignment?.wrapText).toBe(true);
    expect(sheet.getRow(4).getCell(8).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
  });

  it('writes deadlines and close-out days as date cells on the same calendar day, whatever the time zone', () => {
    for (const [cell, day] of [
      [sheet.getRow(4).getCell(9), '2026-12-31'],
      [sheet.getRow(4).getCell(11), '2026-01-01'],
      [sheet.getRow(5).getCell(9), '2026-11-01'],
    ] as const) {
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect(cell.numFmt).toBe('yyyy-mm-dd');
      // A whole serial number reads back as exactly UTC midnight; a day written at Beijing or local midnight would not.
      expect((cell.value as Date).toISOString()).toBe(`${day}T00:00:00.000Z`);
    }
  });

  it('shows an overdue problem’s status in red, and only that one', () => {
    expect(sheet.getRow(5).getCell(10).font?.color?.argb).toBe('FFFF0000');
    expect(sheet.getRow(4).getCell(10).font?.color?.argb).toBeUndefined();
  });

  it('keeps formula-like text as text, exactly as written', async () => {
    const risky = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '=1+1'];
    const rows = risky.map((description, i) => ({ ...unassigned, number: `YW-2026-00020${i}`, description, measures: description }));
    const formulaSheet = await sheetOf(rows);
    risky.forEach((description, i) => {
      for (const cell of [formulaSheet.getRow(4 + i).getCell(2), formulaSheet.getRow(4 + i).getCell(8)]) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
        expect(cell.value).toBe(description);
      }
    });
    // A carriage return comes back as a line feed, as XML reads it anyway; still text.
    const cr = await sheetOf([{ ...unassigned, description: '\r=1+1' }]);
    expect(cr.getRow(4).getCell(2).value).toBe('\n=1+1');
    expect(sheet.getRow(5).getCell(2).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(5).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it('drops characters that would make the file unreadable', async () => {
    const broken = await sheetOf([{ ...unassigned, description: `异味\uD800严重\u0001\uFFFF` }]);
    expect(broken.getRow(4).getCell(2).value).toBe('异味严重');
  });

  it('refuses a day that is not YYYY-MM-DD rather than writing a wrong one', async () => {
    await expect(problemListWorkbook([{ ...unassigned, deadline: '2026-02-30' }], heading)).rejects.toThrow('2026-02-30');
  });

  it('writes 50,000 rows in a few seconds', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({
      ...closed,
      number: `YW-2026-${String(i).padStart(6, '0')}`,
      description: `${closed.description}（第${i}件）`,
      overdue: i % 7 === 0,
    }));
    const started = performance.now();
    const buffer = await problemListWorkbook(rows, heading);
    const ms = performance.now() - started;
    console.log(`problem list: 50,000 rows in ${Math.round(ms)} ms, ${(buffer.length / 1e6).toFixed(1)} MB`);
    expect(ms).toBeLessThan(15_000);

    const written = (await read(buffer)).getWorksheet('问题清单');
    expect(written?.rowCount).toBe(50_003);
    expect(written?.getRow(50_003).getCell(1).value).toBe('YW-2026-049999');
  });
});
