/**
 * Evaluating a parsed formula: a plain recursive walk over the tree (no eval, no Function), bounded
 * by the tree's size (the parser limits length and depth) and by the data (each aggregate is one
 * pass over the lines in scope; a range reads only the cells the sheet has).
 *
 * Values are numbers or judgements. A number is either money — held in 分, exact for sums — or a
 * plain number (10%, 0.9, a ratio of two amounts). Plain numbers added to or compared with money are
 * read as 元, so `本年(…) <= 1000` means 1,000 元.
 */
import { columnLetters } from '../address';
import { MAX_RUN_FEN } from '../money';
import type { FindingLocation } from '../findings';
import type { BudgetLine } from '../lines';
import type { AggNode, CmpOp, Expr, FormulaAst } from './ast';
import { FormulaError } from './errors';
import { formulaErrors } from './messages';
import { LinePredicate, linePredicate, sumLines } from './lines';
import type { WorkbookIndex } from './sheets';

export interface NumValue {
  kind: 'num';
  /** 分 when money, else the plain number. */
  v: number;
  money: boolean;
  /** A ratio or a percentage: shown as %. */
  pct: boolean;
  /** The first cell or line that counts. */
  at: FindingLocation | null;
}

export interface BoolValue {
  kind: 'bool';
  v: boolean;
  at: FindingLocation | null;
}

export type Value = NumValue | BoolValue;

/** What one evaluation sees: a workbook (for cell references) and the lines in scope. */
export interface Scope {
  index: WorkbookIndex | null;
  lines: ReadonlyArray<BudgetLine>;
  /** Prior-year lines; null when prior figures come from the current lines' 上年 columns. */
  prior: ReadonlyArray<BudgetLine> | null;
  /** Whether the run has prior figures at all. */
  hasPrior: boolean;
  /** Predicates compiled once per formula (keyed by node). */
  predicates: Map<AggNode, LinePredicate>;
  /** Tolerance in 分 for comparisons involving money. */
  toleranceFen: number;
  /** Lines matching a condition list, per source: 本年(c) and 上年(c) over the same lines scan once. */
  matches?: Map<string, BudgetLine[]>;
}

const ALL: LinePredicate = () => true;

function condKey(n: AggNode): string {
  return n.conds.map((c) => `${c.field}\u0001${c.op}\u0001${c.value}`).join('\u0002');
}

/** Float noise only, for plain numbers. */
const EPSILON = 1e-9;

function lineLoc(l: BudgetLine | null): FindingLocation | null {
  if (!l) return null;
  return { file: l.src.file, sheet: l.src.sheet, cell: `${columnLetters(l.amountCol)}${l.row}`, row: l.row };
}

const money = (fen: number, at: FindingLocation | null): NumValue => ({ kind: 'num', v: fen, money: true, pct: false, at });
const plain = (v: number, pct: boolean, at: FindingLocation | null = null): NumValue => ({ kind: 'num', v, money: false, pct, at });

function num(e: Expr, s: Scope, what: string): NumValue {
  const v = evaluate(e, s);
  if (v.kind !== 'num') throw new FormulaError(formulaErrors.notNumber(what), e.at);
  return v;
}

function bool(e: Expr, s: Scope, name: string, i: number): BoolValue {
  const v = evaluate(e, s);
  if (v.kind !== 'bool') throw new FormulaError(formulaErrors.notCondition(name, i), e.at);
  return v;
}

/** A plain number meeting money is read as 元. */
function asFen(v: NumValue): number {
  return v.money ? v.v : Math.round(v.v * 100 * 1e6) / 1e6;
}

/** Both operands in one scale: 分 when either is money. */
function align(a: NumValue, b: NumValue): { a: number; b: number; money: boolean } {
  if (a.money || b.money) return { a: asFen(a), b: asFen(b), money: true };
  return { a: a.v, b: b.v, money: false };
}

/** Money past 2⁵³ − 1 分 is no longer exact to the 分: the formula is 无法计算 at `at`. */
function exactFen(fen: number, at: number | null): void {
  if (Math.abs(fen) > MAX_RUN_FEN) throw new FormulaError(formulaErrors.moneyRange(), at);
}

