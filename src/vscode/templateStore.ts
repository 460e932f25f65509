import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Template, TemplateFile } from '../core/reflection/templates';
import { templateCode } from './reflectionTemplates';
import { loadTemplateFiles } from '../node/templates';
import { readConfig, readTemplateLanguage } from './config';
import type { Log } from './log';

/**
 * The templates of each workspace folder (the built-ins, in `attune.templateLanguage`, merged
 * with the folder's own, `attune.templatesFolder`), read once and read again when a file in
 * the templates folder changes or either setting does: a `#` typed in a note never waits on the disk.
 */
/** How many entries of a templates folder are looked at for changes on each ask. */
const MAX_LOOKED_AT = 200;

export class TemplateStore implements vscode.Disposable {
  /** Merged templates by workspace folder URI ('' for "no folder": the built-ins and every folder's own). */
  private readonly loaded = new Map<string, Template[]>();
  /** Each workspace folder's templates folder, as a URI ending in `/`. */
  private folders: string[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** How many times the templates folders were read, and how many times what was read was dropped (for tests). */
  reads = 0;
  drops = 0;
  /** The templates folders as they looked when last asked (fingerprint). */
  private seen = '';

  constructor(private readonly log: Log) {
    this.readFolders();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('attune.templatesFolder') || e.affectsConfiguration('attune.templateLanguage')) this.readFolders();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.readFolders()),
    );
  }

  /** The templates for notes in `folder` (or, with none, every folder's). */
  for(folder?: vscode.WorkspaceFolder): Template[] {
    const key = folder?.uri.toString() ?? '';
    // The file watcher can report late, or not at all on a busy machine: a look at the
    // templates folders' times (no file is read) tells whether what was read still holds.
    const now = this.fingerprint();
    if (this.loaded.size > 0 && now !== this.seen) {
      this.loaded.clear();
      this.drops++;
    }
    this.seen = now;
    let templates = this.loaded.get(key);
    if (!templates) {
      templates = this.read(folder);
      this.loaded.set(key, templates);
    }
    return templates;
  }

  /** Each templates folder's change time, and its first files' change times and sizes: a few stats, no reads. */
  private fingerprint(): string {
    const parts: string[] = [];
    for (const folder of this.folders) {
      const uri = vscode.Uri.parse(folder);
      if (uri.scheme !== 'file') continue;
      const dir = fs.statSync(uri.fsPath, { throwIfNoEntry: false });
      parts.push(dir ? `${dir.ino}:${dir.mtimeMs}` : '-');
      if (!dir?.isDirectory()) continue;
      let names: string[];
      try {
        names = fs.readdirSync(uri.fsPath).slice(0, MAX_LOOKED_AT);
      } catch {
        continue;
      }
      for (const name of names) {
        const file = fs.lstatSync(`${uri.fsPath}/${name}`, { throwIfNoEntry: false });
        parts.push(file ? `${name}:${file.mtimeMs}:${file.size}` : name);
      }
    }
    return parts.join('|');
  }

  private read(folder?: vscode.WorkspaceFolder): Template[] {
    const files: TemplateFile[] = [];
    for (const f of folder ? [folder] : (vscode.workspace.workspaceFolders ?? [])) {
      if (f.uri.scheme !== 'file') continue;
      this.reads++;
      const { files: found, skipped, outside } = loadTemplateFiles(f.uri.fsPath, readConfig(f.uri).templatesFolder);
      // The setting can come from the workspace itself: it never reaches outside the folder.
      if (outside) this.log.warn('The templates folder setting points outside the workspace folder, so the built-in templates are used.');
      files.push(...found);
      // The reason only: template names can hold client codes.
      for (const s of skipped) this.log.warn(`A template was skipped: ${s.reason}.`);
    }
    // The built-ins in the template language (`attune.templateLanguage`); the folder's own files as they are.
    return templateCode().mergeTemplates(files, readTemplateLanguage(folder?.uri));
  }

  /** Takes the templates folders from the settings again; what was read is dropped. */
  private readFolders(): void {
    this.loaded.clear();
    this.folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const relDir = readConfig(folder.uri)
        .templatesFolder.replace(/\\/g, '/')
        .replace(/^\/+|\/+$/g, '');
      return vscode.Uri.joinPath(folder.uri, relDir).toString().replace(/\/+$/, '') + '/';
    });
  }

  /**
   * Told of every file the workspace's one watcher sees (a second watcher on the templates
   * folder alone reported nothing in VS Code 1.139): a change under a templates folder drops
   * what was read.
   */
  touched(uri: vscode.Uri): void {
    const path = uri.toString();
    // A new folder is reported alone, not the files in it: the templates folder or one above it counts too.
    if (!this.folders.some((folder) => path.startsWith(folder) || folder.startsWith(`${path}/`))) return;
    this.loaded.clear();
    this.drops++;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
