/**
 * Issue 7, "Security", the parts that can be read from the sources: the core touches no host (no
 * Node builtins, no DOM, no office.js, no exceljs, no eval), the manifest asks for ReadWriteDocument
 * and nothing more, and the pages declare the Content-Security-Policy the issue asks for. The CSP is
 * enforced in a real browser by tests/browser/offline.test.ts and tests/browser/addin.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { moduleSpecifiers } from './imports';

const ROOT = path.resolve(__dirname, '../..');
const CORE = path.join(ROOT, 'src', 'core');
/**
 * Packages the core may import: pure, host-free libraries (zod validates the rule parameters,
 * numfmt renders the number formats of 指标值 as Excel shows them).
 */
const PURE_PACKAGES: ReadonlySet<string> = new Set(['zod', 'numfmt']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('src/core is pure', () => {
  const files = sources(CORE);

  test('every import is a relative path inside src/core, zod or numfmt (no node builtins, exceljs, office-js, react)', () => {
    expect(files.length).toBeGreaterThan(50);
    const outside: string[] = [];
    for (const file of files) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
      for (const s of moduleSpecifiers(sf)) {
        if (PURE_PACKAGES.has(s.split('/')[0])) continue;
        const resolved = s.startsWith('.') ? path.resolve(path.dirname(file), s) : null;
        if (!resolved || !(resolved + path.sep).startsWith(CORE + path.sep)) outside.push(`${path.relative(ROOT, file)}: ${s}`);
      }
    }
    expect(outside).toEqual([]);
  });

  const PURE_OPTIONS: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2020.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    esModuleInterop: true,
  };

  test('the purity compile has teeth: DOM, Node and Office globals do not type-check under it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-pure-'));
    const probe = path.join(dir, 'probe.ts');
    fs.writeFileSync(probe, 'export const a = [document.title, process.env.HOME, Buffer.from(""), Office.context, window.fetch];\n');
    const n = ts.getPreEmitDiagnostics(ts.createProgram([probe], PURE_OPTIONS)).length;
    fs.rmSync(dir, { recursive: true, force: true });
    expect(n).toBe(5);
  }, 60_000);

  test('it type-checks with the ES2020 library alone: no DOM, no Node globals (process, Buffer, require), no Office or Excel', () => {
    const program = ts.createProgram(files, PURE_OPTIONS);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${path.relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
    // Every file the program pulled in is the core's own, a pure package's, or TypeScript's ES library.
    const foreign = program.getSourceFiles().map((f) => f.fileName).filter((f) => !f.startsWith(CORE) && !/typescript[\\/]lib[\\/]lib\./.test(f) && !/node_modules[\\/](zod|numfmt)[\\/]/.test(f));
    expect(foreign).toEqual([]);
  }, 60_000);

  test('no eval, no Function constructor, no timers or network globals in the core', () => {
    const found: string[] = [];
    const banned = new Set(['eval', 'Function', 'fetch', 'XMLHttpRequest', 'WebSocket', 'setTimeout', 'setInterval', 'importScripts']);
    for (const file of files) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
      const visit = (n: ts.Node): void => {
        if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && ts.isIdentifier(n.expression) && banned.has(n.expression.text)) found.push(`${path.relative(ROOT, file)}: ${n.expression.text}`);
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(found).toEqual([]);
  });

  test('numfmt, as shipped, has no eval, Function constructor, timers, network or host globals either', () => {
    const js = fs.readFileSync(require.resolve('numfmt'), 'utf8');
    expect(js.length).toBeGreaterThan(10_000);
    const banned = /\b(eval|Function|fetch|XMLHttpRequest|WebSocket|setTimeout|setInterval|importScripts)\s*\(|\b(require|process|window|document|globalThis)\b/g;
    expect(js.match(banned)).toBeNull();
  });
});

describe('the add-in manifest', () => {
  const manifest = path.join(ROOT, 'manifest.xml');
  (fs.existsSync(manifest) ? test : test.skip)('requests ReadWriteDocument and nothing more', () => {
    const xml = fs.readFileSync(manifest, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const permissions = [...xml.matchAll(/<(?:\w+:)?Permissions\b[^>]*>([\s\S]*?)<\/(?:\w+:)?Permissions>/g)].map((m) => m[1].trim());
    expect(permissions).toEqual(['ReadWriteDocument']);
    // No other permission-like requests (unified-manifest style, or a second, wider element).
    expect(xml).not.toMatch(/<(?:\w+:)?Permission\b|ReadWriteMailbox|ReadItem|ReadWriteItem|Restricted/);
  });
});

/** The directives of a CSP string. */
function csp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

function metaCsp(htmlFile: string): Map<string, string[]> {
  const html = fs.readFileSync(htmlFile, 'utf8');
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])(.*?)\1/i.exec(html);
  if (!m) throw new Error(`${htmlFile}: no Content-Security-Policy meta tag`);
  return csp(m[2]);
}

describe('the pages declare a Content-Security-Policy', () => {
  const pane = [path.join(ROOT, 'src/taskpane/taskpane.html'), path.join(ROOT, 'dist/web/taskpane.html')].filter((f) => fs.existsSync(f));
  const offline = [path.join(ROOT, 'src/web/offline.html'), path.join(ROOT, 'dist/web/budget-review-offline.html')].filter((f) => fs.existsSync(f));

  test.each(pane)('task pane %s: scripts only from itself and the office.js CDN, no unsafe-eval, connect-src self', (file) => {
    const p = metaCsp(file);
    expect(p.get('script-src')?.sort()).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(p.get('connect-src')).toEqual(["'self'"]);
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    for (const [, values] of p) expect(values).not.toContain("'unsafe-eval'");
  });

  test.each(offline)('offline page %s: no unsafe-eval, no network at all', (file) => {
    const p = metaCsp(file);
    expect(p.get('connect-src')).toEqual(["'none'"]);
    expect(p.get('default-src')).toEqual(["'none'"]);
    for (const [, values] of p) {
      expect(values).not.toContain("'unsafe-eval'");
      for (const v of values) expect(v).not.toMatch(/^https?:/);
    }
  });

  test('the pages were found (the test above is not vacuous)', () => {
    expect(pane.length).toBeGreaterThanOrEqual(1);
    expect(offline.length).toBeGreaterThanOrEqual(1);
  });
});
