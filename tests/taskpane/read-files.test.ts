/** The offline page's file reading: .csv in UTF-8 (BOM or not) and GB18030 decoded with TextDecoder, .xlsx as before. */
import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { readCsvBuffer } from '../../src/cli/read-csv';
import { decodeCsvBytes } from '../../src/io/csv';
import { isLoaded, readFile, readFiles } from '../../src/web/read-files';

const TEXT = '单位名称,功能分类科目,部门经济分类科目,支出类型,金额\r\n县教育局,2050201,30201,基本支出,"1,234.50"\r\n"县""二中""",2050202,30101,基本支出,007\r\n';

test.each([
  ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8'],
  ['GB18030', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
])('%s .csv reads as the CLI reads it', async (_label, bytes, encoding) => {
  const r = await readFile(new File([new Uint8Array(bytes)], '明细.csv'));
  if (!isLoaded(r)) throw new Error(r.reason);
  expect(r.encoding).toBe(encoding);
  expect(r.xlsx).toBeUndefined();
  expect(r.grids).toEqual(readCsvBuffer(bytes, '明细.csv'));
  expect(r.grids.sheets[0].name).toBe('明细');
  expect(r.grids.sheets[0].cells[1]).toEqual(['县教育局', '2050201', '30201', '基本支出', '1,234.50']);
  expect(r.grids.sheets[0].cells[2]).toEqual(['县"二中"', '2050202', '30101', '基本支出', '007']);
});

test('TextDecoder GB18030 and iconv-lite agree on the fallback, rare characters included', () => {
  const text = '单位,金额\n𠀀镕堃喆,1\n';
  const gb = iconv.encode(text, 'gb18030');
  expect(decodeCsvBytes(gb)).toEqual({ text, encoding: 'gb18030' });
});

test('an .xlsx renamed .csv is still read as a workbook; .xls is refused with the save-as advice', async () => {
  const xlsx = fs.readFileSync(path.resolve(__dirname, '../../examples/县教育局-明细-元.xlsx'));
  const { ok, bad } = await readFiles([new File([xlsx], '改名.csv'), new File([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])], '旧.xls')]);
  expect(ok.map((f) => [f.name, !!f.xlsx])).toEqual([['改名.csv', true]]);
  expect(bad).toEqual([{ file: '旧.xls', reason: expect.stringContaining('另存为 .xlsx') }]);
});
