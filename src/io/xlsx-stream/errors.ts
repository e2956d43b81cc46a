/**
 * Why an .xlsx could not be read, as one Chinese sentence for the user (without the file name).
 * The kinds let callers and tests tell a refused zip bomb from a damaged file without parsing text.
 */
import { SAVE_AS_XLSX_ADVICE } from './messages';

/** 'limit': the workbook passes one of the reader's limits on cells, area or XML (see limits.ts). */
export type XlsxProblem = 'bomb' | 'limit' | 'truncated' | 'corrupt' | 'encrypted' | 'not-xlsx';

export class XlsxReadError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    /** The sentence shown to the user, in Simplified Chinese, without a final 。 */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'XlsxReadError';
  }
}

export function corrupt(detail?: string): XlsxReadError {
  return new XlsxReadError('corrupt', `文件已损坏${detail ? `（${detail}）` : ''}，不是有效的 .xlsx 文件，${SAVE_AS_XLSX_ADVICE}`);
}

export function truncated(): XlsxReadError {
  return new XlsxReadError('truncated', '文件不完整（可能在下载或复制时被截断），请重新获取原文件后再检查');
}
