/**
 * 规则 → 审核公式: the staff's own checks (docs/审核公式.md). Write a formula, 试算 it on the open
 * workbook (or the chosen files), add it to the list; 保存 keeps the list with the other parameters
 * and 开始审核 runs it (CUSTOM.<编号> findings). The national 公开表 presets can be loaded to copy from.
 */
import * as React from 'react';
import { Button, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import type { WorkbookGrids } from '../../core/grid';
import { FORMULA_PRESETS } from '../../core/formulas';
import { PaneFormula, RuleSettings, paneFormulas, trialLines, trialOnWorkbooks, withFormulas } from '../model';
import { StatusBar, useAction, useCommonStyles } from './common';

export interface FormulasPanelProps {
  draft: RuleSettings;
  onDraft: (s: RuleSettings) => void;
  /** The workbooks 试算 runs on: the open workbook in Excel, the chosen files on the offline page. */
  workbooks: () => Promise<ReadonlyArray<WorkbookGrids>>;
}

const EMPTY: PaneFormula = { id: '', formula: '', type: '强制', note: '' };

export function FormulasPanel({ draft, onDraft, workbooks }: FormulasPanelProps): React.ReactElement {
  const c = useCommonStyles();
  const { busy, status, run, setStatus } = useAction();
  const [edit, setEdit] = React.useState<PaneFormula>(EMPTY);
  const [trial, setTrial] = React.useState<string[] | null>(null);
  const list = paneFormulas(draft);

  const tryIt = () => run('试算', async () => {
    const wbs = await workbooks();
    if (wbs.length === 0) throw new Error('没有可试算的数据：请先在“审核”页选择文件');
    const lines = trialLines(trialOnWorkbooks(edit.formula, wbs, draft));
    setTrial(lines);
    return lines.some((l) => l.startsWith('无法计算')) ? { kind: 'warning', text: '公式无法计算，见下方说明。' } : '试算完成。';
  });

  const add = () => {
    const id = edit.id.trim() || `公式${list.length + 1}`;
    if (!edit.formula.trim()) return setStatus({ kind: 'warning', text: '请先填写公式' });
    if (list.some((f) => f.id === id)) return setStatus({ kind: 'warning', text: `编号“${id}”已存在` });
    onDraft(withFormulas(draft, [...list, { ...edit, id }]));
    setEdit(EMPTY);
    setTrial(null);
    setStatus({ kind: 'success', text: `已添加审核公式 ${id}，保存后在“审核”中生效。` });
  };

  return (
    <section aria-label="审核公式" className={c.section}>
      <Text as="h2" weight="semibold">审核公式</Text>
      <Text as="p" className={c.hint}>自定义审核公式，如 本年(经济分类="30215") &lt;= 上年(经济分类="30215") 按单位；写法见 docs/审核公式.md。</Text>
      <Field label="编号"><Input value={edit.id} onChange={(_, d) => setEdit({ ...edit, id: d.value })} /></Field>
      <Field label="公式"><Textarea value={edit.formula} rows={3} onChange={(_, d) => setEdit({ ...edit, formula: d.value })} /></Field>
      <Field label="类型">
        <Select value={edit.type} onChange={(_, d) => setEdit({ ...edit, type: d.value })}>
          <option value="强制">强制（不成立为错误）</option>
          <option value="提示">提示（不成立为警告，需写说明）</option>
        </Select>
      </Field>
      <Field label="说明"><Input value={edit.note} onChange={(_, d) => setEdit({ ...edit, note: d.value })} /></Field>
      <div className={c.actions}>
        <Button onClick={tryIt} disabled={busy || !edit.formula.trim()}>试算</Button>
        <Button onClick={add} disabled={busy}>添加公式</Button>
        <Button onClick={() => onDraft(withFormulas(draft, [...list, ...FORMULA_PRESETS[0].formulas.filter((p) => !list.some((f) => f.id === p.id)).map((p) => ({ ...p }))]))} disabled={busy}>载入公开表预设</Button>
      </div>
      <StatusBar status={status} busy={busy} />
      {trial ? <ul data-testid="formula-trial">{trial.map((t) => <li key={t}>{t}</li>)}</ul> : null}
      {list.length ? (
        <ul aria-label="已添加的审核公式" data-testid="formula-list">
          {list.map((f) => (
            <li key={f.id}>
              <Text>{f.id}（{f.type || '强制'}）：{f.formula}{f.note ? ` — ${f.note}` : ''}</Text>{' '}
              <Button size="small" appearance="subtle" aria-label={`删除 ${f.id}`} onClick={() => onDraft(withFormulas(draft, list.filter((x) => x.id !== f.id)))}>删除</Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
