/**
 * `check --per-unit-out`: each unit's review workbook carries that unit's own 绩效目标 rows (a block
 * sheet's project blocks, a list sheet's rows with its header), flagged and linked from its 审核结果
 * like detail rows, and no other unit's goal rows (src/core/per-unit.ts).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './run-cli';

const EXAMPLE = path.join(__dirname, '../../examples/绩效示例-县级项目.xlsx');
const RESULTS = '审核结果';

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A cell's value as text (a formula by its result), '' when blank. */
function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return text((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return String(v);
}

/** The texts of one row, trailing blanks dropped. */
function rowTexts(ws: ExcelJS.Worksheet | undefined, r: number): string[] {
  if (!ws) return [];
  const out: string[] = [];
  const row = ws.getRow(r);
  for (let c = 1; c <= Math.max(ws.columnCount, 12); c++) out.push(text(row.getCell(c).value));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

interface Link {
  sheet: string;
  cell: string;
  /** The 审核结果 row. */
  at: number;
}

/** Every finding row of 审核结果 with its 位置 (column D): its link, or null when it has none. */
function resultLinks(wb: ExcelJS.Workbook): Array<{ at: number; place: string; link: Link | null }> {
  const ws = wb.getWorksheet(RESULTS)!;
  const out: Array<{ at: number; place: string; link: Link | null }> = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(4).value;
    const place = text(v);
    const formula = v && typeof v === 'object' && 'formula' in v ? (v as ExcelJS.CellFormulaValue).formula : '';
    const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)"/.exec(formula);
    out.push({ at: r, place, link: m ? { sheet: m[1].replace(/''/g, "'"), cell: m[2], at: r } : null });
  }
  return out;
}

/** Links that point at no sheet, or at a cell with nothing written and no flag, of the same workbook. */
function brokenLinks(wb: ExcelJS.Workbook): string[] {
  const bad: string[] = [];
  for (const { at, place, link } of resultLinks(wb)) {
    // A finding of a cell (sheet!A1) must be a link; a workbook-level one (file only) has none.
    if (place.includes('!') && !link) bad.push(`${RESULTS}!D${at} ${place}: no link`);
    if (!link) continue;
    const ws = wb.getWorksheet(link.sheet);
    if (!ws) {
      bad.push(`${RESULTS}!D${at}: sheet ${link.sheet} missing`);
      continue;
    }
    const cell = ws.getCell(link.cell);
    if (!cell.note) bad.push(`${RESULTS}!D${at}: ${link.sheet}!${link.cell} not flagged`);
    if (rowTexts(ws, Number(/\d+$/.exec(link.cell)![0])).length === 0) bad.push(`${RESULTS}!D${at}: ${link.sheet}!${link.cell} on an empty row`);
  }
  return bad;
}

