/**
 * 报告数字 (in the 报表 tab), in two ways: 报告原文 — a draft pasted as written, its X's filled and its
 * figures checked (DraftFill) — or 占位符模板 — the user's paragraph with placeholders, the figures
 * computed from the 预算执行 sheet (and the budget lines), the filled paragraph ready to copy, and the
 * placeholders that could not be filled. In Excel the figures table goes into a new sheet; on files,
 * a download.
 */
import * as React from 'react';
import { Button, Field, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { findExecutionSheet } from '../../core/figures';
import type { ExcelActions, PaneSettings } from '../../excel';
import { FIGURES_SHEET } from '../../excel';
import { figuresWorkbook, saveBlob, workbookBlob } from '../../web/downloads';
import { ACCEPT, LoadedFile, readFiles } from '../../web/read-files';
import { EXAMPLE_TEMPLATE, paneFigures, PaneFigures, templateOf } from '../figures';
import { copyOrSelect, StatusBar, useAction, useCommonStyles } from './common';
import { DraftFill, DraftState, EMPTY_DRAFT } from './DraftFill';
import { FiguresHelp } from './FiguresHelp';

const useStyles = makeStyles({
  paragraph: { whiteSpace: 'pre-wrap', lineHeight: '1.7', fontSize: '14px', padding: '8px', background: tokens.colorNeutralBackground3, borderRadius: '4px', wordBreak: 'break-all' },
  list: { margin: '0', paddingLeft: '18px', fontSize: '12px', lineHeight: '1.6' },
  code: { fontFamily: 'Consolas, "Courier New", monospace', wordBreak: 'break-all' },
  heading: { fontSize: '14px', fontWeight: 600, margin: '4px 0 0' },
});

/** Figures state kept by the App, so that switching tabs keeps the paragraph and the result. */
export interface FiguresState {
  template: string | null;
  result: PaneFigures | null;
  /** Offline: the files the result was computed from (a result of other files is not shown). */
  resultFiles?: ReadonlyArray<LoadedFile>;
  /** Where the template came from: a 模板 sheet, the example, or typed. */
  source: 'sheet' | 'example' | 'typed';
  /** Chosen by the user; by default 占位符模板 when the workbook has a 模板 sheet, else 报告原文. */
  mode?: 'draft' | 'template';
  draft?: DraftState;
}

export const EMPTY_FIGURES: FiguresState = { template: null, result: null, source: 'example' };

export interface FiguresPanelProps {
  settings: PaneSettings;
  onSettings: (s: PaneSettings) => void;
  state: FiguresState;
  onState: (s: FiguresState) => void;
  excel?: ExcelActions;
  /** Offline: the files opened on the page (shared with 审核). */
  files: LoadedFile[];
  onFiles: (f: LoadedFile[]) => void;
}

/** Sheets to read for the figures: everything but what this add-in wrote. */
function sourceSheets(all: ReadonlyArray<{ name: string }>, generated: ReadonlyArray<{ name: string }>): string[] {
  const ours = new Set(generated.map((g) => g.name));
  return all.map((s) => s.name).filter((n) => !ours.has(n));
}

export function FiguresPanel({ settings, onSettings, state, onState, excel, files, onFiles }: FiguresPanelProps): React.ReactElement {
  const c = useCommonStyles();
  const s = useStyles();
  const { busy, status, run, setStatus } = useAction();
  const input = React.useRef<HTMLInputElement>(null);
  const copyTarget = React.useRef<HTMLDivElement>(null);
  const [progress, setProgress] = React.useState<number | null>(null);

  // Prefill the paragraph: a 模板 sheet of the workbook (or of the opened files), else the example.
  // On files it follows the files chosen, until the user types.
  React.useEffect(() => {
    if (!excel) {
      if (state.source === 'typed' && state.template !== null) return;
      const t = templateOf(files.map((f) => f.grids));
      const next = { template: t ?? EXAMPLE_TEMPLATE, source: t ? ('sheet' as const) : ('example' as const) };
      if (next.template !== state.template || next.source !== state.source) onState({ ...state, ...next });
      return;
    }
    if (state.template !== null) return;
    let cancelled = false;
    (async () => {
      const names = (await excel.listSheets()).map((x) => x.name).filter((n) => /模板/.test(n));
      return names.length > 0 ? templateOf([await excel.read(names.slice(0, 1))]) : null;
    })().catch(() => null).then((t) => {
      if (!cancelled) onState({ ...state, template: t ?? EXAMPLE_TEMPLATE, source: t ? 'sheet' : 'example' });
    });
    return () => {
      cancelled = true;
    };
  }, [excel, files, state, onState]);

  const template = state.template ?? '';
  const mode = state.mode ?? (state.source === 'sheet' ? 'template' : 'draft');
  const result = excel || state.resultFiles === files ? state.result : null;

  const sheetsToRead = async (): Promise<string[]> => sourceSheets(await excel!.listSheets(), settings.generated);

  const compute = () => run('计算报告数字', async () => {
    let result: PaneFigures;
    if (excel) {
      setProgress(0);
      const wb = await excel.read(await sheetsToRead(), (d, t) => setProgress(t ? d / t : 1));
      setProgress(null);
      result = paneFigures([wb], settings, template);
      const name = await excel.writeFigures(result.sheet, settings.generated.filter((g) => g.kind === 'figures').map((g) => g.name));
      onSettings({ ...settings, generated: [...settings.generated.filter((g) => g.name !== name), { name, kind: 'figures' }] });
      onState({ ...state, result });
      return summary(result, `数字表已写入工作表“${name}”`);
    }
    if (files.length === 0) throw new Error('请先选择含预算执行表的 .xlsx 或 .csv 文件');
    result = paneFigures(files.map((f) => f.grids), settings, template);
    onState({ ...state, result, resultFiles: files });
    return summary(result, '数字已算好，可下载数字表');
  });

  const chooseFiles = (list: File[]) => run('读取文件', async () => {
    const { ok, bad } = await readFiles(list);
    if (ok.length === 0) throw new Error(bad.map((b) => `${b.file}：${b.reason}`).join('；') || '没有选择文件');
    onFiles(ok);
    const exec = findExecutionSheet(ok.map((f) => f.grids));
    return exec ? `已打开 ${ok.length} 个文件，预算执行表：${exec.sheet}。` : { kind: 'warning', text: `已打开 ${ok.length} 个文件，但没有找到预算执行表；只能计算来自预算明细的指标。` };
  });

  const download = () => run('下载数字表', async () => {
    if (!result) return;
    saveBlob(await workbookBlob(figuresWorkbook(result.sheet)), `${FIGURES_SHEET}.xlsx`);
    return '数字表已下载。';
  });

  const copy = async () => {
    const text = result?.report.fill?.text;
    if (text) await copyOrSelect(text, copyTarget.current, '段落', setStatus);
  };

  const fill = result?.report.fill ?? null;
  return (
    <div className={c.section}>
      {!excel ? (
        <>
          <input ref={input} type="file" accept={ACCEPT} multiple hidden tabIndex={-1} data-testid="figures-file-input" onChange={(e) => {
            const list = Array.from(e.target.files ?? []);
            e.target.value = '';
            void chooseFiles(list);
          }} />
          <Text as="p" className={c.hint}>{files.length > 0 ? `使用已打开的文件：${files.map((f) => f.name).join('、')}` : '请选择含预算执行表的文件（.xlsx 或 .csv）。'}</Text>
          <div className={c.actions}>
            <Button onClick={() => input.current?.click()} disabled={busy}>{files.length > 0 ? '换其他文件…' : '选择文件…'}</Button>
          </div>
        </>
      ) : null}
      <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => onState({ ...state, mode: d.value as 'draft' | 'template' })} aria-label="填写方式">
        <Radio value="draft" label="报告原文（含 X）" />
        <Radio value="template" label="占位符模板" />
      </RadioGroup>
      {mode === 'draft' ? (
        <DraftFill settings={settings} state={state.draft ?? EMPTY_DRAFT} onState={(d) => onState({ ...state, mode, draft: d })} excel={excel} files={files}
          sheetsToRead={sheetsToRead} busy={busy} run={run} setStatus={setStatus} onProgress={setProgress} statusBar={<StatusBar status={status} busy={busy} progress={progress} />} />
      ) : <>
      <Field label={{ sheet: '段落模板（来自“模板”工作表，可修改）', example: '段落模板（示例，可改成您的报告原文）', typed: '段落模板（含占位符的报告原文）' }[state.source]} hint="占位符写法：{行.指标:格式}，如 {一般公共预算收入.同比:%}、{一般公共预算收入.超序时:pp}；格式见“写法说明”。">
        <Textarea value={template} rows={7} resize="vertical" onChange={(_, d) => onState({ ...state, template: d.value, source: 'typed' })} />
      </Field>
      <div className={c.actions}>
        <Button appearance="primary" onClick={compute} disabled={busy || state.template === null}>{excel ? '计算并写入数字表' : '计算报告数字'}</Button>
        <FiguresHelp />
        {!excel && result ? <Button onClick={download} disabled={busy}>下载数字表</Button> : null}
      </div>
      {excel ? <Text as="p" className={c.hint}>数字表写入新的工作表“{FIGURES_SHEET}”；与您的工作表重名时自动加序号，不会覆盖。</Text> : null}
      <StatusBar status={status} busy={busy} progress={progress} />
      {fill ? (
        <section aria-label="填好的段落">
          <Text as="h2" className={s.heading}>填好的段落</Text>
          <div ref={copyTarget} className={s.paragraph} data-testid="figures-paragraph" tabIndex={-1}>{fill.text}</div>
          <div className={c.actions}>
            <Button onClick={() => void copy()} disabled={busy}>复制段落</Button>
          </div>
          {fill.unresolved.length > 0 ? (
            <div data-testid="figures-unresolved">
              <Text as="h2" className={s.heading}>未填的占位符（{fill.unresolved.length} 个，已原样保留）</Text>
              <ul className={s.list}>
                {fill.unresolved.map((u) => <li key={u.placeholder}><span className={s.code}>{u.placeholder}</span>：{u.reason}</li>)}
              </ul>
            </div>
          ) : <Text as="p" className={c.hint}>所有占位符都已填好。</Text>}
        </section>
      ) : null}
      {result ? <Text as="p" className={c.hint}>共算出 {result.report.set.figures.size} 个数字{result.report.execution ? `（预算执行表：${result.report.execution.sheet}）` : ''}。</Text> : null}
      {result?.report.notes.map((n) => <Text as="p" key={n} className={c.hint}>注意：{n}</Text>)}
      </>}
    </div>
  );
}

function summary(r: PaneFigures, done: string): { kind: 'success' | 'warning'; text: string } {
  const u = r.report.fill?.unresolved.length ?? 0;
  if (u > 0) return { kind: 'warning', text: `${done}；有 ${u} 个占位符未能填入，已原样保留（见下方）。` };
  return { kind: 'success', text: `${done}。` };
}
