/**
 * One pass over the lines, shared by every table generator: amounts by function code × fund group ×
 * kind, the 一般公共预算 基本支出 by economic code, the “三公” items, 机关运行经费 and the projects.
 * Every figure a table shows is a sum of these exact integer 分 accumulators, so totals tie to the
 * cent to the lines (SPEC §4.4), and a million lines cost one pass.
 */
import type { RuleConfig } from '../config';
import { type BudgetLine, type LineKind, ProjectIndex, unitKey } from '../lines';
import type { HeaderCell, TableColumn, TableValue } from './model';

// ---- fund groups ---------------------------------------------------------------------------------

/** Fund groups in the order the national 部门收入总表 lists them. */
export const FUND_GROUPS = [
  'gp', // 一般公共预算拨款
  'gf', // 政府性基金预算拨款
  'sc', // 国有资本经营预算拨款
  'special', // 财政专户管理资金
  'business', // 事业收入
  'operating', // 事业单位经营收入
  'superior', // 上级补助收入
  'affiliated', // 附属单位上缴收入
  'other', // 其他收入 (and 单位资金 not said otherwise)
  'carry', // 上年结转
] as const;
export type FundGroup = (typeof FUND_GROUPS)[number];

export const FUND_INDEX: Readonly<Record<FundGroup, number>> = Object.fromEntries(FUND_GROUPS.map((g, i) => [g, i])) as Record<FundGroup, number>;

/** 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营. */
export const FISCAL_GROUPS: readonly FundGroup[] = ['gp', 'gf', 'sc'];

/** The fund group of a fund-source text; canonical names and the common variants of SPEC §7. */
export function fundGroupOf(source: string): FundGroup {
  const s = source.normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return 'gp'; // SPEC §2.1: default 一般公共预算拨款
  if (s.includes('结转') || s.includes('结余')) return 'carry';
  if (s.includes('一般公共预算') || s === '公共预算拨款') return 'gp';
  if (s.includes('政府性基金')) return 'gf';
  if (s.includes('国有资本经营')) return 'sc';
  if (s.includes('财政专户')) return 'special';
  if (s.includes('经营收入')) return 'operating';
  if (s.includes('事业收入')) return 'business';
  if (s.includes('上级补助')) return 'superior';
  if (s.includes('附属单位') || s.includes('下级单位上缴')) return 'affiliated';
  return 'other';
}

export const KIND_INDEX: Readonly<Record<LineKind, number>> = { personnel: 0, public: 1, project: 2 };
const KINDS = 3;
/** Length of the per-code accumulator: fund group × kind. */
export const SLOTS = FUND_GROUPS.length * KINDS;

export function slot(group: FundGroup, kind: LineKind): number {
  return FUND_INDEX[group] * KINDS + KIND_INDEX[kind];
}

/** Bit mask of fund groups, for Aggregate.functionFunds. */
export function fundMask(groups: readonly FundGroup[]): number {
  let m = 0;
  for (const g of groups) m |= 1 << FUND_INDEX[g];
  return m;
}

/** Sum of the accumulator over the given fund groups and kinds (all when omitted). */
export function pick(vec: readonly number[], groups?: readonly FundGroup[], kinds?: readonly LineKind[]): number {
  const gs = groups ?? FUND_GROUPS;
  const ks = kinds ?? (['personnel', 'public', 'project'] as const);
  let s = 0;
  for (const g of gs) for (const k of ks) s += vec[slot(g, k)];
  return s;
}

export const BASIC: readonly LineKind[] = ['personnel', 'public'];
export const PROJECT: readonly LineKind[] = ['project'];

// ---- “三公” items ----------------------------------------------------------------------------------

/** 部门预算经济分类 codes of the “三公”经费 items (domain §3.1). */
export const THREE_PUBLIC_CODES = {
  abroad: '30212', // 因公出国（境）费用
  reception: '30217', // 公务接待费
  vehicleRunning: '30231', // 公务用车运行维护费
  vehiclePurchase: '31013', // 公务用车购置
} as const;
export type ThreePublicItem = keyof typeof THREE_PUBLIC_CODES;
export const THREE_PUBLIC_BY_CODE: ReadonlyMap<string, ThreePublicItem> = new Map(
  (Object.entries(THREE_PUBLIC_CODES) as [ThreePublicItem, string][]).map(([item, code]) => [code, item]),
);

export type ThreePublicFigures = Record<ThreePublicItem, number>;

