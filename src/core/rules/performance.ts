/**
 * PERF — 项目绩效目标和指标 (project performance goals and their indicators), per project.
 *
 * Policy: 中发〔2018〕34号《关于全面实施预算绩效管理的意见》 “绩效目标全覆盖”; 财预〔2021〕101号
 * 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》: indicators 产出 (数量, 质量, 时效, 成本),
 * 效益 (经济, 社会, 生态, 可持续影响), 满意度 (服务对象满意度); “指标值应当可衡量、优先使用定量指标”
 * (domain §2, P32/P33). Budget work plans: “实现所有预算项目绩效目标全覆盖”, “细化量化绩效指标”,
 * “绩效目标与预算草案编审同步”; Shanghai disclosures print 编报绩效目标的项目数 and 涉及资金 (G1–G3).
 *
 *   NOT_COVERED     a 项目支出 project with no indicator (error), at its first line
 *   COVERAGE        per unit: projects and funds with indicators, when below perf.minCoverage (warning)
 *   FUNDS_MISMATCH  年度资金总额 or 其中：财政拨款 ≠ the project's budget lines, to the 分 (error)
 *   LEVEL_MISSING   no 产出 or 效益指标; no 满意度 for perf.publicServiceClasses; 产出 without 数量 (warning)
 *   VAGUE_VALUE     an 指标值 that cannot be measured (perf.vagueWords / perf.measurableWords) (warning)
 *   COST_EXCEEDS    a 成本指标 in money above the project's funds (warning)
 *   COPIED          identical grids on projects with different names (rules/performance-copied.ts)
 *   UNLINKED        a goal whose project is not among the budget lines (warning)
 *   NOT_CHECKED     no 绩效目标 sheet in the run: indicators not checked (info, never a pass)
 */
import type { RuleContext, RuleFamily } from '../context';
import type { Finding, RuleId } from '../findings';
import type { BudgetLine } from '../lines';
import { unitKey } from '../lines';
import {
  perfCostExceeds, perfCoverage, perfFundsMismatch, perfLevelMissing, perfNotChecked, perfNotCovered, perfUnlinked, perfVagueValue,
} from '../messages/performance';
import { costFen, linkGoals, NUMERIC_LEVEL2, valueClassifier } from '../performance';
import type { PerfGoal } from '../performance';
import { fundGroupOf } from '../tables/common';
import { codeMatcher, finding, groupByProject, lineFinding, lineUnit, projectLabel, unitLabel } from './finding-helpers';
import type { ProjectGroup } from './finding-helpers';
import { copiedGrids } from './performance-copied';

function goalLabel(g: PerfGoal): string {
  if (g.projectName && g.projectCode) return `${g.projectName}（${g.projectCode}）`;
  return g.projectName || g.projectCode || '未命名项目';
}

/**
 * Who a goal's findings name: the project's unit and label from the lines when linked. Built only
 * when a finding is made (most of 290,000 projects on a big budget have none).
 */
interface Subject {
  readonly unit: string;
  readonly project: string;
  readonly unitRef: Finding['unit'];
  /** Whether the project serves the public (满意度 expected): asked only when a grid lacks 满意度. */
  publicService(): boolean;
}

/** The linked project of the loop; one object re-aimed per project rather than one per project. */
class ProjectSubject implements Subject {
  private first!: BudgetLine;
  private lines: ReadonlyArray<BudgetLine> = [];
  private label: string | null = null;
  private ref: Finding['unit'] | null = null;
  private serves: boolean | null = null;
  constructor(private readonly matcher: (code: string) => boolean) {}
  aim(lines: ReadonlyArray<BudgetLine>): this {
    this.first = lines[0];
    this.lines = lines;
    this.label = null;
    this.ref = null;
    this.serves = null;
    return this;
  }
  get unit(): string {
    return unitLabel(this.first);
  }
  get project(): string {
    return (this.label ??= projectLabel(this.first));
  }
  get unitRef(): Finding['unit'] {
    // A new object per project: findings of different projects never share one.
    return (this.ref ??= lineUnit(this.first));
  }
  publicService(): boolean {
    if (this.serves === null) {
      this.serves = false;
      for (const l of this.lines) if (this.matcher(l.functionCode)) { this.serves = true; break; }
    }
    return this.serves;
  }
}

