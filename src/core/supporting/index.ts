/**
 * All auxiliary sheets of one workbook (SPEC §2.2) in one call: each grid is classified by name or
 * header, read by its reader, and merged by kind (several 三保需求 sheets add up; several 项目库
 * sheets form one library). The main reader should skip `usedSheets`.
 */
import type { AuxData, ProjectLibrary } from '../context';
import type { Finding } from '../findings';
import type { Grid } from '../grid';
import { performanceSheetKind, readPerformanceSheet } from '../performance/read';
import { classifyAuxSheet } from './kinds';
import type { AuxKind } from './kinds';
import {
  readBondInterest, readCatalog, readCodeMap, readExecution, readExplanations, readPerfGrades, readProjectLibrary, readSanbaoNeeds, readSettings,
} from './readers';
import { readFormulas } from './readers';
import type { CatalogRow, FormulaRow, SettingRow } from './readers';
import type { ReadOptions } from './table';
import type { RuleId } from '../rules/catalogue';

export { classifyAuxSheet, kindByHeader, kindByName, SPECS } from './kinds';
export type { AuxKind } from './kinds';
export {
  codeOf, parseRuleId, parseSanbaoType, readBondInterest, readCatalog, readCodeMap, readExecution, readExplanations,
  readProjectLibrary, readSanbaoNeeds, readSettings,
} from './readers';
export type { AuxRead, CatalogRow, FormulaRow, SettingRow } from './readers';
export type { ReadOptions } from './table';

export interface AuxSheets {
  aux: Partial<AuxData>;
  /** 规则设置 rows for configFromSettingRows (location kept for reporting unknown names). */
  settings: SettingRow[];
  /** 科目 rows extending the catalogue. */
  catalogRows: CatalogRow[];
  /** 审核公式 rows (src/core/formulas). */
  formulas: FormulaRow[];
  findings: Finding[];
  /** Names of the sheets read as auxiliary sheets (whether or not their header was found). */
  usedSheets: string[];
  /** Kind of each used sheet, by name. */
  kinds: Record<string, AuxKind>;
}

function mergeLibrary(a: ProjectLibrary | null | undefined, b: ProjectLibrary): ProjectLibrary {
  if (!a) return b;
  return { codes: new Set([...a.codes, ...b.codes]), names: new Set([...a.names, ...b.names]), location: a.location };
}

/**
 * Read every auxiliary sheet among `grids` (one workbook). `opts.defaultUnit` is the unit for sheets
 * that state none (SPEC §7: the main sheet's unit; 元 when not given).
 */
export function readAuxSheets(file: string, grids: ReadonlyArray<Grid>, opts: ReadOptions = {}): AuxSheets {
  const out: AuxSheets = { aux: {}, settings: [], catalogRows: [], formulas: [], findings: [], usedSheets: [], kinds: {} };
  const aux = out.aux;
  for (const grid of grids) {
    const perf = performanceSheetKind(grid);
    if (perf !== null) {
      // 绩效目标 sheets (block or list layout) are read by core/performance, not by a TableSpec; an
      // export holding budget lines too stays with the detail reader as well.
      const r = readPerformanceSheet(file, grid, perf === 'also' ? { ...opts, alsoLines: true } : opts);
      if (perf === 'only') out.usedSheets.push(grid.name);
      out.findings.push(...r.findings);
      aux.performance = [...(aux.performance ?? []), ...r.goals];
      continue;
    }
    const kind = classifyAuxSheet(grid);
    if (!kind) continue;
    out.usedSheets.push(grid.name);
    out.kinds[grid.name] = kind;
    switch (kind) {
      case 'projectLibrary': {
        const r = readProjectLibrary(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) aux.projectLibrary = mergeLibrary(aux.projectLibrary, r.data);
        break;
      }
      case 'sanbaoNeeds': {
        const r = readSanbaoNeeds(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) aux.sanbaoNeeds = [...(aux.sanbaoNeeds ?? []), ...r.data];
        break;
      }
      case 'bondInterest': {
        const r = readBondInterest(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) aux.bondInterest = [...(aux.bondInterest ?? []), ...r.data];
        break;
      }
      case 'codeMap': {
        const r = readCodeMap(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) aux.codeMap = new Map([...(aux.codeMap ?? []), ...r.data]);
        break;
      }
      case 'settings': {
        const r = readSettings(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) out.settings.push(...r.data);
        break;
      }
      case 'explanations': {
        const r = readExplanations(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) aux.explanations = [...(aux.explanations ?? []), ...r.data];
        break;
      }
      case 'formulas': {
        const r = readFormulas(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) out.formulas.push(...r.data);
        break;
      }
      case 'catalog': {
        const r = readCatalog(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) out.catalogRows.push(...r.data);
        break;
      }
      case 'perfGrades': {
        const r = readPerfGrades(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) aux.perfGrades = [...(aux.perfGrades ?? []), ...r.data];
        break;
      }
      case 'execution': {
        const r = readExecution(file, grid, opts);
        out.findings.push(...r.findings);
        if (r.data) aux.execution = [...(aux.execution ?? []), ...r.data];
        break;
      }
    }
  }
  return out;
}

/** The rule codes the supporting sheets' readers' (项目库, 三保需求, 绩效目标 …) findings may carry (rows of rules/catalogue.ts; tests/core/catalogue.test.ts holds them to it). */
export const SUPPORTING_EMITS: ReadonlyArray<RuleId> = ['DATA.BAD_AMOUNT', 'DATA.MISSING_COLUMN', 'DATA.NOT_CHECKED', 'SANBAO.NOT_CHECKED'];