/** Rows ascending from..to. */
const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('per-unit workbooks carry the unit’s 绩效目标 rows (the example workbook)', () => {
  let dir: string;
  let input: ExcelJS.Workbook;
  const books = new Map<string, ExcelJS.Workbook>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-per-unit-perf-'));
    const r = await cli('check', EXAMPLE, '--per-unit-out', path.join(dir, 'units'), '--mkdir', '--jobs', '1');
    expect(r.stderr).toBe('');
    input = await load(EXAMPLE);
    for (const f of fs.readdirSync(path.join(dir, 'units'))) books.set(f, await load(path.join(dir, 'units', f)));
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('one workbook per unit', () => {
    expect([...books.keys()].sort()).toEqual(['101001 县教育局.xlsx', '102001 县卫健委.xlsx']);
  });

  test('县教育局 has its project blocks of 项目支出绩效目标表 as in the input, and no 绩效指标清单 (县卫健委’s)', () => {
    const wb = books.get('101001 县教育局.xlsx')!;
    const src = input.getWorksheet('项目支出绩效目标表');
    const got = wb.getWorksheet('项目支出绩效目标表');
    expect(got).toBeDefined();
    for (const r of span(1, 53)) expect({ r, v: rowTexts(got, r) }).toEqual({ r, v: rowTexts(src, r) });
    expect(wb.getWorksheet('绩效指标清单')).toBeUndefined();
  });

  test('县卫健委 has 绩效指标清单 (header and its rows) as in the input, and no 项目支出绩效目标表 (县教育局’s)', () => {
    const wb = books.get('102001 县卫健委.xlsx')!;
    const src = input.getWorksheet('绩效指标清单');
    const got = wb.getWorksheet('绩效指标清单');
    expect(got).toBeDefined();
    for (const r of span(1, 14)) expect({ r, v: rowTexts(got, r) }).toEqual({ r, v: rowTexts(src, r) });
    expect(wb.getWorksheet('项目支出绩效目标表')).toBeUndefined();
  });

  test('every finding of 审核结果 links to a flagged cell of the same workbook', () => {
    for (const [f, wb] of books) {
      expect({ f, broken: brokenLinks(wb) }).toEqual({ f, broken: [] });
      const links = resultLinks(wb).map((x) => x.link?.sheet);
      expect(links.length).toBeGreaterThan(0);
    }
    // The goal findings of the issue: 7 of 县教育局’s point into its goal sheet, 3 of 县卫健委’s (PERF.UNLINKED included).
    const goalLinks = (f: string, sheet: string) => resultLinks(books.get(f)!).filter((x) => x.link?.sheet === sheet).map((x) => x.link!.cell);
    expect(goalLinks('101001 县教育局.xlsx', '项目支出绩效目标表')).toEqual(expect.arrayContaining(['C45', 'C46', 'B17', 'E24', 'B29', 'E39']));
    expect(goalLinks('102001 县卫健委.xlsx', '绩效指标清单')).toEqual(['B9', 'I10', 'B12']);
  });
});

// ---- goal sheets of several units ---------------------------------------------------------------

