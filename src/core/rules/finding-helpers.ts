/**
 * Shared pieces for building findings: where a line's cell is, which unit a line belongs to, where a
 * unit or project is reported (SPEC §7 Locations), and grouping lines in input order.
 */
import { a1 } from '../address';
import { DEFAULT_SEVERITY } from '../findings';
import type { Finding, FindingLocation, FindingUnit, RuleId } from '../findings';
import type { FiguresOf } from './catalogue';
import { ProjectIndex, projectKey, unitKey } from '../lines';
import type { BudgetLine, Field } from '../lines';
import type { RuleContext } from '../context';
import { needsClean } from '../text';

/** The cell of `field` on the line's row; the amount cell when the field has no column (or none is given). */
export function lineLocation(line: BudgetLine, field?: Field): FindingLocation {
  const col = (field !== undefined ? line.src.columns[field] : undefined) ?? line.amountCol;
  return { file: line.src.file, sheet: line.src.sheet, cell: a1(line.row, col), row: line.row };
}

/** The unit of a line for Finding.unit (empty parts left out). */
export function lineUnit(line: BudgetLine): FindingUnit {
  const u: FindingUnit = {};
  if (line.unitCode) u.code = line.unitCode;
  if (line.unitName) u.name = line.unitName;
  return u;
}

/** The unit's name as messages write it: the name, else the code, else “未标明单位”. */
export function unitLabel(line: BudgetLine): string {
  return line.unitName || line.unitCode || '未标明单位';
}

/** The project's name as messages write it: “名称（编码）”, or whichever exists. */
export function projectLabel(line: BudgetLine): string {
  if (line.projectName && line.projectCode) return `${line.projectName}（${line.projectCode}）`;
  return line.projectName || line.projectCode || '未命名项目';
}

/** Lines grouped by a key in first-seen order; lines whose key is null are left out. */
export function groupLines(lines: ReadonlyArray<BudgetLine>, key: (l: BudgetLine) => string | null): Map<string, BudgetLine[]> {
  const groups = new Map<string, BudgetLine[]>();
  // Lines of a group usually follow each other: the previous group is tried before the map.
  let lastKey: string | null = null;
  let last: BudgetLine[] | null = null;
  for (const l of lines) {
    const k = key(l);
    if (k === null) continue;
    if (k === lastKey && last !== null) {
      last.push(l);
      continue;
    }
    let g = groups.get(k);
    if (g) g.push(l);
    else groups.set(k, (g = [l]));
    lastKey = k;
    last = g;
  }
  return groups;
}

const unitGroupsCache = new WeakMap<ReadonlyArray<BudgetLine>, Map<string, BudgetLine[]>>();

/**
 * Lines grouped by unit (unitKey) in input order. The first line of each group locates unit findings.
 * The result is computed once per lines array and shared by every rule of a run: read it, never
 * modify it.
 */
export function groupByUnit(lines: ReadonlyArray<BudgetLine>): Map<string, BudgetLine[]> {
  let groups = unitGroupsCache.get(lines);
  if (!groups) unitGroupsCache.set(lines, (groups = groupLines(lines, (l) => unitKey(l))));
  return groups;
}

/** Key of a project within its unit (SPEC §7 Projects); null for lines that are not project lines. */
export function projectGroupKey(l: BudgetLine): string | null {
  if (l.kind !== 'project') return null;
  return unitKey(l) + '\u0001' + projectKey(l);
}

/**
 * A project of a unit: its key (projectGroupKey), its lines in input order and, for the groups of
 * groupByProject, its position among them (lets typed arrays be indexed by project).
 */
export type ProjectGroup = [key: string, lines: BudgetLine[], ordinal?: number];

const projectGroupsCache = new WeakMap<ReadonlyArray<BudgetLine>, ReadonlyArray<ProjectGroup>>();
const projectIndexCache = new WeakMap<ReadonlyArray<BudgetLine>, ProjectIndex<ProjectGroup>>();
const codesCleanCache = new WeakMap<ReadonlyArray<BudgetLine>, boolean>();

/**
 * The entries of groupLines(lines, projectGroupKey), in first-seen order, computed once per lines
 * array and shared (read them, never modify them). A big sheet has hundreds of thousands of projects:
 * they are found through a ProjectIndex.
 */
