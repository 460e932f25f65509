/**
 * The workspace's own templates, read from its templates folder (`attune.templatesFolder`,
 * `.attune/templates` by default): one loader for the command line and the extension.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { TemplateFile } from '../core/templates';
import { decodeNote } from './files';
import { NoteReader } from './host';
import { errorReason } from './walk';

/** A template is a few dozen lines; anything far larger is not one. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

export interface TemplateLoad {
  readonly files: TemplateFile[];
  /** Templates left out, with the reason (never their text). */
  readonly skipped: { readonly path: string; readonly reason: string }[];
}

/** Reads `ROOT/FOLDER/*.md`, in name order. No folder: no templates, and the built-ins serve. */
export function loadTemplateFiles(root: string, folder: string): TemplateLoad {
  const relDir = folder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  const dir = path.join(root, relDir);
  const files: TemplateFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /\.md$/i.test(n) && !n.startsWith('.')).sort();
  } catch {
    return { files, skipped };
  }
  const reader = new NoteReader();
  for (const name of names) {
    const rel = `${relDir}/${name}`;
    try {
      const read = reader.read(path.join(dir, name), MAX_TEMPLATE_BYTES);
      if (!(read instanceof Uint8Array)) {
        skipped.push({ path: rel, reason: 'it is too large for a template' });
        continue;
      }
      const decoded = decodeNote(read);
      if (decoded.ok) files.push({ path: rel, text: decoded.text });
      else skipped.push({ path: rel, reason: decoded.reason });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      skipped.push({ path: rel, reason: code === 'ENOTREG' ? 'it is not a regular file' : errorReason(err) });
    }
  }
  return { files, skipped };
}
