/**
 * Original fills, as recorded before flagging and restored by 清除标记. A state is 'none' (no fill)
 * or the five fill properties of CellPropertiesFill. On hosts without ExcelApi 1.9 only the colour
 * is known; Excel reports an unfilled cell as #FFFFFF, which is then taken as no fill.
 */

export interface FillProps {
  c: string; // color
  p?: string; // pattern
  pc?: string; // patternColor
  t?: number; // tintAndShade
  pt?: number; // patternTintAndShade
}

export type FillRecord = 'none' | FillProps;

/**
 * A cell's fill as getCellProperties reports it. No Fill reads as #FFFFFF like solid white
 * (office-js#6218) but with a null tintAndShade (office-js#4900) and a null or 'None' pattern;
 * a null tint on a white cell is taken as No Fill. Nulls are never recorded, so a restore never
 * writes a null property (Excel refuses it).
 */
export function fromCellProperties(fill: { color?: string | null; pattern?: string | null; patternColor?: string | null; tintAndShade?: number | null; patternTintAndShade?: number | null } | undefined): FillRecord {
  if (!fill || fill.pattern === 'None') return 'none';
  const c = String(fill.color ?? '').toUpperCase();
  const noTint = fill.tintAndShade === null || fill.tintAndShade === undefined;
  if (noTint && (fill.pattern === null || fill.pattern === undefined || c === '#FFFFFF' || c === '')) return 'none';
  const r: FillProps = { c };
  if (typeof fill.pattern === 'string') r.p = fill.pattern;
  if (typeof fill.patternColor === 'string') r.pc = fill.patternColor.toUpperCase();
  if (typeof fill.tintAndShade === 'number') r.t = fill.tintAndShade;
  if (typeof fill.patternTintAndShade === 'number') r.pt = fill.patternTintAndShade;
  return r;
}

/** Typings, RangeFill.pattern: "LinearGradient and RectangularGradient are not supported" for writing. */
export function isGradient(s: FillRecord): boolean {
  return s !== 'none' && (s.p === 'LinearGradient' || s.p === 'RectangularGradient');
}

export function fromColorOnly(color: string | null | undefined): FillRecord {
  const c = String(color ?? '').toUpperCase();
  return c === '' || c === '#FFFFFF' ? 'none' : { c };
}

export function stateKey(s: FillRecord): string {
  return s === 'none' ? 'none' : JSON.stringify([s.c, s.p ?? null, s.pc ?? null, s.t ?? null, s.pt ?? null]);
}

/** Run-length encoding of a rectangle's states in row-major order: [[count, state], …] as JSON. */
export function encodeStates(states: ReadonlyArray<FillRecord>): string {
  const runs: Array<[number, FillRecord]> = [];
  let prevKey = '';
  for (const s of states) {
    const k = stateKey(s);
    if (runs.length && k === prevKey) runs[runs.length - 1][0]++;
    else runs.push([1, s]);
    prevKey = k;
  }
  return JSON.stringify(runs);
}

export function decodeStates(text: string): FillRecord[] {
  const runs = JSON.parse(text) as Array<[number, FillRecord]>;
  const out: FillRecord[] = [];
  for (const [n, s] of runs) for (let i = 0; i < n; i++) out.push(s);
  return out;
}

/** Whether a cell's current fill is still exactly the flag we wrote. */
export function isFlagFill(current: FillRecord, flagColor: string): boolean {
  if (current === 'none') return false;
  return current.c.toUpperCase() === flagColor.toUpperCase() && (current.p === undefined || current.p === 'Solid') && !current.t;
}
