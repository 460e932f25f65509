import * as assert from 'assert';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The import graph of src/ (issue 28): the layers import only inward, the pure core never
 * reaches for `vscode` or Node's own modules, and no two files need each other to load.
 * Read from the sources with TypeScript's parser, so it holds for any folder layout below
 * the layer folders.
 */
const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

interface Import {
  readonly from: string;
  /** A file under src/ (relative, with `.ts`), or a package or built-in name. */
  readonly to: string;
  readonly local: boolean;
  /** `import type` / `export type`: gone once compiled, so never a load-time cycle. */
  readonly typeOnly: boolean;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const from = path.relative(SRC, file).split(path.sep).join('/');
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean): void => {
    if (!specifier.startsWith('.')) {
      found.push({ from, to: specifier, local: false, typeOnly });
      return;
    }
    const target = path.resolve(path.dirname(file), specifier);
    const resolved = [`${target}.ts`, path.join(target, 'index.ts'), target].find((p) => fs.existsSync(p) && fs.statSync(p).isFile()) ?? target;
    found.push({ from, to: path.relative(SRC, resolved).split(path.sep).join('/'), local: true, typeOnly });
  };
  for (const st of source.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) add(st.moduleSpecifier.text, Boolean(st.importClause?.isTypeOnly));
    else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) add(st.moduleSpecifier.text, st.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
      add(st.moduleReference.expression.text, st.isTypeOnly);
    }
  }
  return found;
}

/** Groups of files that import each other, directly or round about (Tarjan's algorithm). */
function cycles(files: readonly string[], edges: readonly Import[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, order.size);
    low.set(v, order.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!next.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, order.get(w) as number));
    }
    if (low.get(v) === order.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const f of files) if (!order.has(f)) visit(f);
  return groups;
}

const layerOf = (file: string): string => file.split('/')[0];

/** Which layers each layer may import: each only itself and what lies inside it. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: ['core'],
  node: ['core', 'node'],
  cli: ['core', 'node', 'cli'],
  vscode: ['core', 'node', 'vscode', 'webview'],
  webview: ['core', 'webview'],
  types: [],
};

/** The folder of a core file: core/notes/note.ts is in "notes". */
const concernOf = (file: string): string => file.split('/')[1];

const SHARED = ['markdown', 'notes', 'safety'];
/**
 * Inside the core: the markdown model reads nothing else, the note model reads markdown, and
 * each feature reads those two, safety first, and itself, never another feature...
 */
const CORE_MAY_IMPORT: Record<string, readonly string[]> = {
  markdown: ['markdown'],
  notes: ['markdown', 'notes'],
  safety: ['safety'],
  reflection: [...SHARED, 'reflection'],
  checklist: [...SHARED, 'checklist'],
  patterns: [...SHARED, 'patterns'],
  feedback: [...SHARED, 'feedback'],
  supervision: [...SHARED, 'supervision'],
  cues: [...SHARED, 'cues'],
};

/**
 * ...except through these named interfaces: the checklist gathers, before a session, the
 * client's feedback (feedback's brief for the checklist) and the checklist template.
 */
const NAMED_INTERFACES: readonly string[] = ['checklist -> core/feedback/feedbackChecklist.ts', 'checklist -> core/reflection/templates.ts'];

const NODE_BUILTINS = new Set(builtinModules);
const isBuiltin = (name: string): boolean => NODE_BUILTINS.has(name.replace(/^node:/, ''));

