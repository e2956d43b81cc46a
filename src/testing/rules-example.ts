/**
 * The consolidated example workbook that triggers every rule family at least once (issue 3).
 * Pure: it returns grids; scripts/make-rules-example.ts writes them to examples/ and the tests read
 * both. Amounts are in 元. Each planted problem is commented where it is planted.
 */
import type { Cell, Grid, WorkbookGrids } from '../core/grid';

export const RULES_EXAMPLE_FILE = '规则示例-县级汇总.xlsx';

const HEADER = [
  '单位编码', '单位名称', '单位性质', '支出类型', '项目编码', '项目名称', '功能分类科目编码', '功能分类科目名称',
  '经济分类科目编码', '经济分类科目名称', '资金来源', '本年预算数', '上年执行率', '上年绩效评价得分', '三保类型',
  '是否PPP', '是否批准', '测算依据', '绩效目标',
];

const GEN = '一般公共预算拨款';

interface Row {
  unit: [string, string, string];
  kind: string;
  project?: [string, string];
  fn: [string, string];
  econ: [string, string];
  amount: Cell;
  exec?: Cell;
  score?: Cell;
  sanbao?: string;
  ppp?: string;
  approved?: string;
  basis?: string;
  goal?: string;
}

const EDU: [string, string, string] = ['101001', '县教育局', '行政单位'];
const SCHOOL: [string, string, string] = ['101002', '县第一中学', '事业单位'];
const HEALTH: [string, string, string] = ['102001', '县卫健委', '行政单位'];
const FIN: [string, string, string] = ['103001', '县财政局', '行政单位'];

const BASIS = '按标准和工作量测算，附测算表';
const GOAL = '产出：完成年度任务；效益：服务对象满意度≥90%';

function row(r: Row): Cell[] {
  return [
    r.unit[0], r.unit[1], r.unit[2], r.kind, r.project?.[0] ?? null, r.project?.[1] ?? null, r.fn[0], r.fn[1], r.econ[0], r.econ[1],
    GEN, r.amount, r.exec ?? null, r.score ?? null, r.sanbao ?? null, r.ppp ?? null, r.approved ?? null, r.basis ?? null, r.goal ?? null,
  ];
}

