#!/usr/bin/env node
// @ts-check
// Lists the exports of src/ that no other file imports (issue 28): `npm run lint` runs it,
// and so `npm test`. An export only its own file uses should not be one; an export nothing
// uses is dead code. tools/dead-exports.json holds those known when the check came in, each
// to be removed: the check fails on any other, and says which known ones are gone.
//
// Used means: imported by name from the file (or through `import * as`, `import x = require`,
// or a re-export) by another TypeScript file under src/ or test/, or named in a JavaScript
// file under test/ or tools/ (the benchmarks bundle exports by name, as text).
//
//   node tools/dead-exports.js            check
//   node tools/dead-exports.js --update   write the current list as the known one
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const KNOWN = path.join(__dirname, 'dead-exports.json');

/** @param {string} dir @param {(p: string) => boolean} keep @returns {string[]} */
function files(dir, keep) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p, keep);
    return keep(p) ? [p] : [];
  });
}

const isTs = (/** @type {string} */ p) => p.endsWith('.ts') && !p.endsWith('.d.ts');
const rel = (/** @type {string} */ p) => path.relative(ROOT, p).split(path.sep).join('/');

/** @param {ts.Node} node */
const exported = (node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a source file exports itself (not re-exports). @param {ts.SourceFile} source */
function exportsOf(source) {
  /** @type {string[]} */
  const names = [];
  for (const st of source.statements) {
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) names.push(e.name.text);
    } else if (ts.isExportAssignment(st)) names.push('default');
    else if (exported(st)) {
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
      } else if ('name' in st && st.name && ts.isIdentifier(/** @type {ts.Node} */ (st.name))) names.push(/** @type {ts.Identifier} */ (st.name).text);
    }
  }
  return names;
}

/** The file a relative specifier names, if it is one of ours. @param {string} from @param {string} spec */
function resolve(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''));
  return [`${target}.ts`, path.join(target, 'index.ts')].find((p) => fs.existsSync(p));
}

function deadExports() {
  const src = files(path.join(ROOT, 'src'), isTs);
  const users = [...src, ...files(path.join(ROOT, 'test'), isTs)];
  /** @type {Map<string, Set<string>>} file -> names used from it by other files; '*' for all */
  const used = new Map();
  const use = (/** @type {string} */ file, /** @type {string} */ name) => {
    if (!used.has(file)) used.set(file, new Set());
    /** @type {Set<string>} */ (used.get(file)).add(name);
  };
  for (const file of users) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (/** @type {ts.Node} */ node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolve(file, node.moduleSpecifier.text);
        const clause = node.importClause;
        if (target && clause) {
          if (clause.name) use(target, 'default');
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) use(target, '*');
          else if (bindings) for (const e of bindings.elements) use(target, (e.propertyName ?? e.name).text);
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolve(file, node.moduleSpecifier.text);
        if (target) {
          if (!node.exportClause || !ts.isNamedExports(node.exportClause)) use(target, '*');
          else for (const e of node.exportClause.elements) use(target, (e.propertyName ?? e.name).text);
        }
      } else if (
        ts.isImportEqualsDeclaration(node) &&
        ts.isExternalModuleReference(node.moduleReference) &&
        ts.isStringLiteral(node.moduleReference.expression)
      ) {
        const target = resolve(file, node.moduleReference.expression.text);
        if (target) use(target, '*');
      } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
        // require('./x') and import('./x'): late loads, of the whole module.
        const callee = node.expression;
        if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) {
          const target = resolve(file, node.arguments[0].text);
          if (target) use(target, '*');
        }
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        // typeof import('./x'): the type of the whole module.
        const target = resolve(file, node.argument.literal.text);
        if (target) use(target, '*');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  // Names in the JavaScript around the sources (benchmarks, browser flows, tools), as words.
  const words = new Set();
  for (const file of [
    ...files(path.join(ROOT, 'test'), (p) => p.endsWith('.js')),
    ...files(path.join(ROOT, 'tools'), (p) => p.endsWith('.js') && p !== __filename),
  ]) {
    for (const w of fs.readFileSync(file, 'utf8').match(/[A-Za-z_$][\w$]*/g) ?? []) words.add(w);
  }
  /** @type {string[]} */
  const dead = [];
  for (const file of src) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const names = used.get(file) ?? new Set();
    if (names.has('*')) continue;
    for (const name of exportsOf(source)) if (!names.has(name) && !words.has(name)) dead.push(`${rel(file)}: ${name}`);
  }
  return dead.sort();
}

function main() {
  const dead = deadExports();
  if (process.argv.includes('--update')) {
    fs.writeFileSync(KNOWN, `${JSON.stringify(dead, null, 2)}\n`);
    console.log(`dead-exports: ${dead.length} written to ${rel(KNOWN)}`);
    return;
  }
  /** @type {string[]} */
  const known = fs.existsSync(KNOWN) ? JSON.parse(fs.readFileSync(KNOWN, 'utf8')) : [];
  const fresh = dead.filter((d) => !known.includes(d));
  const gone = known.filter((d) => !dead.includes(d));
  if (gone.length > 0)
    console.log(
      `dead-exports: ${gone.length} known ${gone.length === 1 ? 'entry is' : 'entries are'} used or gone now; take ${gone.length === 1 ? 'it' : 'them'} out of ${rel(KNOWN)}:\n  ${gone.join('\n  ')}`,
    );
  if (fresh.length > 0) {
    console.error(
      `dead-exports: ${fresh.length} export${fresh.length === 1 ? '' : 's'} no other file imports (drop the \`export\`, or the code if nothing uses it):\n  ${fresh.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`dead-exports: no new ones (${known.length - gone.length} known, listed in ${rel(KNOWN)})`);
}

main();
