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
 *   DUPLICATE_GOAL  a project whose goal is listed more than once, at each later listing (warning)
 *   NOT_CHECKED     an input with no 绩效目标 sheet of its own and no goal of the run linked to its
 *                   projects: its indicators not checked (info, never a pass; no NOT_COVERED for it);
 *                   a goal of a unit DATA.UNIT_UNRESOLVED dropped, filed under no unit, as its rows are
 */
import type { RuleContext, RuleFamily } from '../context';
import type { Finding, RuleId } from '../findings';
import type { BudgetLine } from '../lines';
import { unitKey } from '../lines';
import {
  perfCostExceedsOf, perfCoverage, perfFundsMismatchOf, perfLevelMissingOf, perfNotChecked, perfNotCovered, perfSubject, perfUnlinked,
  perfVagueTail, perfVagueValueOf, perfDuplicateGoal, perfNoLines, perfUnitUnresolved,
} from '../messages/performance';
import { costFen, linkGoals, NUMERIC_LEVEL2, valueClassifier } from '../performance';
import { runUnit } from '../run-unit';
import type { PerfGoal, Vagueness } from '../performance';
import { fundGroupOf } from '../tables/common';
import { codeMatcher, finding, groupByProject, lineFinding, lineUnit, projectLabel, unitLabel } from './finding-helpers';
import { copiedGrids, gridHashStart, gridHashStep } from './performance-copied';

/** “「绩效目标」表 B12”: where a goal is written. */
function where(g: PerfGoal): string {
  return `「${g.sheet}」表 ${g.location.cell ?? `第 ${g.location.row} 行`}`;
}

