/** 规则: preset, parameters and 审核公式, validated by the core's zod schema; saved with the workbook in Excel. */
import * as React from 'react';
import { Button, Field, Input, Select, Switch, Text, Textarea } from '@fluentui/react-components';
import { PARAM_LABEL_ZH, PRESETS, RuleConfigInput } from '../../core/config';
import { RuleSettings, validateRules } from '../model';
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

export function RulesTab({ settings, onSave, workbooks }: { settings: RuleSettings; onSave: (s: RuleSettings) => Promise<void>; workbooks: () => Promise<ReadonlyArray<WorkbookGrids>> }): React.ReactElement {
  const c = useCommonStyles();
  const { busy, status, run, setStatus } = useAction();
  const [draft, setDraft] = React.useState<RuleSettings>(settings);
  const [json, setJson] = React.useState(JSON.stringify(settings.rules, null, 2));
  const { config, error } = validateRules(draft);
  React.useEffect(() => setJson(JSON.stringify(draft.rules, null, 2)), [draft.rules]);

  const shown = (path: string) => getPath(config ?? {}, path);
  const update = (path: string, v: unknown) => setDraft({ ...draft, rules: setPath(draft.rules as Plain, path, v) as RuleConfigInput });

  return (
    <div className={c.section}>
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
          return '规则参数已保存，下次审核时生效。';
        })}>保存</Button>
        <Button onClick={() => setDraft({ preset: 'default', rules: {} })} disabled={busy}>恢复默认</Button>
      </div>
      <StatusBar status={status} busy={busy} />
    </div>
  );
}
