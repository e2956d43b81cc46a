/**
 * Options of the synthetic budget-sheet generator (synth.ts), each documented where it is declared,
 * and their defaults.
 */
import { AmountUnit } from '../core/money';
import { SectorKey } from './synth-catalog';

export type SynthLayout = 'long' | 'wide' | 'split' | 'kindSplit';
export const SYNTH_LAYOUTS: ReadonlyArray<SynthLayout> = ['long', 'wide', 'split', 'kindSplit'];

/**
 * How codes are written: 'separate' = a 编码 column and a 名称 column; 'codeOnly' = the 编码 column
 * alone; 'space' = one cell "2010101 行政运行"; 'bracket' = "[2010101]行政运行"; 'dash' = "2010101-行政运行".
 * In the 'split' layout the function code is always split; the style then applies to the economic code.
 */
export type CodeStyle = 'separate' | 'codeOnly' | 'space' | 'bracket' | 'dash';

/**
 * Unit code, name and kind cells: on 'every' line row; 'merged' down each unit's block (real merges,
 * the cells under the top one empty); or written 'once' on the block's first row and left empty below
 * (the reader fills down).
 */
export type UnitCellStyle = 'every' | 'merged' | 'once';

/**
 * Words in the 支出类型 column: 'detailed' 人员经费/公用经费/项目支出; 'basic' 基本支出/项目支出 (the
 * reader splits 基本支出 by economic code: 301/303 人员, 302/310 公用); 'yitihua' 人员类/运转类/特定目标类
 * (预算管理一体化 exports).
 */
export type KindLabels = 'detailed' | 'basic' | 'yitihua';

export interface SynthOptions {
  /** Number of line rows (data rows that are budget lines). In 'wide' and 'kindSplit' a row may hold
   *  more than one non-zero part, so expected.lineCount can exceed this. Integer ≥ 1. */
  lines: number;
  /** Number of units (预算单位); default min(lines, 3). Lines are spread unevenly, each unit ≥ 1. */
  units?: number;
  /** PRNG seed (uint32); default 1. */
  seed?: number;
  /** Sheet layout; default 'long'. */
  layout?: SynthLayout;
  /** Display unit of the amounts: 'yuan' (元, ≤ 2 decimals) or 'wan' (万元, up to 6 decimals); default 'yuan'. */
  amountUnit?: AmountUnit;
  /** Share (0–1) of amount cells written as text ("1,234.56", "12.3456") instead of numbers; default 0. */
  amountText?: number;
  /** How zero parts of wide/kindSplit rows are written: empty, 0, or "-"; default 'blank'. */
  zeros?: 'blank' | 'zero' | 'dash';
  /** Draw every unit from one department (县教育局 and its schools…); default: units of several departments. */
  department?: SectorKey;
  /** Index of the first unit in the department's (or the mixed) unit sequence; default 0. Lets several
   *  sheets of one workbook hold different units. */
  firstUnit?: number;
  /** Budget year for the title and project codes; default 2025. */
  year?: number;
  /** Title rows above the header: true = "2025年县教育局部门预算明细表" plus an "编制部门：…" line; a
   *  string = that title; false = none. Default true. */
  title?: boolean | string;
  /** Where the amount unit is stated: a "单位：元"/"单位：万元" cell on the row above the header ('line'),
   *  a suffix on every amount header "本年预算数（万元）" ('header'), or nowhere ('none'). Default 'line'. */
  unitNote?: 'line' | 'header' | 'none';
  /** Two header rows with merged group captions (功能分类科目 over 编码 | 名称, 资金来源 over the fund
   *  parts, 基本支出 over 人员经费 | 公用经费, 上年情况 over the prior columns). Always on for 'split'.
   *  Default false. */
  twoRowHeader?: boolean;
  /** Code cell style; default 'separate'. */
  codeStyle?: CodeStyle;
  /** Words in the 支出类型 column; default 'detailed'. */
  kindLabels?: KindLabels;
  /** 单位编码 column; default true. Without it units are keyed by name. */
  unitCodeColumn?: boolean;
  /** 单位性质 column; default true. */
  unitKindColumn?: boolean;
  /** 项目编码 and 项目名称 columns; default true. */
  projectColumns?: boolean;
  /** 上年预算数, 上年执行率, 上年绩效评价得分 columns; default true. */
  priorColumns?: boolean;
  /** Amount headers by year ("2025年预算数", "2024年预算数") instead of 本年预算数 / 上年预算数; default false. */
  yearCaptions?: boolean;
  /** 测算依据 column (filled on project rows); default true. */
  basisColumn?: boolean;
  /** 绩效目标 column (filled on project rows); default true. */
  goalColumn?: boolean;
  /** 三保类型 column (保工资 / 保运转 / 保基本民生); default true. */
  sanbaoColumn?: boolean;
  /** A 序号 column first; default false. */
  serialColumn?: boolean;
  /** A 备注 column last (an extra column the reader must ignore); default false. */
  remarkColumn?: boolean;
  /** A "小计（单位名称）" row under each unit's block; default false. */
  subtotals?: boolean;
  /** A 合计 row right under the header ('top'), after the last block ('bottom') or none; default 'bottom'. */
  total?: 'top' | 'bottom' | 'none';
  /** Unit cell style; default 'every'. */
  unitCells?: UnitCellStyle;
  /** A blank row between unit blocks; default false. */
  blankRows?: boolean;
  /** Probability (0–1) that a project row is followed by a "其中：…" breakdown row (not a line); default 0. */
  breakdownRows?: number;
  /** Columns in a seeded random order (identity columns stay left of the amounts, groups stay
   *  together); default false. */
  shuffleColumns?: boolean;
  /** Sheet name; default '预算明细'. */
  sheetName?: string;
  /** Names replacing the generated units' names, in order (codes and kinds stay); e.g. for a
   *  Shanghai-style example. Default: the department's own unit names. */
  unitNames?: ReadonlyArray<string>;
  /** Department named in the title and the "编制部门：" line; default the units' department. */
  departmentName?: string;
  /** 上年执行率 and 上年绩效评价得分 as written in practice ('mixed': 0.87, "87%", 87 and scores or
   *  grades 优/良/中) or uniformly ('plain': decimals like 0.87 and scores 0–100). Default 'mixed'. */
  perfStyle?: 'mixed' | 'plain';
}

