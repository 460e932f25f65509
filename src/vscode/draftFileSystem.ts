import * as vscode from 'vscode';

export const DRAFT_SCHEME = 'attune-draft';

interface DraftFile {
  data: Uint8Array;
  readonly ctime: number;
  mtime: number;
}

/**
 * Where supervision drafts live: a flat folder in this extension host's memory, and nowhere
 * else. An untitled editor would not do: VS Code backs up an unsaved editor's text into its
 * user-data folder (hot exit), and a saved file's text into Local History. A draft here is
 * saved into memory as it changes, so it is never left unsaved to back up, and Local History
 * keeps only files of the workspace's own kind, not of this scheme. Closing the draft drops it.
 */
export class DraftFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, DraftFile>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  /** Puts a new draft in memory and returns its address. */
  add(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DRAFT_SCHEME, path: `/${name}` });
    const now = Date.now();
    this.files.set(uri.path, { data: new TextEncoder().encode(text), ctime: now, mtime: now });
    this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
    return uri;
  }

  /** Forgets a draft: its text is then held by nothing Attune keeps. */
  remove(uri: vscode.Uri): void {
    if (this.files.delete(uri.path)) this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  watch(): vscode.Disposable {
    // Every change comes through this provider, which reports it itself.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const file = this.file(uri);
    return { type: vscode.FileType.File, ctime: file.ctime, mtime: file.mtime, size: file.data.length };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (uri.path !== '/') throw vscode.FileSystemError.FileNotADirectory(uri);
    return [...this.files.keys()].map((p) => [p.slice(1), vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.file(uri).data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void {
    const file = this.files.get(uri.path);
    // Only drafts Attune made: a Save As into this folder is refused, so nothing new lands here.
    if (!file) throw options.create ? vscode.FileSystemError.NoPermissions(uri) : vscode.FileSystemError.FileNotFound(uri);
    file.data = content;
    file.mtime = Date.now();
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.file(uri);
    this.remove(uri);
  }

  rename(oldUri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }

  private file(uri: vscode.Uri): DraftFile {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  dispose(): void {
    this.files.clear();
    this.emitter.dispose();
  }
}
