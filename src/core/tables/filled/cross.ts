/**
 * Relations between filled tables (SPEC §3 TABLES.CROSS_TABLE; domain §1.3 and §4.2 BUD-C001, C004,
 * C005/6, C007, C010, and the G7 “三公” cross check):
 * - 收支总表: 收入总计 = 支出总计 (also 财政拨款收支总表);
 * - where all income is 财政拨款: 收支总表 收入总计/支出总计 = 财政拨款收支总表 收入总计/支出总计;
 * - 收支总表 本年支出 = 支出总表 合计; 收支总表 收入总计 = 收入总表 合计;
 * - 支出总表 基本支出 = 基本支出表 合计 (+ 基金/国资表 基本支出) when all income is 财政拨款;
 *   一般公共预算支出表 基本支出 = 基本支出表 合计;
 * - where only 一般公共预算 is budgeted: 支出总表 = 一般公共预算支出表 (合计, 基本, 项目);
 * - 财政拨款收支总表 支出 = 一般公共预算 + 政府性基金 + 国有资本经营 支出表 合计 (and by fund column);
 * - a “三公” item in the 基本支出表 (30212, 30217, 30231, 31013) must not exceed the same item in the
 *   “三公” table, which also covers 项目支出 (“两表不能同时成立”).
 * Figures in 万元 carry half a display step of rounding each.
 */
import type { Finding } from '../../findings';
import { CrossSide, crossMessage } from '../../messages/tables';
import type { FilledTable, TableBlock, TableKind, TableRow } from './model';
import { tableFinding } from './sums';
import { THREE_PUBLIC_ITEM_ZH, ThreePublicItem, threePublicFigures } from './three-public';
import { tableName } from './titles';
import { Value, allowance, findNode, mainNode, nodeValue, tableTotal } from './values';
import { normalizeText } from '../../text';

/** A figure of a named table, for comparison. */
interface Figure {
  readonly table: FilledTable;
  readonly label: string;
  readonly value: Value;
}

function sideOf(table: FilledTable, side: 'income' | 'expense'): TableBlock | undefined {
  return table.blocks.find((b) => b.side === side);
}

function summaryRow(block: TableBlock | undefined, role: TableRow['role']): TableRow | undefined {
  return block?.rows.find((r) => r.role === role);
}

function summaryFigure(table: FilledTable, side: 'income' | 'expense', role: 'grandTotal' | 'yearTotal', key: 'main' | 'general' | 'fund' | 'capital' = 'main'): Figure | null {
  const block = sideOf(table, side);
  const row = summaryRow(block, role) ?? (role === 'yearTotal' ? summaryRow(block, 'grandTotal') : undefined);
  if (!block || !row) return null;
  const node = key === 'main' ? mainNode(block) : findNode(block, key);
  if (!node) return null;
  const v = nodeValue(block, row, node, table.kind);
  return v ? { table, label: row.label + (key === 'main' ? '' : `（${node.label}）`), value: v } : null;
}

const FISCAL_INCOME = /财政拨款|一般公共预算|政府性基金|国有资本经营/;

/** Every non-zero income row of the 收支总表 is 财政拨款 (no 事业收入, 其他收入, 结转…). */
function allIncomeFiscal(summary: FilledTable): boolean {
  const block = sideOf(summary, 'income');
  if (!block) return false;
  const main = mainNode(block);
  if (!main) return false;
  for (const r of block.rows) {
    if (r.role !== 'item') continue;
    if (FISCAL_INCOME.test(normalizeText(r.label))) continue;
    const v = nodeValue(block, r, main, summary.kind);
    if (!v || v.fen !== 0) return false;
  }
  return true;
}

/** All income is 一般公共预算 (no 政府性基金, 国有资本经营 or non-财政拨款 income). */
function onlyGeneralIncome(summary: FilledTable): boolean {
  if (!allIncomeFiscal(summary)) return false;
  const block = sideOf(summary, 'income') as TableBlock;
  const main = mainNode(block);
  if (!main) return false;
  for (const r of block.rows) {
    if (r.role !== 'item' && r.role !== 'child') continue;
    if (!/政府性基金|国有资本经营/.test(normalizeText(r.label))) continue;
    const v = nodeValue(block, r, main, summary.kind);
    if (!v || v.fen !== 0) return false;
  }
  return true;
}

function totalFigure(table: FilledTable | undefined, key: Parameters<typeof tableTotal>[1], label: string): Figure | null {
  if (!table) return null;
  const v = tableTotal(table, key);
  return v ? { table, label, value: v } : null;
}

