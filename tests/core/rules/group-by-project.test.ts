/**
 * groupByProject and its ProjectIndex (hashed keys over typed arrays) against their definition: the
 * groups of groupLines(lines, projectGroupKey) in first-seen order, keyed by unit key + project key
 * (SPEC §7), whatever order the lines come in and however the codes and names are left blank.
 */
import fc from 'fast-check';
import { groupByProject, groupLines, projectCodesClean, projectGroupKey, projectIndexOf } from '../../../src/core/rules/finding-helpers';
import { projectKey, unitKey } from '../../../src/core/lines';
import { needsClean } from '../../../src/core/text';
import { hashText } from '../../../src/core/key-table';
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

test('two units whose key hashes collide stay two projects', () => {
  // A birthday search over unit codes finds two whose FNV-1a hashes meet: then every project key
  // hashes alike under both, and only the exact comparison tells them apart.
  const seen = new Map<number, string>();
  let pair: [string, string] | null = null;
  for (let n = 0; pair === null; n++) {
    const code = `U${n}`;
    const h = hashText(code);
    const other = seen.get(h);
    if (other !== undefined) pair = [other, code];
    else seen.set(h, code);
  }
  const [a, b] = pair;
  expect(hashText('P1', hashText(a))).toBe(hashText('P1', hashText(b)));
  const lines = [line({ unitCode: a, projectCode: 'P1', kind: 'project' }), line({ unitCode: b, projectCode: 'P1', kind: 'project' }), line({ unitCode: a, projectCode: 'P1', kind: 'project', row: 9 })];
  const groups = groupByProject(lines);
  expect(groups.map(([, ls]) => ls.map((l) => l.unitCode))).toEqual([[a, a], [b]]);
  expect(projectIndexOf(lines).get(b, 'P1')).toBe(groups[1]);
});
