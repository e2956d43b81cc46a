/**
 * SPEC §4.4: every generated workbook passes the TABLES.* check. Generated tables are rendered,
 * written, read back as grids and checked with src/core/tables/filled.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { workbookToGrids } from '../../src/io/read-xlsx';
import { buildTablesWorkbook } from '../../src/io/tables-workbook';
import type { BudgetLine } from '../../src/core/lines';
import { generateTables } from '../../src/core/tables';
import { checkFilledTables } from '../../src/core/tables/filled';
import { budgetLine, exampleBLines } from '../fixtures/example-b-lines';
import { exampleCLines } from '../fixtures/example-c-lines';

async function findingsOf(lines: BudgetLine[], style: 'national' | 'shanghai') {
  const tables = generateTables(lines, { style, year: 2026 });
  const buf = await buildTablesWorkbook([{ tables }]).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  const { findings, tables: read } = checkFilledTables(workbookToGrids(wb, 'tables.xlsx'));
  return { findings: findings.map((f) => `${f.rule} ${f.severity} ${f.location?.sheet ?? ''}!${f.location?.cell ?? ''} ${f.message}`), read: read.length, generated: tables.length };
}

describe('generated workbooks pass TABLES.*', () => {
  for (const [name, lines] of [['B', exampleBLines], ['C', exampleCLines]] as const) {
    for (const style of ['national', 'shanghai'] as const) {
      test(`example ${name}, ${style}`, async () => {
        const r = await findingsOf(lines(), style);
        expect(r.findings).toEqual([]);
        expect(r.read).toBe(r.generated);
      });
    }
  }
});

const FUNCTION_CODES = ['2010101', '2013802', '2050203', '2070101', '2080505', '2120803', '2210201', '2130306'];
const ECONOMIC_CODES = ['30101', '30201', '30212', '30217', '30231', '30302', '31002', '31013'];
const FUNDS = ['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款', '事业收入', '其他收入', '财政专户管理资金', '上级补助收入', '上年结转'];

const lineArb = fc
  .record({
    unit: fc.constantFrom('001', '002'),
    kind: fc.constantFrom('personnel' as const, 'public' as const, 'project' as const),
    functionCode: fc.constantFrom(...FUNCTION_CODES),
    economicCode: fc.constantFrom(...ECONOMIC_CODES),
    fundSource: fc.constantFrom(...FUNDS),
    amountFen: fc.integer({ min: 0, max: 1e11 }),
    priorFen: fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: null }),
  })
  .map((r) =>
    budgetLine({
      unitCode: r.unit,
      unitName: r.unit === '001' ? '某局' : '某中心',
      unitKind: r.unit === '001' ? '行政单位' : '事业单位',
      kind: r.kind,
      functionCode: r.functionCode,
      economicCode: r.economicCode,
      fundSource: r.fundSource,
      amountFen: r.amountFen,
      priorFen: r.priorFen,
      projectCode: r.kind === 'project' ? 'P1' : '',
      projectName: r.kind === 'project' ? '项目一' : '',
    }),
  );

test('random line sets: generated workbooks pass TABLES.* in both styles', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 30 }), fc.constantFrom('national' as const, 'shanghai' as const), async (lines, style) => {
      const r = await findingsOf(lines, style);
      expect(r.findings.filter((f) => !/ info /.test(f))).toEqual([]);
    }),
    { numRuns: 40 },
  );
});
