// The PERF rules as they were before the speed-up (at 022335d), kept verbatim as the reference of
// tests/core/rules/performance-equivalence.test.ts: the fast rules must give exactly these findings.
// Since kept in step with the fixes of behaviour: PERF.COPIED names a linked goal by its project; an
// unlinked goal's findings carry its run unit (tests/reference/core/run-unit.ts; none for a unit DATA.UNIT_UNRESOLVED dropped).
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
import type { RuleContext, RuleFamily } from '../../../../src/core/context';
import type { Finding, RuleId } from '../../../../src/core/findings';
import type { BudgetLine } from '../../../../src/core/lines';
import { unitKey } from '../../../../src/core/lines';
import {
  perfCostExceeds, perfDuplicateGoal, perfNoLines, perfSubject, perfUnitUnresolved, perfCoverage, perfFundsMismatch, perfLevelMissing, perfNotChecked, perfNotCovered, perfUnlinked, perfVagueValue,
} from '../../../../src/core/messages/performance';
import { costFen, NUMERIC_LEVEL2, valueClassifier } from '../../../../src/core/performance';
import { linkGoals } from './link';
import type { Indicator, PerfGoal } from '../../../../src/core/performance';
import { fundGroupOf } from '../../../../src/core/tables/common';
import { codeMatcher, finding, groupByProject, lineFinding, lineUnit, projectLabel, unitLabel } from '../../../../src/core/rules/finding-helpers';
import type { ProjectGroup } from '../../../../src/core/rules/finding-helpers';
import { copiedGrids } from './performance-copied';
import { referenceRunUnit } from '../../../reference/core/run-unit';

function goalLabel(g: PerfGoal): string {
  if (g.projectName && g.projectCode) return `${g.projectName}（${g.projectCode}）`;
  return g.projectName || g.projectCode || '未命名项目';
}

/** Who a goal's findings name: the project's unit and label from the lines when linked. */
interface Subject {
  readonly unit: string;
  readonly project: string;
  readonly unitRef: Finding['unit'];
}

function fiscal(source: string, memo: Map<string, boolean>): boolean {
  let r = memo.get(source);
  if (r === undefined) {
    const g = fundGroupOf(source);
    memo.set(source, (r = g === 'gp' || g === 'gf' || g === 'sc'));
  }
  return r;
}

function withLevel(indicators: ReadonlyArray<Indicator>) {
  let output = false, benefit = false, satisfaction = false, quantity = false;
  for (const i of indicators) {
    if (i.level1 === '产出指标') {
      output = true;
      if (i.level2 === '数量指标') quantity = true;
    } else if (i.level1 === '效益指标') benefit = true;
    else if (i.level1 === '满意度指标') satisfaction = true;
  }
  return { output, benefit, satisfaction, quantity };
}

function checkGoal(ctx: RuleContext, goal: PerfGoal, who: Subject, lines: ReadonlyArray<BudgetLine> | null, publicService: boolean,
  classify: ReturnType<typeof valueClassifier>, fiscalMemo: Map<string, boolean>, out: Finding[]): void {
  const at = (rule: RuleId, location: Finding['location'], message: string, figures?: Record<string, number>) =>
    out.push(finding(rule, location, message, who.unitRef, figures));
  let linesFen: number | null = null;
  if (lines) {
    let total = 0;
    let fiscalFen = 0;
    for (const l of lines) {
      total += l.amountFen;
      if (fiscal(l.fundSource, fiscalMemo)) fiscalFen += l.amountFen;
    }
    linesFen = total;
    if (goal.totalFen !== null && Math.abs(goal.totalFen - total) > (goal.totalRoundingFen ?? 0)) {
      at('PERF.FUNDS_MISMATCH', goal.totalLocation ?? goal.location, perfFundsMismatch(who.unit, who.project, '年度资金总额', goal.totalFen, total, goal.totalRoundingFen),
        { actualFen: goal.totalFen, expectedFen: total, excessFen: goal.totalFen - total });
    }
    if (goal.fiscalFen !== null && Math.abs(goal.fiscalFen - fiscalFen) > (goal.fiscalRoundingFen ?? 0)) {
      at('PERF.FUNDS_MISMATCH', goal.fiscalLocation ?? goal.location, perfFundsMismatch(who.unit, who.project, '其中：财政拨款', goal.fiscalFen, fiscalFen, goal.fiscalRoundingFen),
        { actualFen: goal.fiscalFen, expectedFen: fiscalFen, excessFen: goal.fiscalFen - fiscalFen });
    }
  }
  if (goal.indicators.length === 0) return;
  const has = withLevel(goal.indicators);
  const missing: string[] = [];
  if (!has.output) missing.push('产出指标');
  else if (!has.quantity) missing.push('产出指标中的数量指标');
  if (!has.benefit) missing.push('效益指标');
  if (!has.satisfaction && publicService) missing.push('满意度指标（面向公众的项目）');
  if (missing.length) at('PERF.LEVEL_MISSING', goal.location, perfLevelMissing(who.unit, who.project, missing));
  const funds = goal.totalFen ?? linesFen;
  if (goal.valuesUnread) return;
  for (const i of goal.indicators) {
    const v = classify(i.level2, i.value);
    if (v !== null) at('PERF.VAGUE_VALUE', i.location, perfVagueValue(who.unit, who.project, i.name, i.value, i.level2, v));
    if (i.level2 === '成本指标' && funds !== null) {
      const cost = costFen(i.value);
      if (cost !== null && cost > funds) at('PERF.COST_EXCEEDS', i.location, perfCostExceeds(who.unit, who.project, i.name, cost, funds), { actualFen: cost, limitFen: funds, excessFen: cost - funds });
    }
  }
}

