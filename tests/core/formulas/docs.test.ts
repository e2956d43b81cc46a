/** docs/审核公式.md: its 15 examples parse, and it lists every national preset as written in the code. */
import * as fs from 'fs';
import * as path from 'path';
import { NATIONAL_TABLE_FORMULAS, parseFormula } from '../../../src/core/formulas';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', '审核公式.md'), 'utf8');

test('the doc teaches with at least 15 examples, each of which parses', () => {
  const examples = [...DOC.matchAll(/```审核公式\n\s*([^\n]+)\n\s*```/g)].map((m) => m[1].trim());
  expect(examples.length).toBeGreaterThanOrEqual(15);
  for (const e of examples) expect(() => parseFormula(e)).not.toThrow();
});

test('the doc lists every national preset verbatim', () => {
  for (const f of NATIONAL_TABLE_FORMULAS) expect(DOC).toContain(`\`${f.formula.replace(/\|/g, '\\|')}\``);
});
