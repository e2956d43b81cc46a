/**
 * What every generator shares: the generation context (scope aggregate, style, year, 编制部门), the
 * title and unit line, and the layout of function-classification tables (类/款/项 rows with either
 * one 科目编码 column (national) or 类 · 款 · 项 columns (Shanghai, domain §1.2 A)).
 */
import type { RuleConfig } from '../config';
import type { AmountUnit } from '../money';
import type { PerfGoal } from '../performance/model';
import { type Aggregate, type CodeNode, type FundGroup, type HeaderNode, buildHeader, codeTree, fundMask, leaf } from './common';
import type { Entity, StandardTable, TableColumn, TableId, TableRow, TableStyle, TableValue } from './model';

/** Names of classification codes: the catalogue (src/core/catalog) or an extension of it. */
export interface NameLookup {
  functionName(code: string): string | undefined;
  economicName(code: string): string | undefined;
}

export interface TableContext {
  readonly agg: Aggregate;
  readonly style: TableStyle;
  readonly entity: Entity;
  readonly year: number | null;
  readonly department: string;
  readonly nonZeroOnly: boolean;
  readonly names: NameLookup;
  readonly config: RuleConfig;
  /** 绩效目标 of each project (key: unit key + \u0001 + project key) when a 绩效目标 sheet was read. */
  readonly goals?: ReadonlyMap<string, readonly PerfGoal[]>;
}

export const UNLISTED_FUNCTION = '未列明功能分类科目';
export const UNLISTED_ECONOMIC = '未列明经济分类科目';

/** Catalogue name, else the name written beside the code in the sheet, else ''. */
export function functionName(ctx: TableContext, code: string): string {
  if (code === '') return UNLISTED_FUNCTION;
  return ctx.names.functionName(code) ?? ctx.agg.functionNames.get(code) ?? '';
}

export function economicName(ctx: TableContext, code: string): string {
  if (code === '') return UNLISTED_ECONOMIC;
  return ctx.names.economicName(code) ?? ctx.agg.economicNames.get(code) ?? '';
}

/** "2026年" or '' when the year is unknown. */
export function yearText(ctx: TableContext): string {
  return ctx.year === null ? '' : `${ctx.year}年`;
}

/** Display unit: national tables in 万元; Shanghai tables in 元 except the 三公 table (domain §1.2). */
export function unitFor(ctx: TableContext, id: TableId): AmountUnit {
  if (ctx.style === 'national') return 'wan';
  return id === 'threePublic' || id === 'projectPerformance' ? 'wan' : 'yuan';
}

export interface TableParts {
  readonly id: TableId;
  /** Title without the year ("部门收支总表"). */
  readonly name: string;
  readonly orientation: 'portrait' | 'landscape';
  readonly tree: readonly HeaderNode[];
  readonly rows: readonly TableRow[];
  readonly notes?: readonly string[];
  readonly empty?: boolean;
}

/** Assemble a table: title with the year, the unit line, the header from its caption tree. */
export function makeTable(ctx: TableContext, parts: TableParts): StandardTable {
  const { columns, header, headerRows } = buildHeader(parts.tree);
  const unit = unitFor(ctx, parts.id);
  for (let i = 0; i < parts.rows.length; i++) {
    const r = parts.rows[i];
    if (r.cells.length !== columns.length) throw new Error(`${parts.name}: row "${r.name}" has ${r.cells.length} cells for ${columns.length} columns`);
  }
  return {
    id: parts.id,
    style: ctx.style,
    title: yearText(ctx) + parts.name,
    shortName: parts.name,
    preparedBy: `编制${ctx.entity}：${ctx.department}`,
    unitLabel: `单位：${unit === 'wan' ? '万元' : '元'}`,
    amountUnit: unit,
    orientation: parts.orientation,
    columns,
    headerRows,
    header,
    rows: parts.rows,
    notes: parts.notes ?? [],
    empty: parts.empty ?? false,
  };
}

export function row(cells: TableValue[], code: string, name: string, level: TableRow['level'], isTotal = false): TableRow {
  return { cells, code, name, level, isTotal };
}

// ---- function-classification tables ---------------------------------------------------------------

const CODE_COL = (key: string, width: number): TableColumn => ({ key, kind: 'code', width });
const NAME_COL: TableColumn = { key: 'name', kind: 'text', width: 36, indent: true };

/** The leading caption nodes of a classification table: code column(s) and the name column. */
export function codeHeader(ctx: TableContext, classification: 'function' | 'economic'): HeaderNode[] {
  const fn = classification === 'function';
  if (ctx.style === 'national') {
    return [leaf('科目编码', CODE_COL('code', fn ? 12 : 10)), leaf('科目名称', NAME_COL)];
  }
  const parts = fn
    ? [leaf('类', CODE_COL('class', 6)), leaf('款', CODE_COL('section', 5)), leaf('项', CODE_COL('item', 5))]
    : [leaf('类', CODE_COL('class', 6)), leaf('款', CODE_COL('section', 5))];
  return [
    { text: fn ? '功能分类科目编码' : '部门预算经济分类科目编码', children: parts },
    leaf(fn ? '功能分类科目名称' : '经济分类科目名称', NAME_COL),
  ];
}

/** The code cells of a row: one 科目编码 cell, or 类 · 款 (· 项) cells. */
export function codeCells(ctx: TableContext, code: string, level: number, classification: 'function' | 'economic'): TableValue[] {
  if (ctx.style === 'national') return [code];
  const cells: TableValue[] = [code.slice(0, 3), level >= 2 ? code.slice(3, 5) : '', level >= 3 ? code.slice(5, 7) : ''];
  return classification === 'function' ? cells : cells.slice(0, 2);
}

