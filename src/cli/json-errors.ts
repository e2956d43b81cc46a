/**
 * A Chinese sentence for the first syntax error of a JSON text (a --rules file), with its line and
 * column: JSON.parse's own message is English and often gives no position at all.
 */
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';

/** Keyed by jsonc-parser's error names (its enum is a const enum, unusable under isolatedModules). */
const WHAT: Record<string, string> = {
  InvalidSymbol: '无法识别的字符',
  InvalidNumberFormat: '数字格式有误',
  PropertyNameExpected: '这里应是用英文双引号括起的参数名（最后一项后面不能有逗号）',
  ValueExpected: '这里缺少参数值',
  ColonExpected: '参数名后缺少英文冒号“:”',
  CommaExpected: '这里缺少英文逗号“,”或右括号',
  CloseBraceExpected: '缺少右花括号“}”',
  CloseBracketExpected: '缺少右方括号“]”',
  EndOfFileExpected: '文件结尾处有多余的内容',
  InvalidCommentToken: 'JSON 中不能写注释',
  UnexpectedEndOfComment: 'JSON 中不能写注释',
  UnexpectedEndOfString: '字符串缺少结尾的英文双引号',
  UnexpectedEndOfNumber: '数字不完整',
  InvalidUnicode: '\\u 转义有误',
  InvalidEscapeCharacter: '反斜杠转义有误',
  InvalidCharacter: '字符串中有不可见的控制字符',
};

/** `null` when the text is valid JSON; else e.g. "第 3 行第 2 列：这里应是…". */
export function jsonSyntaxError(text: string): string | null {
  if (text.trim() === '') return '文件是空的';
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return null;
  const e = errors[0];
  const before = text.slice(0, e.offset);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  const what = WHAT[printParseErrorCode(e.error)] ?? '语法错误';
  // Full-width punctuation typed by a Chinese IME is the most common cause.
  const ch = text[e.offset] ?? '';
  const ime = /[“”：，｛｝［］]/.test(ch) ? `（“${ch}”是中文标点，请改为英文标点）` : '';
  return e.offset >= text.length ? `文件在结尾处不完整：${what}` : `第 ${line} 行第 ${column} 列：${what}${ime}`;
}
