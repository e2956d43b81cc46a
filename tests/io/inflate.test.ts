/**
 * Both inflaters of the shared reader (DecompressionStream where the platform has it, fflate where
 * not) give the same bytes, and a cut or damaged stream is XlsxReadError in both, never a crash.
 */
import * as zlib from 'zlib';
import { XlsxReadError } from '../../src/io/xlsx-stream/errors';
import { inflateRaw, inflaterKind, InflaterKind } from '../../src/io/xlsx-stream/inflate';

const text = Buffer.from('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(50_000) + '县教育局'.repeat(10_000));
const deflated = zlib.deflateRawSync(text);

async function* chunks(b: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, Math.min(b.length, i + size));
}

async function inflateAll(b: Uint8Array, kind: InflaterKind): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const c of inflateRaw(chunks(b), kind)) out.push(c);
  return Buffer.concat(out);
}

test('Node has DecompressionStream("deflate-raw"): the CLI inflates natively, as Chromium does', () => {
  expect(inflaterKind()).toBe('native');
});

test.each<InflaterKind>(['native', 'fflate'])('%s: the same bytes as zlib', async (kind) => {
  expect((await inflateAll(deflated, kind)).equals(text)).toBe(true);
});

test.each<InflaterKind>(['native', 'fflate'])('%s: a cut stream is 文件不完整, damaged data is refused', async (kind) => {
  const cut = await inflateAll(deflated.subarray(0, deflated.length >> 1), kind).catch((e: unknown) => e);
  expect(cut).toBeInstanceOf(XlsxReadError);
  expect((cut as XlsxReadError).problem).toBe('truncated');
  const bad = Buffer.from(deflated);
  bad.fill(0xff, 10, 200);
  const damaged = await inflateAll(bad, kind).catch((e: unknown) => e);
  expect(damaged).toBeInstanceOf(XlsxReadError);
  expect(['corrupt', 'truncated']).toContain((damaged as XlsxReadError).problem);
});
