/**
 * Folder boundaries (issue 12): src/io is shared by the CLI and the page, so nothing in it may reach
 * a Node builtin or the DOM; the page (src/web) and the pane (src/taskpane) never import src/cli,
 * directly or through another module. Both are read from the sources' import graph.
 */
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import * as ts from 'typescript';
import { moduleSpecifiers } from '../hardening/imports';

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
}

const imports = moduleSpecifiers;

/** A relative specifier → the source file it names. */
function resolveRelative(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that need a DOM, a host or Node: the shared layer stays off them. */
const HOST_PACKAGES = new Set(['react', 'react-dom', '@fluentui/react-components', 'office-js', 'iconv-lite', 'commander']);
/** Globals of one runtime only. */
const HOST_GLOBALS = new Set(['document', 'window', 'navigator', 'location', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname', '__filename', 'Office', 'Excel', 'XMLHttpRequest', 'fetch', 'importScripts', 'postMessage']);

function hostGlobals(sf: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && HOST_GLOBALS.has(n.text)) {
      const p = n.parent;
      const isName = (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isImportSpecifier(p);
      if (!isName) found.push(`${path.relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${n.text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('src/io is door-neutral', () => {
  const files = sources(path.join(SRC, 'io'));

  test('it holds the shared reader and writers', () => {
    const rel = files.map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(rel).toEqual(expect.arrayContaining(['io/xlsx-stream/zip.ts', 'io/xlsx-stream/index.ts', 'io/zip-inspect.ts', 'io/review-workbook.ts', 'io/tables-workbook.ts', 'io/source.ts']));
  });

  test('no Node builtin, no DOM or host package, and no import out of src/io other than src/core', () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const s of imports(parse(file))) {
        const where = `${path.relative(ROOT, file)}: ${s}`;
        if (NODE.has(s) || NODE.has(s.split('/')[0]) || HOST_PACKAGES.has(s) || s.startsWith('@fluentui/')) bad.push(where);
        else if (s.startsWith('.')) {
          const target = resolveRelative(file, s);
          const rel = target ? path.relative(SRC, target).split(path.sep)[0] : '?';
          if (rel !== 'io' && rel !== 'core') bad.push(where);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test('no Node or DOM globals (process, Buffer, document, window, fetch…)', () => {
    expect(files.flatMap((f) => hostGlobals(parse(f)))).toEqual([]);
  });

  test('the checks have teeth: a Node import and a DOM global are caught', () => {
    const sf = ts.createSourceFile('probe.ts', "import * as fs from 'fs';\nexport const t = document.title + process.cwd();\n", ts.ScriptTarget.ES2020, true);
    expect(imports(sf).filter((s) => NODE.has(s))).toEqual(['fs']);
    expect(hostGlobals(sf).map((x) => x.split(' ').pop())).toEqual(['document', 'process']);
  });
});

describe('the page and the pane never import src/cli', () => {
  /** Every source file reachable from `roots` through relative imports. */
  function reachable(roots: string[]): Map<string, string> {
    const via = new Map<string, string>(); // file → the file that imported it
    const todo = [...roots];
    for (const r of roots) via.set(r, '');
    while (todo.length > 0) {
      const f = todo.pop() as string;
      for (const s of imports(parse(f))) {
        if (!s.startsWith('.')) continue;
        const t = resolveRelative(f, s);
        if (t && !via.has(t)) {
          via.set(t, f);
          todo.push(t);
        }
      }
    }
    return via;
  }

  test('no module reachable from src/web or src/taskpane lies in src/cli', () => {
    const roots = [...sources(path.join(SRC, 'web')), ...sources(path.join(SRC, 'taskpane'))];
    expect(roots.length).toBeGreaterThan(10);
    const via = reachable(roots);
    const cli = path.join(SRC, 'cli') + path.sep;
    const chains = [...via.keys()].filter((f) => f.startsWith(cli)).map((f) => {
      const chain = [f];
      for (let x = via.get(f); x; x = via.get(x)) chain.unshift(x);
      return chain.map((c) => path.relative(ROOT, c)).join(' → ');
    });
    expect(chains).toEqual([]);
    // The walk does reach the shared layer (so it follows imports at all).
    expect([...via.keys()].some((f) => f.startsWith(path.join(SRC, 'io') + path.sep))).toBe(true);
  });
});
