/**
 * Recognising a standard table by its title (SPEC §2.3, domain §1.1): both naming families, 部门 or
 * 单位, with or without the year, the department's name and numbering ("一、", "表1", "附表3：").
 */
import { normalizeText } from '../../text';
import type { NamingFamily, TableKind } from './model';

export interface TitleMatch {
  readonly kind: TableKind;
  /** null when the title fits both families. */
  readonly family: NamingFamily | null;
}

interface TitlePattern extends TitleMatch {
  readonly re: RegExp;
}

// Patterns run on normalizeText output (no spaces, brackets or quotes: “三公” → 三公). Order
// matters: specific titles before the ones they contain (财政拨款收支总表 before 收支总表).
const PATTERNS: ReadonlyArray<TitlePattern> = [
  { kind: 'performance', family: null, re: /项目支出绩效目标(申报)?(情况)?表/ },
  { kind: 'threePublic', family: 'shanghai', re: /三公经费和机关运行经费(预算)?(情况)?表/ },
  { kind: 'threePublic', family: 'national', re: /三公经费(部门)?(支出|预算|预算支出|支出预算)?(统计)?(情况)?表/ },
  { kind: 'generalBasic', family: 'shanghai', re: /一般公共预算基本支出(部门预算)?经济分类预算表/ },
  { kind: 'generalBasic', family: 'national', re: /一般公共预算(财政拨款)?基本支出(明细|预算|情况)?表/ },
  { kind: 'generalExpense', family: 'shanghai', re: /一般公共预算支出功能分类预算表/ },
  { kind: 'generalExpense', family: 'national', re: /一般公共预算(财政拨款)?支出(预算|情况)?表/ },
  { kind: 'govFund', family: 'shanghai', re: /政府性基金预算支出功能分类预算表/ },
  { kind: 'govFund', family: 'national', re: /政府性基金预算(财政拨款)?支出(预算|情况)?表/ },
  { kind: 'stateCapital', family: 'shanghai', re: /国有资本经营预算支出功能分类预算表/ },
  { kind: 'stateCapital', family: 'national', re: /国有资本经营预算(预算)?(财政拨款)?支出(预算|情况)?表/ },
  { kind: 'fiscalSummary', family: 'shanghai', re: /财政拨款收支预算总表/ },
  { kind: 'fiscalSummary', family: 'national', re: /财政拨款收支(预算)?总表/ },
  { kind: 'summary', family: 'shanghai', re: /财务收支预算总表/ },
  { kind: 'summary', family: 'national', re: /收支(预算)?总表/ },
  { kind: 'income', family: 'shanghai', re: /收入预算总表/ },
  { kind: 'income', family: 'national', re: /(部门|单位)?收入总表|(部门|单位)收入(预算)?表/ },
  { kind: 'expense', family: 'shanghai', re: /支出预算总表/ },
  { kind: 'expense', family: 'national', re: /(部门|单位)?支出总表|(部门|单位)支出(预算)?表/ },
];

/** Longest text before the title proper: a department name, the year, numbering. */
const MAX_PREFIX = 48;
/** Longest text after it: "（按经济分类）", "（续）", "单位：万元". */
const MAX_SUFFIX = 12;

/**
 * The table a title names, or null. Sentences that merely mention a table ("见部门收支总表。") and
 * other tables (政府采购支出表, 一般公共预算项目支出表) are not titles.
 */
export function matchTitle(text: string): TitleMatch | null {
  const t = normalizeText(text);
  if (t.length < 4 || t.length > 80) return null;
  if (/[。，；,;]/.test(t)) return null;
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const before = t.slice(0, m.index);
    const after = t.slice(m.index + m[0].length);
    if (before.length > MAX_PREFIX || after.length > MAX_SUFFIX) continue;
    if (/表/.test(after.replace(/续表/, ''))) continue; // "…总表说明表" and the like: something else
    if (/(说明|附注|注释)$/.test(after)) continue;
    return { kind: p.kind, family: p.family };
  }
  return null;
}

/** Canonical titles of each family, used in messages and for TABLES.MISSING. */
export const TABLE_NAMES: Record<NamingFamily, Partial<Record<TableKind, string>>> = {
  national: {
    summary: '部门收支总表',
    income: '部门收入总表',
    expense: '部门支出总表',
    fiscalSummary: '财政拨款收支总表',
    generalExpense: '一般公共预算支出表',
    generalBasic: '一般公共预算基本支出表',
    threePublic: '一般公共预算“三公”经费支出表',
    govFund: '政府性基金预算支出表',
    stateCapital: '国有资本经营预算支出表',
    performance: '项目支出绩效目标表',
  },
  shanghai: {
    summary: '部门财务收支预算总表',
    income: '部门收入预算总表',
    expense: '部门支出预算总表',
    fiscalSummary: '部门财政拨款收支预算总表',
    generalExpense: '部门一般公共预算支出功能分类预算表',
    govFund: '部门政府性基金预算支出功能分类预算表',
    stateCapital: '部门国有资本经营预算支出功能分类预算表',
    generalBasic: '部门一般公共预算基本支出部门预算经济分类预算表',
    threePublic: '部门“三公”经费和机关运行经费预算表',
  },
};

/** The tables a workbook of each family is expected to hold, in publication order. */
export const EXPECTED_TABLES: Record<NamingFamily, ReadonlyArray<TableKind>> = {
  national: ['summary', 'income', 'expense', 'fiscalSummary', 'generalExpense', 'generalBasic', 'threePublic', 'govFund', 'stateCapital', 'performance'],
  shanghai: ['summary', 'income', 'expense', 'fiscalSummary', 'generalExpense', 'govFund', 'stateCapital', 'generalBasic', 'threePublic'],
};

/** Name of a table in messages: its canonical name in the family, else the national one. */
export function tableName(kind: TableKind, family: NamingFamily | null): string {
  return (family && TABLE_NAMES[family][kind]) ?? TABLE_NAMES.national[kind] ?? kind;
}
