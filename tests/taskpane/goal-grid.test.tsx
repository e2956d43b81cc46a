/**
 * The goal grid's markup (issue 16): the project's funds in 万元, its 实施单位, and the indicator (or
 * funds figure) of the finding it sits under marked with aria-current — rendered to static HTML.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { checkWorkbooks } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { formatWan } from '../../src/core/money';
import type { PerfGoal } from '../../src/core/performance';
import { goalLookup } from '../../src/core/performance';
import { performanceExampleWorkbook } from '../../src/testing/performance-example';
import { flaggedIndicator, GoalGrid } from '../../src/taskpane/components/GoalGrid';

const report = checkWorkbooks([performanceExampleWorkbook()]);
const goalOf = goalLookup(report.lines, report.performance ?? []);
const finding = (rule: string, cell: string): Finding => report.findings.find((f) => f.rule === rule && f.location.cell === cell)!;

function render(goal: PerfGoal, f?: Finding): Markup {
  const html = renderToStaticMarkup(<GoalGrid goal={goal} at={f?.location} />);
  // A tiny DOM over the markup (jest runs in node): enough to query rows and attributes.
  return parse(html);
}

/** Rows of the grid's body as [aria-current, cells], and the text of the funds line, from the markup. */
function parse(html: string): Markup {
  const rows = [...html.matchAll(/<tr([^>]*)>(.*?)<\/tr>/g)].slice(1).map((m) => ({
    current: /aria-current="true"/.test(m[1]),
    cells: [...m[2].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]),
  }));
  const span = (id: string) => {
    const m = new RegExp(`<span([^>]*data-testid="${id}"[^>]*)>(.*?)</span>`).exec(html);
    return m ? { text: m[2].replace(/<!-- -->/g, ''), current: /aria-current="true"/.test(m[1]) } : undefined;
  };
  return { html, rows, total: span('goal-total'), fiscal: span('goal-fiscal'), unit: span('goal-unit') };
}

interface Markup {
  html: string;
  rows: Array<{ current: boolean; cells: string[] }>;
  total?: { text: string; current: boolean };
  fiscal?: { text: string; current: boolean };
  unit?: { text: string; current: boolean };
}

test('年度资金总额 and 其中：财政拨款 in 万元 (two decimals), and 实施单位, with the grid; the funds the finding is about are marked', () => {
  const f = finding('PERF.FUNDS_MISMATCH', 'C45');
  const goal = goalOf(f)!;
  expect(goal.projectName).toBe('教师培训');
  expect(goal.totalFen).not.toBeNull();
  const d = render(goal, f);
  expect(d.total?.text).toBe(`年度资金总额：${formatWan(goal.totalFen!)} 万元`);
  expect(d.total?.text).toBe('年度资金总额：16.00 万元');
  expect(d.fiscal?.text).toBe(`其中：财政拨款：${formatWan(goal.fiscalFen!)} 万元`);
  expect(d.unit?.text).toBe(`实施单位：${[goal.unitCode, goal.unitName].filter(Boolean).join(' ')}`);
  // C45 is the 年度资金总额 cell: that figure is marked, no indicator row is.
  expect(goal.totalLocation?.cell).toBe('C45');
  expect(d.total?.current).toBe(true);
  expect(d.fiscal?.current).toBe(false);
  expect(d.rows.filter((r) => r.current)).toEqual([]);
  // C46 is 其中：财政拨款.
  const fiscal = render(goal, finding('PERF.FUNDS_MISMATCH', 'C46'));
  expect(goal.fiscalLocation?.cell).toBe('C46');
  expect([fiscal.total?.current, fiscal.fiscal?.current]).toEqual([false, true]);
});

test('a list-layout goal without 财政拨款 says 未填', () => {
  const g = (report.performance ?? []).find((x) => x.fiscalFen === null)!;
  expect(g).toBeDefined();
  expect(render(g).fiscal?.text).toBe('其中：财政拨款：未填');
});

test('the indicator the finding is about is the one row with aria-current="true"', () => {
  const f = finding('PERF.VAGUE_VALUE', 'E25');
  const goal = goalOf(f)!;
  const d = render(goal, f);
  const at = goal.indicators.findIndex((i) => i.location.sheet === f.location.sheet && i.location.cell === 'E25');
  expect(at).toBeGreaterThanOrEqual(0);
  expect(d.rows.map((r) => r.current)).toEqual(goal.indicators.map((_, n) => n === at));
  // The marked row reads as the others do (the mark is its style and attribute, not extra text).
  expect(d.rows[at].cells).toEqual([goal.indicators[at].level1, goal.indicators[at].level2, goal.indicators[at].name, goal.indicators[at].value]);
  expect(d.html).toMatch(/<tr aria-current="true" data-flagged="true">/);
  // Without a finding (or one elsewhere) nothing is marked.
  expect(render(goal).rows.some((r) => r.current)).toBe(false);
  expect(render(goal, finding('PERF.FUNDS_MISMATCH', 'C45')).rows.some((r) => r.current)).toBe(false);
});

test('a finding on another cell of an indicator row (list layout) marks that row; a cell of another sheet marks none', () => {
  const f = finding('PERF.LEVEL_MISSING', 'B9');
  const goal = goalOf(f)!;
  const n = flaggedIndicator(goal, f.location);
  expect(n).toBeGreaterThanOrEqual(0);
  expect(goal.indicators[n].location.row).toBe(9);
  expect(flaggedIndicator(goal, { ...f.location, sheet: '预算明细' })).toBe(-1);
  expect(flaggedIndicator(goal, { ...f.location, file: 'other.xlsx' })).toBe(-1);
});
