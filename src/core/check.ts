/**
 * The one entry point every front door calls: grids in, findings out (SPEC §4.1).
 * Reading, prior-year matching, rules and explanations are wired here; each rule lives in rules/.
 */
import { RuleConfig, RuleConfigInput, resolveConfig } from './config';
import { Finding, Summary, summarize, compareFindings } from './findings';
import type { WorkbookGrids } from './grid';
import type { BudgetLine } from './lines';
import type { InputInfo } from './context';

export interface CheckOptions {
  /** Partial config from a rules file (--rules); layered over the workbook's 规则设置 sheet. */
  rules?: unknown;
  /** Base config (pane settings or a preset); defaults when absent. */
  base?: RuleConfigInput;
  /** Prior-year workbooks (--prior). */
  prior?: ReadonlyArray<WorkbookGrids>;
  /** Inputs that could not be read at all (become DATA.UNREADABLE_FILE). */
  unreadable?: ReadonlyArray<{ file: string; reason: string }>;
}

export interface CheckReport {
  version: 1;
  inputs: InputInfo[];
  findings: Finding[];
  summary: Summary;
  config: RuleConfig;
  /** Current-year lines (not part of the JSON output; used by tables and the pane). */
  lines: BudgetLine[];
  /** Whether at least one sheet had a recognisable header (else: nothing to check, exit 2). */
  recognised: boolean;
}

/** The findings JSON of SPEC §4.1. */
export function reportJson(r: CheckReport): object {
  return { version: 1, inputs: r.inputs, findings: r.findings, summary: r.summary };
}

export { resolveConfig, summarize, compareFindings };
