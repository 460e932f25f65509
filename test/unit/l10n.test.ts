import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as os from 'os';
import * as deidentifyReasons from '../../src/core/supervision/deidentifyReasons';
import { WriteRefused } from '../../src/node/atomicWrite';
import { editNoteOnDisk } from '../../src/node/editNote';
import { NoteReader, readNoteFile } from '../../src/node/host';
import { ENGLISH_REVIEW, reviewHtml, reviewStatus, type ReviewWords } from '../../src/vscode/supervisionReview';
import { translateReason, type Say } from '../../src/vscode/translateReason';
import { choiceWords, fieldLabel, type NoteLanguage } from '../../src/core/notes/fieldKeys';

const root = path.resolve(__dirname, '..', '..', '..');
const LANGUAGES = ['de', 'es', 'fr'];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? sourceFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

/** Words a person reads: two letters in a row, and a space or a capital start (not an id like 'attune.client'). */
function isHumanText(text: string): boolean {
  const plain = text.replace(/\$\([\w-]+\)/g, '').trim();
  if (!/\p{L}{2}/u.test(plain)) return false;
  if (plain === 'Attune') return false; // the product's name, the same in every language
  return /\p{L}\s+\S/u.test(plain) || /^\p{Lu}\p{Ll}/u.test(plain);
}

/** Properties of VS Code's UI objects (QuickPickItem, TreeItem, CodeLens command, StatusBarItem, InputBox, progress, diagnostics) that a person reads. */
const UI_PROPERTIES = new Set(['label', 'description', 'detail', 'tooltip', 'title', 'prompt', 'placeHolder', 'message', 'hoverMessage', 'name', 'text']);
/** Calls whose arguments a person reads. */
const UI_CALLS = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'setStatusBarMessage',
  'showQuickPick',
  'showInputBox',
  'withProgress',
  'createWebviewPanel',
  'pickClient',
]);
/** Calls whose result is their argument's words, made safe to show (so a literal inside still reaches the UI). */
const PASS_THROUGH = new Set(['literalIcons']);
const UI_CONSTRUCTORS = new Set(['TreeItem', 'CodeAction', 'MarkdownString', 'Diagnostic', 'Hover', 'CodeLens', 'CompletionItem']);

function nameOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

function isL10nCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 't' &&
    /\bl10n$/.test(node.expression.expression.getText())
  );
}

/** The text of a string or template literal (placeholders as {}), or undefined. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => `{}${s.literal.text}`)].join('');
  return undefined;
}

/**
 * Human text that reaches VS Code's UI without vscode.l10n.t: literals in the arguments of
 * UI calls and constructors, in UI properties of object literals, and assigned to UI
 * properties (item.tooltip = ...), following ?:, ||, ??, arrays, objects and template
 * parts, and stopping at any other call (whose result is that call's business).
 */
