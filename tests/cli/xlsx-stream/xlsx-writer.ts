/**
 * A minimal .xlsx writer for the streaming reader's tests: parts are deflated chunk by chunk into a
 * zip on disk, so sheets of a million rows (and zip bombs) can be built without holding their XML.
 * Entries use a data descriptor (sizes after the data); the central directory records them.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';

export interface Part {
  name: string;
  /** The part's text, whole or as a generator of pieces. */
  body: string | Iterable<string>;
  /** An uncompressed size to declare instead of the real one (a lying zip bomb). */
  declaredSize?: number;
  /**
   * Store no data: the central directory points this name at the data of the earlier part so named
   * (overlapping entries, the way a small zip inflates to many times its size).
   */
  sameDataAs?: string;
}

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += fs.writeSync(fd, buf, off);
}

/** Deflate `body` into fd; returns crc, compressed and uncompressed sizes. */
function deflateInto(fd: number, body: string | Iterable<string>, level: number): { crc: number; compressed: number; size: number } {
  const pieces: Iterable<string> = typeof body === 'string' ? [body] : body;
  let crc = 0;
  let size = 0;
  let compressed = 0;
  // Each batch is deflated on its own and ends with a sync flush (byte-aligned, not final), so the
  // batches concatenate into one valid deflate stream; an empty final block closes it.
  let pending: string[] = [];
  let pendingLen = 0;
  const emit = (out: Buffer) => {
    compressed += out.length;
    writeAll(fd, out);
  };
  const flush = () => {
    const buf = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLen = 0;
    if (buf.length === 0) return;
    crc = zlib.crc32(buf, crc);
    size += buf.length;
    emit(zlib.deflateRawSync(buf, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  };
  for (const p of pieces) {
    pending.push(p);
    pendingLen += p.length;
    if (pendingLen >= 4 * 1024 * 1024) flush();
  }
  flush();
  emit(zlib.deflateRawSync(Buffer.alloc(0), { level }));
  return { crc: crc >>> 0, compressed, size };
}

/** Write a zip of `parts` to `file` (deflate at `level`, default 1 for speed). */
export function writeZip(file: string, parts: ReadonlyArray<Part>, level = 1): void {
  const fd = fs.openSync(file, 'w');
  try {
    let pos = 0;
    const written: Written[] = [];
    for (const part of parts) {
      const name = Buffer.from(part.name, 'utf8');
      if (part.sameDataAs !== undefined) {
        const of = written.find((w) => w.name.toString('utf8') === part.sameDataAs);
        if (!of) throw new Error(`no part ${part.sameDataAs} before ${part.name}`);
        written.push({ ...of, name });
        continue;
      }
      const lfh = Buffer.alloc(30);
      lfh.writeUInt32LE(0x04034b50, 0);
      lfh.writeUInt16LE(20, 4);
      lfh.writeUInt16LE(0x0808, 6); // data descriptor + UTF-8 names
      lfh.writeUInt16LE(8, 8);
      lfh.writeUInt16LE(name.length, 26);
      writeAll(fd, lfh);
      writeAll(fd, name);
      const offset = pos;
      pos += 30 + name.length;
      const r = deflateInto(fd, part.body, level);
      pos += r.compressed;
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(r.crc, 4);
      dd.writeUInt32LE(r.compressed, 8);
      dd.writeUInt32LE(part.declaredSize ?? r.size, 12);
      writeAll(fd, dd);
      pos += 16;
      written.push({ name, offset, ...r, size: part.declaredSize ?? r.size });
    }
    const cdStart = pos;
    for (const w of written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(w.crc, 16);
      h.writeUInt32LE(w.compressed, 20);
      h.writeUInt32LE(w.size, 24);
      h.writeUInt16LE(w.name.length, 28);
      h.writeUInt32LE(w.offset, 42);
      writeAll(fd, h);
      writeAll(fd, w.name);
      pos += 46 + w.name.length;
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(written.length, 8);
    eocd.writeUInt16LE(written.length, 10);
    eocd.writeUInt32LE(pos - cdStart, 12);
    eocd.writeUInt32LE(cdStart, 16);
    writeAll(fd, eocd);
  } finally {
    fs.closeSync(fd);
  }
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface SheetSpec {
  name: string;
  /** The worksheet XML, whole or in pieces (see budgetSheetXml). */
  xml: string | Iterable<string>;
  declaredSize?: number;
  /** The 0-based index of an earlier sheet whose data this one shares (overlapping zip entries). */
  sameDataAs?: number;
}

/** An .xlsx with the given sheets, shared strings and (optionally) a styles part. */
export function writeXlsx(
  file: string,
  sheets: ReadonlyArray<SheetSpec>,
  opts: { sharedStrings?: string[]; stylesXml?: string; extraParts?: Part[]; level?: number } = {},
): void {
  const ct = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    '</Types>',
  ].join('');
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets>${sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/></Relationships>`;
  const parts: Part[] = [
    { name: '[Content_Types].xml', body: ct },
    { name: '_rels/.rels', body: rootRels },
    { name: 'xl/workbook.xml', body: wb },
    { name: 'xl/_rels/workbook.xml.rels', body: wbRels },
  ];
  if (opts.sharedStrings) {
    const ss = opts.sharedStrings;
    parts.push({ name: 'xl/sharedStrings.xml', body: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${ss.length}" uniqueCount="${ss.length}">${ss.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>` });
  }
  if (opts.stylesXml) parts.push({ name: 'xl/styles.xml', body: opts.stylesXml });
  parts.push(...(opts.extraParts ?? []));
  sheets.forEach((s, i) =>
    parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, body: s.xml, declaredSize: s.declaredSize, sameDataAs: s.sameDataAs !== undefined ? `xl/worksheets/sheet${s.sameDataAs + 1}.xml` : undefined }),
  );
  writeZip(file, parts, opts.level ?? 1);
}

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** Cells of sheet XML: an inline string, a number, a formula (`f` is its <f> element) with its cached value. */
export const xmlStr = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
export const xmlNum = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
export const xmlFormula = (ref: string, f: string, v: number) => `<c r="${ref}">${f}<v>${v}</v></c>`;

