/**
 * ZBB — 零基预算 (zero-based budgeting), 绩效目标全覆盖 and 项目入库, per line and per project.
 *
 * Policy: 2025《政府工作报告》 “深化零基预算改革” (domain P19): no more “基数+增长”, every expenditure
 * starts from zero; projects are arranged on their 测算依据 and cut when “执行率不高” or “绩效较差”
 * (a 市财政局 2025 practice, domain P18; 绩效评价结果运用 优/良/中/差, P21, bands P22).
 * 中发〔2018〕34号《关于全面实施预算绩效管理的意见》: 绩效目标 for every project (绩效目标全覆盖, P33).
 * 项目库管理: “未入库不安排预算” (SPEC §3; 入库审核 contents, P34).
 *
 *   BASIS_MISSING          a project line with a blank 测算依据 (per line)
 *   GOAL_MISSING           a project none of whose lines has a 绩效目标 (per project)
 *   NOT_IN_LIBRARY         a project without code, or with a code not in the 项目库 sheet when given
 *   BASE_CARRYOVER         project total (fund scope) equal to its non-zero prior total
 *   UNDERPERFORMER_NOT_CUT prior 执行率 < zbb.minExecRate or 绩效得分 < zbb.minPerfScore, total not below prior
 *   NEW_LINE/DROPPED_LINE  lines without a match in the prior sheet/workbook (prior kind 'lines' only)
 * A column the check needs but the sheet lacks gives NOT_CHECKED (per file), never an error per line.
 * New projects (no prior) are never BASE_CARRYOVER or UNDERPERFORMER_NOT_CUT.
 */
import type { Field } from '../lines';
import type { Finding } from '../findings';
import { unitKey } from '../lines';
import type { BudgetLine } from '../lines';
import type { RuleContext, RuleFamily } from '../context';
import { notCheckedNoPrior } from '../messages/year-on-year';
import {
  ZBB_YOY_CHECK, zbbBaseCarryover, zbbBasisMissing, zbbDroppedLine, zbbGoalMissing, zbbNewLine, zbbNoColumn,
  zbbNoProjectCode, zbbNotInLibrary, zbbProjectsOutOfScope, zbbUnderperformer,
} from '../messages/zbb';
import type { LineDescription } from '../messages/zbb';
import { finding, groupByProject, groupLines, lineFinding, projectGroupKey, projectLabel, unitLabel } from './finding-helpers';
import type { ProjectGroup } from './finding-helpers';
import { compareGroups, filesWithoutPriorColumn, inScope, matchPriorLines, missingPriorReason } from './prior';
import { linkGoals } from '../performance/link';
import { parseScore } from '../reader/values';

/** Collects “column absent” cases: one NOT_CHECKED per (file, column) naming the sheets. */
class MissingColumns {
  private readonly byKey = new Map<string, { file: string; column: string; check: string; sheets: string[] }>();
  note(l: BudgetLine, column: string, check: string): void {
    const k = l.src.file + '\u0001' + column;
    const e = this.byKey.get(k) ?? { file: l.src.file, column, check, sheets: [] };
    if (!e.sheets.includes(l.src.sheet)) e.sheets.push(l.src.sheet);
    this.byKey.set(k, e);
  }
  findings(): Finding[] {
    return [...this.byKey.values()].map((e) => finding('ZBB.NOT_CHECKED', { file: e.file }, zbbNoColumn(e.file, e.sheets, e.column, e.check)));
  }
}

const has = (l: BudgetLine, f: Field) => l.src.columns[f] !== undefined;
const filled = (s: string) => s.trim() !== '';

function sumFen(lines: ReadonlyArray<BudgetLine>): number {
  let s = 0;
  for (const l of lines) s += l.amountFen;
  return s;
}

function minOf(values: ReadonlyArray<number | null>): number | null {
  let m: number | null = null;
  for (const v of values) if (v !== null && (m === null || v < m)) m = v;
  return m;
}

function describeLine(l: BudgetLine): LineDescription {
  return {
    unit: unitLabel(l),
    project: l.kind === 'project' ? projectLabel(l) : '',
    functionCode: l.functionCode,
    economicCode: l.economicCode,
    fundSource: l.fundSource,
  };
}

