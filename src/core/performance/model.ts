/**
 * 项目绩效目标 as read from a 绩效目标 sheet (财预〔2021〕101号; domain §2, P32/P33): the project header
 * (项目名称, 主管部门, 实施单位, 项目资金) and the indicator grid 一级 · 二级 · 三级 · 指标值.
 * Pure data; money is integer 分, null where the sheet gives none.
 */
import type { FindingLocation } from '../findings';

/** The three 一级指标 of the national format; '' when the sheet names another or none. */
export type Level1 = '产出指标' | '效益指标' | '满意度指标' | '';

export interface Indicator {
  readonly level1: Level1;
  /** 二级指标 as written, normalised to its short form: 数量指标, 质量指标, 时效指标, 成本指标, 经济效益指标 … */
  readonly level2: string;
  /** 三级指标 (the indicator's name). */
  readonly name: string;
  /** 指标值 as written; 指标性质 (≥ ≤ =) and 度量单位 columns are joined in ("≥95%"). */
  readonly value: string;
  /** The 指标值 cell (the 三级指标 cell when the sheet has no value column). */
  readonly location: FindingLocation;
}

export interface PerfGoal {
  readonly file: string;
  readonly sheet: string;
  /** 实施单位 / 单位 (code and name as split from "820001-井研县马踏镇人民政府"). */
  readonly unitCode: string;
  readonly unitName: string;
  /** 主管部门 where the block states it. */
  readonly department: string;
  readonly projectCode: string;
  readonly projectName: string;
  /** 年度资金总额 (or 预算数) in 分; null when absent. */
  readonly totalFen: number | null;
  /** 其中：财政拨款 in 分; null when absent. */
  readonly fiscalFen: number | null;
  readonly otherFen: number | null;
  /** 年度绩效目标 text. */
  readonly goalText: string;
  /** 上年绩效评价等级 (优/良/中/差) or score text when the sheet gives one; '' otherwise. */
  readonly grade: string;
  readonly indicators: readonly Indicator[];
  /** The 项目名称 cell (or code cell). */
  readonly location: FindingLocation;
  readonly totalLocation?: FindingLocation;
  /**
   * Half a display step of 年度资金总额 / 其中：财政拨款 as written, in 分, when the sheet states them in
   * 万元 with fewer than six decimals (12.35 万元 stands for 123,450–123,550 元); absent: to the 分.
   */
  readonly totalRoundingFen?: number;
  readonly fiscalRoundingFen?: number;
  readonly fiscalLocation?: FindingLocation;
  /** Which of the three layouts the goal came from. */
  readonly layout: 'block' | 'list';
  /** Set when the grid has no 指标值 column: the values were not read, so they are not checked. */
  readonly valuesUnread?: true;
  /**
   * The 1-based rows of the sheet's frame as the reader found it: title and 单位 lines above the first
   * goal and a list's header rows, never a row of data (one array shared by the sheet's goals). What a
   * unit's own review workbook keeps of the sheet besides its goals (src/core/per-unit.ts).
   */
  readonly frameRows?: readonly number[];
}
