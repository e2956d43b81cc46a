/**
 * Installs the fake host as the globals `Office` and `Excel`, as office.js would: Excel.run,
 * Office.onReady, Office.context.requirements.isSetSupported (answering from the model's version).
 */
import { FakeRequestContext } from './client';
import { FakeWorkbookModel } from './model';

export interface FakeOfficeGlobals {
  Office: unknown;
  Excel: unknown;
}

export function fakeOfficeGlobals(model: FakeWorkbookModel, platformOverride?: string): FakeOfficeGlobals {
  const platform = platformOverride ?? model.platform;
  // Answers from the model at call time, so a test can reopen the workbook in another Office version.
  const requirements = {
    isSetSupported(name: string, version?: string): boolean {
      if (name !== 'ExcelApi') return false;
      const minor = Number((version ?? '1.1').split('.')[1] ?? 1);
      return minor <= model.apiVersion;
    },
  };
  const context = { requirements, host: 'Excel', platform, diagnostics: { host: 'Excel', platform, version: '16.0' }, document: {} };
  const Office = {
    context,
    HostType: { Excel: 'Excel' },
    onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      const info = { host: 'Excel', platform };
      if (cb) cb(info);
      return Promise.resolve(info);
    },
  };
  const Excel = {
    RequestContext: FakeRequestContext,
    /** Excel.run(batch) or Excel.run(options, batch) (Excel.RunOptions: delayForCellEdit, ExcelApi 1.11). */
    async run<T>(a: unknown, b?: (ctx: FakeRequestContext) => Promise<T>): Promise<T> {
      const batch = (typeof a === 'function' ? a : b) as (ctx: FakeRequestContext) => Promise<T>;
      const options = (typeof a === 'function' ? {} : a ?? {}) as { delayForCellEdit?: boolean };
      const ctx = new FakeRequestContext(model);
      ctx.delayForCellEdit = !!options.delayForCellEdit;
      const result = await batch(ctx);
      // office.js flushes what the batch left queued.
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
  };
  return { Office, Excel };
}

/** Install on globalThis (jest) or window (the browser stub). Returns an uninstall function. */
export function installFakeOffice(model: FakeWorkbookModel, platform?: string): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const prev = { Office: g.Office, Excel: g.Excel };
  const globals = fakeOfficeGlobals(model, platform);
  g.Office = globals.Office;
  g.Excel = globals.Excel;
  return () => {
    g.Office = prev.Office;
    g.Excel = prev.Excel;
  };
}
