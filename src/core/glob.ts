/** Tells whether a workspace-relative path (`/` separators) matches a glob. */
export interface PathMatcher {
  /** `name`: the path's last segment, when the caller has it at hand (a walk does), which spares cutting it out. */
  test(path: string, name?: string): boolean;
}

/**
 * A small glob matcher for workspace-relative paths, so the file watcher can tell at once
 * whether a changed file is a note: `**` any folders, `*` and `?` within one segment, `{a,b}`
 * alternatives (nesting allowed), `[abc]` classes. A glob `**` + `/NAME` whose NAME cannot
 * match a `/` (the defaults `**` + `/*.md`, `**` + `/node_modules`) tests only the path's
 * last segment, so a deep path costs no more than a shallow one.
 */
export function compileGlob(glob: string): PathMatcher {
  const whole = globToRegExp(glob);
  const name = glob.slice(3);
  if (!glob.startsWith('**/') || /[/[]|\*\*/.test(name)) return whole;
  const last = globToRegExp(name);
  return { test: (p, n) => last.test(n ?? p.slice(p.lastIndexOf('/') + 1)) };
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) {
      re += '|';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) {
        re += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else {
      re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  while (depth-- > 0) re += ')';
  return new RegExp(`^${re}$`, 'i');
}
