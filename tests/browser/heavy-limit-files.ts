/**
 * Files past the reader's limits that only a big input reaches, at the default figures (1 GB in one
 * entry, 2 GB in all, 30 million cells, 30 million shared strings): each expands by well under 100:1
 * (a little seeded noise among repeated XML), so the bomb ratios do not speak first and the limit
 * named is the one refused. Shared by the page test (tests/browser/limits.test.ts).
 */
import { SHEET_HEAD, SHEET_TAIL, writeXlsx } from '../cli/xlsx-stream/xlsx-writer';

const MB = 1024 * 1024;

/** A seeded generator of letters: the same file every run. */
function letters(seed: number): (n: number) => string {
  let x = seed >>> 0 || 1;
  return (n) => {
    let s = '';
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      s += String.fromCharCode(97 + ((x >>> 0) % 26));
    }
    return s;
  };
}

/** About 1 MB of whitespace between rows with 4 random letters every 256 characters (text outside cells, ignored). */
function noiseChunk(seed: number): string {
  const rnd = letters(seed);
  let s = '';
  while (s.length < MB) s += ' '.repeat(252) + rnd(4);
  return s;
}

function* sheetOfNoise(mb: number, seed: number): Generator<string> {
  yield SHEET_HEAD + '<row r="1"><c r="A1"><v>1</v></c></row>';
  const chunk = noiseChunk(seed);
  for (let i = 0; i < mb; i++) yield chunk;
  yield SHEET_TAIL;
}

/** Rows of 50 cells, one of them a random number: about 760 bytes a row, about 55:1 deflated. */
function* cellRows(rows: number, seed: number): Generator<string> {
  yield SHEET_HEAD;
  let x = seed;
  const same = '<c><v>1</v></c>'.repeat(49);
  let batch = '';
  for (let r = 1; r <= rows; r++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    batch += `<row r="${r}">${same}<c><v>${x % 1000000}</v></c></row>`;
    if (batch.length > MB) {
      yield batch;
      batch = '';
    }
  }
  yield batch + SHEET_TAIL;
}

/** [what, how to write it, the sentence every door refuses it with]. */
export const HEAVY: Array<[string, (file: string) => void, string]> = [
  ['one entry of over 1 GB (bytes one entry may inflate to)', (file) => writeXlsx(file, [{ name: '表1', xml: sheetOfNoise(1030, 1) }]), '文件解压后过大，疑似压缩炸弹，已拒绝读取（其中 xl/worksheets/sheet1.xml 解压后超过 1 GB）'],
  [
    'three entries of 700 MB (bytes all entries may inflate to, 2 GB)',
    (file) => writeXlsx(file, [0, 1, 2].map((i) => ({ name: `表${i + 1}`, xml: sheetOfNoise(700, i + 2) }))),
    '文件解压后过大，疑似压缩炸弹，已拒绝读取（全部内容解压后超过 2 GB）',
  ],
  [
    'seven sheets of 5 million cells (cells with a value, 30 million)',
    (file) => writeXlsx(file, Array.from({ length: 7 }, (_x, i) => ({ name: `表${i + 1}`, xml: cellRows(100_000, i + 7) }))),
    '单元格过多，已拒绝读取（读到工作表“表7”第 1 行时，全部工作表中有内容的单元格已超过 3,000 万个）；请删去无关的工作表或拆分文件后再检查',
  ],
  [
    'thirty million and one shared strings (no more shared strings than cells)',
    (file) => {
      const rnd = letters(5);
      writeXlsx(file, [{ name: '表1', xml: `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}` }], {
        extraParts: [{ name: 'xl/sharedStrings.xml', body: (function* () {
          yield '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
          const n = 30_000_001;
          let batch = '';
          for (let i = 0; i < n; i++) {
            batch += i % 50 === 0 ? `<si><t>${rnd(3)}</t></si>` : '<si/>';
            if (batch.length > MB) {
              yield batch;
              batch = '';
            }
          }
          yield batch + '</sst>';
        })() }],
      });
    },
    '共享字符串过多，已拒绝读取（超过 3,000 万条）；请在 Excel 中另存一次或拆分文件后再检查',
  ],
];
