/** 报表: choose tables, one unit or consolidated, and the style; generate into sheets or a download. */
import * as React from 'react';
import { Button, Checkbox, Field, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import type { CheckReport } from '../../core/check';
import { generateTables, listUnits, NATIONAL_TABLES, SHANGHAI_TABLES, tableName } from '../../core/tables';
import type { TableId, TableStyle } from '../../core/tables/model';
import type { ExcelActions } from '../../excel';
import { saveBlob, tablesWorkbook, workbookBlob } from '../../web/downloads';
import { StatusBar, stepProgress, useAction, useCommonStyles } from './common';

export function TablesTab({ report, style, onStyle, excel }: { report: CheckReport | null; style: TableStyle; onStyle: (s: TableStyle) => void; excel?: ExcelActions }): React.ReactElement {
  const c = useCommonStyles();
  const { busy, status, setStatus, run } = useAction();
  const [progress, setProgress] = React.useState<number | null>(null);
  const ids = style === 'shanghai' ? SHANGHAI_TABLES : NATIONAL_TABLES;
  const [chosen, setChosen] = React.useState<Set<TableId>>(new Set(NATIONAL_TABLES));
  const [unit, setUnit] = React.useState('');
  const units = React.useMemo(() => (report ? listUnits(report.lines) : []), [report]);
  if (!report) return <p className={c.hint}>请先在“审核”页审核预算明细表，再生成公开表。</p>;

  const generate = () => run('生成报表', async () => {
    const tables = generateTables(report.lines, { config: report.config, style, units: unit ? [unit] : undefined, tables: ids.filter((id) => chosen.has(id)), year: report.year ?? undefined, performance: report.performance });
    if (tables.length === 0) throw new Error('请至少选择一张表');
    const label = unit ? units.find((u) => u.key === unit)?.name ?? unit : '';
    if (excel) {
      const names = await excel.writeTables(tables, label, stepProgress('写入报表', setProgress, setStatus));
      setProgress(null);
      return `已生成 ${names.length} 张表：${names.join('、')}。`;
    }
    saveBlob(await workbookBlob(tablesWorkbook([{ label: label || undefined, tables }])), `${label || '部门'}预算公开表.xlsx`);
    return `已下载 ${tables.length} 张表。`;
  });

  return (
    <div className={c.section}>
      <RadioGroup layout="horizontal" value={style} onChange={(_, d) => onStyle(d.value as TableStyle)} aria-label="报表样式">
        <Radio value="national" label="全国样式" />
        <Radio value="shanghai" label="上海样式" />
      </RadioGroup>
      <Field label="范围">
        <Select value={unit} onChange={(_, d) => setUnit(d.value)}>
          <option value="">全部单位合并（部门）</option>
          {units.map((u) => <option key={u.key} value={u.key}>{[u.code, u.name].filter(Boolean).join(' ')}</option>)}
        </Select>
      </Field>
      <div role="group" aria-label="选择报表">
        {ids.map((id) => (
          <Checkbox key={id} label={tableName({ style, entity: unit ? '单位' : '部门' }, id)} checked={chosen.has(id)} onChange={(_, d) => {
            const n = new Set(chosen);
            if (d.checked) n.add(id);
            else n.delete(id);
            setChosen(n);
          }} />
        ))}
      </div>
      <div className={c.actions}>
        <Button appearance="primary" onClick={generate} disabled={busy}>{excel ? '生成到新工作表' : '下载报表工作簿'}</Button>
      </div>
      {excel ? <Text as="p" className={c.hint}>报表写入新的工作表；与已有工作表重名时自动加序号，不会覆盖您的工作表。</Text> : null}
      <StatusBar status={status} busy={busy} progress={progress} />
    </div>
  );
}
