/**
 * The `attune.*` settings that decide what a note is, read the same way from VS Code's
 * configuration and from `.vscode/settings.json` on the command line, so both agree.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { DEFAULT_SETTINGS, type NoteSettings } from './workspace';

/** A new session note's file name, `YYYY-MM-DD` standing for the day. */
export const DEFAULT_NOTE_FILE_PATTERN = 'YYYY-MM-DD.md';
/** The heading whose lines carry forward to the next session's checklist. */
export const DEFAULT_NEXT_TIME_HEADING = 'Next time';

/** Reads one setting by its full name (`attune.notes.include`), or undefined when unset. */
export type SettingLookup = (key: string) => unknown;

/**
 * Settings a workspace may not set for itself until the user trusts it (package.json's
 * `restrictedConfigurations`): they decide which files Attune reads, and how much of each.
 */
export const RESTRICTED_SETTINGS: readonly string[] = [
  'attune.templatesFolder',
  'attune.sessionNote.fileName',
  'attune.notes.include',
  'attune.notes.exclude',
  'attune.maxNoteSizeMB',
];

/**
 * The lookup to use in a workspace: all settings when the user trusts it; otherwise each
 * restricted setting from `userOnly` (the user's own settings or the default), never from
 * the workspace.
 */
export function trustedLookup(trusted: boolean, all: SettingLookup, userOnly: SettingLookup): SettingLookup {
  if (trusted) return all;
  const restricted = new Set(RESTRICTED_SETTINGS);
  return (key) => (restricted.has(key) ? userOnly(key) : all(key));
}

/** The largest note size a setting can ask for: beyond it one note could take gigabytes of memory. */
export const MAX_NOTE_SIZE_MB_CEILING = 64;

/** Whether an `attune.maxNoteSizeMB` value asks for more than the ceiling (and is lowered to it). */
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
  return Object.entries(value as Record<string, unknown>).filter(([, on]) => on === true).map(([p]) => p);
}

/** The note settings from a lookup; values of the wrong type fall back to the defaults, as in VS Code. */
export function noteSettings(get: SettingLookup): NoteSettings {
  const exclude = get('attune.notes.exclude');
  const own = Array.isArray(exclude) ? exclude.filter((p): p is string => typeof p === 'string') : [...DEFAULT_SETTINGS.exclude];
  const maxMb = get('attune.maxNoteSizeMB');
  const mb = noteSizeOverCeiling(maxMb)
    ? MAX_NOTE_SIZE_MB_CEILING
    : typeof maxMb === 'number' && Number.isFinite(maxMb) ? Math.max(0.01, maxMb) : DEFAULT_SETTINGS.maxNoteBytes / (1024 * 1024);
  const d = DEFAULT_SETTINGS.parse;
  return {
    include: text(get('attune.notes.include'), DEFAULT_SETTINGS.include),
    exclude: [...new Set([...own, ...filesExclude(get('files.exclude'))].filter((p) => p.trim() !== ''))],
    maxNoteBytes: Math.round(mb * 1024 * 1024),
    templatesFolder: text(get('attune.templatesFolder'), DEFAULT_SETTINGS.templatesFolder),
    parse: {
      clientKey: text(get('attune.client.frontMatterKey'), d.clientKey),
      clientFromFolder: flag(get('attune.client.fromFolderName'), d.clientFromFolder),
      dateKey: text(get('attune.date.frontMatterKey'), d.dateKey),
      dateFromFileName: flag(get('attune.date.fromFileName'), d.dateFromFileName),
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
export function sessionSettings(get: SettingLookup): SessionSettings {
  const threshold = get('attune.feedback.threshold');
  return {
    noteFileName: text(get('attune.sessionNote.fileName'), DEFAULT_NOTE_FILE_PATTERN),
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
