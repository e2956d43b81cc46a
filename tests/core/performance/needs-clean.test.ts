/** link.ts tells names needing NFKC/space cleaning by a character loop: the same as the regex it replaced. */
import { needsClean } from '../../../src/core/text';

test('needsClean equals /[\\s\\u3000\\uff00-\\uffef]/ on every UTF-16 unit', () => {
  const re = /[\s\u3000\uff00-\uffef]/;
  const differ: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const s = 'a' + String.fromCharCode(c) + '项';
    if (needsClean(s) !== re.test(s)) differ.push(c);
  }
  expect(differ).toEqual([]);
  expect(needsClean('县教育局')).toBe(false);
  expect(needsClean('')).toBe(false);
});
