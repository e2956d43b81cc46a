/** 审核 in Excel: scope, run with progress, findings, and the explicit flag / clear / write actions. */
import * as React from 'react';
import { Button, Checkbox, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { CheckReport } from '../../core/check';
import { reportJson } from '../../core/check';
import { partitionByUnit } from '../../core/per-unit';
import type { Finding } from '../../core/findings';
import type { ExcelActions, PaneSettings, SheetInfo } from '../../excel';
import { formulaSheetNames } from '../../core/formulas';
import { checkStatus, explanationKey, paneFormulas, runCheck, withExplanations } from '../model';
import { ReportView } from './ReportView';
import { downloadText, StatusBar, stepProgress, useAction, useCommonStyles } from './common';

export interface CheckExcelProps {
  excel: ExcelActions;
  settings: PaneSettings;
  onSettings: (s: PaneSettings) => void;
  report: CheckReport | null;
  onReport: (r: CheckReport | null) => void;
}

export function CheckExcel({ excel, settings, onSettings, report, onReport }: CheckExcelProps): React.ReactElement {
  const c = useCommonStyles();
  const { busy, status, setStatus, run } = useAction();
  const [sheets, setSheets] = React.useState<SheetInfo[]>([]);
  const [progress, setProgress] = React.useState<number | null>(null);
  const generated = React.useMemo(() => new Set(settings.generated.map((g) => g.name)), [settings.generated]);

  React.useEffect(() => {
    excel.listSheets().then(setSheets, () => setSheets([]));
  }, [excel, report]);

  const check = () => run('审核', async () => {
    setProgress(0);
    let names: string[];
    if (settings.scope === 'active') names = [await excel.activeSheet()];
    else if (settings.scope === 'chosen') names = settings.sheets.filter((n) => sheets.some((s) => s.name === n));
    else names = sheets.filter((s) => !generated.has(s.name)).map((s) => s.name);
    if (names.length === 0) throw new Error('请先选择要审核的工作表');
    // 审核说明 and 规则设置 sheets always come along: they answer and configure the check.
    // So do the 审核公式 sheet and the sheets the pane's own formulas read.
    const formulaSheets = formulaSheetNames(paneFormulas(settings));
    for (const aux of sheets) if ((/审核说明|规则设置|项目库|三保需求|债券付息|科目对照|审核公式/.test(aux.name) || formulaSheets.has(aux.name)) && !names.includes(aux.name)) names.push(aux.name);
    const wb = await excel.read(names, (d, t) => setProgress(t ? d / t : 1));
    const r = runCheck([wb], settings);
    onReport(r);
    setProgress(null);
    return checkStatus('审核完成', r.summary, r.findings);
  });

  const flag = () => run('标记', async () => {
    if (!report) return;
    const r = await excel.flag(report.findings, stepProgress('标记问题单元格', setProgress, setStatus));
    setProgress(null);
    const parts = [`已标记 ${r.flaggedCells} 个单元格`];
    if (r.notesAdded) parts.push(`添加${r.noteMode === 'note' ? '备注' : '批注'} ${r.notesAdded} 条`);
    if (r.notesSkipped) parts.push(`${r.notesSkipped} 个单元格已有用户批注，未添加`);
    if (r.protectedSheets.length) parts.push(`受保护的工作表 ${r.protectedSheets.join('、')} 未改动（问题见“审核结果”表）`);
    if (r.noteMode === 'none') parts.push('此版本 Excel 不支持批注，问题说明请写入“审核结果”表查看');
    parts.push(...(r.remarks ?? []));
    return parts.join('；') + '。';
  });

  const clear = () => run('清除标记', async () => {
    const r = await excel.clearFlags(stepProgress('清除标记', setProgress, setStatus));
    setProgress(null);
    const more = (r.remarks ?? []).map((x) => `；${x}`).join('');
    return `已恢复 ${r.restoredCells} 个单元格的原格式${r.keptUserChanges ? `，${r.keptUserChanges} 个单元格您已改过格式，保留您的修改` : ''}${r.notesRemoved ? `，移除本助手添加的批注 ${r.notesRemoved} 条` : ''}${more}。`;
  });

  const writeResults = () => run('写入审核结果表', async () => {
    if (!report) return;
    const names = await excel.writeResults(report.findings, settings.generated.filter((g) => g.kind === 'results').map((g) => g.name), partitionByUnit(report).units, stepProgress('写入审核结果', setProgress, setStatus));
    setProgress(null);
    const name = names[0];
    const next = { ...settings, generated: [...settings.generated.filter((g) => !names.includes(g.name)), ...names.map((n) => ({ name: n, kind: 'results' as const }))] };
    onSettings(next);
    await excel.saveSettings(next);
    return `已写入工作表“${name}”。`;
  });

  const explain = (f: Finding, text: string) => run('保存审核说明', async () => {
    await excel.saveExplanations([{ ...explanationKey(f), text }]);
    if (report) onReport(withExplanations(report, new Map([['k', { finding: f, text }]])));
    return '说明已保存到“审核说明”工作表，重新审核时仍然有效。';
  });

  const setScope = (scope: PaneSettings['scope']) => onSettings({ ...settings, scope });
  const toggleSheet = (name: string, on: boolean) => onSettings({ ...settings, sheets: on ? [...settings.sheets, name] : settings.sheets.filter((n) => n !== name) });

  return (
    <div className={c.section}>
      <RadioGroup value={settings.scope} onChange={(_, d) => setScope(d.value as PaneSettings['scope'])} aria-label="审核范围">
        <Radio value="active" label="当前工作表" />
        <Radio value="chosen" label="选定的工作表" />
        <Radio value="all" label="整个工作簿" />
      </RadioGroup>
      {settings.scope === 'chosen' ? (
        <div role="group" aria-label="选择工作表">
          {sheets.filter((s) => !generated.has(s.name)).map((s) => (
            <Checkbox key={s.name} label={`${s.name}${s.protected ? '（受保护）' : ''}${s.visible ? '' : '（隐藏）'}`} checked={settings.sheets.includes(s.name)} onChange={(_, d) => toggleSheet(s.name, !!d.checked)} />
          ))}
        </div>
      ) : null}
      <div className={c.actions}>
        <Button appearance="primary" onClick={check} disabled={busy}>开始审核</Button>
      </div>
      <StatusBar status={status} busy={busy} progress={progress} />
      {report ? (
        <>
          <div className={c.actions}>
            <Button onClick={flag} disabled={busy}>标记问题单元格</Button>
            <Button onClick={clear} disabled={busy}>清除标记</Button>
            <Button onClick={writeResults} disabled={busy}>写入审核结果表</Button>
            <Button onClick={() => downloadText(JSON.stringify(reportJson(report), null, 2), '审核结果.json')} disabled={busy}>导出 JSON</Button>
          </div>
          <Text as="p" className={c.hint}>标记会给问题单元格加底色和批注，并清空 Excel 的撤销记录；“清除标记”可原样恢复。</Text>
          <ReportView report={report} onSelect={(f) => f.location.sheet && f.location.cell ? void excel.select(f.location.sheet, f.location.cell).catch(() => undefined) : undefined} onExplain={explain} />
        </>
      ) : null}
    </div>
  );
}
