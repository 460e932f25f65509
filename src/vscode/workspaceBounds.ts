import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/** The real path of `p`, or of its nearest existing folder with the rest appended (for files not made yet). */
function realPath(p: string): string {
  const rest: string[] = [];
  let at = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return p;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Whether `uri` is inside `folder` (or is it), symbolic links followed on disk: a
 * settings value or a client string can then never make Attune read or write elsewhere.
 */
function isInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return false;
  if (uri.scheme !== 'file') {
    const root = folder.path.replace(/\/+$/, '');
    return uri.path === root || uri.path.startsWith(`${root}/`);
  }
  const root = realPath(folder.fsPath);
  const target = realPath(uri.fsPath);
  const relative = path.relative(root, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Whether a note Attune is about to create lies inside one of the workspace folders. */
export function isInsideWorkspace(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder !== undefined && isInside(folder.uri, uri);
}