export function zeroThreePublic(): ThreePublicFigures {
  return { abroad: 0, reception: 0, vehicleRunning: 0, vehiclePurchase: 0 };
}

// ---- the aggregate ---------------------------------------------------------------------------------

export interface UnitInfo {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
}

export interface ProjectInfo {
  readonly unitCode: string;
  readonly unitName: string;
  readonly projectCode: string;
  readonly projectName: string;
  totalFen: number;
  /** 财政拨款 part (一般公共预算 + 政府性基金 + 国有资本经营). */
  fiscalFen: number;
  goals: string[];
}

export interface Aggregate {
  /** Function code (normalised, see functionKey) → amounts by fund group × kind (SLOTS long). */
  readonly byFunction: Map<string, number[]>;
  /** Fund groups present per function code (bit i = FUND_GROUPS[i]), zero-amount lines included. */
  readonly functionFunds: Map<string, number>;
  /** Names written beside function codes in the sheets, first seen. */
  readonly functionNames: Map<string, string>;
  /** 一般公共预算拨款 基本支出 by 5-digit economic code: [人员经费, 公用经费]. */
  readonly basicEconomic: Map<string, [number, number]>;
  readonly economicNames: Map<string, string>;
  /** “三公” items of 一般公共预算拨款 lines, basic and project alike (domain §3.1). */
  readonly threePublic: ThreePublicFigures;
  readonly threePublicPrior: ThreePublicFigures;
  /** Whether any 一般公共预算 line carries a prior-year amount. */
  readonly priorKnown: boolean;
  /** 机关运行经费 of 行政/参公 units (unitKind in adminCut.unitKinds). */
  readonly adminRunningFen: number;
  /** The same over all units, used when no line says its unit kind. */
  readonly runningAllUnitsFen: number;
  readonly unitKindKnown: boolean;
  /** Projects in the order first seen. */
  readonly projects: readonly ProjectInfo[];
  readonly units: Map<string, UnitInfo>;
  /** Σ amountFen of all lines in scope. */
  readonly totalFen: number;
}

/**
 * The code a function row is filed under: 7, 5 or 3 leading digits of the written code; '' for a
 * code that is not a classification code (it gets one 未列明 row so that totals still tie).
 */
export function functionKey(code: string): string {
  const c = code.trim();
  if (!/^\d+$/.test(c)) return '';
  if (c.length >= 7) return c.slice(0, 7);
  if (c.length >= 5) return c.slice(0, 5);
  if (c.length >= 3) return c.slice(0, 3);
  return '';
}

/** The 5-digit (款) economic code a line is filed under; 3-digit codes stay 类; '' for others. */
export function economicKey(code: string): string {
  const c = code.trim();
  if (!/^\d+$/.test(c)) return '';
  if (c.length >= 5) return c.slice(0, 5);
  if (c.length >= 3) return c.slice(0, 3);
  return '';
}

export function unitKindMatches(unitKind: string, kinds: readonly string[]): boolean {
  const uk = unitKind.normalize('NFKC').replace(/\s+/g, '');
  if (uk === '') return false;
  return kinds.some((k) => uk === k || uk.includes(k) || (k.includes('参照公务员法') && /参公|参照公务员法/.test(uk)));
}

export function codeInList(code: string, list: readonly string[]): boolean {
  return list.some((p) => code.startsWith(p));
}

/** Shared by every project without a goal (most lines have none): replaced, never pushed to. */
const NO_GOALS: string[] = [];

/**
 * A project's running totals. They are stored after a null so that V8 keeps them as tagged fields: a
 * literal 0 would start them as small integers, and the first total of 2³¹ 分 or more would deprecate
 * the layout of every project object made so far (each then migrated when next touched).
 */
function newProject(line: BudgetLine): ProjectInfo {
  const p: ProjectInfo = {
    unitCode: line.unitCode, unitName: line.unitName, projectCode: line.projectCode, projectName: line.projectName,
    totalFen: null as unknown as number, fiscalFen: null as unknown as number, goals: NO_GOALS,
  };
  p.totalFen = 0;
  p.fiscalFen = 0;
  return p;
}