function bypassing(file: string, text = fs.readFileSync(path.join(root, file), 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (n: ts.Node): string => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const lines = text.split('\n');
  // The file's named consts and functions, so words routed through a name are followed to it (once each).
  const declarations = new Map<string, ts.VariableDeclaration | ts.FunctionDeclaration>();
  (function collect(m: ts.Node): void {
    if ((ts.isVariableDeclaration(m) || ts.isFunctionDeclaration(m)) && m.name && ts.isIdentifier(m.name)) declarations.set(m.name.text, m);
    ts.forEachChild(m, collect);
  })(sf);
  const followed = new Set<ts.Node>();
  const check = (n: ts.Node): void => {
    if (isL10nCall(n)) return;
    const lit = literalText(n);
    const line = sf.getLineAndCharacterOfPosition(n.getStart()).line;
    // A comment above the list can say why its words stay English (what the user types, as the tag).
    const staysEnglish = lines.slice(Math.max(0, line - 4), line).some((l) => /labels stay English/.test(l));
    if (lit !== undefined && isHumanText(lit) && !staysEnglish) found.push(`${where(n)}: ${lit}`);
    if (ts.isTemplateExpression(n)) n.templateSpans.forEach((s) => check(s.expression));
    else if (ts.isConditionalExpression(n)) [n.whenTrue, n.whenFalse].forEach(check);
    else if (
      ts.isBinaryExpression(n) &&
      [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(n.operatorToken.kind)
    )
      [n.left, n.right].forEach(check);
    else if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n)) check(n.expression);
    // Calls that only escape or tidy the words they are given pass them on to the UI.
    else if (ts.isCallExpression(n) && PASS_THROUGH.has(nameOf(n.expression) ?? '')) n.arguments.forEach(check);
    // A name declared in this file: the words reach the UI through it (a const, or what a local function returns).
    else if (ts.isIdentifier(n) || (ts.isCallExpression(n) && ts.isIdentifier(n.expression))) {
      const name = ts.isIdentifier(n) ? n.text : (n.expression as ts.Identifier).text;
      const declaration = declarations.get(name);
      if (declaration && !followed.has(declaration)) {
        followed.add(declaration);
        if (ts.isVariableDeclaration(declaration) && declaration.initializer && !ts.isCallExpression(n)) check(declaration.initializer);
        const body = ts.isFunctionDeclaration(declaration)
          ? declaration.body
          : ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isArrowFunction(declaration.initializer)
            ? declaration.initializer.body
            : undefined;
        if (body && ts.isCallExpression(n)) {
          if (!ts.isBlock(body)) check(body);
          else
            (function returns(m: ts.Node): void {
              if (ts.isReturnStatement(m) && m.expression) check(m.expression);
              else if (!ts.isFunctionLike(m)) ts.forEachChild(m, returns);
            })(body);
        }
      }
    } else if (ts.isArrayLiteralExpression(n)) n.elements.forEach(check);
    else if (ts.isSpreadElement(n)) check(n.expression);
    else if (ts.isObjectLiteralExpression(n)) {
      for (const p of n.properties) if (ts.isPropertyAssignment(p) && UI_PROPERTIES.has(p.name.getText())) check(p.initializer);
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && UI_CALLS.has(nameOf(n.expression) ?? '')) n.arguments.forEach(check);
    if (ts.isNewExpression(n) && UI_CONSTRUCTORS.has(nameOf(n.expression) ?? '')) (n.arguments ?? []).forEach(check);
    if (ts.isObjectLiteralExpression(n)) check(n);
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      UI_PROPERTIES.has(nameOf(n.left) ?? '') &&
      ts.isPropertyAccessExpression(n.left)
    )
      check(n.right);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return [...new Set(found)];
}

