import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { formatNoted } from '../../src/core/notes/dates';
import { today } from '../../src/vscode/actions';
import type { AttuneApi } from '../../src/vscode/extension';
import type { Node } from '../../src/vscode/tree';

export async function activateAttune(): Promise<AttuneApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune');
  assert.ok(ext, 'the Attune extension is installed in this VS Code');
  const api = (await ext.activate()) as AttuneApi;
  await api.workspace.ready();
  await (watching ??= watcherListening());
  return api;
}

let watching: Promise<void> | undefined;

/**
 * VS Code starts its file watcher some time after the window opens, later on a busy
 * machine, and a file written before it listens is never reported. So before the first
 * test writes a note as another program would, a scratch file (not a note) is written again
 * until a watcher of our own, over the whole workspace as Attune's is, reports it: from then
 * on Attune's watcher hears what ours does.
 */
async function watcherListening(): Promise<void> {
  const probe = uriOf('.attune-watcher-probe');
  const watcher = vscode.workspace.createFileSystemWatcher('**/.attune-watcher-probe');
  let heard = false;
  const hear = (): void => {
    heard = true;
  };
  const subscriptions = [watcher.onDidCreate(hear), watcher.onDidChange(hear)];
  try {
    const started = Date.now();
    for (let attempt = 0; !heard; attempt++) {
      if (Date.now() - started > 60000) throw new Error("VS Code's file watcher reported nothing in a minute");
      fs.writeFileSync(probe.fsPath, `probe ${attempt}\n`);
      await waitFor('the file watcher', () => heard, 1000).catch(() => undefined);
    }
  } finally {
    subscriptions.forEach((s) => s.dispose());
    watcher.dispose();
    fs.rmSync(probe.fsPath, { force: true });
  }
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs on a workspace folder');
  return folder.uri;
}

export function uriOf(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...relative.split('/'));
}

/** Writes a note straight to disk (as another program would) and returns its URI. */
export function writeNote(relative: string, text: string | Buffer): vscode.Uri {
  const uri = uriOf(relative);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

export function readDisk(uri: vscode.Uri): Buffer {
  return fs.readFileSync(uri.fsPath);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Counts the reports of one note's changes that the workspace has handled (from the file
 * watcher, an editor or a command) until stop(): the signal that a report VS Code delivers
 * late has arrived, so a test can then wait for `quiet()` and assert what it did not do.
 */
export function reportsOf(api: AttuneApi, path: string): { count(): number; stop(): void } {
  type Reporting = { changed(path: string): void };
  const ws = api.workspace.collection as unknown as Reporting;
  const { changed } = ws;
  let count = 0;
  ws.changed = function (this: Reporting, at) {
    if (at === path) count++;
    return changed.call(this, at);
  };
  return {
    count: () => count,
    stop: () => {
      ws.changed = changed;
    },
  };
}

/**
 * Stands in for VS Code's message functions (call it in a suite's before hook): records each
 * message in `shown` (as "function: text buttons") and answers none; the returned function
 * puts the real ones back.
 */
export function recordMessages(names: readonly string[], shown: string[]): () => void {
  const win = vscode.window as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  for (const name of names) {
    originals.set(name, win[name]);
    win[name] = (message: unknown, ...rest: unknown[]) => {
      shown.push(`${name}: ${String(message)} ${rest.filter((r) => typeof r === 'string').join(' ')}`);
      return name === 'setStatusBarMessage' ? { dispose: () => undefined } : Promise.resolve(undefined);
    };
  }
  return () => {
    for (const [name, fn] of originals) win[name] = fn;
  };
}

/**
 * Counts the workspace's parses of one note (from disk, or of an open document's text) until
 * stop(): the workspace's own parse, watched in passing, so other notes' parses do not count.
 */
export function parsesOf(api: AttuneApi, path: string): { count(): number; where(): string; stop(): void } {
  type Parsing = {
    parse(text: string, place: { path: string }): unknown;
    parseText(text: string, path: string): unknown;
    readForIndex(text: string, place: { path: string }, look: unknown): unknown;
  };
  const ws = api.workspace.collection as unknown as Parsing;
  const { parse, parseText, readForIndex } = ws;
  // Where each parse came from, for a failure's message.
  const stacks: string[] = [];
  const seen = (): void => {
    stacks.push((new Error('parse').stack ?? '').split('\n').slice(2, 9).join('\n'));
  };
  ws.parse = function (this: Parsing, text, place) {
    if (place.path === path) seen();
    return parse.call(this, text, place);
  };
  ws.parseText = function (this: Parsing, text, at) {
    if (at === path) seen();
    return parseText.call(this, text, at);
  };
  // A note read from disk for the index (whole, or its head only).
  ws.readForIndex = function (this: Parsing, text, place, look) {
    if (place.path === path) seen();
    return readForIndex.call(this, text, place, look);
  };
  return {
    count: () => stacks.length,
    where: () => stacks.join('\n--\n'),
    stop: () => {
      ws.parse = parse;
      ws.parseText = parseText;
      ws.readForIndex = readForIndex;
    },
  };
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Reverts and closes every editor, so no test leaves unsaved text (or a save prompt) behind. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && !document.isClosed) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** What the tree shows: "label | description" for every row, groups with their children indented. */
export function treeRows(api: AttuneApi): string[] {
  const rows: string[] = [];
  const walk = (nodes: Node[], depth: number): void => {
    for (const node of nodes) {
      const item = api.tree.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      rows.push(`${'  '.repeat(depth)}${label} | ${item.description ?? ''}`);
      walk(api.tree.getChildren(node), depth + 1);
    }
  };
  walk(api.tree.getChildren(), 0);
  return rows;
}

/** Finds the tree node of a rupture by its title. */
export function nodeByTitle(api: AttuneApi, title: string): Node | undefined {
  const search = (nodes: Node[]): Node | undefined => {
    for (const node of nodes) {
      if (node.kind === 'entry' && node.entry.title === title) return node;
      const inner = search(api.tree.getChildren(node));
      if (inner) return inner;
    }
    return undefined;
  };
  return search(api.tree.getChildren());
}

/** Today as the extension reckons it (its own function, not a copy). */
export function todayIso(): string {
  return today();
}

/** "noted 6 Nov": how the tree and the lenses say when a rupture was noted. */
export function noted(date: string): string {
  return formatNoted(date, today());
}

/**
 * Replaces a `vscode.window` function for the length of `body`, so a test can answer a
 * quick pick or an input box the way a user would. Extension and tests share the API
 * object, so the extension sees the replacement.
 */
export async function answering<K extends keyof typeof vscode.window, R>(name: K, replacement: (typeof vscode.window)[K], body: () => Promise<R>): Promise<R> {
  const win = vscode.window as unknown as Record<string, unknown>;
  const original = win[name];
  win[name] = replacement;
  try {
    return await body();
  } finally {
    win[name] = original;
  }
}
