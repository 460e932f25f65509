import * as vscode from 'vscode';
import {
  MAX_NOTE_SIZE_MB_CEILING,
  noteSettings,
  noteSizeOverCeiling,
  readingOldNames,
  RENAMED_SETTINGS,
  sessionSettings,
  trustedLookup,
  type SessionSettings,
  type SettingLookup,
} from '../core/notes/settings';
import type { NoteSettings } from '../core/notes/noteCollection';
import { templateLanguage, type NoteLanguage } from '../core/notes/fieldKeys';

export type LensPlacement = 'off' | 'firstHeading' | 'everyH2';
export type GroupBy = 'client' | 'status' | 'flat';

/** Attune's settings, read fresh each time they are needed (they are cheap to read). */
export interface AttuneConfig {
  readonly insertLens: LensPlacement;
  readonly statusLenses: boolean;
  readonly templatesFolder: string;
  readonly sessionNoteFileName: string;
  readonly statusBar: boolean;
  /** Counts are off unless asked for: no badge, no per-client numbers, no checklist progress. */
  readonly badge: boolean;
  readonly showCounts: boolean;
  readonly checklistProgress: boolean;
  /** The heading whose lines the next checklist carries forward. */
  readonly nextTimeHeading: string;
}

/**
 * Reads settings by full name. In a workspace the user has not trusted, a restricted
 * setting comes from the user's own settings (or its default) only, never from the
 * workspace: VS Code does the same, and this holds even where it would not. A renamed
 * setting's old key is read while the new key is not set.
 */
function lookup(scope?: vscode.Uri): SettingLookup {
  const all = vscode.workspace.getConfiguration(undefined, scope);
  const trusted = vscode.workspace.isTrusted;
  const get = trustedLookup(
    trusted,
    (key) => all.get(key),
    (key) => {
      const values = all.inspect(key);
      return values?.globalValue ?? values?.defaultValue;
    },
  );
  const setHere = trustedLookup(
    trusted,
    (key) => {
      const values = all.inspect(key);
      return values?.workspaceFolderValue ?? values?.workspaceValue ?? values?.globalValue;
    },
    (key) => all.inspect(key)?.globalValue,
  );
  return readingOldNames(get, (key) => setHere(key) !== undefined);
}

/** One Attune setting by its full name (its old name read while it is unset), for the folder of `scope`. */
export function readSetting(key: string, scope?: vscode.Uri): unknown {
  return lookup(scope)(key);
}

/** The settings that decide which files are notes and what they say: a change to one means a new scan. */
export const NOTE_SETTINGS: readonly string[] = [
  'attune.whichFilesAreNotes',
  'attune.filesToLeaveOut',
  'attune.clientCodeFromFolderName',
  'attune.clientLabelAtTopOfNote',
  'attune.dateFromFileName',
  'attune.dateLabelAtTopOfNote',
  'attune.largestNoteInMegabytes',
  'files.exclude',
];

let warnedCeiling = false;

/**
 * The settings that decide what a note is, for the workspace folder of `scope`: read as the
 * CLI reads them. Only the scan (`warn`) tells of a size over the ceiling: the features loaded
 * later are bundles of their own, each with its own copy of the once-a-session flag.
 */
export function readNoteSettings(scope?: vscode.Uri, warn = true): NoteSettings {
  const get = lookup(scope);
  if (warn && !warnedCeiling && noteSizeOverCeiling(get('attune.largestNoteInMegabytes'))) {
    // Once a session: the settings are read for every scan and every folder.
    warnedCeiling = true;
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Attune reads notes of up to {0} MB: the setting "Largest Note In Megabytes" (attune.largestNoteInMegabytes) asks for more, so {0} MB is used.',
        MAX_NOTE_SIZE_MB_CEILING,
      ),
    );
  }
  return noteSettings(get);
}

/** The session note's and checklist's settings for the workspace folder of `scope`: read as the CLI reads them. */
export function readSessionSettings(scope?: vscode.Uri): SessionSettings {
  return sessionSettings(lookup(scope));
}

/** `attune.templateLanguage` for the folder of `scope`: its language, or VS Code's display language when it says "match VS Code". */
export function readTemplateLanguage(scope?: vscode.Uri): NoteLanguage {
  return templateLanguage(lookup(scope)('attune.templateLanguage'), vscode.env.language);
}

function flagOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

const LENS_PLACEMENTS: readonly LensPlacement[] = ['off', 'firstHeading', 'everyH2'];

export function readConfig(scope?: vscode.Uri): AttuneConfig {
  const get = lookup(scope);
  const lens = get('attune.insertButtonAboveHeadings');
  return {
    insertLens: LENS_PLACEMENTS.find((p) => p === lens) ?? 'firstHeading',
    statusLenses: flagOr(get('attune.nextStepsAboveRuptures'), true),
    templatesFolder: readNoteSettings(scope).templatesFolder,
    sessionNoteFileName: readSessionSettings(scope).noteFileName,
    statusBar: flagOr(get('attune.heartAtBottomOfWindow'), true),
    badge: flagOr(get('attune.numberOnAttuneIcon'), false),
    showCounts: flagOr(get('attune.showCounts'), false),
    checklistProgress: flagOr(get('attune.checklist.showProgress'), false),
    nextTimeHeading: readSessionSettings(scope).nextTimeHeading,
  };
}

/** The places a setting can be written, each with the scope to read it at. */
function settingTargets(): { target: vscode.ConfigurationTarget; scope?: vscode.Uri; pick: (v: SettingValues) => unknown }[] {
  const targets: { target: vscode.ConfigurationTarget; scope?: vscode.Uri; pick: (v: SettingValues) => unknown }[] = [
    { target: vscode.ConfigurationTarget.Global, pick: (v) => v.globalValue },
  ];
  // A workspace's own settings file is changed only once the user trusts it.
  if (!vscode.workspace.isTrusted) return targets;
  if (vscode.workspace.workspaceFolders?.length) targets.push({ target: vscode.ConfigurationTarget.Workspace, pick: (v) => v.workspaceValue });
  // In a workspace of several folders, each folder's own settings too.
  if (vscode.workspace.workspaceFile) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      targets.push({ target: vscode.ConfigurationTarget.WorkspaceFolder, scope: folder.uri, pick: (v) => v.workspaceFolderValue });
    }
  }
  return targets;
}

type SettingValues = { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown };

/**
 * Moves the values of renamed settings to their new keys, once: where an old key has a value
 * and the new key has none, the new key takes it; then the old key is removed. Returns how
 * many values moved. A failure leaves the old key, which is still read.
 */
export async function moveRenamedSettings(): Promise<number> {
  let moved = 0;
  for (const { target, scope, pick } of settingTargets()) {
    const config = vscode.workspace.getConfiguration(undefined, scope);
    for (const [key, old] of RENAMED_SETTINGS) {
      const oldValues = config.inspect(old);
      const value = oldValues ? pick(oldValues) : undefined;
      if (value === undefined) continue;
      const newValues = config.inspect(key);
      if ((newValues ? pick(newValues) : undefined) === undefined) {
        await config.update(key, value, target);
        moved++;
      }
      await config.update(old, undefined, target);
    }
  }
  return moved;
}
