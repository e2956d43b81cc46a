/**
 * Properties over random 支出总表-shaped tables: any table whose 元 figures add up passes, in 元 and
 * rounded to 万元 (the SPEC §3 allowance covers any rounding); a figure moved by more than the
 * allowance is found at its cell.
 */
import fc from 'fast-check';
import { checkFilledTables } from '../../../../src/core/tables/filled';
import { CodeRow, SheetBuilder, Unit, codeTable, workbook } from '../../../fixtures/filled/build';
import { withCell } from '../../../fixtures/filled/edit';

/** 类 → 款 → 项 amounts (分) as [basic, project] per 项. */
const tree = fc.array(fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 5e10 }), fc.integer({ min: 0, max: 5e10 })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

function build(t: Array<Array<Array<[number, number]>>>, unit: Unit) {
  const rows: CodeRow[] = [];
  const y = (fen: number) => fen / 100;
  let tb = 0;
  let tp = 0;
  t.forEach((cls, i) => {
    const cc = String(201 + i);
    const clsRow: CodeRow = [cc, `类${i}`, 0, 0, 0];
    rows.push(clsRow);
    let cb = 0;
    let cp = 0;
    cls.forEach((sec, j) => {
      const sc = cc + String(j + 1).padStart(2, '0');
      const secRow: CodeRow = [sc, `款${j}`, 0, 0, 0];
      rows.push(secRow);
      let sb = 0;
      let sp = 0;
      sec.forEach(([b, p], k) => {
        rows.push([sc + String(k + 1).padStart(2, '0'), `项${k}`, y(b + p), y(b), y(p)]);
        sb += b;
        sp += p;
      });
      secRow.splice(2, 3, y(sb + sp), y(sb), y(sp));
      cb += sb;
      cp += sp;
    });
    clsRow.splice(2, 3, y(cb + cp), y(cb), y(cp));
    tb += cb;
    tp += cp;
  });
  const b = new SheetBuilder();
  codeTable(b, {
    title: '部门支出总表', department: '某局', amountUnit: unit, captions: ['合计', '基本支出', '项目支出'], codeKind: 'function', split: false,
    rows, total: [y(tb + tp), y(tb), y(tp)],
  });
  return { wb: workbook('p.xlsx', [b.grid('s')]), rows: rows.length };
}

const sums = (wb: ReturnType<typeof build>['wb']) =>
  checkFilledTables(wb).findings.filter((f) => f.rule === 'TABLES.ROW_SUM' || f.rule === 'TABLES.HIERARCHY_SUM');

test.each<Unit>(['yuan', 'wan'])('tables that add up pass (%s)', (unit) => {
  fc.assert(fc.property(tree, (t) => sums(build(t, unit).wb).length === 0), { numRuns: 150 });
});

test.each<Unit>(['yuan', 'wan'])('a figure moved beyond the allowance is found (%s): a 合计 cell at itself', (unit) => {
  fc.assert(
    fc.property(tree, fc.nat(), fc.integer({ min: 0, max: 2 }), fc.boolean(), (t, pick, col, up) => {
      const { wb, rows } = build(t, unit);
      const r = 3 + (pick % (rows + 1)); // a data row or the 合计 row (title, unit line, header come first)
      const c = 2 + col;
      const old = wb.sheets[0].cells[r][c] as number;
      // The largest allowance of any sum here is 0.005 万元 × (4 + 1) = 0.025 万元, and the rounding
      // already in a 万元 sum is within it: moving by 0.06 万元 always leaves it.
      const delta = (unit === 'wan' ? 0.06 : 0.01) * (up ? 1 : -1);
      const found = sums(withCell(wb, 's', r, c, old + delta));
      if (found.length === 0) return false;
      // A 合计 cell is a total across its row: the finding stands at it.
      const at = `${String.fromCharCode(65 + c)}${r + 1}`;
      return col !== 0 || found.some((f) => f.location.cell === at && f.rule === 'TABLES.ROW_SUM');
    }),
    { numRuns: 200 },
  );
});
