/**
 * Every rule parameter of SPEC §3/§7 as one zod schema with its default, plus the Chinese names used
 * in the 规则设置 sheet. Precedence: defaults < 规则设置 sheet < rules file (--rules) < pane settings.
 */
import { z } from 'zod';
import { MEASURABLE_WORDS, VAGUE_WORDS } from './performance/words';

// The pane runs under a CSP without 'unsafe-eval'; zod's JIT probe would call Function().
z.config({ jitless: true });

const rate = z.number().min(0).max(1);
const codeList = z.array(z.string().regex(/^\d{3,7}$/, '应为 3–7 位数字科目编码'));

/** The rigid 302 items left out of 一般性支出 by default (水电、取暖、物业、工会、福利、车补、税金). */
export const RIGID_302 = ['30205', '30206', '30208', '30209', '30228', '30229', '30239', '30240'];

/** Chinese keys of a formula in a rules file: {"编号": "A01", "公式": "…", "类型": "提示"}. */
const FORMULA_KEYS_ZH: Record<string, string> = { 编号: 'id', 公式: 'formula', 类型: 'type', 说明: 'note', 适用范围: 'scope' };

/** A 审核公式 in a rules file or the pane (src/core/formulas; docs/审核公式.md). */
export const formulaSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [FORMULA_KEYS_ZH[k] ?? k, x])) : v),
  z.strictObject({
    id: z.string().trim().min(1, '编号不能为空'),
    formula: z.string(),
    type: z.string().default('强制'),
    note: z.string().default(''),
    scope: z.string().default(''),
  }),
);

export const configSchema = z.strictObject({
  /** Fund sources compared by the year-on-year and share rules (SPEC §7 Fund scope). */
  fundScope: z.array(z.string().min(1)).min(1).default(['一般公共预算拨款']),
  /** Unit assumed when a sheet states none (with DATA.UNIT_UNKNOWN). */
  defaultUnit: z.enum(['元', '万元']).default('元'),
  generalCut: z.strictObject({
    rate: rate.default(0.05),
    /** 3-digit entries match a whole class, 5-digit entries one 款. */
    economicCodes: codeList.default(['302', '31002', '31006', '31013']),
    excludeCodes: codeList.default(RIGID_302),
  }).prefault({}),
  threePublic: z.strictObject({
    rate: rate.default(0),
    allowVehiclePurchase: z.boolean().default(false),
  }).prefault({}),
  adminCut: z.strictObject({
    enabled: z.boolean().default(false),
    rate: rate.default(0.3),
    unitKinds: z.array(z.string().min(1)).default(['行政单位', '参照公务员法管理事业单位']),
    economicCodes: codeList.default(['302', '310']),
  }).prefault({}),
  livelihood: z.strictObject({
    minShare: rate.default(0.75),
    functionClasses: codeList.default(['205', '206', '207', '208', '210', '211', '212', '213', '214', '221', '222', '224']),
    /** Classes left out of the denominator (转移性支出, 债务还本支出). */
    excludeClasses: codeList.default(['230', '231']),
    minUnits: z.number().int().min(1).default(3),
  }).prefault({}),
  priority: z.strictObject({
    onlyIncrease: codeList.default(['205']),
  }).prefault({}),
  zbb: z.strictObject({
    minExecRate: rate.default(0.8),
    minPerfScore: z.number().min(0).max(100).default(80),
  }).prefault({}),
  ppp: z.strictObject({
    maxShare: rate.default(0.1),
  }).prefault({}),
  /** PERF.* — 绩效目标 and indicators (财预〔2021〕101号); word lists are data (docs/performance.md). */
  perf: z.strictObject({
    /** Function classes serving the public, whose projects need a 满意度指标. */
    publicServiceClasses: codeList.default(['205', '207', '208', '210', '211', '212', '213', '214', '221', '224']),
    vagueWords: z.array(z.string().min(1)).default([...VAGUE_WORDS]),
    measurableWords: z.array(z.string().min(1)).default([...MEASURABLE_WORDS]),
    /** Grids with fewer indicators are too small to call copied. */
    minCopiedIndicators: z.number().int().min(1).default(3),
    /** Share of 项目支出 (funds) with indicators below which PERF.COVERAGE warns. */
    minCoverage: rate.default(1),
  }).prefault({}),
  /** 审核公式 written by staff (CUSTOM.<编号> findings). */
  formulas: z.array(formulaSchema).default([]),
  tables: z.strictObject({
    style: z.enum(['national', 'shanghai']).default('national'),
    nonZeroOnly: z.boolean().default(true),
    year: z.number().int().min(2000).max(2100).optional(),
    department: z.string().optional(),
  }).prefault({}),
});