const DETAIL_HEADER = ['单位编码', '单位名称', '支出类型', '项目编码', '项目名称', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数', '测算依据', '绩效目标'];

/** A 项目支出绩效目标表 block of one project (9 rows plus its indicators), then a blank row. */
function block(unit: string, code: string, name: string, wan: number | string, indicators: string[][]): Array<Array<string | number | null>> {
  return [
    ['项目名称', name, null, '项目编码', code],
    ['主管部门', unit, null, '实施单位', unit],
    ['项目资金', '年度资金总额', wan],
    ['项目资金', '其中：财政拨款', wan],
    ['项目资金', '其他资金', 0],
    ['年度绩效目标', `${name}的年度目标`],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
    ...indicators.map((i) => ['绩效指标', ...i]),
    [],
  ];
}

const GRID_A = [['产出指标', '数量指标', '培训教师人次', '≥300人次'], ['效益指标', '社会效益指标', '教学能力', '达标'], ['满意度指标', '服务对象满意度指标', '满意度', '≥90%']];
const GRID_B = [['产出指标', '数量指标', '接种人次', '≥20000人次'], ['效益指标', '社会效益指标', '发病率', '有所改善'], ['满意度指标', '服务对象满意度指标', '群众满意度', '≥85%']];
const GRID_C = [['产出指标', '数量指标', '演出场次', '≥12场'], ['效益指标', '社会效益指标', '观众人次', '≥5000人次']];
const GRID_D = [['产出指标', '数量指标', '某数量', '≥1个'], ['效益指标', '社会效益指标', '某效益', '达标']];

async function mixedWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const d = wb.addWorksheet('预算明细');
  d.addRow(['2025年县级项目支出预算明细表']);
  d.addRow(['单位：元']);
  d.addRow(DETAIL_HEADER);
  d.addRow(['101001', '县教育局', '项目支出', 'P001', '教师培训', '2050202', '30216', '一般公共预算拨款', 150000, '按标准测算', '培训教师']);
  d.addRow(['102001', '县卫健委', '项目支出', 'P101', '疾病预防控制', '2100401', '30218', '一般公共预算拨款', 400000, '按标准测算', '做好防控']);
  d.addRow(['101001', '县教育局', '项目支出', 'P002', '课后服务', '2050202', '30227', '一般公共预算拨款', 300000, '按标准测算', '课后服务']);
  d.addRow(['102001', '县卫健委', '项目支出', 'P102', '基本公共卫生服务', '2100408', '30227', '一般公共预算拨款', 700000, '按标准测算', '公共卫生']);
  const g = wb.addWorksheet('项目支出绩效目标表');
  g.addRow(['2025年项目支出绩效目标表']);
  g.addRow(['单位：万元']);
  // Rows 3–13 县教育局 (16 万元 against 15: FUNDS_MISMATCH), 14–24 县卫健委 (an unreadable 年度资金总额:
  // DATA.BAD_AMOUNT of no unit, on its block), 25–34 县文旅局 (unlinked, no line of that unit),
  // 35–44 a block naming no unit whose project the budget lacks.
  for (const r of block('县教育局', 'P001', '教师培训', 16, GRID_A)) g.addRow(r);
  for (const r of block('县卫健委', 'P101', '疾病预防控制', '40..0', GRID_B)) g.addRow(r);
  for (const r of block('103001-县文旅局', 'P301', '送戏下乡', 5, GRID_C)) g.addRow(r);
  const noUnit = block('', 'P999', '无主项目', 1, GRID_D);
  noUnit[1] = ['主管部门', null, null, '实施单位', null];
  for (const r of noUnit) g.addRow(r);
  const l = wb.addWorksheet('绩效指标清单');
  l.addRow(['部门预算项目绩效目标申报表（2025年度）']);
  l.addRow(['金额单位：元']);
  l.addRow(['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位']);
  // Rows 4–6 县卫健委, 7–9 县教育局.
  l.addRow(['102001-县卫健委', '基本公共卫生服务', 700000, '公共卫生', '产出指标', '数量指标', '建立居民健康档案', '≥', '12000', '份']);
  l.addRow(['102001-县卫健委', '基本公共卫生服务', 700000, '公共卫生', '效益指标', '社会效益指标', '健康管理率', '', '明显提升', '']);
  l.addRow(['102001-县卫健委', '基本公共卫生服务', 700000, '公共卫生', '满意度指标', '服务对象满意度指标', '居民满意度', '≥', '85', '%']);
  l.addRow(['101001-县教育局', '课后服务', 300000, '课后服务', '产出指标', '数量指标', '参加学生', '≥', '800', '人']);
  l.addRow(['101001-县教育局', '课后服务', 300000, '课后服务', '效益指标', '社会效益指标', '家长负担', '', '有所改善', '']);
  l.addRow(['101001-县教育局', '课后服务', 300000, '课后服务', '满意度指标', '服务对象满意度指标', '家长满意度', '≥', '90', '%']);
  await wb.xlsx.writeFile(file);
}

