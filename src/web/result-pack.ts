/**
 * The worker's result packed into typed arrays (issue 12 "Done when": no main-thread task over 200 ms).
 * A structured clone of 100,000 rows and lines costs the page 2–3 s of deserialising, in tasks of up to
 * ~300 ms (each clone of a slice, plus the collections it sets off). Packed, the big arrays cross as
 * transferred ArrayBuffers (no copy) and one flat string of the distinct texts, and the page rebuilds
 * the rows and lines in slices of about 12 ms, yielding between them.
 *
 * The encoding is generic over plain data (strings, numbers, booleans, null, Dates, arrays, plain
 * objects); anything else (a Map, an error cell's class…) goes by structured clone beside it. Objects
 * and arrays seen twice are sent once and shared again on the page (every line of a sheet shares one
 * `src`), and each distinct string is sent once.
 */
import type { JobResult } from './check-job';

/** Which big array of the result a run of packed items fills. */
export type PackTarget =
  | { kind: 'cells'; file: number; sheet: number }
  | { kind: 'lines' }
  | { kind: 'priorLines' }
  | { kind: 'findings' };

export interface PackedResult {
  /** The result with the big arrays emptied (small: structured clone). */
  skeleton: JobResult;
  /** In order: how many items of `ops` go to each target. */
  targets: Array<{ target: PackTarget; count: number }>;
  ops: Int32Array;
  nums: Float64Array;
  /** Every distinct string, end to end; `ends[i]` is where string i ends. */
  pool: string;
  ends: Uint32Array;
  /** Key lists of the plain objects, by shape id. */
  shapes: string[][];
  /** Values sent by structured clone (neither plain data nor shared). */
  others: unknown[];
}

// Tags in `ops`; a value ≥ 0 is a string id.
const NULL = -1;
const UNDEF = -2;
const TRUE = -3;
const FALSE = -4;
const NUM = -5;
const REF = -6; // then the id of an array or object already sent
const ARR = -7; // then the length, then each element
const OBJ = -8; // then the shape id, then each value in the shape's key order
const DATE = -9; // then the time in nums
const OTHER = -10; // then the index into others
const HOLE = -11; // an array hole (ragged sheet rows keep their holes)

/** A typed array that doubles as it fills (the ops and the numbers of a packed result). */
class Growing<T extends Int32Array | Float64Array> {
  n = 0;
  constructor(public a: T, private readonly make: (length: number) => T) {}
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  /** The filled part, in an array of its own (to transfer). */
  filled(): T {
    return this.a.slice(0, this.n) as T;
  }
}

function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

class Packer {
  readonly ops = new Growing(new Int32Array(1 << 16), (n) => new Int32Array(n));
  readonly nums = new Growing(new Float64Array(1 << 12), (n) => new Float64Array(n));
  private readonly strings = new Map<string, number>();
  private readonly pool: string[] = [];
  private poolLength = 0;
  private readonly ends: number[] = [];
  private readonly refs = new Map<object, number>();
  readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();
  private lastKeys: string[] = [];
  private lastShape = -1;
  readonly others: unknown[] = [];

  value(v: unknown): void {
    const ops = this.ops;
    switch (typeof v) {
      case 'string': {
        let id = this.strings.get(v);
        if (id === undefined) {
          id = this.pool.length;
          this.strings.set(v, id);
          this.pool.push(v);
          this.poolLength += v.length;
          this.ends.push(this.poolLength);
        }
        ops.push(id);
        return;
      }
      case 'number':
        ops.push(NUM);
        this.nums.push(v);
        return;
      case 'boolean':
        ops.push(v ? TRUE : FALSE);
        return;
      case 'undefined':
        ops.push(UNDEF);
        return;
      case 'object':
        if (v === null) {
          ops.push(NULL);
          return;
        }
        this.object(v);
        return;
      default:
        ops.push(OTHER);
        ops.push(this.others.length);
        this.others.push(v);
    }
  }

  private object(v: object): void {
    const ops = this.ops;
    const seen = this.refs.get(v);
    if (seen !== undefined) {
      ops.push(REF);
      ops.push(seen);
      return;
    }
    if (Array.isArray(v)) {
      this.refs.set(v, this.refs.size);
      ops.push(ARR);
      ops.push(v.length);
      for (let i = 0; i < v.length; i++) {
        if (i in v) this.value(v[i]);
        else ops.push(HOLE);
      }
      return;
    }
    if (v instanceof Date) {
      // Not shared: a Date is mutable, and a clone would not share it either across parts.
      ops.push(DATE);
      this.nums.push(v.getTime());
      return;
    }
    if (!isPlainObject(v)) {
      ops.push(OTHER);
      ops.push(this.others.length);
      this.others.push(v);
      return;
    }
    this.refs.set(v, this.refs.size);
    const keys = Object.keys(v);
    ops.push(OBJ);
    ops.push(this.shapeOf(keys));
    const o = v as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) this.value(o[keys[i]]);
  }

  private shapeOf(keys: string[]): number {
    // Most objects in a row have the shape of the one before (lines, findings).
    const last = this.lastKeys;
    if (keys.length === last.length) {
      let same = true;
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== last[i]) {
          same = false;
          break;
        }
      }
      if (same) return this.lastShape;
    }
    const k = keys.join('\u0000');
    let id = this.shapeIds.get(k);
    if (id === undefined) {
      id = this.shapes.length;
      this.shapes.push(keys);
      this.shapeIds.set(k, id);
    }
    this.lastKeys = keys;
    this.lastShape = id;
    return id;
  }

  poolText(): { pool: string; ends: Uint32Array } {
    return { pool: this.pool.join(''), ends: Uint32Array.from(this.ends) };
  }
}

