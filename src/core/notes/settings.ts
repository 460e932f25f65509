/**
 * The `attune.*` settings that decide what a note is, read the same way from VS Code's
 * configuration and from `.vscode/settings.json` on the command line, so both agree.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { DEFAULT_SETTINGS, type NoteSettings } from './noteCollection';

/** A new session note's file name, `YYYY-MM-DD` standing for the day. */
export const DEFAULT_NOTE_FILE_PATTERN = 'YYYY-MM-DD.md';
/** The heading whose lines carry forward to the next session's checklist. */
export const DEFAULT_NEXT_TIME_HEADING = 'Next time';

/** Reads one setting by its full name (`attune.whichFilesAreNotes`), or undefined when unset. */
export type SettingLookup = (key: string) => unknown;

/**
 * Settings renamed so that VS Code's Settings editor, which makes each title from the key
 * ("attune.codeLens.insertReflection" read "Code Lens: Insert Reflection"), shows plain words.
 * Each pair is [new key, old key]: the old key is still read while the new one is not set, and
 * the editor moves a user's old value to the new key once (src/vscode/config.ts).
 */
export const RENAMED_SETTINGS: ReadonlyArray<readonly [string, string]> = [
  ['attune.whichFilesAreNotes', 'attune.notes.include'],
  ['attune.filesToLeaveOut', 'attune.notes.exclude'],
  ['attune.clientCodeFromFolderName', 'attune.client.fromFolderName'],
  ['attune.clientLabelAtTopOfNote', 'attune.client.frontMatterKey'],
  ['attune.dateFromFileName', 'attune.date.fromFileName'],
  ['attune.dateLabelAtTopOfNote', 'attune.date.frontMatterKey'],
  ['attune.newNoteFileName', 'attune.sessionNote.fileName'],
  ['attune.largestNoteInMegabytes', 'attune.maxNoteSizeMB'],
  ['attune.insertButtonAboveHeadings', 'attune.codeLens.insertReflection'],
  ['attune.nextStepsAboveRuptures', 'attune.codeLens.ruptureActions'],
  ['attune.cueHints', 'attune.cues.enabled'],
  ['attune.checkInWhenFeedbackBelow', 'attune.feedback.threshold'],
  ['attune.numberOnAttuneIcon', 'attune.badge.enabled'],
  ['attune.showCounts', 'attune.counts.enabled'],
  ['attune.heartAtBottomOfWindow', 'attune.statusBar.enabled'],
];

const OLD_NAME = new Map(RENAMED_SETTINGS);

/**
 * Settings a workspace may not set for itself until the user trusts it (package.json's
 * `restrictedConfigurations`): they decide which files Attune reads, and how much of each.
 */
export const RESTRICTED_SETTINGS: readonly string[] = [
  'attune.templatesFolder',
  'attune.newNoteFileName',
  'attune.whichFilesAreNotes',
  'attune.filesToLeaveOut',
  'attune.largestNoteInMegabytes',
];

/**
 * A lookup that reads a renamed setting's old key while its new key is not set (`isSet`
 * says whether a key has a value of the user's or the workspace's, defaults aside).
 */
export function readingOldNames(get: SettingLookup, isSet: (key: string) => boolean): SettingLookup {
  return (key) => {
    const old = OLD_NAME.get(key);
    return old !== undefined && !isSet(key) && isSet(old) ? get(old) : get(key);
  };
}

/** For a lookup that reads undefined for an unset key (the command line's): old names read while the new are unset. */
export function withOldNames(lookup: SettingLookup): SettingLookup {
  return readingOldNames(lookup, (key) => lookup(key) !== undefined);
}

/**
 * The lookup to use in a workspace: all settings when the user trusts it; otherwise each
 * restricted setting (and its old name) from `userOnly` (the user's own settings or the
 * default), never from the workspace.
 */
export function trustedLookup(trusted: boolean, all: SettingLookup, userOnly: SettingLookup): SettingLookup {
  if (trusted) return all;
  const restricted = new Set(RESTRICTED_SETTINGS.flatMap((key) => [key, OLD_NAME.get(key) ?? key]));
  return (key) => (restricted.has(key) ? userOnly(key) : all(key));
}

