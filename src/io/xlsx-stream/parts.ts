/**
 * The small parts of a workbook package: relationships, workbook.xml (sheet names, order, hidden
 * state, the 1904 date system) and the creator in docProps/core.xml. Each is streamed through the
 * tokenizer like the big ones, so no part is ever held whole.
 */
import { corrupt } from './errors';
import { attrs, decodeText, XmlHandler, XmlScanner } from './xml';
import { inflateEntry, InflateLimits, ZipDirectory } from './zip';

/** Stream one part through an XML handler. Returns its inflated size, or null when it does not exist. */
export async function parsePart(dir: ZipDirectory, name: string, limits: InflateLimits, handler: XmlHandler, onInflated?: (bytes: number) => void): Promise<number | null> {
  const entry = dir.entries.get(name);
  if (!entry) return null;
  const scanner = new XmlScanner(handler, dir.budget.limits.maxPendingChars);
  const decoder = new TextDecoder('utf-8');
  const bytes = await inflateEntry(dir, entry, limits, (chunk) => {
    onInflated?.(chunk.length);
    scanner.write(decoder.decode(chunk, { stream: true }));
  });
  const tail = decoder.decode();
  if (tail) scanner.write(tail);
  scanner.end();
  return bytes;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a part name ("xl/worksheets/sheet1.xml"), or the raw target when external. */
  target: string;
  external: boolean;
}

/** The part a relationship target points to, relative to the part that owns the .rels. */
export function resolveTarget(ownerPart: string, target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  const baseParts = t.startsWith('/') ? [] : ownerPart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') baseParts.pop();
    else baseParts.push(seg);
  }
  return baseParts.join('/');
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export async function readRels(dir: ZipDirectory, ownerPart: string, limits: InflateLimits): Promise<Relationship[]> {
  const out: Relationship[] = [];
  await parsePart(dir, relsPartOf(ownerPart), limits, {
    open(s, name, a, b) {
      if (name !== 'Relationship') return;
      const x = attrs(s, a, b);
      const external = x.TargetMode === 'External';
      out.push({ id: x.Id ?? '', type: x.Type ?? '', target: external ? (x.Target ?? '') : resolveTarget(ownerPart, x.Target ?? ''), external });
    },
    close() {},
    text() {},
  });
  return out;
}

export interface SheetEntry {
  /** Name as Excel shows it. */
  name: string;
  hidden: boolean;
  /** Part name of the worksheet XML. */
  part: string;
}

/** A sheet workbook.xml lists whose cells the package does not hold (its part, or its relationship, is missing). */
export interface MissingSheet {
  /** Name as Excel shows it. */
  name: string;
  /** The part its relationship points to, or null when workbook.xml.rels has no worksheet for it. */
  part: string | null;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  /** Listed worksheets that cannot be read: each is reported, never passed over as if it were not there. */
  missingSheets: MissingSheet[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

/**
 * Double-decode a sheet name the way exceljs does (it runs its own entity decoder over the already
 * decoded attribute), so both readers agree on names and the review workbook finds the sheet.
 */
function exceljsXmlDecode(s: string): string {
  return s.replace(/&([a-z]*);/g, (c, n: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' } as Record<string, string>)[n] ?? c);
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

export async function readWorkbookInfo(dir: ZipDirectory, limits: InflateLimits): Promise<WorkbookInfo> {
  let part = 'xl/workbook.xml';
  const root = await readRels(dir, '', limits);
  const doc = root.find((r) => REL_OFFICE_DOCUMENT.test(r.type) && !r.external && dir.entries.has(r.target));
  if (doc) part = doc.target;
  if (!dir.entries.has(part)) throw corrupt('压缩包中没有工作簿');

  const defs: Array<{ name: string; state: string; rid: string }> = [];
  let date1904 = false;
  await parsePart(dir, part, limits, {
    open(s, name, a, b) {
      if (name === 'sheet') {
        const x = attrs(s, a, b);
        defs.push({ name: exceljsXmlDecode(x.name ?? ''), state: x.state ?? 'visible', rid: x['r:id'] ?? attrWithLocalName(x, 'id') ?? '' });
      } else if (name === 'workbookPr') {
        date1904 = attrs(s, a, b).date1904 === '1';
      }
    },
    close() {},
    text() {},
  });
  const rels = await readRels(dir, part, limits);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const missingSheets: MissingSheet[] = [];
  for (const d of defs) {
    const rel = byId.get(d.rid);
    // Chart sheets, dialog sheets and macro sheets hold no cells to check: passed over, as exceljs does.
    if (rel && !rel.external && !/\/worksheet$/.test(rel.type)) continue;
    // A worksheet whose relationship or part is missing (exceljs skips it silently) is a sheet the
    // user sent and we cannot read: the caller reports it (a 绩效目标 sheet's projects are then not "uncovered").
    if (!rel || rel.external || !dir.entries.has(rel.target)) {
      missingSheets.push({ name: d.name, part: rel && !rel.external ? rel.target : null });
      continue;
    }
    sheets.push({ name: d.name, hidden: d.state === 'hidden' || d.state === 'veryHidden', part: rel.target });
  }
  const find = (suffix: RegExp, fallback: string): string | null => {
    const r = rels.find((x) => suffix.test(x.type) && !x.external && dir.entries.has(x.target));
    return r ? r.target : dir.entries.has(fallback) ? fallback : null;
  };
  return {
    part,
    sheets,
    missingSheets,
    date1904,
    sharedStringsPart: find(/\/sharedStrings$/, 'xl/sharedStrings.xml'),
    stylesPart: find(/\/styles$/, 'xl/styles.xml'),
  };
}

/** An attribute whose name has some prefix before ":id" (writers do not always use "r:"). */
function attrWithLocalName(x: Record<string, string>, local: string): string | undefined {
  for (const k of Object.keys(x)) if (k.endsWith(`:${local}`)) return x[k];
  return undefined;
}

/** Properties of docProps/core.xml that say who wrote a file (review workbooks carry ours). */
export interface CoreProperties {
  creator: string | null;
  category: string | null;
}

/** dc:creator and cp:category of docProps/core.xml; null where absent. */
export async function readCoreProperties(dir: ZipDirectory, limits: InflateLimits): Promise<CoreProperties> {
  const raw: Record<string, string | null> = { creator: null, category: null };
  let current: string | null = null;
  const found = await parsePart(dir, 'docProps/core.xml', limits, {
    open(_s, name) {
      if (name in raw) {
        current = name;
        raw[name] = '';
      }
    },
    close(name) {
      if (name === current) current = null;
    },
    text(s, a, b) {
      if (current !== null) raw[current] += s.slice(a, b);
    },
  });
  const get = (k: string) => (found === null || raw[k] === null ? null : decodeText(raw[k] as string));
  return { creator: get('creator'), category: get('category') };
}
