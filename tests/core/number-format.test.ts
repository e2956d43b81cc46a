/** Percent formats: which codes scale by 100, how Excel shows a number under one, and the runs adapters build. */
import { isPercentFormat, PercentRuns, percentText } from '../../src/core/number-format';

test.each([
  ['0%', true], ['0.00%', true], ['#,##0.0%', true], ['0.0%;[Red]-0.0%', true], ['[$-804]0%', true],
  ['General', false], ['0.00', false], ['0"%"', false], ['0\\%', false], ['0_%', false], ['[$%-804]0.00', false], ['@', false],
])('isPercentFormat(%s) = %s', (code, want) => {
  expect(isPercentFormat(code)).toBe(want);
});

test.each([
  [0.95, '0%', '95%'], [1, '0%', '100%'], [0.955, '0.0%', '95.5%'], [0.95, '0.0%', '95.0%'], [0.12345, '0.00%', '12.35%'],
  [0.005, '0%', '1%'], [0, '0%', '0%'], [-0.125, '0.0%', '-12.5%'], [12.5, '#,##0.0%', '1,250.0%'], [0.9, '0.0%;-0.0%;"-"', '90.0%'],
  [0.3, '0.00%', '30.00%'], [1.005, '0%', '101%'],
])('percentText(%p, %s) = %s', (v, code, want) => {
  expect(percentText(v, code)).toBe(want);
});

test('a number whose section is no percentage is left to the caller', () => {
  expect(percentText(0, '0%;-0%;"-"')).toBeNull();
  expect(percentText(0.95, 'General')).toBeNull();
  expect(percentText(Number.NaN, '0%')).toBeNull();
});

test('runs: the same format down a column is one run; another number ends it, text does not (it is never added)', () => {
  const b = new PercentRuns();
  for (let r = 0; r < 1_000_000; r++) b.add(r, 2, '0.0%');
  b.add(5, 0, '0%');
  b.add(6, 0, null);
  b.add(7, 0, '0%');
  b.add(9, 0, '0.00%');
  expect(b.runs()).toEqual([
    { col: 0, top: 5, bottom: 5, code: '0%' }, { col: 0, top: 7, bottom: 7, code: '0%' }, { col: 0, top: 9, bottom: 9, code: '0.00%' },
    { col: 2, top: 0, bottom: 999_999, code: '0.0%' },
  ]);
});
