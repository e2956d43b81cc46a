/**
 * A small, fast, incremental XML tokenizer for the parts of an .xlsx. It is fed decoded text in
 * chunks and reports tags and raw text as offsets into the current buffer, so the hot path (millions
 * of `<c>` elements) allocates almost nothing. Only an unfinished construct at the end of a chunk is
 * carried over, never the document. Namespace prefixes are dropped from element names ("x:c" → "c").
 * DTDs are refused: Office never writes them, and they are how entity-expansion attacks arrive.
 */
import { corrupt } from './errors';
import { DEFAULT_READER_LIMITS, pendingTooLong } from './limits';

export interface XmlHandler {
  /** An element opened; attributes are s[attrStart, attrEnd). A self-closing tag also gets close(). */
  open(s: string, name: string, attrStart: number, attrEnd: number): void;
  close(name: string): void;
  /** Raw (undecoded) character data; one text node may arrive in several pieces. */
  text(s: string, start: number, end: number): void;
  /** CDATA content, already literal. */
  cdata?(value: string): void;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQ = 61;
const COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Element names we meet millions of times are returned as constants instead of new strings. */
function elementName(s: string, start: number, end: number): string {
  // Drop a namespace prefix.
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) === COLON) {
      start = i + 1;
      break;
    }
  }
  const len = end - start;
  const c0 = s.charCodeAt(start);
  if (len === 1) {
    switch (c0) {
      case 99: return 'c';
      case 118: return 'v';
      case 102: return 'f';
      case 116: return 't';
      case 114: return 'r';
    }
  } else if (len === 2 && c0 === 105 && s.charCodeAt(start + 1) === 115) {
    return 'is';
  } else if (len === 2 && c0 === 115 && s.charCodeAt(start + 1) === 105) {
    return 'si';
  } else if (len === 3 && c0 === 114 && s.charCodeAt(start + 1) === 111 && s.charCodeAt(start + 2) === 119) {
    return 'row';
  }
  return s.slice(start, end);
}

export class XmlScanner {
  private rest = '';
  private depth = 0;
  private sawRoot = false;

  /**
   * `maxPending`: the longest unfinished construct (a tag, comment, CDATA section) carried from one
   * chunk to the next; past it the part is refused, instead of rescanning an ever longer carry-over.
   */
  constructor(
    private readonly h: XmlHandler,
    private readonly maxPending: number = DEFAULT_READER_LIMITS.maxPendingChars,
  ) {}