/** The largest note size a setting can ask for: beyond it one note could take gigabytes of memory. */
export const MAX_NOTE_SIZE_MB_CEILING = 64;

/** Whether an `attune.largestNoteInMegabytes` value asks for more than the ceiling (and is lowered to it). */
export function noteSizeOverCeiling(value: unknown): boolean {
  return typeof value === 'number' && value > MAX_NOTE_SIZE_MB_CEILING;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** `files.exclude` patterns that are switched on. */
function filesExclude(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([p]) => p);
}

/** The note settings from a lookup; values of the wrong type fall back to the defaults, as in VS Code. */
export function noteSettings(lookup: SettingLookup): NoteSettings {
  // VS Code's lookup reads old names already (it knows what is set); the command line's, here.
  const get = withOldNames(lookup);
  const exclude = get('attune.filesToLeaveOut');
  const own = Array.isArray(exclude) ? exclude.filter((p): p is string => typeof p === 'string') : [...DEFAULT_SETTINGS.exclude];
  const maxMb = get('attune.largestNoteInMegabytes');
  const mb = noteSizeOverCeiling(maxMb)
    ? MAX_NOTE_SIZE_MB_CEILING
    : typeof maxMb === 'number' && Number.isFinite(maxMb)
      ? Math.max(0.01, maxMb)
      : DEFAULT_SETTINGS.maxNoteBytes / (1024 * 1024);
  const d = DEFAULT_SETTINGS.parse;
  return {
    include: text(get('attune.whichFilesAreNotes'), DEFAULT_SETTINGS.include),
    exclude: [...new Set([...own, ...filesExclude(get('files.exclude'))].filter((p) => p.trim() !== ''))],
    maxNoteBytes: Math.round(mb * 1024 * 1024),
    templatesFolder: text(get('attune.templatesFolder'), DEFAULT_SETTINGS.templatesFolder),
    parse: {
      clientKey: text(get('attune.clientLabelAtTopOfNote'), d.clientKey),
      clientFromFolder: flag(get('attune.clientCodeFromFolderName'), d.clientFromFolder),
      dateKey: text(get('attune.dateLabelAtTopOfNote'), d.dateKey),
      dateFromFileName: flag(get('attune.dateFromFileName'), d.dateFromFileName),
    },
  };
}

/** The settings of a session note and its checklist, read alike by the editor and the command line. */
export interface SessionSettings {
  /** `attune.sessionNote.fileName`: today's note's file name, with `YYYY`, `MM` and `DD`. */
  readonly noteFileName: string;
  /** `attune.checklist.nextTimeHeading`: the section the next checklist carries forward. */
  readonly nextTimeHeading: string;
  /** `attune.feedback.threshold`: a score below it suggests checking in early; unset by default. */
  readonly feedbackThreshold: number | undefined;
}

/** The session settings from a lookup; values of the wrong type fall back to the defaults. */
export function sessionSettings(lookup: SettingLookup): SessionSettings {
  const get = withOldNames(lookup);
  const threshold = get('attune.checkInWhenFeedbackBelow');
  return {
    noteFileName: text(get('attune.newNoteFileName'), DEFAULT_NOTE_FILE_PATTERN),
    nextTimeHeading: text(get('attune.checklist.nextTimeHeading'), DEFAULT_NEXT_TIME_HEADING),
    feedbackThreshold: typeof threshold === 'number' && Number.isFinite(threshold) ? threshold : undefined,
  };
}

/**
 * Reads JSON with comments and trailing commas (the format of VS Code's settings files) with
 * jsonc-parser, the parser VS Code itself uses for them. Throws SyntaxError when it is not
 * that: jsonc-parser recovers from errors and returns what it could read, but a settings file
 * read only in part could drop an exclude pattern, so any error refuses the whole file.
 */
export function parseJsonc(source: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) throw new SyntaxError(`${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}`);
  return value;
}