/** Column letters of a 0-based index. */
export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Shared strings used by budgetSheetXml: the six headers, then cell texts. */
export const BUDGET_STRINGS = ['单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额', '县教育局', '县卫健委', '人员经费', '公用经费', '项目支出', '一般公共预算拨款', '政府性基金预算拨款', '备注'];

/**
 * A budget detail sheet of `rows` lines under a header row: 单位名称 | 支出类型 | 功能分类科目 |
 * 经济分类科目 | 资金来源 | 金额 (元, with decimals), then extra columns up to `cols` (备注 text and
 * numbers). Generated as row XML pieces, so a million rows never exist as one string.
 */
export function* budgetSheetXml(rows: number, cols: number): Generator<string> {
  yield SHEET_HEAD;
  let head = '<row r="1">';
  for (let c = 0; c < cols; c++) head += `<c r="${colName(c)}1" t="s"><v>${c < 6 ? c : 13}</v></c>`;
  yield head + '</row>';
  const econ = [30101, 30201, 30205, 30211, 30216, 31002];
  let batch = '';
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    let x = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) {
      const ref = colName(c) + r;
      switch (c) {
        case 0:
          x += `<c r="${ref}" t="s"><v>${6 + (i % 2)}</v></c>`;
          break;
        case 1:
          x += `<c r="${ref}" t="s"><v>${8 + (i % 3)}</v></c>`;
          break;
        case 2:
          x += `<c r="${ref}"><v>${2050101 + (i % 3)}</v></c>`;
          break;
        case 3:
          x += `<c r="${ref}"><v>${econ[i % econ.length]}</v></c>`;
          break;
        case 4:
          x += `<c r="${ref}" t="s"><v>11</v></c>`;
          break;
        default:
          x += c % 2 === 0 ? `<c r="${ref}" t="s"><v>13</v></c>` : `<c r="${ref}"><v>${((i * 7919 + c * 104729) % 10000000) / 100}</v></c>`;
      }
    }
    batch += x + '</row>';
    if (batch.length > 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  yield batch;
  yield SHEET_TAIL;
}

/**
 * Run `fn` while sampling this process's RSS every 5 ms; returns its result and how far RSS rose
 * above where it started. Sampling (not maxRSS) because jest reuses a worker across test files.
 */
export async function rssGrowthDuring<T>(fn: () => Promise<T>): Promise<{ result: T | undefined; error: unknown; growthBytes: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    const r = process.memoryUsage.rss();
    if (r > peak) peak = r;
  }, 5);
  let result: T | undefined;
  let error: unknown;
  try {
    result = await fn();
  } catch (e) {
    error = e;
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  return { result, error, growthBytes: peak - start };
}
