import * as iconv from 'iconv-lite';
import { csvToGrid, decodeCsv, parseCsv, readCsvBuffer } from '../../src/cli/read-csv';
import { csvTextToGrid, guessDelimiter } from '../../src/io/csv';

const TEXT = '单位名称,功能分类科目,金额（元）\r\nXX局,2010101 行政运行,"1,234.50"\r\n"县""教育""局",2050201,\r\n';

describe('readCsv', () => {
  it('reads UTF-8 without BOM', () => {
    const { grid, encoding } = csvToGrid(Buffer.from(TEXT, 'utf8'), '明细');
    expect(encoding).toBe('utf-8');
    expect(grid.name).toBe('明细');
    expect(grid.cells).toEqual([
      ['单位名称', '功能分类科目', '金额（元）'],
      ['XX局', '2010101 行政运行', '1,234.50'],
      ['县"教育"局', '2050201'],
    ]);
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    const { grid, encoding } = csvToGrid(buf, 'x');
    expect(encoding).toBe('utf-8');
    expect(grid.cells[0][0]).toBe('单位名称');
  });

  it('reads GB18030 as Chinese Excel and WPS save it', () => {
    const buf = iconv.encode(TEXT, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf)).toThrow();
    const { grid, encoding } = csvToGrid(buf, 'x');
    expect(encoding).toBe('gb18030');
    expect(grid.cells[1]).toEqual(['XX局', '2010101 行政运行', '1,234.50']);
    expect(grid.cells[2][0]).toBe('县"教育"局');
  });

  it('follows RFC 4180: quoted delimiters, doubled quotes, line breaks inside quotes, no final newline', () => {
    expect(parseCsv('a,"b,c","d""e"\n"x\ny",2')).toEqual([['a', 'b,c', 'd"e'], ['x\ny', '2']]);
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(parseCsv('a,,\n,\n')).toEqual([['a', '', ''], ['', '']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('names the sheet after the file', () => {
    const wb = readCsvBuffer(Buffer.from('a,b\n1,2\n'), 'sub/县财政 2025.csv');
    expect(wb.file).toBe('sub/县财政 2025.csv');
    expect(wb.sheets.map((s) => s.name)).toEqual(['县财政 2025']);
    expect(wb.sheets[0].cells).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('decodes mixed-byte invalid UTF-8 as GB18030', () => {
    expect(decodeCsv(iconv.encode('預算，一般公共预算拨款', 'gb18030')).text).toBe('預算，一般公共预算拨款');
  });
});

describe('issue 19, item 16: encodings named by a byte-order mark, and the delimiter from the header line', () => {
  const rows = [['XX县2025年部门预算明细表'], ['单位名称', '功能分类科目', '经济分类科目', '金额'], ['县教育局', '2050101', '30101', '1,234.50'], ['县卫健委', '2100101', '30201', '7']];
  const text = (d: string) => rows.map((r) => r.map((f) => (f.includes(',') || f.includes(d) ? `"${f}"` : f)).join(d)).join('\r\n') + '\r\n';

  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(','), 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text(','), 'utf16le').swap16()])],
  ])('reads %s with its BOM', (enc, buf) => {
    const { grid, encoding } = csvToGrid(buf, 'x');
    expect(encoding).toBe(enc);
    expect(grid.cells).toEqual(rows);
  });

  it.each([[';'], ['\t'], ['|'], [',']])('guesses %j from the header and rows under a lone title line', (d) => {
    expect(guessDelimiter(text(d))).toBe(d);
    expect(csvTextToGrid(text(d), 'x').cells).toEqual(rows);
  });

  it('prefers the delimiter the table is consistent under: semicolons with decimal commas stay semicolons', () => {
    const t = '标题\n单位名称;金额;备注\n县教育局;1234,50;甲\n县卫健委;7,00;乙\n';
    expect(guessDelimiter(t)).toBe(';');
    expect(guessDelimiter('单位名称,金额\n县教育局,1\n')).toBe(',');
    expect(guessDelimiter('一列\n没有分隔符\n')).toBe(',');
  });
});
