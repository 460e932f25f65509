import * as vscode from 'vscode';
import { feedbackSeries } from '../core/feedback/feedback';
import { RECENT_SCORES, scoresText } from '../core/feedback/feedbackChecklist';
import { groupByClient } from '../core/notes/byClient';
import { formatDate } from '../core/notes/dates';
import type { IndexedNote, RuptureEntry } from '../core/notes/note';
import { compareEntries } from '../core/notes/ruptureIndex';
import { isUnrepaired, ruptureContextValue, STATUSES, type Status } from '../core/notes/status';
import { waitsForThem } from '../core/notes/theirPace';
import { readSetting, type GroupBy } from './config';
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

/**
 * One build of the view: its rows and the items made for them while the build compared what
 * it would draw. VS Code asks for every row's item again after a redraw; they are handed back
 * while the settings they were made under still hold.
 */
interface Rows {
  readonly groupBy: GroupBy;
  readonly groups: GroupNode[];
  readonly flat: EntryNode[];
  readonly byKey: Map<string, EntryNode>;
  readonly children: Map<GroupNode, EntryNode[]>;
  readonly heldGroup: GroupNode | undefined;
  readonly showCounts: boolean;
  readonly items: Map<Node, vscode.TreeItem>;
  /** The curtain and the day the items were made under (see made()). */
  made: string;
}

/**
 * A build lets the editor breathe after this many ms, as the scan does: at 100,000 notes
 * making every row at once held the extension host's thread for about half a second.
 */
const SLICE_MS = 8;
/** Notes looked at between two looks at the clock. */
const NOTES_PER_STEP = 512;

