/**
 * Any code a workbook may hold reaches shownText (styles.xml is the department's): it never throws,
 * and gives null or a text with a digit, whatever the code and number.
 */
import fc from 'fast-check';
import { shownText } from '../../src/core/number-format';

const PIECES = ['0', '#', '?', '.', ',', '%', '"人次"', '\\%', '_)', '*-', '[Red]', '[$-804]', '[>=100]', ';', 'yyyy', 'm', 'd', 'h', 'AM/PM', '上午/下午', 'E+', '@', '/', ' ', '"', '[', ']', 'General', '[DBNum1]', '[h]', 'ss.000'];

test('shownText never throws on codes built of format pieces, nor on arbitrary strings', () => {
  const num = fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(0, 0.95, 46387, -0.5, 1e15, 1e-9));
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join('')), num, (code, v) => {
      const t = shownText(v, code);
      return t === null || /\d/.test(t);
    }),
    { numRuns: 3000 },
  );
  fc.assert(fc.property(fc.string({ maxLength: 40 }), num, (code, v) => {
    const t = shownText(v, code);
    return t === null || /\d/.test(t);
  }), { numRuns: 2000 });
});
