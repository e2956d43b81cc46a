/** Shared checks of the hardening suite (issue 7). */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CheckReport, reportJson } from '../../src/core/check';
import { RULE_IDS } from '../../src/core/findings';
import type { WorkbookGrids } from '../../src/core/grid';
import type { Run } from '../cli/run-cli';

const RULES: ReadonlySet<string> = new Set(RULE_IDS);
const HAN = /[\u4e00-\u9fa5]/;

/**
 * Every finding is well formed: a known rule and severity, a Chinese message, a location inside the
 * inputs (file, and sheet of that file when given; the cell's row equals `row`), integer 分 figures;
 * the summary counts the findings and the JSON of SPEC §4.1 serialises. Returns the first problem.
 */
export function reportProblem(report: CheckReport, inputs: ReadonlyArray<WorkbookGrids>, extraFiles: ReadonlyArray<string> = []): string | null {
  const files = new Map<string, Set<string>>();
  for (const wb of inputs) files.set(wb.file, new Set([...(files.get(wb.file) ?? []), ...wb.sheets.map((s) => s.name)]));
  for (const f of extraFiles) if (!files.has(f)) files.set(f, new Set());
  let errors = 0;
  for (const f of report.findings) {
    const at = JSON.stringify(f).slice(0, 300);
    if (!RULES.has(f.rule)) return `unknown rule: ${at}`;
    if (f.severity !== 'error' && f.severity !== 'warning' && f.severity !== 'info') return `bad severity: ${at}`;
    if (f.severity === 'error') errors++;
    if (typeof f.message !== 'string' || !HAN.test(f.message)) return `message not Chinese: ${at}`;
    const sheets = files.get(f.location.file);
    if (!sheets) return `location.file not an input: ${at}`;
    if (f.location.sheet !== undefined && !sheets.has(f.location.sheet)) return `location.sheet not a sheet of the file: ${at}`;
    if (f.location.cell !== undefined) {
      const m = /^([A-Z]+)([1-9]\d*)$/.exec(f.location.cell);
      if (!m) return `cell not an A1 address: ${at}`;
      if (f.location.sheet === undefined) return `cell without sheet: ${at}`;
      if (f.location.row !== undefined && f.location.row !== Number(m[2])) return `row ≠ the cell's row: ${at}`;
    }
    for (const [k, v] of Object.entries(f.figures ?? {})) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return `figure ${k} not finite: ${at}`;
      if (k.endsWith('Fen') && !Number.isSafeInteger(v)) return `figure ${k} not an integer 分: ${at}`;
    }
  }
  if (report.summary.errors !== errors) return `summary.errors ${report.summary.errors} ≠ ${errors}`;
  const json = JSON.stringify(reportJson(report));
  const back = JSON.parse(json) as { findings: unknown[] };
  if (back.findings.length !== report.findings.length) return 'JSON lost findings';
  return null;
}

/** A CLI run that ended as SPEC §5.1 wants for a user problem: exit 2, one Chinese sentence, no stack. */
export function expectOneSentence(r: Run): void {
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).toMatch(HAN);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr).not.toMatch(/内部错误|TypeError|RangeError|ReferenceError|Error:/);
}

/** No stack trace and no internal error anywhere in a run's output. */
export function expectNoCrash(r: Run): void {
  for (const s of [r.stderr, r.stdout]) {
    expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(s).not.toMatch(/内部错误|TypeError|RangeError|ReferenceError/);
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Checksum of every file under a folder, by relative path. */
export function folderChecksums(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = sha256(p);
    }
  };
  walk(dir);
  return out;
}
