/**
 * The shortcuts of the performance work (issue 6) rest on facts checked here: which characters can
 * make a 合计/小计/其中 label after normalisation, and that the key table never merges two keys whose
 * hashes collide.
 */
import { MAY_BE_LABEL } from '../../src/core/reader/sheet';
import { hashText, KeyTable } from '../../src/core/rules/key-table';
import { normalizeText } from '../../src/core/text';

describe('label prefilter', () => {
  test('every character whose NFKC form holds 合, 总, 小 or 其 passes the prefilter', () => {
    const missed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      const n = normalizeText(ch);
      if (/[合总小其]/.test(n) && !MAY_BE_LABEL.test(ch)) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
  });

  test.each(['合计', '  总计', '小计（县教育局）', '其中：本级', '⼩计', '🈴计', '（合计）'])('%s passes', (s) => {
    expect(MAY_BE_LABEL.test(s)).toBe(true);
  });

  test.each(['2050101', '县教育局', '学前教育幼儿资助', '行政运行'])('%s is dismissed', (s) => {
    expect(MAY_BE_LABEL.test(s)).toBe(false);
  });
});

describe('KeyTable', () => {
  test('items whose hashes collide stay apart; equal keys are found', () => {
    const t = new KeyTable<string, string>((a, b) => a === b, 2);
    const words = Array.from({ length: 500 }, (_, i) => `w${i}`);
    // Every key under one hash: the table must still tell them apart by comparing.
    for (const w of words) {
      expect(t.find(7, w)).toBeUndefined();
      t.add(7, w);
    }
    for (const w of words) expect(t.find(7, w)).toBe(w);
    expect(t.find(7, 'other')).toBeUndefined();
    expect(t.items).toEqual(words);
  });

  test('hashText separates fields', () => {
    expect(hashText('c', hashText('ab'))).not.toBe(hashText('bc', hashText('a')));
    expect(hashText('')).not.toBe(hashText('', hashText('')));
  });
});

describe('rate fast path for numeric cells', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  const { parseRate } = require('../../src/core/reader/values') as typeof import('../../src/core/reader/values');
  const reference = require('../reference/core/reader/values') as typeof import('../reference/core/reader/values');

  test('gives exactly what the text path gives, for any double', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: -2, max: 2 }), fc.integer(), fc.constantFrom(1e21, 9.99e20, 1e-6, 9.99e-7, -1e-6, 0, -0)), (x) => {
        expect(Object.is(parseRate(x), reference.parseRate(x))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
