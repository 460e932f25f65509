import * as vscode from 'vscode';
import { mergeTemplates, type Template, type TemplateFile } from '../core/reflection/templates';
import { loadTemplateFiles } from '../node/templates';
import { readConfig } from './config';
import type { Log } from './log';

/**
 * The templates of each workspace folder (the built-ins merged with the folder's own,
 * `attune.templatesFolder`), read once and read again when a file in the templates folder
 * changes or the setting does: a `#` typed in a note never waits on the disk.
 */
export class TemplateStore implements vscode.Disposable {
  /** Merged templates by workspace folder URI ('' for "no folder": the built-ins and every folder's own). */
  private readonly loaded = new Map<string, Template[]>();
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** How many times the templates folders were read, and how many times what was read was dropped (for tests). */
  reads = 0;
  drops = 0;

  constructor(private readonly log: Log) {
    this.watch();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('attune.templatesFolder')) this.watch();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.watch()),
    );
  }

  /** The templates for notes in `folder` (or, with none, every folder's). */
  for(folder?: vscode.WorkspaceFolder): Template[] {
    const key = folder?.uri.toString() ?? '';
    let templates = this.loaded.get(key);
    if (!templates) {
      templates = this.read(folder);
      this.loaded.set(key, templates);
    }
    return templates;
  }

  private read(folder?: vscode.WorkspaceFolder): Template[] {
    const files: TemplateFile[] = [];
    for (const f of folder ? [folder] : vscode.workspace.workspaceFolders ?? []) {
      if (f.uri.scheme !== 'file') continue;
      this.reads++;
      const { files: found, skipped, outside } = loadTemplateFiles(f.uri.fsPath, readConfig(f.uri).templatesFolder);
      // The setting can come from the workspace itself: it never reaches outside the folder.
      if (outside) this.log.warn('The templates folder setting points outside the workspace folder, so the built-in templates are used.');
      files.push(...found);
      // The reason only: template names can hold client codes.
      for (const s of skipped) this.log.warn(`A template was skipped: ${s.reason}.`);
    }
    return mergeTemplates(files);
  }

  /** One watcher per workspace folder on its templates folder; any change drops what was read. */
  private watch(): void {
    this.loaded.clear();
    this.watchers.forEach((w) => w.dispose());
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const relDir = readConfig(folder.uri).templatesFolder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relDir ? `${relDir}/**` : '*.md'));
      const forget = (): void => {
        this.loaded.clear();
        this.drops++;
      };
      this.watchers.push(watcher, watcher.onDidCreate(forget), watcher.onDidChange(forget), watcher.onDidDelete(forget));
    }
  }

  dispose(): void {
    this.watchers.forEach((w) => w.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