/** Per-line and per-project completeness: 测算依据, 绩效目标, 项目库. */
function completeness(ctx: RuleContext, projects: ReadonlyArray<ProjectGroup>, missing: MissingColumns): Finding[] {
  const out: Finding[] = [];
  for (const [, lines] of projects) {
    const first = lines[0];
    const library = ctx.aux.projectLibraryByFile?.get(first.src.file) ?? ctx.aux.projectLibrary;
    const unit = unitLabel(first);
    const project = projectLabel(first);
    for (const l of lines) {
      if (!has(l, 'basis')) missing.note(l, '测算依据', '测算依据填报情况');
      else if (!filled(l.basis)) out.push(lineFinding('ZBB.BASIS_MISSING', l, zbbBasisMissing(unit, project), 'basis'));
    }
    const withGoalColumn = lines.filter((l) => has(l, 'perfGoal'));
    if (withGoalColumn.length === 0) missing.note(first, '绩效目标', '绩效目标填报情况');
    else if (!lines.some((l) => filled(l.perfGoal))) {
      out.push(lineFinding('ZBB.GOAL_MISSING', withGoalColumn[0], zbbGoalMissing(unit, project, sumFen(lines)), 'perfGoal', { actualFen: sumFen(lines) }));
    }
    const code = first.projectCode.trim();
    if (!code) {
      if (has(first, 'projectCode')) out.push(lineFinding('ZBB.NOT_IN_LIBRARY', first, zbbNoProjectCode(unit, project), 'projectCode'));
      else missing.note(first, '项目编码', '项目入库情况');
    } else if (library && !library.codes.has(code)) {
      out.push(lineFinding('ZBB.NOT_IN_LIBRARY', first, zbbNotInLibrary(unit, project, code), 'projectCode'));
    }
  }
  return out;
}

