/**
 * The word lists' text, straight from their npm packages. In dist/deidentify.js this module
 * is swapped for src/node/deidentifyWordData.ts, which unpacks the same words from the small
 * file beside the bundle (tools/esbuild-plugins.js); both give the same text.
 */
import ENGLISH = require('an-array-of-english-words');
import HUMAN_NAMES = require('humannames');
import { sortedWordText } from './deidentifyWords';

/** Lower-case English words, sorted, one a line. */
export function englishWords(): string {
  return sortedWordText(ENGLISH);
}

/** Given names and surnames, sorted, one a line. */
export function humanNames(): string {
  return sortedWordText(Object.keys(HUMAN_NAMES));
}