function sumFigures(table: FilledTable, label: string, parts: ReadonlyArray<Figure | null>): Figure | null {
  let fen = 0;
  let figures = 0;
  for (const p of parts) {
    if (!p) continue;
    fen += p.value.fen;
    figures += p.value.figures * (p.table.amountUnit === 'wan' ? 1 : 0);
  }
  return { table, label, value: { fen, figures } };
}

function roundedCount(f: Figure): number {
  return f.table.amountUnit === 'wan' ? Math.max(1, f.value.figures) : 0;
}

function side(f: Figure): CrossSide {
  const cell = f.value.cell;
  return {
    table: tableName(f.table.kind, f.table.family, f.table.stage),
    where: cell ? `${f.table.sheet}!${cell.address}` : `${f.table.sheet}`,
    label: f.label ? `“${f.label}”` : '',
    fen: f.value.fen,
    unit: f.table.amountUnit,
  };
}

export class CrossChecker {
  readonly findings: Finding[] = [];
  constructor(private readonly file: string, private readonly byKind: ReadonlyMap<TableKind, FilledTable>) {}

  private t(kind: TableKind): FilledTable | undefined {
    const t = this.byKind.get(kind);
    return t && t.problem === null ? t : undefined;
  }

  /**
   * `located` must equal `other` (relation '='), or must not fall below it (relation '>=': the
   * located figure is the ceiling). The finding stands at the located figure's cell.
   */
  private check(rule: string, located: Figure | null, other: Figure | null, relation: '=' | '>=', extraFigures = 0): void {
    if (!located || !other) return;
    const tol = allowance('wan', (located.table.amountUnit === 'wan' ? roundedCount(located) : 0) + (other.table.amountUnit === 'wan' ? roundedCount(other) : 0) + extraFigures);
    const diff = located.value.fen - other.value.fen;
    const bad = relation === '=' ? Math.abs(diff) > tol : diff < -tol;
    if (!bad) return;
    const message = relation === '='
      ? crossMessage(rule, side(located), side(other), diff, tol, '=')
      : crossMessage(rule, side(other), side(located), -diff, tol, '<=');
    const figures: Record<string, number> = { actualFen: located.value.fen, expectedFen: other.value.fen, differenceFen: diff };
    if (tol > 0) figures.toleranceFen = tol;
    this.findings.push(tableFinding('TABLES.CROSS_TABLE', this.file, located.table, located.value.cell, message, figures));
  }

