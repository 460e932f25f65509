/**
 * The review that stands between a supervision draft and the clipboard, shown in a panel
 * beside the draft so that it never covers it. Pure: the state, what the panel says and
 * its HTML, with no editor in sight (the unit tests read it as the clinician would).
 *
 * Nothing here can be skipped in one move: each marked spot needs its own answer
 * (replace or keep), each check its own tick, and Copy stays disabled until all are done.
 */

/** The checks a clinician ticks, one by one, before copying; each a question to read the draft by. */
export const REVIEW_ITEMS: readonly { label: string; detail: string }[] = [
  { label: 'Names and places', detail: 'No one is named, and no town, street or workplace points to them.' },
  { label: 'Dates', detail: 'No birthday, anniversary or appointment date is left; the days between events are kept as "day 0", "day 7".' },
  { label: 'Numbers', detail: 'No phone, record, account, licence or other number that belongs to them.' },
  {
    label: 'Anything unusual enough to identify them',
    detail: 'A job, an event, a family detail: a story can point to someone even with every name gone.',
  },
  { label: 'They know I consult', detail: 'The client knows that I consult or take supervision about my work with them.' },
  { label: 'The least that is needed', detail: 'This is the least that serves my question; I have cut what the question does not need.' },
  {
    label: 'How it will be sent',
    detail: 'I know how it will travel: clipboard history, email and AI tools keep copies of what passes through them.',
  },
];

/** A spot still marked in the draft, as the panel lists it. */
interface ReviewSpot {
  readonly line: number;
  readonly words: string;
  readonly reason: string;
}

export interface ReviewState {
  /** Marked spots not yet answered, in draft order. */
  readonly spots: readonly ReviewSpot[];
  /** Spots answered "Keep as it is": each looked like a name, a number or a place. */
  readonly kept: number;
  /** Which of REVIEW_ITEMS are ticked, by index. */
  readonly ticked: readonly boolean[];
  /** The draft's answer to "My question for supervision", as it now reads. */
  readonly question?: string;
}

/** Copy is offered only when every spot is answered and every check ticked. */
export function canCopy(state: ReviewState): boolean {
  return state.spots.length === 0 && REVIEW_ITEMS.every((_, i) => state.ticked[i] === true);
}

/**
 * Every word the review shows, so the extension can pass them in VS Code's display language
 * (src/vscode/supervision.ts reviewWords); ENGLISH_REVIEW is the English, used by default.
 */
export interface ReviewWords {
  readonly lang: string;
  readonly items: readonly { readonly label: string; readonly detail: string }[];
  readonly stillMarked: (n: number) => string;
  readonly kept: (n: number) => string;
  readonly noSpot: string;
  readonly allTicked: string;
  readonly checksLeft: (n: number) => string;
  readonly title: string;
  readonly questionLabel: string;
  readonly noQuestion: string;
  readonly markedSpots: string;
  readonly readEach: string;
  readonly copy: string;
  readonly keepsNoCopy: string;
  readonly line: (n: number) => string;
  readonly show: string;
  readonly showLabel: (n: number) => string;
  readonly replace: string;
  readonly replaceLabel: (words: string) => string;
  readonly keep: string;
  readonly keepLabel: (words: string) => string;
}

export const ENGLISH_REVIEW: ReviewWords = {
  lang: 'en',
  items: REVIEW_ITEMS,
  stillMarked: (n) => `${n === 1 ? '1 spot is' : `${n} spots are`} still marked in the draft. Answer each one: replace it, or keep it as it is.`,
  kept: (n) =>
    n === 1
      ? 'You kept 1 spot that looks like a name, a number or a place. Read it once more before sharing.'
      : `You kept ${n} spots that look like a name, a number or a place. Read them once more before sharing.`,
  noSpot: 'Attune has no spot marked in the draft. It can miss things: your own reading below is what counts.',
  allTicked: 'Every check is ticked.',
  checksLeft: (n) => `${n === 1 ? '1 check' : `${n} checks`} still to tick, each after reading the draft for it.`,
  title: 'Review before sharing',
  questionLabel: 'My question for supervision:',
  noQuestion: 'No question for supervision is written in this reflection. One line ("My question for supervision") helps you share only what it needs.',
  markedSpots: 'Marked spots',
  readEach: 'Read the draft for each, then tick it',
  copy: 'Copy for Supervision',
  keepsNoCopy: 'Attune keeps no copy and no list of what it replaced. You decide what is shared, and with whom.',
  line: (n) => `Line ${n}:`,
  show: 'Show',
  showLabel: (n) => `Show line ${n} in the draft`,
  replace: 'Replace',
  replaceLabel: (words) => `Replace ${words} with a placeholder`,
  keep: 'Keep as it is',
  keepLabel: (words) => `Keep ${words} as it is`,
};

/**
 * What the review says about the draft. Never "nothing left to check" while a kept spot
 * looks like a name, a number or a place: those are named for one more look.
 */
