import { DEFAULT_NOTE_FILE_PATTERN } from './settings';

/**
 * Today's note's file name from a pattern such as `YYYY-MM-DD.md` (tokens `YYYY`, `MM`,
 * `DD`). Path separators become `-`; `.md` is added when missing.
 */
export function sessionNoteFileName(pattern: string, date: string): string {
  const [y, m, d] = date.split('-');
  const name = (pattern.trim() || DEFAULT_NOTE_FILE_PATTERN)
    .replace(/YYYY|MM|DD/g, (token) => (token === 'YYYY' ? y : token === 'MM' ? m : d))
    .replace(/[\\/]/g, '-');
  return /\.md$/i.test(name) ? name : `${name}.md`;
}
