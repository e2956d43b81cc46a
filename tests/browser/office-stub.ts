/**
 * Served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser
 * tests: installs the fake Excel host, filled from window.__fakeWorkbookData, and exposes the model
 * as window.__fakeModel for assertions.
 */
import { FakeWorkbookModel, installFakeOffice } from '../../src/testing/fake-excel';

interface FakeData {
  version: number;
  sheets: Array<{ name: string; rows: Array<Array<string | number | boolean | null>>; protected?: boolean }>;
}

const w = window as unknown as { __fakeWorkbookData?: FakeData; __fakeModel?: FakeWorkbookModel };
const data = w.__fakeWorkbookData ?? { version: 18, sheets: [{ name: 'Sheet1', rows: [] }] };
const model = new FakeWorkbookModel(data.version);
for (const s of data.sheets) {
  const sheet = model.put(s.name, s.rows);
  sheet.protected = !!s.protected;
}
w.__fakeModel = model;
installFakeOffice(model);
