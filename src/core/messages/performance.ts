/** Messages of PERF.* (项目绩效目标和指标审核). */
import { formatFen, formatPercent, formatYuan } from '../money';
import type { Vagueness } from '../performance/values';
import { wanText } from './year-on-year';

const SOURCE = '财预〔2021〕101号';

export function perfNotCovered(unit: string, project: string, amountFen: number, hasGoal: boolean): string {
  // Said of the 绩效目标 sheets: a line may carry 绩效目标 text while no sheet lists the project.
  const what = hasGoal ? '绩效目标表中没有绩效指标' : '绩效目标表中没有该项目的绩效目标和指标';
  return `${unit}项目“${project}”（${wanText(amountFen)}）${what}；预算项目应实现绩效目标全覆盖，按产出、效益、满意度设置指标（${SOURCE}）`;
}

export interface CoverageParams {
  unit: string;
  projects: number;
  covered: number;
  totalFen: number;
  coveredFen: number;
}

/** "县教育局项目支出 6 个、共 532.00 万元；编报绩效目标的项目 4 个，涉及资金 300.00 万元（占 56.4%）…" */
export function perfCoverage(p: CoverageParams): string {
  const share = p.totalFen > 0 ? `（占 ${formatPercent(p.coveredFen / p.totalFen)}）` : '';
  return `${p.unit}项目支出 ${p.projects} 个、共 ${wanText(p.totalFen)}；编报绩效目标的项目 ${p.covered} 个，涉及资金 ${wanText(p.coveredFen)}${share}，未实现绩效目标全覆盖`;
}

/**
 * “单位项目“名称””, how every per-project PERF message begins. The rules build it once per project
 * and pass it to the …Of forms below (a quarter of a million findings on a big budget).
 */
export function perfSubject(unit: string, project: string): string {
  // Joined rather than concatenated: kept by every finding of the project, one flat string is a
  // third the memory of the tree of pieces that concatenation builds.
  return [unit, '项目“', project, '”'].join('');
}

export function perfFundsMismatch(unit: string, project: string, what: string, goalFen: number, linesFen: number, roundingFen?: number): string {
  return perfFundsMismatchOf(perfSubject(unit, project), what, goalFen, linesFen, roundingFen);
}

/**
 * Decimals a 万元 amount was written with, from its half display step in 分 (PerfGoal.totalRoundingFen:
 * 12.35 万元 → 5,000 分 → 2); null when the amount was not written in 万元 with fewer than six decimals.
 */
function wanDecimals(roundingFen: number | undefined): number | null {
  if (roundingFen === undefined || roundingFen <= 0) return null;
  const d = Math.round(6 - Math.log10(2 * roundingFen));
  return d >= 0 && d < 6 ? d : null;
}

export function perfFundsMismatchOf(subject: string, what: string, goalFen: number, linesFen: number, roundingFen?: number): string {
  const diff = goalFen - linesFen;
  const tail = `${diff > 0 ? '多' : '少'} ${formatYuan(Math.abs(diff))} 元；绩效目标应与预算草案同步编审、金额一致`;
  const d = wanDecimals(roundingFen);
  if (d === null) return `${subject}绩效目标表的${what} ${formatYuan(goalFen)} 元，预算明细为 ${formatYuan(linesFen)} 元，${tail}`;
  // Written in 万元: quote it as the sheet shows it, and the lines both in 元 (exact) and at the
  // sheet's precision, so the reviewer can compare with what is on the page.
  const linesWan = formatFen(linesFen, 'wan', d);
  const exact = linesFen % 10 ** (6 - d) === 0;
  return `${subject}绩效目标表的${what} ${formatFen(goalFen, 'wan', d)} 万元（${formatYuan(goalFen)} 元），预算明细为 ${formatYuan(linesFen)} 元（${exact ? '' : '约 '}${linesWan} 万元），${tail}`;
}

export function perfLevelMissing(unit: string, project: string, missing: ReadonlyArray<string>): string {
  return perfLevelMissingOf(perfSubject(unit, project), missing);
}

export function perfLevelMissingOf(subject: string, missing: ReadonlyArray<string>): string {
  return `${subject}的绩效指标缺少${missing.join('、')}；项目绩效指标应包括产出、效益、满意度指标，产出指标应含数量指标（${SOURCE}）`;
}

function reason(v: Vagueness, level2: string, value: string): string {
  switch (v.kind) {
    case 'blank':
      return '为空';
    case 'vagueWord':
      // “指标值“良好”用“良好”表述” says the word twice: name it only when the value says more.
      return value.normalize('NFKC').replace(/\s+/g, '') === v.word ? '是定性表述，无法衡量' : `用“${v.word}”表述，无法衡量`;
    case 'noNumber':
      return `没有数字，${level2}应量化`;
    case 'notMeasurable':
      return '无法衡量';
  }
}