/** One pass over the lines of a scope. `config` supplies the 机关运行经费 口径 (adminCut.unitKinds, economicCodes). */
export function aggregate(lines: readonly BudgetLine[], config: RuleConfig): Aggregate {
  const byFunction = new Map<string, number[]>();
  const functionNames = new Map<string, string>();
  const functionFunds = new Map<string, number>();
  const basicEconomic = new Map<string, [number, number]>();
  const economicNames = new Map<string, string>();
  const threePublic = zeroThreePublic();
  const threePublicPrior = zeroThreePublic();
  const projects: ProjectInfo[] = [];
  const projectIndex = new ProjectIndex<ProjectInfo>();
  const units = new Map<string, UnitInfo>();
  const groupCache = new Map<string, FundGroup>();
  // Sheets repeat a few distinct codes a million times: normalise each distinct text once.
  const functionKeys = new Map<string, string>();
  const economicKeys = new Map<string, string>();
  const adminKinds = config.adminCut.unitKinds;
  const runningCodes = config.adminCut.economicCodes;
  let priorKnown = false;
  let adminRunningFen = 0;
  let runningAllUnitsFen = 0;
  let unitKindKnown = false;
  let totalFen = 0;
  // Decided once per distinct text: the tests normalise (NFKC) and scan lists.
  const adminKindOf = new Map<string, boolean>();
  const runningCode = new Map<string, boolean>();

  // Indexed, not for…of: no iterator result per line.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const amount = line.amountFen;
    totalFen += amount;
    let group = groupCache.get(line.fundSource);
    if (group === undefined) groupCache.set(line.fundSource, (group = fundGroupOf(line.fundSource)));

    const uKey = unitKey(line);
    let unit = units.get(uKey);
    if (unit === undefined) units.set(uKey, (unit = { key: uKey, code: line.unitCode, name: line.unitName, kind: line.unitKind }));
    else if (unit.kind === '' && line.unitKind !== '') units.set(uKey, (unit = { ...unit, kind: line.unitKind }));
    if (line.unitKind !== '') unitKindKnown = true;

    let fKey = functionKeys.get(line.functionCode);
    if (fKey === undefined) functionKeys.set(line.functionCode, (fKey = functionKey(line.functionCode)));
    let vec = byFunction.get(fKey);
    if (vec === undefined) byFunction.set(fKey, (vec = new Array<number>(SLOTS).fill(0)));
    vec[slot(group, line.kind)] += amount;
    const bit = 1 << FUND_INDEX[group];
    const seen = functionFunds.get(fKey) ?? 0;
    if ((seen & bit) === 0) functionFunds.set(fKey, seen | bit);
    if (line.functionName && fKey === line.functionCode.trim() && !functionNames.has(fKey)) functionNames.set(fKey, line.functionName);

    let eKey = economicKeys.get(line.economicCode);
    if (eKey === undefined) economicKeys.set(line.economicCode, (eKey = economicKey(line.economicCode)));
    if (group === 'gp') {
      if (line.priorFen !== null) priorKnown = true;
      if (line.kind !== 'project') {
        let eco = basicEconomic.get(eKey);
        if (eco === undefined) basicEconomic.set(eKey, (eco = [0, 0]));
        eco[line.kind === 'personnel' ? 0 : 1] += amount;
        if (line.economicName && eKey === line.economicCode.trim() && !economicNames.has(eKey)) economicNames.set(eKey, line.economicName);
        let running = runningCode.get(eKey);
        if (running === undefined) runningCode.set(eKey, (running = codeInList(eKey, runningCodes)));
        if (running) {
          runningAllUnitsFen += amount;
          const kind = unit.kind || line.unitKind;
          let admin = adminKindOf.get(kind);
          if (admin === undefined) adminKindOf.set(kind, (admin = unitKindMatches(kind, adminKinds)));
          if (admin) adminRunningFen += amount;
        }
      }
      const item = THREE_PUBLIC_BY_CODE.get(eKey);
      if (item !== undefined) {
        threePublic[item] += amount;
        threePublicPrior[item] += line.priorFen ?? 0;
      }
    }

    if (line.kind === 'project') {
      let p = projectIndex.find(line);
      if (p === undefined) {
        p = newProject(line);
        projectIndex.add(line, p);
        projects.push(p);
      }
      p.totalFen += amount;
      if (group === 'gp' || group === 'gf' || group === 'sc') p.fiscalFen += amount;
      const goal = line.perfGoal.trim();
      if (goal !== '') {
        if (p.goals === NO_GOALS) p.goals = [goal];
        else if (!p.goals.includes(goal)) p.goals.push(goal);
      }
    }
  }
  if (!Number.isSafeInteger(totalFen)) throw new RangeError('金额合计超出精确范围');
  return {
    byFunction, functionFunds, functionNames, basicEconomic, economicNames, threePublic, threePublicPrior, priorKnown,
    adminRunningFen, runningAllUnitsFen, unitKindKnown, projects, units, totalFen,
  };
}

