/**
 * 审核 on files (the offline page) and 批量审核 (in Excel): choose .xlsx or .csv files, parse them
 * here, check, then download the review workbook (all units or one per unit; explanations typed here
 * go into its 审核说明 sheet) — nothing is uploaded.
 */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { CheckReport } from '../../core/check';
import { reportJson } from '../../core/check';
import type { Finding } from '../../core/findings';
import { goalLookup } from '../../core/performance/at';
import type { PerfGoal } from '../../core/performance/model';
import type { ExcelActions } from '../../excel';
import { findExecutionSheet } from '../../core/figures';
import { ACCEPT, LoadedFile } from '../../web/read-files';
import { CheckJob, JobCancelled, startCheck } from '../../web/check-client';
import type { JobProgress } from '../../web/check-job';
import { perUnitZip, reviewWorkbook, saveBlob, unitFileName, unitOfFinding, workbookBlob } from '../../web/downloads';
import { checkStatus, explanationKeyString, fileLocationText, num, RuleSettings, withExplanations } from '../model';
import { ReportView } from './ReportView';
import { SheetPreview } from './SheetPreview';
import { hasSheetWindow, sheetWindow, SheetWindow } from '../../web/sheet-preview';
import { downloadText, StatusBar, stepProgress, useAction, useCommonStyles } from './common';

export interface FilesCheckProps {
  settings: RuleSettings;
  report: CheckReport | null;
  onReport: (r: CheckReport | null) => void;
  files: LoadedFile[];
  onFiles: (f: LoadedFile[]) => void;
  /** In Excel (批量): write the combined findings as a sheet of the open workbook. */
  excel?: ExcelActions;
  ours?: ReadonlyArray<string>;
  /** The page remembers the files chosen, for 规则 → 重新审核. */
  onChosen?: (list: File[]) => void;
  /** Files to check again at once (重新审核 after new parameters were saved). */
  recheck?: File[] | null;
  onRechecked?: () => void;
}

