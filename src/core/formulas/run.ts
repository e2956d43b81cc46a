/**
 * Running 审核公式 as rules: where each formula applies (its own workbook, or every input for a rules
 * workbook, the rules file and the pane), per unit with 按单位, and the findings: CUSTOM.<编号> when
 * it does not hold (强制 → error, 提示 → warning), CUSTOM.INVALID when it cannot be evaluated.
 * 试算 (trial) runs the same evaluation and shows the values instead.
 */
import type { Figures, Finding, FindingLocation, FindingUnit, Severity } from '../findings';
import type { WorkbookGrids } from '../grid';
import { BudgetLine, unitKey } from '../lines';
import { formatFen, formatPercent, formatWan, formatYuan } from '../money';
import type { AggNode, FormulaAst } from './ast';
import { FormulaError } from './errors';
import { NumValue, Scope, Value, compare, evaluate, toleranceFen } from './evaluate';
import type { LinePredicate } from './lines';
import { SideText, failedMessage, formulaErrors, invalidMessage, position } from './messages';
import { MAX_DEPTH, parseFormula, referencedSheets, usesLines } from './parse';
import { WorkbookIndex } from './sheets';

export type FormulaType = '强制' | '提示';

export interface FormulaDef {
  /** 编号: the finding's rule is CUSTOM.<编号>. */
  id: string;
  formula: string;
  /** 强制 (must hold: error) or 提示 (advisory: warning, needs a 说明); other text is CUSTOM.INVALID. */
  type: string;
  /** 说明: the staff's own words, shown in the finding. */
  note: string;
  /** 适用范围: units (code or name) and/or input files, separated by 、 or commas; '' for all. */
  scope: string;
  /** Where the formula is written (its 公式 cell), null for the rules file and the pane. */
  origin: FindingLocation | null;
  /** A data workbook's own 审核公式 apply to that workbook only; null: every input. */
  home: string | null;
}

/** What formulas read: the run's workbooks and budget lines. */
export interface FormulaData {
  workbooks: ReadonlyArray<WorkbookGrids>;
  lines: ReadonlyArray<BudgetLine>;
  /** Prior-year lines (上年 sheets, --prior); empty when prior figures are in 上年 columns or absent. */
  priorLines: ReadonlyArray<BudgetLine>;
}

export const MAX_FORMULAS = 500;

export const INVALID_RULE = 'CUSTOM.INVALID';

/** 强制 / 提示 as written (强制性, 必须, 提示性, 警告 …), null when neither. */
export function formulaType(text: string): FormulaType | null {
  const t = text.normalize('NFKC').trim();
  if (t === '' || /^(强制|强制性|必须|必须满足|硬性|error|错误)$/i.test(t)) return '强制';
  if (/^(提示|提示性|建议|警告|advisory|warning)$/i.test(t)) return '提示';
  return null;
}

/** The rule ID of a formula: CUSTOM.<编号> (编号 trimmed, NFKC). */
export function customRuleId(id: string): `CUSTOM.${string}` {
  return `CUSTOM.${id.normalize('NFKC').trim()}`;
}

/** One evaluation target: a workbook (for cell references) and/or a unit's lines. */
interface Target {
  file: string | null;
  unit: FindingUnit | undefined;
  scope: Scope;
}

export type Outcome =
  | { kind: 'value'; target: Target; value: Value; sides: { left: NumValue; right: NumValue; op: string } | null }
  | { kind: 'error'; target: Target | null; error: FormulaError };

function basename(f: string): string {
  const b = f.split(/[\\/]/).pop() ?? f;
  return b;
}

function scopeTokens(scope: string): string[] {
  return scope.normalize('NFKC').split(/[、,，;；\s]+/).map((x) => x.trim()).filter((x) => x !== '' && !/^(全部|所有|全部单位)$/.test(x));
}

function unitOf(l: BudgetLine): FindingUnit {
  const u: FindingUnit = {};
  if (l.unitCode) u.code = l.unitCode;
  if (l.unitName) u.name = l.unitName;
  return u;
}

/** Group lines by unit, in order of first appearance. */
function byUnit(lines: ReadonlyArray<BudgetLine>): Map<string, BudgetLine[]> {
  const m = new Map<string, BudgetLine[]>();
  let lastKey = '';
  let last: BudgetLine[] | null = null;
  for (const l of lines) {
    const k = unitKey(l);
    if (last === null || k !== lastKey) {
      lastKey = k;
      last = m.get(k) ?? null;
      if (!last) m.set(k, (last = []));
    }
    last.push(l);
  }
  return m;
}