function goalLabel(g: PerfGoal): string {
  if (g.projectName && g.projectCode) return `${g.projectName}（${g.projectCode}）`;
  return g.projectName || g.projectCode || '未命名项目';
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

/**
 * Per run: the verdicts and message tails that repeat across two million indicators, memoised per
 * text (a big budget repeats "≥95%" hundreds of thousands of times).
 */
class Checks {
  readonly classify: ReturnType<typeof valueClassifier>;
  private readonly cost = new Map<string, number | null>();
  // Verdict → 二级指标 → value → message tail (only noNumber's tail names the 二级指标).
  private readonly tails = new Map<Vagueness, Map<string, Map<string, string>>>();
  private readonly measurable: ReadonlyArray<string>;
  constructor(ctx: RuleContext, private readonly serves: (code: string) => boolean) {
    const { perf } = ctx.config;
    this.measurable = perf.measurableWords;
    this.classify = valueClassifier({ vagueWords: perf.vagueWords, measurableWords: perf.measurableWords, numericLevel2: NUMERIC_LEVEL2 });
  }
  costOf(value: string): number | null {
    let c = this.cost.get(value);
    if (c === undefined) this.cost.set(value, (c = costFen(value)));
    return c;
  }
  tail(value: string, level2: string, v: Vagueness): string {
    let byLevel = this.tails.get(v);
    if (byLevel === undefined) this.tails.set(v, (byLevel = new Map()));
    const l2 = v.kind === 'noNumber' ? level2 : '';
    let byValue = byLevel.get(l2);
    if (byValue === undefined) byLevel.set(l2, (byValue = new Map()));
    let t = byValue.get(value);
    if (t === undefined) byValue.set(value, (t = perfVagueTail(value, level2, v, this.measurable)));
    return t;
  }
  /** Whether the project serves the public (满意度 expected): asked only when a grid lacks 满意度. */
  publicService(lines: ReadonlyArray<BudgetLine>): boolean {
    for (const l of lines) if (this.serves(l.functionCode)) return true;
    return false;
  }
}

/**
 * Who a goal's findings name; one object re-aimed per goal, its text and unit made when the goal's
 * first finding is (most goals of a big budget have none).
 */
class Subject {
  private first: BudgetLine | null = null;
  private goal!: PerfGoal;
  private unlinkedRef: Finding['unit'] | null = null;
  private text: string | null = null;
  private ref: Finding['unit'] | null = null;
  aim(first: BudgetLine | null, goal: PerfGoal, unlinkedRef: Finding['unit'] | null): this {
    this.first = first;
    this.goal = goal;
    this.unlinkedRef = unlinkedRef;
    this.text = null;
    this.ref = null;
    return this;
  }
  /** perfSubject: “单位项目“名称””. */
  get subject(): string {
    if (this.text === null) {
      const f = this.first;
      this.text = f !== null ? perfSubject(unitLabel(f), projectLabel(f)) : perfSubject(this.goal.unitName || this.goal.unitCode || '未标明单位', goalLabel(this.goal));
    }
    return this.text;
  }
  /** A new object per goal: findings of different projects never share one. */
  get unitRef(): Finding['unit'] {
    return (this.ref ??= this.first !== null ? lineUnit(this.first) : this.unlinkedRef ?? {});
  }
}

/**
 * The findings of one goal, in the order FUNDS_MISMATCH, LEVEL_MISSING, then VAGUE_VALUE and
 * COST_EXCEEDS per indicator; `project` is the linked project's lines (null: unlinked). Its grid hash
 * for PERF.COPIED is stored in hashes[n] (hashed[n] = 1) in the same pass over the indicators.
 */
function checkGoal(goal: PerfGoal, n: number, project: ReadonlyArray<BudgetLine> | null, linesFen: number, fiscalFen: number,
  who: Subject, checks: Checks, minCopied: number, hashes: Int32Array, hashed: Uint8Array, out: Finding[]): void {
  if (project !== null) {
    // To the 分, or within half the display step of a goal written in 万元 (12.35 万元 is not a mismatch
    // with 123,456.78 元: the sheet cannot say more).
    if (goal.totalFen !== null && goal.totalFen !== linesFen && Math.abs(goal.totalFen - linesFen) > (goal.totalRoundingFen ?? 0)) {
      out.push(finding('PERF.FUNDS_MISMATCH', goal.totalLocation ?? goal.location, perfFundsMismatchOf(who.subject, '年度资金总额', goal.totalFen, linesFen, goal.totalRoundingFen), who.unitRef,
        { actualFen: goal.totalFen, expectedFen: linesFen, excessFen: goal.totalFen - linesFen }));
    }
    if (goal.fiscalFen !== null && goal.fiscalFen !== fiscalFen && Math.abs(goal.fiscalFen - fiscalFen) > (goal.fiscalRoundingFen ?? 0)) {
      out.push(finding('PERF.FUNDS_MISMATCH', goal.fiscalLocation ?? goal.location, perfFundsMismatchOf(who.subject, '其中：财政拨款', goal.fiscalFen, fiscalFen, goal.fiscalRoundingFen), who.unitRef,
        { actualFen: goal.fiscalFen, expectedFen: fiscalFen, excessFen: goal.fiscalFen - fiscalFen }));
    }
  }
  const indicators = goal.indicators;
  if (indicators.length === 0) return;
  let output = false, benefit = false, satisfaction = false, quantity = false;
  let h = gridHashStart(indicators.length);
  for (let k = 0; k < indicators.length; k++) {
    const i = indicators[k];
    if (i.level1 === '产出指标') {
      output = true;
      if (i.level2 === '数量指标') quantity = true;
    } else if (i.level1 === '效益指标') benefit = true;
    else if (i.level1 === '满意度指标') satisfaction = true;
    h = gridHashStep(h, i);
  }
  if (indicators.length >= minCopied) {
    hashes[n] = h;
    hashed[n] = 1;
  }
  if (!output || !quantity || !benefit || !satisfaction) {
    const serves = !satisfaction && project !== null && checks.publicService(project);
    if (!output || !quantity || !benefit || serves) {
      const missing: string[] = [];
      if (!output) missing.push('产出指标');
      else if (!quantity) missing.push('产出指标中的数量指标');
      if (!benefit) missing.push('效益指标');
      if (serves) missing.push('满意度指标（面向公众的项目）');
      out.push(finding('PERF.LEVEL_MISSING', goal.location, perfLevelMissingOf(who.subject, missing), who.unitRef));
    }
  }
  // A grid without a 指标值 column was not read for values: not checked, never "vague".
  if (goal.valuesUnread) return;
  const funds = goal.totalFen ?? (project !== null ? linesFen : null);
  for (let k = 0; k < indicators.length; k++) {
    const i = indicators[k];
    const v = checks.classify(i.level2, i.value);
    if (v !== null) out.push(finding('PERF.VAGUE_VALUE', i.location, perfVagueValueOf(who.subject, i.name, i.level2, checks.tail(i.value, i.level2, v)), who.unitRef));
    // Negative funds (DATA.NEGATIVE_AMOUNT) set no limit; they could also take cost − funds past 2⁵³.
    if (i.level2 === '成本指标' && funds !== null && funds >= 0) {
      const cost = checks.costOf(i.value);
      if (cost !== null && cost > funds) {
        out.push(finding('PERF.COST_EXCEEDS', i.location, perfCostExceedsOf(who.subject, i.name, cost, funds), who.unitRef, { actualFen: cost, limitFen: funds, excessFen: cost - funds }));
      }
    }
  }
}

/**
 * The unit an unlinked goal's findings carry (run-unit.ts, as for any row naming a unit): null when
 * it is a unit DATA.UNIT_UNRESOLVED dropped (then PERF.NOT_CHECKED, and no unit: which unit is
 * exactly what the run could not tell), a name-only goal's unit by its one code in the run.
 */
export function unlinkedUnit(ctx: RuleContext, g: PerfGoal): Finding['unit'] | null {
  return runUnit(g, ctx.unitConflicts);
}

/** Files of the lines with no goal linked and no 绩效目标 sheet of their own, in first-seen order. */
function uncheckedFiles(sheets: ReadonlyArray<{ file: string; linked: boolean }>, goals: ReadonlyArray<PerfGoal>): Set<string> {
  const linked = new Set<string>();
  for (const s of sheets) if (s.linked) linked.add(s.file);
  const candidates = new Set<string>();
  for (const s of sheets) if (!linked.has(s.file)) candidates.add(s.file);
  if (candidates.size === 0) return candidates;
  for (const g of goals) candidates.delete(g.file);
  return candidates;
}

/** Per unit: how many projects and how much of 项目支出 carry indicators (the Shanghai disclosure figures). */
interface UnitCount { first: BudgetLine; projects: number; covered: number; totalFen: number; coveredFen: number }

function coverageFindings(ctx: RuleContext, units: ReadonlyArray<UnitCount>, out: Finding[]): void {
  const min = ctx.config.perf.minCoverage;
  for (const e of units) {
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
    const links = linkGoals(ctx.lines, goals);
    const { goalProject, goalStart, goalIndex } = links;
    const { perf } = ctx.config;
    const checks = new Checks(ctx, codeMatcher(perf.publicServiceClasses));
    const fiscal = new FiscalMemo();
    // One pass by project: its funds (in 分) and 财政拨款, its unit's coverage counts, NOT_COVERED,
    // then each linked goal's findings (its grid hash for COPIED made in the same walk over its
    // indicators). Each project's lines are touched once (290,000 projects on a big budget).
    const P = projects.length;
    const N = goals.length;
    const hashes = new Int32Array(N);
    const hashed = new Uint8Array(N);
    const minCopied = perf.minCopiedIndicators;
    const who = new Subject();
    const out: Finding[] = [];
    const units: UnitCount[] = [];
    const unitIds = new Map<string, number>();
    // Projects of a unit usually follow each other: the previous unit is tried before the map.
    let lastUnit: string | null = null;
    let e: UnitCount | null = null;
    // Per sheet of lines: whether a goal of the run links to one of its projects. An input that has
    // none and no 绩效目标 sheet of its own was not checked (decided after the walk).
    const sheets: Array<{ file: string; linked: boolean }> = [];
    let lastSrc: BudgetLine['src'] | null = null;
    let sheet: { file: string; linked: boolean } | null = null;
    for (let p = 0; p < P; p++) {
      const lines = projects[p][1];
      let fen = 0, fiscalFen = 0;
      for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        fen += l.amountFen;
        if (fiscal.is(l.fundSource)) fiscalFen += l.amountFen;
      }
      const first = lines[0];
      const u = unitKey(first);
      if (u !== lastUnit || e === null) {
        const id = unitIds.get(u);
        if (id === undefined) {
          unitIds.set(u, units.length);
          units.push((e = { first, projects: 0, covered: 0, totalFen: 0, coveredFen: 0 }));
        } else e = units[id];
        lastUnit = u;
      }
      e.projects++;
      e.totalFen += fen;
      const from = goalStart[p], to = goalStart[p + 1];
      if (first.src !== lastSrc || sheet === null) {
        lastSrc = first.src;
        sheets.push((sheet = { file: first.src.file, linked: false }));
      }
      if (to > from) sheet.linked = true;
      let any = false;
      for (let k = from; k < to && !any; k++) any = goals[goalIndex[k]].indicators.length > 0;
      if (any) {
        e.covered++;
        e.coveredFen += fen;
      } else {
        out.push(lineFinding('PERF.NOT_COVERED', first, perfNotCovered(unitLabel(first), projectLabel(first), fen, to > from), first.src.columns.projectName ? 'projectName' : undefined, { actualFen: fen }));
      }
      for (let k = from; k < to; k++) {
        const n = goalIndex[k];
        const g = goals[n];
        checkGoal(g, n, lines, fen, fiscalFen, who.aim(first, g, null), checks, minCopied, hashes, hashed, out);
        if (k > from) {
          const g0 = goals[goalIndex[from]];
          out.push(finding('PERF.DUPLICATE_GOAL', g.location, perfDuplicateGoal(who.subject, to - from, where(g0), where(g)), who.unitRef));
        }
      }
    }
    const unchecked = uncheckedFiles(sheets, goals);
    if (unchecked.size > 0) {
      // Rare (a folder where some departments sent no 绩效目标): their projects are not "uncovered".
      const kept = out.filter((f) => !(f.rule === 'PERF.NOT_COVERED' && unchecked.has(f.location.file)));
      out.length = 0;
      for (const f of kept) out.push(f);
    }
    coverageFindings(ctx, unchecked.size > 0 ? units.filter((u) => !unchecked.has(u.first.src.file)) : units, out);
    for (let n = 0; n < N; n++) {
      if (goalProject[n] >= 0) continue;
      const g = goals[n];
      const resolved = unlinkedUnit(ctx, g);
      const unitRef: Finding['unit'] = resolved ?? {};
      // Without budget lines every goal is "unlinked": one NOT_CHECKED per goal file says it instead.
      if (resolved === null) out.push(finding('PERF.NOT_CHECKED', g.location, perfUnitUnresolved(g.sheet, goalLabel(g), g.unitName || g.unitCode)));
      else if (ctx.lines.length > 0) out.push(finding('PERF.UNLINKED', g.location, perfUnlinked(g.sheet, goalLabel(g), g.unitName || g.unitCode), unitRef));
      checkGoal(g, n, null, 0, 0, who.aim(null, g, unitRef), checks, minCopied, hashes, hashed, out);
    }
    for (const f of copiedGrids(goals, minCopied, { hashes, hashed }, { goalProject, projects, unlinkedUnit: (g) => unlinkedUnit(ctx, g) })) out.push(f);
    for (const file of unchecked) out.push(finding('PERF.NOT_CHECKED', { file }, perfNotChecked(file)));
    const dropped = ctx.unitConflicts !== undefined && ctx.unitConflicts.codes.size + ctx.unitConflicts.names.size > 0;
    if (ctx.lines.length === 0) for (const file of new Set(goals.map((g) => g.file))) out.push(finding('PERF.NOT_CHECKED', { file }, perfNoLines(file, dropped)));
    return out;
  },
};