/** 财政拨款 (一般公共预算, 政府性基金, 国有资本经营) by fund source text, memoised; the last text is kept aside. */
class FiscalMemo {
  private readonly memo = new Map<string, boolean>();
  private last: string | null = null;
  private lastIs = false;
  is(source: string): boolean {
    if (source === this.last) return this.lastIs;
    let r = this.memo.get(source);
    if (r === undefined) {
      const g = fundGroupOf(source);
      this.memo.set(source, (r = g === 'gp' || g === 'gf' || g === 'sc'));
    }
    this.last = source;
    this.lastIs = r;
    return r;
  }
}

/** Per run: the verdicts that repeat across two million indicators, memoised per text. */
interface Checks {
  readonly classify: ReturnType<typeof valueClassifier>;
  readonly fiscal: FiscalMemo;
  readonly cost: Map<string, number | null>;
}

function costOf(checks: Checks, value: string): number | null {
  let c = checks.cost.get(value);
  if (c === undefined) checks.cost.set(value, (c = costFen(value)));
  return c;
}

/** Sum of a project's lines (in 分). */
function linesTotal(lines: ReadonlyArray<BudgetLine>): number {
  let total = 0;
  for (let k = 0; k < lines.length; k++) total += lines[k].amountFen;
  return total;
}

// A plain function rather than a closure per goal (290,000 on a big budget).
function emit(out: Finding[], who: Subject, rule: RuleId, location: Finding['location'], message: string, figures?: Record<string, number>): void {
  out.push(finding(rule, location, message, who.unitRef, figures));
}

function checkGoal(goal: PerfGoal, who: Subject, lines: ReadonlyArray<BudgetLine> | null, linesFen: number | null,
  checks: Checks, out: Finding[]): void {
  if (lines && linesFen !== null) {
    const total = linesFen;
    if (goal.totalFen !== null && goal.totalFen !== total) {
      emit(out, who, 'PERF.FUNDS_MISMATCH', goal.totalLocation ?? goal.location, perfFundsMismatch(who.unit, who.project, '年度资金总额', goal.totalFen, total),
        { actualFen: goal.totalFen, expectedFen: total, excessFen: goal.totalFen - total });
    }
    if (goal.fiscalFen !== null) {
      let fiscalFen = 0;
      for (let k = 0; k < lines.length; k++) if (checks.fiscal.is(lines[k].fundSource)) fiscalFen += lines[k].amountFen;
      if (goal.fiscalFen !== fiscalFen) {
        emit(out, who, 'PERF.FUNDS_MISMATCH', goal.fiscalLocation ?? goal.location, perfFundsMismatch(who.unit, who.project, '其中：财政拨款', goal.fiscalFen, fiscalFen),
          { actualFen: goal.fiscalFen, expectedFen: fiscalFen, excessFen: goal.fiscalFen - fiscalFen });
      }
    }
  }
  const indicators = goal.indicators;
  if (indicators.length === 0) return;
  let output = false, benefit = false, satisfaction = false, quantity = false;
  for (let k = 0; k < indicators.length; k++) {
    const i = indicators[k];
    if (i.level1 === '产出指标') {
      output = true;
      if (i.level2 === '数量指标') quantity = true;
    } else if (i.level1 === '效益指标') benefit = true;
    else if (i.level1 === '满意度指标') satisfaction = true;
  }
  if (!output || !quantity || !benefit || (!satisfaction && who.publicService())) {
    const missing: string[] = [];
    if (!output) missing.push('产出指标');
    else if (!quantity) missing.push('产出指标中的数量指标');
    if (!benefit) missing.push('效益指标');
    if (!satisfaction && who.publicService()) missing.push('满意度指标（面向公众的项目）');
    emit(out, who, 'PERF.LEVEL_MISSING', goal.location, perfLevelMissing(who.unit, who.project, missing));
  }
  const funds = goal.totalFen ?? linesFen;
  for (let k = 0; k < indicators.length; k++) {
    const i = indicators[k];
    const v = checks.classify(i.level2, i.value);
    if (v !== null) emit(out, who, 'PERF.VAGUE_VALUE', i.location, perfVagueValue(who.unit, who.project, i.name, i.value, i.level2, v));
    if (i.level2 === '成本指标' && funds !== null) {
      const cost = costOf(checks, i.value);
      if (cost !== null && cost > funds) emit(out, who, 'PERF.COST_EXCEEDS', i.location, perfCostExceeds(who.unit, who.project, i.name, cost, funds), { actualFen: cost, limitFen: funds, excessFen: cost - funds });
    }
  }
}

