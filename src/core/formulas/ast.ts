/**
 * The syntax tree grammar.peggy builds. Every node has `at`, the 0-based offset of its first
 * character in the formula text, for messages such as “第 14 个字符：…”.
 */

export interface NumNode { type: 'num'; value: number; percent: boolean; text: string; at: number }
export interface BoolNode { type: 'bool'; value: boolean; at: number }
export interface StrNode { type: 'str'; value: string; at: number }
export interface BinNode { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr; at: number; opAt?: number }
export type CmpOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export interface CmpNode { type: 'cmp'; op: CmpOp; left: Expr; right: Expr; at: number }
export interface NegNode { type: 'neg'; arg: Expr; at: number }
export interface CallNode { type: 'call'; name: string; args: Expr[]; at: number }
export interface A1Ref { col: string; row: number; text: string }
export interface CellNode { type: 'cell'; sheet: string; sheetAt: number; col: string; row: number; ref: string; at: number }
export interface RangeNode { type: 'range'; sheet: string; sheetAt: number; from: A1Ref; to: A1Ref; ref: string; at: number }
export interface BareCellNode { type: 'bareCell'; ref: string; at: number }
export interface Located { value: string; at: number }
export interface RowRefNode { type: 'rowRef'; table: string; tableAt: number; row: Located | null; columns: Located[]; at: number }
export type AggregateKind = '本年' | '上年' | '上年执行' | '条数';
export interface Condition { field: string; fieldAt: number; op: '=' | '<>'; value: string; valueAt: number }
export interface AggNode { type: 'agg'; which: AggregateKind; conds: Condition[]; at: number }

export type Expr = NumNode | BoolNode | StrNode | BinNode | CmpNode | NegNode | CallNode | CellNode | RangeNode | BareCellNode | RowRefNode | AggNode;

export interface Tolerance { value: number; unit: '元' | '万元'; at: number }

export interface FormulaAst {
  expr: Expr;
  /** 按单位: evaluate once per unit, over that unit's lines. */
  perUnit: boolean;
  tolerance: Tolerance | null;
}
