/**
 * DATA.* checks on the lines themselves: codes against the 政府收支分类科目 catalogue, code levels,
 * the kind/economic-code pairing, negative amounts and duplicate lines (SPEC §3).
 * Policy: 《2025年政府收支分类科目》(财预〔2025〕41号 revision) — expenditure is listed by 功能分类
 * 类/款/项 and 部门经济分类 类/款; 人员经费 = 301 + 303, 公用经费 = 302 + 310 (domain §3.4).
 */
import { a1 } from '../address';
import { Catalog, CodeKind, defaultCatalog } from '../catalog';
import type { RuleContext, RuleFamily } from '../context';
import { DEFAULT_SEVERITY, Finding, RuleId, Severity } from '../findings';
import type { BudgetLine, DeclaredKind, Field } from '../lines';
import { unitKey, projectKey } from '../lines';
import { dataMessages } from '../messages/data';
import { hashText, KeyTable } from './key-table';

const ALLOWED_ECONOMIC: Partial<Record<DeclaredKind, ReadonlyArray<string>>> = {
  personnel: ['301', '303'],
  public: ['302', '303', '310'],
  basic: ['301', '302', '303', '310'],
};
const KIND_ZH: Record<DeclaredKind, string> = { personnel: '人员经费', public: '公用经费', basic: '基本支出', project: '项目支出' };

function dataLineFinding(l: BudgetLine, rule: RuleId, field: Field | null, message: string, severity?: Severity, extra: Partial<Finding> = {}): Finding {
  const col = (field && l.src.columns[field]) || l.amountCol;
  const unit: Finding['unit'] = {};
  if (l.unitCode) unit.code = l.unitCode;
  if (l.unitName) unit.name = l.unitName;
  return {
    rule,
    severity: severity ?? DEFAULT_SEVERITY[rule],
    unit,
    location: { file: l.src.file, sheet: l.src.sheet, cell: a1(l.row, col), row: l.row },
    message,
    ...extra,
  };
}

/** A code finding without its line: what checkCode concludes for one (kind, code, written name). */
interface CodeVerdict {
  rule: RuleId;
  message: string;
  severity?: Severity;
}

/**
 * What is wrong with one code as written (SPEC §3 DATA.UNKNOWN_CODE, CODE_LEVEL, CODE_NAME_MISMATCH).
 * Depends only on the code, the name written beside it and the catalogue, so check.ts's million lines
 * ask it once per distinct (code, name) pair (see CodeChecker).
 */
function codeVerdicts(kind: CodeKind, code: string, written: string, catalog: Catalog): CodeVerdict[] {
  const isFunction = kind === 'function';
  const what = isFunction ? '功能分类科目' : '经济分类科目';
  if (!code) return [{ rule: 'DATA.UNKNOWN_CODE', message: written ? dataMessages.badCode({ what, text: written }) : dataMessages.blankCode({ what }) }];
  const full = isFunction ? 7 : 5;
  const hasClass = isFunction ? catalog.hasFunctionClass(code) : catalog.hasEconomicClass(code);
  if (!hasClass || (code.length !== 3 && code.length !== 5 && code.length !== 7) || code.length > full) {
    return [{ rule: 'DATA.UNKNOWN_CODE', message: dataMessages.unknownClass({ what, code }) }];
  }
  const out: CodeVerdict[] = [];
  if (code.length >= 5 && !(isFunction ? catalog.hasFunctionSection(code) : catalog.hasEconomicSection(code))) {
    out.push({ rule: 'DATA.UNKNOWN_CODE', message: dataMessages.unknownSection({ what, code }), severity: 'warning' });
  }
  if (code.length < full) {
    out.push({ rule: 'DATA.CODE_LEVEL', message: dataMessages.codeLevel({ what, code, level: isFunction ? '项级（7 位）' : '款级（5 位）' }) });
  }
  if (written && !catalog.nameMatches(kind, code, written)) {
    const expected = (isFunction ? catalog.functionName(code) : catalog.economicName(code)) ?? '';
    out.push({ rule: 'DATA.CODE_NAME_MISMATCH', message: dataMessages.codeName({ what, code, written, expected }) });
  }
  return out;
}

const NONE: ReadonlyArray<CodeVerdict> = [];

/** codeVerdicts memoised per (code, written name); the previous pair is checked first. */
class CodeChecker {
  private readonly memo = new Map<string, Map<string, ReadonlyArray<CodeVerdict>>>();
  private lastCode: string | null = null;
  private lastWritten: string | null = null;
  private lastVerdicts: ReadonlyArray<CodeVerdict> = NONE;

  constructor(
    private readonly kind: CodeKind,
    private readonly catalog: Catalog,
  ) {}

  verdicts(code: string, written: string): ReadonlyArray<CodeVerdict> {
    if (code === this.lastCode && written === this.lastWritten) return this.lastVerdicts;
    let byName = this.memo.get(code);
    if (!byName) this.memo.set(code, (byName = new Map()));
    let v = byName.get(written);
    if (v === undefined) {
      const found = codeVerdicts(this.kind, code, written, this.catalog);
      byName.set(written, (v = found.length ? found : NONE));
    }
    this.lastCode = code;
    this.lastWritten = written;
    this.lastVerdicts = v;
    return v;
  }
}

