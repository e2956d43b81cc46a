/** Number formats of 指标值: which codes show a number otherwise, how Excel shows it, and the runs adapters build. */
import { builtinFormat, FormatRuns, isShownFormat, shownText } from '../../src/core/number-format';

test.each([
  ['0%', true], ['0.00', true], ['0"人次"', true], ['yyyy"年"m"月"d"日"', true], ['[$-804]0%', true],
  ['General', false], ['general', false], ['@', false], ['', false], [' ', false],
])('isShownFormat(%s) = %s', (code, want) => {
  expect(isShownFormat(code)).toBe(want);
});

test.each([
  // Percentages: scaled by 100, rounded half away from zero on the decimal value Excel keeps.
  [0.95, '0%', '95%'], [1, '0%', '100%'], [0.955, '0.0%', '95.5%'], [0.95, '0.0%', '95.0%'], [0.12345, '0.00%', '12.35%'],
  [0.005, '0%', '1%'], [0, '0%', '0%'], [-0.125, '0.0%', '-12.5%'], [12.5, '#,##0.0%', '1,250.0%'], [0.9, '0.0%;-0.0%;"-"', '90.0%'],
  [0.3, '0.00%', '30.00%'], [1.005, '0%', '101%'], [0.955, '0%', '96%'],
  // A negative that rounds to nothing keeps its minus, as Excel shows it; a negative section writes its own.
  [-0.4, '0', '-0'], [-0.004, '0%', '-0%'], [-0.04, '0.0"人"', '-0.0人'], [-0.3, '"约"0', '-约0'], [-0.4, '[Red]0', '-0'],
  [-0.4, '0;(0)', '(0)'], [-0.4, '0;-0;0', '-0'], [-5, '0', '-5'], [-0, '0', '0'],
  // A quoted or escaped % writes the sign and does not scale the number.
  [95, '0"%"', '95%'], [95, '0\\%', '95%'],
  // Literal text is part of what the cell shows.
  [0.95, '0.0%"达标"', '95.0%达标'], [1200, '0"人次"', '1200人次'], [12.5, '0.00"万元"', '12.50万元'], [3, '"≤"0"个工作日"', '≤3个工作日'],
  // Dates and times as zh-CN Excel writes them.
  [46387, 'yyyy"年"m"月"d"日"', '2026年12月31日'], [46387, '[$-804]yyyy"年"m"月"', '2026年12月'], [46387, 'yyyy/m/d', '2026/12/31'],
  [0.75, '上午/下午h"时"mm"分"', '下午6时00分'],
  // The system long date and time, as zh-CN Windows shows them.
  [46387, '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', '2026年12月31日'], [46387, '[$-x-sysdate]dddd, mmmm dd, yyyy', '2026年12月31日'],
  [0.75, '[$-F400]h:mm:ss\\ AM/PM', '18:00:00'],
  // Grouping, padding and scientific notation.
  [1234, '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', '1,234'], [12345, '0.00E+00', '1.23E+04'], [1234.5, '#,##0.00', '1,234.50'],
] as Array<[number, string, string]>)('shownText(%p, %s) = %s', (v, code, want) => {
  expect(shownText(v, code)).toBe(want);
});

test('a number the code says nothing more of, or cannot show, is left to the caller', () => {
  expect(shownText(0.95, 'General')).toBeNull();
  expect(shownText(5, '@')).toBeNull();
  expect(shownText(Number.NaN, '0%')).toBeNull();
  expect(shownText(1e20, '0%')).toBeNull(); // not written exactly: the number stays
  expect(shownText(0, '0%;-0%;"-"')).toBeNull(); // a zero shown "-" is still the number 0
  expect(shownText(-1, 'yyyy"年"')).toBeNull(); // no date: Excel shows #####
});

test('built-in ids: the codes Excel writes no numFmt for, zh-CN dates included', () => {
  expect(builtinFormat(9)).toBe('0%');
  expect(builtinFormat(10)).toBe('0.00%');
  expect(builtinFormat(31)).toBe('yyyy"年"m"月"d"日"');
  expect(builtinFormat(0)).toBeNull();
  expect(builtinFormat(49)).toBeNull();
  expect(shownText(46387, builtinFormat(31) as string)).toBe('2026年12月31日');
  expect(shownText(46387, builtinFormat(58) as string)).toBe('12月31日');
});

test('runs: the same format down a column is one run; another number ends it, text does not (it is never added)', () => {
  const b = new FormatRuns();
  for (let r = 0; r < 1_000_000; r++) b.add(r, 2, '0.0%');
  b.add(5, 0, '0%');
  b.add(6, 0, null);
  b.add(7, 0, '0%');
  b.add(9, 0, '0"人"');
  expect(b.runs()).toEqual([
    { col: 0, top: 5, bottom: 5, code: '0%' }, { col: 0, top: 7, bottom: 7, code: '0%' }, { col: 0, top: 9, bottom: 9, code: '0"人"' },
    { col: 2, top: 0, bottom: 999_999, code: '0.0%' },
  ]);
});
