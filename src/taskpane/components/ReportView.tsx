/** Summary, severity filters, grouping and the findings list of a check report. */
import * as React from 'react';
import { Radio, RadioGroup, Text, ToggleButton, makeStyles } from '@fluentui/react-components';
import type { CheckReport } from '../../core/check';
import type { Finding, Severity } from '../../core/findings';
import { SEVERITY_ZH } from '../../core/findings';
import { goalLookup } from '../../core/performance/at';
import { groupFindings, GroupBy, num } from '../model';
import { FindingsList } from './FindingsList';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center', margin: '6px 0' },
  summary: { margin: '6px 0', fontSize: '13px' },
});

export function ReportView({ report, onSelect, onExplain, onUnitDownload, withFile, canSelect }: {
  /** Locations name their file; canSelect: whether a click on this finding does anything. */
  withFile?: boolean;
  canSelect?: (f: Finding) => boolean;
  report: CheckReport;
  onSelect?: (f: Finding) => void;
  onExplain?: (f: Finding, text: string) => void;
  /** 按单位: download the review workbook of the unit of this finding's group (the offline page). */
  onUnitDownload?: (f: Finding) => void;
}): React.ReactElement {
  const s = useStyles();
  const [show, setShow] = React.useState<Set<Severity>>(new Set(['error', 'warning']));
  const [by, setBy] = React.useState<GroupBy>('rule');
  const groups = React.useMemo(() => groupFindings(report.findings, by, show), [report, by, show]);
  const goalOf = React.useMemo(() => (report.performance ? goalLookup(report.lines, report.performance) : undefined), [report]);
  const sum = report.summary;
  const toggle = (k: Severity) => {
    const n = new Set(show);
    if (n.has(k)) n.delete(k);
    else n.add(k);
    setShow(n);
  };
  return (
    <section aria-label="审核结果">
      <Text as="p" className={s.summary} role="status" data-testid="summary">
        共 {num(report.findings.length)} 条：错误 {num(sum.errors)}，警告 {num(sum.warnings)}，提示 {num(sum.infos)}{sum.explained ? `，已说明 ${num(sum.explained)}` : ''}；读取预算行 {num(report.lines.length)} 行。
      </Text>
      <div className={s.bar} role="group" aria-label="按级别筛选">
        {(['error', 'warning', 'info'] as const).map((k) => (
          <ToggleButton key={k} size="small" checked={show.has(k)} onClick={() => toggle(k)}>
            {SEVERITY_ZH[k]} {num(k === 'error' ? sum.errors : k === 'warning' ? sum.warnings : sum.infos)}
          </ToggleButton>
        ))}
      </div>
      <RadioGroup layout="horizontal" value={by} onChange={(_, d) => setBy(d.value as GroupBy)} aria-label="分组方式">
        <Radio value="rule" label="按规则" />
        <Radio value="unit" label="按单位" />
      </RadioGroup>
      <FindingsList groups={groups} groupBy={by} onSelect={onSelect} onExplain={onExplain} goalOf={goalOf} onUnitDownload={onUnitDownload} withFile={withFile} canSelect={canSelect} />
    </section>
  );
}
