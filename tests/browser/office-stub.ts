/**
 * Served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser
 * tests: an office.js stand-in whose Excel.run and Office.* forward to the strict fake host
 * (src/testing/fake-excel: 5 MB payloads, 512 merged areas, typed values, VeryHidden delete …),
 * filled from window.__fakeWorkbookData, with the model exposed as window.__fakeModel for
 * assertions. `readyDelayMs` holds Office.onReady back, as a slow CDN or a cold Excel start does;
 * `noOffice` leaves window.Office undefined (office.js that failed to run).
 */
import { FakeWorkbookModel, HostProfile, installFakeOffice } from '../../src/testing/fake-excel';

export interface FakeData {
  version?: number;
  profile?: HostProfile;
  sheets: Array<{
    name: string;
    rows: Array<Array<string | number | boolean | null>>;
    protected?: boolean;
    /** 0-based merged areas. */
    merges?: Array<{ top: number; left: number; bottom: number; right: number }>;
    /** Fills by "r,c" (0-based). */
    fills?: Record<string, { color: string; pattern: string; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number }>;
  }>;
  readyDelayMs?: number;
  noOffice?: boolean;
}

const w = window as unknown as { __fakeWorkbookData?: FakeData; __fakeModel?: FakeWorkbookModel; Office?: { onReady: unknown } };
const data: FakeData = w.__fakeWorkbookData ?? { version: 18, sheets: [{ name: 'Sheet1', rows: [] }] };
const model = data.profile ? FakeWorkbookModel.forHost(data.profile) : new FakeWorkbookModel(data.version ?? 18);
for (const s of data.sheets) {
  const sheet = model.put(s.name, s.rows);
  sheet.protected = !!s.protected;
  for (const m of s.merges ?? []) sheet.merges.push(m);
  for (const [k, f] of Object.entries(s.fills ?? {})) {
    const [r, c] = k.split(',').map(Number);
    sheet.setFill(r, c, { patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0, ...f });
  }
}
w.__fakeModel = model;
if (!data.noOffice) {
  installFakeOffice(model);
  const delay = data.readyDelayMs ?? 0;
  if (delay > 0 && w.Office) {
    const office = w.Office as { onReady: (cb?: (i: unknown) => void) => Promise<unknown> };
    const inner = office.onReady.bind(office);
    office.onReady = (cb?: (i: unknown) => void) => new Promise((resolve) => setTimeout(() => resolve(inner(cb)), delay));
  }
}