/** Options with every default filled in. */
export type Resolved = Required<Omit<SynthOptions, 'department' | 'unitNames' | 'departmentName'>> & {
  department: SectorKey | undefined;
  unitNames: ReadonlyArray<string>;
  departmentName: string | undefined;
};

export function resolve(o: SynthOptions): Resolved {
  if (!Number.isInteger(o.lines) || o.lines < 1) throw new RangeError(`synth: lines must be an integer ≥ 1, got ${o.lines}`);
  const units = o.units ?? Math.min(o.lines, 3);
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`synth: units must be an integer ≥ 1, got ${units}`);
  const layout = o.layout ?? 'long';
  return {
    lines: o.lines,
    units: Math.min(units, o.lines),
    seed: o.seed ?? 1,
    layout,
    amountUnit: o.amountUnit ?? 'yuan',
    amountText: o.amountText ?? 0,
    zeros: o.zeros ?? 'blank',
    department: o.department,
    firstUnit: o.firstUnit ?? 0,
    year: o.year ?? 2025,
    title: o.title ?? true,
    unitNote: o.unitNote ?? 'line',
    twoRowHeader: layout === 'split' ? true : o.twoRowHeader ?? false,
    codeStyle: o.codeStyle ?? 'separate',
    kindLabels: o.kindLabels ?? 'detailed',
    unitCodeColumn: o.unitCodeColumn ?? true,
    unitKindColumn: o.unitKindColumn ?? true,
    projectColumns: o.projectColumns ?? true,
    priorColumns: o.priorColumns ?? true,
    yearCaptions: o.yearCaptions ?? false,
    basisColumn: o.basisColumn ?? true,
    goalColumn: o.goalColumn ?? true,
    sanbaoColumn: o.sanbaoColumn ?? true,
    serialColumn: o.serialColumn ?? false,
    remarkColumn: o.remarkColumn ?? false,
    subtotals: o.subtotals ?? false,
    total: o.total ?? 'bottom',
    unitCells: o.unitCells ?? 'every',
    blankRows: o.blankRows ?? false,
    breakdownRows: o.breakdownRows ?? 0,
    shuffleColumns: o.shuffleColumns ?? false,
    sheetName: o.sheetName ?? '预算明细',
    unitNames: o.unitNames ?? [],
    departmentName: o.departmentName,
    perfStyle: o.perfStyle ?? 'mixed',
  };
}