describe('goal sheets holding several units: each unit’s workbook has its own goals only', () => {
  let dir: string;
  let input: ExcelJS.Workbook;
  let json: { findings: Array<{ rule: string; unit?: { code?: string; name?: string }; location: { sheet?: string; cell?: string; row?: number } }> };
  const books = new Map<string, ExcelJS.Workbook>();
  const blocks = { edu: span(3, 12), health: span(14, 23), culture: span(25, 33), none: span(35, 43) };
  const lists = { health: span(4, 6), edu: span(7, 9) };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-per-unit-perf-mixed-'));
    const file = path.join(dir, '绩效.xlsx');
    await mixedWorkbook(file);
    const r = await cli('check', file, '--per-unit-out', path.join(dir, 'units'), '--jobs', '1', '--json');
    expect(r.stderr).toContain('已为 3 个单位分别写入审核工作簿');
    json = JSON.parse(r.stdout);
    input = await load(file);
    for (const f of fs.readdirSync(path.join(dir, 'units'))) books.set(f, await load(path.join(dir, 'units', f)));
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const same = (wb: ExcelJS.Workbook, sheet: string, rows: number[]) => {
    for (const r of rows) expect({ sheet, r, v: rowTexts(wb.getWorksheet(sheet), r) }).toEqual({ sheet, r, v: rowTexts(input.getWorksheet(sheet), r) });
  };
  const absent = (wb: ExcelJS.Workbook, sheet: string, rows: number[]) => {
    for (const r of rows) expect({ sheet, r, v: rowTexts(wb.getWorksheet(sheet), r) }).toEqual({ sheet, r, v: [] });
  };

  test('the fixture reads as meant: goals of three units, one of no unit, findings on each', () => {
    const at = (rule: string, sheet: string) => json.findings.filter((f) => f.rule === rule && f.location.sheet === sheet).map((f) => [f.location.cell, f.unit?.code ?? f.unit?.name ?? '']);
    expect(at('PERF.FUNDS_MISMATCH', '项目支出绩效目标表')).toContainEqual(['C5', '101001']);
    expect(at('DATA.BAD_AMOUNT', '项目支出绩效目标表')).toContainEqual(['C16', '']);
    expect(at('PERF.UNLINKED', '项目支出绩效目标表')).toEqual([['B25', '103001'], ['B35', '']]);
    expect(at('PERF.VAGUE_VALUE', '绩效指标清单')).toEqual([['I5', '102001'], ['I8', '101001']]);
    expect([...books.keys()].sort()).toEqual(['101001 县教育局.xlsx', '102001 县卫健委.xlsx', '103001 县文旅局.xlsx']);
  });

  test('县教育局: the frame, its block and its list rows; not 县卫健委’s, 县文旅局’s or the block of no unit', () => {
    const wb = books.get('101001 县教育局.xlsx')!;
    same(wb, '项目支出绩效目标表', [1, 2, ...blocks.edu]);
    absent(wb, '项目支出绩效目标表', [...blocks.health, ...blocks.culture, ...blocks.none]);
    same(wb, '绩效指标清单', [1, 2, 3, ...lists.edu]);
    absent(wb, '绩效指标清单', lists.health);
  });

  test('县卫健委: its block (with the unreadable amount flagged) and its list rows only', () => {
    const wb = books.get('102001 县卫健委.xlsx')!;
    same(wb, '项目支出绩效目标表', [1, 2, ...blocks.health]);
    absent(wb, '项目支出绩效目标表', [...blocks.edu, ...blocks.culture, ...blocks.none]);
    same(wb, '绩效指标清单', [1, 2, 3, ...lists.health]);
    absent(wb, '绩效指标清单', lists.edu);
    expect(wb.getWorksheet('项目支出绩效目标表')!.getCell('C16').note).toBeDefined();
  });

  test('县文旅局 (an unlinked goal naming it): its block only, and no detail rows of others', () => {
    const wb = books.get('103001 县文旅局.xlsx')!;
    same(wb, '项目支出绩效目标表', [1, 2, ...blocks.culture]);
    absent(wb, '项目支出绩效目标表', [...blocks.edu, ...blocks.health, ...blocks.none]);
    expect(wb.getWorksheet('绩效指标清单')).toBeUndefined();
    expect(wb.getWorksheet('预算明细')).toBeUndefined();
  });

  test('every unit’s findings link to flagged cells of its own workbook; the goal of no unit is in none', () => {
    for (const [f, wb] of books) {
      expect({ f, broken: brokenLinks(wb) }).toEqual({ f, broken: [] });
      const places = resultLinks(wb).map((x) => x.place);
      expect({ f, none: places.filter((p) => p.endsWith('!B35')) }).toEqual({ f, none: [] });
    }
    const cells = (f: string, sheet: string) => resultLinks(books.get(f)!).filter((x) => x.link?.sheet === sheet).map((x) => x.link!.cell);
    expect(cells('101001 县教育局.xlsx', '项目支出绩效目标表')).toContain('C5');
    expect(cells('102001 县卫健委.xlsx', '项目支出绩效目标表')).toContain('C16');
    expect(cells('103001 县文旅局.xlsx', '项目支出绩效目标表')).toContain('B25');
    expect(cells('101001 县教育局.xlsx', '绩效指标清单')).toEqual(['I8']);
    expect(cells('102001 县卫健委.xlsx', '绩效指标清单')).toEqual(['I5']);
  });
});

