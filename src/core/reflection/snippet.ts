/**
 * The template language: the braced subset of VS Code's snippet syntax.
 *
 *   ${1:default}   a tab stop with default text (may nest other tab stops and variables)
 *   ${1|a,b,c|}    a tab stop offering choices
 *   ${1} ${0}      a tab stop; 0 is where the cursor ends
 *   ${NAME}        a variable; ${NAME:default} falls back to the default
 *
 * Only braced forms are special, so a fee written "$120" stays text. `\$`, `\}` and `\\`
 * escape; inside choices `\,` and `\|` do too. One parse serves two renderers: snippet
 * text for VS Code (tab stops kept) and plain markdown for the CLI (defaults filled in).
 */

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly children: readonly SnippetNode[] | undefined };

/** Variables whose values the caller supplies; anything else unknown renders its default. */
export type Variables = Readonly<Record<string, string>>;

/** VS Code's own date variables, rendered by the editor in snippets and by us in markdown. */
const EDITOR_DATE_VARIABLES = ['CURRENT_YEAR', 'CURRENT_MONTH', 'CURRENT_DATE'] as const;

/**
 * A template whose placeholders nest deeper than this is read as plain text. Real templates
 * nest two or three deep; the parser recurses once per level, and a template nesting
 * thousands deep would otherwise overflow the stack.
 */
const MAX_NESTING = 100;
const TOO_DEEP = new Error('placeholders nested too deep');

class Parser {
  private pos = 0;
  private depth = 0;
  /**
   * What `placeholder` found at each start it tried: the node and the position after it,
   * or null. A `${` that fails to close is read again by every enclosing placeholder that
   * fails too, so without this, 24 unclosed `${1:` took seconds and each one more doubled it.
   */
  private readonly tried = new Map<number, { readonly node: SnippetNode; readonly end: number } | null>();
  /**
   * Set when a nested scan runs off the end of the template: every placeholder being read
   * around it then fails too (each would rescan the same text to the end), so they stop at
   * once instead. Cleared back at the top level.
   */
  private unwinding = false;
  /** A list of choices that ran off the end from here means no later one can close. */
  private choicesOpenFrom = Infinity;
  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    return this.nodes(false);
  }

  private nodes(nested: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      if (!nested) this.unwinding = false;
      else if (this.unwinding) {
        this.pos = this.src.length;
        break;
      }
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length && '$}\\'.includes(this.src[this.pos + 1])) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (nested && c === '}') {
        break;
      } else if (c === '$' && this.src[this.pos + 1] === '{') {
        const node = this.placeholder();
        if (node) {
          flush();
          out.push(node);
        } else {
          text += c;
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    if (nested && this.pos >= this.src.length) this.unwinding = true;
    flush();
    return out;
  }

  /** Reads `${...}` at the current position, or returns undefined (and moves nowhere). */
  private placeholder(): SnippetNode | undefined {
    const start = this.pos;
    const known = this.tried.get(start);
    if (known !== undefined) {
      if (known) this.pos = known.end;
      return known?.node;
    }
    const node = this.readPlaceholder();
    this.tried.set(start, node ? { node, end: this.pos } : null);
    return node;
  }

  private readPlaceholder(): SnippetNode | undefined {
    const start = this.pos;
    const head = /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))([}:|])/.exec(this.src.slice(start, start + 80));
    if (!head) return undefined;
    this.pos = start + head[0].length;
    const index = head[1] !== undefined ? Number(head[1]) : -1;
    const name = head[2];
    const sep = head[3];
    if (sep === '}') {
      return name !== undefined ? { kind: 'variable', name, children: undefined } : { kind: 'tabstop', index, children: [] };
    }
    if (sep === '|' && name === undefined) {
      const options = this.choices();
      if (options) return { kind: 'choice', index, options };
    } else if (sep === ':') {
      if (++this.depth > MAX_NESTING) throw TOO_DEEP;
      const children = this.nodes(true);
      this.depth--;
      if (this.src[this.pos] === '}') {
        this.pos++;
        return name !== undefined ? { kind: 'variable', name, children } : { kind: 'tabstop', index, children };
      }
    }
    this.pos = start;
    return undefined;
  }

  private choices(): string[] | undefined {
    if (this.pos >= this.choicesOpenFrom) return undefined;
    const from = this.pos;
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length && ',|\\$}'.includes(this.src[this.pos + 1])) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        options.push(current);
        current = '';
        this.pos++;
      } else if (c === '|' && this.src[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += c;
        this.pos++;
      }
    }
    // No `|}` closes a list from here on, so none opened later can close either.
    this.choicesOpenFrom = Math.min(this.choicesOpenFrom, from);
    return undefined;
  }
}

export function parseSnippet(source: string): SnippetNode[] {
  try {
    return new Parser(source).parse();
  } catch (err) {
    if (err === TOO_DEEP) return source ? [{ kind: 'text', value: source }] : [];
    throw err;
  }
}

function escapeText(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(value: string): string {
  return value.replace(/[\\$},|]/g, (c) => `\\${c}`);
}

/** Renders VS Code snippet text: tab stops and choices kept, our variables filled in. */
export function toSnippet(nodes: readonly SnippetNode[], vars: Variables): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += escapeText(node.value);
        break;
      case 'tabstop':
        out += node.children.length ? `\${${node.index}:${toSnippet(node.children, vars)}}` : `\${${node.index}}`;
        break;
      case 'choice':
        out += `\${${node.index}|${node.options.map(escapeChoice).join(',')}|}`;
        break;
      case 'variable':
        if (Object.prototype.hasOwnProperty.call(vars, node.name)) out += escapeText(vars[node.name]);
        else if (node.name === 'TODAY') out += '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';
        else if ((EDITOR_DATE_VARIABLES as readonly string[]).includes(node.name)) out += `\${${node.name}}`;
        else out += toSnippet(node.children ?? [], vars);
        break;
    }
  }
  return out;
}

/**
 * Renders plain markdown: defaults filled in, choices shown as "a / b / c" so a printed
 * template still lists them, `today` (`YYYY-MM-DD`) for the date variables.
 */
export function toMarkdown(nodes: readonly SnippetNode[], vars: Variables, today: string): string {
  const [year, month, day] = today.split('-');
  const dates: Record<string, string> = { TODAY: today, CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: day };
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.value;
        break;
      case 'tabstop':
        out += toMarkdown(node.children, vars, today);
        break;
      case 'choice':
        out += node.options.join(' / ');
        break;
      case 'variable':
        if (Object.prototype.hasOwnProperty.call(vars, node.name)) out += vars[node.name];
        else if (node.name in dates) out += dates[node.name];
        else out += toMarkdown(node.children ?? [], vars, today);
        break;
    }
  }
  return out;
}
