/** Tells whether a workspace-relative path (`/` separators) matches a glob. */
export interface PathMatcher {
  /** `name`: the path's last segment, when the caller has it at hand (a walk does), which spares cutting it out. */
  test(path: string, name?: string): boolean;
}

/** A pattern that cannot be used; `reason` is fit for the user and never quotes the pattern. */
export class InvalidGlob extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidGlob';
  }
}

/**
 * A small glob matcher for workspace-relative paths, so the file watcher can tell at once
 * whether a changed file is a note: `**` any folders, `*` and `?` within one segment, `{a,b}`
 * alternatives (nesting allowed), `[abc]` classes, case ignored. A glob `**` + `/NAME` whose
 * NAME cannot match a `/` (the defaults `**` + `/*.md`, `**` + `/node_modules`) tests only
 * the path's last segment, so a deep path costs no more than a shallow one.
 *
 * The patterns come from the workspace's own settings, so they must never hang Attune: a
 * regular expression backtracks, and `*a*a*a…b` against a long name took minutes. The glob
 * is compiled to a state machine instead (Thompson's construction) and run over every state
 * at once, so a test costs at most the path's length times the pattern's, whatever the
 * pattern. Throws InvalidGlob for a pattern that cannot be used (`[z-a]`).
 */
export function compileGlob(glob: string): PathMatcher {
  const whole = new Machine(glob);
  const name = glob.slice(3);
  if (!glob.startsWith('**/') || /[/[]|\*\*/.test(name)) return whole;
  const last = new Machine(name);
  return { test: (p, n) => last.test(n ?? p.slice(p.lastIndexOf('/') + 1)) };
}

// ---- Parsing: the glob as a tree of sequences and alternatives.

type Item =
  | { readonly kind: 'char'; readonly test: (c: number) => boolean }
  /** `*` (one segment), `**` (anything) or `**` + `/` (whole folders). */
  | { readonly kind: 'star' | 'any' | 'folders' }
  | { readonly kind: 'group'; readonly alternatives: Item[][] };

const SLASH = 47;

/** The case-folded form of a UTF-16 code unit, as a regular expression's `i` flag folds it. */
function fold(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  const upper = String.fromCharCode(c).toUpperCase();
  // One unit only, and never from outside ASCII into it (ſ is not S), as `i` without `u` does.
  if (upper.length !== 1 || upper.charCodeAt(0) < 128) return c;
  return upper.charCodeAt(0);
}

function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

function literal(ch: number): Item {
  const want = fold(ch);
  return { kind: 'char', test: (c) => c === ch || fold(c) === want };
}

/** `[abc]`, `[a-z]`, `[!a]` or `[^a]`; the body is taken literally (a backslash is a backslash). */
function charClass(body: string): Item {
  let negated = false;
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    negated = true;
    i = 1;
  }
  const ranges: [number, number][] = [];
  while (i < body.length) {
    const from = body.charCodeAt(i);
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body.charCodeAt(i + 2);
      if (to < from) throw new InvalidGlob('a range in [ ] runs backwards, such as [z-a]');
      ranges.push([from, to]);
      i += 3;
    } else {
      ranges.push([from, from]);
      i++;
    }
  }
  const within = (c: number): boolean => ranges.some(([a, b]) => c >= a && c <= b);
  // As `i` folds: a member matches every character of the same folded form.
  const matches = (c: number): boolean => {
    if (within(c)) return true;
    const f = fold(c);
    const l = lower(c);
    return within(f) || (fold(l) === f && within(l));
  };
  return { kind: 'char', test: (c) => matches(c) !== negated };
}

/**
 * The alternatives from `at` to the `}` closing a group (depth > 0) or the end; `,` and `}`
 * are plain characters outside braces, and a group left open closes at the end.
 */
function parse(glob: string, at: { i: number }, depth: number): Item[][] {
  const alternatives: Item[][] = [[]];
  let seq = alternatives[0];
  while (at.i < glob.length) {
    const c = glob[at.i];
    if (c === '*') {
      if (glob[at.i + 1] === '*') {
        const folders = glob[at.i + 2] === '/';
        seq.push({ kind: folders ? 'folders' : 'any' });
        at.i += folders ? 3 : 2;
      } else {
        seq.push({ kind: 'star' });
        at.i++;
      }
    } else if (c === '?') {
      seq.push({ kind: 'char', test: (x) => x !== SLASH });
      at.i++;
    } else if (c === '{') {
      at.i++;
      seq.push({ kind: 'group', alternatives: parse(glob, at, depth + 1) });
    } else if (c === '}' && depth > 0) {
      at.i++;
      return alternatives;
    } else if (c === ',' && depth > 0) {
      seq = [];
      alternatives.push(seq);
      at.i++;
    } else if (c === '[' && glob.indexOf(']', at.i + 1) !== -1) {
      const close = glob.indexOf(']', at.i + 1);
      seq.push(charClass(glob.slice(at.i + 1, close)));
      at.i = close + 1;
    } else {
      seq.push(literal(glob.charCodeAt(at.i)));
      at.i++;
    }
  }
  return alternatives;
}

// ---- The state machine: nodes that read one character, or split without reading.

const MATCH = 0;
/** Sets of states remembered as one state, at most; past this, sets are worked out afresh. */
const MAX_CACHED = 2000;

