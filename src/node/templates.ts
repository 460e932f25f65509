/**
 * The workspace's own templates, read from its templates folder (`attune.templatesFolder`,
 * `.attune/templates` by default): one loader for the command line and the extension.
 */
import fs = require('fs');
import path = require('path');
import type { TemplateFile } from '../core/reflection/templates';
import { decodeNote } from './files';
import { MAX_TEMPLATE_BYTES, readRegularFile } from './safeRead';
import { errorReason } from './walk';

interface TemplateLoad {
  readonly files: TemplateFile[];
  /** Templates left out, with the reason (never their text). */
  readonly skipped: { readonly path: string; readonly reason: string }[];
  /** True when the setting points outside the workspace folder: nothing is read there. */
  readonly outside: boolean;
}

/** Whether `inner` is `outer` or inside it, links followed (a missing folder is not inside). */
function inside(outer: string, inner: string): boolean {
  try {
    const rel = path.relative(fs.realpathSync.native(outer), fs.realpathSync.native(inner));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  } catch {
    return false;
  }
}

/**
 * Reads `ROOT/FOLDER/*.md`, in name order, through the one safe reader (no pipes, devices
 * or huge files). No folder: no templates, and the built-ins serve. The setting may come
 * from the workspace itself, so a folder outside ROOT is never read.
 */
export function loadTemplateFiles(root: string, folder: string): TemplateLoad {
  const relDir = folder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  const dir = path.resolve(root, relDir);
  const files: TemplateFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  if (!fs.existsSync(dir)) return { files, skipped, outside: false };
  if (!inside(root, dir)) return { files, skipped, outside: true };
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => /\.md$/i.test(n) && !n.startsWith('.'))
      .sort();
  } catch {
    return { files, skipped, outside: false };
  }
  for (const name of names) {
    const rel = `${relDir}/${name}`;
    // Each file, too: a template linked to /etc/passwd is not a template of this workspace.
    if (!inside(root, path.join(dir, name))) {
      skipped.push({ path: rel, reason: 'it links outside the workspace folder' });
      continue;
    }
    try {
      const decoded = decodeNote(readRegularFile(path.join(dir, name), MAX_TEMPLATE_BYTES).bytes);
      if (decoded.ok) files.push({ path: rel, text: decoded.text });
      else skipped.push({ path: rel, reason: decoded.reason });
    } catch (err) {
      skipped.push({ path: rel, reason: errorReason(err) });
    }
  }
  return { files, skipped, outside: false };
}