/** Evaluate a definition everywhere it applies. */
export function evaluateDef(def: FormulaDef, ast: FormulaAst, data: FormulaData, indexes: Map<WorkbookGrids, WorkbookIndex>): Outcome[] {
  const tokens = scopeTokens(def.scope);
  let wbs = def.home !== null ? data.workbooks.filter((w) => w.file === def.home) : data.workbooks.slice();
  const fileTokens = tokens.filter((t) => data.workbooks.some((w) => w.file === t || basename(w.file) === t || basename(w.file).replace(/\.[^.]+$/, '') === t));
  const unitTokens = tokens.filter((t) => !fileTokens.includes(t));
  if (fileTokens.length) wbs = wbs.filter((w) => fileTokens.some((t) => w.file === t || basename(w.file) === t || basename(w.file).replace(/\.[^.]+$/, '') === t));
  const inputFiles = new Set(data.workbooks.map((w) => w.file));
  const files = new Set(wbs.map((w) => w.file));
  const unitOk = unitTokens.length ? (l: BudgetLine) => unitTokens.includes(l.unitCode) || unitTokens.includes(l.unitName) : () => true;
  const restrictFiles = def.home !== null || fileTokens.length > 0;
  const restricted = restrictFiles || unitTokens.length > 0;
  const lines = restricted ? data.lines.filter((l) => (!restrictFiles || files.has(l.src.file)) && unitOk(l)) : data.lines;
  const priorAll = restricted ? data.priorLines.filter((l) => (!restrictFiles || files.has(l.src.file) || !inputFiles.has(l.src.file)) && unitOk(l)) : data.priorLines;
  const prior = priorAll.length ? priorAll : null;
  const hasPrior = prior !== null || lines.some((l) => l.priorFen !== null);
  const tol = toleranceFen(ast);
  const predicates = new Map<AggNode, LinePredicate>();

  const refs = referencedSheets(ast.expr);
  let places: Array<{ file: string | null; index: WorkbookIndex | null }> = [{ file: null, index: null }];
  if (refs.length) {
    const idx = (w: WorkbookGrids) => {
      let i = indexes.get(w);
      if (!i) indexes.set(w, (i = new WorkbookIndex(w)));
      return i;
    };
    const ok = wbs.filter((w) => refs.every((r) => idx(w).has(r.name, r.table)));
    if (ok.length === 0) {
      // Nowhere to evaluate: say what is missing in the formula's own workbook, else the first.
      const w = wbs[0];
      if (!w) return [{ kind: 'error', target: null, error: new FormulaError(formulaErrors.noSheet(refs[0].name), refs[0].at) }];
      const missing = refs.find((r) => !idx(w).has(r.name, r.table)) ?? refs[0];
      try {
        if (missing.table) idx(w).table(missing.name, missing.at);
      } catch (e) {
        if (e instanceof FormulaError) return [{ kind: 'error', target: null, error: e }];
        throw e;
      }
      return [{ kind: 'error', target: null, error: new FormulaError(formulaErrors.noSheet(missing.name), missing.at) }];
    }
    places = ok.map((w) => ({ file: w.file, index: idx(w) }));
  }

  const targets: Target[] = [];
  for (const p of places) {
    const inFile = p.file !== null && restrictFiles ? lines.filter((l) => l.src.file === p.file) : lines;
    if (ast.perUnit && usesLines(ast.expr)) {
      const priorBy = prior ? byUnit(prior) : null;
      for (const [k, ls] of byUnit(inFile)) {
        targets.push({ file: p.file, unit: unitOf(ls[0]), scope: { index: p.index, lines: ls, prior: priorBy ? priorBy.get(k) ?? [] : null, hasPrior, predicates, toleranceFen: tol } });
      }
      if (inFile.length === 0) targets.push({ file: p.file, unit: undefined, scope: { index: p.index, lines: [], prior, hasPrior, predicates, toleranceFen: tol } });
    } else {
      targets.push({ file: p.file, unit: undefined, scope: { index: p.index, lines: inFile, prior, hasPrior, predicates, toleranceFen: tol } });
    }
  }

  const out: Outcome[] = [];
  for (const t of targets) {
    try {
      const e = ast.expr;
      if (e.type === 'cmp') {
        const left = evaluate(e.left, t.scope);
        const right = evaluate(e.right, t.scope);
        if (left.kind !== 'num') throw new FormulaError(formulaErrors.notNumber('比较的左边'), e.left.at);
        if (right.kind !== 'num') throw new FormulaError(formulaErrors.notNumber('比较的右边'), e.right.at);
        const pass = compare(e.op, left, right, tol, e.at);
        out.push({ kind: 'value', target: t, value: { kind: 'bool', v: pass, at: left.at ?? right.at }, sides: { left, right, op: e.op } });
      } else {
        out.push({ kind: 'value', target: t, value: evaluate(e, t.scope), sides: null });
      }
    } catch (err) {
      if (err instanceof FormulaError) out.push({ kind: 'error', target: t, error: err });
      else if (err instanceof RangeError) out.push({ kind: 'error', target: t, error: new FormulaError(formulaErrors.tooDeep(MAX_DEPTH), null) });
      else throw err;
    }
  }
  return out;
}

