/**
 * The offline page's answer to a click on a location: a small grid around the cell, the cell
 * highlighted and scrolled into view; for a finding about a project, that project's goal grid below
 * it, its flagged indicator marked (issue 16).
 */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { FindingLocation } from '../../core/findings';
import type { PerfGoal } from '../../core/performance/model';
import type { SheetWindow } from '../../web/sheet-preview';
import { GoalGrid } from './GoalGrid';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: '12px', maxWidth: '100%', display: 'block', overflowX: 'auto' },
  head: { background: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, fontWeight: 'normal', padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'nowrap', maxWidth: '160px', overflow: 'hidden', textOverflow: 'ellipsis' },
  target: { padding: '2px 6px', border: `2px solid ${tokens.colorPaletteRedBorder2}`, background: tokens.colorPaletteYellowBackground2, whiteSpace: 'nowrap', fontWeight: 'bold' },
});

export interface SheetPreviewProps {
  view: SheetWindow;
  title: string;
  onClose: () => void;
  /** The goal of the finding's project, and where the finding is (its indicator is marked). */
  goal?: PerfGoal;
  at?: FindingLocation;
}

/** Scrolls the table (its own horizontal scroll area) and the dialog so that the target cell shows. */
function reveal(td: HTMLTableCellElement): void {
  const box = td.closest('table');
  // A td's offsetLeft is from its table: centre the cell in the table's visible width.
  if (box && box.scrollWidth > box.clientWidth) box.scrollLeft = Math.max(0, td.offsetLeft + td.offsetWidth / 2 - box.clientWidth / 2);
  td.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}

export function SheetPreview({ view, title, onClose, goal, at }: SheetPreviewProps): React.ReactElement {
  const s = useStyles();
  const target = React.useRef<HTMLTableCellElement>(null);
  // On opening (and for another window): the flagged cell in view, even at 360 px wide.
  React.useEffect(() => {
    const td = target.current;
    if (!td) return;
    reveal(td);
    // Once more after the dialog's entrance has laid it out at its final size.
    if (typeof requestAnimationFrame === 'undefined') return;
    const id = requestAnimationFrame(() => reveal(td));
    return () => cancelAnimationFrame(id);
  }, [view]);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-label={title}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <table className={s.table} data-testid="sheet-preview" aria-label={`${view.file} · ${view.sheet}`}>
              <thead>
                <tr>
                  <th className={s.head} />
                  {view.cols.map((c) => <th key={c} className={s.head} scope="col">{c}</th>)}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.row}>
                    <th className={s.head} scope="row">{r.row}</th>
                    {r.cells.map((c, i) => (
                      <td key={i} ref={c.target && !r.cells.slice(0, i).some((x) => x.target) ? target : undefined} className={c.target ? s.target : s.cell} data-target={c.target ? 'true' : undefined} title={c.text}>{c.text}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {goal ? <GoalGrid goal={goal} at={at} open /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>关闭</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
