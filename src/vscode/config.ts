import * as vscode from 'vscode';
import { MAX_NOTE_SIZE_MB_CEILING, noteSettings, noteSizeOverCeiling, sessionSettings, trustedLookup, type SessionSettings, type SettingLookup } from '../core/settings';
import type { NoteSettings } from '../core/workspace';

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
 * workspace: VS Code does the same, and this holds even where it would not.
 */
function lookup(scope?: vscode.Uri): SettingLookup {
  const all = vscode.workspace.getConfiguration(undefined, scope);
  return trustedLookup(
    vscode.workspace.isTrusted,
    (key) => all.get(key),
    (key) => {
      const values = all.inspect(key);
      return values?.globalValue ?? values?.defaultValue;
    },
  );
}

let warnedCeiling = false;

/** The settings that decide what a note is, for the workspace folder of `scope`: read as the CLI reads them. */
export function readNoteSettings(scope?: vscode.Uri): NoteSettings {
  const get = lookup(scope);
  if (!warnedCeiling && noteSizeOverCeiling(get('attune.maxNoteSizeMB'))) {
    // Once a session: the settings are read for every scan and every folder.
    warnedCeiling = true;
    void vscode.window.showWarningMessage(
      `Attune reads notes of up to ${MAX_NOTE_SIZE_MB_CEILING} MB: the setting attune.maxNoteSizeMB asks for more, so ${MAX_NOTE_SIZE_MB_CEILING} MB is used.`,
    );
  }
  return noteSettings(get);
}

/** The session note's and checklist's settings for the workspace folder of `scope`: read as the CLI reads them. */
export function readSessionSettings(scope?: vscode.Uri): SessionSettings {
  return sessionSettings(lookup(scope));
}

export function readConfig(scope?: vscode.Uri): AttuneConfig {
  const c = vscode.workspace.getConfiguration('attune', scope);
  return {
    insertLens: c.get<LensPlacement>('codeLens.insertReflection', 'firstHeading'),
    statusLenses: c.get<boolean>('codeLens.ruptureActions', true),
    templatesFolder: readNoteSettings(scope).templatesFolder,
    sessionNoteFileName: readSessionSettings(scope).noteFileName,
    statusBar: c.get<boolean>('statusBar.enabled', true),
    badge: c.get<boolean>('badge.enabled', false),
    showCounts: c.get<boolean>('counts.enabled', false),
    checklistProgress: c.get<boolean>('checklist.showProgress', false),
    nextTimeHeading: readSessionSettings(scope).nextTimeHeading,
  };
}