/** Per unit: how many projects and how much of 项目支出 carry indicators (the Shanghai disclosure figures). */
function coverage(ctx: RuleContext, projects: ReadonlyArray<ProjectGroup>, fens: Float64Array, covered: Uint8Array, out: Finding[]): void {
  interface UnitCount { first: BudgetLine; projects: number; covered: number; totalFen: number; coveredFen: number }
  const byUnit = new Map<string, UnitCount>();
  // Projects of a unit usually follow each other: the previous unit is tried before the map.
  let lastUnit: string | null = null;
  let last: UnitCount | null = null;
  for (let p = 0; p < projects.length; p++) {
    const first = projects[p][1][0];
    const u = unitKey(first);
    let e: UnitCount | null | undefined = u === lastUnit ? last : byUnit.get(u);
    if (!e) byUnit.set(u, (e = { first, projects: 0, covered: 0, totalFen: 0, coveredFen: 0 }));
    lastUnit = u;
    last = e;
    const fen = fens[p];
    e.projects++;
    e.totalFen += fen;
    if (covered[p]) {
      e.covered++;
      e.coveredFen += fen;
    }
  }
  const min = ctx.config.perf.minCoverage;
  for (const e of byUnit.values()) {
    const complete = e.covered === e.projects;
    const share = e.totalFen > 0 ? e.coveredFen / e.totalFen : complete ? 1 : 0;
    if (complete || share >= min) continue;
    out.push(lineFinding('PERF.COVERAGE', e.first, perfCoverage({ unit: unitLabel(e.first), ...e }), undefined, {
      projects: e.projects, coveredProjects: e.covered, totalFen: e.totalFen, coveredFen: e.coveredFen, share,
    }));
  }
}

export const projectPerformance: RuleFamily = {
  family: 'PERF',
  emits: ['PERF.NOT_COVERED', 'PERF.COVERAGE', 'PERF.FUNDS_MISMATCH', 'PERF.LEVEL_MISSING', 'PERF.VAGUE_VALUE', 'PERF.COST_EXCEEDS', 'PERF.COPIED', 'PERF.UNLINKED', 'PERF.NOT_CHECKED'],
  run(ctx: RuleContext): Finding[] {
    const projects = groupByProject(ctx.lines);
    const goals = ctx.aux.performance;
    if (!goals) {
      if (projects.length === 0) return [];
      const files = [...new Set(projects.map(([, l]) => l[0].src.file))];
      return files.map((file) => finding('PERF.NOT_CHECKED', { file }, perfNotChecked(file)));
    }
    const out: Finding[] = [];
    const links = linkGoals(ctx.lines, goals);
    const { perf } = ctx.config;
    const checks: Checks = {
      classify: valueClassifier({ vagueWords: perf.vagueWords, measurableWords: perf.measurableWords, numericLevel2: NUMERIC_LEVEL2 }),
      fiscal: new FiscalMemo(),
      cost: new Map(),
    };
    const who = new ProjectSubject(codeMatcher(perf.publicServiceClasses));
    const fens = new Float64Array(projects.length);
    const covered = new Uint8Array(projects.length);
    for (let p = 0; p < projects.length; p++) {
      const [key, lines] = projects[p];
      const first = lines[0];
      const fen = (fens[p] = linesTotal(lines));
      const mine = links.byProject.get(key);
      let any = false;
      if (mine !== undefined) for (let k = 0; k < mine.length && !any; k++) any = mine[k].indicators.length > 0;
      if (!any) {
        out.push(lineFinding('PERF.NOT_COVERED', first, perfNotCovered(unitLabel(first), projectLabel(first), fen, mine !== undefined), first.src.columns.projectName ? 'projectName' : undefined, { actualFen: fen }));
      } else covered[p] = 1;
      if (mine === undefined) continue;
      who.aim(lines);
      for (const g of mine) checkGoal(g, who, lines, fen, checks, out);
    }
    coverage(ctx, projects, fens, covered, out);
    for (const g of links.unlinked) {
      const unit = g.unitName || g.unitCode;
      const unitRef: Finding['unit'] = {};
      if (g.unitCode) unitRef.code = g.unitCode;
      if (g.unitName) unitRef.name = g.unitName;
      out.push(finding('PERF.UNLINKED', g.location, perfUnlinked(g.sheet, goalLabel(g), unit), unitRef));
      checkGoal(g, { unit: unit || '未标明单位', project: goalLabel(g), unitRef, publicService: () => false }, null, null, checks, out);
    }
    for (const f of copiedGrids(goals, ctx.config.perf.minCopiedIndicators)) out.push(f);
    return out;
  },
};
