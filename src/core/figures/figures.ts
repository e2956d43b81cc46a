/**
 * The figures finance-bureau work reports quote (domain/ §5, SPEC §5.3), computed exactly:
 *
 * per 预算执行 row —
 *   本期累计, 年初预算, 调整预算, 上年同期, 月份 as read;
 *   预算 = 调整预算 when filled (non-blank, non-zero), else 年初预算;
 *   完成率 = 本期累计 ÷ 预算 (年初完成率, 调整完成率 with a fixed denominator);
 *   同比 = 本期累计 ÷ 上年同期 − 1;  增收额 = 本期累计 − 上年同期;
 *   序时进度 = 月份 ÷ 12;  超序时 = 完成率 − 序时进度 (个百分点);
 *   超序时金额 = 超序时 × 预算 = 本期累计 − 预算 × 月份 ÷ 12 (G10 AmountSequence);
 * per workbook —
 *   税收占比 = 税收收入 ÷ (地方)一般公共预算收入;
 *   民生支出占比 = 民生支出 ÷ 一般公共预算支出 (rows), else from budget lines by function class;
 *   “三保”支出 and its growth (rows 三保支出, or 保工资 + 保运转 + 保基本民生, else lines tagged 三保);
 *   “三公”经费, its prior, 压减额 = 上年 − 本年 and 压减率 = 压减额 ÷ 上年 (row, else lines 30212 +
 *   30217 + 30231 + 31013).
 * A figure whose inputs are missing, or whose denominator is 0 (domain/ §4.2 G6: 年初预算 0 used as the
 * 完成率 denominator), is not computed; its reason is kept for the unresolved list.
 */
import { DEFAULT_CONFIG } from '../config';
import type { RuleConfig } from '../config';
import type { ExecutionRow } from '../context';
import type { BudgetLine } from '../lines';
import { normalizeText } from '../text';
import { ratio, subtract, toNumber } from './ratio';
import type { Ratio } from './ratio';

/** How a figure is measured: money (分), a ratio shown in % or in 个百分点, or a month count. */
export type FigureValue =
  | { readonly kind: 'money'; readonly fen: number }
  | { readonly kind: 'ratio'; readonly ratio: Ratio }
  | { readonly kind: 'count'; readonly n: number };

/** The unit a figure is shown in by default. */
export type FigureUnit = '万元' | '%' | '个百分点' | '月';

export interface Figure {
  /** "一般公共预算收入.完成率" or a workbook figure "税收占比". */
  readonly name: string;
  readonly value: FigureValue;
  readonly unit: FigureUnit;
  /** Where it came from, in Chinese ("本期累计 ÷ 调整预算"). */
  readonly source: string;
}

export interface FigureSet {
  /** Computed figures by name, rows in sheet order then workbook figures. */
  readonly figures: Map<string, Figure>;
  /** Figures that could not be computed: name → reason. */
  readonly missing: Map<string, string>;
  /** Execution rows by normalised item name (first occurrence wins). */
  readonly rows: Map<string, ExecutionRow>;
}

export interface FigureInputs {
  /** Rows of the 预算执行 sheet (empty when the inputs have none). */
  readonly execution: ReadonlyArray<ExecutionRow>;
  /** Current-year budget lines, for the figures that come from them. */
  readonly lines?: ReadonlyArray<BudgetLine>;
  /** Prior-year lines from a prior sheet or workbook; otherwise lines' own priorFen is used. */
  readonly priorLines?: ReadonlyArray<BudgetLine>;
  readonly config?: RuleConfig;
}

/** Row metrics in display order. */
export const ROW_METRICS = [
  '本期累计', '年初预算', '调整预算', '预算', '完成率', '年初完成率', '调整完成率', '上年同期', '同比', '增收额',
  '月份', '序时进度', '超序时', '超序时金额',
] as const;
export type RowMetric = (typeof ROW_METRICS)[number];

/** Workbook-level figures. */
export const WORKBOOK_FIGURES = ['月份', '税收占比', '民生支出占比', '三保支出', '三保支出上年', '三保支出增长', '三公经费', '三公经费上年', '三公经费压减额', '三公经费压减率'] as const;
export type WorkbookFigure = (typeof WORKBOOK_FIGURES)[number];

