/** Findings grouped by rule or unit, with counts; a click (or Enter) on a finding selects its cell. */
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/findings';
import { SEVERITY_ZH } from '../../core/findings';
import type { PerfGoal } from '../../core/performance/model';
import { fileLocationText, FindingGroup, locationText, num, unitLabel } from '../model';
import { GoalGrid } from './GoalGrid';

const useStyles = makeStyles({
  item: { display: 'block', width: '100%', textAlign: 'left', padding: '6px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, background: 'none', border: 'none', cursor: 'pointer', font: 'inherit', color: 'inherit' },
  loc: { color: tokens.colorBrandForeground1, fontSize: '12px', marginRight: '6px' },
  // Nothing happens on a click: the location reads as plain text, not as a link.
  plain: { display: 'block', width: '100%', textAlign: 'left', padding: '6px 4px', background: 'none', border: 'none', font: 'inherit', color: 'inherit', cursor: 'default' },
  locPlain: { color: tokens.colorNeutralForeground2, fontSize: '12px', marginRight: '6px' },
  msg: { display: 'block', fontSize: '13px', lineHeight: '1.5', wordBreak: 'break-all' },
  explained: { display: 'block', fontSize: '12px', color: tokens.colorPaletteGreenForeground1 },
  counts: { marginLeft: '6px', display: 'inline-flex', gap: '4px' },
  row: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  edit: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '4px 0 8px' },
  // Heard by screen readers, not seen: separates the location, the unit and the message in the
  // button's accessible name ("…!C45，101001 县教育局，…") without changing the layout.
  sr: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0, 0, 0, 0)', whiteSpace: 'nowrap', border: 0 },
});

const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const PAGE = 200;

export interface FindingsListProps {
  groups: FindingGroup[];
  groupBy: 'rule' | 'unit';
  /** A finding chosen (click, Enter, Space); when it has a goal grid, that grid opens too. */
  onSelect?: (f: Finding) => void;
  onExplain?: (f: Finding, text: string) => void;
  /** The project goal a finding is about (when a 绩效目标 sheet was read): its grid is shown beside it. */
  goalOf?: (f: Finding) => PerfGoal | undefined;
  /** Locations name their file (the offline page, where many files are checked together). */
  withFile?: boolean;
  /** Whether a click can do anything for this finding (select its cell, open its preview). */
  canSelect?: (f: Finding) => boolean;
  /** Grouped by unit: a download of that unit's review workbook at the top of its group. */
  onUnitDownload?: (f: Finding) => void;
}

function Counts({ c }: { c: Record<Severity, number> }): React.ReactElement {
  const s = useStyles();
  return (
    <span className={s.counts}>
      {(['error', 'warning', 'info'] as const).filter((k) => c[k] > 0).map((k) => (
        <Badge key={k} size="small" color={COLOR[k]} appearance="filled" aria-label={`${SEVERITY_ZH[k]} ${num(c[k])} 条`}>{num(c[k])}</Badge>
      ))}
    </span>
  );
}

