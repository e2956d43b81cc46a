/** The committed parser is what peggy makes of grammar.peggy today (run `npm run build:parser`). */
import * as fs from 'fs';
import { GRAMMAR, OUTPUT, parserSource } from '../../../scripts/make-formula-parser';

test('src/core/formulas/parser.generated.ts is up to date with grammar.peggy', () => {
  expect(fs.readFileSync(OUTPUT, 'utf8') === parserSource(fs.readFileSync(GRAMMAR, 'utf8'))).toBe(true);
});

test('the generated parser has no eval, no Function and no imports', () => {
  const src = fs.readFileSync(OUTPUT, 'utf8');
  expect(src).not.toMatch(/\beval\s*\(|new Function|\bFunction\s*\(|\brequire\s*\(|^import /m);
});
