/**
 * Parsing a formula: the peggy parser generated from grammar.peggy, bounded (length and bracket
 * depth are checked before parsing, so no input can exhaust the stack), its syntax errors turned
 * into Chinese with the position, then a check of every name (functions, fields, sheets written
 * without a name) so that mistakes are reported before any data is read.
 */
import type { AggNode, CallNode, Expr, FormulaAst } from './ast';
import { FormulaError } from './errors';
import { formulaErrors } from './messages';
import { FIELD_NAMES, fieldOf, kindValue } from './lines';
import { parse as pegParse } from './parser.generated';

export const MAX_FORMULA_LENGTH = 2000;
export const MAX_DEPTH = 40;

interface PegError {
  location?: { start: { offset: number } };
  found?: string | null;
  expected?: Array<{ type: string; text?: string }>;
}

/** Bracket depth without parsing: ( （ [ 【 nest; text inside quotes does not count. */
function depthAt(text: string): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"') quote = '"';
    else if (ch === '“') quote = '”';
    else if (ch === '(' || ch === '（' || ch === '[' || ch === '【') {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
      }
    } else if (ch === ')' || ch === '）' || ch === ']' || ch === '】') depth--;
  }
  return { depth: max, at };
}

function unclosedQuote(text: string): number | null {
  let open: number | null = null;
  let close = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open !== null) {
      if (ch === close) open = null;
    } else if (ch === '"') {
      open = i;
      close = '"';
    } else if (ch === '“') {
      open = i;
      close = '”';
    }
  }
  return open;
}

const ARITY: Record<string, [number, number]> = {
  ABS: [1, 1], ROUND: [1, 2], IF: [3, 3], AND: [1, 30], OR: [1, 30], NOT: [1, 1], SUM: [1, 30], MAX: [1, 30], MIN: [1, 30],
};

function arityText([lo, hi]: [number, number]): string {
  return lo === hi ? String(lo) : hi >= 30 ? `至少 ${lo}` : `${lo} 到 ${hi}`;
}

function checkAgg(n: AggNode): void {
  for (const c of n.conds) {
    const f = fieldOf(c.field);
    if (!f) throw new FormulaError(formulaErrors.unknownField(c.field, FIELD_NAMES), c.fieldAt);
    if (f === 'kind') for (const v of c.value.split(/[、|]/)) if (kindValue(v) === null) throw new FormulaError(formulaErrors.badKindValue(v), c.valueAt);
  }
}

function checkCall(n: CallNode): void {
  const name = n.name.toUpperCase();
  const arity = ARITY[name];
  if (!arity) throw new FormulaError(formulaErrors.unknownFunction(n.name), n.at);
  if (n.args.length < arity[0] || n.args.length > arity[1]) throw new FormulaError(formulaErrors.argCount(name, arityText(arity), n.args.length), n.at);
}

/** Names and shapes: every function known, ranges only inside SUM/MAX/MIN, no bare cells or strings in arithmetic. */
function check(e: Expr, inAggregateFn: boolean): void {
  switch (e.type) {
    case 'num': case 'bool': case 'cell': case 'rowRef':
      return;
    case 'str':
      throw new FormulaError(formulaErrors.stringOutside(e.value), e.at);
    case 'bareCell':
      throw new FormulaError(formulaErrors.bareCell(e.ref), e.at);
    case 'range':
      if (!inAggregateFn) throw new FormulaError(formulaErrors.rangeOutside(e.ref), e.at);
      return;
    case 'agg':
      checkAgg(e);
      return;
    case 'neg':
      check(e.arg, false);
      return;
    case 'bin': case 'cmp':
      check(e.left, false);
      check(e.right, false);
      return;
    case 'call': {
      checkCall(e);
      const spread = /^(SUM|MAX|MIN)$/i.test(e.name);
      for (const a of e.args) check(a, spread);
      return;
    }
  }
}

/** Parse and check a formula; throws FormulaError with a Chinese message and position. */
export function parseFormula(text: string): FormulaAst {
  if (text.trim() === '') throw new FormulaError(formulaErrors.empty(), null);
  if (text.length > MAX_FORMULA_LENGTH) throw new FormulaError(formulaErrors.tooLong(text.length, MAX_FORMULA_LENGTH), MAX_FORMULA_LENGTH);
  const d = depthAt(text);
  if (d.depth > MAX_DEPTH) throw new FormulaError(formulaErrors.tooDeep(MAX_DEPTH), d.at);
  let ast: FormulaAst;
  try {
    ast = pegParse(text, {}) as FormulaAst;
  } catch (e) {
    const pe = e as PegError;
    if (!pe || !pe.location) throw e;
    const q = unclosedQuote(text);
    if (q !== null) throw new FormulaError(formulaErrors.unclosedString(), q);
    const found = pe.found === undefined || pe.found === null ? null : pe.found;
    throw new FormulaError(formulaErrors.syntax(found), found === null ? text.length : pe.location.start.offset);
  }
  check(ast.expr, false);
  return ast;
}

/** The sheet and table names a formula refers to, in order of appearance. */
export function referencedSheets(e: Expr, out: Array<{ name: string; at: number; table: boolean }> = []): Array<{ name: string; at: number; table: boolean }> {
  switch (e.type) {
    case 'cell': case 'range':
      out.push({ name: e.sheet, at: e.sheetAt, table: false });
      break;
    case 'rowRef':
      out.push({ name: e.table, at: e.tableAt, table: true });
      break;
    case 'neg':
      referencedSheets(e.arg, out);
      break;
    case 'bin': case 'cmp':
      referencedSheets(e.left, out);
      referencedSheets(e.right, out);
      break;
    case 'call':
      for (const a of e.args) referencedSheets(a, out);
      break;
    default:
      break;
  }
  return out;
}

/** Whether the formula sums budget lines (本年, 上年 …). */
export function usesLines(e: Expr): boolean {
  switch (e.type) {
    case 'agg': return true;
    case 'neg': return usesLines(e.arg);
    case 'bin': case 'cmp': return usesLines(e.left) || usesLines(e.right);
    case 'call': return e.args.some(usesLines);
    default: return false;
  }
}

/** Sheet names the formulas read by 工作表!C7 or [工作表] (formulas that do not parse are left out). */
export function formulaSheetNames(defs: ReadonlyArray<{ formula: string }>): Set<string> {
  const out = new Set<string>();
  for (const d of defs) {
    try {
      for (const r of referencedSheets(parseFormula(d.formula).expr)) out.add(r.name);
    } catch {
      // reported as CUSTOM.INVALID when the formula runs
    }
  }
  return out;
}
