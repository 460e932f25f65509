import * as vscode from 'vscode';
import { feedbackSeries } from '../core/feedback/feedback';
import { RECENT_SCORES, scoresText } from '../core/feedback/feedbackChecklist';
import { groupByClient } from '../core/notes/byClient';
import { formatDate } from '../core/notes/dates';
import type { IndexedNote, RuptureEntry } from '../core/notes/note';
import { ruptureContextValue, STATUSES, type Status } from '../core/notes/status';
import { waitsForThem } from '../core/notes/theirPace';
import { readConfig, type GroupBy } from './config';
import type { PrivacyCurtain } from './privacyCurtain';
import type { LiveNotes } from './liveNotes';
import { noted, statusLabel, statusWord } from './words';

export type Node = GroupNode | EntryNode;

export interface GroupNode {
  readonly kind: 'group';
  /**
   * 'client' groups hold one client's entries; 'status' groups one status; the one 'held'
   * group, collapsed and last, the ruptures waiting at the client's pace.
   */
  readonly by: 'client' | 'status' | 'held';
  readonly key: string;
  readonly entries: readonly RuptureEntry[];
}

export interface EntryNode {
  readonly kind: 'entry';
  readonly entry: RuptureEntry;
  readonly parent: GroupNode | undefined;
}

export const STATUS_ICONS: Readonly<Record<Status, string>> = {
  open: 'circle-large-outline',
  planned: 'edit',
  attempted: 'comment-discussion',
  held: 'debug-pause',
  repaired: 'pass',
  closed: 'circle-slash',
};

export function untitled(title: string): string {
  return title || vscode.l10n.t('(untitled rupture)');
}

/**
 * "planned · noted 30 Oct": what the tree and the lenses say about an entry. A held rupture
 * shows no date at all: it waits at the client's pace, not on a clock.
 */
export function describeEntry(entry: RuptureEntry, today: string): string {
  return entry.status === 'held' ? statusLabel('held') : `${statusWord(entry.status)} · ${noted(entry.date, today)}`;
}

/** The label of the group of held ruptures. */
function heldGroup(): string {
  return vscode.l10n.t('Waiting at their pace');
}

function entryKey(entry: RuptureEntry): string {
  return `${entry.path}#${entry.line}`;
}

