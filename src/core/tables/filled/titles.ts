/**
 * Recognising a standard table by its title (SPEC §2.3, domain §1.1): both naming families, 部门 or
 * 单位, 预算 or 决算, with or without the year, the department's name and numbering ("一、", "表1",
 * "附表3："). Every title a table is published under is declared once, in TABLE_TITLES below.
 */
import { normalizeText } from '../../text';
import type { NamingFamily, TableKind, TableStage } from './model';

export interface TitleMatch {
  readonly kind: TableKind;
  /** null when the title fits both families. */
  readonly family: NamingFamily | null;
  /** 预算 (budget) or 决算 (final accounts) set. */
  readonly stage: TableStage;
}

interface TitlePattern extends TitleMatch {
  readonly re: RegExp;
}

type Synonyms = Partial<Record<'shanghai' | 'national' | 'both' | 'final', ReadonlyArray<RegExp>>>;

/**
 * The titles of each table, as published. Patterns run on normalizeText output (no spaces,
 * brackets or quotes: “三公” → 三公). Seen in: 财政部 template and county sets (德江 2025, 宿州 2019,
 * 遂溪 2018), Shanghai districts (普陀 2024–2026), provincial sets (江苏 收支预算总表 / 收入预算表 /
 * 财政拨款收支预算表 / 财政拨款政府性基金支出预算表 / “三公”经费、会议费、培训费支出预算表), county
 * 三公 tables (江北 2021, 桂林 2015, 南通 2016, 施甸 2016), the national 决算 template (G4) and 福建 区级
 * 单位预算 2026 (一般公共预算拨款支出预算表, 国有资本经营预算拨款支出预算表, 一般公共预算基本支出经济分类情况表),
 * 长沙 2026 (部门收支总体情况表, 收入总体情况表, 支出总体情况表, 财政拨款收支总体情况表).
 */
export const TABLE_TITLES: Readonly<Record<TableKind, Synonyms>> = {
  // 长春 2026: 项目支出绩效目标表预算表（预算表 11）.
  performance: { both: [/项目支出绩效目标(申报)?(情况)?表(预算表)?/] },
  threePublic: {
    shanghai: [/三公经费和机关运行经费(预算)?(情况)?表/],
    final: [/三公经费[^表]{0,16}决算[^表]{0,6}表/],
    // 一般公共预算“三公”经费支出表, “三公”经费、会议费、培训费支出预算表, 部门“三公”经费情况统计表,
    // 财政拨款“三公”经费预算表, 区本级“三公”经费预算支出表, 部门预算资金安排的“三公”经费情况表.
    national: [/三公经费[^表]{0,16}表/],
  },
  generalBasic: {
    shanghai: [/一般公共预算基本支出(部门预算)?经济分类预算表/],
    final: [/一般公共预算财政拨款基本支出决算(明细)?表/],
    national: [/一般公共预算(财政拨款)?基本支出(明细|预算|情况)?表/, /一般公共预算基本支出经济分类(预算|情况)?表/],
  },
  generalExpense: {
    shanghai: [/一般公共预算支出功能分类预算表/],
    final: [/一般公共预算财政拨款(支出)?决算表/],
    national: [/一般公共预算(财政拨款|拨款)?支出(预算|情况)?表/],
  },
  govFund: {
    shanghai: [/政府性基金预算支出功能分类预算表/],
    final: [/政府性基金预算财政拨款(收入)?支出决算表/],
    national: [/(财政拨款)?政府性基金(预算)?(财政)?(拨款)?支出(预算|情况)?表/],
  },
  stateCapital: {
    shanghai: [/国有资本经营预算支出功能分类预算表/],
    final: [/国有资本经营预算财政拨款(收入)?支出决算表/],
    national: [/国有资本经营预算(预算)?(财政拨款|拨款)?支出(预算|情况|明细)?表/],
  },
  fiscalSummary: {
    shanghai: [/财政拨款收支预算总表/],
    final: [/财政拨款收入支出决算总表/],
    national: [/财政拨款收支(预算)?总表|财政拨款收支预算表|财政拨款收支总体情况表/],
  },
  summary: {
    shanghai: [/财务收支预算总表/],
    final: [/收入支出决算总表/],
    national: [/收支(预算)?总表|收支总体情况表/],
  },
  income: {
    shanghai: [/收入预算总表/],
    final: [/收入决算表/],
    national: [/(部门|单位)?收入总表|(部门|单位)?收入总体情况表|(部门|单位|\d{4}年度?|^|[、.．:：])收入(预算)?表/],
  },
  expense: {
    shanghai: [/支出预算总表/],
    final: [/支出决算表/],
    national: [/(部门|单位)?支出总表|(部门|单位)?支出总体情况表|(部门|单位|\d{4}年度?|^|[、.．:：])支出(预算)?表/],
  },
};

