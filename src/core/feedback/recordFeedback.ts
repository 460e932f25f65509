/**
 * "Record feedback score": writes the number the client gave into the note's "Alliance
 * feedback score" field, changing as little as it can. An existing score is replaced in
 * place (words around it stay); a missing field is added at the end of "Between us"; a
 * note without "Between us" gets that section, before "Next time" or at the end.
 */
import { collectHeadings, contentFrom, sectionEnd, type Heading } from '../markdown/blocks';
import { applyEdits, type TextEdit } from '../notes/edits';
import { boldLabel, fieldLabel, HEADINGS, isHeading, NOTE_LANGUAGES } from '../notes/fieldKeys';
import { feedbackField, formatScore, noteScore, scoreSpan, type Score } from './feedback';
import { isFilled, normaliseValue } from '../notes/fields';
import { readFrontMatter } from '../markdown/frontMatter';
import { lastContentLine } from '../markdown/insert';
import { dominantEol, splitLines, type Line } from '../markdown/lines';
import { parseNote } from '../notes/note';

/** The section a missing feedback field goes under, as the English session-note template names it. */
export const BETWEEN_US = 'Between us';

interface RecordedScore {
  readonly edits: readonly TextEdit[];
  /** What changed: the value of an existing field, a field added to "Between us", or a new section. */
  readonly kind: 'value' | 'field' | 'section';
}

const SOURCE = { path: '', folderName: '', fileName: '' };

function headingText(text: string, lines: readonly Line[], h: Heading): string {
  const start = lines[h.line].start;
  return text.slice(start + h.contentStart, start + h.contentEnd);
}

/** The edit in an existing field's line: the old score, or the empty value, or in front of the words. */
function valueEdit(text: string, lines: readonly Line[], line: number, value: string, newScore: string): TextEdit | undefined {
  const l = lines[line];
  const content = text.slice(l.start, l.end);
  const valueEnd = content.trimEnd().length;
  const valueStart = valueEnd - value.length;
  // The parser trimmed the value from the end of the line; make sure that is where it is.
  if (valueStart < 0 || content.slice(valueStart, valueEnd) !== value) return undefined;
  const old = scoreSpan(value);
  if (old) return { line, character: valueStart + old.start, length: old.end - old.start, newText: newScore };
  if (!isFilled(value)) {
    const spaced = value === '' && !/[ \t]$/.test(content.slice(0, valueStart));
    return { line, character: valueStart, length: value.length, newText: `${spaced ? ' ' : ''}${newScore}` };
  }
  // Words without a number: the score goes first, so it is the value's first number.
  return { line, character: valueStart, length: 0, newText: `${newScore}, ` };
}

/**
 * Where the field or section goes when the note has no feedback field. "Between us" and
 * "Next time" are found in any template language, and the field is written in the language
 * of the "Between us" it joins (in English otherwise).
 */
function addEdit(text: string, lines: readonly Line[], newScore: string): RecordedScore {
  const eol = dominantEol(text);
  const front = readFrontMatter(text);
  const headings = collectHeadings(text, lines, front ? front.endLine + 1 : 0);
  const betweenUs = headings.findIndex((h) => isHeading(headingText(text, lines, h), 'between-us'));
  const written = betweenUs === -1 ? undefined : normaliseValue(headingText(text, lines, headings[betweenUs])).replace(/:$/, '');
  const language =
    NOTE_LANGUAGES[
      Math.max(
        0,
        HEADINGS['between-us'].findIndex((w) => normaliseValue(w) === written),
      )
    ];
  const fieldLine = `- ${boldLabel(fieldLabel('feedback-score', language), language)} ${newScore}`;
  if (betweenUs !== -1) {
    const h = headings[betweenUs];
    const last = lastContentLine(text, h.line, sectionEnd(headings, betweenUs, lines.length));
    const l = lines[last];
    // Straight after the last line of the section (a list of fields, usually); a blank line under a bare heading.
    const lead = last === h.line ? eol + eol : eol;
    return { kind: 'field', edits: [{ line: last, character: l.end - l.start, length: 0, newText: lead + fieldLine }] };
  }
  const isBlank = (i: number): boolean => i < 0 || i >= lines.length || text.slice(contentFrom(text, lines[i]), lines[i].end).trim() === '';
  const next = headings.find((h) => isHeading(headingText(text, lines, h), 'next-time'));
  if (next) {
    const section = `${'#'.repeat(next.level)} ${BETWEEN_US}${eol}${eol}${fieldLine}${eol}${eol}`;
    const character = contentFrom(text, lines[next.line]) - lines[next.line].start;
    return { kind: 'section', edits: [{ line: next.line, character, length: 0, newText: (isBlank(next.line - 1) ? '' : eol) + section }] };
  }
  const section = `## ${BETWEEN_US}${eol}${eol}${fieldLine}`;
  const lastIndex = lines.length - 1;
  const last = lines[lastIndex];
  if (last.end > contentFrom(text, last)) {
    // The note ends without a line break: keep it that way.
    return { kind: 'section', edits: [{ line: lastIndex, character: last.end - last.start, length: 0, newText: eol + eol + section }] };
  }
  const character = contentFrom(text, last) - last.start;
  const lead = lastIndex === 0 || isBlank(lastIndex - 1) ? '' : eol;
  return { kind: 'section', edits: [{ line: lastIndex, character, length: 0, newText: lead + section + eol }] };
}

/**
 * The edits that record `score` in the note, or undefined when they cannot be made safely
 * (the result would not read back as that score, say because the note ends inside an
 * unclosed code block).
 */
export function recordScoreEdits(text: string, score: Score): RecordedScore | undefined {
  const lines = splitLines(text);
  const newScore = formatScore(score);
  const field = feedbackField(parseNote(text, SOURCE));
  let result: RecordedScore | undefined;
  if (field) {
    const edit = valueEdit(text, lines, field.line, field.value, newScore);
    result = edit && { kind: 'value', edits: [edit] };
  } else {
    result = addEdit(text, lines, newScore);
  }
  if (!result) return undefined;
  const after = noteScore(parseNote(applyEdits(text, result.edits), SOURCE));
  return after && after.score === score.score && after.max === score.max ? result : undefined;
}