  /** Feed the next piece of the document. */
  write(chunk: string): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = '';
    const consumed = this.scan(s);
    if (consumed < s.length) {
      if (s.length - consumed > this.maxPending) throw pendingTooLong(this.maxPending);
      this.rest = s.slice(consumed);
    }
  }

  /** The document is complete: anything unfinished means it was cut short. */
  end(): void {
    if (this.rest.trim().length > 0 || this.depth !== 0 || !this.sawRoot) throw corrupt('XML 不完整');
  }

  /** Process s from the start; returns how far it got (the rest is an unfinished construct). */
  private scan(s: string): number {
    const h = this.h;
    const len = s.length;
    let pos = 0;
    while (pos < len) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (this.depth > 0) h.text(s, pos, len);
        return len;
      }
      if (lt > pos && this.depth > 0) h.text(s, pos, lt);
      pos = lt;
      if (lt + 1 >= len) return lt;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        let e = gt;
        while (e > lt + 2 && isSpace(s.charCodeAt(e - 1))) e--;
        if (--this.depth < 0) throw corrupt('XML 结构错误');
        h.close(elementName(s, lt + 2, e));
        pos = gt + 1;
      } else if (c1 === 63 /* ? */) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return lt;
        pos = e + 2;
      } else if (c1 === 33 /* ! */) {
        if (s.startsWith('!--', lt + 1)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return lt;
          pos = e + 3;
        } else if (s.startsWith('![CDATA[', lt + 1)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return lt;
          if (h.cdata && this.depth > 0) h.cdata(s.slice(lt + 9, e));
          pos = e + 3;
        } else {
          if (lt + 9 >= len) return lt;
          throw corrupt('XML 含有不支持的文档类型声明');
        }
      } else {
        // Start tag: walk the name and the attributes, skipping quoted values (they may hold '>').
        let p = lt + 1;
        while (p < len) {
          const c = s.charCodeAt(p);
          if (isSpace(c) || c === GT || c === SLASH) break;
          p++;
        }
        const nameEnd = p;
        if (nameEnd === lt + 1) throw corrupt('XML 结构错误');
        let selfClosing = false;
        let tagEnd = -1;
        while (p < len) {
          const c = s.charCodeAt(p);
          if (c === GT) {
            tagEnd = p;
            break;
          }
          if (c === QUOTE || c === APOS) {
            const q = s.indexOf(c === QUOTE ? '"' : "'", p + 1);
            if (q < 0) return lt;
            p = q + 1;
            continue;
          }
          if (c === SLASH && p + 1 < len && s.charCodeAt(p + 1) === GT) {
            selfClosing = true;
            tagEnd = p + 1;
            break;
          }
          p++;
        }
        if (tagEnd < 0) return lt;
        const name = elementName(s, lt + 1, nameEnd);
        this.sawRoot = true;
        this.depth++;
        h.open(s, name, nameEnd, selfClosing ? tagEnd - 1 : tagEnd);
        if (selfClosing) {
          this.depth--;
          h.close(name);
        }
        pos = tagEnd + 1;
      }
    }
    return pos;
  }
}

/**
 * The attribute walker's result, reused to avoid an object per attribute: name is s[nameStart,
 * nameEnd) (with its prefix), value is s[valueStart, valueEnd) raw.
 */
export interface AttrCursor {
  pos: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export function attrCursor(start: number): AttrCursor {
  return { pos: start, nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };
}

/** Advance to the next attribute in s[cur.pos, end); false when there is none. */
export function nextAttr(s: string, end: number, cur: AttrCursor): boolean {
  let p = cur.pos;
  while (p < end && isSpace(s.charCodeAt(p))) p++;
  if (p >= end) return false;
  cur.nameStart = p;
  while (p < end) {
    const c = s.charCodeAt(p);
    if (c === EQ || isSpace(c)) break;
    p++;
  }
  cur.nameEnd = p;
  while (p < end && s.charCodeAt(p) !== QUOTE && s.charCodeAt(p) !== APOS) p++;
  if (p >= end) return false;
  const q = s.charCodeAt(p);
  const close = s.indexOf(q === QUOTE ? '"' : "'", p + 1);
  if (close < 0 || close > end) return false;
  cur.valueStart = p + 1;
  cur.valueEnd = close;
  cur.pos = close + 1;
  return true;
}

/** Whether the current attribute's qualified name equals `name`. */
export function attrIs(s: string, cur: AttrCursor, name: string): boolean {
  return cur.nameEnd - cur.nameStart === name.length && s.startsWith(name, cur.nameStart);
}

/** All attributes of a tag as a plain object (qualified names, decoded values): for rare tags only. */
export function attrs(s: string, start: number, end: number): Record<string, string> {
  const out: Record<string, string> = {};
  const cur = attrCursor(start);
  while (nextAttr(s, end, cur)) out[s.slice(cur.nameStart, cur.nameEnd)] = decodeAttr(s.slice(cur.valueStart, cur.valueEnd));
  return out;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Replace entity and character references; unknown entities are left as written. */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}

/** Character data as an XML parser reports it: line ends normalised to \n, then references replaced. */
export function decodeText(raw: string): string {
  if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
  return decodeEntities(raw);
}

/** An attribute value as an XML parser reports it: whitespace characters become spaces. */
export function decodeAttr(raw: string): string {
  if (/[\t\n\r]/.test(raw)) raw = raw.replace(/\r\n/g, ' ').replace(/[\t\n\r]/g, ' ');
  return decodeEntities(raw);
}