export function reviewStatus(state: ReviewState, words: ReviewWords = ENGLISH_REVIEW): string[] {
  const lines: string[] = [];
  if (state.spots.length > 0) lines.push(words.stillMarked(state.spots.length));
  if (state.kept > 0) lines.push(words.kept(state.kept));
  if (state.spots.length === 0 && state.kept === 0) lines.push(words.noSpot);
  const left = REVIEW_ITEMS.length - REVIEW_ITEMS.filter((_, i) => state.ticked[i] === true).length;
  lines.push(left === 0 ? words.allTicked : words.checksLeft(left));
  return lines;
}

/** The messages the panel sends; tests send the same ones. */
type ReviewMessage =
  | { readonly type: 'tick'; readonly index: number; readonly checked: boolean }
  | { readonly type: 'show' | 'replace' | 'keep'; readonly index: number }
  | { readonly type: 'copy' };

/** Reads a message from the panel, or undefined for anything malformed. */
export function readReviewMessage(raw: unknown): ReviewMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'copy') return { type: 'copy' };
  if (typeof m.index !== 'number' || !Number.isInteger(m.index) || m.index < 0) return undefined;
  if (m.type === 'tick' && typeof m.checked === 'boolean') return { type: 'tick', index: m.index, checked: m.checked };
  if (m.type === 'show' || m.type === 'replace' || m.type === 'keep') return { type: m.type, index: m.index };
  return undefined;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 12px 16px; line-height: 1.45; }
h1 { font-size: 1.25em; margin: 12px 0 4px; }
h2 { font-size: 1.05em; margin: 16px 0 6px; }
p { margin: 4px 0; }
ul { list-style: none; padding: 0; margin: 0; }
li { margin: 6px 0; }
.spot { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
.words { font-family: var(--vscode-editor-font-family); background: var(--vscode-editor-findMatchHighlightBackground); padding: 0 3px; border-radius: 3px; }
.reason { opacity: 0.8; flex-basis: 100%; }
label { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
label input { margin-top: 3px; }
.detail { display: block; opacity: 0.85; }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 3px 10px; border-radius: 2px; cursor: pointer; }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button:disabled { opacity: 0.5; cursor: default; }
button:focus-visible, input:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
#copy { margin-top: 14px; padding: 5px 14px; }
`;

/** Posts a message for each button and checkbox; brings focus back to where it was after a redraw. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-type]');
  if (!b || b.disabled) return;
  vscode.postMessage({ type: b.dataset.type, index: Number(b.dataset.index ?? 0) });
});
document.addEventListener('change', (e) => {
  const c = e.target;
  if (c.matches('input[data-index]')) vscode.postMessage({ type: 'tick', index: Number(c.dataset.index), checked: c.checked });
});
const focus = document.body.dataset.focus && document.getElementById(document.body.dataset.focus);
if (focus) focus.focus();
`;

/** The panel's page: a strict policy, one inline script and one style, each with the nonce. */
export function reviewHtml(state: ReviewState, nonce: string, focus = '', words: ReviewWords = ENGLISH_REVIEW): string {
  const csp = ["default-src 'none'", `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
  const spots = state.spots
    .map(
      (s, i) => `<li class="spot"><span>${escapeHtml(words.line(s.line))}</span> <span class="words">${escapeHtml(s.words)}</span>
<button id="show-${i}" class="secondary" data-type="show" data-index="${i}" aria-label="${escapeHtml(words.showLabel(s.line))}">${escapeHtml(words.show)}</button>
<button id="replace-${i}" data-type="replace" data-index="${i}" aria-label="${escapeHtml(words.replaceLabel(s.words))}">${escapeHtml(words.replace)}</button>
<button id="keep-${i}" class="secondary" data-type="keep" data-index="${i}" aria-label="${escapeHtml(words.keepLabel(s.words))}">${escapeHtml(words.keep)}</button>
<span class="reason">${escapeHtml(s.reason)}</span></li>`,
    )
    .join('\n');
  const checks = words.items
    .map(
      (item, i) => `<li><label><input type="checkbox" id="check-${i}" data-index="${i}"${state.ticked[i] === true ? ' checked' : ''}>
<span><strong>${escapeHtml(item.label)}</strong><span class="detail">${escapeHtml(item.detail)}</span></span></label></li>`,
    )
    .join('\n');
  const ready = canCopy(state);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(words.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body data-focus="${escapeHtml(focus)}">
<h1>${escapeHtml(words.title)}</h1>
<p id="question">${
    state.question !== undefined ? `<strong>${escapeHtml(words.questionLabel)}</strong> ${escapeHtml(state.question)}` : escapeHtml(words.noQuestion)
  }</p>
<div id="status" role="status">${reviewStatus(state, words)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}</div>
${state.spots.length > 0 ? `<h2>${escapeHtml(words.markedSpots)}</h2>\n<ul id="spots">\n${spots}\n</ul>` : ''}
<h2>${escapeHtml(words.readEach)}</h2>
<ul id="checks">
${checks}
</ul>
<button id="copy" data-type="copy"${ready ? '' : ' disabled'}>${escapeHtml(words.copy)}</button>
<p>${escapeHtml(words.keepsNoCopy)}</p>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
