import * as vscode from 'vscode';

/**
 * Attune's output channel. Everything written here is Attune's own wording: counts,
 * timings and kinds of problem. VS Code keeps it as a file on disk, so it never names a
 * client, a note, a file or a folder, and never quotes a note. A copy of the recent lines is kept so the
 * privacy tests can check exactly what a user could read.
 */
export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Attune', { log: true });
  private readonly recent: string[] = [];

  info(message: string): void {
    this.keep(message);
    this.channel.info(message);
  }

  warn(message: string): void {
    this.keep(message);
    this.channel.warn(message);
  }

  error(message: string): void {
    this.keep(message);
    this.channel.error(message);
  }

  show(): void {
    this.channel.show(true);
  }

  /** The most recent lines written, oldest first. */
  lines(): readonly string[] {
    return this.recent;
  }

  private keep(message: string): void {
    this.recent.push(message);
    if (this.recent.length > 1000) this.recent.shift();
  }

  dispose(): void {
    this.channel.dispose();
  }
}