/** Per unit: how many projects and how much of 项目支出 carry indicators (the Shanghai disclosure figures). */
function coverage(ctx: RuleContext, projects: ReadonlyArray<ProjectGroup>, covered: ReadonlySet<string>, checked: ReadonlySet<string>, out: Finding[]): void {
  const byUnit = new Map<string, { first: BudgetLine; projects: number; covered: number; totalFen: number; coveredFen: number }>();
  for (const [key, lines] of projects) {
    const first = lines[0];
    if (!checked.has(first.src.file)) continue;
    const u = unitKey(first);
    let e = byUnit.get(u);
    if (!e) byUnit.set(u, (e = { first, projects: 0, covered: 0, totalFen: 0, coveredFen: 0 }));
    let fen = 0;
    for (const l of lines) fen += l.amountFen;
    e.projects++;
    e.totalFen += fen;
    if (covered.has(key)) {
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
  emits: ['PERF.NOT_COVERED', 'PERF.COVERAGE', 'PERF.FUNDS_MISMATCH', 'PERF.LEVEL_MISSING', 'PERF.VAGUE_VALUE', 'PERF.COST_EXCEEDS', 'PERF.COPIED', 'PERF.UNLINKED', 'PERF.DUPLICATE_GOAL', 'PERF.NOT_CHECKED'],
  run(ctx: RuleContext): Finding[] {
    const projects = groupByProject(ctx.lines);
    const goals = ctx.aux.performance ?? [];
    if (goals.length === 0) {
      if (projects.length === 0) return [];
      const files = [...new Set(projects.map(([, l]) => l[0].src.file))];
      return files.map((file) => finding('PERF.NOT_CHECKED', { file }, perfNotChecked(file)));
    }
    const out: Finding[] = [];
    const links = linkGoals(ctx.lines, goals);
    const { perf } = ctx.config;
    const classify = valueClassifier({ vagueWords: perf.vagueWords, measurableWords: perf.measurableWords, numericLevel2: NUMERIC_LEVEL2 });
    const serves = codeMatcher(perf.publicServiceClasses);
    const fiscalMemo = new Map<string, boolean>();
    const covered = new Set<string>();
    // Inputs checked: those with a 绩效目标 sheet of their own, and those a goal of the run links into.
    const checked = new Set(goals.map((g) => g.file));
    for (const [key, lines] of projects) if (links.byProject.has(key)) checked.add(lines[0].src.file);
    for (const [key, lines] of projects) {
      const first = lines[0];
      if (!checked.has(first.src.file)) continue;
      const mine = links.byProject.get(key);
      const who: Subject = { unit: unitLabel(first), project: projectLabel(first), unitRef: lineUnit(first) };
      if (mine === undefined || mine.every((g) => g.indicators.length === 0)) {
        let fen = 0;
        for (const l of lines) fen += l.amountFen;
        out.push(lineFinding('PERF.NOT_COVERED', first, perfNotCovered(who.unit, who.project, fen, mine !== undefined), first.src.columns.projectName ? 'projectName' : undefined, { actualFen: fen }));
      } else covered.add(key);
      if (mine === undefined) continue;
      let publicService = false;
      for (const l of lines) if (serves(l.functionCode)) { publicService = true; break; }
      for (const g of mine) {
        checkGoal(ctx, g, who, lines, publicService, classify, fiscalMemo, out);
        if (g !== mine[0]) {
          const at = (x: PerfGoal) => `「${x.sheet}」表 ${x.location.cell ?? `第 ${x.location.row} 行`}`;
          out.push(finding('PERF.DUPLICATE_GOAL', g.location, perfDuplicateGoal(perfSubject(who.unit, who.project), mine.length, at(mine[0]), at(g)), who.unitRef));
        }
      }
    }
    coverage(ctx, projects, covered, checked, out);
    for (const g of links.unlinked) {
      const unit = g.unitName || g.unitCode;
      const resolved = referenceRunUnit(g.unitCode, g.unitName, ctx.unitConflicts);
      const unitRef: Finding['unit'] = resolved ?? {};
      if (resolved === null) out.push(finding('PERF.NOT_CHECKED', g.location, perfUnitUnresolved(g.sheet, goalLabel(g), unit)));
      else if (ctx.lines.length > 0) out.push(finding('PERF.UNLINKED', g.location, perfUnlinked(g.sheet, goalLabel(g), unit), unitRef));
      checkGoal(ctx, g, { unit: unit || '未标明单位', project: goalLabel(g), unitRef }, null, false, classify, fiscalMemo, out);
    }
    const firstOf = new Map<PerfGoal, BudgetLine>();
    for (const [key, lines] of projects) for (const g of links.byProject.get(key) ?? []) firstOf.set(g, lines[0]);
    out.push(...copiedGrids(goals, ctx.config.perf.minCopiedIndicators, (g) => firstOf.get(g) ?? null, (g) => referenceRunUnit(g.unitCode, g.unitName, ctx.unitConflicts)));
    for (const file of new Set(projects.map(([, l]) => l[0].src.file))) if (!checked.has(file)) out.push(finding('PERF.NOT_CHECKED', { file }, perfNotChecked(file)));
    const dropped = ctx.unitConflicts !== undefined && ctx.unitConflicts.codes.size + ctx.unitConflicts.names.size > 0;
    if (ctx.lines.length === 0) for (const file of new Set(goals.map((g) => g.file))) out.push(finding('PERF.NOT_CHECKED', { file }, perfNoLines(file, dropped)));
    return out;
  },
};
