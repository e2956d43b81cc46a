/**
 * sharedStrings.xml → one string per <si>, rich text runs joined, phonetic guides (<rPh>) left out.
 * Mirrors exceljs: `_xHHHH_` escapes are decoded inside <t>, an <si> without text is null (exceljs
 * gives an empty object, which reads as an empty cell), and a plain <t> wins over runs.
 */
import { decodeText } from './xml';
import { parsePart } from './parts';
import type { InflateLimits, ZipDirectory } from './zip';

/** Excel's escape for characters XML cannot carry (e.g. _x000D_ for a carriage return). */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export async function readSharedStrings(dir: ZipDirectory, part: string | null, limits: InflateLimits): Promise<Array<string | null>> {
  if (!part) return [];
  const out: Array<string | null> = [];
  let plain: string | null = null; // <si><t>
  let runs: string | null = null; // <si><r><t>…
  let depth = 0; // depth inside <si>: 1 = direct child
  let inRun = false;
  let inPhonetic = false;
  let collecting = false;
  let raw = '';
  const maxStrings = dir.budget.limits.maxCells;
  const maxChars = dir.budget.limits.maxPendingChars;
  await parsePart(dir, part, limits, {
    open(_s, name) {
      if (name === 'si' && depth === 0) {
        plain = null;
        runs = null;
        depth = 1;
        return;
      }
      if (depth === 0) return;
      depth++;
      if (name === 'rPh' && depth === 2) inPhonetic = true;
      else if (name === 'r' && depth === 2) inRun = true;
      else if (name === 't' && !inPhonetic && (depth === 2 || (inRun && depth === 3))) {
        collecting = true;
        raw = '';
      }
    },
    close(name) {
      if (depth === 0) return;
      if (depth === 1) {
        // </si>
        out.push(plain !== null ? plain : runs);
        if (out.length > maxStrings) dir.budget.sharedStrings(out.length);
        depth = 0;
        return;
      }
      if (name === 't' && collecting) {
        collecting = false;
        const text = decodeExcelEscapes(decodeText(raw));
        if (inRun) runs = (runs ?? '') + text;
        else plain = text;
      } else if (name === 'r' && depth === 2) {
        inRun = false;
        if (runs === null) runs = ''; // a run without <t> still makes the string rich text
      } else if (name === 'rPh' && depth === 2) inPhonetic = false;
      depth--;
    },
    text(s, a, b) {
      if (!collecting) return;
      raw += s.slice(a, b);
      if (raw.length + (runs?.length ?? 0) > maxChars) dir.budget.text(raw.length + (runs?.length ?? 0), `第 ${out.length + 1} 条共享字符串`);
    },
    cdata(v) {
      if (collecting) raw += v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    },
  });
  return out;
}