/** Current-year lines (2025). */
const CURRENT: Row[] = [
  // 县教育局: 一般性支出 rises (GENERAL_CUT), 公务接待费 rises (THREE_PUBLIC over limit + item increase).
  { unit: EDU, kind: '人员经费', fn: ['2050101', '行政运行'], econ: ['30101', '基本工资'], amount: 1000000, sanbao: '保工资' },
  { unit: EDU, kind: '公用经费', fn: ['2050101', '行政运行'], econ: ['30201', '办公费'], amount: 100000 },
  { unit: EDU, kind: '公用经费', fn: ['2050101', '行政运行'], econ: ['30211', '差旅费'], amount: 50000 },
  { unit: EDU, kind: '公用经费', fn: ['2050101', '行政运行'], econ: ['30217', '公务接待费'], amount: 30000 },
  { unit: EDU, kind: '公用经费', fn: ['2050101', '行政运行'], econ: ['30201', '办公费'], amount: 10000 }, // DUPLICATE_LINE
  { unit: EDU, kind: '项目支出', project: ['P001', '学生资助'], fn: ['2050202', '小学教育'], econ: ['30308', '助学金'], amount: 2000000, exec: 0.95, score: 92, basis: BASIS, goal: GOAL },
  // Execution 55% < 80% and not cut: UNDERPERFORMER_NOT_CUT.
  { unit: EDU, kind: '项目支出', project: ['P002', '校舍维修'], fn: ['2050202', '小学教育'], econ: ['30213', '维修（护）费'], amount: 500000, exec: '55%', score: 85, basis: BASIS, goal: GOAL },
  // 县第一中学
  { unit: SCHOOL, kind: '人员经费', fn: ['2050203', '初中教育'], econ: ['30101', '基本工资'], amount: 800000, sanbao: '保工资' },
  { unit: SCHOOL, kind: '人员经费', fn: ['2050203', '初中教育'], econ: ['30107', '绩效工资'], amount: 400000, sanbao: '保工资' },
  { unit: SCHOOL, kind: '人员经费', fn: ['2050203', '初中教育'], econ: ['30216', '培训费'], amount: 20000 }, // KIND_CODE_MISMATCH
  { unit: SCHOOL, kind: '公用经费', fn: ['2050203', '初中教育'], econ: ['30201', '印刷费'], amount: 60000 }, // CODE_NAME_MISMATCH
  { unit: SCHOOL, kind: '项目支出', project: ['P003', '教学设备购置'], fn: ['2050203', '初中教育'], econ: ['31003', '专用设备购置'], amount: 300000, exec: 0.9, score: 88, goal: GOAL }, // BASIS_MISSING
  // No project code (NOT_IN_LIBRARY), no goal (GOAL_MISSING), same as last year (BASE_CARRYOVER).
  { unit: SCHOOL, kind: '项目支出', project: ['', '校园安保服务'], fn: ['2050203', '初中教育'], econ: ['30227', '委托业务费'], amount: 120000, basis: BASIS },
  // 县卫健委: unapproved car purchase (VEHICLE_PURCHASE), 三公 over limit, car item increase.
  { unit: HEALTH, kind: '人员经费', fn: ['2100101', '行政运行'], econ: ['30101', '基本工资'], amount: 600000, sanbao: '保工资' },
  { unit: HEALTH, kind: '公用经费', fn: ['2100101', '行政运行'], econ: ['30201', '办公费'], amount: 80000 },
  { unit: HEALTH, kind: '公用经费', fn: ['2100101', '行政运行'], econ: ['30231', '公务用车运行维护费'], amount: 60000 },
  { unit: HEALTH, kind: '项目支出', project: ['P004', '公务用车更新'], fn: ['2100101', '行政运行'], econ: ['31013', '公务用车购置'], amount: 200000, approved: '否', basis: BASIS, goal: GOAL },
  // Not in the 项目库 (NOT_IN_LIBRARY); performance grade 中 and not cut (UNDERPERFORMER_NOT_CUT).
  { unit: HEALTH, kind: '项目支出', project: ['P005', '重大疾病防控'], fn: ['2100401', '疾病预防控制机构'], econ: ['30218', '专用材料费'], amount: 1100000, exec: 0.9, score: '中', basis: BASIS, goal: GOAL },
  // 县财政局: 一般性支出 cut 2.4% < 5%; PPP above 10%; bond interest short; bad and odd cells.
  { unit: FIN, kind: '人员经费', fn: ['2010601', '行政运行'], econ: ['30101', '基本工资'], amount: 4000000, sanbao: '保工资' },
  { unit: FIN, kind: '公用经费', fn: ['2010601', '行政运行'], econ: ['30201', '办公费'], amount: 300000 },
  { unit: FIN, kind: '公用经费', fn: ['2010601', '行政运行'], econ: ['30211', '差旅费'], amount: 100000 },
  { unit: FIN, kind: '公用经费', fn: ['2999999', '其他支出'], econ: ['30299', '其他商品和服务支出'], amount: 10000 }, // UNKNOWN_CODE (类 299)
  { unit: FIN, kind: '公用经费', fn: ['2010601', '行政运行'], econ: ['302', '商品和服务支出'], amount: 5000 }, // CODE_LEVEL
  { unit: FIN, kind: '公用经费', fn: ['2010601', '行政运行'], econ: ['30240', '税金及附加费用'], amount: -5000 }, // NEGATIVE_AMOUNT
  { unit: FIN, kind: '项目支出', project: ['P006', '城区污水处理PPP项目'], fn: ['2120399', '其他城乡社区公共设施支出'], econ: ['31005', '基础设施建设'], amount: 3000000, ppp: '是', exec: 1, score: 95, basis: BASIS, goal: GOAL },
  { unit: FIN, kind: '项目支出', project: ['P007', '政府一般债券付息'], fn: ['2320301', '地方政府一般债券付息支出'], econ: ['30701', '国内债务付息'], amount: 800000, exec: 1, score: 95, basis: BASIS, goal: GOAL },
];