/** Year-on-year project checks: BASE_CARRYOVER and UNDERPERFORMER_NOT_CUT. */
function yearOnYear(ctx: RuleContext, projects: ReadonlyArray<ProjectGroup>, missing: MissingColumns): Finding[] {
  const projectLines: BudgetLine[] = [];
  for (const [, lines] of projects) for (const l of lines) projectLines.push(l);
  if (projectLines.length === 0) return [];
  const groups = compareGroups(ctx, () => true, projectGroupKey, {}, projects);
  if (!groups) {
    const files = [...new Set(projectLines.map((l) => l.src.file))];
    return files.map((file) => finding('ZBB.NOT_CHECKED', { file }, notCheckedNoPrior(file, missingPriorReason(ctx, file), ZBB_YOY_CHECK)));
  }
  const out: Finding[] = [];
  const { minExecRate, minPerfScore } = ctx.config.zbb;
  const noColumnFiles = new Set<string>();
  // 上年绩效评价等级 from a 绩效目标 sheet's 评价等级 column or label (issue 16): named in the message,
  // and the score when the lines carry none.
  const perf = ctx.aux.performance ? linkGoals(ctx.lines, ctx.aux.performance) : null;
  // A 绩效评价 sheet (project + 评价等级) gives it when the 绩效目标 sheet does not.
  const graded = ctx.aux.perfGrades ? linkGoals(ctx.lines, ctx.aux.perfGrades) : null;
  const gradeOf = (key: string) =>
    perf?.byProject.get(key)?.find((x) => x.grade !== '')?.grade || graded?.byProject.get(key)?.find((x) => x.grade !== '')?.grade || '';
  for (const g of groups) {
    const first = g.lines[0];
    if (g.status === 'noPrior') {
      // A new project is never judged; a sheet without 上年预算数 column cannot tell.
      if (ctx.prior.kind === 'columns') for (const f of filesWithoutPriorColumn(g.lines)) noColumnFiles.add(f);
      continue;
    }
    if (g.status !== 'compared') continue;
    // With prior columns, a project whose 上年预算数 cells are all blank is a new project.
    if (ctx.prior.kind === 'columns' && g.lines.every((l) => l.priorFen === null)) continue;
    const unit = unitLabel(first);
    const project = projectLabel(first);
    const { actualFen, priorFen } = g;
    if (priorFen !== 0 && actualFen === priorFen) {
      out.push(lineFinding('ZBB.BASE_CARRYOVER', first, zbbBaseCarryover(unit, project, actualFen), undefined, { actualFen, priorFen }));
    }
    const grade = gradeOf(g.key);
    if (grade === '' && !g.lines.some((l) => has(l, 'priorExecRate') || has(l, 'priorActual') || has(l, 'perfScore'))) {
      missing.note(first, '上年执行率”或“上年绩效评价得分', '低效项目压减情况');
      continue;
    }
    let execRate = minOf(g.lines.map((l) => l.execRate));
    if (execRate === null && priorFen > 0 && g.lines.some((l) => l.priorActualFen !== null)) {
      let actual = 0;
      for (const l of g.lines) if (inScope(ctx.config, l)) actual += l.priorActualFen ?? 0;
      execRate = actual / priorFen;
    }
    const score = minOf(g.lines.map((l) => l.perfScore)) ?? (grade !== '' ? parseScore(grade) : null);
    const low = (execRate !== null && execRate < minExecRate) || (score !== null && score < minPerfScore);
    if (!low || actualFen < priorFen) continue;
    const figures: Record<string, number> = { actualFen, priorFen };
    if (execRate !== null) figures.execRate = execRate;
    if (score !== null) figures.score = score;
    const message = zbbUnderperformer({ unit, project, execRate, minExecRate, score, minScore: minPerfScore, actualFen, priorFen, grade });
    out.push(lineFinding('ZBB.UNDERPERFORMER_NOT_CUT', first, message, undefined, figures));
  }
  for (const file of noColumnFiles) out.push(finding('ZBB.NOT_CHECKED', { file }, notCheckedNoPrior(file, missingPriorReason(ctx, file), ZBB_YOY_CHECK)));
  // A unit with projects but none of their lines in fund scope: its projects were not compared.
  for (const lines of groupLines(projectLines, (l) => unitKey(l)).values()) {
    if (lines.some((l) => inScope(ctx.config, l))) continue;
    const first = lines[0];
    out.push(lineFinding('ZBB.NOT_CHECKED', first, zbbProjectsOutOfScope(unitLabel(first), ctx.config.fundScope)));
  }
  return out;
}

/** ZBB.NEW_LINE / ZBB.DROPPED_LINE against a prior-year sheet or workbook. */
function newAndDropped(ctx: RuleContext): Finding[] {
  if (ctx.prior.kind !== 'lines') return [];
  const { unmatchedCurrent, unmatchedPrior } = matchPriorLines(ctx.lines, ctx.prior.lines);
  const out: Finding[] = [];
  for (const l of unmatchedCurrent) out.push(lineFinding('ZBB.NEW_LINE', l, zbbNewLine(describeLine(l), l.amountFen), undefined, { actualFen: l.amountFen }));
  for (const p of unmatchedPrior) out.push(lineFinding('ZBB.DROPPED_LINE', p, zbbDroppedLine(describeLine(p), p.amountFen), undefined, { priorFen: p.amountFen }));
  return out;
}

export const zeroBasedBudgeting: RuleFamily = {
  family: 'ZBB',
  emits: ['ZBB.BASIS_MISSING', 'ZBB.GOAL_MISSING', 'ZBB.NOT_IN_LIBRARY', 'ZBB.BASE_CARRYOVER', 'ZBB.NEW_LINE', 'ZBB.DROPPED_LINE', 'ZBB.UNDERPERFORMER_NOT_CUT', 'ZBB.NOT_CHECKED'],
  run(ctx: RuleContext): Finding[] {
    const projects = groupByProject(ctx.lines);
    const missing = new MissingColumns();
    const out = [...completeness(ctx, projects, missing), ...yearOnYear(ctx, projects, missing), ...newAndDropped(ctx)];
    out.push(...missing.findings());
    return out;
  },
};

