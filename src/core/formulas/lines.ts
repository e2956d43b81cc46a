/**
 * Aggregates over budget lines, in the spirit of SUMIFS: 本年(经济分类="30215", 单位="101001").
 * Conditions compile once to plain predicates (no regular expression per line for the common exact
 * and prefix patterns), so a formula over a million lines is one tight loop per aggregate.
 */
import type { BudgetLine, LineKind } from '../lines';
import type { Condition } from './ast';

export type FieldKey =
  | 'functionCode' | 'economicCode' | 'govEconomicCode' | 'unit' | 'unitCode' | 'unitName' | 'unitKind'
  | 'project' | 'projectCode' | 'projectName' | 'kind' | 'fundSource' | 'sanbao';

/** Field names staff may write (the first of each is the one the docs use). */
const FIELDS: ReadonlyArray<[FieldKey, ReadonlyArray<string>]> = [
  ['functionCode', ['功能分类', '功能科目', '功能分类科目', '支出功能分类']],
  ['economicCode', ['经济分类', '经济科目', '部门经济分类', '经济分类科目']],
  ['govEconomicCode', ['政府经济分类']],
  ['unit', ['单位']],
  ['unitCode', ['单位编码', '单位代码']],
  ['unitName', ['单位名称']],
  ['unitKind', ['单位性质', '单位类型']],
  ['project', ['项目']],
  ['projectCode', ['项目编码', '项目代码']],
  ['projectName', ['项目名称']],
  ['kind', ['支出类型', '支出性质']],
  ['fundSource', ['资金来源', '资金性质']],
  ['sanbao', ['三保', '三保类型']],
];

const BY_NAME = new Map<string, FieldKey>();
for (const [k, names] of FIELDS) for (const n of names) BY_NAME.set(n, k);

export const FIELD_NAMES = FIELDS.map(([, n]) => n[0]).join('、');

export function fieldOf(name: string): FieldKey | null {
  return BY_NAME.get(name.normalize('NFKC').trim()) ?? null;
}

/** 支出类型 values: 基本支出 covers 人员经费 and 公用经费. */
export function kindValue(v: string): ReadonlyArray<LineKind> | null {
  const s = v.trim();
  if (/^基本(支出)?$/.test(s)) return ['personnel', 'public'];
  if (/^人员(经费|支出)?$/.test(s)) return ['personnel'];
  if (/^公用(经费|支出)?$/.test(s)) return ['public'];
  if (/^项目(支出)?$/.test(s)) return ['project'];
  return null;
}

type TextMatch = (s: string) => boolean;

/** "30215" exact, "205*" prefix, "*费" suffix, "2?5*" and other patterns by a regular expression. */
function textMatcher(pattern: string): TextMatch {
  const p = pattern.normalize('NFKC').trim();
  if (!/[*?]/.test(p)) return (s) => s === p;
  if (/^[^*?]*\*$/.test(p)) {
    const pre = p.slice(0, -1);
    return (s) => s.startsWith(pre);
  }
  if (/^\*[^*?]*$/.test(p)) {
    const suf = p.slice(1);
    return (s) => s.endsWith(suf);
  }
  const re = new RegExp('^' + p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return (s) => re.test(s);
}

/** Several values separated by 、 or |: any of them. */
function anyMatcher(value: string): TextMatch {
  const parts = value.split(/[、|]/).map((x) => x.trim()).filter((x) => x !== '');
  if (parts.length === 0) return (s) => s === ''; // 项目编码="": lines without one
  const ms = parts.map(textMatcher);
  if (ms.length === 1) return ms[0];
  return (s) => ms.some((m) => m(s));
}

export type LinePredicate = (l: BudgetLine) => boolean;

function conditionPredicate(c: Condition): LinePredicate {
  const key = fieldOf(c.field) as FieldKey;
  let p: LinePredicate;
  if (key === 'kind') {
    const kinds = new Set(c.value.split(/[、|]/).flatMap((v) => kindValue(v) ?? []));
    p = (l) => kinds.has(l.kind);
  } else {
    const m = anyMatcher(c.value);
    switch (key) {
      case 'unit': p = (l) => m(l.unitCode) || m(l.unitName); break;
      case 'project': p = (l) => m(l.projectCode) || m(l.projectName); break;
      case 'sanbao': p = (l) => m(l.sanbao ?? ''); break;
      default: p = (l) => m(l[key]); break;
    }
  }
  if (c.op === '<>') {
    const q = p;
    return (l) => !q(l);
  }
  return p;
}

/** All conditions must hold. */
export function linePredicate(conds: ReadonlyArray<Condition>): LinePredicate {
  const ps = conds.map(conditionPredicate);
  if (ps.length === 0) return () => true;
  if (ps.length === 1) return ps[0];
  if (ps.length === 2) {
    const [a, b] = ps;
    return (l) => a(l) && b(l);
  }
  return (l) => {
    for (const p of ps) if (!p(l)) return false;
    return true;
  };
}

export interface LineSum {
  /** Sum in 分 (or the count, for 条数). */
  total: number;
  /** The first line that counts (its location is the finding's), null when none. */
  first: BudgetLine | null;
}

/** Sum of a field in 分 over the lines that match. */
export function sumLines(lines: ReadonlyArray<BudgetLine>, pred: LinePredicate, value: 'amount' | 'prior' | 'priorActual' | 'count'): LineSum {
  let total = 0;
  let first: BudgetLine | null = null;
  const n = lines.length;
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    if (!pred(l)) continue;
    if (first === null) first = l;
    switch (value) {
      case 'amount': total += l.amountFen; break;
      case 'prior': total += l.priorFen ?? 0; break;
      case 'priorActual': total += l.priorActualFen ?? 0; break;
      default: total += 1;
    }
  }
  return { total, first };
}
