/**
 * Writes examples/审核公式示例-县财政局.xlsx: a detail sheet, two tables and a 审核公式 sheet
 * (src/testing/formulas-example.ts holds the grids). `npm run demo` checks it with the other
 * examples, so its CUSTOM.* findings appear in out/review.xlsx.
 */
import * as fs from 'fs';
import * as path from 'path';
import { deterministicXlsx } from './deterministic-xlsx';
import { gridsToWorkbook } from './make-rules-example';
import { formulasExampleWorkbook } from '../src/testing/formulas-example';

export async function writeFormulasExample(dir: string): Promise<string> {
  const grids = formulasExampleWorkbook();
  const p = path.join(dir, grids.file);
  fs.writeFileSync(p, await deterministicXlsx(gridsToWorkbook(grids)));
  return p;
}

if (require.main === module) {
  writeFormulasExample(path.join(__dirname, '..', 'examples')).then(
    (p) => console.log(`已生成 ${path.relative(process.cwd(), p)}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
