/** Small builders for figures tests: grids from rows, execution rows in 万元, budget lines. */
import type { ExecutionRow } from '../../../src/core/context';
import type { Cell, Grid } from '../../../src/core/grid';
import type { BudgetLine, LineSource } from '../../../src/core/lines';

export const WAN = 1_000_000;

export function grid(name: string, cells: Cell[][]): Grid {
  return { name, cells };
}

/** An execution row with amounts in 万元 (null = blank). */
export function execRow(item: string, v: { initial?: number | null; adjusted?: number | null; actual?: number | null; prior?: number | null; month?: number | null }): ExecutionRow {
  const fen = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * WAN));
  return {
    item,
    initialFen: fen(v.initial),
    adjustedFen: fen(v.adjusted),
    actualFen: fen(v.actual),
    priorSameFen: fen(v.prior),
    month: v.month ?? null,
    location: { file: 't.xlsx', sheet: '预算执行' },
  };
}

const SRC: LineSource = { file: 't.xlsx', sheet: '明细', columns: {}, amountUnit: 'wan', prior: false };

/** A budget line with amounts in 万元. */
export function line(p: Partial<BudgetLine> & { amountWan: number; priorWan?: number | null }): BudgetLine {
  const { amountWan, priorWan, ...rest } = p;
  return {
    src: SRC, row: 2, amountCol: 5, unitCode: '101', unitName: 'XX局', unitKind: '行政单位', projectCode: '', projectName: '',
    kind: 'public', declaredKind: 'basic', functionCode: '2010101', functionName: '', economicCode: '30201', economicName: '',
    govEconomicCode: '', fundSource: '一般公共预算拨款', amountFen: Math.round(amountWan * WAN),
    priorFen: priorWan === undefined || priorWan === null ? null : Math.round(priorWan * WAN),
    priorActualFen: null, execRate: null, perfScore: null, perfGoal: '', basis: '', sanbao: null, ppp: false, approved: false,
    ...rest,
  };
}
