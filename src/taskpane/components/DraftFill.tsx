/**
 * 报告数字 → 报告原文 (issue 17): the user pastes a draft as written, X's and all; the filled text is
 * shown beside it with every filled figure highlighted, X's left unfilled and written figures that
 * disagree with the data marked, and the reasons listed below. Text is rendered as text, never as HTML.
 */
import * as React from 'react';
import { Button, Checkbox, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneSettings } from '../../excel';
import type { ExcelActions } from '../../excel';
import type { LoadedFile } from '../../web/read-files';
import { draftPieces, EXAMPLE_DRAFT, paneFillDraft, PaneDraft } from '../figures';
import type { Status } from './common';
import { copyOrSelect, useCommonStyles } from './common';
import { FiguresHelp } from './FiguresHelp';

const useStyles = makeStyles({
  // Side by side where there is room (the offline page), one under the other in a narrow pane.
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: '8px' },
  text: { whiteSpace: 'pre-wrap', lineHeight: '1.8', fontSize: '14px', padding: '8px', background: tokens.colorNeutralBackground3, borderRadius: '4px', wordBreak: 'break-all', margin: 0 },
  filled: { background: '#fff1a8', borderRadius: '2px', padding: '0 1px', whiteSpace: 'nowrap' },
  unresolved: { background: '#fde7e9', color: '#a4262c', outline: '1px dashed #a4262c', borderRadius: '2px' },
  mismatch: { background: '#fed9cc', textDecoration: 'underline wavy #d83b01', borderRadius: '2px' },
  heading: { fontSize: '14px', fontWeight: 600, margin: '4px 0 0' },
  list: { margin: '0', paddingLeft: '18px', fontSize: '12px', lineHeight: '1.6' },
});

export interface DraftState {
  text: string;
  fixWords: boolean;
  result: PaneDraft | null;
  /** Offline: the files the result was computed from. */
  resultFiles?: ReadonlyArray<LoadedFile>;
}

export const EMPTY_DRAFT: DraftState = { text: EXAMPLE_DRAFT, fixWords: false, result: null };

export interface DraftFillProps {
  settings: PaneSettings;
  state: DraftState;
  onState: (s: DraftState) => void;
  excel?: ExcelActions;
  files: LoadedFile[];
  /** Sheets of the workbook to read (everything but what the add-in wrote). */
  sheetsToRead: () => Promise<string[]>;
  busy: boolean;
  run: (label: string, fn: () => Promise<string | Status | void>) => Promise<void>;
  setStatus: (s: Status | null) => void;
  onProgress: (p: number | null) => void;
  /** The tab's status bar, shown under the buttons. */
  statusBar: React.ReactNode;
}