/** In the webview every human literal is passed to t() (its words come from the extension). */
function webviewBypassing(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ['t', 'count', 'Error'].includes(nameOf(n.expression) ?? '')) return;
    if (ts.isNewExpression(n) && nameOf(n.expression) === 'Error') return;
    if (ts.isTypeNode(n) || ts.isImportDeclaration(n)) return;
    // el(tag, text, className): the third argument is CSS classes, not words.
    if (n.parent && ts.isCallExpression(n.parent) && nameOf(n.parent.expression) === 'el' && n.parent.arguments.indexOf(n as ts.Expression) === 2) return;
    const lit = literalText(n);
    if (lit !== undefined && isHumanText(lit) && !(ts.isArrayLiteralExpression(n.parent) && /RETURN_LABELS/.test(n.parent.parent.getText().slice(0, 40)))) {
      found.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${lit}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** Every message passed to vscode.l10n.t in the extension's sources. */
function l10nMessages(): Set<string> {
  const messages = new Set<string>();
  for (const file of sourceFiles('src/vscode')) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (isL10nCall(n) && n.arguments[0]) {
        const lit = literalText(n.arguments[0]);
        assert.ok(
          lit !== undefined && !ts.isTemplateExpression(n.arguments[0]),
          `${file}: vscode.l10n.t takes a literal message (with {0} for values), not ${n.arguments[0].getText()}`,
        );
        messages.add(lit);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return messages;
}

function readJson(file: string): Record<string, unknown> {
  if (file.endsWith('.md')) return { [file]: fs.readFileSync(path.join(root, file), 'utf8') };
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
}

/** The message of a bundle entry: a string, or { message, comment } for entries with a comment. */
function messageOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string')
    return (value as { message: string }).message;
  throw new Error(`not a message: ${JSON.stringify(value)}`);
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** The literals of a node's subtree ({0}, {1} for a template's values), each value that names a `const` followed to its literals. */
function literalsIn(node: ts.Node, sf: ts.SourceFile): string[] {
  const found: string[] = [];
  const followed = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (ts.isTemplateExpression(n)) {
      found.push([n.head.text, ...n.templateSpans.map((s, i) => `{${i}}${s.literal.text}`)].join(''));
      n.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    const lit = literalText(n);
    if (lit !== undefined) found.push(lit);
    else if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      const declaration = (function find(m: ts.Node): ts.VariableDeclaration | undefined {
        if (ts.isVariableDeclaration(m) && m.name.getText() === n.text && m.initializer) return m;
        return ts.forEachChild(m, find);
      })(sf);
      if (declaration?.initializer && !followed.has(declaration)) {
        followed.add(declaration);
        visit(declaration.initializer);
      }
    } else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * The reasons src/core and src/node write in English that VS Code shows (a write refused, a
 * file or folder skipped, a note's own warning, a client code refused, a flagged spot in the supervision draft), with
 * {0} where a value goes. The files listed below give reasons and nothing else in words.
 */
function coreReasons(): Set<string> {
  const reasons = new Set<string>(Object.values(deidentifyReasons));
  for (const file of [
    'src/core/notes/clientCode.ts',
    'src/node/atomicWrite.ts',
    'src/node/editNote.ts',
    'src/node/files.ts',
    'src/node/walk.ts',
    'src/node/host.ts',
  ]) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (ts.isImportDeclaration(n)) return;
      for (const lit of literalsIn(n, sf)) if (isHumanText(lit) && /\p{L}\s+\S/u.test(lit)) reasons.add(lit);
    };
    ts.forEachChild(sf, visit);
  }
  // A note's own warnings: the message of each warnings.push in the parser.
  const file = 'src/core/notes/note.ts';
  const sf = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && /warnings\.push$/.test(n.expression.getText())) {
      for (const arg of n.arguments) {
        if (!ts.isObjectLiteralExpression(arg)) continue;
        for (const p of arg.properties)
          if (ts.isPropertyAssignment(p) && p.name.getText() === 'message')
            literalsIn(p.initializer, sf)
              .filter((l) => /\p{L}\s+\S/u.test(l))
              .forEach((l) => reasons.add(l));
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return reasons;
}

/** src/vscode/reasons.ts: each English key of its table, with the message its vscode.l10n.t is given. */
function reasonTable(): Map<string, string | undefined> {
  const file = 'src/vscode/reasons.ts';
  const sf = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const table = new Map<string, string | undefined>();
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.name.getText() === 'SAY' && n.initializer && ts.isObjectLiteralExpression(n.initializer)) {
      for (const p of n.initializer.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isStringLiteral(p.name)) continue;
        let message: string | undefined;
        const find = (m: ts.Node): void => {
          if (isL10nCall(m) && m.arguments[0]) message = literalText(m.arguments[0]);
          else ts.forEachChild(m, find);
        };
        find(p.initializer);
        table.set(p.name.text, message);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return table;
}

/** A pseudo-localised table with reasons.ts's keys: ⟦...⟧ around each reason, so English left over shows. */
function pseudoReasons(): Record<string, Say> {
  const pseudo: Record<string, Say> = {};
  for (const english of reasonTable().keys()) pseudo[english] = (...values) => `⟦${english.replace(/\{(\d)\}/g, (_, i: string) => values[Number(i)])}⟧`;
  return pseudo;
}

describe('the reasons the core gives, in the display language (issue 30)', () => {
  it('every reason src/core and src/node write that VS Code shows has a translation in src/vscode/reasons.ts', () => {
    const table = reasonTable();
    const reasons = coreReasons();
    assert.ok(
      reasons.has('the note is read-only') && reasons.has('a long number') && reasons.has('it looks like a binary file, not a text note'),
      'the reasons are found',
    );
    assert.ok(
      reasons.has('a heading holds more than one rupture tag; the first one sets its status') && reasons.has('a block (| or >), which Attune does not read'),
    );
    const missing = [...reasons].filter((r) => !table.has(r));
    assert.deepStrictEqual(missing, [], 'add each to the table in src/vscode/reasons.ts (and run npm run l10n, then translate it in each bundle)');
  });

  it("each entry of the reasons table passes its own English words to vscode.l10n.t, so the English bundle keys are the core's reasons", () => {
    for (const [english, message] of reasonTable()) assert.strictEqual(message, english);
    const bundle = readJson('l10n/bundle.l10n.json');
    for (const english of reasonTable().keys()) assert.ok(english in bundle, `${english} is in the English bundle`);
  });

  it('a reason with values is found, and a reason inside it translated too; an unknown one stays as written', () => {
    const pseudo = pseudoReasons();
    assert.strictEqual(translateReason('the note is read-only', pseudo), '⟦the note is read-only⟧');
    assert.strictEqual(
      translateReason('a lock file could not be made beside it: the disk is full', pseudo),
      '⟦a lock file could not be made beside it: ⟦the disk is full⟧⟧',
    );
    assert.strictEqual(translateReason('the write failed (EXDEV)', pseudo), '⟦the write failed (EXDEV)⟧');
    assert.strictEqual(
      translateReason('2.5 MB is over the 2 MB limit for a note (setting attune.largestNoteInMegabytes)', pseudo),
      '⟦⟦2.5 MB is over the 2 MB limit for a note⟧ (setting attune.largestNoteInMegabytes)⟧',
    );
    assert.strictEqual(
      translateReason('the front-matter client is a block (| or >), which Attune does not read, so it was ignored', pseudo),
      '⟦the front-matter client is ⟦a block (| or >), which Attune does not read⟧, so it was ignored⟧',
    );
    assert.strictEqual(translateReason('something new', pseudo), 'something new');
  });

  it('the reasons a real refused write and a real skipped file give have no English left once translated', () => {
    const pseudo = pseudoReasons();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-reasons-'));
    try {
      const refusedFor = (file: string, maxBytes: number): string => {
        try {
          editNoteOnDisk(file, maxBytes, () => [{ line: 0, character: 0, length: 0, newText: 'x' }]);
        } catch (err) {
          if (err instanceof WriteRefused) return err.reason;
          throw err;
        }
        throw new Error('the write was not refused');
      };
      const binary = path.join(dir, 'binary.md');
      fs.writeFileSync(binary, Buffer.from([0x23, 0x00, 0x01]));
      const big = path.join(dir, 'big.md');
      fs.writeFileSync(big, '# a note\n'.repeat(100));
      const reasons = [refusedFor(binary, 1024), refusedFor(big, 10)];
      const skipped = readNoteFile(new NoteReader(), big, 10);
      assert.strictEqual(skipped.kind, 'skipped');
      if (skipped.kind === 'skipped') reasons.push(skipped.reason, `${skipped.reason} (setting attune.largestNoteInMegabytes)`);
      for (const reason of reasons) {
        const shown = translateReason(reason, pseudo);
        assert.match(shown, /^⟦.*⟧$/s, `"${reason}" is translated as a whole`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the interface in four languages (issue 30)', () => {
  it("no user-facing string in src/vscode reaches VS Code's UI without vscode.l10n.t", () => {
    // supervisionReview.ts is pure (no vscode) and holds the review's English words: the next test checks its page.
    const found = sourceFiles('src/vscode')
      .filter((f) => !f.endsWith('supervisionReview.ts'))
      .flatMap((f) => bypassing(f));
    assert.deepStrictEqual(found, [], 'these strings bypass localisation: wrap each in vscode.l10n.t and run npm run l10n');
  });

  it('that check finds words routed to the UI through a const or a local function, and lets vscode.l10n.t through', () => {
    const source = [
      "const said = 'Open the note first, please.';",
      'void vscode.window.showInformationMessage(said);',
      "function hint(): string { if (x) return vscode.l10n.t('Fine words'); return 'Words of its own'; }",
      'item.tooltip = hint();',
      "const arrow = (): string => 'An arrow of words';",
      'new vscode.TreeItem(arrow());',
      "const fine = vscode.l10n.t('Translated words');",
      'void vscode.window.showWarningMessage(fine);',
    ].join('\n');
    assert.deepStrictEqual(bypassing('example.ts', source), [
      'example.ts:1: Open the note first, please.',
      'example.ts:3: Words of its own',
      'example.ts:5: An arrow of words',
    ]);
  });

  it('the supervision review shows only the words it is given (a pseudo-localised page has no English left)', () => {
    const pseudo = (s: string): string => `⟦${s}⟧`;
    const words = Object.fromEntries(
      Object.entries(ENGLISH_REVIEW).map(([k, v]) => [
        k,
        typeof v === 'function'
          ? (...a: unknown[]) => pseudo((v as (...x: unknown[]) => string)(...a))
          : k === 'items'
            ? ENGLISH_REVIEW.items.map((i) => ({ label: pseudo(i.label), detail: pseudo(i.detail) }))
            : typeof v === 'string' && k !== 'lang'
              ? pseudo(v)
              : v,
      ]),
    ) as unknown as ReviewWords;
    const spot = { line: 3, words: '⟦Quexby⟧', reason: '⟦looks like a name⟧' };
    for (const state of [
      { spots: [spot], kept: 1, ticked: [] },
      { spots: [], kept: 0, ticked: ENGLISH_REVIEW.items.map(() => true), question: '⟦How?⟧' },
    ]) {
      const html = reviewHtml(state, 'n0nce', '', words);
      const body = html.slice(html.indexOf('<body'), html.indexOf('<script'));
      const text = body.replace(/<[^>]*>/g, '\n').replace(/&[a-z]+;|&#\d+;/g, '');
      const bare = text
        .split('\n')
        .map((l) => l.replace(/⟦[^⟧]*⟧/g, '').trim())
        .filter((l) => /\p{L}{2}/u.test(l));
      assert.deepStrictEqual(bare, [], 'words on the review page that are not from ReviewWords');
      const labels = [...body.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]).filter((l) => !/^⟦.*⟧$/.test(l));
      assert.deepStrictEqual(labels, [], 'aria labels not from ReviewWords');
      assert.ok(reviewStatus(state, words).every((l) => /^⟦.*⟧$/.test(l)));
    }
  });

  it('the patterns panel shows no words of its own: each comes from the extension, through t()', () => {
    const found = sourceFiles('src/webview').flatMap(webviewBypassing);
    assert.deepStrictEqual(found, [], 'these strings in the webview bypass localisation');
  });

  it('the English bundle (l10n/bundle.l10n.json) holds every message passed to vscode.l10n.t, and no stale ones', () => {
    const bundle = readJson('l10n/bundle.l10n.json');
    const inCode = l10nMessages();
    const missing = [...inCode].filter((m) => !(m in bundle));
    assert.deepStrictEqual(missing, [], 'run `npm run l10n` to extract these into the bundle');
    const stale = Object.keys(bundle).filter((m) => !inCode.has(m));
    assert.deepStrictEqual(stale, [], 'these bundle entries are no longer in the code');
  });

  it('the walkthrough, commands, views and settings take their words from package.nls.json', () => {
    const manifest = readJson('package.json');
    const nls = readJson('package.nls.json');
    const bare: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (typeof value === 'string') {
        const key = /^%(.+)%$/.exec(value)?.[1];
        if (key !== undefined) assert.ok(key in nls, `${at}: ${key} is in package.nls.json`);
        else if (
          /\.(title|description|markdownDescription|altText|contextualTitle|name|enumDescriptions\.\d+|enumItemLabels\.\d+|markdownEnumDescriptions\.\d+|deprecationMessage|markdownDeprecationMessage|label)$/.test(
            at,
          ) &&
          isHumanText(value) &&
          value !== 'Attune'
        ) {
          bare.push(`${at}: ${value}`);
        }
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}.${i}`));
      else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
    };
    walk(manifest.contributes, 'contributes');
    assert.deepStrictEqual(bare, [], 'these manifest strings are not localised');
    assert.strictEqual(manifest.l10n, './l10n', 'package.json names the l10n folder');
  });

  for (const lang of LANGUAGES) {
    for (const [english, translated] of [
      ['package.nls.json', `package.nls.${lang}.json`],
      ['l10n/bundle.l10n.json', `l10n/bundle.l10n.${lang}.json`],
    ]) {
      it(`${translated} is complete: the same keys as ${english}, each translated, with the same placeholders`, () => {
        const en = readJson(english);
        const other = readJson(translated);
        assert.deepStrictEqual(Object.keys(other).sort(), Object.keys(en).sort());
        for (const key of Object.keys(en)) {
          const e = messageOf(en[key]);
          const t = messageOf(other[key]);
          assert.ok(t.trim() !== '', `${translated}: ${key} is empty`);
          assert.deepStrictEqual(placeholders(t), placeholders(e), `${translated}: ${key} keeps the placeholders of "${e}"`);
          // Links to commands and settings stay as they are.
          assert.deepStrictEqual(
            [...t.matchAll(/\((command:[^)]+)\)/g)].map((m) => m[1]),
            [...e.matchAll(/\((command:[^)]+)\)/g)].map((m) => m[1]),
            `${translated}: ${key} keeps its command links`,
          );
        }
      });
    }
  }

  it("the walkthrough's pictures and privacy page exist in each language, with none of the English words left", () => {
    const dir = path.join(root, 'media', 'walkthrough');
    const textsOf = (svg: string): string[] =>
      [...svg.matchAll(/<(?:text|tspan)\b[^>]*>([^<]*)</g), ...svg.matchAll(/aria-label="([^"]*)"/g)]
        .map((m) => m[1].trim())
        .filter((t) => /\p{L}{3}/u.test(t) && !/^#rupture\/\w+$/.test(t));
    for (const lang of LANGUAGES) {
      const nls = readJson(`package.nls.${lang}.json`);
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.svg'))) {
        assert.ok(Object.values(nls).includes(`media/walkthrough/${lang}/${file}`), `package.nls.${lang}.json points at its own ${file}`);
        const english = new Set(textsOf(fs.readFileSync(path.join(dir, file), 'utf8')));
        const left = textsOf(fs.readFileSync(path.join(dir, lang, file), 'utf8')).filter((t) => english.has(t));
        assert.deepStrictEqual(left, [], `${lang}/${file} still says`);
      }
      assert.strictEqual(nls['walkthrough.privacy.markdown'], `media/walkthrough/${lang}/privacy.md`);
      const privacy = fs.readFileSync(path.join(dir, lang, 'privacy.md'), 'utf8');
      assert.match(privacy, /HIPAA/, `${lang}/privacy.md keeps the HIPAA note`);
      assert.doesNotMatch(privacy, /Nothing leaves this computer/);
    }
  });

  it("the German, Spanish and French words name a note's fields and answers as that language's templates write them, not in English", () => {
    const keys = [
      'kind-of-miss',
      'markers',
      'part',
      'feedback-score',
      'take-to-supervision',
      'supervision-question',
      'opening-line',
      'with',
      'my-reaction',
      'what-happened',
    ];
    const english = readJson('l10n/bundle.l10n.json');
    let quoted = 0;
    for (const lang of LANGUAGES) {
      const bundle = readJson(`l10n/bundle.l10n.${lang}.json`);
      for (const message of Object.keys(english)) {
        const said = messageOf(bundle[message]);
        for (const key of keys) {
          // A message that is a field's label (a tooltip's or a table's heading) is that field's label in the template.
          if (message === fieldLabel(key, 'en')) assert.strictEqual(said, fieldLabel(key, lang as NoteLanguage), `${lang}: ${message}`);
          if (!message.includes(`"${fieldLabel(key, 'en')}"`)) continue;
          quoted++;
          assert.ok(said.includes(fieldLabel(key, lang as NoteLanguage)), `${lang}: "${said}" names ${key} as its template does`);
          assert.ok(!said.includes(fieldLabel(key, 'en')), `${lang}: "${said}" keeps the English label`);
        }
        if (message.includes('"yes"')) assert.ok(said.includes(choiceWords('take-to-supervision', lang as NoteLanguage)[1]), `${lang}: ${said}`);
      }
    }
    assert.ok(quoted >= 18, `${quoted} quoted labels checked`);
  });

  it('the German, Spanish and French words keep the clinical rules: no "owed", "overdue" or "failure", no scores of a client', () => {
    const banned: Record<string, RegExp> = {
      de: /\b(schuldig|überfällig|versag|fehlschlag|scheiter)/i,
      es: /\b(debid[oa]s?\b|atrasad|vencid|fracas)/i,
      fr: /\b(dû|due|dus|en retard|échec|échou)/i,
    };
    for (const lang of LANGUAGES) {
      for (const file of [`package.nls.${lang}.json`, `l10n/bundle.l10n.${lang}.json`, `media/walkthrough/${lang}/privacy.md`]) {
        for (const [key, value] of Object.entries(readJson(file))) {
          assert.ok(!banned[lang].test(messageOf(value)), `${file}: ${key} says "${messageOf(value)}"`);
        }
      }
    }
  });
});