interface Step {
  /** Undefined for a split, which moves to `out` and `out2` without reading. */
  readonly test?: (c: number) => boolean;
  out: number;
  out2: number;
}

const ASCII = 128;

class Machine implements PathMatcher {
  private readonly steps: Step[] = [{ out: -1, out2: -1 }];
  // Sets of states met before, each remembered as one numbered state (a lazily built DFA):
  // its states, whether it accepts, and where each character leads (-1: not worked out yet),
  // in a flat table for ASCII (the common case, one array read per character) and a map beyond.
  private readonly sets: (readonly number[])[] = [];
  private readonly accepting: boolean[] = [];
  private table = new Int32Array(0);
  private readonly wide: Map<number, number>[] = [];
  private readonly known = new Map<string, number>();
  private readonly start: number;
  /** Marks for deduplicating states within one set: a state is in the set made on round `round`. */
  private readonly mark: Uint32Array;
  private round = 0;

  constructor(glob: string) {
    const first = this.alternatives(parse(glob, { i: 0 }, 0), MATCH);
    this.mark = new Uint32Array(this.steps.length);
    this.start = this.remember(this.closure([first]));
  }

  test(path: string): boolean {
    let at = this.start;
    for (let i = 0; i < path.length; i++) {
      const c = path.charCodeAt(i);
      const cached = c < ASCII ? this.table[at * ASCII + c] : (this.wide[at].get(c) ?? -1);
      at = cached >= 0 ? cached : this.advance(at, c);
      // No state left: nothing further can match.
      if (this.sets[at].length === 0) return false;
    }
    return this.accepting[at];
  }

  private add(step: Step): number {
    this.steps.push(step);
    return this.steps.length - 1;
  }

  /** Builds `seq` so that it ends in state `next`; returns its first state. Right to left, so each item knows where it goes. */
  private sequence(seq: readonly Item[], next: number): number {
    let at = next;
    for (let i = seq.length - 1; i >= 0; i--) at = this.item(seq[i], at);
    return at;
  }

  private alternatives(alts: readonly Item[][], next: number): number {
    let at = this.sequence(alts[alts.length - 1], next);
    for (let i = alts.length - 2; i >= 0; i--) at = this.add({ out: this.sequence(alts[i], next), out2: at });
    return at;
  }

  private item(item: Item, next: number): number {
    switch (item.kind) {
      case 'char':
        return this.add({ test: item.test, out: next, out2: -1 });
      case 'group':
        return this.alternatives(item.alternatives, next);
      case 'star':
        return this.loop((x) => x !== SLASH, next);
      case 'any':
        return this.loop(() => true, next);
      case 'folders': {
        // (any but `/`, then `/`), any number of times.
        const split = this.add({ out: -1, out2: next });
        const slash = this.add({ test: (x) => x === SLASH, out: split, out2: -1 });
        this.steps[split].out = this.loop((x) => x !== SLASH, slash);
        return split;
      }
    }
  }

  /** Zero or more characters passing `test`, then `next`. */
  private loop(test: (c: number) => boolean, next: number): number {
    const split = this.add({ out: -1, out2: next });
    this.steps[split].out = this.add({ test, out: split, out2: -1 });
    return split;
  }

  /** The reading states reachable from `from` without reading, each once, in a stable order. */
  private closure(from: readonly number[]): number[] {
    const round = ++this.round;
    const found: number[] = [];
    const stack = [...from].reverse();
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (s === -1 || this.mark[s] === round) continue;
      this.mark[s] = round;
      const step = this.steps[s];
      if (step.test === undefined && s !== MATCH) {
        stack.push(step.out2, step.out);
      } else {
        found.push(s);
      }
    }
    return found;
  }

  /** The number of a set of states; a set past the cache's size is numbered afresh each time. */
  private remember(states: number[]): number {
    const key = states.join(',');
    const seen = this.known.get(key);
    if (seen !== undefined) return seen;
    const n = this.sets.length;
    if (n >= MAX_CACHED) {
      // Full: reuse one spare slot past the cache, worked out again whenever it is reached.
      this.sets[MAX_CACHED] = states;
      this.accepting[MAX_CACHED] = states.includes(MATCH);
      this.wide[MAX_CACHED] = new Map();
      this.table.fill(-1, MAX_CACHED * ASCII, (MAX_CACHED + 1) * ASCII);
      return MAX_CACHED;
    }
    this.sets.push(states);
    this.accepting.push(states.includes(MATCH));
    this.wide.push(new Map());
    if (this.table.length < (n + 2) * ASCII) {
      const bigger = new Int32Array(Math.min(Math.max(this.table.length * 2, 8 * ASCII), (MAX_CACHED + 1) * ASCII)).fill(-1);
      bigger.set(this.table);
      this.table = bigger;
    }
    this.known.set(key, n);
    return n;
  }

  private advance(at: number, c: number): number {
    const moved: number[] = [];
    for (const s of this.sets[at]) {
      const step = this.steps[s];
      if (step.test?.(c)) moved.push(step.out);
    }
    const next = this.remember(this.closure(moved));
    // Transitions into or out of the spare slot are never kept: it holds another set next time.
    if (at !== MAX_CACHED && next !== MAX_CACHED) {
      if (c < ASCII) this.table[at * ASCII + c] = next;
      else this.wide[at].set(c, next);
    }
    return next;
  }
}
