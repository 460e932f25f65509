import * as vscode from 'vscode';

const STATE_KEY = 'attune.privacyCurtain';
const CONTEXT_KEY = 'attune.detailsHidden';

/**
 * The privacy curtain, for sharing a screen in a telehealth session: while it is down,
 * every Attune surface (the view, lenses, status bar, tooltips, pickers) shows "Client 1"
 * for a client code and "a rupture" for a title, and no paths or opening lines. It stays
 * down across window reloads until the user raises it. Surfaces ask it for each string
 * they show and redraw on `onDidChange`. One is built per activation (extension.ts) and
 * reaches the surfaces through the services or their constructors.
 */
export class PrivacyCurtain implements vscode.Disposable {
  private down = false;
  private state: vscode.Memento | undefined;
  /** Stand-in numbers, in the view's order, stable while the curtain stays down. */
  private readonly numbers = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires with the new state whenever the curtain goes down or up. */
  readonly onDidChange = this.changed.event;
  private item: vscode.StatusBarItem | undefined;
  /** The clients in the order the Attune view shows them, so stand-ins count down the list. */
  private order: () => readonly string[] = () => [];

  /** Whether client details are hidden now. */
  get hidden(): boolean {
    return this.down;
  }

  /** A client code as it may be shown now. An empty code stays empty. */
  client(code: string): string {
    if (!this.down || code === '') return code;
    if (!this.numbers.has(code)) this.numberInOrder();
    let n = this.numbers.get(code);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(code, n);
    }
    return vscode.l10n.t('Client {0}', n);
  }

  /** A rupture's title as it may be shown now. */
  title(title: string): string {
    return this.down ? vscode.l10n.t('a rupture') : title;
  }

  /** Any other text from a note or a path (an opening line, a file name): undefined while hidden. */
  detail(text: string): string | undefined {
    return this.down ? undefined : text;
  }

  /** Where the clients' order comes from (the view's order: Client 1 is the first one listed). */
  orderBy(order: () => readonly string[]): void {
    this.order = order;
  }

  /** Numbers the clients not numbered yet, in the view's order; numbers given stay as they are. */
  private numberInOrder(): void {
    for (const code of this.order()) if (code && !this.numbers.has(code)) this.numbers.set(code, this.numbers.size + 1);
  }

  async set(down: boolean): Promise<void> {
    if (down === this.down) return;
    this.down = down;
    if (down) {
      this.numbers.clear();
      this.numberInOrder();
    }
    await this.state?.update(STATE_KEY, down);
    this.show();
    this.changed.fire(down);
    if (down) void this.offerToClearTheScreen();
  }

  toggle(): Promise<void> {
    return this.set(!this.down);
  }

  /**
   * Attune cannot rename VS Code's own tabs, breadcrumbs or Explorer: when the curtain goes
   * down it says so, and offers to close the open notes and fold the Explorer.
   */
  private async offerToClearTheScreen(): Promise<void> {
    const clear = vscode.l10n.t('Close Notes and Fold the Explorer');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        "Attune now hides client codes and titles in its own list, lenses, status bar and pickers. VS Code's tabs, breadcrumbs and Explorer, and any open note, still show them.",
      ),
      clear,
      vscode.l10n.t('Leave Them'),
    );
    if (choice !== clear) return;
    const notes = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && /\.(md|markdown)$/i.test(t.input.uri.path));
    await vscode.window.tabGroups.close(notes);
    // The Explorer folds only while it is showing, and only once done reading its folders: it
    // reads them again each time it is shown, and a fold made meanwhile was undone on a busy
    // machine. Its refresh command shows it and settles after every read in progress; then
    // back to Attune's list, under the curtain.
    await vscode.commands.executeCommand('workbench.files.action.refreshFilesExplorer');
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    await vscode.commands.executeCommand('attune.unrepaired.focus');
  }

  /** Under the curtain, asks before Attune opens a note on screen; true when it may. */
  async allowsOpening(): Promise<boolean> {
    if (!this.down) return true;
    const open = vscode.l10n.t('Open the Note');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Client details are hidden. Open this note? Its text, its tab title and the folder above it will be on screen.'),
      { modal: true },
      open,
    );
    return choice === open;
  }

  /** Takes up the state saved in `memento`, where every change is saved from now on. */
  restore(memento: vscode.Memento): void {
    this.state = memento;
    this.down = memento.get<boolean>(STATE_KEY, false) === true;
  }

  /** Restores the saved state, and adds the commands and the status-bar toggle. */
  activate(context: vscode.ExtensionContext): void {
    // Global, not per workspace: a curtain lowered for a call stays down in every window.
    this.restore(context.globalState);
    this.item = vscode.window.createStatusBarItem('attune.privacyCurtain', vscode.StatusBarAlignment.Right, 99);
    this.item.name = vscode.l10n.t('Attune: hide client details');
    this.item.command = 'attune.toggleClientDetails';
    context.subscriptions.push(
      this,
      this.item,
      vscode.commands.registerCommand('attune.hideClientDetails', () => this.set(true)),
      vscode.commands.registerCommand('attune.showClientDetails', () => this.set(false)),
      vscode.commands.registerCommand('attune.toggleClientDetails', () => this.toggle()),
    );
    this.show();
  }

  private show(): void {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, this.down);
    if (!this.item) return;
    this.item.text = this.down ? `$(eye-closed) ${vscode.l10n.t('Details hidden')}` : '$(eye)';
    this.item.tooltip = this.down
      ? vscode.l10n.t(
          "Attune: client codes and titles are hidden in Attune's list, lenses, status bar and pickers (not in VS Code's tabs, breadcrumbs, Explorer or open notes). Click to show them again.",
        )
      : vscode.l10n.t(
          "Attune: hide client codes and titles in Attune's list, lenses, status bar and pickers, for sharing your screen. VS Code's tabs, breadcrumbs, Explorer and open notes still show them: share one window, not the whole screen.",
        );
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.show();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
