/**
 * DATA.* checks on the lines themselves: codes against the 政府收支分类科目 catalogue, code levels,
 * the kind/economic-code pairing, negative amounts and duplicate lines (SPEC §3).
 * Policy: 《2025年政府收支分类科目》(财预〔2025〕41号 revision) — expenditure is listed by 功能分类
 * 类/款/项 and 部门经济分类 类/款; 人员经费 = 301 + 303, 公用经费 = 302 + 310 (domain §3.4).
 */
import { a1 } from '../../../../src/core/address';
import { Catalog, CodeKind, defaultCatalog } from '../../../../src/core/catalog';
import type { RuleContext, RuleFamily } from '../../../../src/core/context';
import { DEFAULT_SEVERITY, Finding, RuleId, Severity } from '../../../../src/core/findings';
import type { BudgetLine, DeclaredKind, Field } from '../lines';
import { unitKey, projectKey } from '../lines';
import { dataMessages } from '../../../../src/core/messages/data';

const ALLOWED_ECONOMIC: Partial<Record<DeclaredKind, ReadonlyArray<string>>> = {
  personnel: ['301', '303'],
  public: ['302', '303', '310'],
  basic: ['301', '302', '303', '310'],
};
const KIND_ZH: Record<DeclaredKind, string> = { personnel: '人员经费', public: '公用经费', basic: '基本支出', project: '项目支出' };

function lineFinding(l: BudgetLine, rule: RuleId, field: Field | null, message: string, severity?: Severity, extra: Partial<Finding> = {}): Finding {
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

function checkCode(l: BudgetLine, kind: CodeKind, catalog: Catalog, out: Finding[]): void {
  const isFunction = kind === 'function';
  const code = isFunction ? l.functionCode : l.economicCode;
  const written = isFunction ? l.functionName : l.economicName;
  const what = isFunction ? '功能分类科目' : '经济分类科目';
  const field: Field = isFunction ? (l.src.columns.functionCode ? 'functionCode' : 'functionClass') : l.src.columns.economicCode ? 'economicCode' : 'economicClass';
  if (!code) {
    out.push(lineFinding(l, 'DATA.UNKNOWN_CODE', field, written ? dataMessages.badCode({ what, text: written }) : dataMessages.blankCode({ what })));
    return;
  }
  const full = isFunction ? 7 : 5;
  const hasClass = isFunction ? catalog.hasFunctionClass(code) : catalog.hasEconomicClass(code);
  if (!hasClass || (code.length !== 3 && code.length !== 5 && code.length !== 7) || code.length > full) {
    out.push(lineFinding(l, 'DATA.UNKNOWN_CODE', field, dataMessages.unknownClass({ what, code })));
    return;
  }
  if (code.length >= 5 && !(isFunction ? catalog.hasFunctionSection(code) : catalog.hasEconomicSection(code))) {
    out.push(lineFinding(l, 'DATA.UNKNOWN_CODE', field, dataMessages.unknownSection({ what, code }), 'warning'));
  }
  if (code.length < full) {
    out.push(lineFinding(l, 'DATA.CODE_LEVEL', field, dataMessages.codeLevel({ what, code, level: isFunction ? '项级（7 位）' : '款级（5 位）' })));
  }
  if (written && !catalog.nameMatches(kind, code, written)) {
    const expected = (isFunction ? catalog.functionName(code) : catalog.economicName(code)) ?? '';
    out.push(lineFinding(l, 'DATA.CODE_NAME_MISMATCH', field, dataMessages.codeName({ what, code, written, expected })));
  }
}

export function checkLines(lines: ReadonlyArray<BudgetLine>, catalog: Catalog = defaultCatalog): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, BudgetLine>();
  for (const l of lines) {
    if (l.amountFen < 0) {
      out.push(lineFinding(l, 'DATA.NEGATIVE_AMOUNT', null, dataMessages.negativeAmount({ unitName: l.unitName || l.unitCode, fen: l.amountFen, amountUnit: l.src.amountUnit }), undefined, { figures: { actualFen: l.amountFen } }));
    }
    checkCode(l, 'function', catalog, out);
    checkCode(l, 'economic', catalog, out);
    const allowed = ALLOWED_ECONOMIC[l.declaredKind];
    if (allowed && l.economicCode && !allowed.includes(l.economicCode.slice(0, 3))) {
      const field: Field = l.src.columns.economicCode ? 'economicCode' : 'economicClass';
      out.push(lineFinding(l, 'DATA.KIND_CODE_MISMATCH', field, dataMessages.kindCode({ kindZh: KIND_ZH[l.declaredKind], code: l.economicCode, allowed: allowed.join('、') })));
    }
    const key = [l.src.file, unitKey(l), l.kind, projectKey(l), l.functionCode, l.economicCode, l.fundSource].join('\u0001');
    const first = seen.get(key);
    if (first) {
      const where = first.src.sheet === l.src.sheet ? `第 ${first.row} 行` : `工作表“${first.src.sheet}”第 ${first.row} 行`;
      out.push(lineFinding(l, 'DATA.DUPLICATE_LINE', null, dataMessages.duplicate({ firstRow: first.row }).replace(`第 ${first.row} 行`, where)));
    } else seen.set(key, l);
  }
  return out;
}

/** DATA.* on lines, as a rule family. */
export const dataIntegrity: Omit<RuleFamily, 'emits'> = {
  family: 'DATA',
  run(ctx: RuleContext): Finding[] {
    return checkLines(ctx.lines, ctx.catalog ?? defaultCatalog);
  },
};
