import { deflateRawSync } from 'node:zlib';
import { isTableError, readTable, type Table, type TableError } from './tabular';

// --- a minimal zip writer, enough to build .xlsx files by hand -------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

interface ZipFile {
  name: string;
  data: string | Buffer;
  /** pretend the entry inflates to this many bytes (a lying header) */
  declaredSize?: number;
}

function zip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data, 'utf8');
    const packed = deflateRawSync(data);
    const name = Buffer.from(file.name, 'utf8');
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(0x0800, at); // UTF-8 names
      header.writeUInt16LE(8, at + 2); // deflate
      header.writeUInt32LE(crc32(data), at + 8);
      header.writeUInt32LE(packed.length, at + 12);
      header.writeUInt32LE(file.declaredSize ?? data.length, at + 16);
      header.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central, 8);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An .xlsx whose first sheet (by workbook order) is sheet2.xml, to show the reader follows the relationships. */
function xlsx(sheetData: string, sharedStrings: string[], extra: ZipFile[] = []): Buffer {
  const si = sharedStrings.map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join('');
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="工单" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>` },
    { name: 'xl/worksheets/sheet2.xml', data: `<worksheet xmlns="${MAIN}"><dimension ref="A1:E4"/><sheetData>${sheetData}</sheetData></worksheet>` },
    { name: 'xl/sharedStrings.xml', data: `<sst xmlns="${MAIN}" count="${sharedStrings.length}">${si}</sst>` },
    ...extra,
  ]);
}

const HEADER_ROW =
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>联系电话</t></is></c></row>';
const SHARED = ['工单编号', '受理时间', '诉求内容', 'A001', '<r><t>河道</t></r><r><rPr><b/></rPr><t>有明显异味</t></r><rPh sb="0" eb="2"><t>かどう</t></rPh>'];

const table = (result: Table | TableError): Table => {
  if (isTableError(result)) throw new Error(`expected a table, got ${result.code}: ${result.en}`);
  return result;
};

describe('readTable: XLSX', () => {
  const sheet =
    HEADER_ROW +
    // B3 is skipped: the value in C3 must still land in column C.
    '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="C3" t="inlineStr"><is><t xml:space="preserve">河道有异味 &amp; 排污_x000D_\n第二行</t></is></c><c r="D3"><v>13800000000</v></c></row>' +
    '<row r="4"><c r="A4" t="str"><f>"A"&amp;"002"</f><v>A002</v></c><c r="B4" s="3"><v>46355.354166666664</v></c><c r="C4" t="s"><v>4</v></c><c r="E4" t="b"><v>1</v></c></row>' +
    '<row r="5"><c r="A5" s="1"/><c r="B5"/></row>';

  it('reads shared and inline strings, numbers, booleans and formula results into the right columns', () => {
    expect(table(readTable(xlsx(sheet, SHARED), '工单.xlsx'))).toEqual({
      header: ['工单编号', '受理时间', '诉求内容', '联系电话'],
      rows: [
        { line: 3, cells: ['A001', '', '河道有异味 & 排污\r\n第二行', '13800000000'] },
        // the date cell comes out as its serial number; rich text without the phonetic guide
        { line: 4, cells: ['A002', '46355.354166666664', '河道有明显异味', '', 'TRUE'] },
      ],
    });
  });

  it('is recognised by its content, whatever the name', () => {
    expect(table(readTable(xlsx(sheet, SHARED), 'export.csv')).header).toHaveLength(4);
  });

  it('places cells without references after the previous one', () => {
    const rows = '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c r="B2"><v>2</v></c><c><v>3</v></c></row>';
    expect(table(readTable(xlsx(rows, []), 'a.xlsx'))).toEqual({ header: ['a', 'b'], rows: [{ line: 2, cells: ['', '2', '3'] }] });
  });

  it('refuses an empty sheet, too many rows and too many columns', () => {
    expect(readTable(xlsx('', []), 'a.xlsx')).toMatchObject({ code: 'EMPTY' });
    expect(readTable(xlsx(HEADER_ROW, SHARED), 'a.xlsx')).toMatchObject({ code: 'EMPTY' });
    const many = HEADER_ROW + [2, 3, 4].map((r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`).join('');
    expect(readTable(xlsx(many, SHARED), 'a.xlsx', { maxRows: 2 })).toMatchObject({ code: 'TOO_MANY_ROWS' });
    expect(readTable(xlsx('<row r="1"><c r="XFD1"><v>1</v></c></row>', []), 'a.xlsx')).toMatchObject({ code: 'TOO_MANY_ROWS', en: expect.stringContaining('columns') });
  });

  it('stops a zip bomb: the inflated total is capped, and an entry may not inflate past its declared size', () => {
    const bomb = xlsx(HEADER_ROW, SHARED, [{ name: 'xl/media/zeros.bin', data: Buffer.alloc(5_000_000) }]);
    expect(bomb.length).toBeLessThan(20_000);
    // the extra part is never read, so the file itself is fine; a bomb in a part we read is not
    expect(readTable(bomb, 'a.xlsx')).toMatchObject({ code: 'EMPTY' });
    const padded = `${HEADER_ROW}<row r="2"><c r="A2"><v>1</v></c></row>${' '.repeat(300_000)}`;
    expect(readTable(xlsx(padded, SHARED), 'a.xlsx', { maxInflatedBytes: 100_000 })).toMatchObject({ code: 'TOO_MANY_ROWS' });
    const lying = zip([
      { name: 'xl/workbook.xml', data: `<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>` },
      { name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(100_000), declaredSize: 100 },
    ]);
    expect(readTable(lying, 'a.xlsx')).toMatchObject({ code: 'BROKEN_FILE' });
  });

  it('refuses a zip that is not a workbook, and a damaged one', () => {
    const docx = zip([{ name: 'word/document.xml', data: '<document/>' }]);
    expect(readTable(docx, 'a.xlsx')).toMatchObject({ code: 'UNSUPPORTED_FILE' });
    const cut = xlsx(HEADER_ROW, SHARED).subarray(0, 200);
    expect(readTable(cut, 'a.xlsx')).toMatchObject({ code: 'BROKEN_FILE' });
    const badIndex = '<row r="1"><c r="A1" t="s"><v>99</v></c></row>';
    expect(readTable(xlsx(badIndex, SHARED), 'a.xlsx')).toMatchObject({ code: 'BROKEN_FILE' });
    expect(readTable(xlsx('<row r="1"><c r="A1"><v>1</v></c>', []), 'a.xlsx')).toMatchObject({ code: 'BROKEN_FILE' });
  });

  it('keeps an out-of-range character reference as text instead of failing on it', () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&#99999999;&#x4E2D;</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>';
    expect(table(readTable(xlsx(rows, []), 'a.xlsx')).header).toEqual(['&#99999999;中']);
  });
});
