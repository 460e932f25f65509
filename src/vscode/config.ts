import * as vscode from 'vscode';
import type { ParseOptions } from '../core/note';

export type LensPlacement = 'off' | 'firstHeading' | 'everyH2';
export type GroupBy = 'client' | 'status' | 'flat';

/** Attune's settings, read fresh each time they are needed (they are cheap to read). */
export interface AttuneConfig {
  readonly notesGlob: string;
  readonly exclude: readonly string[];
  readonly maxNoteBytes: number;
  readonly insertLens: LensPlacement;
  readonly statusLenses: boolean;
  readonly templatesFolder: string;
  readonly parse: ParseOptions;
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

export function readConfig(scope?: vscode.Uri): AttuneConfig {
  const c = vscode.workspace.getConfiguration('attune', scope);
  const maxMb = c.get<number>('maxNoteSizeMB', 5);
  return {
    notesGlob: c.get<string>('notes.include', '**/*.md') || '**/*.md',
    exclude: c.get<string[]>('notes.exclude', ['**/node_modules', '**/.*']),
    maxNoteBytes: Math.max(0.01, Number.isFinite(maxMb) ? maxMb : 5) * 1024 * 1024,
    insertLens: c.get<LensPlacement>('codeLens.insertReflection', 'firstHeading'),
    statusLenses: c.get<boolean>('codeLens.ruptureActions', true),
    templatesFolder: c.get<string>('templatesFolder', '.attune/templates') || '.attune/templates',
    parse: {
      clientKey: c.get<string>('client.frontMatterKey', 'client') || 'client',
      clientFromFolder: c.get<boolean>('client.fromFolderName', true),
      dateKey: c.get<string>('date.frontMatterKey', 'date') || 'date',
      dateFromFileName: c.get<boolean>('date.fromFileName', true),
    },
    sessionNoteFileName: c.get<string>('sessionNote.fileName', 'YYYY-MM-DD.md') || 'YYYY-MM-DD.md',
    statusBar: c.get<boolean>('statusBar.enabled', true),
    saveAfterStatusChange: c.get<boolean>('saveAfterStatusChange', true),
    badge: c.get<boolean>('badge.enabled', false),
    showCounts: c.get<boolean>('counts.enabled', false),
    checklistProgress: c.get<boolean>('checklist.showProgress', false),
    nextTimeHeading: c.get<string>('checklist.nextTimeHeading', 'Next time') || 'Next time',
  };
}

/** Attune's own excludes plus VS Code's `files.exclude`, as glob patterns. */
export function excludePatterns(config: AttuneConfig): string[] {
  const patterns = new Set<string>(config.exclude.filter((p) => p.trim() !== ''));
  const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude', {});
  for (const [pattern, on] of Object.entries(filesExclude)) if (on === true) patterns.add(pattern);
  return [...patterns];
}

/**
 * One exclude glob for `findFiles` (passing our own switches `files.exclude` off, hence the
 * merge). Patterns with braces cannot nest in it; the index filters results with every
 * pattern afterwards, so none is lost.
 */
export function excludeGlob(patterns: readonly string[]): string | undefined {
  const list = patterns.filter((p) => !/[{}]/.test(p));
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}
