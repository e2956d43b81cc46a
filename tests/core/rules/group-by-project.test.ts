/**
 * groupByProject and its ProjectIndex against their definition: the
 * groups of groupLines(lines, projectGroupKey) in first-seen order, keyed by unit key + project key
 * (SPEC §7), whatever order the lines come in and however the codes and names are left blank.
 */
import fc from 'fast-check';
import { groupByProject, groupLines, projectCodesClean, projectGroupKey, projectIndexOf } from '../../../src/core/rules/finding-helpers';
import { projectKey, unitKey } from '../../../src/core/lines';
import { needsClean } from '../../../src/core/text';
import { line } from './fixtures';

// Few distinct texts, so that keys meet often; '' leaves the code or name out; ' A1' and 'Ａ1' need cleaning.
const text = fc.constantFrom('', 'A1', 'A2', ' A1', 'Ａ1', '县教育局', '县卫健委');
const lineArb = fc.record({ unitCode: text, unitName: text, projectCode: text, projectName: text, basic: fc.boolean() });

function linesOf(inits: ReadonlyArray<{ unitCode: string; unitName: string; projectCode: string; projectName: string; basic: boolean }>) {
  return inits.map((x, i) => line({ row: i + 2, unitCode: x.unitCode, unitName: x.unitName, projectCode: x.projectCode, projectName: x.projectName,
    kind: x.basic || (x.projectCode === '' && x.projectName === '') ? 'public' : 'project' }));
}

test('groupByProject equals groupLines by projectGroupKey, in first-seen order', () => {
  fc.assert(fc.property(fc.array(lineArb, { maxLength: 60 }), (inits) => {
    const lines = linesOf(inits);
    const expected = [...groupLines(lines, projectGroupKey)];
    const got = groupByProject(lines);
    expect(got.map(([k, ls]) => [k, ls])).toEqual(expected);
    got.forEach((g, n) => expect(g[2]).toBe(n));
  }), { numRuns: 500 });
});

test('the index finds each project by its unit key and project key, and nothing else', () => {
  fc.assert(fc.property(fc.array(lineArb, { maxLength: 60 }), text, text, (inits, u, p) => {
    const lines = linesOf(inits);
    const index = projectIndexOf(lines);
    for (const g of groupByProject(lines)) expect(index.get(unitKey(g[1][0]), projectKey(g[1][0]))).toBe(g);
    const hit = groupByProject(lines).find((g) => unitKey(g[1][0]) === u && projectKey(g[1][0]) === p);
    expect(index.get(u, p)).toBe(hit);
  }), { numRuns: 500 });
});

test('projectCodesClean: no project has a unit or project code that needs cleaning', () => {
  fc.assert(fc.property(fc.array(lineArb, { maxLength: 30 }), (inits) => {
    const lines = linesOf(inits);
    const expected = groupByProject(lines).every(([, ls]) => !needsClean(ls[0].unitCode) && !needsClean(ls[0].projectCode));
    expect(projectCodesClean(lines)).toBe(expected);
  }), { numRuns: 300 });
});

test('a hundred thousand projects of one unit, written apart, are each found again', () => {
  const lines = [];
  for (let p = 0; p < 100_000; p++) lines.push(line({ unitCode: '101', projectCode: `P${p}`, kind: 'project' }));
  for (let p = 0; p < 100_000; p += 7) lines.push(line({ unitCode: '101', projectCode: `P${p}`, kind: 'project', row: 9 }));
  const groups = groupByProject(lines);
  expect(groups).toHaveLength(100_000);
  expect(groups[7][1].map((l) => l.row)).toEqual([4, 9]);
  expect(groups[8][1]).toHaveLength(1);
});

