/** Findings grouped by rule or unit, with counts; a click (or Enter) on a finding selects its cell. */
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/findings';
import { SEVERITY_ZH } from '../../core/findings';
import type { PerfGoal } from '../../core/performance/model';
import { FindingGroup, locationText, unitLabel } from '../model';
import { GoalGrid } from './GoalGrid';

const useStyles = makeStyles({
  item: { display: 'block', width: '100%', textAlign: 'left', padding: '6px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, background: 'none', border: 'none', cursor: 'pointer', font: 'inherit', color: 'inherit' },
  loc: { color: tokens.colorBrandForeground1, fontSize: '12px', marginRight: '6px' },
  msg: { display: 'block', fontSize: '13px', lineHeight: '1.5', wordBreak: 'break-all' },
  explained: { display: 'block', fontSize: '12px', color: tokens.colorPaletteGreenForeground1 },
  counts: { marginLeft: '6px', display: 'inline-flex', gap: '4px' },
  row: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  edit: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '4px 0 8px' },
});

const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const PAGE = 200;

export interface FindingsListProps {
  groups: FindingGroup[];
  groupBy: 'rule' | 'unit';
  onSelect?: (f: Finding) => void;
  onExplain?: (f: Finding, text: string) => void;
  /** The project goal a finding is about (when a 绩效目标 sheet was read): its grid is shown beside it. */
  goalOf?: (f: Finding) => PerfGoal | undefined;
}

function Counts({ c }: { c: Record<Severity, number> }): React.ReactElement {
  const s = useStyles();
  return (
    <span className={s.counts}>
      {(['error', 'warning', 'info'] as const).filter((k) => c[k] > 0).map((k) => (
        <Badge key={k} size="small" color={COLOR[k]} appearance="filled" aria-label={`${SEVERITY_ZH[k]} ${c[k]} 条`}>{c[k]}</Badge>
      ))}
    </span>
  );
}

function FindingRow({ f, groupBy, onSelect, onExplain, goal }: { f: Finding; groupBy: 'rule' | 'unit'; onSelect?: (f: Finding) => void; onExplain?: (f: Finding, text: string) => void; goal?: PerfGoal }): React.ReactElement {
  const s = useStyles();
  const [editing, setEditing] = React.useState(false);
  const [text, setText] = React.useState(f.explanation ?? '');
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
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return (
    <div className={s.row} data-testid="finding" data-rule={f.rule} data-at={locationText(f)}>
      <button type="button" className={s.item} onClick={() => onSelect?.(f)} title={f.location.cell ? '定位到单元格' : undefined}>
        <Badge size="small" color={COLOR[f.severity]} appearance="tint">{SEVERITY_ZH[f.severity]}</Badge>{' '}
        <span className={s.loc}>{locationText(f)}</span>
        {groupBy === 'rule' ? <span className={s.loc}>{unitLabel(f)}</span> : null}
        <span className={s.msg}>{f.message}</span>
        {f.explained ? <span className={s.explained}>已说明：{f.explanation}</span> : null}
      </button>
      {goal ? <GoalGrid goal={goal} /> : null}
      {onExplain ? (
        editing ? (
          <div className={s.edit}>
            <Textarea ref={box} aria-label={`审核说明：${locationText(f)}`} value={text} onChange={(_, d) => setText(d.value)} resize="vertical"
              onKeyDown={(e) => {
                if (e.key === 'Escape') close();
              }} />
            <div>
              <Button size="small" appearance="primary" onClick={() => { onExplain(f, text.trim()); close(); }} disabled={text.trim() === ''}>保存说明</Button>{' '}
              <Button size="small" onClick={close}>取消</Button>
            </div>
          </div>
        ) : (
          <Button ref={editButton} size="small" appearance="subtle" onClick={() => setEditing(true)}>{f.explained ? '修改说明' : '填写说明'}</Button>
        )
      ) : null}
    </div>
  );
}

export function FindingsList({ groups, groupBy, onSelect, onExplain, goalOf }: FindingsListProps): React.ReactElement {
  const [limits, setLimits] = React.useState<Record<string, number>>({});
  if (groups.length === 0) return <p>没有符合筛选条件的问题。</p>;
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.slice(0, 1).map((g) => g.key)}>
      {groups.map((g) => {
        const limit = limits[g.key] ?? PAGE;
        return (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader size="small">
              {g.title}（{g.findings.length}）<Counts c={g.counts} />
            </AccordionHeader>
            <AccordionPanel>
              {g.findings.slice(0, limit).map((f, i) => <FindingRow key={i} f={f} groupBy={groupBy} onSelect={onSelect} onExplain={onExplain} goal={goalOf?.(f)} />)}
              {g.findings.length > limit ? (
                <Button size="small" onClick={() => setLimits({ ...limits, [g.key]: limit + PAGE })}>再显示 {Math.min(PAGE, g.findings.length - limit)} 条（共 {g.findings.length} 条）</Button>
              ) : null}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