describe('the import graph of src/', () => {
  const files = sources(SRC).map((f) => path.relative(SRC, f).split(path.sep).join('/'));
  const imports = sources(SRC).flatMap(importsOf);

  it('finds the files and their imports (the check below looks at something)', () => {
    assert.ok(files.length > 50, `${files.length} files`);
    assert.ok(imports.filter((i) => i.local).length > 200);
    assert.ok(
      files.every((f) => layerOf(f) in MAY_IMPORT),
      `a file outside the known layers: ${files.filter((f) => !(layerOf(f) in MAY_IMPORT)).join(', ')}`,
    );
  });

  it('imports only inward: core from nothing else, node and cli never from vscode, the webview never from the extension', () => {
    const outward = imports.filter((i) => i.local && !MAY_IMPORT[layerOf(i.from)].includes(layerOf(i.to))).map((i) => `${i.from} -> ${i.to}`);
    assert.deepStrictEqual(outward, []);
  });

  it('keeps the core pure: no vscode, no Node built-in (fs, path, ...) in src/core', () => {
    const impure = imports.filter((i) => !i.local && layerOf(i.from) === 'core' && (i.to === 'vscode' || isBuiltin(i.to))).map((i) => `${i.from} -> ${i.to}`);
    assert.deepStrictEqual(impure, []);
  });

  it('keeps vscode out of the command line and the file-system host, and Node out of the webview', () => {
    const wrong = imports
      .filter(
        (i) =>
          !i.local &&
          ((['cli', 'node', 'core', 'webview'].includes(layerOf(i.from)) && i.to === 'vscode') || (layerOf(i.from) === 'webview' && isBuiltin(i.to))),
      )
      .map((i) => `${i.from} -> ${i.to}`);
    assert.deepStrictEqual(wrong, []);
  });

  it('has no import cycle between files (what runs when a file loads)', () => {
    assert.deepStrictEqual(
      cycles(
        files,
        imports.filter((i) => i.local && !i.typeOnly),
      ),
      [],
    );
  });

  it('has no cycle of type imports either', () => {
    assert.deepStrictEqual(
      cycles(
        files,
        imports.filter((i) => i.local),
      ).map((g) => g.join(' ')),
      [],
    );
  });

  it('keeps the core in its folders: markdown reads nothing else, the note model only markdown, a feature only those (and safety)', () => {
    const found = files.filter((f) => layerOf(f) === 'core').map(concernOf);
    assert.ok(
      found.every((c) => c in CORE_MAY_IMPORT),
      `a core file outside the known folders: ${files.filter((f) => layerOf(f) === 'core' && !(concernOf(f) in CORE_MAY_IMPORT)).join(', ')}`,
    );
    const crossing = imports
      .filter((i) => i.local && layerOf(i.from) === 'core' && layerOf(i.to) === 'core')
      .filter((i) => !CORE_MAY_IMPORT[concernOf(i.from)].includes(concernOf(i.to)) && !NAMED_INTERFACES.includes(`${concernOf(i.from)} -> ${i.to}`))
      .map((i) => `${i.from} -> ${i.to}`);
    assert.deepStrictEqual(crossing, []);
  });

  it('would see a cycle and an outward import (the checks can fail)', () => {
    const made: Import[] = [
      { from: 'core/a.ts', to: 'core/b.ts', local: true, typeOnly: false },
      { from: 'core/b.ts', to: 'core/a.ts', local: true, typeOnly: false },
    ];
    assert.deepStrictEqual(cycles(['core/a.ts', 'core/b.ts'], made), [['core/a.ts', 'core/b.ts']]);
    assert.ok(!MAY_IMPORT.core.includes(layerOf('vscode/tree.ts')));
  });
});

/** Module-level names a file declares with `let`/`var`, or as a `const` holding a new object: state shared by every importer. */
function moduleState(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const made = (e: ts.Expression | undefined): boolean =>
    e !== undefined && (ts.isNewExpression(e) || ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) || ts.isCallExpression(e));
  return source.statements.filter(ts.isVariableStatement).flatMap((st) => {
    const constant = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
    return st.declarationList.declarations.filter((d) => !constant || made(d.initializer)).map((d) => d.name.getText(source));
  });
}

describe('the privacy curtain as a service (issue 28)', () => {
  const CURTAIN = 'vscode/privacyCurtain.ts';

  it('keeps no state of its own module: one curtain is built per activation', () => {
    assert.deepStrictEqual(moduleState(path.join(SRC, CURTAIN)), []);
  });

  it('reaches the surfaces through the services or their constructors: files import only its class', () => {
    const singletons = sources(SRC).flatMap((file) => {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      return source.statements
        .filter(ts.isImportDeclaration)
        .filter(
          (st) =>
            ts.isStringLiteral(st.moduleSpecifier) &&
            st.moduleSpecifier.text.startsWith('.') &&
            path.resolve(path.dirname(file), st.moduleSpecifier.text) === path.join(SRC, CURTAIN.replace(/\.ts$/, '')),
        )
        .flatMap((st) => {
          const bindings = st.importClause?.namedBindings;
          const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : ['*'];
          return names.filter((n) => n !== 'PrivacyCurtain').map((n) => `${path.relative(SRC, file)} imports ${n}`);
        });
    });
    assert.deepStrictEqual(singletons, []);
  });

  it('would see module state (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-state-'));
    const file = path.join(dir, 'made.ts');
    fs.writeFileSync(file, "const KEY = 'k';\nlet count = 0;\nexport const one = new Thing();\n");
    try {
      assert.deepStrictEqual(moduleState(file), ['count', 'one']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
