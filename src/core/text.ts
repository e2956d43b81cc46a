/** Text normalisation shared by header matching, code-name comparison and table-title recognition. */

const BRACKETS = /[()[\]【】〔〕{}<>《》"'“”‘’「」]/g;

/**
 * NFKC (full width → half width), no white space, brackets removed, lower-case ASCII.
 * "金额（万元）" → "金额万元"; "“三公”经费" → "三公经费".
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(BRACKETS, '').toLowerCase();
}

/** Like normalizeText but keeps bracket contents apart: used where "(万元)" must be split off first. */
export function stripUnitSuffix(header: string): { text: string; amountUnit: 'yuan' | 'wan' | null } {
  const n = header.normalize('NFKC').replace(/\s+/g, '');
  const m = /[([（【]?(?:单位[:：])?(万元|元)[)\]）】]?$/.exec(n);
  if (m && m.index > 0) {
    return { text: n.slice(0, m.index), amountUnit: m[1] === '万元' ? 'wan' : 'yuan' };
  }
  return { text: n, amountUnit: null };
}

/** The amount unit stated by a cell such as "单位：万元" or "金额单位：元" (not "编制单位：…"). */
export function unitFromLine(s: string): 'yuan' | 'wan' | null {
  const n = s.normalize('NFKC').replace(/\s+/g, '');
  const m = /(?:^|[^编制预算])(?:金额)?单位[:：](万元|元)(?![\u4e00-\u9fa5])/.exec(n) ?? /^(?:金额)?单位[:：](万元|元)/.exec(n);
  if (!m) return null;
  return m[1] === '万元' ? 'wan' : 'yuan';
}

/** A four-digit year from a title ("2025年部门预算"). */
export function yearFromText(s: string): number | null {
  const m = /(20\d{2})\s*年/.exec(s.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/** Width of a text in character cells: CJK characters (from U+2E80) take two, as in terminals and Excel columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}

// An escape sequence: CSI (ESC [ … final), OSC / DCS / SOS / PM / APC strings (ESC ] … up to BEL or
// ST, also the 8-bit introducers), or ESC and one more character. An unterminated string ends at
// the line's end (its introducer is gone, so what follows prints as plain text).
// Used by terminal output and by file names, so no part of a sequence survives either (issue 19, item 14).
// eslint-disable-next-line no-control-regex
export const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\s\S]?/g;

// Full-width forms and spaces only: most names need no NFKC pass (290,000 projects on a big budget).
// A loop over the characters rather than a regular expression: asked of every unit and project of
// the lines, and of every goal. Exactly /[\s\u3000\uff00-\uffef]/.
export function needsClean(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
    } else if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || (c >= 0xff00 && c <= 0xffef)) return true;
  }
  return false;
}
