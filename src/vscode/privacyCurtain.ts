import * as vscode from 'vscode';

const STATE_KEY = 'attune.privacyCurtain';
const CONTEXT_KEY = 'attune.detailsHidden';

/**
 * The privacy curtain, for sharing a screen in a telehealth session: while it is down,
 * every Attune surface (the view, lenses, status bar, tooltips, pickers) shows "Client 1"
 * for a client code and "a rupture" for a title, and no paths or opening lines. It stays
 * down across window reloads until the user raises it. Surfaces ask it for each string
 * they show and redraw on `onDidChange`.
 */
export class PrivacyCurtain implements vscode.Disposable {
  private down = false;
  private state: vscode.Memento | undefined;
  /** Stand-in numbers, stable for as long as the window is open. */
  private readonly numbers = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires with the new state whenever the curtain goes down or up. */
  readonly onDidChange = this.changed.event;
  private item: vscode.StatusBarItem | undefined;

  /** Whether client details are hidden now. */
  get hidden(): boolean {
    return this.down;
  }

  /** A client code as it may be shown now. An empty code stays empty. */
  client(code: string): string {
    if (!this.down || code === '') return code;
    let n = this.numbers.get(code);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(code, n);
    }
    return `Client ${n}`;
  }

  /** A rupture's title as it may be shown now. */
  title(title: string): string {
    return this.down ? 'a rupture' : title;
  }

  /** Any other text from a note or a path (an opening line, a file name): undefined while hidden. */
  detail(text: string): string | undefined {
    return this.down ? undefined : text;
  }

  async set(down: boolean): Promise<void> {
    if (down === this.down) return;
    this.down = down;
    await this.state?.update(STATE_KEY, down);
    this.show();
    this.changed.fire(down);
  }

  toggle(): Promise<void> {
    return this.set(!this.down);
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
    this.item.name = 'Attune: hide client details';
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
    this.item.text = this.down ? '$(eye-closed) Details hidden' : '$(eye)';
    this.item.tooltip = this.down
      ? 'Attune: client codes and titles are hidden. Click to show them again.'
      : 'Attune: hide client codes and titles, for sharing your screen.';
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.show();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The one curtain every surface asks. */
export const curtain = new PrivacyCurtain();