// ---- showing values ------------------------------------------------------------------------------

/** Money in 万元 (with 元 when the 万元 figure hides it), ratios as %, plain numbers as written. */
export function valueText(v: NumValue, asMoney = v.money): string {
  if (asMoney) {
    const fen = v.money ? v.v : Math.round(v.v * 100);
    const wan = `${formatWan(Math.round(fen))} 万元`;
    return Math.abs(fen) > 0 && Math.abs(fen) < 100_000 ? `${wan}（${formatYuan(Math.round(fen))} 元）` : wan;
  }
  if (v.pct) return formatPercent(v.v, 2);
  return Number.isInteger(v.v) ? String(v.v) : String(Math.round(v.v * 10000) / 10000);
}

function sidesText(left: NumValue, right: NumValue, tolFen: number): SideText {
  const asMoney = left.money || right.money;
  if (!asMoney) return { left: valueText(left), right: valueText(right), difference: null, tolerance: null };
  const diff: NumValue = { kind: 'num', v: (left.money ? left.v : left.v * 100) - (right.money ? right.v : right.v * 100), money: true, pct: false, at: null };
  return { left: valueText(left, true), right: valueText(right, true), difference: valueText(diff, true), tolerance: tolFen > 0 ? `${formatFen(tolFen, 'yuan', 2)} 元` : null };
}

/** The value of one outcome, for 试算. */
export function outcomeText(o: Outcome, tolFen: number): string {
  if (o.kind === 'error') return `${o.error.at === null ? '' : position(o.error.at) + '：'}${o.error.message}`;
  if (o.sides) {
    const s = sidesText(o.sides.left, o.sides.right, tolFen);
    return `左边 ${s.left}，右边 ${s.right}${s.difference ? `，相差 ${s.difference}` : ''}：${o.value.v ? '成立' : '不成立'}`;
  }
  return o.value.kind === 'bool' ? (o.value.v ? '成立' : '不成立') : valueText(o.value);
}

// ---- findings ------------------------------------------------------------------------------------

function invalid(def: FormulaDef, err: FormulaError, fallbackFile: string, target: Target | null): Finding {
  const location: FindingLocation = def.origin ?? { file: target?.file ?? def.home ?? fallbackFile };
  const f: Finding = { rule: INVALID_RULE, severity: 'error', location, message: invalidMessage(def.id || '（无编号）', def.formula, err.message, err.at, target?.unit) };
  if (target?.unit) f.unit = target.unit;
  return f;
}

function severityOf(t: FormulaType): Severity {
  return t === '强制' ? 'error' : 'warning';
}

/**
 * Every formula as findings. `fallbackFile` locates findings that have neither a cell nor a line
 * (the first input, as for other workbook-level findings).
 */
