/** The offline page's answer to a click on a location: a small grid around the cell, the cell highlighted. */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetWindow } from '../../web/sheet-preview';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: '12px', maxWidth: '100%', display: 'block', overflowX: 'auto' },
  head: { background: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, fontWeight: 'normal', padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'nowrap', maxWidth: '160px', overflow: 'hidden', textOverflow: 'ellipsis' },
  target: { padding: '2px 6px', border: `2px solid ${tokens.colorPaletteRedBorder2}`, background: tokens.colorPaletteYellowBackground2, whiteSpace: 'nowrap', fontWeight: 'bold' },
});

export function SheetPreview({ view, title, onClose }: { view: SheetWindow; title: string; onClose: () => void }): React.ReactElement {
  const s = useStyles();
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
                      <td key={i} className={c.target ? s.target : s.cell} data-target={c.target ? 'true' : undefined} title={c.text}>{c.text}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>关闭</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
