import { checkStatus, groupFindings, validateRules, withExplanations } from '../../src/taskpane/model';
import type { Finding } from '../../src/core/findings';
import type { CheckReport } from '../../src/core/check';

const f = (rule: Finding['rule'], severity: Finding['severity'], unit: string, cell: string): Finding => ({ rule, severity, unit: { name: unit }, location: { file: 'a.xlsx', sheet: '明细', cell, row: Number(cell.slice(1)) }, message: `${unit} ${rule}` });

test('groups by rule or unit with counts, errors first, filtered by severity', () => {
  const list = [f('DATA.NEGATIVE_AMOUNT', 'warning', '甲', 'E2'), f('DATA.BAD_AMOUNT', 'error', '乙', 'E3'), f('DATA.BAD_AMOUNT', 'error', '甲', 'E4'), f('ZBB.NEW_LINE', 'info', '甲', 'E5')];
  const byRule = groupFindings(list, 'rule', new Set(['error', 'warning']));
  expect(byRule.map((g) => [g.title, g.findings.length, g.counts.error])).toEqual([['金额无法识别', 2, 2], ['负数金额', 1, 0]]);
  const byUnit = groupFindings(list, 'unit', new Set(['error', 'warning', 'info']));
  expect(byUnit.map((g) => [g.key, g.counts])).toEqual([['甲', { error: 1, warning: 1, info: 1 }], ['乙', { error: 1, warning: 0, info: 0 }]]);
});

test('rule parameters are validated by the core schema, with Chinese messages', () => {
  expect(validateRules({ preset: 'tight', rules: {} }).config!.generalCut.rate).toBe(0.1);
  const bad = validateRules({ preset: 'default', rules: { generalCut: { rate: 1.5 } } });
  expect(bad.config).toBeNull();
  expect(bad.error).toContain('一般性支出压减比例');
});

test('explanations typed in the pane mark their finding as explained, errors stay errors', () => {
  const finding = f('DATA.BAD_AMOUNT', 'error', '甲', 'E4');
  const report = { findings: [finding, f('DATA.BAD_AMOUNT', 'error', '甲', 'E5')] } as unknown as CheckReport;
  const out = withExplanations(report, new Map([['k', { finding, text: '已与单位核实' }]]));
  expect(out.findings[0]).toMatchObject({ explained: true, explanation: '已与单位核实', severity: 'error' });
  expect(out.findings[1].explained).toBeUndefined();
});

test('the check banner is a warning with counts when errors were found, never a green success', () => {
  expect(checkStatus('审核完成', { errors: 3, warnings: 1, infos: 0 })).toEqual({ kind: 'warning', text: '审核完成：发现 3 个错误，请逐条核对（错误 3 条，警告 1 条，提示 0 条）。' });
  expect(checkStatus('审核完成', { errors: 0, warnings: 2, infos: 5 }).kind).toBe('info');
  expect(checkStatus('审核完成', { errors: 0, warnings: 0, infos: 5 })).toMatchObject({ kind: 'success', text: expect.stringContaining('提示 5 条') });
  // A part not checked is never the green "clean" banner.
  const notChecked = { rule: 'PERF.NOT_CHECKED', severity: 'info', location: { file: 'a.xlsx' }, message: '' } as const;
  expect(checkStatus('审核完成', { errors: 0, warnings: 0, infos: 1 }, [notChecked])).toEqual({ kind: 'info', text: '审核完成：未发现错误或警告，但有 1 项未能检查（见提示，不视为通过）（错误 0 条，警告 0 条，提示 1 条）。' });
});
