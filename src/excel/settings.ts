/**
 * Pane settings saved in the workbook (Workbook.settings, ExcelApi 1.4), so they travel with the
 * file: rule parameters, the chosen sheets and scope, the table style, and the sheets we generated
 * (so a re-run replaces our own 审核结果 instead of suffixing, and never touches the user's).
 */
import type { RuleConfigInput } from '../core/config';
import { excelRun } from './run';

export const SETTINGS_KEY = 'budgetReview.settings';

export type Scope = 'active' | 'chosen' | 'all';

export interface PaneSettings {
  /** Partial rule parameters layered over the preset. */
  rules: RuleConfigInput;
  preset: string;
  scope: Scope;
  sheets: string[];
  tableStyle: 'national' | 'shanghai';
  /** Sheets this add-in created, by kind ('results' | 'tables'). */
  generated: Array<{ name: string; kind: string }>;
}

export const DEFAULT_SETTINGS: PaneSettings = { rules: {}, preset: 'default', scope: 'active', sheets: [], tableStyle: 'national', generated: [] };

export function parseSettings(v: unknown): PaneSettings {
  let o: unknown = v;
  if (typeof v === 'string') {
    try {
      o = JSON.parse(v);
    } catch {
      o = {};
    }
  }
  const x = (o && typeof o === 'object' ? o : {}) as Partial<PaneSettings>;
  return {
    rules: x.rules && typeof x.rules === 'object' ? x.rules : {},
    preset: typeof x.preset === 'string' ? x.preset : 'default',
    scope: x.scope === 'chosen' || x.scope === 'all' ? x.scope : 'active',
    sheets: Array.isArray(x.sheets) ? x.sheets.filter((s): s is string => typeof s === 'string') : [],
    tableStyle: x.tableStyle === 'shanghai' ? 'shanghai' : 'national',
    generated: Array.isArray(x.generated) ? x.generated.filter((g) => g && typeof g.name === 'string') : [],
  };
}

export async function loadSettings(): Promise<PaneSettings> {
  return excelRun(async (ctx) => {
    const item = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load('value');
    await ctx.sync();
    return item.isNullObject ? { ...DEFAULT_SETTINGS } : parseSettings(item.value);
  });
}

export async function saveSettings(s: PaneSettings): Promise<void> {
  await excelRun(async (ctx) => {
    ctx.workbook.settings.add(SETTINGS_KEY, JSON.stringify(s));
    await ctx.sync();
  });
}