// ---- classification trees ---------------------------------------------------------------------------

export interface CodeNode {
  /** Code at its level ('207', '20701', '2070101'); '' for the 未列明 bucket. */
  readonly code: string;
  readonly level: 1 | 2 | 3;
  readonly values: number[];
}

/**
 * Rows at 类/款/项 (lengths 3/5/7, or 3/5 for economic codes) in code order. Each node holds the sum
 * of every leaf under its prefix, so a parent equals the sum of its children whenever the leaves sit
 * at the lowest level. With `nonZeroOnly`, nodes whose subtree is all zero are dropped; a parent of a
 * kept node is always kept.
 */
export function codeTree(
  leaves: ReadonlyMap<string, readonly number[]>,
  lengths: readonly number[],
  width: number,
  nonZeroOnly: boolean,
): CodeNode[] {
  const nodes = new Map<string, { level: 1 | 2 | 3; values: number[]; nonZero: boolean }>();
  let unlisted: number[] | null = null;
  let unlistedNonZero = false;
  for (const [code, values] of leaves) {
    const nonZero = values.some((v) => v !== 0);
    if (code === '') {
      unlisted ??= new Array<number>(width).fill(0);
      for (let i = 0; i < width; i++) unlisted[i] += values[i];
      unlistedNonZero ||= nonZero;
      continue;
    }
    lengths.forEach((len, idx) => {
      if (code.length < len) return;
      const key = code.slice(0, len);
      let n = nodes.get(key);
      if (n === undefined) nodes.set(key, (n = { level: (idx + 1) as 1 | 2 | 3, values: new Array<number>(width).fill(0), nonZero: false }));
      for (let i = 0; i < width; i++) n.values[i] += values[i];
      n.nonZero ||= nonZero;
    });
  }
  const out: CodeNode[] = [];
  for (const code of [...nodes.keys()].sort()) {
    const n = nodes.get(code)!;
    // A node is kept when some leaf under it is non-zero; sums of non-zero leaves may cancel to 0.
    if (nonZeroOnly && !n.nonZero) continue;
    out.push({ code, level: n.level, values: n.values });
  }
  if (unlisted && (!nonZeroOnly || unlistedNonZero)) out.push({ code: '', level: 1, values: unlisted });
  return out;
}

// ---- headers --------------------------------------------------------------------------------------

/** A header caption; leaves carry their column. */
export interface HeaderNode {
  readonly text: string;
  readonly column?: TableColumn;
  readonly children?: readonly HeaderNode[];
}

function depthOf(n: HeaderNode): number {
  return n.children && n.children.length ? 1 + Math.max(...n.children.map(depthOf)) : 1;
}

/** Columns and spanned header cells from a caption tree (leaves span down to the last header row). */
export function buildHeader(tree: readonly HeaderNode[]): { columns: TableColumn[]; header: HeaderCell[]; headerRows: number } {
  const headerRows = Math.max(...tree.map(depthOf));
  const columns: TableColumn[] = [];
  const header: HeaderCell[] = [];
  const walk = (n: HeaderNode, row: number): void => {
    const col = columns.length;
    if (n.children && n.children.length) {
      for (const c of n.children) walk(c, row + 1);
      header.push({ text: n.text, row, col, rowSpan: 1, colSpan: columns.length - col });
    } else {
      if (!n.column) throw new Error(`header leaf "${n.text}" needs a column`);
      columns.push(n.column);
      header.push({ text: n.text, row, col, rowSpan: headerRows - row, colSpan: 1 });
    }
  };
  for (const n of tree) walk(n, 0);
  header.sort((a, b) => a.row - b.row || a.col - b.col);
  return { columns, header, headerRows };
}

export function money(key: string, width = 16): TableColumn {
  return { key, kind: 'money', width };
}

export function leaf(text: string, column: TableColumn): HeaderNode {
  return { text, column };
}

// ---- text helpers ---------------------------------------------------------------------------------

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 24 → 二十四 (ordinals of the 收支总表 rows). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/** A row of `width` cells, blank except those given. */
export function blankCells(width: number): TableValue[] {
  return new Array<TableValue>(width).fill(null);
}
