/**
 * The one door to office.js: every Excel.run of the product goes through here, and the payload
 * budget every batch respects. Excel on the web rejects a request or response above 5 MB; we aim
 * under 4 MB (SPEC §6) by estimating each batch's JSON size before queuing it.
 */

/** Target bytes per request and per response (Excel's hard limit is 5 MB). */
export const PAYLOAD_BUDGET = 3.5 * 1024 * 1024;

export function excelRun<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

/** Whether an Office.js error is a request/response payload limit (then the caller halves and retries). */
export function isPayloadError(e: unknown): boolean {
  const x = e as { code?: string; message?: string } | null;
  if (!x) return false;
  const code = x.code ?? '';
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return true;
  return /PayloadSizeLimitExceeded|payload.*(too large|exceed)/i.test(x.message ?? '');
}

const encoder = new TextEncoder();

/** UTF-8 size of a value as JSON: what a queued write adds to a request. */
export function jsonBytes(x: unknown): number {
  return encoder.encode(JSON.stringify(x) ?? '').length;
}

/**
 * Queues operations into as few syncs as the payload budget allows: `add(bytes)` returns true when
 * the operation still fits in the current batch; otherwise the caller syncs first.
 */
export class Batcher {
  private bytes = 0;
  private response = 0;
  private ops = 0;
  syncs = 0;
  constructor(private readonly ctx: Excel.RequestContext, private readonly budget = PAYLOAD_BUDGET) {}

  /**
   * Call before queuing an op of about `bytes` request bytes and `responseBytes` response bytes:
   * syncs first when the op would push the batch over the budget.
   */
  async reserve(bytes: number, responseBytes = 0): Promise<void> {
    if (this.ops > 0 && (this.bytes + bytes > this.budget || this.response + responseBytes > this.budget)) await this.flush();
    this.bytes += bytes;
    this.response += responseBytes;
    this.ops++;
  }

  async flush(): Promise<void> {
    if (this.ops === 0) return;
    this.bytes = 0;
    this.response = 0;
    this.ops = 0;
    this.syncs++;
    await this.ctx.sync();
  }
}
