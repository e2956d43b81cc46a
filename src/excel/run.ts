/**
 * The one door to office.js: every Excel.run of the product goes through here, and the payload
 * budget every batch respects. Excel on the web rejects a request or response above 5 MB
 * (learn.microsoft.com, "Resource limits and performance optimization for Office Add-ins";
 * office-js-docs-pr#2846); we aim under 4 MB (SPEC §6) by estimating each op's JSON size before
 * queuing it. On the web an oversized payload often comes back as a GeneralException
 * "An internal error has occurred." rather than as *PayloadSizeLimitExceeded (office-js#1012,
 * #1314, office-js-docs#1247), so readers treat both as "halve the block and retry".
 */

/** Target bytes per request and per response (Excel's hard limit is 5 MB; the bench checks < 4,000,000). */
export const PAYLOAD_BUDGET = 3_400_000;

/** An office.js error's code, or ''. */
export function errorCode(e: unknown): string {
  const x = e as { code?: unknown } | null;
  return x && typeof x.code === 'string' ? x.code : '';
}

/** Thrown for a host state the user can fix (cell-edit mode, protection): the message says how. */
export class HostStateError extends Error {
  constructor(message: string, readonly code: string, readonly cause?: unknown) {
    super(message);
    this.name = 'HostStateError';
  }
}

export const CELL_EDIT_MESSAGE = 'Excel 正处于单元格编辑状态（有单元格正在输入），无法执行此操作。请按 Enter 或 Esc 结束编辑，再点一次按钮。';
export const PROTECTED_MESSAGE = '工作簿或工作表受保护，无法写入。请在“审阅”中撤消保护后重试。';

function hasRequirement(minor: number): boolean {
  try {
    const req = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
    return !!req && req.isSetSupported('ExcelApi', `1.${minor}`);
  } catch {
    return false;
  }
}

/**
 * Excel.run with the options every batch of ours wants: on ExcelApi 1.11+ `delayForCellEdit`
 * makes Excel wait while the user is typing in a cell instead of failing the batch (typings,
 * Excel.RunOptions). Below 1.11 the batch fails with InvalidOperationInCellEditMode: that, and
 * protection, become a sentence that tells the user what to do.
 */
export async function excelRun<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    if (hasRequirement(11)) return await Excel.run({ delayForCellEdit: true }, batch);
    return await Excel.run(batch);
  } catch (e) {
    if (e instanceof HostStateError) throw e;
    const code = errorCode(e);
    if (code === 'InvalidOperationInCellEditMode') throw new HostStateError(CELL_EDIT_MESSAGE, code, e);
    if (code === 'AccessDenied') throw new HostStateError(PROTECTED_MESSAGE, code, e);
    throw e;
  }
}

/**
 * Whether an Office.js error may be a request/response payload limit (then the caller halves and
 * retries). A GeneralException counts: on the web it is one face of the 5 MB limit; the caller
 * stops halving at a small block, so a real internal error still surfaces.
 */
export function isPayloadError(e: unknown): boolean {
  const x = e as { code?: string; message?: string } | null;
  if (!x) return false;
  const code = x.code ?? '';
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'GeneralException') return true;
  return /PayloadSizeLimitExceeded|payload.*(too large|exceed)|internal error has occurred/i.test(x.message ?? '');
}

const encoder = new TextEncoder();

/** UTF-8 size of a value as JSON: what a queued write adds to a request. */
export function jsonBytes(x: unknown): number {
  return encoder.encode(JSON.stringify(x) ?? '').length;
}

/**
 * Queues operations into as few syncs as the payload budget allows. Call `reserve(bytes)` BEFORE
 * queuing an op of about `bytes` request bytes and `responseBytes` response bytes: it syncs first
 * when the op would push the batch over the budget, so no batch ever exceeds it by an op. An op
 * larger than the budget must be split by the caller (writeRows does).
 */
/** The pane's progress bar: work units done of a total, reported when a sync has carried them out. */
export type OnProgress = (done: number, total: number) => void;