  run(): Finding[] {
    const summary = this.t('summary');
    const fiscal = this.t('fiscalSummary');
    const income = this.t('income');
    const expense = this.t('expense');
    const general = this.t('generalExpense');
    const basic = this.t('generalBasic');
    const fund = this.t('govFund');
    const capital = this.t('stateCapital');
    const three = this.t('threePublic');

    // BUD-C001: 收入总计 = 支出总计.
    for (const s of [summary, fiscal]) {
      if (!s) continue;
      this.check('收入总计应等于支出总计', summaryFigure(s, 'expense', 'grandTotal'), summaryFigure(s, 'income', 'grandTotal'), '=');
    }
    const fiscalOnly = summary ? allIncomeFiscal(summary) : true;
    // BUD-C005/6: where all income is 财政拨款, the two summary tables agree.
    if (summary && fiscal && fiscalOnly) {
      this.check('收入全部为财政拨款时，财政拨款收支总表应与收支总表一致', summaryFigure(fiscal, 'income', 'grandTotal'), summaryFigure(summary, 'income', 'grandTotal'), '=');
      this.check('收入全部为财政拨款时，财政拨款收支总表应与收支总表一致', summaryFigure(fiscal, 'expense', 'grandTotal'), summaryFigure(summary, 'expense', 'grandTotal'), '=');
    }
    // Domain §1.3: 支出总表 合计 = 收支总表 本年支出; 收入总表 合计 = 收支总表 收入总计.
    if (summary) {
      this.check('支出总表合计应等于收支总表本年支出', totalFigure(expense, 'main', '合计'), summaryFigure(summary, 'expense', 'yearTotal'), '=');
      // 决算: 收入决算表 holds this year's income only; 年初结转和结余 stands in 总计, not in its 合计.
      if (income?.stage === 'final') this.check('收入决算表合计应等于收入支出决算总表本年收入合计', totalFigure(income, 'main', '合计'), summaryFigure(summary, 'income', 'yearTotal'), '=');
      else this.check('收入总表合计应等于收支总表收入总计', totalFigure(income, 'main', '合计'), summaryFigure(summary, 'income', 'grandTotal'), '=');
    }
    // BUD-C004: 基本支出 = 基本支出表 合计.
    const basicTotal = totalFigure(basic, 'main', '合计');
    this.check('一般公共预算支出表基本支出应等于一般公共预算基本支出表合计', totalFigure(general, 'basic', '合计行基本支出'), basicTotal, '=');
    if (fiscalOnly && basicTotal) {
      const fundBasic = totalFigure(fund, 'basic', '基本支出');
      const capitalBasic = totalFigure(capital, 'basic', '基本支出');
      const expected = fundBasic?.value.fen || capitalBasic?.value.fen
        ? sumFigures(basic as FilledTable, '合计（含政府性基金、国有资本经营预算基本支出）', [basicTotal, fundBasic, capitalBasic])
        : basicTotal;
      this.check('支出总表基本支出应等于一般公共预算基本支出表合计', totalFigure(expense, 'basic', '合计行基本支出'), expected, '=');
    }
    // BUD-C007: only 一般公共预算 → 支出总表 = 一般公共预算支出表.
    if (summary && onlyGeneralIncome(summary) && expense && general) {
      for (const [key, label] of [['main', '合计'], ['basic', '基本支出'], ['project', '项目支出']] as const) {
        this.check('仅有一般公共预算时，一般公共预算支出表应与支出总表一致', totalFigure(general, key, `合计行${label}`), totalFigure(expense, key, `合计行${label}`), '=');
      }
    }
    // BUD-C010: 财政拨款收支总表 支出 = 一般公共预算 + 政府性基金 + 国有资本经营 支出表.
    if (fiscal && general) {
      const parts = [totalFigure(general, 'main', '合计'), totalFigure(fund, 'main', '合计'), totalFigure(capital, 'main', '合计')];
      const label = '一般公共预算、政府性基金、国有资本经营预算支出表合计之和';
      // 决算: the 总计 adds 年末财政拨款结转和结余; the three tables hold this year's spending.
      const line = fiscal.stage === 'final' ? 'yearTotal' : 'grandTotal';
      this.check('财政拨款收支总表支出应等于三张支出表合计之和', summaryFigure(fiscal, 'expense', line), sumFigures(general, label, parts), '=');
      const perFund: ReadonlyArray<['general' | 'fund' | 'capital', FilledTable | undefined]> = [['general', general], ['fund', fund], ['capital', capital]];
      for (const [key, table] of perFund) {
        const located = summaryFigure(fiscal, 'expense', line, key);
        if (!located) continue;
        const other = table ? totalFigure(table, 'main', '合计') : null;
        this.check('财政拨款收支总表分资金支出应等于对应支出表合计', located, other, '=');
      }
    }
    // G7: a 三公 item in the 基本支出表 must not exceed the 三公 table's item.
    if (basic && three) this.threePublicAgainstBasic(basic, three);
    return this.findings;
  }

  private threePublicAgainstBasic(basic: FilledTable, three: FilledTable): void {
    const block = basic.blocks[0];
    if (!block) return;
    const main = mainNode(block);
    if (!main) return;
    const items = threePublicFigures(three);
    const byCode = (codes: string[]): Figure | null => {
      let fen = 0;
      let found: TableRow | undefined;
      let cell: Value['cell'];
      for (const r of block.rows) {
        if (r.role !== 'item' || !r.code || !codes.includes(r.code)) continue;
        const v = nodeValue(block, r, main, basic.kind);
        if (!v) return null;
        fen += v.fen;
        found = found ?? r;
        cell = cell ?? v.cell;
      }
      if (!found) return null;
      return { table: basic, label: `${found.code} ${found.label}`, value: { fen, figures: 1, cell } };
    };
    const pairs: Array<[ThreePublicItem, string[]]> = [
      ['abroad', ['30212']],
      ['reception', ['30217']],
      ['vehicleOperation', ['30231']],
      ['vehiclePurchase', ['31013', '30913']],
    ];
    const fig = (k: ThreePublicItem): Figure | null => {
      const v = items[k];
      return v ? { table: three, label: THREE_PUBLIC_ITEM_ZH[k], value: v } : null;
    };
    const rule = '基本支出表中的“三公”经费科目不应超过“三公”经费表同一项目';
    for (const [k, codes] of pairs) {
      const b = byCode(codes);
      if (!b || b.value.fen === 0) continue;
      const t = fig(k);
      if (t) this.check(rule, t, b, '>=');
    }
    // Tables that give only 公务用车购置及运行费: compare its total with 30231 + 31013.
    if (!items.vehicleOperation && !items.vehiclePurchase && items.vehicle) {
      const b = byCode(['30231', '31013', '30913']);
      if (b && b.value.fen !== 0) this.check(rule, fig('vehicle'), { ...b, label: '公务用车运行维护费与购置费' }, '>=');
    }
  }
}