function FindingRow({ f, groupBy, onSelect, onExplain, goal, withFile, canSelect }: { f: Finding; groupBy: 'rule' | 'unit'; onSelect?: (f: Finding) => void; onExplain?: (f: Finding, text: string) => void; goal?: PerfGoal; withFile?: boolean; canSelect?: (f: Finding) => boolean }): React.ReactElement {
  const s = useStyles();
  const [editing, setEditing] = React.useState(false);
  const [text, setText] = React.useState(f.explanation ?? '');
  // The goal grid under the finding: closed at first, opened when the finding is selected.
  const [gridOpen, setGridOpen] = React.useState(false);
  const findingButton = React.useRef<HTMLButtonElement>(null);
  const editButton = React.useRef<HTMLButtonElement>(null);
  const box = React.useRef<HTMLTextAreaElement>(null);
  const returnFocus = React.useRef(false);
  // Keyboard: opening the editor moves focus into it; saving or cancelling brings it back to the button.
  React.useEffect(() => {
    if (editing) box.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const link = !!onSelect && (canSelect ? canSelect(f) : true);
  const where = withFile ? fileLocationText(f) : locationText(f);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return (
    <div className={s.row} data-testid="finding" data-rule={f.rule} data-at={locationText(f)}>
      <button ref={findingButton} type="button" className={link ? s.item : s.plain} onClick={() => {
        if (!link) return;
        // Focus on the finding (Safari does not focus a clicked button): a preview opened from here
        // gives focus back to it when it closes.
        findingButton.current?.focus();
        if (goal) setGridOpen(true);
        onSelect?.(f);
      }} title={link ? (withFile ? '查看该处表格' : f.location.cell ? '定位到单元格' : undefined) : undefined} data-link={link ? 'true' : 'false'}>
        <Badge size="small" color={COLOR[f.severity]} appearance="tint">{SEVERITY_ZH[f.severity]}</Badge>{' '}
        <span className={link ? s.loc : s.locPlain} data-testid="location">{where}</span>
        {groupBy === 'rule' ? <><span className={s.sr}>，</span><span className={s.loc}>{unitLabel(f)}</span></> : null}
        <span className={s.sr}>：</span>
        <span className={s.msg}>{f.message}</span>
        {f.explained ? <span className={s.explained}>已说明：{f.explanation}</span> : null}
      </button>
      {goal ? <GoalGrid goal={goal} at={f.location} open={gridOpen} onToggle={setGridOpen} /> : null}
      {onExplain ? (
        <>
          <Button ref={editButton} size="small" appearance="subtle" onClick={() => setEditing(true)}>{f.explained ? '修改说明' : '填写说明'}</Button>
          {/* A labelled dialog: a screen reader hears which finding the explanation is for. */}
          <Dialog open={editing} modalType="modal" onOpenChange={(_, d) => !d.open && close()}>
            <DialogSurface aria-label={`审核说明：${where}`}>
              <DialogBody>
                <DialogTitle>填写审核说明</DialogTitle>
                <DialogContent className={s.edit}>
                  <span className={s.msg}>{where}：{f.message}</span>
                  <Textarea ref={box} aria-label={`审核说明：${where}`} value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={4} />
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" onClick={() => { onExplain(f, text.trim()); close(); }} disabled={text.trim() === ''}>保存说明</Button>
                  <Button onClick={close}>取消</Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </>
      ) : null}
    </div>
  );
}

/**
 * Rows drawn at first, and added per animation frame after that up to each group's limit: 200 rows
 * drawn and laid out in one go were a ~180 ms task of the page (issue 12: none over 200 ms).
 */
const STEP = 50;

export function FindingsList({ groups, groupBy, onSelect, onExplain, goalOf, onUnitDownload, withFile, canSelect }: FindingsListProps): React.ReactElement {
  const [limits, setLimits] = React.useState<Record<string, number>>({});
  // Starts again from STEP for every new list of groups (a new check, another filter).
  const [grown, setGrown] = React.useState({ of: groups, drawn: STEP });
  const drawn = grown.of === groups ? grown.drawn : STEP;
  const wanted = groups.reduce((m, g) => Math.max(m, Math.min(g.findings.length, limits[g.key] ?? PAGE)), 0);
  React.useEffect(() => {
    if (drawn >= wanted) return;
    const grow = () => setGrown({ of: groups, drawn: drawn + STEP });
    if (typeof requestAnimationFrame === 'undefined') {
      const t = setTimeout(grow, 16);
      return () => clearTimeout(t);
    }
    const id = requestAnimationFrame(grow);
    return () => cancelAnimationFrame(id);
  }, [groups, drawn, wanted]);
  if (groups.length === 0) return <p>没有符合筛选条件的问题。</p>;
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.slice(0, 1).map((g) => g.key)}>
      {groups.map((g) => {
        const limit = limits[g.key] ?? PAGE;
        return (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader size="small">
              {g.title}（{num(g.findings.length)}）<Counts c={g.counts} />
            </AccordionHeader>
            <AccordionPanel>
              {groupBy === 'unit' && onUnitDownload && g.findings[0]?.unit ? (
                <Button size="small" appearance="secondary" data-testid="unit-download" onClick={() => onUnitDownload(g.findings[0])}>下载本单位审核工作簿（{g.title}）</Button>
              ) : null}
              {g.findings.slice(0, Math.min(limit, drawn)).map((f, i) => <FindingRow key={i} f={f} groupBy={groupBy} onSelect={onSelect} onExplain={onExplain} goal={goalOf?.(f)} withFile={withFile} canSelect={canSelect} />)}
              {g.findings.length > limit ? (
                <Button size="small" onClick={() => setLimits({ ...limits, [g.key]: limit + PAGE })}>再显示 {num(Math.min(PAGE, g.findings.length - limit))} 条（共 {num(g.findings.length)} 条）</Button>
              ) : null}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
