import * as vscode from 'vscode';
import { noteSettings } from '../core/settings';
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
  readonly saveAfterStatusChange: boolean;
  /** Counts are off unless asked for: no badge, no per-client numbers, no checklist progress. */
  readonly badge: boolean;
  readonly showCounts: boolean;
  readonly checklistProgress: boolean;
  /** The heading whose lines the next checklist carries forward. */
  readonly nextTimeHeading: string;
}

/** The settings that decide what a note is, for the workspace folder of `scope`: read as the CLI reads them. */
export function readNoteSettings(scope?: vscode.Uri): NoteSettings {
  const all = vscode.workspace.getConfiguration(undefined, scope);
  return noteSettings((key) => all.get(key));
}

export function readConfig(scope?: vscode.Uri): AttuneConfig {
  const c = vscode.workspace.getConfiguration('attune', scope);
  return {
    insertLens: c.get<LensPlacement>('codeLens.insertReflection', 'firstHeading'),
    statusLenses: c.get<boolean>('codeLens.ruptureActions', true),
    templatesFolder: readNoteSettings(scope).templatesFolder,
    sessionNoteFileName: c.get<string>('sessionNote.fileName', 'YYYY-MM-DD.md') || 'YYYY-MM-DD.md',
    statusBar: c.get<boolean>('statusBar.enabled', true),
    saveAfterStatusChange: c.get<boolean>('saveAfterStatusChange', true),
    badge: c.get<boolean>('badge.enabled', false),
    showCounts: c.get<boolean>('counts.enabled', false),
    checklistProgress: c.get<boolean>('checklist.showProgress', false),
    nextTimeHeading: c.get<string>('checklist.nextTimeHeading', 'Next time') || 'Next time',
  };
}