export function perfVagueValue(unit: string, project: string, name: string, value: string, level2: string, v: Vagueness): string {
  return perfVagueValueOf(perfSubject(unit, project), name, level2, perfVagueTail(value, level2, v));
}

/**
 * What follows the indicator's name: the same for every indicator of that value and verdict (memoised
 * by the rules). The advice names the countable terms the run accepts (perf.measurableWords), so a
 * list set through 规则设置 is never contradicted by the message.
 */
export function perfVagueTail(value: string, level2: string, v: Vagueness, measurable?: ReadonlyArray<string>): string {
  const shown = value === '' ? '' : `“${value}”`;
  return `”指标值${shown}${reason(v, level2, value)}；指标值应细化量化（数字加单位、≥/≤比较值、日期${countableAdvice(measurable)}）`;
}

function countableAdvice(words: ReadonlyArray<string> | undefined): string {
  if (words === undefined || (words.includes('是') && words.includes('否') && words.includes('达标'))) return '，或是/否、达标';
  const shown = words.filter((w) => w !== '').slice(0, 4);
  return shown.length === 0 ? '' : `，或${shown.join('、')}${words.length > shown.length ? '等' : ''}`;
}

export function perfVagueValueOf(subject: string, name: string, level2: string, tail: string): string {
  return subject + '的指标“' + (name || level2 || '未命名指标') + tail;
}

export function perfCostExceeds(unit: string, project: string, name: string, costFen: number, fundsFen: number): string {
  return perfCostExceedsOf(perfSubject(unit, project), name, costFen, fundsFen);
}

export function perfCostExceedsOf(subject: string, name: string, costFen: number, fundsFen: number): string {
  let cost = wanText(costFen);
  let funds = wanText(fundsFen);
  // 600,001 元 over 600,000 元 would read “60.00 万元，超过 60.00 万元”: then both in 元 to the 分.
  if (cost === funds) {
    cost = `${formatYuan(costFen)} 元`;
    funds = `${formatYuan(fundsFen)} 元`;
  }
  return `${subject}的成本指标“${name}”为 ${cost}，超过项目资金 ${funds}；成本指标不应超过项目预算`;
}

export function perfCopied(unit: string, project: string, n: number, otherUnit: string, otherProject: string): string {
  const where = otherUnit === unit ? '' : otherUnit;
  return `${unit}项目“${project}”的 ${n} 条绩效指标与${where}项目“${otherProject}”完全相同；不同项目应按各自内容设置绩效指标，照搬的指标请退回修改`;
}

/** A project whose goal is listed again (in the same or another 绩效目标 sheet): which one counts is unclear. */
export function perfDuplicateGoal(subject: string, n: number, first: string, here: string): string {
  return `${subject}在绩效目标表中填报了 ${n} 次（首次在${first}，此处${here}）；同一项目应只有一套绩效目标和指标，请合并或删除重复的填报`;
}

export function perfUnlinked(sheet: string, project: string, unit: string): string {
  const u = unit ? `（${unit}）` : '';
  return `「${sheet}」表中的项目“${project}”${u}在预算明细中找不到对应项目（按项目编码，或单位内的项目名称），其资金未与预算核对`;
}

/** A goal of a unit DATA.UNIT_UNRESOLVED dropped: its project's lines belong to no unit. */
export function perfUnitUnresolved(sheet: string, project: string, unit: string): string {
  return `「${sheet}」表中的项目“${project}”（${unit}）所属单位的编码与名称在预算明细中不一致（见“无法确定所属单位”），其预算行未计入任何单位，绩效目标资金未与预算核对（不视为通过）`;
}

/**
 * A run of 绩效目标 sheets without budget lines: the grids are checked, the funds and coverage are not.
 * `dropped`: the run had budget rows, but DATA.UNIT_UNRESOLVED left every one without a unit.
 */
export function perfNoLines(file: string, dropped = false): string {
  const why = dropped ? '预算明细的各行因单位编码与名称不一致未计入任何单位（见“无法确定所属单位”）' : '本次审核没有预算明细';
  return `${file}：${why}，绩效目标的资金和覆盖情况未与预算核对（不视为通过）；绩效指标本身已检查`;
}

export function perfNotChecked(file: string): string {
  return `${file}：没有绩效目标表（一级指标、二级指标、三级指标、指标值），项目绩效指标未检查（不视为通过）`;
}