/** Order matters: specific titles before the ones they contain (财政拨款收支总表 before 收支总表). */
const KIND_ORDER: ReadonlyArray<TableKind> = [
  'performance', 'threePublic', 'generalBasic', 'generalExpense', 'govFund', 'stateCapital',
  'fiscalSummary', 'summary', 'income', 'expense',
];

const PATTERNS: ReadonlyArray<TitlePattern> = KIND_ORDER.flatMap((kind) => {
  const s = TABLE_TITLES[kind];
  const out: TitlePattern[] = [];
  for (const re of s.both ?? []) out.push({ kind, family: null, stage: 'budget', re });
  for (const re of s.shanghai ?? []) out.push({ kind, family: 'shanghai', stage: 'budget', re });
  for (const re of s.final ?? []) out.push({ kind, family: 'national', stage: 'final', re });
  for (const re of s.national ?? []) out.push({ kind, family: 'national', stage: 'budget', re });
  return out;
});

/** Longest text before the title proper: a department name, the year, numbering. */
const MAX_PREFIX = 48;
/** Longest text after it: "（按经济分类）", "（续）", "单位：万元". */
const MAX_SUFFIX = 12;

/**
 * The table a title names, or null. Sentences that merely mention a table ("见部门收支总表。") and
 * other tables (政府采购支出表, 一般公共预算项目支出表, 财政拨款支出决算明细表) are not titles.
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
    // The table's number after its title (长春 2026: “收支总表（预算表 1）”) is numbering, not another table.
    const rest = after.replace(/续表/, '').replace(/(预算|决算)?表[\d一二三四五六七八九十]+$/, '');
    if (/表/.test(rest)) continue; // "…总表说明表" and the like: something else
    if (/(说明|附注|注释)$/.test(after)) continue;
    return { kind: p.kind, family: p.family, stage: p.stage };
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

/** The national 部门决算 set (domain §1.2 B). */
export const FINAL_TABLE_NAMES: Partial<Record<TableKind, string>> = {
  summary: '收入支出决算总表',
  income: '收入决算表',
  expense: '支出决算表',
  fiscalSummary: '财政拨款收入支出决算总表',
  generalExpense: '一般公共预算财政拨款支出决算表',
  generalBasic: '一般公共预算财政拨款基本支出决算表',
  threePublic: '财政拨款“三公”经费支出决算表',
  govFund: '政府性基金预算财政拨款收入支出决算表',
  stateCapital: '国有资本经营预算财政拨款支出决算表',
};

/** The tables a workbook of each family is expected to hold, in publication order. */
export const EXPECTED_TABLES: Record<NamingFamily, ReadonlyArray<TableKind>> = {
  national: ['summary', 'income', 'expense', 'fiscalSummary', 'generalExpense', 'generalBasic', 'threePublic', 'govFund', 'stateCapital', 'performance'],
  shanghai: ['summary', 'income', 'expense', 'fiscalSummary', 'generalExpense', 'govFund', 'stateCapital', 'generalBasic', 'threePublic'],
};

/**
 * The first budget year whose national-format sets are seen publishing 项目支出绩效目标表 (domain
 * §1.1: 宁乡坝塘镇 2021, P32; 德江 2025, P1). The sets of 2018–2019 the domain file and the corpus
 * hold (遂溪 2018, 宿州 2019 P2, 江苏省级 2018–2019) have no such table, so it is not looked for
 * before this year. No other table of the list has a sourced year.
 */
export const PERFORMANCE_TABLE_FROM_YEAR = 2021;

/** The tables a 预算 workbook of a family and budget year is expected to hold (year unknown: today's list). */
export function expectedTables(family: NamingFamily, year: number | null): ReadonlyArray<TableKind> {
  const all = EXPECTED_TABLES[family];
  return year !== null && year < PERFORMANCE_TABLE_FROM_YEAR ? all.filter((k) => k !== 'performance') : all;
}

/** The 决算 set: the nine tables of FINAL_TABLE_NAMES. */
export const EXPECTED_FINAL_TABLES: ReadonlyArray<TableKind> = ['summary', 'income', 'expense', 'fiscalSummary', 'generalExpense', 'generalBasic', 'threePublic', 'govFund', 'stateCapital'];

/** Name of a table in messages: its canonical name in the family (or the 决算 set), else the national one. */
export function tableName(kind: TableKind, family: NamingFamily | null, stage: TableStage = 'budget'): string {
  if (stage === 'final' && FINAL_TABLE_NAMES[kind]) return FINAL_TABLE_NAMES[kind] as string;
  return (family && TABLE_NAMES[family][kind]) ?? TABLE_NAMES.national[kind] ?? kind;
}