function checkCode(l: BudgetLine, kind: CodeKind, checker: CodeChecker, out: Finding[]): void {
  const isFunction = kind === 'function';
  const verdicts = isFunction ? checker.verdicts(l.functionCode, l.functionName) : checker.verdicts(l.economicCode, l.economicName);
  if (verdicts.length === 0) return;
  const field: Field = isFunction ? (l.src.columns.functionCode ? 'functionCode' : 'functionClass') : l.src.columns.economicCode ? 'economicCode' : 'economicClass';
  for (const v of verdicts) out.push(dataLineFinding(l, v.rule, field, v.message, v.severity));
}

/**
 * Whether the economic code is allowed for the declared kind (DATA.KIND_CODE_MISMATCH). The previous
 * line's answer is reused when kind and code repeat, as they do down a sheet.
 */
function kindCodeChecker(): (declared: DeclaredKind, economicCode: string) => boolean {
  let lastDeclared: DeclaredKind | null = null;
  let lastCode: string | null = null;
  let lastOk = true;
  return (declared, code) => {
    if (declared === lastDeclared && code === lastCode) return lastOk;
    const allowed = ALLOWED_ECONOMIC[declared];
    lastDeclared = declared;
    lastCode = code;
    lastOk = !allowed || !code || allowed.includes(code.slice(0, 3));
    return lastOk;
  };
}

/** Same duplicate key (SPEC §3 DATA.DUPLICATE_LINE): file, unit, kind, project, codes, fund source. */
function sameKey(a: BudgetLine, b: BudgetLine): boolean {
  return (
    a.functionCode === b.functionCode && a.economicCode === b.economicCode && a.fundSource === b.fundSource && a.kind === b.kind &&
    unitKey(a) === unitKey(b) && projectKey(a) === projectKey(b) && a.src.file === b.src.file
  );
}

/**
 * First line of each duplicate key, in a KeyTable: no key string is built per line. Consecutive lines
 * usually share file, unit, kind and project, so that part of the hash is computed when it changes.
 */
class DuplicateIndex {
  private readonly table = new KeyTable<BudgetLine, BudgetLine>(sameKey, 1024);
  private last: BudgetLine | null = null;
  private headHash = 0;

  /** The first line with the same key, or null (and `l` becomes the first of its key). */
  firstOf(l: BudgetLine): BudgetLine | null {
    const p = this.last;
    if (p === null || l.src.file !== p.src.file || l.kind !== p.kind || unitKey(l) !== unitKey(p) || projectKey(l) !== projectKey(p)) {
      this.headHash = hashText(projectKey(l), hashText(l.kind, hashText(unitKey(l), hashText(l.src.file))));
    }
    this.last = l;
    const h = hashText(l.fundSource, hashText(l.economicCode, hashText(l.functionCode, this.headHash)));
    const first = this.table.find(h, l);
    if (first) return first;
    this.table.add(h, l);
    return null;
  }
}

export function checkLines(lines: ReadonlyArray<BudgetLine>, catalog: Catalog = defaultCatalog): Finding[] {
  const out: Finding[] = [];
  const functionCodes = new CodeChecker('function', catalog);
  const economicCodes = new CodeChecker('economic', catalog);
  const kindAllows = kindCodeChecker();
  const duplicates = new DuplicateIndex();
  for (const l of lines) {
    if (l.amountFen < 0) {
      out.push(dataLineFinding(l, 'DATA.NEGATIVE_AMOUNT', null, dataMessages.negativeAmount({ unitName: l.unitName || l.unitCode, fen: l.amountFen, amountUnit: l.src.amountUnit }), undefined, { figures: { actualFen: l.amountFen } }));
    }
    checkCode(l, 'function', functionCodes, out);
    checkCode(l, 'economic', economicCodes, out);
    if (!kindAllows(l.declaredKind, l.economicCode)) {
      const allowed = ALLOWED_ECONOMIC[l.declaredKind] as ReadonlyArray<string>;
      const field: Field = l.src.columns.economicCode ? 'economicCode' : 'economicClass';
      out.push(dataLineFinding(l, 'DATA.KIND_CODE_MISMATCH', field, dataMessages.kindCode({ kindZh: KIND_ZH[l.declaredKind], code: l.economicCode, allowed: allowed.join('、') })));
    }
    const first = duplicates.firstOf(l);
    if (first) {
      const where = first.src.sheet === l.src.sheet ? `第 ${first.row} 行` : `工作表“${first.src.sheet}”第 ${first.row} 行`;
      out.push(dataLineFinding(l, 'DATA.DUPLICATE_LINE', null, dataMessages.duplicate({ firstRow: first.row }).replace(`第 ${first.row} 行`, where)));
    }
  }
  return out;
}

/** DATA.* on lines, as a rule family. */
export const dataIntegrity: RuleFamily = {
  family: 'DATA',
  emits: ['DATA.UNKNOWN_CODE', 'DATA.CODE_NAME_MISMATCH', 'DATA.CODE_LEVEL', 'DATA.KIND_CODE_MISMATCH', 'DATA.NEGATIVE_AMOUNT', 'DATA.DUPLICATE_LINE'],
  run(ctx: RuleContext): Finding[] {
    return checkLines(ctx.lines, ctx.catalog ?? defaultCatalog);
  },
};
