import { checkWorkbooks } from '../../../src/core/check';
import { grid } from './helpers';

const header = ['单位名称', '项目编码', '项目名称', '功能分类科目', '经济分类科目', '金额', '测算依据', '绩效目标'];
const detail = (unit: string, code: string) =>
  grid('明细', [['单位：元'], header, [unit, code, '项目', '2010101', '30227', 100, '依据', '目标']]);
const library = (codes: string[]) => grid('项目库', [['项目编码', '项目名称'], ...codes.map((c) => [c, '项目'])]);

const notInLibrary = (r: ReturnType<typeof checkWorkbooks>) =>
  r.findings.filter((f) => f.rule === 'ZBB.NOT_IN_LIBRARY').map((f) => `${f.location.file}:${f.unit?.name}`);

test('a workbook\'s own 项目库 judges only its own projects', () => {
  const r = checkWorkbooks([
    { file: 'a.xlsx', sheets: [detail('甲局', 'A1'), library(['A2'])] },
    { file: 'b.xlsx', sheets: [detail('乙局', 'B1')] },
  ]);
  expect(notInLibrary(r)).toEqual(['a.xlsx:甲局']);
});

test('a 项目库 workbook without budget lines applies to every input of the run', () => {
  const r = checkWorkbooks([
    { file: 'a.xlsx', sheets: [detail('甲局', 'A1')] },
    { file: 'b.xlsx', sheets: [detail('乙局', 'B1')] },
    { file: '项目库.xlsx', sheets: [library(['A1'])] },
  ]);
  expect(notInLibrary(r)).toEqual(['b.xlsx:乙局']);
});
