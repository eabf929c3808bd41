import { isTableError, readTable, type Table, type TableError } from './tabular';

const table = (result: Table | TableError): Table => {
  if (isTableError(result)) throw new Error(`expected a table, got ${result.code}: ${result.en}`);
  return result;
};
const refusal = (result: Table | TableError): TableError => {
  if (!isTableError(result)) throw new Error('expected a refusal');
  return result;
};
const utf8 = (text: string) => Buffer.from(text, 'utf8');

// GBK bytes for the few characters the tests use (what Excel on a Chinese Windows writes for "CSV").
const GBK: Record<string, string> = {
  工: 'b9a4', 单: 'b5a5', 编: 'b1e0', 号: 'bac5', 受: 'cadc', 理: 'c0ed', 时: 'cab1', 间: 'bce4', 诉: 'cbdf', 求: 'c7f3',
  内: 'c4da', 容: 'c8dd', 河: 'bad3', 道: 'b5c0', 有: 'd3d0', 异: 'd2ec', 味: 'ceb6', 排: 'c5c5', 污: 'cedb',
};
const gbk = (text: string) =>
  Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch, 'latin1') : Buffer.from(GBK[ch], 'hex'))));

const CSV = '工单编号,受理时间,诉求内容\r\nA001,2026-11-29 08:30,河道有异味排污\r\n';
const EXPECTED = { header: ['工单编号', '受理时间', '诉求内容'], rows: [{ line: 2, cells: ['A001', '2026-11-29 08:30', '河道有异味排污'] }] };

describe('readTable: CSV encodings', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(table(readTable(utf8(CSV), 'a.csv'))).toEqual(EXPECTED);
    expect(table(readTable(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(CSV)]), 'a.csv'))).toEqual(EXPECTED);
  });

  it('reads GBK (Excel on a Chinese Windows)', () => {
    const bytes = gbk(CSV);
    expect(bytes.subarray(0, 2).toString('hex')).toBe('b9a4'); // really GBK, not UTF-8
    expect(table(readTable(bytes, 'export.csv'))).toEqual(EXPECTED);
  });

  it('reads UTF-16 with a BOM, little and big endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(table(readTable(le, 'a.csv'))).toEqual(EXPECTED);
    expect(table(readTable(be, 'a.csv'))).toEqual(EXPECTED);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(refusal(readTable(Buffer.from([0x41, 0x2c, 0xff, 0xfe, 0x0a, 0x42, 0x2c, 0x43]), 'a.csv')).code).toBe('BAD_ENCODING');
  });

  it('refuses a UTF-8 file with a damaged byte rather than reading it as GBK mojibake', () => {
    const bytes = utf8(`${CSV}A002,2026-11-29 09:00,河道有异味排污河道有异味排污河道有异味排污\n`);
    bytes[bytes.length - 3] = 0xff;
    expect(refusal(readTable(bytes, 'a.csv'))).toMatchObject({ code: 'BAD_ENCODING', en: expect.stringContaining('UTF-8') });
  });
});

describe('readTable: CSV records', () => {
  it('keeps quoted commas, escaped quotes and line breaks; a record is numbered by the line it starts on', () => {
    const csv = 'a,b,c\n1,"x, y","he said ""hi"""\r\n2,"first\r\nsecond\nthird",z\n3,plain,"q"\n';
    expect(table(readTable(utf8(csv), 'a.csv')).rows).toEqual([
      { line: 2, cells: ['1', 'x, y', 'he said "hi"'] },
      { line: 3, cells: ['2', 'first\nsecond\nthird', 'z'] },
      { line: 6, cells: ['3', 'plain', 'q'] },
    ]);
  });

  it('reads a last line without a line break, skips blank lines and Excel trailing ",,," lines', () => {
    const csv = 'a,b\n\n1,2\n,,\n3,4';
    expect(table(readTable(utf8(csv), 'a.csv')).rows).toEqual([
      { line: 3, cells: ['1', '2'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('reports an unterminated quote as a problem of that record and reads on from the next line', () => {
    const csv = 'a,b\n1,ok\n2,"never closed\n3,after\n';
    expect(table(readTable(utf8(csv), 'a.csv')).rows).toEqual([
      { line: 2, cells: ['1', 'ok'] },
      { line: 3, cells: [], error: expect.objectContaining({ en: expect.stringContaining('Unterminated quote') }) },
      { line: 4, cells: ['3', 'after'] },
    ]);
  });

  it('refuses a header row with an unterminated quote as a broken file', () => {
    expect(refusal(readTable(utf8('a,"b\n1,2\n'), 'a.csv')).code).toBe('BROKEN_FILE');
  });

  it('reads tab-separated exports', () => {
    expect(table(readTable(utf8('工单编号\t诉求内容\nA1\t有, 逗号\n'), 'export.xls')).rows).toEqual([{ line: 2, cells: ['A1', '有, 逗号'] }]);
  });
});

describe('readTable: refusals', () => {
  it('refuses an empty file, a blank one and one with only a header', () => {
    expect(refusal(readTable(Buffer.alloc(0), 'a.csv')).code).toBe('EMPTY');
    expect(refusal(readTable(utf8(' \r\n\n'), 'a.csv')).code).toBe('EMPTY');
    expect(refusal(readTable(utf8('工单编号,受理时间\n'), 'a.csv'))).toMatchObject({ code: 'EMPTY', en: expect.stringContaining('no data rows') });
  });

  it('refuses a PNG renamed .csv, saying which formats are accepted', () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32, 7)]);
    const error = refusal(readTable(png, 'report.csv'));
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.zh).toContain('CSV（UTF-8 或 GBK 编码）或 Excel .xlsx');
    expect(error.en).toContain('CSV file (UTF-8 or GBK) or an Excel .xlsx');
  });

  it('refuses an old .xls (BIFF in an OLE2 container) and unknown binary content', () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    expect(refusal(readTable(xls, '导出.xls'))).toMatchObject({ code: 'UNSUPPORTED_FILE', en: expect.stringContaining('.xls') });
    const binary = Buffer.from([0x01, 0x02, 0x03, 0x00, 0x10, 0x41, 0x42, 0x0a, 0x00]);
    expect(refusal(readTable(binary, 'a.csv')).code).toBe('UNSUPPORTED_FILE');
  });

  it('refuses a web-page "Excel" export and a non-zip file named .xlsx', () => {
    expect(refusal(readTable(utf8('<html><table><tr><td>工单编号</td></tr></table></html>'), 'a.xls')).code).toBe('UNSUPPORTED_FILE');
    expect(refusal(readTable(utf8(CSV), 'a.xlsx')).code).toBe('BROKEN_FILE');
  });

  it('refuses files over the size or row limit', () => {
    expect(refusal(readTable(utf8(CSV), 'a.csv', { maxBytes: 10 })).code).toBe('TOO_MANY_ROWS');
    const rows = Array.from({ length: 4 }, (_, i) => `A${i},2026-11-29 08:30,描述描述描述`).join('\n');
    expect(table(readTable(utf8(`h1,h2,h3\n${rows}`), 'a.csv', { maxRows: 4 })).rows).toHaveLength(4);
    expect(refusal(readTable(utf8(`h1,h2,h3\n${rows}`), 'a.csv', { maxRows: 3 }))).toMatchObject({ code: 'TOO_MANY_ROWS', en: expect.stringContaining('3 data rows') });
  });
});
