/**
 * The pane: 审核 · 报表 · 规则 · 批量 in Excel, and 审核 · 报表 · 规则 on files (the offline page).
 * It talks to Excel only through the ExcelActions object it is given.
 */
import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Tab, TabList, Text, webLightTheme, makeStyles } from '@fluentui/react-components';
import type { CheckReport } from '../core/check';
import type { WorkbookGrids } from '../core/grid';
import type { TableStyle } from '../core/tables/model';
import { DEFAULT_SETTINGS, ExcelActions, PaneSettings } from '../excel';
import type { LoadedFile } from '../web/read-files';
import { CheckExcel } from './components/CheckExcel';
import { EMPTY_FIGURES, FiguresPanel, FiguresState } from './components/FiguresPanel';
import { FilesCheck } from './components/FilesCheck';
import { RulesTab } from './components/RulesTab';
import { TablesTab } from './components/TablesTab';

const useStyles = makeStyles({
  root: { padding: '8px 10px', maxWidth: '900px', boxSizing: 'border-box', fontSize: '14px' },
  title: { fontSize: '16px', fontWeight: 600, margin: '2px 0 6px' },
  note: { marginBottom: '6px' },
});

type TabId = 'check' | 'tables' | 'rules' | 'batch';
type ReportPart = 'tables' | 'figures';

export interface AppProps {
  excel: ExcelActions | null;
  /** Why the page runs on files (no Office host, office.js unreachable…). */
  offlineReason?: string;
}

export function App({ excel, offlineReason }: AppProps): React.ReactElement {
  const s = useStyles();
  const [tab, setTab] = React.useState<TabId>('check');
  const [settings, setSettings] = React.useState<PaneSettings>(DEFAULT_SETTINGS);
  const [report, setReport] = React.useState<CheckReport | null>(null);
  const [batchReport, setBatchReport] = React.useState<CheckReport | null>(null);
  const [files, setFiles] = React.useState<LoadedFile[]>([]);
  const [batchFiles, setBatchFiles] = React.useState<LoadedFile[]>([]);
  const [figures, setFigures] = React.useState<FiguresState>(EMPTY_FIGURES);
  const [part, setPart] = React.useState<ReportPart | null>(null);
  // The offline page's last chosen files, so that 规则 → 重新审核 can check them again.
  const [chosen, setChosen] = React.useState<File[]>([]);
  const [recheck, setRecheck] = React.useState<File[] | null>(null);
  const chosenGrids = React.useMemo(() => files.map((f) => f.grids), [files]);

  React.useEffect(() => {
    if (excel) excel.loadSettings().then(setSettings, () => undefined);
  }, [excel]);

  const save = async (next: PaneSettings) => {
    setSettings(next);
    if (excel) await excel.saveSettings(next);
  };

  // 试算 of a 审核公式: the open workbook (every sheet but our own), or the files chosen on the page.
  const trialWorkbooks = async (): Promise<WorkbookGrids[]> => {
    if (!excel) return files.map((f) => f.grids);
    const ours = new Set(settings.generated.map((g) => g.name));
    const names = (await excel.listSheets()).map((x) => x.name).filter((n) => !ours.has(n));
    return [await excel.read(names)];
  };

  const tabs: Array<[TabId, string]> = excel ? [['check', '审核'], ['tables', '报表'], ['rules', '规则'], ['batch', '批量']] : [['check', '审核'], ['tables', '报表'], ['rules', '规则']];
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={s.root}>
        <Text as="h1" className={s.title}>预算审核助手{excel ? '' : '（离线审核）'}</Text>
        {!excel && offlineReason && offlineReason !== 'offline-file' && offlineReason !== 'no-host' ? (
          <MessageBar intent="info" layout="multiline" className={s.note}><MessageBarBody>未连接到 Excel（{offlineReason === 'office-js-unavailable' || offlineReason === 'office-js-timeout' ? '无法访问 office.js，可能没有互联网' : 'Office 未就绪'}），已切换到离线审核：请选择 .xlsx 或 .csv 文件。</MessageBarBody></MessageBar>
        ) : null}
        {excel?.notes.map((n) => <MessageBar key={n} intent="warning" layout="multiline" className={s.note}><MessageBarBody>{n}</MessageBarBody></MessageBar>)}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small" aria-label="功能">
          {tabs.map(([id, label]) => <Tab key={id} value={id}>{label}</Tab>)}
        </TabList>
        <div role="tabpanel" aria-label={tabs.find(([id]) => id === tab)?.[1]}>
          {tab === 'check' ? (
            excel ? <CheckExcel excel={excel} settings={settings} onSettings={(x) => void save(x)} report={report} onReport={setReport} />
              : <FilesCheck settings={settings} report={report} onReport={setReport} files={files} onFiles={setFiles} onChosen={setChosen} recheck={recheck} onRechecked={() => setRecheck(null)} />
          ) : null}
          {tab === 'tables' ? (() => {
            const tablesReport = report ?? batchReport;
            // Without checked budget lines the tables cannot be made, but the figures can.
            const shown: ReportPart = part ?? (tablesReport && tablesReport.lines.length > 0 ? 'tables' : 'figures');
            return (
              <>
                <TabList selectedValue={shown} onTabSelect={(_, d) => setPart(d.value as ReportPart)} size="small" appearance="subtle" aria-label="报表内容">
                  <Tab value="tables">公开表</Tab>
                  <Tab value="figures">报告数字</Tab>
                </TabList>
                {shown === 'tables' ? <TablesTab report={tablesReport} style={settings.tableStyle as TableStyle} onStyle={(st) => void save({ ...settings, tableStyle: st })} excel={excel ?? undefined} />
                  : <FiguresPanel settings={settings} onSettings={(x) => void save(x)} state={figures} onState={setFigures} excel={excel ?? undefined} files={files} onFiles={(f) => { setFiles(f); setReport(null); }} />}
              </>
            );
          })() : null}
          {tab === 'rules' ? <RulesTab settings={settings} onSave={(r) => save({ ...settings, preset: r.preset, rules: r.rules })} workbooks={trialWorkbooks}
            chosen={excel ? [] : chosenGrids} onRecheck={!excel && chosen.length > 0 ? () => { setRecheck(chosen); setTab('check'); } : undefined} /> : null}
          {tab === 'batch' && excel ? (
            <FilesCheck settings={settings} report={batchReport} onReport={setBatchReport} files={batchFiles} onFiles={setBatchFiles} excel={excel} ours={settings.generated.filter((g) => g.kind === 'results').map((g) => g.name)} />
          ) : null}
        </div>
      </main>
    </FluentProvider>
  );
}
