import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..');

/** The README followed by every page under docs/: the documentation a user can read, as one text. */
export function readDocs(): string {
  const docs = path.join(root, 'docs');
  const pages = fs
    .readdirSync(docs)
    .filter((name) => name.endsWith('.md'))
    .sort();
  return [path.join(root, 'README.md'), ...pages.map((name) => path.join(docs, name))].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
}
