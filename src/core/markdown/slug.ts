/**
 * Heading slugs as github-slugger makes them, which VS Code's markdown language service
 * uses when it checks links to headings: the plain text trimmed and lower-cased, every
 * character dropped that is not a letter, a mark, a decimal digit, a connector, a space or
 * `-`, and each space made `-`. A repeated slug gets `-1`, `-2`, ... in document order.
 */
// github-slugger keeps letters (including the few alphabetic symbols such as Ⓐ), marks,
// decimal digits, connector punctuation, the space and `-`; everything else goes.
// Checked code point by code point against its generated table for Unicode 13.
const NOT_SLUG = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc} -]/gu;

/** The slug of a heading's plain text, before duplicates are numbered. */
export function slugify(plainText: string): string {
  // The only white space left is the space (split and join outpace a regular expression on
  // a long heading).
  return plainText.trim().toLowerCase().replace(NOT_SLUG, '').split(' ').join('-');
}

/**
 * Numbers repeated slugs the way VS Code does: the second `notes` is `notes-1`, the third
 * `notes-2`. Feed it every heading of a note in document order.
 */
export class AnchorBuilder {
  private readonly seen = new Map<string, number>();

  add(plainText: string): string {
    const slug = slugify(plainText);
    const count = this.seen.get(slug);
    if (count === undefined) {
      this.seen.set(slug, 0);
      return slug;
    }
    this.seen.set(slug, count + 1);
    return `${slug}-${count + 1}`;
  }
}