/** `at`: the comparison's position, where a difference past the exact range is reported. */
export function compare(op: CmpOp, l: NumValue, r: NumValue, toleranceFen: number, at: number): boolean {
  const { a, b, money: m } = align(l, r);
  // Both sides may fit and their difference (what the finding reports, 相差) not: no judgement on it.
  if (m) exactFen(a - b, at);
  // The stated 容差 widens every comparison; below it, float noise (half a 分, or 1e-9) never decides.
  const tol = m ? toleranceFen : 0;
  const noise = m ? 0.5 : EPSILON;
  switch (op) {
    case '=': return Math.abs(a - b) <= tol + noise;
    case '<>': return Math.abs(a - b) > tol + noise;
    case '<=': return a <= b + tol + noise;
    case '>=': return a >= b - tol - noise;
    case '<': return a < b + tol - noise;
    case '>': return a > b - tol + noise;
  }
}

function describe(e: Expr): string {
  switch (e.type) {
    case 'agg': return `${e.which}(…)`;
    case 'cell': return `${e.sheet}!${e.ref}`;
    case 'rowRef': return `[${e.table}]`;
    default: return '除数';
  }
}

function aggregate(n: AggNode, s: Scope): NumValue {
  let pred = s.predicates.get(n);
  if (!pred) s.predicates.set(n, (pred = linePredicate(n.conds)));
  if (s.lines.length === 0 && (n.which !== '上年' || !s.prior || s.prior.length === 0)) throw new FormulaError(formulaErrors.noLines(), n.at);
  if (n.which === '上年' && !s.hasPrior) throw new FormulaError(formulaErrors.noPrior(), n.at);
  const fromPrior = n.which === '上年' && s.prior !== null;
  const source = fromPrior ? (s.prior as ReadonlyArray<BudgetLine>) : s.lines;
  // The lines that match, once per condition list and source.
  const key = (fromPrior ? 'p' : 'c') + condKey(n);
  s.matches ??= new Map();
  let hit = s.matches.get(key);
  if (!hit) {
    hit = [];
    const p = pred;
    for (let i = 0; i < source.length; i++) if (p(source[i])) hit.push(source[i]);
    s.matches.set(key, hit);
  }
  switch (n.which) {
    case '本年': {
      const r = sumLines(hit, ALL, 'amount');
      return money(r.total, lineLoc(r.first));
    }
    case '上年': {
      const r = sumLines(hit, ALL, fromPrior ? 'amount' : 'prior');
      return money(r.total, lineLoc(r.first));
    }
    case '上年执行': {
      const r = sumLines(hit, ALL, 'priorActual');
      return money(r.total, lineLoc(r.first));
    }
    case '条数': {
      const r = sumLines(hit, ALL, 'count');
      return plain(r.total, false, lineLoc(r.first));
    }
  }
}

function needIndex(s: Scope, sheet: string, at: number): WorkbookIndex {
  if (!s.index) throw new FormulaError(formulaErrors.noSheet(sheet), at);
  return s.index;
}

function spread(args: Expr[], s: Scope, name: string): NumValue[] {
  const out: NumValue[] = [];
  args.forEach((a, i) => {
    if (a.type === 'range') {
      for (const c of needIndex(s, a.sheet, a.sheetAt).range(a.sheet, a.from, a.to, a.at, a.sheetAt)) out.push(money(c.fen, c.at));
    } else out.push(num(a, s, `${name} 的第 ${i + 1} 个参数`));
  });
  return out;
}

