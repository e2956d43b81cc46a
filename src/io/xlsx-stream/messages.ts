/** User-facing sentences shared by the streaming reader and src/cli/inputs.ts (Simplified Chinese). */
export const SAVE_AS_XLSX_ADVICE = '请在 Excel 或 WPS 中另存为 .xlsx 后再检查';
export const ENCRYPTED_ADVICE = '文件已加密，请先取消密码';
/** Why a sheet workbook.xml lists could not be read: the package lacks its part (or its relationship). */
export const MISSING_SHEET_REASON = '文件中缺少该表的数据';

function size(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${bytes} 字节`;
}

/** A refused zip bomb: says which limit was passed, so a legitimate giant file can be recognised. */
export function bombReason(entry: string, why: 'size' | 'ratio', limitBytes: number, ratio: number, floorBytes: number): string {
  const what =
    why === 'size'
      ? `其中 ${entry} 解压后超过 ${size(limitBytes)}`
      : `其中 ${entry} 解压超过 ${size(floorBytes)} 后压缩比仍超过 ${ratio}:1`;
  return `文件解压后过大，疑似压缩炸弹，已拒绝读取（${what}）`;
}
