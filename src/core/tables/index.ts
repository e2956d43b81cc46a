/**
 * The standard disclosure tables (部门预算公开表, SPEC §4.4): a registry of one generator per table
 * and generateTables, which makes a set for one unit, a chosen set of units, or all units
 * consolidated. Pure: lines in, table models out; adapters render them.
 */
import { type RuleConfig, DEFAULT_CONFIG } from '../config';
import { defaultCatalog } from '../catalog';
import { type BudgetLine, unitKey } from '../lines';
import { type Aggregate, type UnitInfo, aggregate } from './common';
import { expenditureTable } from './expenditure';
import { fiscalSummaryTable } from './fiscal-summary';
import { generalPublicTable } from './general-public';
import { generalPublicBasicTable } from './general-public-basic';
import { govFundTable } from './gov-fund';
import { incomeTable } from './income';
import { type NameLookup, type TableContext, tableName } from './layout';
import { linkGoals } from '../performance/link';
import type { PerfGoal } from '../performance/model';
import type { Entity, StandardTable, TableId, TableStyle } from './model';
import { projectPerformanceTable } from './project-performance';
import { stateCapitalTable } from './state-capital';
import { summaryTable } from './summary';
import { threePublicTable } from './three-public';

export * from './model';
export type { NameLookup } from './layout';
export type { UnitInfo } from './common';
export { tableName };

export const TABLE_GENERATORS: Readonly<Record<TableId, (ctx: TableContext) => StandardTable>> = {
  summary: summaryTable,
  income: incomeTable,
  expenditure: expenditureTable,
  fiscalSummary: fiscalSummaryTable,
  generalPublic: generalPublicTable,
  generalPublicBasic: generalPublicBasicTable,
  threePublic: threePublicTable,
  govFund: govFundTable,
  stateCapital: stateCapitalTable,
  projectPerformance: projectPerformanceTable,
};

/** The national ten, in the 财政部 order (domain §1.1). */
export const NATIONAL_TABLES: readonly TableId[] = [
  'summary', 'income', 'expenditure', 'fiscalSummary', 'generalPublic', 'generalPublicBasic', 'threePublic', 'govFund', 'stateCapital', 'projectPerformance',
];

/** The Shanghai nine, in their published order (G1–G3); 绩效目标 is text there, not a table. */
export const SHANGHAI_TABLES: readonly TableId[] = [
  'summary', 'income', 'expenditure', 'fiscalSummary', 'generalPublic', 'govFund', 'stateCapital', 'generalPublicBasic', 'threePublic',
];

export interface GenerateOptions {
  /** Parameters (tables.style, tables.nonZeroOnly, tables.year, tables.department; adminCut for 机关运行经费). */
  config?: RuleConfig;
  /** Overrides config.tables.style. */
  style?: TableStyle;
  /** Overrides config.tables.year; null = unknown (titles without a year). */
  year?: number | null;
  /** Overrides config.tables.department and the name derived from the units. */
  department?: string;
  /** Unit keys (code, or name when the unit has no code) to include; all units when absent. */
  units?: readonly string[];
  /** 部门 or 单位 in titles and statements; 单位 when exactly one unit is chosen, else 部门. */
  entity?: Entity;
  /** Overrides config.tables.nonZeroOnly. */
  nonZeroOnly?: boolean;
  /** Which tables, in which order; the style's standard set when absent. */
  tables?: readonly TableId[];
  /** Code names; the shipped catalogue when absent (names written in the sheet fill its gaps). */
  catalog?: NameLookup;
  /** Goals read from 绩效目标 sheets (CheckReport.performance): the 项目支出绩效目标表 then carries the grid. */
  performance?: readonly PerfGoal[];
}

/** The units of the lines, ordered by code (then name), for --unit / --per-unit and the pane's list. */
export function listUnits(lines: readonly BudgetLine[]): UnitInfo[] {
  const units = new Map<string, UnitInfo>();
  // Indexed: for…of here allocated an iterator result per line (~130 MB over a million lines).
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const key = unitKey(l);
    const u = units.get(key);
    if (u === undefined) units.set(key, { key, code: l.unitCode, name: l.unitName, kind: l.unitKind });
    else if ((u.name === '' && l.unitName !== '') || (u.kind === '' && l.unitKind !== '')) {
      units.set(key, { ...u, name: u.name || l.unitName, kind: u.kind || l.unitKind });
    }
  }
  return [...units.values()].sort((a, b) => compareUnits(a, b));
}

function compareUnits(a: UnitInfo, b: UnitInfo): number {
  const ka = a.code || '\uffff' + a.name;
  const kb = b.code || '\uffff' + b.name;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * 编制部门 when the configuration names none: the only unit's name, or for several units the first
 * unit by code (the department's own office comes first in practice) without a trailing 本部/本级/机关.
 */
export function departmentName(units: readonly UnitInfo[]): string {
  if (units.length === 0) return '';
  const first = units[0].name || units[0].code;
  if (units.length === 1) return first;
  return first.replace(/(?:（?本部）?|（?本级）?|机关)$/, '') || first;
}

/** The tables for one scope. Throws only for programmer errors (an unknown table id). */
export function generateTables(lines: readonly BudgetLine[], opts: GenerateOptions = {}): StandardTable[] {
  return tablesWith(aggregate, lines, opts);
}

/**
 * generateTables over a given aggregation of the lines: tests/reference runs the generators on the
 * simple pre-optimisation aggregate to prove the one-pass aggregate gives the same tables.
 */
export function tablesWith(
  aggregateLines: (lines: readonly BudgetLine[], config: RuleConfig) => Aggregate,
  lines: readonly BudgetLine[],
  opts: GenerateOptions = {},
): StandardTable[] {
  const config = opts.config ?? DEFAULT_CONFIG;
  const style = opts.style ?? config.tables.style;
  const chosen = opts.units ? new Set(opts.units) : null;
  const scoped = chosen ? lines.filter((l) => chosen.has(unitKey(l))) : lines;
  const units = listUnits(scoped);
  const ctx: TableContext = {
    agg: aggregateLines(scoped, config),
    style,
    entity: opts.entity ?? (chosen && chosen.size === 1 ? '单位' : '部门'),
    year: opts.year !== undefined ? opts.year : config.tables.year ?? null,
    department: opts.department ?? config.tables.department ?? departmentName(units),
    nonZeroOnly: opts.nonZeroOnly ?? config.tables.nonZeroOnly,
    names: opts.catalog ?? defaultCatalog,
    config,
  };
  const withGoals: TableContext = opts.performance ? { ...ctx, goals: linkGoals(scoped, opts.performance).byProject } : ctx;
  const ids = opts.tables ?? (style === 'shanghai' ? SHANGHAI_TABLES : NATIONAL_TABLES);
  return ids.map((id) => {
    const gen = TABLE_GENERATORS[id];
    if (!gen) throw new Error(`generateTables: unknown table id "${id}"; use one of ${NATIONAL_TABLES.join(', ')}`);
    return gen(withGoals);
  });
}