/** Where a step reports the work it has queued, and when a sync has carried it out. */
export interface ProgressSink {
  /** `n` units queued in the current batch. */
  add(n?: number): void;
  /** The batch just synced: what it carried is done. */
  synced(): void;
}

/**
 * Counts the work of a write that spans many syncs (cells to flag, rows to write). Units are added
 * when they are queued and reported only after the sync that carries them, so the bar never runs
 * ahead of Excel. The total is fixed up front, so the bar never moves back; a step whose size is
 * known only later reports through `part`.
 */
export class ProgressMeter implements ProgressSink {
  private queued = 0;
  private done = 0;
  constructor(private readonly total: number, private readonly on?: OnProgress) {}
  add(n = 1): void {
    this.queued += n;
  }
  synced(): void {
    this.done = Math.min(this.total, this.queued);
    this.on?.(Math.floor(this.done), this.total);
  }
  /** A step budgeted at `units` that turned out to be `actual` units: its units are scaled to fit. */
  part(units: number, actual: number): ProgressSink {
    const k = actual > 0 ? units / actual : 0;
    return { add: (n = 1) => this.add(n * k), synced: () => this.synced() };
  }
  /** The whole job is done (whatever the estimate said). */
  finish(): void {
    this.queued = this.total;
    this.synced();
  }
}

export class Batcher {
  private bytes = 0;
  private response = 0;
  private ops = 0;
  syncs = 0;
  constructor(private readonly ctx: Excel.RequestContext, readonly budget = PAYLOAD_BUDGET, readonly meter?: ProgressSink) {}

  async reserve(bytes: number, responseBytes = 0): Promise<void> {
    if (this.ops > 0 && (this.bytes + bytes > this.budget || this.response + responseBytes > this.budget)) await this.flush();
    this.bytes += bytes;
    this.response += responseBytes;
    this.ops++;
  }

  /** Bytes queued so far in this batch. */
  get queued(): number {
    return this.bytes;
  }

  async flush(): Promise<void> {
    if (this.ops === 0) return;
    this.bytes = 0;
    this.response = 0;
    this.ops = 0;
    this.syncs++;
    await this.ctx.sync();
    this.meter?.synced();
  }
}

/**
 * Reads `rows` rows of a range block by block, as few syncs as the budget allows: blocks start at
 * `startRows`, adapt to the bytes a row really costs (growing at most twofold), and shrink to a
 * quarter on a payload error (either face).
 * `load(start, count)` queues the load of rows [start, start+count) and returns a getter for them.
 */
export async function readRowBlocks<R>(
  ctx: Excel.RequestContext,
  rows: number,
  load: (start: number, count: number) => () => R[],
  opts: { startRows?: number; budget?: number; bytesOf?: (rows: R[]) => number } = {},
): Promise<R[]> {
  const budget = opts.budget ?? PAYLOAD_BUDGET;
  const bytesOf = opts.bytesOf ?? jsonBytes;
  const out: R[] = [];
  let next = 0;
  let perSync = Math.max(1, opts.startRows ?? 2000);
  let failures = 0;
  while (next < rows) {
    const count = Math.min(perSync, rows - next);
    // One block per sync: a block is the unit that halves.
    const get = load(next, count);
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || count <= 1 || ++failures > 24) throw e;
      // The block was over 5 MB while it was meant to be under the budget: rows got much longer
      // (a record's note rows follow its short fill rows), so go well below half.
      perSync = Math.max(1, Math.floor(count / 4));
      continue;
    }
    const got = get();
    let longest = 0;
    for (const r of got) {
      out.push(r);
      longest = Math.max(longest, bytesOf([r]));
    }
    next += count;
    // Sized by the longest row just read, not the mean: rows further on may all be that long.
    const perRow = longest;
    perSync = Math.max(1, Math.min(count * 2, Math.floor((budget * 0.85) / Math.max(perRow, 1))));
  }
  return out;
}