/** Other words report writers use for the same metric (normalised). */
const METRIC_ALIASES: Record<string, RowMetric> = {
  完成数: '本期累计', 完成: '本期累计', 累计: '本期累计', 累计完成: '本期累计', 本年累计: '本期累计', 执行数: '本期累计', 本期累计数: '本期累计',
  年初预算数: '年初预算', 年初数: '年初预算',
  调整预算数: '调整预算', 调整后预算: '调整预算',
  预算数: '预算',
  完成进度: '完成率', 预算完成率: '完成率', 执行进度: '完成率', 支出进度: '完成率',
  完成年初预算: '年初完成率', 完成调整预算: '调整完成率',
  上年同期数: '上年同期',
  同比增长: '同比', 同比增幅: '同比', 增幅: '同比', 增长率: '同比', 增速: '同比', 同比增减: '同比', 增长: '同比',
  增减额: '增收额', 增加额: '增收额', 增支额: '增收额', 同比增减额: '增收额',
  月: '月份',
  序时: '序时进度',
  超序时进度: '超序时', 超短序时: '超序时', 超序时进度百分点: '超序时',
};

const WORKBOOK_ALIASES: Record<string, WorkbookFigure> = {
  税收收入占比: '税收占比', 民生占比: '民生支出占比', 民生领域支出占比: '民生支出占比',
  三保支出额: '三保支出', 三保增长: '三保支出增长', 三保支出增幅: '三保支出增长', 三保支出同比: '三保支出增长',
  三公经费支出: '三公经费', 三公经费压减: '三公经费压减率', 三公压减率: '三公经费压减率', 三公压减额: '三公经费压减额',
};

export function canonicalMetric(name: string): RowMetric | null {
  const n = normalizeText(name);
  if ((ROW_METRICS as ReadonlyArray<string>).includes(n)) return n as RowMetric;
  return METRIC_ALIASES[n] ?? null;
}

export function canonicalWorkbookFigure(name: string): WorkbookFigure | null {
  const n = normalizeText(name);
  if ((WORKBOOK_FIGURES as ReadonlyArray<string>).includes(n)) return n as WorkbookFigure;
  return WORKBOOK_ALIASES[n] ?? null;
}

/** Row lookup key: "（一）税收收入", "“三公”经费" → "税收收入", "三公经费". */
export function rowKey(item: string): string {
  return normalizeText(item);
}

// ---- building ------------------------------------------------------------------------------------

class Builder {
  readonly figures = new Map<string, Figure>();
  readonly missing = new Map<string, string>();

  money(name: string, fen: number | null, source: string, whyMissing: string): void {
    if (fen === null) this.missing.set(name, whyMissing);
    else this.figures.set(name, { name, value: { kind: 'money', fen }, unit: '万元', source });
  }

  ratio(name: string, r: Ratio | null, unit: '%' | '个百分点', source: string, whyMissing: string): void {
    if (r === null) this.missing.set(name, whyMissing);
    else this.figures.set(name, { name, value: { kind: 'ratio', ratio: r }, unit, source });
  }
}

