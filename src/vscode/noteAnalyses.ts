import * as vscode from 'vscode';
import { NoteAnalysis, type AnalysisCounts } from '../core/checklist/analysis';
import type { LiveNotes } from './liveNotes';

/**
 * One analysis per open document version (see NoteAnalysis): a lens request on a document
 * that has not changed reads nothing again, parses nothing and builds no anchors.
 */
export class NoteAnalyses implements vscode.Disposable {
  /** What the analyses have done so far (tests and benchmarks read it). */
  readonly counts: AnalysisCounts = { analyses: 0, anchorBuilds: 0 };
  private readonly cache = new Map<string, { readonly version: number; readonly analysis: NoteAnalysis }>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly workspace: LiveNotes) {
    // A closed document's analysis is never asked for again: its text goes with it.
    this.subscription = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));
  }

  of(document: vscode.TextDocument): NoteAnalysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    // The workspace keeps its own parse per version; a new one (its settings changed) makes a new analysis.
    const note = this.workspace.noteOf(document);
    if (cached && cached.version === document.version && cached.analysis.note === note) return cached.analysis;
    const analysis = new NoteAnalysis(document.getText(), note, this.counts);
    this.cache.set(key, { version: document.version, analysis });
    return analysis;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