/** Blank code cells with the label in the name cell (合计 rows). */
export function labelCells(ctx: TableContext, label: string, classification: 'function' | 'economic'): TableValue[] {
  const n = ctx.style === 'national' ? 1 : classification === 'function' ? 3 : 2;
  return [...new Array<TableValue>(n).fill(''), label];
}

/**
 * Value nodes of the header: national style lists the value columns as they are; Shanghai style puts
 * them under one caption ("收入预算", "一般公共预算支出") beside 项目.
 */
export function classificationTree(ctx: TableContext, classification: 'function' | 'economic', valueCaption: string, values: readonly HeaderNode[]): HeaderNode[] {
  const codes = codeHeader(ctx, classification);
  if (ctx.style === 'national') return [...codes, ...values];
  return [{ text: '项目', children: codes }, { text: valueCaption, children: values }];
}

/** Function nodes of the scope: per code, `values(vec)`; codes limited to lines of `groups`. */
export function functionNodes(ctx: TableContext, groups: readonly FundGroup[], width: number, values: (vec: readonly number[]) => number[]): CodeNode[] {
  const mask = fundMask(groups);
  const leaves = new Map<string, number[]>();
  for (const [code, vec] of ctx.agg.byFunction) {
    if (((ctx.agg.functionFunds.get(code) ?? 0) & mask) === 0) continue;
    leaves.set(code, values(vec));
  }
  return codeTree(leaves, [3, 5, 7], width, ctx.nonZeroOnly);
}

/** Σ of the 类 rows (every leaf sits under exactly one 类, or in the 未列明 bucket). */
export function totalOf(nodes: readonly CodeNode[], width: number): number[] {
  const t = new Array<number>(width).fill(0);
  for (const n of nodes) if (n.level === 1) for (let i = 0; i < width; i++) t[i] += n.values[i];
  return t;
}

export interface FunctionTableSpec {
  readonly id: TableId;
  readonly name: string;
  readonly valueCaption: string;
  /** Value caption nodes; their leaves are the money columns, in the order `values` returns. */
  readonly values: readonly HeaderNode[];
  readonly width: number;
  readonly groups: readonly FundGroup[];
  readonly compute: (vec: readonly number[]) => number[];
  readonly orientation: 'portrait' | 'landscape';
  /** Statement printed when the table has no rows (政府性基金 / 国有资本经营 tables). */
  readonly emptyStatement?: string;
}

/** A 类/款/项 table with a final 合计 row. */
export function functionTable(ctx: TableContext, spec: FunctionTableSpec): StandardTable {
  const nodes = functionNodes(ctx, spec.groups, spec.width, spec.compute);
  const rows: TableRow[] = nodes.map((n) =>
    row([...codeCells(ctx, n.code, n.level, 'function'), functionName(ctx, n.code), ...n.values], n.code, functionName(ctx, n.code), n.level),
  );
  rows.push(row([...labelCells(ctx, '合计', 'function'), ...totalOf(nodes, spec.width)], '', '合计', 0, true));
  const empty = nodes.length === 0;
  return makeTable(ctx, {
    id: spec.id,
    name: spec.name,
    orientation: spec.orientation,
    tree: classificationTree(ctx, 'function', spec.valueCaption, spec.values),
    rows,
    empty,
    notes: empty && spec.emptyStatement ? [spec.emptyStatement] : [],
  });
}

/** SPEC §4.4: "本部门20XX年无政府性基金预算财政拨款安排的预算，故本表为空表。" */
export function emptyStatement(ctx: TableContext, budget: string): string {
  const s = `本${ctx.entity}${yearText(ctx)}无${budget}财政拨款安排的预算，故本表为空表。`;
  return ctx.style === 'shanghai' ? `注：${s}` : s;
}

// ---- titles ---------------------------------------------------------------------------------------

/** National titles (domain §1.2 C); the first three take 部门/单位. */
const NATIONAL_NAMES: Readonly<Record<TableId, string>> = {
  summary: '{E}收支总表',
  income: '{E}收入总表',
  expenditure: '{E}支出总表',
  fiscalSummary: '财政拨款收支总表',
  generalPublic: '一般公共预算支出表',
  generalPublicBasic: '一般公共预算基本支出表',
  threePublic: '一般公共预算“三公”经费支出表',
  govFund: '政府性基金预算支出表',
  stateCapital: '国有资本经营预算支出表',
  projectPerformance: '项目支出绩效目标表',
};

/** Shanghai titles (domain §1.2 A, G1–G3): every title starts with 部门 or 单位. */
const SHANGHAI_NAMES: Readonly<Record<TableId, string>> = {
  summary: '{E}财务收支预算总表',
  income: '{E}收入预算总表',
  expenditure: '{E}支出预算总表',
  fiscalSummary: '{E}财政拨款收支预算总表',
  generalPublic: '{E}一般公共预算支出功能分类预算表',
  generalPublicBasic: '{E}一般公共预算基本支出部门预算经济分类预算表',
  threePublic: '{E}“三公”经费和机关运行经费预算表',
  govFund: '{E}政府性基金预算支出功能分类预算表',
  stateCapital: '{E}国有资本经营预算支出功能分类预算表',
  projectPerformance: '{E}项目支出绩效目标表',
};

/** The table's title without the year, in the context's style and entity. */
export function tableName(ctx: Pick<TableContext, 'style' | 'entity'>, id: TableId): string {
  return (ctx.style === 'national' ? NATIONAL_NAMES : SHANGHAI_NAMES)[id].replace('{E}', ctx.entity);
}