function rowFigures(b: Builder, row: ExecutionRow): void {
  const p = row.item;
  const { initialFen: initial, adjustedFen: adjusted, actualFen: actual, priorSameFen: prior, month } = row;
  b.money(`${p}.本期累计`, actual, '本期累计', '本期累计为空');
  b.money(`${p}.年初预算`, initial, '年初预算', '年初预算为空');
  b.money(`${p}.调整预算`, adjusted, '调整预算', '调整预算为空');
  b.money(`${p}.上年同期`, prior, '上年同期', '上年同期为空');

  const useAdjusted = adjusted !== null && adjusted !== 0;
  const budget = useAdjusted ? adjusted : initial;
  const budgetLabel = useAdjusted ? '调整预算' : '年初预算';
  b.money(`${p}.预算`, budget, budgetLabel, '年初预算和调整预算都为空');

  const done = (name: string, den: number | null, label: string): void => {
    const why = actual === null ? '本期累计为空' : den === null ? `${label}为空` : `${label}为 0，不能作为完成率的分母`;
    b.ratio(name, actual === null || den === null ? null : ratio(actual, den), '%', `本期累计 ÷ ${label}`, why);
  };
  done(`${p}.完成率`, budget, budgetLabel);
  done(`${p}.年初完成率`, initial, '年初预算');
  done(`${p}.调整完成率`, adjusted, '调整预算');

  const yoyWhy = actual === null ? '本期累计为空' : prior === null ? '上年同期为空' : '上年同期为 0，无法计算同比';
  const yoy = actual === null || prior === null ? null : ratio(actual - prior, prior);
  b.ratio(`${p}.同比`, yoy, '%', '本期累计 ÷ 上年同期 − 1', yoyWhy);
  b.money(`${p}.增收额`, actual === null || prior === null ? null : actual - prior, '本期累计 − 上年同期', actual === null ? '本期累计为空' : '上年同期为空');

  if (month === null) b.missing.set(`${p}.月份`, '未给出月份（月份列或标题中的“1-X月”）');
  else b.figures.set(`${p}.月份`, { name: `${p}.月份`, value: { kind: 'count', n: month }, unit: '月', source: '月份' });
  const seq = month === null ? null : ratio(month, 12);
  b.ratio(`${p}.序时进度`, seq, '%', '月份 ÷ 12', '未给出月份（月份列或标题中的“1-X月”）');

  const rate = actual === null || budget === null ? null : ratio(actual, budget);
  const seqWhy = month === null ? '未给出月份（月份列或标题中的“1-X月”）' : actual === null ? '本期累计为空' : budget === null ? '年初预算和调整预算都为空' : `${budgetLabel}为 0，无法计算完成率`;
  b.ratio(`${p}.超序时`, rate && seq ? subtract(rate, seq) : null, '个百分点', `完成率 − 序时进度`, seqWhy);
  // 超序时 × 预算 = 本期累计 − 预算 × 月份 ÷ 12, rounded to the 分.
  let ahead: number | null = null;
  if (rate && seq && budget !== null && actual !== null && month !== null) {
    const r = ratio(BigInt(actual) * 12n - BigInt(budget) * BigInt(month), 12) as Ratio;
    const q = r.num / r.den;
    const rem = r.num % r.den;
    ahead = Number(q + (rem * 2n >= r.den ? 1n : rem * 2n <= -r.den ? -1n : 0n));
  }
  b.money(`${p}.超序时金额`, ahead, '超序时 × 预算', seqWhy);
}

function findRow(rows: Map<string, ExecutionRow>, names: ReadonlyArray<string>): ExecutionRow | null {
  for (const n of names) {
    const r = rows.get(rowKey(n));
    if (r) return r;
  }
  return null;
}

const REVENUE_ROWS = ['地方一般公共预算收入', '一般公共预算收入', '一般公共预算收入合计'];
const SPENDING_ROWS = ['一般公共预算支出', '一般公共预算支出合计'];
const LIVELIHOOD_ROWS = ['民生支出', '民生领域支出', '民生支出合计'];
const SANBAO_ROWS = ['三保支出', '县级三保支出', '三保支出合计'];
const SANBAO_PARTS = ['保工资', '保运转', '保基本民生'];
const THREE_PUBLIC_ROWS = ['三公经费', '三公经费支出'];
/** “三公”经费 economic codes (domain/ §3.1). */
export const THREE_PUBLIC_CODES = ['30212', '30217', '30231', '31013'];

function inScope(l: BudgetLine, cfg: RuleConfig): boolean {
  return cfg.fundScope.includes(l.fundSource);
}

/** Σ current and Σ prior of the lines a predicate selects; prior null when nothing says it. */
function lineTotals(inp: FigureInputs, cfg: RuleConfig, pick: (l: BudgetLine) => boolean): { cur: number; prior: number | null; count: number } {
  let cur = 0;
  let count = 0;
  let prior = 0;
  let priorKnown = false;
  for (const l of inp.lines ?? []) {
    if (!inScope(l, cfg) || !pick(l)) continue;
    cur += l.amountFen;
    count++;
    if (!inp.priorLines && l.priorFen !== null) {
      prior += l.priorFen;
      priorKnown = true;
    }
  }
  if (inp.priorLines) {
    priorKnown = true;
    for (const l of inp.priorLines) if (inScope(l, cfg) && pick(l)) prior += l.amountFen;
  }
  return { cur, prior: priorKnown ? prior : null, count };
}