export function groupByProject(lines: ReadonlyArray<BudgetLine>): ReadonlyArray<ProjectGroup> {
  const cached = projectGroupsCache.get(lines);
  if (cached) return cached;
  const groups: ProjectGroup[] = [];
  const index = new ProjectIndex<ProjectGroup>();
  let codesClean = true;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'project') continue;
    const g = index.find(l);
    if (g !== undefined) {
      // Most projects have one to three lines: a second line makes a two-line array rather than
      // growing the first one to 17 slots (290,000 projects on a big budget).
      const a = g[1];
      if (a.length === 1) g[1] = [a[0], l];
      else a.push(l);
    } else {
      const group: ProjectGroup = [projectGroupKey(l) as string, [l], groups.length];
      index.add(l, group);
      groups.push(group);
      // Asked here, while the first line is at hand, rather than in a second walk over the projects.
      if (codesClean && (needsClean(l.unitCode) || needsClean(l.projectCode))) codesClean = false;
    }
  }
  projectGroupsCache.set(lines, groups);
  projectIndexCache.set(lines, index);
  codesCleanCache.set(lines, codesClean);
  return groups;
}

/**
 * Whether the unit and project codes of every project of groupByProject(lines) are written without
 * spaces or full-width forms (needsClean), as a budget system exports them.
 */
export function projectCodesClean(lines: ReadonlyArray<BudgetLine>): boolean {
  groupByProject(lines);
  return codesCleanCache.get(lines) as boolean;
}

/** The project groups of groupByProject by (unitKey, projectKey), shared likewise (read it, never modify it). */
export function projectIndexOf(lines: ReadonlyArray<BudgetLine>): ProjectIndex<ProjectGroup> {
  groupByProject(lines);
  return projectIndexCache.get(lines) as ProjectIndex<ProjectGroup>;
}

/** A finding with the rule's default severity. */
export function finding<R extends RuleId>(rule: R, location: FindingLocation, message: string, unit?: FindingUnit, figures?: FiguresOf<R>): Finding {
  // One literal per case (the same keys in the same order as before): no object grown key by key,
  // for a big budget makes a quarter of a million findings (PERF).
  const severity = DEFAULT_SEVERITY[rule];
  if (unit && (unit.code || unit.name)) return figures ? { rule, severity, location, message, unit, figures } : { rule, severity, location, message, unit };
  return figures ? { rule, severity, location, message, figures } : { rule, severity, location, message };
}

/** A finding about a line, at the given field's cell (the amount cell by default). */
export function lineFinding<R extends RuleId>(rule: R, line: BudgetLine, message: string, field?: Field, figures?: FiguresOf<R>): Finding {
  return finding(rule, lineLocation(line, field), message, lineUnit(line), figures);
}

/** A finding about a unit or project, at the row of its first line (its amount cell). */
export function groupFinding<R extends RuleId>(rule: R, first: BudgetLine, message: string, figures?: FiguresOf<R>): Finding {
  return finding(rule, lineLocation(first), message, lineUnit(first), figures);
}

/** The limit-rule figures of SPEC §7: actualFen, priorFen, limitFen, excessFen = actual − limit. */
export function limitFigures(actualFen: number, priorFen: number, limitFen: number): FiguresOf<'GENERAL_CUT.INSUFFICIENT'> {
  return { actualFen, priorFen, limitFen, excessFen: actualFen - limitFen };
}

/** Files of the run: ctx.inputs, else the files of the lines. */
export function inputFiles(ctx: RuleContext): string[] {
  const files = ctx.inputs.map((i) => i.file);
  return files.length > 0 ? files : [...new Set(ctx.lines.map((l) => l.src.file))];
}

/** One finding per input file (location: the file only), e.g. a family's NOT_CHECKED. */
export function perInput(ctx: RuleContext, rule: RuleId, message: (file: string) => string): Finding[] {
  return inputFiles(ctx).map((file) => finding(rule, { file }, message(file)));
}

/**
 * Whether an economic code falls under a list of entries: a 3-digit entry matches its class
 * ("302" matches "30201"), a longer entry the code itself and its sub-codes.
 */
export function codeIn(code: string, entries: ReadonlyArray<string>): boolean {
  if (!code) return false;
  for (const e of entries) if (code.startsWith(e)) return true;
  return false;
}

/**
 * A memoised test “code in `include` and not in `exclude`” (codeIn semantics). Budgets use a few
 * hundred distinct codes, so each is decided once per run instead of once per line.
 */
export function codeMatcher(include: ReadonlyArray<string>, exclude: ReadonlyArray<string> = []): (code: string) => boolean {
  const memo = new Map<string, boolean>();
  return (code) => {
    let r = memo.get(code);
    if (r === undefined) memo.set(code, (r = codeIn(code, include) && !codeIn(code, exclude)));
    return r;
  };
}