export type RuleConfig = z.infer<typeof configSchema>;
export type RuleConfigInput = z.input<typeof configSchema>;

export const DEFAULT_CONFIG: RuleConfig = configSchema.parse({});

/** Chinese parameter names accepted in the 规则设置 sheet, mapped to JSON paths. */
export const PARAM_NAMES_ZH: Record<string, string> = {
  资金范围: 'fundScope',
  比较资金来源: 'fundScope',
  默认金额单位: 'defaultUnit',
  一般性支出压减比例: 'generalCut.rate',
  一般性支出经济分类: 'generalCut.economicCodes',
  一般性支出排除科目: 'generalCut.excludeCodes',
  '“三公”经费压减比例': 'threePublic.rate',
  三公经费压减比例: 'threePublic.rate',
  允许购置公务用车: 'threePublic.allowVehiclePurchase',
  启用行政经费压减: 'adminCut.enabled',
  行政经费压减比例: 'adminCut.rate',
  行政经费适用单位性质: 'adminCut.unitKinds',
  行政经费经济分类: 'adminCut.economicCodes',
  民生支出占比下限: 'livelihood.minShare',
  民生支出功能分类: 'livelihood.functionClasses',
  民生支出排除功能分类: 'livelihood.excludeClasses',
  民生占比最少单位数: 'livelihood.minUnits',
  只增不减功能分类: 'priority.onlyIncrease',
  上年执行率下限: 'zbb.minExecRate',
  绩效评价得分下限: 'zbb.minPerfScore',
  PPP支出占比上限: 'ppp.maxShare',
  满意度指标功能分类: 'perf.publicServiceClasses',
  绩效模糊用语: 'perf.vagueWords',
  绩效可计量用语: 'perf.measurableWords',
  雷同指标最少条数: 'perf.minCopiedIndicators',
  绩效目标覆盖率下限: 'perf.minCoverage',
  报表样式: 'tables.style',
  只列非零行: 'tables.nonZeroOnly',
  预算年度: 'tables.year',
  编制部门: 'tables.department',
};

/** The Chinese name of each JSON path (first name wins), for messages and the README. */
export const PARAM_LABEL_ZH: Record<string, string> = {};
for (const [zh, path] of Object.entries(PARAM_NAMES_ZH)) if (!(path in PARAM_LABEL_ZH)) PARAM_LABEL_ZH[path] = zh;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge of partial configs; arrays replace, never concatenate. */
export function mergeConfig(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isPlain(v) && isPlain(base[k]) ? mergeConfig(base[k] as Plain, v) : v;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  const label = PARAM_LABEL_ZH[path] ? `（${PARAM_LABEL_ZH[path]}）` : ' ';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `未知参数 ${issue.keys.map((k) => (path ? path + '.' : '') + k).join('、')}；可用参数见 README 的规则参数表`;
    case 'invalid_value':
      return `参数 ${path}${label}的值无效，可选值：${issue.values.map(String).join('、')}`;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `不小于 ${issue.minimum}` : `不大于 ${issue.maximum}`;
      return `参数 ${path}${label}超出范围：应${bound}`;
    }
    case 'invalid_type':
      return `参数 ${path}${label}的类型不对：应为${TYPE_ZH[issue.expected] ?? issue.expected}`;
    default:
      return `参数 ${path}${label}无效：${issue.message}`;
  }
}

const TYPE_ZH: Record<string, string> = { number: '数字', string: '文字', boolean: '是/否（true/false）', array: '列表', object: '对象' };

/** Validate a full or partial config layered over `base` (default: the defaults). Throws ConfigError. */
export function resolveConfig(partial: unknown, base: RuleConfigInput = {}): RuleConfig {
  if (partial !== undefined && !isPlain(partial)) throw new ConfigError('规则文件应为 JSON 对象，例如 {"generalCut": {"rate": 0.05}}');
  // {"preset": "tight", …}: the named preset first, then the file's own parameters over it.
  const { preset, ...own } = (partial ?? {}) as Plain;
  let start = base as Plain;
  if (preset !== undefined) {
    const p = PRESETS.find((x) => x.id === preset || x.name === preset);
    if (!p) throw new ConfigError(`未知预设 ${String(preset)}，可选：${PRESETS.map((x) => x.id).join('、')}`);
    start = mergeConfig(start, p.config as Plain);
  }
  const merged = mergeConfig(start, own);
  const r = configSchema.safeParse(merged);
  if (!r.success) throw new ConfigError(r.error.issues.map(describeIssue).join('；'));
  return r.data;
}