function workbookFigures(b: Builder, rows: Map<string, ExecutionRow>, inp: FigureInputs): void {
  const cfg = inp.config ?? DEFAULT_CONFIG;
  const hasLines = (inp.lines?.length ?? 0) > 0;

  // 月份: the month all rows share.
  const months = new Set<number>();
  for (const r of rows.values()) if (r.month !== null) months.add(r.month);
  if (months.size === 1) b.figures.set('月份', { name: '月份', value: { kind: 'count', n: [...months][0] }, unit: '月', source: '月份' });
  else b.missing.set('月份', months.size === 0 ? '预算执行表未给出月份' : '各行月份不同，请写成“行.月份”');

  // 税收占比
  const tax = findRow(rows, ['税收收入']);
  const revenue = findRow(rows, REVENUE_ROWS);
  if (!tax || !revenue) b.missing.set('税收占比', `预算执行表中没有${!tax ? '“税收收入”' : ''}${!tax && !revenue ? '和' : ''}${!revenue ? '“一般公共预算收入”' : ''}行`);
  else share(b, '税收占比', tax, revenue);

  // 民生支出占比: rows first, then lines.
  const livelihood = findRow(rows, LIVELIHOOD_ROWS);
  const spending = findRow(rows, SPENDING_ROWS);
  if (livelihood && spending) share(b, '民生支出占比', livelihood, spending);
  else if (hasLines) {
    const classes = new Set(cfg.livelihood.functionClasses);
    const excluded = new Set(cfg.livelihood.excludeClasses);
    const num = lineTotals(inp, cfg, (l) => classes.has(l.functionCode.slice(0, 3))).cur;
    const den = lineTotals(inp, cfg, (l) => !excluded.has(l.functionCode.slice(0, 3))).cur;
    b.ratio('民生支出占比', ratio(num, den), '%', `预算明细：民生类（${[...classes].join('、')}）÷ 支出合计（不含 ${[...excluded].join('、')}）`, '预算明细的支出合计为 0');
  } else b.missing.set('民生支出占比', '预算执行表中没有“民生支出”和“一般公共预算支出”行，也没有预算明细');

  // “三保”支出
  const sanbaoRow = findRow(rows, SANBAO_ROWS);
  const parts = SANBAO_PARTS.map((n) => findRow(rows, [n]));
  if (sanbaoRow) {
    growth(b, '三保支出', sanbaoRow.actualFen, sanbaoRow.priorSameFen, `预算执行表中的${sanbaoRow.item}行`);
  } else if (parts.every((r) => r !== null)) {
    const rs = parts as ExecutionRow[];
    const sum = (f: (r: ExecutionRow) => number | null): number | null => (rs.some((r) => f(r) === null) ? null : rs.reduce((s, r) => s + (f(r) as number), 0));
    growth(b, '三保支出', sum((r) => r.actualFen), sum((r) => r.priorSameFen), '预算执行表 保工资 + 保运转 + 保基本民生');
  } else if (hasLines && lineTotals(inp, cfg, (l) => l.sanbao !== null).count > 0) {
    const t = lineTotals(inp, cfg, (l) => l.sanbao !== null);
    growth(b, '三保支出', t.cur, t.prior, '预算明细中标有三保类型的行');
  } else {
    const why = '预算执行表中没有“三保”支出行（或保工资、保运转、保基本民生三行），预算明细中也没有标三保类型的行';
    for (const n of ['三保支出', '三保支出上年', '三保支出增长']) b.missing.set(n, why);
  }

  // “三公”经费
  const tp = findRow(rows, THREE_PUBLIC_ROWS);
  const codes = new Set(THREE_PUBLIC_CODES);
  if (tp) cut(b, tp.actualFen, tp.priorSameFen, `预算执行表中的${tp.item}行`);
  else if (hasLines && lineTotals(inp, cfg, (l) => codes.has(l.economicCode)).count > 0) {
    const t = lineTotals(inp, cfg, (l) => codes.has(l.economicCode));
    cut(b, t.cur, t.prior, `预算明细经济分类 ${THREE_PUBLIC_CODES.join('、')}`);
  } else {
    const why = '预算执行表中没有“三公”经费行，预算明细中也没有“三公”经费（30212、30217、30231、31013）';
    for (const n of ['三公经费', '三公经费上年', '三公经费压减额', '三公经费压减率']) b.missing.set(n, why);
  }
}

function share(b: Builder, name: string, part: ExecutionRow, whole: ExecutionRow): void {
  const why = part.actualFen === null ? `“${part.item}”的本期累计为空` : whole.actualFen === null ? `“${whole.item}”的本期累计为空` : `“${whole.item}”的本期累计为 0`;
  const r = part.actualFen === null || whole.actualFen === null ? null : ratio(part.actualFen, whole.actualFen);
  b.ratio(name, r, '%', `${part.item} ÷ ${whole.item}（本期累计）`, why);
}

