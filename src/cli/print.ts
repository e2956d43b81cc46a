/**
 * Everything the CLI prints goes through here (issue 19, item 14). Cell text, sheet names, unit names
 * and file names come from the inputs, and a workbook can carry terminal control sequences in them:
 * ESC sequences (clear the screen, move the cursor, recolour), OSC (change the window title, hidden
 * hyperlinks), BEL, and the C1 controls some terminals obey as well. They are removed from human
 * output; in JSON they stay data, written as \u escapes (JSON.stringify already escapes C0).
 * Bidirectional overrides and other invisible format characters, which can make printed text read
 * differently from what it is, are removed from human output too.
 *
 * A static test keeps every other module under src/cli from writing to stdout or stderr itself.
 */
import { ESCAPE_SEQUENCES } from '../core/text';

// What is left of C0 (but tab and line feed), DEL, C1, and invisible format characters.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `s` safe to print on a terminal: escape sequences and control characters removed (tab and \n kept). */
export function terminalSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(s)) return s;
  return s.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/**
 * JSON text safe to print: JSON.stringify escapes C0 but writes DEL, C1 and the invisible format
 * characters as they are; here they become \u escapes too, so the text is the same JSON value.
 */
export function jsonSafe(json: string): string {
  // eslint-disable-next-line no-control-regex
  return json.replace(/[\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Print human text on stdout. */
export function printOut(s: string): void {
  process.stdout.write(terminalSafe(s));
}

/** Print human text on stderr. */
export function printErr(s: string): void {
  process.stderr.write(terminalSafe(s));
}

/** Print a value as indented JSON on stdout, with a final line break. */
export function printJson(value: unknown): void {
  process.stdout.write(jsonSafe(JSON.stringify(value, null, 2)) + '\n');
}

/** Print JSON text that is already made (e.g. figures --json) on stdout. */
export function printJsonText(json: string): void {
  process.stdout.write(jsonSafe(json));
}