/** The "Ruptures to revisit" view: by client, by status, or one flat list. */
export class RuptureTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: GroupNode[] = [];
  private flat: EntryNode[] = [];
  private byKey = new Map<string, EntryNode>();
  private children = new Map<GroupNode, EntryNode[]>();
  private groupBy: GroupBy;
  private heldGroup: GroupNode | undefined;
  /** A number per row, so ids carry no path or client code: VS Code may write ids into its logs. */
  private readonly rowNumbers = new Map<string, number>();
  /** What the view last drew (see refresh). */
  private drawn = '';
  /**
   * Read once per rebuild, not per row: reading a setting asks VS Code's configuration
   * service, and a redraw of 125 client rows did so 125 times (most of a redraw's time, and
   * the tree redraws many times during the first scan). A change of the setting rebuilds.
   */
  private showCounts = false;
  /**
   * Each client's notes, gathered in one pass over the index when a client row needs them
   * (each row looking through every note made a redraw cost clients times notes), kept while
   * the index is unchanged.
   */
  private notesByClient: { revision: number; notes: Map<string, IndexedNote[]> } | undefined;

  constructor(
    private readonly workspace: LiveNotes,
    private readonly state: vscode.Memento,
    private readonly curtain: PrivacyCurtain,
  ) {
    const saved = state.get<GroupBy>('attune.groupBy', 'client');
    this.groupBy = saved === 'status' || saved === 'flat' ? saved : 'client';
    this.rebuild();
    this.drawn = this.picture();
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  async setGrouping(groupBy: GroupBy): Promise<void> {
    this.groupBy = groupBy;
    await this.state.update('attune.groupBy', groupBy);
    this.refresh();
  }

  /**
   * Rebuilds the nodes from the index and tells VS Code, only when a row would look or act
   * differently: each redraw drops the rows VS Code holds, so a click landing during a needless
   * redraw (a note closed, a save that moved no rupture) would do nothing.
   */
  refresh(): void {
    const before = { groups: this.groups, flat: this.flat, byKey: this.byKey, children: this.children, heldGroup: this.heldGroup };
    const drawn = this.drawn;
    this.rebuild();
    this.drawn = this.picture();
    if (drawn === this.drawn) {
      // Keep the nodes VS Code already holds: it asks for their children by identity.
      ({ groups: this.groups, flat: this.flat, byKey: this.byKey, children: this.children, heldGroup: this.heldGroup } = before);
      return;
    }
    this.changed.fire(undefined);
  }

  /** Everything the view shows and does, row by row, as one string to compare. */
  private picture(): string {
    const rows: unknown[] = [];
    const draw = (nodes: readonly Node[], depth: number): void => {
      for (const node of nodes) {
        const item = this.getTreeItem(node);
        rows.push([
          depth,
          item.id,
          item.label,
          item.description,
          item.tooltip,
          item.contextValue,
          item.collapsibleState,
          item.accessibilityInformation?.label,
          item.command?.arguments,
        ]);
        draw(this.getChildren(node), depth + 1);
      }
    };
    draw(this.getChildren(), 0);
    return JSON.stringify(rows);
  }

  get count(): number {
    return this.flat.length;
  }

  private rebuild(): void {
    this.showCounts = readConfig().showCounts;
    const entries = this.workspace.index.unrepaired();
    this.byKey = new Map();
    this.children = new Map();
    this.groups = [];
    this.flat = [];
    this.heldGroup = undefined;
    this.addHeld();
    if (this.groupBy === 'flat') {
      for (const entry of entries) this.add({ kind: 'entry', entry, parent: undefined });
      return;
    }
    const buckets = this.groupBy === 'client' ? groupByClient(entries) : new Map(STATUSES.map((s) => [s, entries.filter((e) => e.status === s)]));
    for (const [key, list] of buckets) {
      if (list.length === 0) continue;
      const group: GroupNode = { kind: 'group', by: this.groupBy, key, entries: list };
      this.groups.push(group);
      const nodes: EntryNode[] = list.map((entry) => ({ kind: 'entry', entry, parent: group }));
      this.children.set(group, nodes);
      nodes.forEach((node) => this.add(node));
    }
  }

  /** Held ruptures, in their own group: reachable, but not in the list and not counted. */
  private addHeld(): void {
    const held = this.workspace.index.held();
    if (held.length === 0) return;
    const group: GroupNode = { kind: 'group', by: 'held', key: 'held', entries: held };
    const nodes: EntryNode[] = held.map((entry) => ({ kind: 'entry', entry, parent: group }));
    this.heldGroup = group;
    this.children.set(group, nodes);
    for (const node of nodes) this.byKey.set(entryKey(node.entry), node);
  }

  private add(node: EntryNode): void {
    this.flat.push(node);
    this.byKey.set(entryKey(node.entry), node);
  }

  getChildren(element?: Node): Node[] {
    if (!element) {
      const top: Node[] = this.groupBy === 'flat' ? this.flat : this.groups;
      return this.heldGroup ? [...top, this.heldGroup] : top;
    }
    if (element.kind === 'group') return this.children.get(element) ?? [];
    return [];
  }

  getParent(element: Node): Node | undefined {
    return element.kind === 'entry' ? element.parent : undefined;
  }

  getTreeItem(element: Node): vscode.TreeItem {
    return element.kind === 'group' ? this.groupItem(element) : this.entryItem(element);
  }

  private groupItem(group: GroupNode): vscode.TreeItem {
    if (group.by === 'held') {
      const item = new vscode.TreeItem(heldGroup(), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = 'group:held';
      item.contextValue = 'attune.heldGroup';
      item.iconPath = new vscode.ThemeIcon(STATUS_ICONS.held);
      item.tooltip = vscode.l10n.t('Ruptures the client is not ready to return to. They come up only if the client brings them up.');
      return item;
    }
    const label =
      group.by === 'status' ? (STATUSES.includes(group.key as Status) ? statusLabel(group.key as Status) : group.key) : this.curtain.client(group.key);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    const n = group.entries.length;
    item.id = `group:${group.by}:${this.rowNumber(`${group.by}:${group.key}`)}`;
    // Per-client numbers only when the clinician asked for counts.
    if (this.showCounts) item.description = vscode.l10n.t('{0} to revisit', n);
    item.contextValue = group.by === 'client' ? 'attune.client' : 'attune.statusGroup';
    item.iconPath = new vscode.ThemeIcon(group.by === 'client' ? 'person' : (STATUS_ICONS[group.key as Status] ?? 'circle-outline'));
    const who = this.curtain.hidden ? label : vscode.l10n.t('Client {0}', group.key);
    const tooltip = group.by === 'client' ? who : label;
    // Scores stay out of sight while the privacy curtain is down.
    item.tooltip = group.by === 'client' && !this.curtain.hidden ? withRecentScores(tooltip, this.clientNotes(group.key), group.key) : tooltip;
    item.accessibilityInformation = { label: group.by === 'client' ? vscode.l10n.t('Client {0}', label) : label };
    return item;
  }

  private entryItem(node: EntryNode): vscode.TreeItem {
    const { entry } = node;
    const today = formatDate(new Date());
    const title = untitled(this.curtain.title(entry.title));
    const client = this.curtain.client(entry.client);
    // Outside a client's group the client's code leads the row: a long title is cut at its
    // end, never the code (the tooltip holds the whole title).
    const item = new vscode.TreeItem(node.parent?.by === 'client' || !client ? title : `${client} · ${title}`, vscode.TreeItemCollapsibleState.None);
    // The status is part of the id: a new status makes a new row, so its tooltip is fresh.
    item.id = `entry:${this.rowNumber(entryKey(entry))}:${entry.status}`;
    // Only the title (and, outside a client's group, the client's code), so the row fits the
    // default side bar width; the icon shows the status, the tooltip says it and when it was noted.
    item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[entry.status]);
    item.contextValue = ruptureContextValue(entry.status);
    item.resourceUri = vscode.Uri.parse(entry.path);
    // Plain text, not markdown: note text is shown as it is, never interpreted.
    const where = `${this.curtain.detail(`${vscode.workspace.asRelativePath(item.resourceUri)}, `) ?? ''}${vscode.l10n.t('line {0}', entry.line + 1)}`;
    const when = entry.status === 'held' ? statusLabel('held') : noted(entry.date, today);
    // Waiting at their pace (held, or the latest word says they are not ready): no opening
    // line, so nothing here invites raising it.
    const opener = entry.status !== 'held' && !waitsForThem(entry) && entry.opener && this.curtain.detail(entry.opener);
    item.tooltip = [
      title,
      `${statusLabel(entry.status)} · ${client || vscode.l10n.t('no client')}`,
      `${where} · ${when}`,
      ...(opener ? [vscode.l10n.t('Opening line: “{0}”', opener)] : []),
    ].join('\n');
    item.accessibilityInformation = {
      label:
        entry.status === 'held'
          ? vscode.l10n.t('{0}, {1}, client {2}', title, statusLabel('held'), client)
          : vscode.l10n.t('{0}, {1}, {2}, client {3}', title, statusLabel(entry.status), when, client),
    };
    item.command = { command: 'attune.openEntry', title: vscode.l10n.t('Open note at this rupture'), arguments: [entry.path, entry.line] };
    return item;
  }

  private clientNotes(client: string): readonly IndexedNote[] {
    const index = this.workspace.index;
    if (this.notesByClient?.revision !== index.revision) {
      const notes = new Map<string, IndexedNote[]>();
      for (const note of index.allNotes()) {
        if (!note.client) continue;
        const list = notes.get(note.client);
        if (list) list.push(note);
        else notes.set(note.client, [note]);
      }
      this.notesByClient = { revision: index.revision, notes };
    }
    return this.notesByClient.notes.get(client) ?? [];
  }

  /** A row's number, the same for as long as the view lives. */
  private rowNumber(key: string): number {
    const n = this.rowNumbers.get(key) ?? this.rowNumbers.size + 1;
    this.rowNumbers.set(key, n);
    return n;
  }

  /** The node for the entry whose heading is at `line` of the note, if it is listed. */
  nodeFor(path: string, line: number): EntryNode | undefined {
    return this.byKey.get(`${path}#${line}`);
  }

  /** The clients in the order the view lists them (by code, as the client groups are; held ones last). */
  clientsInOrder(): string[] {
    const listed = [...new Set(this.workspace.index.unrepaired().map((e) => e.client))].sort((a, b) => a.localeCompare(b));
    const held = this.workspace.index.held().map((e) => e.client);
    return [...new Set([...listed, ...held])];
  }

  /** The group node of a client (when grouping by client). */
  clientGroup(client: string): GroupNode | undefined {
    return this.groups.find((g) => g.by === 'client' && g.key === client);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A client's tooltip in the view, with their recent scores as text when their notes hold any. */
function withRecentScores(tooltip: string, notes: Iterable<IndexedNote>, client: string): string {
  const recent = feedbackSeries(notes, client).slice(-RECENT_SCORES);
  return recent.length === 0 ? tooltip : `${tooltip}\n${vscode.l10n.t('Recent feedback scores: {0}', scoresText(recent))}`;
}