function growth(b: Builder, name: string, cur: number | null, prior: number | null, source: string): void {
  b.money(name, cur, source, '本期数为空');
  b.money(`${name}上年`, prior, source, '上年数为空');
  const why = cur === null ? '本期数为空' : prior === null ? '上年数为空' : '上年数为 0，无法计算增长';
  b.ratio(`${name}增长`, cur === null || prior === null ? null : ratio(cur - prior, prior), '%', `${source}：本期 ÷ 上年 − 1`, why);
}

function cut(b: Builder, cur: number | null, prior: number | null, source: string): void {
  b.money('三公经费', cur, source, '本年数为空');
  b.money('三公经费上年', prior, source, '上年数为空（需要上年同期、上年预算数列或上年预算表）');
  const why = cur === null ? '本年数为空' : prior === null ? '上年数为空（需要上年同期、上年预算数列或上年预算表）' : '上年数为 0，无法计算压减率';
  b.money('三公经费压减额', cur === null || prior === null ? null : prior - cur, `${source}：上年 − 本年`, why);
  b.ratio('三公经费压减率', cur === null || prior === null ? null : ratio(prior - cur, prior), '%', `${source}：（上年 − 本年）÷ 上年`, why);
}

/** Compute every figure the inputs allow. Pure; never throws on data. */
export function computeFigures(inp: FigureInputs): FigureSet {
  const b = new Builder();
  const rows = new Map<string, ExecutionRow>();
  for (const row of inp.execution) {
    const key = rowKey(row.item);
    if (rows.has(key)) continue;
    rows.set(key, row);
    rowFigures(b, row);
  }
  workbookFigures(b, rows, inp);
  return { figures: b.figures, missing: b.missing, rows };
}

// ---- lookup --------------------------------------------------------------------------------------

export type Lookup = { ok: true; figure: Figure } | { ok: false; reason: string };

/**
 * The figure a placeholder names: `row` null for workbook figures ("税收占比") — or a row alone,
 * which means its 本期累计.
 */
export function lookupFigure(set: FigureSet, row: string | null, metric: string): Lookup {
  if (row === null) {
    const wf = canonicalWorkbookFigure(metric);
    if (wf) return fromSet(set, wf);
    if (set.rows.has(rowKey(metric))) return lookupFigure(set, metric, '本期累计');
    return { ok: false, reason: `未知指标“${metric}”：全表指标有 ${WORKBOOK_FIGURES.join('、')}；行指标写成“行.指标”` };
  }
  const r = set.rows.get(rowKey(row));
  if (!r) {
    const key = rowKey(row);
    const near = [...set.rows.values()].map((x) => x.item).filter((n) => rowKey(n).includes(key) || key.includes(rowKey(n)));
    const hint = near.length > 0 ? `，是否指“${near.slice(0, 3).join('”“')}”？` : set.rows.size === 0 ? '（没有读到预算执行表）' : '';
    return { ok: false, reason: `预算执行表中没有“${row}”行${hint}` };
  }
  const m = canonicalMetric(metric);
  if (!m) return { ok: false, reason: `未知指标“${metric}”，可用：${ROW_METRICS.join('、')}` };
  return fromSet(set, `${r.item}.${m}`);
}

function fromSet(set: FigureSet, name: string): Lookup {
  const f = set.figures.get(name);
  if (f) return { ok: true, figure: f };
  return { ok: false, reason: set.missing.get(name) ?? `无法计算 ${name}` };
}

// ---- JSON ----------------------------------------------------------------------------------------

export interface FigureJson {
  /** 万元 for money, percent for ratios (31.7 means 31.7%), 个百分点, or a month number. */
  value: number;
  unit: FigureUnit;
  /** Exact amount in 分 for money figures. */
  fen?: number;
  source: string;
}

export function figureJson(f: Figure): FigureJson {
  switch (f.value.kind) {
    case 'money':
      return { value: f.value.fen / 1_000_000, unit: '万元', fen: f.value.fen, source: f.source };
    case 'ratio':
      return { value: toNumber({ num: f.value.ratio.num * 100n, den: f.value.ratio.den }), unit: f.unit, source: f.source };
    case 'count':
      return { value: f.value.n, unit: f.unit, source: f.source };
  }
}