function call(name: string, args: Expr[], s: Scope, at: number): Value {
  switch (name) {
    case 'ABS': {
      const v = num(args[0], s, 'ABS 的参数');
      return { ...v, v: Math.abs(v.v) };
    }
    case 'ROUND': {
      const v = num(args[0], s, 'ROUND 的第 1 个参数');
      const d = args[1] ? num(args[1], s, 'ROUND 的小数位数') : plain(0, false);
      if (d.money || !Number.isInteger(d.v) || d.v < 0 || d.v > 6) throw new FormulaError(formulaErrors.roundDigits(), args[1]?.at ?? at);
      if (v.money) {
        // Round in 元: 分 / 100 to d decimals.
        const step = d.v >= 2 ? 1 : 10 ** (2 - d.v);
        return { ...v, v: Math.sign(v.v) * Math.round(Math.abs(v.v) / step) * step };
      }
      const p = 10 ** d.v;
      return { ...v, v: Math.sign(v.v) * Math.round(Math.abs(v.v) * p) / p };
    }
    case 'IF': {
      const c = bool(args[0], s, 'IF', 1);
      return evaluate(c.v ? args[1] : args[2], s);
    }
    case 'AND': case 'OR': {
      let result = name === 'AND';
      let first: FindingLocation | null = null;
      for (let i = 0; i < args.length; i++) {
        const b = bool(args[i], s, name, i + 1);
        first ??= b.at;
        if (name === 'AND' && !b.v) return { kind: 'bool', v: false, at: b.at ?? first };
        if (name === 'OR' && b.v) result = true;
      }
      return { kind: 'bool', v: result, at: first };
    }
    case 'NOT': {
      const b = bool(args[0], s, 'NOT', 1);
      return { kind: 'bool', v: !b.v, at: b.at };
    }
    default: {
      // SUM, MAX, MIN
      const vs = spread(args, s, name);
      const anyMoney = vs.some((v) => v.money);
      const at0 = vs.find((v) => v.at)?.at ?? null;
      const xs = vs.map((v) => (anyMoney ? asFen(v) : v.v));
      let r: number;
      if (name === 'SUM') {
        r = 0;
        for (const x of xs) {
          r += x;
          // Each partial sum of money must stay exact, not only the total (SUM(大数, -大数) would hide a lost 分).
          if (anyMoney) exactFen(r, at);
        }
      } else if (xs.length === 0) r = 0;
      else r = name === 'MAX' ? Math.max(...xs) : Math.min(...xs);
      return anyMoney ? money(r, at0) : plain(r, vs.every((v) => v.pct), at0);
    }
  }
}

/**
 * A money value past 2⁵³ − 1 分 is no longer exact to the 分 (the 分 of sheet cells summed by a range
 * or a cell reference, or money times a number): the formula is reported as not computable, never
 * judged on an inexact figure. Budget lines are already inside that range (one account per check).
 */
export function evaluate(e: Expr, s: Scope): Value {
  const v = evaluateNode(e, s);
  if (v.kind === 'num' && v.money) exactFen(v.v, e.at);
  return v;
}

function evaluateNode(e: Expr, s: Scope): Value {
  switch (e.type) {
    case 'num':
      return plain(e.value, e.percent);
    case 'bool':
      return { kind: 'bool', v: e.value, at: null };
    case 'cell': {
      const c = needIndex(s, e.sheet, e.sheetAt).cell(e.sheet, e.col, e.row, e.at, e.sheetAt);
      return money(c.fen, c.at);
    }
    case 'rowRef': {
      const idx = needIndex(s, e.table, e.tableAt);
      const c = idx.rowValue(idx.table(e.table, e.tableAt), e.row, e.columns, e.at);
      return money(c.fen, c.at);
    }
    case 'agg':
      return aggregate(e, s);
    case 'neg': {
      const v = num(e.arg, s, '负号后面');
      return { ...v, v: -v.v };
    }
    case 'bin': {
      const l = num(e.left, s, `“${e.op}”的左边`);
      const r = num(e.right, s, `“${e.op}”的右边`);
      const at = l.at ?? r.at;
      if (e.op === '+' || e.op === '-') {
        const x = align(l, r);
        const v = e.op === '+' ? x.a + x.b : x.a - x.b;
        return x.money ? money(v, at) : plain(v, l.pct && r.pct, at);
      }
      if (e.op === '*') {
        if (l.money && r.money) throw new FormulaError(formulaErrors.moneyTimesMoney(), e.opAt ?? e.at);
        return l.money || r.money ? money(l.v * r.v, at) : plain(l.v * r.v, false, at);
      }
      if (!l.money && r.money) throw new FormulaError(formulaErrors.numberByMoney(), e.opAt ?? e.at);
      if (r.v === 0) throw new FormulaError(formulaErrors.divideByZero(`${describe(e.right)} 的值为 0`), e.right.at);
      if (l.money && r.money) return plain(l.v / r.v, true, at);
      return l.money ? money(l.v / r.v, at) : plain(l.v / r.v, false, at);
    }
    case 'cmp': {
      const l = num(e.left, s, '比较的左边');
      const r = num(e.right, s, '比较的右边');
      return { kind: 'bool', v: compare(e.op, l, r, s.toleranceFen, e.at), at: l.at ?? r.at };
    }
    case 'call':
      return call(e.name.toUpperCase(), e.args, s, e.at);
    default:
      // str, bareCell, range outside SUM: rejected by parse.ts before evaluation.
      throw new FormulaError(formulaErrors.internal(e.type), e.at);
  }
}

export function toleranceFen(ast: FormulaAst): number {
  const t = ast.tolerance;
  if (!t) return 0;
  return Math.round(t.value * (t.unit === '万元' ? 1_000_000 : 100));
}
