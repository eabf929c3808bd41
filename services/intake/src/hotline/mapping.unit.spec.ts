import { isTableError, readTable, type Table } from '@qingyuan/tabular';
import { categoryFromLabel, parsePhone, parseReceivedAt } from './fields';
import { defaultMappings, mapRows, type ColumnMapping } from './mapping';

const HEADER = ['工单编号', '受理时间', '诉求内容', '问题类别', '事发地址', '来电人', '联系电话', '所属镇街', '纬度', '经度'];
const MAPPING: ColumnMapping = { ...defaultMappings['hotline-12345'], lat: '纬度', lng: '经度' };

/** A table as readTable would give it; rows start on line 2. */
const tableOf = (...rows: string[][]): Table => ({ header: HEADER, rows: rows.map((cells, i) => ({ line: i + 2, cells })) });
const row = (overrides: Partial<Record<(typeof HEADER)[number], string>> = {}) => {
  const base: Record<string, string> = {
    工单编号: 'GD2026112900001',
    受理时间: '2026-11-29 08:30',
    诉求内容: '  夜间有工厂向河道排放污水，气味刺鼻  ',
    问题类别: '生态环境-水污染',
    事发地址: '义乌市稠城街道某某路 88 号',
    来电人: '张先生',
    联系电话: '13800000000',
    所属镇街: '稠城街道',
    纬度: '',
    经度: '',
  };
  return HEADER.map((h) => overrides[h] ?? base[h]);
};

describe('mapRows', () => {
  it('turns a good row into a hotline row', () => {
    expect(mapRows(tableOf(row({ 纬度: '29.3068', 经度: '120.0751' })), MAPPING, 'hotline-12345')).toEqual({
      good: [
        {
          line: 2,
          channel: 'hotline-12345',
          ticketNumber: 'GD2026112900001',
          receivedAt: '2026-11-29T00:30:00.000Z',
          description: '夜间有工厂向河道排放污水，气味刺鼻',
          category: 'water',
          address: '义乌市稠城街道某某路 88 号',
          lat: 29.3068,
          lng: 120.0751,
          townName: '稠城街道',
          reporter: { name: '张先生', phone: '13800000000' },
        },
      ],
      bad: [],
    });
  });

  it('leaves out what the file does not give', () => {
    const { good } = mapRows(tableOf(row({ 事发地址: '', 来电人: '', 联系电话: '', 所属镇街: '', 问题类别: '' })), MAPPING, 'hotline-12369');
    expect(good).toEqual([expect.not.objectContaining({ address: expect.anything(), reporter: expect.anything(), townName: expect.anything() })]);
    expect(good[0]).toMatchObject({ category: 'other', channel: 'hotline-12369' });
  });

  it('fails the whole file once per mapped header that is missing, at line 1', () => {
    const result = mapRows(tableOf(row()), { ...MAPPING, receivedAt: '来电时间', reporterPhone: '电话号码' }, 'hotline-12345');
    expect(result.good).toEqual([]);
    expect(result.bad).toEqual([
      expect.objectContaining({ line: 1, field: 'receivedAt', zh: expect.stringContaining('来电时间') }),
      expect.objectContaining({ line: 1, field: 'reporterPhone', en: expect.stringContaining('电话号码') }),
    ]);
  });

  it('matches headers regardless of spaces and full-width forms', () => {
    const table: Table = { header: [' 工单编号 ', '受理时间', '诉求内容（详细）'], rows: [{ line: 2, cells: ['A1', '2026-11-29 08:30', '河道排污严重'] }] };
    const mapped = mapRows(table, { ticketNumber: '工单编号', receivedAt: '受理时间', description: '诉求内容(详细)' }, 'hotline-12345');
    expect(mapped.good).toHaveLength(1);
  });

  it('rejects a too-short or too-long description, a bad phone and a masked one, without echoing the number', () => {
    const { good, bad } = mapRows(
      tableOf(
        row({ 工单编号: 'A1', 诉求内容: ' 有味 ' }),
        row({ 工单编号: 'A2', 诉求内容: '污'.repeat(2001) }),
        row({ 工单编号: 'A3', 联系电话: '12345' }),
        row({ 工单编号: 'A4', 联系电话: '138****0000' }),
        row({ 工单编号: 'A5', 联系电话: '0579-8555 1234', 诉求内容: '污'.repeat(2000) }),
      ),
      MAPPING,
      'hotline-12345',
    );
    expect(bad.map((e) => [e.line, e.field])).toEqual([
      [2, 'description'],
      [3, 'description'],
      [4, 'reporterPhone'],
      [5, 'reporterPhone'],
    ]);
    expect(bad[3].en).toContain('masked');
    expect(bad[2].zh).not.toContain('12345');
    expect(good.map((r) => r.reporter?.phone)).toEqual(['0579-85551234']);
  });

  it('makes the second row with a ticket number a bad row', () => {
    const { good, bad } = mapRows(tableOf(row({ 工单编号: 'A1' }), row({ 工单编号: 'A2' }), row({ 工单编号: 'A1' })), MAPPING, 'hotline-12345');
    expect(good.map((r) => r.line)).toEqual([2, 3]);
    expect(bad).toEqual([expect.objectContaining({ line: 4, field: 'ticketNumber', en: 'Ticket number A1 repeats line 2' })]);
  });

  it('reports every problem of a row, and checks coordinates come in range and in pairs', () => {
    const { bad } = mapRows(
      tableOf(row({ 工单编号: '', 受理时间: '昨天上午', 纬度: '120.07', 经度: '29.30' }), row({ 工单编号: 'B2', 纬度: '29.3' })),
      MAPPING,
      'hotline-12345',
    );
    expect(bad.map((e) => [e.line, e.field])).toEqual([
      [2, 'ticketNumber'],
      [2, 'receivedAt'],
      [2, 'lat'],
      [3, 'lng'],
    ]);
  });

  it('reports a record the reader could not parse, by its line', () => {
    const table: Table = { header: HEADER, rows: [{ line: 7, cells: [], error: { zh: '引号未闭合', en: 'Unterminated quote' } }] };
    expect(mapRows(table, MAPPING, 'hotline-12345').bad).toEqual([{ line: 7, field: 'row', zh: '引号未闭合', en: 'Unterminated quote' }]);
  });

  it('works end to end from a UTF-8 CSV with a multi-line description', () => {
    const csv = `${HEADER.join(',')}\n"A1","2026/11/29 8:30:00","夜里排污，\n早上又排",扬尘,,,,,,\nA2,2026-11-31 08:00,描述足够长了,,,,,,,\n`;
    const table = readTable(Buffer.from(csv), '12345.csv');
    if (isTableError(table)) throw new Error(table.en);
    const { good, bad } = mapRows(table, MAPPING, 'hotline-12345');
    expect(good).toEqual([expect.objectContaining({ line: 2, description: '夜里排污，\n早上又排', category: 'air', receivedAt: '2026-11-29T00:30:00.000Z' })]);
    expect(bad).toEqual([expect.objectContaining({ line: 4, field: 'receivedAt' })]);
  });

  it('turns an XLSX serial date into a received time', () => {
    // What readTable gives for an .xlsx whose date cell holds a serial number (see libs/tabular/src/xlsx.unit.spec.ts).
    const fromXlsx: Table = {
      header: ['工单编号', '受理时间', '诉求内容', '联系电话'],
      rows: [
        { line: 3, cells: ['A001', '', '河道有异味 & 排污\r\n第二行', '13800000000'] },
        { line: 4, cells: ['A002', '46355.354166666664', '河道有明显异味', '', 'TRUE'] },
      ],
    };
    const mapped = mapRows(fromXlsx, { ticketNumber: '工单编号', receivedAt: '受理时间', description: '诉求内容' }, 'hotline-12345');
    expect(mapped.good.map((r) => [r.line, r.receivedAt])).toEqual([[4, '2026-11-29T00:30:00.000Z']]);
    expect(mapped.bad).toEqual([expect.objectContaining({ line: 3, field: 'receivedAt' })]);
  });
});

