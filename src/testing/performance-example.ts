/**
 * Example workbook of 项目绩效目标 (issue 16): a 预算明细 sheet, a 绩效目标表 in the national block
 * layout (县教育局) and a 预算管理一体化-style indicator list (县卫健委). Pure: it returns grids;
 * scripts/make-performance-example.ts writes them to examples/ and the tests read both. Amounts in 元.
 * Each planted problem is commented where it is planted.
 */
import type { Cell, Grid, MergeRange, WorkbookGrids } from '../core/grid';

export const PERFORMANCE_EXAMPLE_FILE = '绩效示例-县级项目.xlsx';

const DETAIL_HEADER = ['单位编码', '单位名称', '支出类型', '项目编码', '项目名称', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数', '测算依据', '绩效目标'];
const GEN = '一般公共预算拨款';
const BASIS = '按标准和工作量测算';
const EDU = ['101001', '县教育局'] as const;
const HEALTH = ['102001', '县卫健委'] as const;

type DetailRow = [unit: readonly [string, string], code: string, name: string, fn: string, econ: string, fund: string, amount: number, goal: string];

const DETAIL: DetailRow[] = [
  [EDU, 'P001', '校舍维修', '2050202', '30213', GEN, 600000, '完成 3 所小学校舍维修'],
  [EDU, 'P002', '课后服务', '2050202', '30227', GEN, 300000, '提升课后服务水平'],
  [EDU, 'P003', '教研活动', '2050202', '30215', GEN, 200000, '开展教研活动'],
  [EDU, 'P004', '教师培训', '2050202', '30216', GEN, 150000, '培训教师 300 人次'],
  // No 绩效目标 block at all: PERF.NOT_COVERED, and 县教育局 is not fully covered (PERF.COVERAGE).
  [EDU, 'P005', '智慧校园', '2050202', '31007', GEN, 500000, '建设智慧校园平台'],
  [HEALTH, 'P101', '基本公共卫生服务', '2100408', '30227', GEN, 700000, '为辖区居民提供基本公共卫生服务'],
  [HEALTH, 'P101', '基本公共卫生服务', '2100408', '30227', '政府性基金预算拨款', 100000, '为辖区居民提供基本公共卫生服务'],
  [HEALTH, 'P102', '疾病预防控制', '2100401', '30218', GEN, 400000, '做好传染病防控'],
];

function detailSheet(): Grid {
  const cells: Cell[][] = [['2025年县级项目支出预算明细表'], [null, null, null, null, null, null, null, null, '单位：元'], DETAIL_HEADER];
  for (const [u, code, name, fn, econ, fund, amount, goal] of DETAIL) cells.push([u[0], u[1], '项目支出', code, name, fn, econ, fund, amount, BASIS, goal]);
  return { name: '预算明细', cells };
}

type GridRow = [level1: string, level2: string, name: string, value: string];

interface Block {
  name: string;
  code: string;
  totalYuan: number;
  fiscalYuan: number;
  goal: string;
  grid: GridRow[];
}

const GOOD_GRID: GridRow[] = [
  ['产出指标', '数量指标', '维修校舍面积', '≥1200平方米'],
  ['产出指标', '质量指标', '工程验收合格率', '100%'],
  ['产出指标', '时效指标', '完工时间', '2025年8月31日前'],
  ['产出指标', '成本指标', '维修总成本', '≤60万元'],
  ['效益指标', '社会效益指标', '消除校舍安全隐患', '3处'],
  ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%'],
];

const BLOCKS: Block[] = [
  // Good: every level, every value measurable, funds tie to the 分.
  { name: '校舍维修', code: 'P001', totalYuan: 600000, fiscalYuan: 600000, goal: '完成 3 所小学校舍维修，消除安全隐患', grid: GOOD_GRID },
  // Vague: adjectives instead of values (PERF.VAGUE_VALUE ×4), and no 满意度 for an education project (PERF.LEVEL_MISSING).
  {
    name: '课后服务', code: 'P002', totalYuan: 300000, fiscalYuan: 300000, goal: '提升课后服务水平',
    grid: [
      ['产出指标', '数量指标', '参加课后服务学生', '若干'],
      ['产出指标', '质量指标', '课后服务质量', '明显提升'],
      ['产出指标', '时效指标', '服务开展时间', '及时'],
      ['效益指标', '社会效益指标', '减轻家长接送负担', '有所改善'],
    ],
  },
  // Copied: the grid of 校舍维修 pasted unchanged (PERF.COPIED); its ≤60万元 cost exceeds 20万元 (PERF.COST_EXCEEDS).
  { name: '教研活动', code: 'P003', totalYuan: 200000, fiscalYuan: 200000, goal: '开展教研活动', grid: GOOD_GRID },
  // Funds that do not tie: 16 万元 in the goal table, 15 万元 in the budget (PERF.FUNDS_MISMATCH ×2).
  {
    name: '教师培训', code: 'P004', totalYuan: 160000, fiscalYuan: 160000, goal: '培训教师 300 人次',
    grid: [
      ['产出指标', '数量指标', '培训教师人次', '≥300人次'],
      ['产出指标', '质量指标', '培训考核合格率', '≥95%'],
      ['效益指标', '社会效益指标', '教师教学能力考核', '达标'],
      ['满意度指标', '服务对象满意度指标', '参训教师满意度', '≥90%'],
    ],
  },
];

/** The national 项目支出绩效目标表 layout, one block per project, 一级/二级 merged down. */
function blockSheet(): Grid {
  const cells: Cell[][] = [['2025年项目支出绩效目标表'], ['单位：万元']];
  const merges: MergeRange[] = [{ top: 0, left: 0, bottom: 0, right: 4 }];
  for (const b of BLOCKS) {
    const top = cells.length;
    cells.push(['项目名称', b.name, null, '项目编码', b.code]);
    cells.push(['主管部门', EDU[1], null, '实施单位', EDU[1]]);
    cells.push(['项目资金', '年度资金总额', b.totalYuan / 10000]);
    cells.push([null, '其中：财政拨款', b.fiscalYuan / 10000]);
    cells.push([null, '其他资金', (b.totalYuan - b.fiscalYuan) / 10000]);
    cells.push(['年度绩效目标', b.goal]);
    cells.push(['绩效指标', '一级指标', '二级指标', '三级指标', '指标值']);
    merges.push({ top: top + 2, left: 0, bottom: top + 4, right: 0 }, { top: top + 5, left: 1, bottom: top + 5, right: 4 });
    const gridTop = cells.length;
    let prev1 = '';
    let start1 = gridTop;
    b.grid.forEach(([l1, l2, name, value], i) => {
      cells.push([null, l1 === prev1 ? null : l1, l2, name, value]);
      if (l1 !== prev1) {
        if (i > 0 && cells.length - 2 > start1) merges.push({ top: start1, left: 1, bottom: cells.length - 2, right: 1 });
        start1 = cells.length - 1;
        prev1 = l1;
      }
    });
    if (cells.length - 1 > start1) merges.push({ top: start1, left: 1, bottom: cells.length - 1, right: 1 });
    merges.push({ top: gridTop - 1, left: 0, bottom: cells.length - 1, right: 0 });
    cells.push([]);
  }
  return { name: '项目支出绩效目标表', cells, merges };
}

type ListRow = [project: string, amount: number | null, goal: string, level1: string, level2: string, name: string, op: string, value: string, measure: string];

const LIST: ListRow[] = [
  ['基本公共卫生服务', 800000, '为辖区居民提供基本公共卫生服务', '产出指标', '数量指标', '建立居民健康档案', '≥', '12000', '份'],
  ['', null, '', '产出指标', '质量指标', '电子健康档案建档率', '≥', '90', '%'],
  ['', null, '', '产出指标', '时效指标', '服务完成时限', '≤', '12', '月'],
  ['', null, '', '效益指标', '社会效益指标', '重点人群健康管理率', '≥', '70', '%'],
  ['', null, '', '满意度指标', '服务对象满意度指标', '居民满意度', '≥', '85', '%'],
  // No 效益指标 (PERF.LEVEL_MISSING) and one vague value (PERF.VAGUE_VALUE).
  ['疾病预防控制', 400000, '做好传染病防控', '产出指标', '数量指标', '免疫规划疫苗接种人次', '≥', '20000', '人次'],
  ['', null, '', '产出指标', '质量指标', '传染病报告及时性', '', '有所改善', ''],
  ['', null, '', '满意度指标', '服务对象满意度指标', '群众满意度', '≥', '85', '%'],
  // Not among the budget lines (PERF.UNLINKED).
  ['老年人健康体检', 50000, '为65岁以上老人体检', '产出指标', '数量指标', '体检人数', '≥', '3000', '人'],
  ['', null, '', '效益指标', '社会效益指标', '慢病早发现率', '≥', '10', '%'],
  ['', null, '', '满意度指标', '服务对象满意度指标', '老人满意度', '≥', '90', '%'],
];

/** The 预算管理一体化 export columns: one indicator per row, project cells merged down. */
function listSheet(): Grid {
  const header = ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'];
  const cells: Cell[][] = [['部门预算项目绩效目标申报表（2025年度）'], ['金额单位：元'], header];
  const merges: MergeRange[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start >= 0 && end > start) for (const c of [0, 1, 2, 3]) merges.push({ top: start, left: c, bottom: end, right: c });
  };
  for (const [project, amount, goal, l1, l2, name, op, value, measure] of LIST) {
    if (project !== '') {
      close(cells.length - 1);
      start = cells.length;
      cells.push([`${HEALTH[0]}-${HEALTH[1]}`, project, amount, goal, l1, l2, name, op, value, measure]);
    } else cells.push([null, null, null, null, l1, l2, name, op, value, measure]);
  }
  close(cells.length - 1);
  return { name: '绩效指标清单', cells, merges };
}

export function performanceExampleWorkbook(): WorkbookGrids {
  return { file: PERFORMANCE_EXAMPLE_FILE, sheets: [detailSheet(), blockSheet(), listSheet()] };
}
