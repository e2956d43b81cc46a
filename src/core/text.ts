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