/** The "Ruptures to revisit" view: by client, by status, or one flat list. */
export class RuptureTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows: Rows;
  private groupBy: GroupBy;
  /** A number per row, so ids carry no path or client code: VS Code may write ids into its logs. */
  private readonly rowNumbers = new Map<string, number>();
  /** What the view last drew (see refresh). */
  private drawn: string;
  /** Builds asked for and builds done: a request during a build is served by one more build. */
  private asked = 0;
  private done = 0;
  private drawing: Promise<void> | undefined;

  constructor(
    private readonly workspace: LiveNotes,
    private readonly state: vscode.Memento,
    private readonly curtain: PrivacyCurtain,
  ) {
    const saved = state.get<GroupBy>('attune.groupBy', 'client');
    this.groupBy = saved === 'status' || saved === 'flat' ? saved : 'client';
    this.rows = straight(this.build());
    this.drawn = straight(this.picture(this.rows));
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  async setGrouping(groupBy: GroupBy): Promise<void> {
    this.groupBy = groupBy;
    await this.state.update('attune.groupBy', groupBy);
    await this.refresh();
  }

  /**
   * Builds the rows from the index again, in slices that leave the editor room to type, and
   * tells VS Code only when a row would look or act differently: each redraw drops the rows
   * VS Code holds, so a click landing during a needless redraw (a note closed, a save that
   * moved no rupture) would do nothing. Settles once the view shows the index as it was asked.
   */
  refresh(): Promise<void> {
    this.asked++;
    return (this.drawing ??= this.draw());
  }

  private async draw(): Promise<void> {
    try {
      while (this.done < this.asked) {
        const asked = this.asked;
        const rows = await sliced(this.build());
        const drawn = await sliced(this.picture(rows));
        // Keep the nodes VS Code already holds when nothing changed: it asks for their children by identity.
        if (drawn !== this.drawn) {
          this.rows = rows;
          this.drawn = drawn;
          this.changed.fire(undefined);
        }
        this.done = asked;
      }
    } finally {
      this.drawing = undefined;
    }
  }

  /** Everything the view shows and does, row by row, as one string to compare. */
  private *picture(rows: Rows): Generator<void, string> {
    const out: string[] = [];
    yield* this.drawRows(rows, childrenOf(rows), 0, out);
    return out.join(',');
  }

  /** Each of `nodes` and the rows under it, one JSON row each, into `out`. */
  private *drawRows(rows: Rows, nodes: readonly Node[], depth: number, out: string[]): Generator<void> {
    for (const node of nodes) {
      const item = this.itemOf(rows, node);
      out.push(
        JSON.stringify([
          depth,
          item.id,
          item.label,
          item.description,
          item.tooltip,
          item.contextValue,
          item.collapsibleState,
          item.accessibilityInformation?.label,
          item.command?.arguments,
        ]),
      );
      yield;
      yield* this.drawRows(rows, childrenOf(rows, node), depth + 1, out);
    }
  }

  get count(): number {
    return this.rows.flat.length;
  }

  /**
   * The rows for the index as it is now. One pass over the notes gathers the ruptures to
   * revisit and the held ones.
   */
  private *build(): Generator<void, Rows> {
    const groupBy = this.groupBy;
    const entries: RuptureEntry[] = [];
    const held: RuptureEntry[] = [];
    let seen = 0;
    for (const note of this.workspace.index.allNotes()) {
      for (const entry of note.entries) {
        if (entry.status === 'held') held.push(entry);
        else if (isUnrepaired(entry.status)) entries.push(entry);
      }
      if (++seen % NOTES_PER_STEP === 0) yield;
    }
    entries.sort(compareEntries);
    yield;
    held.sort(compareEntries);
    yield;
    const rows: Rows = {
      groupBy,
      groups: [],
      flat: [],
      byKey: new Map(),
      children: new Map(),
      heldGroup: held.length === 0 ? undefined : { kind: 'group', by: 'held', key: 'held', entries: held },
      // One setting, not readConfig's every setting: each is a look through VS Code's configuration.
      showCounts: readSetting('attune.showCounts') === true,
      items: new Map(),
      made: this.made(),
    };
    // Held ruptures, in their own group: reachable, but not in the list and not counted.
    if (rows.heldGroup) {
      const nodes: EntryNode[] = held.map((entry) => ({ kind: 'entry', entry, parent: rows.heldGroup }));
      rows.children.set(rows.heldGroup, nodes);
      for (const node of nodes) rows.byKey.set(entryKey(node.entry), node);
    }
    const add = (node: EntryNode): void => {
      rows.flat.push(node);
      rows.byKey.set(entryKey(node.entry), node);
    };
    if (groupBy === 'flat') {
      for (const entry of entries) add({ kind: 'entry', entry, parent: undefined });
      return rows;
    }
    const buckets = groupBy === 'client' ? groupByClient(entries) : new Map(STATUSES.map((s) => [s, entries.filter((e) => e.status === s)]));
    for (const [key, list] of buckets) {
      if (list.length === 0) continue;
      const group: GroupNode = { kind: 'group', by: groupBy, key, entries: list };
      rows.groups.push(group);
      const nodes: EntryNode[] = list.map((entry) => ({ kind: 'entry', entry, parent: group }));
      rows.children.set(group, nodes);
      nodes.forEach(add);
      yield;
    }
    return rows;
  }

  /** What an item depends on besides its rupture: the curtain, its numbering and the day. */
  private made(): string {
    return `${this.curtain.hidden}|${formatDate(new Date())}`;
  }

  /** A row's item, made once per build while the curtain and the day stay as they were. */
  private itemOf(rows: Rows, node: Node): vscode.TreeItem {
    if (rows.made !== this.made()) {
      rows.items.clear();
      rows.made = this.made();
    }
    let item = rows.items.get(node);
    if (!item) {
      item = node.kind === 'group' ? this.groupItem(rows, node) : this.entryItem(node);
      rows.items.set(node, item);
    }
    return item;
  }

  getChildren(element?: Node): Node[] {
    return childrenOf(this.rows, element);
  }

  getParent(element: Node): Node | undefined {
    return element.kind === 'entry' ? element.parent : undefined;
  }

  getTreeItem(element: Node): vscode.TreeItem {
    return this.itemOf(this.rows, element);
  }

  private groupItem(rows: Rows, group: GroupNode): vscode.TreeItem {
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
    if (rows.showCounts) item.description = vscode.l10n.t('{0} to revisit', n);
    item.contextValue = group.by === 'client' ? 'attune.client' : 'attune.statusGroup';
    item.iconPath = new vscode.ThemeIcon(group.by === 'client' ? 'person' : (STATUS_ICONS[group.key as Status] ?? 'circle-outline'));
    const who = this.curtain.hidden ? label : vscode.l10n.t('Client {0}', group.key);
    const tooltip = group.by === 'client' ? who : label;
    // Scores stay out of sight while the privacy curtain is down.
    item.tooltip = group.by === 'client' && !this.curtain.hidden ? withRecentScores(tooltip, this.workspace.index.clientNotes(group.key), group.key) : tooltip;
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

  /** A row's number, the same for as long as the view lives. */
  private rowNumber(key: string): number {
    const n = this.rowNumbers.get(key) ?? this.rowNumbers.size + 1;
    this.rowNumbers.set(key, n);
    return n;
  }

  /** The node for the entry whose heading is at `line` of the note, if it is listed. */
  nodeFor(path: string, line: number): EntryNode | undefined {
    return this.rows.byKey.get(`${path}#${line}`);
  }

  /** The clients in the order the view lists them (by code, as the client groups are; held ones last). */
  clientsInOrder(): string[] {
    const listed = [...new Set(this.workspace.index.unrepaired().map((e) => e.client))].sort((a, b) => a.localeCompare(b));
    const held = this.workspace.index.held().map((e) => e.client);
    return [...new Set([...listed, ...held])];
  }

  /** The group node of a client (when grouping by client). */
  clientGroup(client: string): GroupNode | undefined {
    return this.rows.groups.find((g) => g.by === 'client' && g.key === client);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The nodes under `element` (the top rows when it is left out) in one build. */
function childrenOf(rows: Rows, element?: Node): Node[] {
  if (!element) {
    const top: Node[] = rows.groupBy === 'flat' ? rows.flat : rows.groups;
    return rows.heldGroup ? [...top, rows.heldGroup] : top;
  }
  return element.kind === 'group' ? (rows.children.get(element) ?? []) : [];
}

/** Runs a build to its end at once: the first build, of an index that is still empty. */
function straight<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a build, letting the editor breathe every SLICE_MS. */
async function sliced<T>(steps: Generator<void, T>): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      started = performance.now();
    }
  }
}

/** A client's tooltip in the view, with their recent scores as text when their notes hold any. */
function withRecentScores(tooltip: string, notes: Iterable<IndexedNote>, client: string): string {
  const recent = feedbackSeries(notes, client).slice(-RECENT_SCORES);
  return recent.length === 0 ? tooltip : `${tooltip}\n${vscode.l10n.t('Recent feedback scores: {0}', scoresText(recent))}`;
}