describe('parseReceivedAt', () => {
  it.each([
    ['2026-11-29 08:30', '2026-11-29T00:30:00.000Z'],
    ['2026/11/29 8:30:00', '2026-11-29T00:30:00.000Z'],
    ['2026-11-29', '2026-11-28T16:00:00.000Z'],
    ['2026-11-29T08:30:00', '2026-11-29T00:30:00.000Z'],
    ['2026-11-29T08:30:00+08:00', '2026-11-29T00:30:00.000Z'],
    ['2026-11-29T00:30:00.250Z', '2026-11-29T00:30:00.250Z'],
    ['2026-11-29T02:30:00+0200', '2026-11-29T00:30:00.000Z'],
    ['２０２６/１１/２９ ０８：３０', '2026-11-29T00:30:00.000Z'],
    ['46355.354166666664', '2026-11-29T00:30:00.000Z'],
    ['46355', '2026-11-28T16:00:00.000Z'],
  ])('reads %s (no zone = Asia/Shanghai)', (text, iso) => {
    expect(parseReceivedAt(text)).toBe(iso);
  });

  it.each(['', '昨天', '2026-13-01 08:00', '2026-02-30', '2026-11-29 24:00', '20261129', '1899-12-31', '12', '2026-11-29 8:3'])('refuses %p', (text) => {
    expect(parseReceivedAt(text)).toBeUndefined();
  });
});

describe('categoryFromLabel', () => {
  it.each([
    ['水污染', 'water'],
    ['工业废水', 'water'],
    ['生态环境-大气污染-餐饮油烟', 'air'],
    ['废气', 'air'],
    ['工地扬尘', 'air'],
    ['异味', 'air'],
    ['生态环境-噪声', 'noise'],
    ['固废', 'solid-waste'],
    ['生活垃圾', 'solid-waste'],
    ['危废', 'hazardous-waste'],
    ['危险废物', 'hazardous-waste'],
    ['土壤污染', 'soil'],
    ['电磁辐射', 'radiation'],
    ['生态破坏', 'ecological'],
    ['饮用水水源保护区', 'drinking-water-source'],
    ['noise', 'noise'],
    ['交通拥堵', 'other'],
    ['', 'other'],
  ])('%s → %s', (label, code) => {
    expect(categoryFromLabel(label)).toBe(code);
  });
});

describe('parsePhone', () => {
  it.each([
    ['13800000000', '13800000000'],
    ['+86 138 0000 0000', '13800000000'],
    ['138-0000-0000', '13800000000'],
    ['0579-85551234', '0579-85551234'],
    ['057985551234', '057985551234'],
    ['010-12345678', '010-12345678'],
  ])('accepts %s', (text, phone) => {
    expect(parsePhone(text)).toEqual({ phone });
  });

  it.each(['12800000000', '1380000000', '85551234', '0579-123', 'abc'])('refuses %s', (text) => {
    expect(parsePhone(text)).toEqual({ problem: 'invalid' });
  });
});