// ---- rows above a list's first goal that are no frame ------------------------------------------

/**
 * 预算明细 of two units, and a 绩效指标清单 whose rows 1–3 are title, unit line and header; row 4 an
 * indicator row of 县卫健委 before any project (the reader uses it for nothing: DATA.NOT_CHECKED),
 * row 5 a department line of 县卫健委; rows 6–7 县教育局’s goal, 8–9 县卫健委’s.
 */
async function strayRowWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const d = wb.addWorksheet('预算明细');
  d.addRow(['2025年县级项目支出预算明细表']);
  d.addRow(['单位：元']);
  d.addRow(DETAIL_HEADER);
  d.addRow(['101001', '县教育局', '项目支出', 'P002', '课后服务', '2050202', '30227', '一般公共预算拨款', 300000, '按标准测算', '课后服务']);
  d.addRow(['102001', '县卫健委', '项目支出', 'P102', '基本公共卫生服务', '2100408', '30227', '一般公共预算拨款', 700000, '按标准测算', '公共卫生']);
  const l = wb.addWorksheet('绩效指标清单');
  l.addRow(['部门预算项目绩效目标申报表（2025年度）']);
  l.addRow(['金额单位：元']);
  l.addRow(['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位']);
  l.addRow(['102001-县卫健委', null, null, null, '产出指标', '数量指标', '卫健委内部指标', '≥', '99', '%']);
  l.addRow(['102001-县卫健委', null, 8_800_000]);
  l.addRow(['101001-县教育局', '课后服务', 300000, '课后服务', '产出指标', '数量指标', '参加学生', '≥', '800', '人']);
  l.addRow(['101001-县教育局', '课后服务', 300000, '课后服务', '效益指标', '社会效益指标', '家长负担', '', '有所改善', '']);
  l.addRow(['102001-县卫健委', '基本公共卫生服务', 700000, '公共卫生', '产出指标', '数量指标', '建立居民健康档案', '≥', '12000', '份']);
  l.addRow(['102001-县卫健委', '基本公共卫生服务', 700000, '公共卫生', '效益指标', '社会效益指标', '健康管理率', '', '明显提升', '']);
  await wb.xlsx.writeFile(file);
}

describe('a list sheet with a stray indicator row of one unit above the first goal (another unit’s)', () => {
  const SHEET = '绩效指标清单';
  let dir: string;
  let input: ExcelJS.Workbook;
  let main: ExcelJS.Workbook;
  const books = new Map<string, ExcelJS.Workbook>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-per-unit-perf-stray-'));
    const file = path.join(dir, '绩效.xlsx');
    await strayRowWorkbook(file);
    const r = await cli('check', file, '--out', path.join(dir, 'review.xlsx'), '--per-unit-out', path.join(dir, 'units'), '--jobs', '1');
    expect(r.stdout).toContain('已为 2 个单位分别写入审核工作簿');
    input = await load(file);
    main = await load(path.join(dir, 'review.xlsx'));
    for (const f of fs.readdirSync(path.join(dir, 'units'))) books.set(f, await load(path.join(dir, 'units', f)));
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const same = (wb: ExcelJS.Workbook, rows: number[]) => {
    for (const r of rows) expect({ r, v: rowTexts(wb.getWorksheet(SHEET), r) }).toEqual({ r, v: rowTexts(input.getWorksheet(SHEET), r) });
  };
  const absent = (wb: ExcelJS.Workbook, rows: number[]) => {
    for (const r of rows) expect({ r, v: rowTexts(wb.getWorksheet(SHEET), r) }).toEqual({ r, v: [] });
  };
  const cells = (wb: ExcelJS.Workbook) => resultLinks(wb).filter((x) => x.link?.sheet === SHEET).map((x) => x.link!.cell);

  test('县教育局: title, unit line, header and its goal rows; not 县卫健委’s stray row, department line or goal', () => {
    const wb = books.get('101001 县教育局.xlsx')!;
    same(wb, [1, 2, 3, 6, 7]);
    absent(wb, [4, 5, 8, 9]);
    expect(cells(wb)).toEqual(['B6', 'I7']);
  });

  test('县卫健委: its frame and goal rows; the stray row (no project: no goal of anyone) is not in it either', () => {
    const wb = books.get('102001 县卫健委.xlsx')!;
    same(wb, [1, 2, 3, 8, 9]);
    absent(wb, [4, 5, 6, 7]);
    expect(cells(wb)).toEqual(['B8', 'I9']);
  });

  test('every unit’s links point at flagged cells of its own workbook, and none at the stray row', () => {
    for (const [f, wb] of books) {
      expect({ f, broken: brokenLinks(wb) }).toEqual({ f, broken: [] });
      expect({ f, stray: resultLinks(wb).filter((x) => x.place.endsWith('!G4')) }).toEqual({ f, stray: [] });
      expect(wb.getWorksheet(SHEET)!.getCell('G4').note).toBeUndefined();
    }
  });

  test('the --out review workbook keeps the sheet whole, the stray row flagged and linked', () => {
    for (let r = 1; r <= 9; r++) expect({ r, v: rowTexts(main.getWorksheet(SHEET), r) }).toEqual({ r, v: rowTexts(input.getWorksheet(SHEET), r) });
    expect(cells(main).sort()).toEqual(['B6', 'B8', 'G4', 'I7', 'I9']);
    expect(brokenLinks(main)).toEqual([]);
    expect(main.getWorksheet(SHEET)!.getCell('G4').note).toBeDefined();
  });
});