export function DraftFill({ settings, state, onState, excel, files, sheetsToRead, busy, run, setStatus, onProgress, statusBar }: DraftFillProps): React.ReactElement {
  const c = useCommonStyles();
  const s = useStyles();
  const copyTarget = React.useRef<HTMLDivElement>(null);
  const result = excel || state.resultFiles === files ? state.result : null;

  const compute = () => run('填写报告中的数字', async () => {
    let r: PaneDraft;
    if (excel) {
      onProgress(0);
      const wb = await excel.read(await sheetsToRead(), (d, t) => onProgress(t ? d / t : 1));
      onProgress(null);
      r = paneFillDraft([wb], settings, state.text, state.fixWords);
    } else {
      if (files.length === 0) throw new Error('请先选择含预算执行表的 .xlsx 或 .csv 文件');
      r = paneFillDraft(files.map((f) => f.grids), settings, state.text, state.fixWords);
    }
    onState({ ...state, result: r, resultFiles: excel ? undefined : files });
    const f = r.fill;
    const parts = [`已填 ${f.filled.length} 处`];
    if (f.unresolved.length > 0) parts.push(`${f.unresolved.length} 处未能填写（X 原样保留）`);
    if (f.mismatches.length > 0) parts.push(`${f.mismatches.length} 处已写的数字与数据不符`);
    return { kind: f.unresolved.length + f.mismatches.length > 0 ? 'warning' : 'success', text: `${parts.join('，')}。` };
  });

  const copy = async () => {
    const text = result?.fill.text;
    if (text) await copyOrSelect(text, copyTarget.current, '填好的文稿', setStatus);
  };

  const fill = result?.fill ?? null;
  return (
    <>
      <Field label="报告原文（直接粘贴，X 处填数；已写的数字会核对）" hint="如“1-XX月，全县一般公共预算收入完成XXX万元，同比增长XX%”。行名、指标的认法见“写法说明”。">
        <Textarea value={state.text} rows={7} resize="vertical" onChange={(_, d) => onState({ ...state, text: d.value })} />
      </Field>
      <Checkbox checked={state.fixWords} onChange={(_, d) => onState({ ...state, fixWords: !!d.checked })} label="数据方向与原文相反时改写词语后填入（增长↔下降、超↔低于）" />
      <div className={c.actions}>
        <Button appearance="primary" onClick={compute} disabled={busy || state.text.trim() === ''}>填写 X 并核对数字</Button>
        <FiguresHelp />
        {fill ? <Button onClick={() => void copy()} disabled={busy}>复制填好的文稿</Button> : null}
      </div>
      {statusBar}
      {fill && result ? (
        <section aria-label="填好的文稿">
          <div className={s.columns}>
            <div>
              <Text as="h2" className={s.heading}>原文</Text>
              <p className={s.text} data-testid="draft-original">{state.text}</p>
            </div>
            <div>
              <Text as="h2" className={s.heading}>填好的文稿</Text>
              <div ref={copyTarget} className={s.text} data-testid="draft-filled" tabIndex={-1}>
                {draftPieces(fill).map((pieces, i) => (
                  <React.Fragment key={i}>
                    {i > 0 ? '\n' : null}
                    {pieces.map((p, k) => (p.kind === 'plain' ? <React.Fragment key={k}>{p.text}</React.Fragment> : <mark key={k} className={s[p.kind]} data-kind={p.kind} title={p.title}>{p.text}</mark>))}
                  </React.Fragment>
                ))}
              </div>
            </div>
          </div>
          <Text as="p" className={c.hint}>
            黄色：已填的数字；红框：未能填写的 X；橙色波浪线：与数据不符的已写数字。已核对已写数字 {fill.checked} 处{result.report.execution ? `（预算执行表：${result.report.execution.sheet}）` : ''}。
          </Text>
          {fill.unresolved.length > 0 ? (
            <div data-testid="draft-unresolved">
              <Text as="h2" className={s.heading}>未能填写（{fill.unresolved.length} 处，X 原样保留）</Text>
              <ul className={s.list}>{fill.unresolved.map((u, i) => <li key={i}>第{u.line}行「{u.context}」：{u.reason}</li>)}</ul>
            </div>
          ) : null}
          {fill.mismatches.length > 0 ? (
            <div data-testid="draft-mismatches">
              <Text as="h2" className={s.heading}>与数据不符（{fill.mismatches.length} 处）</Text>
              <ul className={s.list}>{fill.mismatches.map((m, i) => <li key={i}>第{m.line}行「{m.context}」：原文 {m.stated}，数据 {m.actual}（{m.row ? `${m.row} ` : ''}{m.measure}）</li>)}</ul>
            </div>
          ) : null}
          {fill.unchecked.length > 0 ? (
            <div data-testid="draft-unchecked">
              <Text as="h2" className={s.heading}>未能核对（{fill.unchecked.length} 处）</Text>
              <ul className={s.list}>{fill.unchecked.map((u, i) => <li key={i}>第{u.line}行「{u.context}」{u.stated}：{u.reason}</li>)}</ul>
            </div>
          ) : null}
          {result.report.notes.map((n) => <Text as="p" key={n} className={c.hint}>注意：{n}</Text>)}
        </section>
      ) : null}
    </>
  );
}
