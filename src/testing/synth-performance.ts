/**
 * Seeded synthetic budget lines with 绩效目标 for the PERF bench row (issue 16): `projects` projects
 * over `lines` lines (the rest basic lines), about `indicators` indicator rows, with the mix a review
 * meets — most grids good, some vague, some copied, a few uncovered projects and funds that do not tie.
 * Lines are built directly (the reader has its own bench row): the figure is the PERF rules alone.
 */
import type { BudgetLine, LineSource } from '../core/lines';
import type { Indicator, PerfGoal } from '../core/performance/model';

export interface SynthPerformance {
  lines: BudgetLine[];
  goals: PerfGoal[];
}

const GOOD: ReadonlyArray<readonly [Indicator['level1'], string, string]> = [
  ['产出指标', '数量指标', '≥1200平方米'], ['产出指标', '质量指标', '≥95%'], ['产出指标', '时效指标', '2025年12月31日前'],
  ['产出指标', '成本指标', '≤1万元'], ['效益指标', '社会效益指标', '≥90%'], ['效益指标', '可持续影响指标', '≥3年'],
  ['满意度指标', '服务对象满意度指标', '≥90%'],
];
const VAGUE = ['明显提升', '有所改善', '良好', '逐步完善', '若干'];

export function synthPerformance(opts: { lines: number; projects: number; indicators: number; seed?: number }): SynthPerformance {
  let seed = opts.seed ?? 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const src: LineSource = { file: 'bench.xlsx', sheet: '预算明细', columns: { unitCode: 1, unitName: 2, projectCode: 3, projectName: 4, functionCode: 5, economicCode: 6, fundSource: 7, amount: 8 }, amountUnit: 'yuan', prior: false };
  const goalSrc = { file: 'bench.xlsx', sheet: '绩效目标' };
  const lines: BudgetLine[] = [];
  const goals: PerfGoal[] = [];
  const perProject = Math.max(1, Math.floor(opts.lines / opts.projects) - 1);
  const perGoal = opts.indicators / opts.projects;
  let row = 2;
  let goalRow = 2;
  const base = (unit: number, kind: BudgetLine['kind'], code: string, name: string, amountFen: number): BudgetLine => ({
    src, row: row++, amountCol: 8, unitCode: String(100000 + unit), unitName: `单位${unit}`, unitKind: '', projectCode: code, projectName: name,
    kind, declaredKind: kind, functionCode: kind === 'project' ? '2050202' : '2010101', functionName: '', economicCode: kind === 'project' ? '30227' : '30201',
    economicName: '', govEconomicCode: '', fundSource: '一般公共预算拨款', amountFen, priorFen: null, priorActualFen: null, execRate: null,
    perfScore: null, perfGoal: '', basis: '', sanbao: null, ppp: false, approved: false,
  });
  for (let p = 0; p < opts.projects; p++) {
    const unit = p % 200;
    const code = `P${String(p).padStart(7, '0')}`;
    const name = `项目${p}`;
    let total = 0;
    for (let k = 0; k < perProject; k++) {
      const fen = 1_000_000 + Math.floor(rand() * 1000) * 100;
      total += fen;
      lines.push(base(unit, 'project', code, name, fen));
    }
    const r = rand();
    if (r < 0.03) continue; // uncovered
    const n = Math.round(perGoal + (rand() - 0.5) * 2);
    const indicators: Indicator[] = [];
    const copied = r > 0.97; // the grid of the previous project, unchanged
    for (let i = 0; i < n; i++) {
      const [level1, level2, good] = GOOD[(copied ? i : i + p) % GOOD.length];
      const value = !copied && rand() < 0.1 ? VAGUE[i % VAGUE.length] : good;
      indicators.push({ level1, level2, name: copied ? `指标${i}` : `指标${p}-${i}`, value, location: { ...goalSrc, cell: `E${goalRow}`, row: goalRow++ } });
    }
    const at = { ...goalSrc, cell: `B${goalRow}`, row: goalRow };
    goals.push({
      file: goalSrc.file, sheet: goalSrc.sheet, unitCode: String(100000 + unit), unitName: `单位${unit}`, department: '', projectCode: code, projectName: name,
      totalFen: r < 0.05 ? total + 100 : total, fiscalFen: total, otherFen: 0, goalText: '完成年度任务', grade: '', indicators, location: at, totalLocation: at, layout: 'list',
    });
  }
  for (let i = 0; lines.length < opts.lines; i++) lines.push(base(i % 200, 'public', '', '', 500_000));
  return { lines, goals };
}
