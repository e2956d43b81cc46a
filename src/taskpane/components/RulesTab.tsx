/** 规则: preset, parameters and 审核公式, validated by the core's zod schema; saved with the workbook in Excel. */
import * as React from 'react';
import { Button, Field, Input, Select, Switch, Text, Textarea } from '@fluentui/react-components';
import { PARAM_LABEL_ZH, PRESETS, RuleConfigInput } from '../../core/config';
import { paramsInForce, paramSourceText, RuleSettings, validateRules } from '../model';
import type { WorkbookGrids } from '../../core/grid';
import { StatusBar, useAction, useCommonStyles } from './common';
import { FormulasPanel } from './FormulasPanel';

type Plain = Record<string, unknown>;

/** The parameters shown as fields; everything else is in the JSON box. */
const FIELDS: Array<{ path: string; kind: 'rate' | 'number' | 'bool' }> = [
  { path: 'generalCut.rate', kind: 'rate' },
  { path: 'threePublic.rate', kind: 'rate' },
  { path: 'threePublic.allowVehiclePurchase', kind: 'bool' },
  { path: 'adminCut.enabled', kind: 'bool' },
  { path: 'adminCut.rate', kind: 'rate' },
  { path: 'livelihood.minShare', kind: 'rate' },
  { path: 'zbb.minExecRate', kind: 'rate' },
  { path: 'zbb.minPerfScore', kind: 'number' },
  { path: 'ppp.maxShare', kind: 'rate' },
];

function getPath(o: Plain, path: string): unknown {
  return path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Plain)[k] : undefined), o);
}

function setPath(o: Plain, path: string, v: unknown): Plain {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    const n = { ...o };
    if (v === undefined) delete n[head];
    else n[head] = v;
    return n;
  }
  return { ...o, [head]: setPath((o[head] as Plain) ?? {}, rest.join('.'), v) };
}

function valueText(kind: 'rate' | 'number' | 'bool', v: unknown): string {
  if (v === undefined) return '（未设置）';
  if (kind === 'bool') return v ? '是' : '否';
  if (kind === 'rate') return `${Math.round(Number(v) * 10000) / 100}%`;
  return String(v);
}

export function RulesTab({ settings, onSave, workbooks, chosen = [], onRecheck }: {
  settings: RuleSettings;
  onSave: (s: RuleSettings) => Promise<void>;
  workbooks: () => Promise<ReadonlyArray<WorkbookGrids>>;
  /** The workbooks of the last check (the offline page): their 规则设置 sheets count in what is in force. */
  chosen?: ReadonlyArray<WorkbookGrids>;
  /** Check the same files again with the saved parameters. */
  onRecheck?: () => void;
}): React.ReactElement {
  const c = useCommonStyles();
  const { busy, status, run, setStatus } = useAction();
  const [draft, setDraft] = React.useState<RuleSettings>(settings);
  const [json, setJson] = React.useState(JSON.stringify(settings.rules, null, 2));
  const { config, error } = validateRules(draft);
  React.useEffect(() => setJson(JSON.stringify(draft.rules, null, 2)), [draft.rules]);

  const shown = (path: string) => getPath(config ?? {}, path);
  const [saved, setSaved] = React.useState(false);
  const inForce = React.useMemo(() => paramsInForce(settings, chosen, FIELDS.map((f) => f.path)), [settings, chosen]);
  const update = (path: string, v: unknown) => setDraft({ ...draft, rules: setPath(draft.rules as Plain, path, v) as RuleConfigInput });

  return (
    <div className={c.section}>
      <table aria-label="当前生效的参数" data-testid="params-in-force" style={{ borderCollapse: 'collapse', fontSize: '12px' }}>
        <caption style={{ textAlign: 'left', fontWeight: 600, fontSize: '13px', padding: '2px 0' }}>当前生效的参数{chosen.length ? '（含所选文件的“规则设置”表）' : ''}</caption>
        <thead><tr><th scope="col" style={{ textAlign: 'left' }}>参数</th><th scope="col" style={{ textAlign: 'right', padding: '0 8px' }}>值</th><th scope="col" style={{ textAlign: 'left' }}>来源</th></tr></thead>
        <tbody>
          {inForce.map((p, i) => (
            <tr key={p.path} data-path={p.path} data-source={p.source.kind}>
              <td>{PARAM_LABEL_ZH[p.path] ?? p.path}</td>
              <td style={{ textAlign: 'right', padding: '0 8px' }}>{valueText(FIELDS[i].kind, p.value)}</td>
              <td>{paramSourceText(p.source)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {inForce.some((p) => p.source.kind === 'sheet') ? <Text as="p" className={c.hint}>所选文件的“规则设置”表优先于此处保存的参数；要改这些参数，请修改该表。</Text> : null}
      <Field label="预设">
        <Select value={draft.preset} onChange={(_, d) => setDraft({ ...draft, preset: d.value })}>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </Select>
      </Field>
      <Text as="p" className={c.hint}>{PRESETS.find((p) => p.id === draft.preset)?.description}</Text>
      {FIELDS.map((f) => {
        const label = PARAM_LABEL_ZH[f.path] ?? f.path;
        const v = shown(f.path);
        if (f.kind === 'bool') return <Switch key={f.path} label={label} checked={!!v} onChange={(_, d) => update(f.path, d.checked)} />;
        const text = v === undefined ? '' : f.kind === 'rate' ? String(Math.round(Number(v) * 10000) / 100) : String(v);
        return (
          <Field key={f.path} label={f.kind === 'rate' ? `${label}（%）` : label}>
            <Input type="number" value={text} onChange={(_, d) => update(f.path, d.value === '' ? undefined : f.kind === 'rate' ? Number(d.value) / 100 : Number(d.value))} />
          </Field>
        );
      })}
      <Field label="全部参数（JSON，与规则文件格式相同）" validationState={error ? 'error' : 'none'} validationMessage={error ?? undefined}>
        <Textarea value={json} rows={6} onChange={(_, d) => {
          setJson(d.value);
          try {
            const parsed = JSON.parse(d.value || '{}');
            setDraft({ ...draft, rules: parsed });
          } catch {
            setStatus({ kind: 'warning', text: 'JSON 格式不完整' });
          }
        }} />
      </Field>
      <FormulasPanel draft={draft} onDraft={setDraft} workbooks={workbooks} />
      <div className={c.actions}>
        <Button appearance="primary" disabled={busy || !!error} onClick={() => run('保存规则', async () => {
          await onSave(draft);
          setSaved(true);
          return onRecheck ? '规则参数已保存：点“重新审核”用新参数检查所选文件。' : '规则参数已保存，下次审核时生效。';
        })}>保存</Button>
        <Button onClick={() => setDraft({ preset: 'default', rules: {} })} disabled={busy}>恢复默认</Button>
        {saved && onRecheck ? <Button appearance="primary" onClick={onRecheck} disabled={busy}>重新审核</Button> : null}
      </div>
      <StatusBar status={status} busy={busy} />
    </div>
  );
}
