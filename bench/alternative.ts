/**
 * The "obvious alternative" of issue 6: what a reviewer would write by hand. Load the .xlsx with
 * exceljs, turn rows into objects keyed by header, and sum per unit the “三公”经费 and 一般性支出 of this
 * year and last year with plain loops. No header variants, no subtotals, no checks: a baseline for
 * speed only. Run as `node dist/bench/alternative.js file.xlsx`; prints per-unit totals as JSON.
 */
import ExcelJS from 'exceljs';

const THREE_PUBLIC = new Set(['30212', '30217', '30231', '31013']);
const RIGID = new Set(['30205', '30206', '30208', '30209', '30228', '30229', '30239', '30240']);
const EXTRA_GENERAL = new Set(['31002', '31006', '31013']);

function isGeneral(code: string): boolean {
  return (code.startsWith('302') && !RIGID.has(code)) || EXTRA_GENERAL.has(code);
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v.replace(/,/g, '')) || 0;
  return 0;
}

async function main(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  let header: string[] | null = null;
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (!header) {
      if (values.includes('单位名称')) header = values.map((v) => String(v ?? ''));
      return;
    }
    const o: Record<string, unknown> = {};
    header.forEach((h, i) => (o[h] = values[i]));
    rows.push(o);
  });
  const units: Record<string, { threePublic: number; threePublicPrior: number; general: number; generalPrior: number }> = {};
  for (const r of rows) {
    const unit = String(r['单位名称'] ?? '');
    if (!unit || unit.startsWith('合计') || unit.startsWith('小计')) continue;
    const code = String(r['经济分类科目编码'] ?? '').slice(0, 5);
    const u = (units[unit] ??= { threePublic: 0, threePublicPrior: 0, general: 0, generalPrior: 0 });
    if (THREE_PUBLIC.has(code)) {
      u.threePublic += num(r['本年预算数']);
      u.threePublicPrior += num(r['上年预算数']);
    }
    if (isGeneral(code)) {
      u.general += num(r['本年预算数']);
      u.generalPrior += num(r['上年预算数']);
    }
  }
  process.stdout.write(JSON.stringify({ rows: rows.length, units }) + '\n');
}

void main(process.argv[2]);