// ---- 规则设置 sheet ------------------------------------------------------------------------------

const LIST_SPLIT = /[、,，;；\s]+/;

function pathSchemaKind(path: string): 'rate' | 'number' | 'boolean' | 'list' | 'string' {
  if (/\.(rate|minShare|maxShare|minExecRate|minCoverage)$/.test(path)) return 'rate';
  if (/\.(minPerfScore|minUnits|year|minCopiedIndicators)$/.test(path)) return 'number';
  if (/\.(enabled|allowVehiclePurchase|nonZeroOnly)$/.test(path)) return 'boolean';
  if (path === 'fundScope' || /\.(economicCodes|excludeCodes|unitKinds|functionClasses|excludeClasses|onlyIncrease|publicServiceClasses|vagueWords|measurableWords)$/.test(path)) return 'list';
  return 'string';
}

const STYLE_ZH: Record<string, string> = { 全国: 'national', 全国样式: 'national', 财政部: 'national', 上海: 'shanghai', 上海样式: 'shanghai' };

/** Parse one 规则设置 value ("5%", "0.05", "是", "205、206") for the given JSON path. */
export function parseSettingValue(path: string, raw: string | number | boolean): unknown {
  const kind = pathSchemaKind(path);
  if (typeof raw === 'number') return kind === 'list' ? [String(raw)] : kind === 'boolean' ? raw !== 0 : raw;
  if (typeof raw === 'boolean') return raw;
  const s = raw.normalize('NFKC').trim();
  switch (kind) {
    case 'rate': {
      const m = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(s);
      return m ? Number(m[1]) / 100 : Number(s);
    }
    case 'number':
      return Number(s);
    case 'boolean':
      return /^(是|true|y|yes|1|启用|允许|√)$/i.test(s) ? true : /^(否|false|n|no|0|不启用|不允许|×)$/i.test(s) ? false : s;
    case 'list':
      return s.split(LIST_SPLIT).filter(Boolean);
    default:
      return path === 'tables.style' ? STYLE_ZH[s] ?? s : path === 'defaultUnit' ? s : s;
  }
}

/** Build a partial config from 规则设置 rows (参数, 值). Unknown names are reported, not ignored. */
export function configFromSettingRows(rows: ReadonlyArray<{ name: string; value: string | number | boolean }>): { partial: Plain; unknown: string[] } {
  const partial: Plain = {};
  const unknown: string[] = [];
  for (const { name, value } of rows) {
    const key = name.normalize('NFKC').replace(/\s+/g, '');
    const path = PARAM_NAMES_ZH[key] ?? PARAM_NAMES_ZH[name.trim()] ?? (PARAM_LABEL_ZH[key] !== undefined ? key : undefined);
    if (!path) {
      unknown.push(name);
      continue;
    }
    const parts = path.split('.');
    let obj = partial;
    for (const p of parts.slice(0, -1)) obj = (obj[p] = isPlain(obj[p]) ? obj[p] : {}) as Plain;
    obj[parts[parts.length - 1]] = parseSettingValue(path, value);
  }
  return { partial, unknown };
}

// ---- presets -------------------------------------------------------------------------------------

export interface Preset {
  id: string;
  name: string;
  description: string;
  config: RuleConfigInput;
}

/** Named regional variants: parameters, never code edits. */
export const PRESETS: ReadonlyArray<Preset> = [
  { id: 'default', name: '默认（全国通用）', description: '一般性支出压减 5%，“三公”经费只减不增，民生占比不低于 75%', config: {} },
  {
    id: 'tight',
    name: '过紧日子（从严）',
    description: '一般性支出压减 10%，“三公”经费压减 5%，启用党政机关行政经费压减 30%',
    config: { generalCut: { rate: 0.1 }, threePublic: { rate: 0.05 }, adminCut: { enabled: true, rate: 0.3 } },
  },
  {
    id: 'narrow-livelihood',
    name: '小口径民生',
    description: '民生支出按教育、文化、社保、卫生、住房保障五类计算，占比不低于 70%；教育、卫生健康只增不减',
    config: { livelihood: { functionClasses: ['205', '207', '208', '210', '221'], minShare: 0.7 }, priority: { onlyIncrease: ['205', '210'] } },
  },
];

export function presetConfig(id: string): RuleConfig {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new ConfigError(`未知预设 ${id}，可选：${PRESETS.map((x) => x.id).join('、')}`);
  return resolveConfig(p.config);
}
