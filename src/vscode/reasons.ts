/**
 * The reasons src/core and src/node give in English (a write refused, a file skipped, a
 * note's own warning, a client code refused, a spot in the supervision draft flagged), in
 * VS Code's display language. The core stays English (the command line and its tests read
 * it); each English reason is a key here, with {0} where the core puts a value, and its
 * words are a literal passed to vscode.l10n.t. test/unit/l10n.test.ts checks that every
 * reason the core writes has a key.
 */
import * as vscode from 'vscode';
import { translateReason, type Say } from './translateReason';

/** English reason (as the core writes it, {0} for a value) → the same words in the display language. */
const SAY: Readonly<Record<string, Say>> = {
  // A write refused (src/node/atomicWrite.ts, src/node/editNote.ts).
  'the disk is full': () => vscode.l10n.t('the disk is full'),
  'a file-size limit was reached': () => vscode.l10n.t('a file-size limit was reached'),
  "permission denied in the note's folder": () => vscode.l10n.t("permission denied in the note's folder"),
  'the disk is read-only': () => vscode.l10n.t('the disk is read-only'),
  'the disk reported an input/output problem': () => vscode.l10n.t('the disk reported an input/output problem'),
  'the write failed ({0})': (code) => vscode.l10n.t('the write failed ({0})', code),
  'the write failed': () => vscode.l10n.t('the write failed'),
  'a lock file could not be made beside it: {0}': (why) => vscode.l10n.t('a lock file could not be made beside it: {0}', why),
  'another Attune is changing it just now; try again in a moment': () => vscode.l10n.t('another Attune is changing it just now; try again in a moment'),
  'it changed on disk since Attune read it (another program saved it?)': () =>
    vscode.l10n.t('it changed on disk since Attune read it (another program saved it?)'),
  'another program saved it while Attune was writing': () => vscode.l10n.t('another program saved it while Attune was writing'),
  'the note is read-only': () => vscode.l10n.t('the note is read-only'),
  'a temporary file could not be made beside it: {0}': (why) => vscode.l10n.t('a temporary file could not be made beside it: {0}', why),
  'its owner could not be kept': () => vscode.l10n.t('its owner could not be kept'),
  'it is larger than the size limit for a note': () => vscode.l10n.t('it is larger than the size limit for a note'),
  'it could not be read': () => vscode.l10n.t('it could not be read'),
  'the place to change could not be found safely': () => vscode.l10n.t('the place to change could not be found safely'),
  'the change could not be made byte for byte': () => vscode.l10n.t('the change could not be made byte for byte'),
  // A file skipped (src/node/files.ts, walk.ts, host.ts; the size setting named by liveNotes.ts).
  'it looks like a binary file, not a text note': () => vscode.l10n.t('it looks like a binary file, not a text note'),
  'permission denied': () => vscode.l10n.t('permission denied'),
  'it does not exist': () => vscode.l10n.t('it does not exist'),
  'it is not a folder': () => vscode.l10n.t('it is not a folder'),
  'a symbolic link loop': () => vscode.l10n.t('a symbolic link loop'),
  'its path is too long': () => vscode.l10n.t('its path is too long'),
  'it is not a regular file (a pipe, device or folder)': () => vscode.l10n.t('it is not a regular file (a pipe, device or folder)'),
  'it is over the size limit': () => vscode.l10n.t('it is over the size limit'),
  'it could not be read ({0})': (code) => vscode.l10n.t('it could not be read ({0})', code),
  'not a folder': () => vscode.l10n.t('not a folder'),
  'it links to a folder outside the workspace folder': () => vscode.l10n.t('it links to a folder outside the workspace folder'),
  'it is not a regular file': () => vscode.l10n.t('it is not a regular file'),
  'it is too large': () => vscode.l10n.t('it is too large'),
  'it is not valid JSON': () => vscode.l10n.t('it is not valid JSON'),
  'it is not a JSON object': () => vscode.l10n.t('it is not a JSON object'),
  '{0} is over the {1} limit for a note': (size, limit) => vscode.l10n.t('{0} is over the {1} limit for a note', size, limit),
  'settings not used: {0}': (why) => vscode.l10n.t('settings not used: {0}', why),
  '{0} (setting attune.largestNoteInMegabytes)': (why) => vscode.l10n.t('{0} (setting attune.largestNoteInMegabytes)', why),
  // A note's own warnings (src/core/notes/note.ts).
  'the front-matter date is not a YYYY-MM-DD date, so it was ignored': () => vscode.l10n.t('the front-matter date is not a YYYY-MM-DD date, so it was ignored'),
  'the front-matter {0} is {1}, so it was ignored': (key, what) => vscode.l10n.t('the front-matter {0} is {1}, so it was ignored', key, what),
  'a block (| or >), which Attune does not read': () => vscode.l10n.t('a block (| or >), which Attune does not read'),
  'a quotation that does not close properly': () => vscode.l10n.t('a quotation that does not close properly'),
  'a rupture tag has a status Attune does not know (open, planned, attempted, held, repaired, closed); it is listed as open': () =>
    vscode.l10n.t('a rupture tag has a status Attune does not know (open, planned, attempted, held, repaired, closed); it is listed as open'),
  'a heading holds more than one rupture tag; the first one sets its status': () =>
    vscode.l10n.t('a heading holds more than one rupture tag; the first one sets its status'),
  // Why a client code cannot name a folder (src/core/notes/clientCode.ts).
  'Enter a client code.': () => vscode.l10n.t('Enter a client code.'),
  'A code cannot start or end with a space.': () => vscode.l10n.t('A code cannot start or end with a space.'),
  'A code cannot hold control characters or line breaks.': () => vscode.l10n.t('A code cannot hold control characters or line breaks.'),
  'A code cannot hold invisible characters or marks that change the direction of text.': () =>
    vscode.l10n.t('A code cannot hold invisible characters or marks that change the direction of text.'),
  'A code cannot contain / or \\.': () => vscode.l10n.t('A code cannot contain / or \\.'),
  'A code cannot contain "..".': () => vscode.l10n.t('A code cannot contain "..".'),
  'A code cannot start with a dot.': () => vscode.l10n.t('A code cannot start with a dot.'),
  'A code cannot contain : * ? " < > |.': () => vscode.l10n.t('A code cannot contain : * ? " < > |.'),
  'That code is a name Windows reserves; add a letter or number.': () => vscode.l10n.t('That code is a name Windows reserves; add a letter or number.'),
  'Keep the code short (40 characters at most).': () => vscode.l10n.t('Keep the code short (40 characters at most).'),
  // A spot in the supervision draft (src/core/supervision/deidentifyReasons.ts).
  'a capitalised word that is neither an ordinary word nor a known term': () =>
    vscode.l10n.t('a capitalised word that is neither an ordinary word nor a known term'),
  'a long number': () => vscode.l10n.t('a long number'),
  'a rare place-like phrase': () => vscode.l10n.t('a rare place-like phrase'),
  'a word that may be someone’s name': () => vscode.l10n.t('a word that may be someone’s name'),
  'numbers that may be a date': () => vscode.l10n.t('numbers that may be a date'),
};

/** A reason from the core in the display language; one the table does not know stays English. */
export function reasonText(english: string): string {
  return translateReason(english, SAY);
}
