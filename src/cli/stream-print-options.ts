/**
 * exceljs 4.4's streaming WorksheetWriter never writes <printOptions>, so a streamed sheet loses
 * horizontalCentered (and gridlines/headings printing) that the in-memory writer keeps. This
 * Node-only patch writes it where the schema wants it, just before <pageMargins>, as the in-memory
 * worksheet writer does (the page keeps the in-memory writer and needs no patch).
 */
/* eslint-disable @typescript-eslint/no-var-requires */
let patched = false;

export function streamPrintOptions(): void {
  if (patched) return;
  patched = true;
  const Writer = require('exceljs/lib/stream/xlsx/worksheet-writer');
  const PrintOptionsXform = require('exceljs/lib/xlsx/xform/sheet/print-options-xform');
  const xform = new PrintOptionsXform();
  const margins = Writer.prototype._writePageMargins as (this: unknown) => void;
  Writer.prototype._writePageMargins = function (this: { pageSetup?: Record<string, unknown>; stream: { write(s: string): void } }) {
    const p = this.pageSetup ?? {};
    const xml = xform.toXml({ showRowColHeaders: p.showRowColHeaders, showGridLines: p.showGridLines, horizontalCentered: p.horizontalCentered, verticalCentered: p.verticalCentered });
    if (xml) this.stream.write(xml);
    margins.call(this);
  };
}
