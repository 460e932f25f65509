/**
 * The word lists, straight from their npm packages. In dist/deidentify.js this module is
 * swapped for src/node/deidentifyWordData.ts, which searches the same words in the small
 * file beside the bundle (tools/esbuild-plugins.js); both answer as a Set of the words would.
 */
import ENGLISH = require('an-array-of-english-words');
import HUMAN_NAMES = require('humannames');
import { PackedWords, sortedWordText, type SortedWords } from './deidentifyWords';

/** Lower-case English words. */
export function englishWords(): SortedWords {
  return new PackedWords(sortedWordText(ENGLISH));
}

/** Given names and surnames. */
export function humanNames(): SortedWords {
  return new PackedWords(sortedWordText(Object.keys(HUMAN_NAMES)));
}
