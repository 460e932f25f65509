import * as vscode from 'vscode';
import { levelForInsertion, outline } from '../core/markdown/outline';
import { STATUSES, type Status } from '../core/notes/status';
import { templateCode } from './reflectionTemplates';
import { today } from './actions';
import type { LiveNotes } from './liveNotes';
import { REFLECTION_INSERTED } from './walkthrough';
import { statusLabel } from './words';

function statusHint(status: Status): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('Noticed; not yet returned to');
    case 'planned':
      return vscode.l10n.t('A repair is planned');
    case 'attempted':
      return vscode.l10n.t('A repair was tried; watching how it lands');
    case 'held':
      return vscode.l10n.t('Waiting at their pace: raised only if they bring it up');
    case 'repaired':
      return vscode.l10n.t('Repaired (in the session itself, or later)');
    case 'closed':
      return vscode.l10n.t('Ended without repair (declined, therapy ended, safety, or not a rupture after all)');
  }
}

/**
 * Completes `#rupture/` with the statuses, and offers the reflection template as a
 * snippet on an empty line or after `#rupture` at the start of a heading.
 */
export class RuptureCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly workspace: LiveNotes) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    if (!this.workspace.isNote(document.uri)) return [];
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const status = /(^|[ \t])#rupture\/([a-z]*)$/i.exec(before);
    if (status) {
      const typed = status[2];
      const range = new vscode.Range(position.translate(0, -typed.length), position);
      return STATUSES.map((s, i) => {
        // The words beside every status in the list, not only the one chosen.
        const item = new vscode.CompletionItem({ label: s, description: statusHint(s) }, vscode.CompletionItemKind.EnumMember);
        item.detail = statusLabel(s);
        item.documentation = statusHint(s);
        item.range = range;
        item.sortText = String(i);
        return item;
      });
    }
    const word = /(?:^|[ \t])(#?[a-z]*)$/i.exec(before)?.[1] ?? '';
    const startsLine = before.trim() === word;
    if (!startsLine || !/^#?(r(u(p(t(u(r(e)?)?)?)?)?)?)?$/i.test(word)) return [];
    const templates = this.workspace.templates.for(vscode.workspace.getWorkspaceFolder(document.uri));
    const level = levelForInsertion(outline(document.getText()), position.line);
    const note = this.workspace.noteOf(document);
    // The labels stay English: they are what the user types after `#` (the tag is #rupture in every language).
    const offers = [
      { id: 'rupture-reflection', label: 'rupture reflection', detail: vscode.l10n.t('Attune: insert a rupture reflection') },
      { id: 'in-session-repair', label: 'rupture repaired in session', detail: vscode.l10n.t('Attune: record a repair made in the session itself') },
    ];
    const items: vscode.CompletionItem[] = [];
    for (const offer of offers) {
      const template = templateCode().findTemplate(templates, offer.id);
      if (!template) continue;
      const item = new vscode.CompletionItem(offer.label, vscode.CompletionItemKind.Snippet);
      item.detail = offer.detail;
      item.documentation = new vscode.MarkdownString(template.description);
      item.insertText = new vscode.SnippetString(templateCode().renderSnippet(template, { client: note.client, date: note.date ?? today(), level }, today()));
      item.range = new vscode.Range(position.translate(0, -word.length), position);
      item.filterText = word.startsWith('#') ? `#${offer.label}` : offer.label;
      item.sortText = String(items.length);
      // Ticks "Insert your first reflection" in the walkthrough, as the command does.
      item.command = { command: REFLECTION_INSERTED, title: '' };
      items.push(item);
    }
    return items;
  }
}
