/**
 * Note boxes sized to their text (issue 14 part 1). exceljs 4.4 draws every note in a fixed
 * 97.8 × 59.1 pt box two columns wide and four rows tall; the review model gives each note a box
 * (src/core/review cellNotes), carried in the note model as `box`. This Node-only patch of exceljs's
 * VML writer uses it; without it (the offline page's bundled exceljs) notes keep the default box.
 */
/* eslint-disable @typescript-eslint/no-var-requires */
type NoteModel = { note?: { box?: { width: number; height: number } }; refAddress: { row: number; col: number } };

let patched = false;

export function sizeNoteBoxes(): void {
  if (patched) return;
  patched = true;
  const Shape = require('exceljs/lib/xlsx/xform/comment/vml-shape-xform');
  const Anchor = require('exceljs/lib/xlsx/xform/comment/vml-anchor-xform');
  const attrs = Shape.V_SHAPE_ATTRIBUTES as (model: NoteModel, index: number) => Record<string, string>;
  Shape.V_SHAPE_ATTRIBUTES = (model: NoteModel, index: number) => {
    const a = attrs(model, index);
    const box = model.note?.box;
    if (box) a.style = a.style.replace(/width:[\d.]+pt;height:[\d.]+pt/, `width:${box.width}pt;height:${box.height}pt`);
    return a;
  };
  const rect = Anchor.prototype.getDefaultRect as (ref: NoteModel['refAddress']) => number[];
  const render = Anchor.prototype.render as (xml: unknown, model: NoteModel) => void;
  Anchor.prototype.render = function (this: { getDefaultRect: typeof rect }, xml: { leafNode(t: string, a: null, v: string): void }, model: NoteModel & { anchor?: unknown }) {
    const box = model.note?.box;
    if (!box || model.anchor) return render.call(this, xml, model);
    // Anchor columns of about 48 pt and rows of 15 pt, so Excel and LibreOffice open the box at its size.
    const [l, lf, t, tf] = rect(model.refAddress);
    xml.leafNode('x:Anchor', null, [l, lf, t, tf, l + Math.max(2, Math.ceil(box.width / 48)), 2, t + Math.max(4, Math.ceil(box.height / 15)), 16].join(', '));
  };
}