/**
 * Pack `result` for the page. The result itself is left as it was. Send `transfer` as the transfer
 * list of the postMessage so the typed arrays move instead of being copied.
 */
export function packResult(result: JobResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const p = new Packer();
  const targets: PackedResult['targets'] = [];
  const run = (target: PackTarget, items: ReadonlyArray<unknown>) => {
    if (items.length === 0) return;
    for (let i = 0; i < items.length; i++) p.value(items[i]);
    targets.push({ target, count: items.length });
  };
  const ok = result.ok.map((f, file) => ({
    ...f,
    grids: {
      ...f.grids,
      sheets: f.grids.sheets.map((g, sheet) => {
        run({ kind: 'cells', file, sheet }, g.cells);
        return { ...g, cells: [] };
      }),
    },
  }));
  let report = result.report;
  if (report) {
    run({ kind: 'lines' }, report.lines);
    run({ kind: 'priorLines' }, report.priorLines);
    run({ kind: 'findings' }, report.findings);
    report = { ...report, lines: [], priorLines: [], findings: [] };
  }
  const ops = p.ops.filled();
  const nums = p.nums.filled();
  const { pool, ends } = p.poolText();
  return {
    packed: { skeleton: { ...result, ok, report }, targets, ops, nums, pool, ends, shapes: p.shapes, others: p.others },
    transfer: [ops.buffer, nums.buffer, ends.buffer] as ArrayBuffer[],
  };
}

/** Gives the page a turn between slices: a message to itself is not held back like setTimeout(0). */
function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(null);
  });
}

/** About this long per slice of rebuilding, then the page gets a turn. */
export const SLICE_MS = 12;

class Unpacker {
  private at = 0;
  private numAt = 0;
  private readonly strs: Array<string | undefined>;
  private readonly refs: object[] = [];

  constructor(private readonly p: PackedResult) {
    this.strs = new Array<string | undefined>(p.ends.length);
  }

  private str(id: number): string {
    let s = this.strs[id];
    if (s === undefined) {
      const ends = this.p.ends;
      s = this.p.pool.slice(id === 0 ? 0 : ends[id - 1], ends[id]);
      this.strs[id] = s;
    }
    return s;
  }

  value(): unknown {
    const ops = this.p.ops;
    const t = ops[this.at++];
    if (t >= 0) return this.str(t);
    switch (t) {
      case NULL:
        return null;
      case UNDEF:
        return undefined;
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NUM:
        return this.p.nums[this.numAt++];
      case REF:
        return this.refs[ops[this.at++]];
      case ARR: {
        const n = ops[this.at++];
        const a: unknown[] = new Array(n);
        this.refs.push(a);
        for (let i = 0; i < n; i++) {
          if (ops[this.at] === HOLE) this.at++;
          else a[i] = this.value();
        }
        return a;
      }
      case OBJ: {
        const keys = this.p.shapes[ops[this.at++]];
        const o: Record<string, unknown> = {};
        this.refs.push(o);
        for (let i = 0; i < keys.length; i++) o[keys[i]] = this.value();
        return o;
      }
      case DATE:
        return new Date(this.p.nums[this.numAt++]);
      case OTHER:
        return this.p.others[ops[this.at++]];
      default:
        throw new Error('审核结果的数据已损坏');
    }
  }
}

/** Where a target's items go in the result being rebuilt. */
function targetArray(r: JobResult, t: PackTarget): unknown[] {
  if (t.kind === 'cells') return r.ok[t.file].grids.sheets[t.sheet].cells as unknown[];
  if (!r.report) throw new Error('审核结果的数据顺序错误');
  return r.report[t.kind] as unknown[];
}

/**
 * Rebuild the result on the page, in slices of about `sliceMs` with a turn for the page between
 * them (`pause`, for tests), so that no single task is long however big the result. When `stopped`
 * says so after a turn (取消 meanwhile), it stops there and resolves to null.
 */
export async function unpackResult(
  p: PackedResult,
  sliceMs: number = SLICE_MS,
  pause: () => Promise<void> = yieldToPage,
  stopped: () => boolean = () => false,
): Promise<JobResult | null> {
  const result = p.skeleton;
  const u = new Unpacker(p);
  const now = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();
  let start = now();
  for (const { target, count } of p.targets) {
    const to = targetArray(result, target);
    for (let i = 0; i < count; i++) {
      to.push(u.value());
      // Reading the clock costs too: only every 64 items.
      if ((i & 63) === 63 && now() - start >= sliceMs) {
        await pause();
        if (stopped()) return null;
        start = now();
      }
    }
  }
  return result;
}