export function runFormulas(defs: ReadonlyArray<FormulaDef>, data: FormulaData, fallbackFile = ''): Finding[] {
  const out: Finding[] = [];
  const indexes = new Map<WorkbookGrids, WorkbookIndex>();
  const seen = new Set<string>();
  defs.forEach((def, i) => {
    if (i === MAX_FORMULAS) out.push(invalid(def, new FormulaError(formulaErrors.tooMany(MAX_FORMULAS), null), fallbackFile, null));
    if (i >= MAX_FORMULAS) return;
    const id = def.id.normalize('NFKC').trim();
    const type = formulaType(def.type);
    if (type === null) return void out.push(invalid(def, new FormulaError(formulaErrors.badType(def.type), null), fallbackFile, null));
    const key = `${def.home ?? ''}\u0001${id}`;
    if (seen.has(key)) return void out.push(invalid(def, new FormulaError(formulaErrors.duplicateId(id), null), fallbackFile, null));
    seen.add(key);
    let ast: FormulaAst;
    try {
      ast = parseFormula(def.formula);
    } catch (e) {
      if (e instanceof FormulaError) return void out.push(invalid(def, e, fallbackFile, null));
      throw e;
    }
    const tol = toleranceFen(ast);
    const reported = new Set<string>();
    for (const o of evaluateDef(def, ast, data, indexes)) {
      if (o.kind === 'error') {
        const f = invalid(def, o.error, fallbackFile, o.target);
        if (!reported.has(f.message)) out.push(f);
        reported.add(f.message);
        continue;
      }
      if (o.value.kind !== 'bool') {
        out.push(invalid(def, new FormulaError(formulaErrors.notBoolean(), ast.expr.at), fallbackFile, o.target));
        continue;
      }
      if (o.value.v) continue;
      const t = o.target;
      const location: FindingLocation = o.value.at ?? (t.file ? { file: t.file } : def.origin ?? { file: def.home ?? fallbackFile });
      const sides = o.sides ? sidesText(o.sides.left, o.sides.right, tol) : null;
      const f: Finding = {
        rule: customRuleId(id || String(i + 1)),
        severity: severityOf(type),
        location,
        message: failedMessage(id || String(i + 1), def.formula.trim(), def.note.trim(), sides, type === '提示', t.unit),
      };
      if (t.unit) f.unit = t.unit;
      if (o.sides && (o.sides.left.money || o.sides.right.money)) {
        const l = o.sides.left.money ? o.sides.left.v : o.sides.left.v * 100;
        const r = o.sides.right.money ? o.sides.right.v : o.sides.right.v * 100;
        const figures: Figures = { actualFen: Math.round(l), expectedFen: Math.round(r), differenceFen: Math.round(l - r) };
        if (tol > 0) figures.toleranceFen = tol;
        f.figures = figures;
      } else if (o.sides) {
        f.figures = { left: o.sides.left.v, right: o.sides.right.v };
      }
      out.push(f);
    }
  });
  return out;
}

// ---- 试算 ----------------------------------------------------------------------------------------

export interface TrialRow {
  /** The workbook (cell references) and/or unit (按单位) of this value. */
  file: string | null;
  unit: FindingUnit | null;
  text: string;
  /** true / false for a judgement, null for a number or an error. */
  pass: boolean | null;
  error: boolean;
}

export interface TrialResult {
  /** The formula's own error (syntax, names), with its position; null when it parsed. */
  error: { message: string; at: number | null; text: string } | null;
  rows: TrialRow[];
}

/** 试算: the value of a formula on the open data, per workbook and unit, without findings. */
export function trialFormula(formula: string, data: FormulaData, opts: { scope?: string; home?: string | null } = {}): TrialResult {
  let ast: FormulaAst;
  try {
    ast = parseFormula(formula);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    return { error: { message: e.message, at: e.at, text: `${e.at === null ? '' : position(e.at) + '：'}${e.message}` }, rows: [] };
  }
  const def: FormulaDef = { id: '试算', formula, type: '强制', note: '', scope: opts.scope ?? '', origin: null, home: opts.home ?? null };
  const tol = toleranceFen(ast);
  const rows: TrialRow[] = [];
  for (const o of evaluateDef(def, ast, data, new Map())) {
    const t = o.target;
    if (o.kind === 'error' && t === null) {
      return { error: { message: o.error.message, at: o.error.at, text: outcomeText(o, tol) }, rows: [] };
    }
    rows.push({
      file: t?.file ?? null,
      unit: t?.unit ?? null,
      text: outcomeText(o, tol),
      pass: o.kind === 'value' && o.value.kind === 'bool' ? o.value.v : null,
      error: o.kind === 'error',
    });
  }
  return { error: null, rows };
}
