/**
 * Departments (部门) of a run, for the disclosure tables: 部门预算公开 is made per 部门 (the department
 * and the units under it), never as a merge of unrelated departments under one 编制部门 (issue 14).
 *
 * A unit's department is read from its code where codes follow the usual 预算单位编码 shape, a
 * department code followed by a three-digit unit number (101001 县教育局, 101002 县第一中学 → 部门 101).
 * Units without such a code belong to the department of their input file: a department's own
 * submission is one workbook.
 */
import { type BudgetLine, unitKey } from '../lines';
import type { UnitInfo } from './common';

export interface Department {
  /** '101' for coded units, 'file:<name>' for a file's units without codes. */
  readonly key: string;
  /** The department code ('' when the department is known only by its file). */
  readonly code: string;
  /** The head unit's name (lowest unit number, else first listed; usually 本级), without 本级/本部/机关. */
  readonly name: string;
  /** Unit keys (see unitKey) of its units: by code, else in the order the file lists them. */
  readonly units: readonly string[];
}

const UNIT_CODE = /^(\d{3,})(\d{3})$/;

/** The department code of a unit code, or '' when the code does not have the 部门+单位 shape. */
export function departmentCode(unitCode: string): string {
  const m = UNIT_CODE.exec(unitCode.trim());
  return m ? m[1] : '';
}

function stripHead(name: string): string {
  return name.replace(/(?:（?本部）?|（?本级）?|机关)$/, '') || name;
}

/** Group the units of `lines` into departments, in order of code (file-only departments last). */
export function listDepartments(lines: readonly BudgetLine[], units: readonly UnitInfo[]): Department[] {
  const fileOf = new Map<string, string>();
  const firstSeen = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const k = unitKey(lines[i]);
    if (!fileOf.has(k)) {
      fileOf.set(k, lines[i].src.file);
      firstSeen.set(k, i);
    }
  }
  const groups = new Map<string, { code: string; units: UnitInfo[] }>();
  for (const u of units) {
    const code = departmentCode(u.code);
    const key = code || `file:${fileOf.get(u.key) ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code, units: [] }));
    g.units.push(u);
  }
  const out: Department[] = [];
  for (const [key, g] of groups) {
    // By code; units without codes in the order their file lists them (the department's own first).
    const seen = (u: UnitInfo) => firstSeen.get(u.key) ?? 0;
    const sorted = [...g.units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : seen(a) - seen(b)));
    const head = sorted.find((u) => u.name) ?? sorted[0];
    const file = key.startsWith('file:') ? key.slice(5).split('/').pop() ?? '' : '';
    const name = g.units.length === 1 ? head.name || head.code : stripHead(head.name || head.code);
    out.push({ key, code: g.code, name: name || file.replace(/\.[^.]+$/, ''), units: sorted.map((u) => u.key) });
  }
  return out.sort((a, b) => (a.code === '' ? 1 : 0) - (b.code === '' ? 1 : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.key < b.key ? -1 : 1));
}

/** "101 县教育局" or the file-derived name, as a department is shown to the user. */
export function departmentLabel(d: Department): string {
  return [d.code, d.name].filter(Boolean).join(' ');
}
