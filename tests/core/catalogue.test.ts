/**
 * The rule catalogue (issue 12 part 5): one row per code, every emitter declares its codes, and the
 * findings of real runs stay inside those declarations — their codes and their figure keys.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsx } from '../../src/cli/file-source';
import { CHECK_EMITS, checkWorkbooks } from '../../src/core/check';
import { DEFAULT_SEVERITY, RULE_IDS, RULE_TITLE_ZH } from '../../src/core/findings';
import type { Finding } from '../../src/core/findings';
import { FORMULAS_EMITS } from '../../src/core/formulas';
import { READER_EMITS } from '../../src/core/reader/workbook';
import { RULE_FAMILIES } from '../../src/core/rules';
import { FIGURE_KEYS, RULE_CATALOGUE, catalogueEntry, familyOf, figureKey } from '../../src/core/rules/catalogue';
import { SUPPORTING_EMITS } from '../../src/core/supporting';
import { FILLED_TABLES_EMITS } from '../../src/core/tables/filled';
import type { RuleContext, RuleFamily } from '../../src/core/context';
import { synthSheet } from '../../src/testing/synth';

/** Problems with findings against the catalogue: codes it does not list, figure keys their row does not declare. */
function outsideCatalogue(findings: ReadonlyArray<Finding>): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const entry = catalogueEntry(f.rule);
    if (!entry && !f.rule.startsWith('CUSTOM.')) out.push(`${f.rule}: not in the catalogue`);
    const allowed: ReadonlyArray<string> = entry ? entry.figures : Object.keys(FIGURE_KEYS);
    for (const k of Object.keys(f.figures ?? {})) if (!allowed.includes(k)) out.push(`${f.rule}: figure ${k} not declared`);
    if (entry && f.severity !== entry.severity && f.rule !== 'DATA.UNKNOWN_CODE' && f.rule !== 'DATA.MISSING_COLUMN' && !f.explained) {
      // Only the two rules SPEC §3 lets a case lower may differ from their row.
      out.push(`${f.rule}: severity ${f.severity}, catalogue ${entry.severity}`);
    }
  }
  return out;
}

describe('the catalogue', () => {
  test('derives RULE_IDS, DEFAULT_SEVERITY and RULE_TITLE_ZH, one row per code', () => {
    expect([...RULE_IDS]).toEqual(Object.keys(RULE_CATALOGUE));
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const id of RULE_IDS) {
      expect([id, DEFAULT_SEVERITY[id]]).toEqual([id, RULE_CATALOGUE[id].severity]);
      expect(RULE_TITLE_ZH[id]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(Object.values(RULE_TITLE_ZH)).size).toBe(RULE_IDS.length);
  });

  test('NOT_CHECKED is an info everywhere: “could not check” never reads as a violation or a pass', () => {
    for (const id of RULE_IDS.filter((r) => r.endsWith('.NOT_CHECKED'))) expect([id, RULE_CATALOGUE[id].severity]).toEqual([id, 'info']);
  });

  test('figure keys carry a Chinese label and a kind that matches their name', () => {
    for (const [key, { label, kind }] of Object.entries(FIGURE_KEYS)) {
      expect(label).toMatch(/[\u4e00-\u9fff]/);
      expect([key, kind === 'fen']).toEqual([key, key.endsWith('Fen')]);
    }
    expect(figureKey('actualFen')).toEqual({ label: '实际数', kind: 'fen' });
    expect(figureKey('某公式Fen')).toEqual({ label: '金额', kind: 'fen' });
    expect(figureKey('weird')).toEqual({ label: '数值', kind: 'number' });
  });

  test('every code is declared by exactly the emitters that produce it, and every family only its own prefix', () => {
    const declared = new Set<string>([
      ...RULE_FAMILIES.flatMap((f) => f.emits), ...READER_EMITS, ...FILLED_TABLES_EMITS, ...SUPPORTING_EMITS, ...FORMULAS_EMITS, ...CHECK_EMITS,
    ]);
    expect(RULE_IDS.filter((id) => !declared.has(id))).toEqual([]);
    for (const fam of RULE_FAMILIES) expect([fam.family, fam.emits.filter((c) => familyOf(c) !== fam.family)]).toEqual([fam.family, []]);
  });

  test('the checker itself rejects an undeclared code, figure key or severity', () => {
    const base = { location: { file: 'a.xlsx' }, message: 'x' };
    expect(outsideCatalogue([{ ...base, rule: 'DATA.BAD_AMOUNT', severity: 'error', figures: { actualFen: 1 } }])).toEqual(['DATA.BAD_AMOUNT: figure actualFen not declared']);
    expect(outsideCatalogue([{ ...base, rule: 'NOPE.X' as never, severity: 'error' }])).toEqual(['NOPE.X: not in the catalogue']);
    expect(outsideCatalogue([{ ...base, rule: 'PPP.OVER_CAP', severity: 'info' }])).toEqual(['PPP.OVER_CAP: severity info, catalogue error']);
    expect(outsideCatalogue([{ ...base, rule: 'CUSTOM.会议费', severity: 'error', figures: { actualFen: 1, left: 2 } }])).toEqual([]);
  });
});

describe('real runs stay inside the catalogue', () => {
  const examples = path.join(__dirname, '..', '..', 'examples');
  const files = fs.readdirSync(examples).filter((f) => f.endsWith('.xlsx')).sort();
  const spies: Array<{ fam: RuleFamily; produced: Finding[][] }> = [];
  const seenCodes = new Set<string>();

  beforeAll(() => {
    for (const fam of RULE_FAMILIES) {
      const produced: Finding[][] = [];
      const original = fam.run.bind(fam);
      jest.spyOn(fam, 'run').mockImplementation((ctx: RuleContext) => {
        const r = original(ctx);
        produced.push(r);
        return r;
      });
      spies.push({ fam, produced });
    }
  });
  afterAll(() => jest.restoreAllMocks());

  test.each(files.map((f) => [f]))('%s', async (file) => {
    const { grids } = await readXlsx(path.join(examples, file), file);
    const report = checkWorkbooks([grids]);
    for (const f of report.findings) seenCodes.add(f.rule);
    expect(outsideCatalogue(report.findings)).toEqual([]);
  });

  test('a synthetic county with planted errors', () => {
    const { grid } = synthSheet({ lines: 3000, units: 6, seed: 7, amountText: 0.1, subtotals: true, total: 'top' });
    const report = checkWorkbooks([{ file: 'synth.xlsx', sheets: [grid] }]);
    for (const f of report.findings) seenCodes.add(f.rule);
    expect(outsideCatalogue(report.findings)).toEqual([]);
  });

  test('the runs above exercise most of the catalogue (so the checks are not vacuous)', () => {
    expect(seenCodes.size).toBeGreaterThan(40);
  });

  test('each family emitted only the codes it declares', () => {
    let seen = 0;
    for (const { fam, produced } of spies) {
      const codes = new Set(produced.flat().map((f) => f.rule));
      seen += codes.size;
      expect([fam.family, [...codes].filter((c) => !fam.emits.includes(c as never))]).toEqual([fam.family, []]);
    }
    // The examples exercise most families: the check above is not vacuous.
    expect(seen).toBeGreaterThan(20);
  });
});
