/**
 * Raw-deflate inflation, chunk by chunk, with no hand-written inflater: the platform's
 * DecompressionStream('deflate-raw') where it exists (Chromium ≥ 103, Firefox ≥ 113, Safari ≥ 16.4,
 * Node ≥ 20; native and about 5× faster than JavaScript), else fflate's streaming Inflate.
 * Both doors therefore inflate with the same code; a damaged or cut stream becomes XlsxReadError.
 */
import { Inflate } from 'fflate';
import { corrupt, truncated, XlsxReadError } from './errors';

interface NativeDecompressor {
  readonly writable: { getWriter(): { write(c: Uint8Array): Promise<void>; close(): Promise<void>; abort(r?: unknown): Promise<void> } };
  readonly readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(r?: unknown): Promise<void> } };
}
type NativeCtor = new (format: string) => NativeDecompressor;

function nativeCtor(): NativeCtor | null {
  const C = (globalThis as { DecompressionStream?: NativeCtor }).DecompressionStream;
  if (typeof C !== 'function') return null;
  try {
    new C('deflate-raw');
    return C;
  } catch {
    return null; // an older engine with gzip/deflate only
  }
}

let native: NativeCtor | null | undefined;

/** Which inflater this runtime uses (tests pin both). */
export type InflaterKind = 'native' | 'fflate';

export function inflaterKind(): InflaterKind {
  if (native === undefined) native = nativeCtor();
  return native ? 'native' : 'fflate';
}

/** A cut stream reads as 文件不完整, anything else as 文件已损坏. */
function inflateError(e: unknown): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  const x = e as { code?: unknown; message?: unknown };
  const text = `${typeof x?.code === 'string' ? x.code : ''} ${typeof x?.message === 'string' ? x.message : ''}`;
  // Node: Z_BUF_ERROR "unexpected end of file"; Chromium: "Compressed input was truncated"; fflate: code 0 "unexpected EOF".
  if (/Z_BUF_ERROR|truncated|unexpected (end|EOF)/i.test(text) || x?.code === 0) return truncated();
  return corrupt();
}

async function* inflateNative(C: NativeCtor, input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const ds = new C('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stop = false;
  // Write while reading: awaiting a write before reading would stall once the stream's queue is full.
  const pump = (async () => {
    for await (const chunk of input) {
      if (stop) return;
      await writer.write(chunk);
    }
    await writer.close();
  })();
  pump.catch(() => undefined); // its failure also errors the readable, which is what we report
  try {
    for (;;) {
      let r: { done: boolean; value?: Uint8Array };
      try {
        r = await reader.read();
      } catch (e) {
        const inputError = await pump.then(() => null, (err: unknown) => err);
        throw inputError instanceof XlsxReadError ? inputError : inflateError(e);
      }
      if (r.done) break;
      if (r.value && r.value.length > 0) yield r.value;
    }
    await pump.catch((e: unknown) => {
      throw e instanceof XlsxReadError ? e : inflateError(e);
    });
  } finally {
    stop = true;
    reader.cancel().catch(() => undefined);
    writer.abort().catch(() => undefined);
  }
}

async function* inflateFflate(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const inflater = new Inflate((data) => void out.push(data));
  let last: Uint8Array | null = null;
  const push = (c: Uint8Array, final: boolean) => {
    try {
      inflater.push(c, final);
    } catch (e) {
      throw inflateError(e);
    }
  };
  // fflate must be told which chunk is the last: hold one back.
  for await (const chunk of input) {
    if (last) push(last, false);
    last = chunk;
    while (out.length > 0) yield out.shift() as Uint8Array;
  }
  push(last ?? new Uint8Array(0), true);
  while (out.length > 0) yield out.shift() as Uint8Array;
}

/** Inflate raw deflate data given as chunks, yielding the output as it comes. */
export function inflateRaw(input: AsyncIterable<Uint8Array>, kind: InflaterKind = inflaterKind()): AsyncGenerator<Uint8Array> {
  const C = kind === 'native' ? (native === undefined ? (native = nativeCtor()) : native) : null;
  return C ? inflateNative(C, input) : inflateFflate(input);
}
