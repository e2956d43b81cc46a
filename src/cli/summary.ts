/** The human summary printed by `check` and `demo` without --json (Chinese, plain text). */
import type { CheckReport } from '../core/check';
import { Finding, FindingRule, ruleTitle, Severity, SEVERITY_ZH } from '../core/findings';
import { displayWidth } from '../core/text';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function where(f: Finding): string {
  const l = f.location;
  if (!l.sheet) return l.file;
  const at = l.cell ?? (l.row !== undefined ? `第${l.row}行` : '');
  return `${l.file} ${l.sheet}${at ? '!' + at : ''}`;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - displayWidth(s)));
}

export function humanSummary(report: CheckReport, opts: { top?: number } = {}): string {
  const top = opts.top ?? 10;
  const out: string[] = [];
  const s = report.summary;
  const lines = report.inputs.reduce((n, i) => n + i.lines, 0);
  // Sheets are counted by what they were read as: a detail sheet with no readable line (no amount
  // column, say) is still a 明细表, never a 公开表.
  const tableFiles = new Set(report.tableFiles ?? []);
  const detailSheets = report.inputs.reduce((n, i) => n + (tableFiles.has(i.file) ? 0 : i.sheets.length), 0);
  const tableSheets = report.inputs.reduce((n, i) => n + (tableFiles.has(i.file) ? i.sheets.length : 0), 0);
  const tablesPart = tableSheets ? `，${tableSheets} 张公开表` : '';
  out.push(`预算审核完成：${report.inputs.length} 个文件，${detailSheets} 张明细表${tablesPart}，${lines.toLocaleString('en-US')} 行预算。`);
  const explained = s.explained ? `（其中已说明 ${s.explained} 条）` : '';
  out.push(`结果：错误 ${s.errors} 条，警告 ${s.warnings} 条，提示 ${s.infos} 条${explained}。`);
  const byRule = Object.entries(s.byRule) as Array<[FindingRule, number]>;
  if (byRule.length > 0) {
    const sevOf = new Map<string, Severity>();
    for (const f of report.findings) {
      const prev = sevOf.get(f.rule);
      if (!prev || RANK[f.severity] < RANK[prev]) sevOf.set(f.rule, f.severity);
    }
    byRule.sort((a, b) => RANK[sevOf.get(a[0]) ?? 'info'] - RANK[sevOf.get(b[0]) ?? 'info'] || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push('', '按规则：');
    for (const [rule, n] of byRule) {
      out.push(`  ${pad(SEVERITY_ZH[sevOf.get(rule) ?? 'info'], 6)}${pad(rule, 32)}${pad(ruleTitle(rule), 26)}${n} 条`);
    }
  }
  const ranked = report.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.severity !== 'info')
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i);
  if (ranked.length > 0) {
    out.push('', `主要问题（前 ${Math.min(top, ranked.length)} 条）：`);
    ranked.slice(0, top).forEach(({ f }, k) => {
      const note = f.explained ? '（已说明）' : '';
      out.push(`  ${k + 1}. [${SEVERITY_ZH[f.severity]}] ${where(f)}  ${f.message}${note}`);
    });
    if (ranked.length > top) out.push(`  ……另有 ${ranked.length - top} 条，完整列表请用 --out 生成审核工作簿或用 --json 输出。`);
  } else if (s.infos === 0) {
    out.push('', '未发现问题。');
  }
  return out.join('\n') + '\n';
}