// ---- goals of a unit the run could not determine -----------------------------------------------

const GOAL_LIST_HEADER = ['单位编码', '单位名称', '项目编码', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'];
/** A goal of three indicator rows, its 效益 value vague. */
const goalRows = (code: string | null, name: string, project: string, projectName: string, fen: number) => [
  [code, name, project, projectName, fen, '产出指标', '数量指标', `${projectName}数量`, '≥100次'],
  [null, null, null, null, null, '效益指标', '社会效益指标', `${projectName}效益`, '有所改善'],
  [null, null, null, null, null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
];

/**
 * a.xlsx: 101001 as 县教育局 and 102001 县卫健委, and a 绩效目标 sheet: rows 2–4 a goal of
 * 101001-县文旅局, 5–7 one naming only 县卫健委 (a project the budget lacks), 8–10 102001's linked one.
 * b.xlsx: 101001 as 县文旅局 (so 101001's rows are unresolved in both files).
 */
async function conflictWorkbooks(a: string, b: string): Promise<void> {
  const wa = new ExcelJS.Workbook();
  const d = wa.addWorksheet('预算明细');
  d.addRow(['单位：元']);
  d.addRow(DETAIL_HEADER);
  d.addRow(['101001', '县教育局', '项目支出', 'P001', '校舍维修', '2050202', '30213', '一般公共预算拨款', 600000, '按标准测算', '完成']);
  d.addRow(['102001', '县卫健委', '项目支出', 'H01', '疾病防控', '2100401', '30227', '一般公共预算拨款', 400000, '按标准测算', '完成']);
  const g = wa.addWorksheet('绩效目标');
  g.addRow(GOAL_LIST_HEADER);
  for (const r of [...goalRows('101001', '县文旅局', 'C01', '送戏下乡', 50000), ...goalRows(null, '县卫健委', 'H99', '健康宣传', 80000), ...goalRows('102001', '县卫健委', 'H01', '疾病防控', 400000)]) g.addRow(r);
  await wa.xlsx.writeFile(a);
  const wb = new ExcelJS.Workbook();
  const e = wb.addWorksheet('预算明细');
  e.addRow(['单位：元']);
  e.addRow(DETAIL_HEADER);
  e.addRow(['101001', '县文旅局', '项目支出', 'C01', '送戏下乡', '2070109', '30227', '一般公共预算拨款', 50000, '按标准测算', '完成']);
  await wb.xlsx.writeFile(b);
}

describe('a goal of a unit whose code has two names is in no unit’s workbook; a goal naming its unit by name joins it', () => {
  const SHEET = '绩效目标';
  let dir: string;
  let input: ExcelJS.Workbook;
  let main: ExcelJS.Workbook;
  let json: { findings: Array<{ rule: string; unit?: { code?: string; name?: string }; location: { file: string; sheet?: string; cell?: string } }> };
  const books = new Map<string, ExcelJS.Workbook>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-per-unit-perf-conflict-'));
    const a = path.join(dir, 'a.xlsx');
    await conflictWorkbooks(a, path.join(dir, 'b.xlsx'));
    const r = await cli('check', a, path.join(dir, 'b.xlsx'), '--out', path.join(dir, 'review.xlsx'), '--per-unit-out', path.join(dir, 'units'), '--jobs', '1', '--json');
    expect(r.stderr).toContain('已为 1 个单位分别写入审核工作簿');
    json = JSON.parse(r.stdout);
    input = await load(a);
    main = await load(path.join(dir, 'review.xlsx'));
    for (const f of fs.readdirSync(path.join(dir, 'units'))) books.set(f, await load(path.join(dir, 'units', f)));
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Two inputs: a copied sheet's name carries its file's ("a-绩效目标" or the like).
  const goalSheet = (wb: ExcelJS.Workbook) => wb.worksheets.find((w) => w.name !== SHEET && w.name.endsWith(SHEET) && w.name.startsWith('a'));
  const cells = (wb: ExcelJS.Workbook) => resultLinks(wb).filter((x) => x.link?.sheet === goalSheet(wb)?.name).map((x) => x.link!.cell);

  test('the run: 101001 unresolved, its goal not checked and filed under no unit', () => {
    expect(json.findings.filter((f) => f.rule === 'DATA.UNIT_UNRESOLVED').length).toBe(2);
    const notChecked = json.findings.filter((f) => f.rule === 'PERF.NOT_CHECKED' && f.location.sheet === SHEET);
    expect(notChecked.map((f) => [f.location.cell, f.unit])).toEqual([['D2', undefined]]);
    expect(json.findings.find((f) => f.rule === 'PERF.UNLINKED')!.unit).toEqual({ code: '102001', name: '县卫健委' });
  });

  test('one workbook, 102001’s: none for 101001, none for the name 县卫健委', () => {
    expect([...books.keys()]).toEqual(['102001 县卫健委.xlsx']);
  });

  test('102001’s workbook: the header, the goal naming only 县卫健委 and its linked goal; not 101001’s goal', () => {
    const wb = books.get('102001 县卫健委.xlsx')!;
    for (const r of [1, ...span(5, 10)]) expect({ r, v: rowTexts(goalSheet(wb), r) }).toEqual({ r, v: rowTexts(input.getWorksheet(SHEET), r) });
    for (const r of span(2, 4)) expect({ r, v: rowTexts(goalSheet(wb), r) }).toEqual({ r, v: [] });
    expect(goalSheet(wb)).toBeDefined();
    expect(cells(wb).sort()).toEqual(['D5', 'I6', 'I9']);
    expect(brokenLinks(wb)).toEqual([]);
  });

  test('the --out review workbook keeps 101001’s goal, flagged and linked, counted under no unit', () => {
    for (let r = 1; r <= 10; r++) expect({ r, v: rowTexts(goalSheet(main), r) }).toEqual({ r, v: rowTexts(input.getWorksheet(SHEET), r) });
    expect(cells(main)).toEqual(expect.arrayContaining(['D2', 'I3', 'D5', 'I6', 'I9']));
    expect(goalSheet(main)!.getCell('D2').note).toBeDefined();
    expect(brokenLinks(main)).toEqual([]);
    // 单位汇总: 102001 and the row of findings of no unit; no row for 101001 or for the name.
    const units = main.getWorksheet('单位汇总')!;
    const listed = span(2, units.rowCount).map((r) => rowTexts(units, r).slice(0, 2).join(' '));
    expect(listed.slice(0, -1)).toEqual(['102001 县卫健委', ' （未归属单位，如整个文件的问题）']);
  });
});
