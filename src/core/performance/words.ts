/**
 * The word lists of PERF.VAGUE_VALUE — data, not code (documented in docs/performance.md). Both are
 * defaults of the `perf` parameters and may be replaced through 规则设置 or --rules.
 *
 * 财预〔2021〕101号 (附件1 二、(三)): 指标值 “应当可衡量”, “优先使用定量指标”; a 定性 indicator is still
 * graded (“好、一般、差” against stated criteria), but bare adjectives like 明显提升 give nothing to
 * evaluate against at year end.
 */

/** Phrases that make a value unmeasurable when no number comes with them. */
export const VAGUE_WORDS: readonly string[] = [
  '明显提升', '明显提高', '明显改善', '显著提升', '显著提高', '显著改善', '有所改善', '有所提高', '有所提升', '有所增加',
  '逐步完善', '逐步提高', '逐步提升', '进一步提高', '进一步提升', '进一步完善', '进一步改善', '进一步加强', '不断提高', '不断完善',
  '稳步提升', '持续改善', '持续提升', '大幅提升', '良好', '较好', '较高', '较大', '确保', '力争', '争取', '尽快', '基本满意',
  '得到提升', '得到改善', '得到加强', '有效提升', '有效改善', '积极', '加强',
];

/** Countable terms that are measurable without a number (exact values after removing ≥ ≤ = and spaces). */
export const MEASURABLE_WORDS: readonly string[] = [
  '是', '否', '有', '无', '达标', '合格', '通过', '通过验收', '验收合格', '全覆盖', '按期完成', '零发生', '未发生',
];

/** 二级指标 whose value must carry a number (数量, 时效, 成本). */
export const NUMERIC_LEVEL2: readonly string[] = ['数量指标', '时效指标', '成本指标'];
