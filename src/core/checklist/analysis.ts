/**
 * What the editor reads from one version of a note, each part worked out once and only when
 * first asked for, as VS Code's markdown language service keeps one table of contents per
 * document version: the parsed note, its outline, its heading anchors and its checklist section.
 */
import { headingAnchors, type HeadingAnchor } from '../markdown/anchors';
import { checklistProgress, type ChecklistProgress } from './progress';
import type { Note } from '../notes/note';
import { outline, type OutlineHeading } from '../markdown/outline';

/** How much work the analyses did: lets tests and benchmarks see the cache hold. */
export interface AnalysisCounts {
  /** Analyses made (one per document version asked about). */
  analyses: number;
  /** Times a note's heading anchors were built (the inline parser over every heading). */
  anchorBuilds: number;
}

export class NoteAnalysis {
  private outlineOf: readonly OutlineHeading[] | undefined;
  private anchorsOf: readonly HeadingAnchor[] | undefined;
  private checklistOf: { readonly progress: ChecklistProgress | undefined } | undefined;

  constructor(
    readonly text: string,
    readonly note: Note,
    private readonly counts: AnalysisCounts,
  ) {
    counts.analyses++;
  }

  /** Every heading with its section: the parse's own when it walked the note. */
  get outline(): readonly OutlineHeading[] {
    this.outlineOf ??= this.note.headings ?? outline(this.text);
    return this.outlineOf;
  }

  /** Every heading's anchor, as VS Code links to it. */
  get anchors(): readonly HeadingAnchor[] {
    if (!this.anchorsOf) {
      this.counts.anchorBuilds++;
      this.anchorsOf = headingAnchors(this.text);
    }
    return this.anchorsOf;
  }

  /** The "Before the session" section's progress, or undefined when the note has none. */
  get checklist(): ChecklistProgress | undefined {
    this.checklistOf ??= { progress: checklistProgress(this.text, this.anchors) };
    return this.checklistOf.progress;
  }
}
