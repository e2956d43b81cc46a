import fc from 'fast-check';
import { parseAmount, formatFen, limitAfterCut, formatWan, formatYuan, numberToFen } from '../../src/core/money';

describe('parseAmount', () => {
  const yuan = (c: Parameters<typeof parseAmount>[0]) => parseAmount(c, 'yuan');
  test.each([
    [1234.56, 123456],
    ['1,234.56', 123456],
    ['１２３４．５６', 123456],
    ['(123.00)', -12300],
    ['−123', -12300],
    ['－１２３', -12300],
    ['-', 0],
    ['', 0],
    [null, 0],
    [0.1 + 0.2, 30],
    ['  42 ', 4200],
    ['1,234,567.891', 123456789],
  ])('%p → %p 分', (cell, fen) => {
    const r = yuan(cell as never);
    expect(r.ok && r.fen).toBe(fen);
  });

  test.each([['abc'], ['12,34'], [true], [{ error: '#REF!' }], [{ error: '#NO_CACHE' }], ['1.2.3'], [1e14], ['#DIV/0!']])('%p is not money', (cell) => {
    expect(yuan(cell as never).ok).toBe(false);
  });

  test('万元 with six decimals converts exactly', () => {
    const r = parseAmount('12,345.678901', 'wan');
    expect(r.ok && r.fen).toBe(12345678901);
    expect(numberToFen(12345.678901, 'wan')).toBe(12345678901);
    expect(numberToFen(0.000001, 'wan')).toBe(1);
  });
});

describe('formatting', () => {
  test('元 and 万元', () => {
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatWan(1325000)).toBe('1.33');
    expect(formatWan(132500000)).toBe('132.50');
    expect(formatWan(-600000)).toBe('-0.60');
    expect(formatFen(5, 'yuan', 2)).toBe('0.05');
  });

  test('limitAfterCut rounds half up to the 分', () => {
    expect(limitAfterCut(13600000, 0.05)).toBe(12920000);
    expect(limitAfterCut(101, 0.5)).toBe(51);
    expect(limitAfterCut(12000000, 0)).toBe(12000000);
  });
});

describe('round trips (property)', () => {
  const fen = fc.integer({ min: -9e15, max: 9e15 });
  test('format in 元 then parse gives the same 分', () => {
    fc.assert(fc.property(fen, (f) => {
      const r = parseAmount(formatFen(f, 'yuan', 2), 'yuan');
      return r.ok && r.fen === f;
    }), { numRuns: 2000 });
  });
  test('format in 万元 with six decimals then parse gives the same 分', () => {
    fc.assert(fc.property(fen, (f) => {
      const r = parseAmount(formatFen(f, 'wan', 6, false), 'wan');
      return r.ok && r.fen === f;
    }), { numRuns: 2000 });
  });
  test('a number cell of 元 with two decimals is read exactly', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (f) => numberToFen(f / 100, 'yuan') === f), { numRuns: 2000 });
  });
});