/** Prior-year lines (2024), matched on unit, kind, codes, project and fund source. */
const PRIOR: Row[] = [
  { unit: EDU, kind: '人员经费', fn: ['2050101', '行政运行'], econ: ['30101', '基本工资'], amount: 1000000 },
  { unit: EDU, kind: '公用经费', fn: ['2050101', '行政运行'], econ: ['30201', '办公费'], amount: 100000 },
  { unit: EDU, kind: '公用经费', fn: ['2050101', '行政运行'], econ: ['30211', '差旅费'], amount: 55000 },
  { unit: EDU, kind: '公用经费', fn: ['2050101', '行政运行'], econ: ['30217', '公务接待费'], amount: 20000 },
  { unit: EDU, kind: '项目支出', project: ['P001', '学生资助'], fn: ['2050202', '小学教育'], econ: ['30308', '助学金'], amount: 2200000 },
  { unit: EDU, kind: '项目支出', project: ['P002', '校舍维修'], fn: ['2050202', '小学教育'], econ: ['30213', '维修（护）费'], amount: 400000 },
  { unit: SCHOOL, kind: '人员经费', fn: ['2050203', '初中教育'], econ: ['30101', '基本工资'], amount: 800000 },
  { unit: SCHOOL, kind: '人员经费', fn: ['2050203', '初中教育'], econ: ['30107', '绩效工资'], amount: 400000 },
  { unit: SCHOOL, kind: '公用经费', fn: ['2050203', '初中教育'], econ: ['30201', '办公费'], amount: 100000 },
  { unit: SCHOOL, kind: '项目支出', project: ['P003', '教学设备购置'], fn: ['2050203', '初中教育'], econ: ['31003', '专用设备购置'], amount: 350000 },
  { unit: SCHOOL, kind: '项目支出', project: ['', '校园安保服务'], fn: ['2050203', '初中教育'], econ: ['30227', '委托业务费'], amount: 120000 },
  { unit: HEALTH, kind: '人员经费', fn: ['2100101', '行政运行'], econ: ['30101', '基本工资'], amount: 600000 },
  { unit: HEALTH, kind: '公用经费', fn: ['2100101', '行政运行'], econ: ['30201', '办公费'], amount: 80000 },
  { unit: HEALTH, kind: '公用经费', fn: ['2100101', '行政运行'], econ: ['30231', '公务用车运行维护费'], amount: 50000 },
  { unit: HEALTH, kind: '项目支出', project: ['P005', '重大疾病防控'], fn: ['2100401', '疾病预防控制机构'], econ: ['30218', '专用材料费'], amount: 1000000 },
  // Dropped this year (ZBB.DROPPED_LINE).
  { unit: HEALTH, kind: '项目支出', project: ['P008', '爱国卫生运动'], fn: ['2100401', '疾病预防控制机构'], econ: ['30227', '委托业务费'], amount: 150000 },
  { unit: FIN, kind: '人员经费', fn: ['2010601', '行政运行'], econ: ['30101', '基本工资'], amount: 4000000 },
  { unit: FIN, kind: '公用经费', fn: ['2010601', '行政运行'], econ: ['30201', '办公费'], amount: 300000 },
  { unit: FIN, kind: '公用经费', fn: ['2010601', '行政运行'], econ: ['30211', '差旅费'], amount: 120000 },
  { unit: FIN, kind: '公用经费', fn: ['2010601', '行政运行'], econ: ['30207', '邮电费'], amount: '待定' }, // BAD_AMOUNT (in the prior sheet)
  { unit: FIN, kind: '项目支出', project: ['P006', '城区污水处理PPP项目'], fn: ['2120399', '其他城乡社区公共设施支出'], econ: ['31005', '基础设施建设'], amount: 3000000 },
  { unit: FIN, kind: '项目支出', project: ['P007', '政府一般债券付息'], fn: ['2320301', '地方政府一般债券付息支出'], econ: ['30701', '国内债务付息'], amount: 800000 },
];

function sum(rows: Row[]): number {
  let fen = 0;
  for (const r of rows) if (typeof r.amount === 'number') fen += Math.round(r.amount * 100);
  return fen / 100;
}

function detail(name: string, title: string, rows: Row[], total: number): Grid {
  const cells: Cell[][] = [[title], ['编制单位：县财政局汇总', null, null, null, null, null, null, null, null, null, null, '单位：元'], HEADER];
  for (const r of rows) cells.push(row(r));
  const totalRow: Cell[] = new Array(HEADER.length).fill(null);
  totalRow[0] = '合计';
  totalRow[11] = total;
  cells.push(totalRow);
  return { name, cells };
}

/** The workbook. `currentTotal` is the 合计 row of 预算明细, planted 100 元 off (DATA.TOTAL_MISMATCH). */
export function rulesExampleWorkbook(): WorkbookGrids {
  const current = detail('预算明细', '2025年县级部门预算明细表（汇总）', CURRENT, sum(CURRENT) + 100);
  const prior = detail('上年预算', '2024年县级部门预算明细表（汇总）', PRIOR, sum(PRIOR));
  // A second detail sheet without a unit line and without 经济分类: UNIT_UNKNOWN + MISSING_COLUMN.
  const extra: Grid = {
    name: '补充明细',
    cells: [['单位名称', '支出类型', '功能分类科目', '金额'], ['县财政局', '公用经费', '2010601', 1000]],
  };
  const library: Grid = {
    name: '项目库',
    cells: [['项目编码', '项目名称'], ['P001', '学生资助'], ['P002', '校舍维修'], ['P003', '教学设备购置'], ['P004', '公务用车更新'], ['P006', '城区污水处理PPP项目'], ['P007', '政府一般债券付息']],
  };
  const needs: Grid = {
    name: '三保需求',
    cells: [
      ['单位：元'],
      ['单位', '三保类型', '需求数'],
      ['县教育局', '保工资', 1100000], // budget 1,000,000: SHORTFALL
      ['101002', '003001', 1200000], // exactly met: passes
      ['县卫健委', '保运转', 100000], // 140,000 budgeted: passes
    ],
  };
  const bonds: Grid = {
    name: '债券付息',
    cells: [['单位：元'], ['债券名称', '应付利息'], ['2019年一般债券（一期）', 600000], ['2021年一般债券（三期）', 400000], ['合计', 1000000]],
  };
  const settings: Grid = {
    name: '规则设置',
    cells: [['参数', '值'], ['启用行政经费压减', '是'], ['行政经费压减比例', '30%'], ['一般性支出压减比例', '5%']],
  };
  const explanations: Grid = {
    name: '审核说明',
    cells: [
      ['规则', '单位', '位置', '说明'],
      ['THREE_PUBLIC.VEHICLE_PURCHASE', '102001', "'预算明细'!L20", '公务用车更新已报县政府常务会议研究，批文待印发'],
    ],
  };
  return { file: RULES_EXAMPLE_FILE, sheets: [current, prior, extra, library, needs, bonds, settings, explanations] };
}