export function FilesCheck({ settings, report, onReport, files, onFiles, excel, ours = [], onChosen, recheck, onRechecked }: FilesCheckProps): React.ReactElement {
  const c = useCommonStyles();
  const { busy, status, run, setStatus } = useAction();
  const input = React.useRef<HTMLInputElement>(null);
  const job = React.useRef<CheckJob | null>(null);
  const [progress, setProgress] = React.useState<number | null>(null);
  const [typed, setTyped] = React.useState(new Map<string, { finding: Finding; text: string }>());
  const shown = React.useMemo(() => (report ? withExplanations(report, typed) : null), [report, typed]);
  const [preview, setPreview] = React.useState<{ view: SheetWindow; title: string; finding: Finding; goal?: PerfGoal } | null>(null);
  // The finding whose preview is open: focus goes back to it when the preview closes.
  const opener = React.useRef<HTMLElement | null>(null);
  const returnFocus = React.useRef(false);
  React.useEffect(() => {
    if (preview || !returnFocus.current) return;
    returnFocus.current = false;
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }, [preview]);
  // The preview of a finding about a project shows that project's goal grid too (issue 16).
  const goalOf = React.useMemo(() => (report?.performance ? goalLookup(report.lines, report.performance) : undefined), [report]);
  const grids = React.useMemo(() => files.map((f) => f.grids), [files]);
  // In Excel (批量) the files are not the open workbook: a location opens the preview there too.
  const canPreview = React.useCallback((f: Finding) => hasSheetWindow(grids, f), [grids]);
  const openPreview = (f: Finding) => {
    const view = sheetWindow(grids, f);
    if (!view) return;
    opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    setPreview({ view, title: fileLocationText(f), finding: f, goal: goalOf?.(f) });
  };

  // Reading and checking run in a Web Worker: the page stays responsive, shows how far it got, and
  // 取消 stops the worker at once.
  const onChoose = (list: File[]) => run('读取并审核', async () => {
    if (list.length === 0) return;
    onChosen?.(list);
    onFiles([]);
    onReport(null);
    setTyped(new Map());
    setProgress(0);
    const current = (job.current = startCheck(list, settings, (p) => {
      setProgress(p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : null);
      setStatus({ kind: 'info', text: progressText(p) });
    }));
    let result;
    try {
      result = await current.result;
    } catch (e) {
      if (e instanceof JobCancelled) return { kind: 'info', text: '已取消读取和审核。' };
      throw e;
    } finally {
      if (job.current === current) job.current = null;
      setProgress(null);
    }
    const { ok, bad } = result;
    onFiles(ok);
    if (ok.length === 0 || !result.report) throw new Error(bad.map((b) => `${b.file}：${b.reason}`).join('；'));
    const r = result.report;
    // An execution workbook alone holds no budget lines to check, but its figures are in 报表.
    if (r.lines.length === 0 && findExecutionSheet(ok.map((f) => f.grids))) {
      if (r.findings.length > 0) onReport(r);
      return { kind: 'info', text: '这些文件中没有预算明细表，但有预算执行表：请到“报表”页的“报告数字”计算完成率、同比、序时进度等数字。' };
    }
    if (!r.recognised) throw new Error('未找到可审核的预算明细表（表头至少需要两个可识别的列，如“单位名称”“金额”）');
    onReport(r);
    return checkStatus(`已审核 ${num(ok.length)} 个文件${bad.length ? `（${num(bad.length)} 个无法读取）` : ''}`, r.summary, r.findings);
  });

  React.useEffect(() => {
    if (!recheck) return;
    onRechecked?.();
    void onChoose(recheck);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recheck]);

  const downloadReview = () => run('生成审核工作簿', async () => {
    if (!shown) return;
    saveBlob(await workbookBlob(await reviewWorkbook(shown, files, undefined, [...typed.values()])), '审核结果.xlsx');
    return typed.size > 0 ? `审核工作簿已下载，其中“审核说明”表含您填写的 ${typed.size} 条说明。` : '审核工作簿已下载。';
  });

  const downloadPerUnit = () => run('生成各单位审核工作簿', async () => {
    if (!shown) return;
    const { blob, names } = await perUnitZip(shown, files, [...typed.values()], stepProgress('生成各单位审核工作簿', setProgress, setStatus));
    setProgress(null);
    saveBlob(blob, '各单位审核工作簿.zip');
    return `已下载 ${num(names.length)} 个单位的审核工作簿（一个 .zip 文件），解压后可分别发回各单位。`;
  });

  const downloadUnit = (f: Finding) => run('生成本单位审核工作簿', async () => {
    if (!shown) return;
    const u = unitOfFinding(shown, f);
    if (!u) throw new Error('这些问题不属于任何单位（如整个文件的问题），请下载全部审核工作簿。');
    saveBlob(await workbookBlob(await reviewWorkbook(shown, files, u, [...typed.values()])), unitFileName(u));
    return `已下载“${u.name || u.code}”的审核工作簿。`;
  });

  const writeSheet = () => run('写入合并审核表', async () => {
    if (!shown || !excel) return;
    const [name] = await excel.writeResults(shown.findings, ours, undefined, stepProgress('写入审核结果', setProgress, setStatus));
    setProgress(null);
    return `已把 ${files.length} 个文件的审核结果写入工作表“${name}”。`;
  });

  const explain = (f: Finding, text: string) => {
    const next = new Map(typed);
    next.set(explanationKeyString(f), { finding: f, text });
    setTyped(next);
  };

  return (
    <div className={c.section}>
      <input ref={input} type="file" accept={ACCEPT} multiple hidden tabIndex={-1} data-testid="file-input" onChange={(e) => {
        const list = Array.from(e.target.files ?? []);
        e.target.value = ''; // choosing the same file again is a new check
        void onChoose(list);
      }} />
      <div className={c.actions}>
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy}>选择 .xlsx / .csv 文件…</Button>
      </div>
      <Text as="p" className={c.hint}>可选 .xlsx 或 .csv（UTF-8 或 GB18030 编码），一次可选多个。文件只在本机浏览器中读取和审核，不会上传。</Text>
      <StatusBar status={status} busy={busy} progress={progress} />
      {busy && job.current ? (
        <div className={c.actions}>
          <Button onClick={() => job.current?.cancel()} data-testid="cancel">取消</Button>
        </div>
      ) : null}
      {shown ? (
        <>
          <div className={c.actions}>
            <Button onClick={downloadReview} disabled={busy}>下载审核工作簿</Button>
            <Button onClick={downloadPerUnit} disabled={busy}>下载各单位审核工作簿（.zip）</Button>
            <Button onClick={() => downloadText(JSON.stringify(reportJson(shown), null, 2), '审核结果.json')} disabled={busy}>导出 JSON</Button>
            {excel ? <Button onClick={writeSheet} disabled={busy}>写入合并审核表</Button> : null}
          </div>
          <ReportView report={shown} onExplain={explain} onUnitDownload={busy ? undefined : downloadUnit} withFile onSelect={openPreview} canSelect={canPreview} />
          {preview ? <SheetPreview view={preview.view} title={preview.title} goal={preview.goal} at={preview.finding.location} onClose={() => { returnFocus.current = true; setPreview(null); }} /> : null}
        </>
      ) : null}
    </div>
  );
}

const MB = 1024 * 1024;

/** "正在读取 a.xlsx：3.2 / 8.0 MB，已读 45,000 行" or "正在审核 …". */
export function progressText(p: JobProgress): string {
  const rows = num(p.rows);
  if (p.phase === 'check') return `正在审核：已读取 ${rows} 行，正在按规则逐条检查……`;
  return `正在读取${p.file ? ` ${p.file}` : ''}：${(p.bytesRead / MB).toFixed(1)} / ${(p.bytesTotal / MB).toFixed(1)} MB，已读 ${rows} 行……`;
}
