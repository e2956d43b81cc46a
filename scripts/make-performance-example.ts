/**
 * Writes examples/绩效示例-县级项目.xlsx: a 预算明细 sheet with a national 项目支出绩效目标表 (block
 * layout) and a 预算管理一体化-style indicator list — good, vague, copied and non-tying grids
 * (src/testing/performance-example.ts says where each problem is planted).
 */
import * as fs from 'fs';
import * as path from 'path';
import { deterministicXlsx } from './deterministic-xlsx';
import { gridsToWorkbook } from './make-rules-example';
import { performanceExampleWorkbook } from '../src/testing/performance-example';

export async function writePerformanceExample(dir: string): Promise<string> {
  const grids = performanceExampleWorkbook();
  const p = path.join(dir, grids.file);
  fs.writeFileSync(p, await deterministicXlsx(gridsToWorkbook(grids)));
  return p;
}

if (require.main === module) {
  writePerformanceExample(path.join(__dirname, '..', 'examples')).then(
    (p) => console.log(`已生成 ${path.relative(process.cwd(), p)}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
