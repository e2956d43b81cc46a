/**
 * Requirement sets, detected at run time (Office.context.requirements.isSetSupported). The pane
 * needs ExcelApi 1.7; newer sets switch on features, and every missing one degrades with a note.
 */

export interface HostCaps {
  /** Highest ExcelApi 1.x minor version supported (0 when Excel's API is absent). */
  version: number;
  /** ExcelApi 1.7: the minimum for the pane (getRangeByIndexes, freeze panes). */
  supported: boolean;
  /** ExcelApi 1.9: getRanges (many cells in one call), getCellProperties (exact original fills), autofilter, page layout and page breaks, indent levels. */
  rangeAreas: boolean;
  /** ExcelApi 1.10: threaded comments. */
  comments: boolean;
  /** ExcelApi 1.13: merged areas of a range. */
  mergedAreas: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
}

export const MIN_MINOR = 7;

export function capsFromVersion(version: number): HostCaps {
  return {
    version,
    supported: version >= MIN_MINOR,
    rangeAreas: version >= 9,
    comments: version >= 10,
    mergedAreas: version >= 13,
    notes: version >= 18,
  };
}

/** Ask office.js which ExcelApi versions the host supports. */
export function detectCaps(maxMinor = 20): HostCaps {
  const req = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  let version = 0;
  if (req) for (let m = 1; m <= maxMinor; m++) if (req.isSetSupported('ExcelApi', `1.${m}`)) version = m;
  return capsFromVersion(version);
}

/** What this host cannot do, in the pane's words. */
export function degradationNotes(c: HostCaps): string[] {
  const notes: string[] = [];
  if (!c.supported) {
    notes.push(`此版本 Excel 仅支持 ExcelApi 1.${c.version}，审核助手需要 1.${MIN_MINOR} 及以上（Microsoft 365、Office 2021/2024 或网页版 Excel）。请改用离线审核页面。`);
    return notes;
  }
  if (!c.rangeAreas) notes.push('此版本 Excel 不支持批量选取区域和页面设置：标记改为逐块写入，恢复时仅还原填充颜色，审核结果表不加筛选；生成的报表不设打印页面和分页符，项目支出绩效目标表的项目可能跨页断开，科目名称用全角空格缩进。');
  if (!c.notes && !c.comments) notes.push('此版本 Excel 不支持批注：问题说明只写入“审核结果”表。');
  else if (!c.notes) notes.push('此版本 Excel 不支持“备注”，改用批注显示问题说明。');
  if (!c.mergedAreas) notes.push('此版本 Excel 无法读取合并单元格：跨行合并的单位名称请逐行填写，或使用离线页面审核。');
  return notes;
}
