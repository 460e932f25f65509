// Issue 24, item 5: the de-identifier's two large word lists are searched packed, in place.
// The lookups must answer exactly as a Set of the npm packages' words would, for every
// listed word and for words near them, both from the packages (unit tests, the core as
// compiled) and from the packed file the bundle ships (the build's packer, then the
// bundle's search of the packed lines).
import * as assert from 'assert';
import * as path from 'path';
import ENGLISH = require('an-array-of-english-words');
import HUMAN_NAMES = require('humannames');
import { englishWords, humanNames } from '../../src/core/supervision/deidentifyWordData';
import { PLACE_NAMES } from '../../src/core/supervision/deidentifyPlaceList';
import { PackedWords, PlaceNames, slips, sortedWordText, type SortedWords } from '../../src/core/supervision/deidentifyWords';
import { packedLists } from '../../src/node/deidentifyWordData';

const REPO = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(path.join(REPO, 'tools', 'esbuild-plugins.js')) as {
  packWordLists(lists: readonly (readonly string[])[]): Buffer;
  wordLists(): [string[], string[]];
  compromiseQuickMerge: import('esbuild').Plugin;
  compromiseQuickHooks: import('esbuild').Plugin;
};

/** Words that may not be listed but sit right beside listed ones in the sort. */
function neighbours(word: string): string[] {
  return [word + 'a', word + '\u0000', word.slice(0, -1), word[0].toUpperCase() + word.slice(1), word + '\n'];
}

function sameAnswers(list: readonly string[], packed: SortedWords, label: string): void {
  const set = new Set(list);
  let wrong = 0;
  let example = '';
  for (const [i, w] of list.entries()) {
    if (!packed.has(w)) {
      wrong++;
      example ||= w;
    }
    // Every listed word is looked up; the words beside them, for one word in ten (time).
    if (i % 10 !== 0 && list.length > 1000) continue;
    for (const n of neighbours(w)) {
      if (packed.has(n) !== set.has(n)) {
        wrong++;
        example ||= n;
      }
    }
  }
  for (const w of ['', '\n', 'a\nb', 'zzzzzzzzzzzz', '\uffff', '\ud800', 'abel\udc00', 'x\ud800', 'Ünal', 'Zoë']) if (packed.has(w) !== set.has(w)) wrong++;
  assert.strictEqual(wrong, 0, `${label}: ${wrong} answers differ from a Set's (first: ${JSON.stringify(example)})`);
}

describe('the packed word lists (issue 24, item 5)', function () {
  this.timeout(120_000);
  const names = Object.keys(HUMAN_NAMES);

  it('from the npm packages: every word found, its neighbours answered as a Set would', () => {
    sameAnswers(ENGLISH, englishWords(), 'English words');
    sameAnswers(names, humanNames(), 'names');
  });

  it('from the file the bundle ships: every word found, its neighbours answered as a Set would', () => {
    const payload = build.packWordLists(build.wordLists());
    const lists = packedLists(payload);
    assert.strictEqual(lists.length, 2);
    // A whole word at least every 64 lines, so a search reads at most 64 lines in turn.
    let longest = 0;
    for (let at = 0; at < payload.length; at += 4 + payload.readUInt32LE(at)) {
      let run = 0;
      for (const line of payload.toString('latin1', at + 4, at + 4 + payload.readUInt32LE(at)).split('\n')) {
        run = line.startsWith('0') ? 0 : run + 1;
        longest = Math.max(longest, run);
      }
    }
    assert.ok(longest < 64, `${longest + 1} lines in a row with no whole word`);
    sameAnswers(ENGLISH, lists[0], 'English words, packed');
    sameAnswers(names, lists[1], 'names, packed');
  });

  it('any list: unsorted input, duplicates, one word, none, and words of any script', () => {
    const odd = ['zebra', 'Ábel', 'abel', 'abel', 'ab', 'a', '𝒜lpha', '日本', 'ÿ', 'Z', 'x', 'x\ufffd', 'p𝒜', 'p\uffff'];
    sameAnswers(odd, new PackedWords(sortedWordText(odd)), 'odd list');
    // Long words that share their first bytes, past the 64th line, and a list after them.
    const long = Array.from({ length: 300 }, (_, i) => `${'ü'.repeat(150)}${i}`);
    const lists = packedLists(build.packWordLists([odd, ['one'], [], long, ['after']]));
    assert.strictEqual(lists.length, 5);
    sameAnswers(odd, lists[0], 'odd list, packed');
    sameAnswers(['one'], lists[1], 'one word');
    sameAnswers([], lists[2], 'no word');
    sameAnswers(long, lists[3], 'long words');
    sameAnswers(['after'], lists[4], 'the list after them');
    assert.throws(() => sortedWordText(['a\nb']), /line break/);
  });
});

/** Place names in the order the list's tool writes them: by lower case, then as written. */
function placeOrder(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PlaceNames over `list` answers as a Set of the names and a Set of them in lower case would. */
function samePlaceAnswers(list: readonly string[], label: string): void {
  const places = new PlaceNames(list.join('|'));
  const exact = new Set(list);
  const lower = new Set(list.map((p) => p.toLowerCase()));
  const asked = ['', '|', 'a|b', 'zzzz', '\uffff', 'İstanbul', 'ǅ', 'Ab'];
  for (const [i, p] of list.entries()) {
    asked.push(p);
    if (i % 7 === 0 || list.length < 1000)
      asked.push(p.toLowerCase(), p.toUpperCase(), p + 'a', p.slice(0, -1), p + ' ', `${p}|`, p[0].toLowerCase() + p.slice(1));
  }
  let wrong = 0;
  let example = '';
  for (const q of asked) {
    if (places.has(q) !== exact.has(q) || places.hasLowerCase(q) !== lower.has(q)) {
      wrong++;
      example ||= q;
    }
  }
  assert.strictEqual(wrong, 0, `${label}: ${wrong} answers differ from a Set's (first: ${JSON.stringify(example)})`);
}

describe('the place names, searched in place as written and in lower case (issue 24, item 5)', () => {
  it('the list is in its order, and every name and its neighbours are answered as two Sets would', () => {
    const list = PLACE_NAMES.split('|');
    assert.ok(list.length > 15_000);
    assert.deepStrictEqual(list, [...list].sort(placeOrder));
    samePlaceAnswers(list, 'place names');
  });

  it('any list: names equal in lower case side by side, accents, one name, none', () => {
    const odd = ['McAlester', 'Mcalester', 'Mcallen', 'Abbey', 'Abbey Wood', 'Abbeyfeale', 'Sainte-Anne', 'Saint-Éloi', 'Östersund', 'Zoë', 'zoe'].sort(
      placeOrder,
    );
    samePlaceAnswers(odd, 'odd list');
    samePlaceAnswers(['Boston'], 'one name');
    samePlaceAnswers([], 'no name');
  });
});

/** A file of the installed compromise as the build's `plugin` (tools/esbuild-plugins.js) turns it out. */
async function throughPlugin(plugin: 'compromiseQuickMerge' | 'compromiseQuickHooks', ...file: string[]): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const built = await esbuild.build({
    entryPoints: [path.join(REPO, 'node_modules', 'compromise', 'src', ...file)],
    bundle: false,
    write: false,
    format: 'cjs',
    plugins: [build[plugin]],
    logLevel: 'silent',
  });
  return built.outputFiles[0].text;
}

describe('a word one typing slip from a listed one (issue 24, round six)', () => {
  it('every slip of a word: a letter dropped, two swapped, one mistyped, one added; none is the word itself', () => {
    const all = slips('ab');
    for (const w of ['b', 'a', 'ba', 'cb', 'ac', 'cab', 'acb', 'abc']) assert.ok(all.includes(w), `${w} missing`);
    assert.ok(!all.includes('ab'));
    assert.strictEqual(all.length, 2 + 1 + 25 * 2 + 26 * 3);
  });

  it('the packed English words and the npm list agree on misspellings, and a long or non-ASCII word is not tried', () => {
    const payload = build.packWordLists(build.wordLists());
    for (const words of [englishWords(), packedLists(payload)[0]]) {
      for (const w of ['recieve', 'hypotention', 'excercise', 'chaor', 'subcalvian']) assert.ok(words.oneSlipFrom(w), w);
      for (const w of ['certusi', 'kavaliunas', 'quartermain', 'a'.repeat(100_000), 'jerković']) assert.ok(!words.oneSlipFrom(w), w.slice(0, 20));
    }
  });
});

describe("the build's quicker merge in compromise (issue 24, item 5)", () => {
  it('still finds the lines it replaces in the installed compromise', async () => {
    const code = await throughPlugin('compromiseQuickMerge', 'API', 'extend.js');
    assert.ok(!code.includes('Object.assign(model, {'), 'compromise changed: revisit compromiseQuickMerge in tools/esbuild-plugins.js');
    assert.ok(code.includes('model[key] = plugin[key]'));
    assert.ok(code.includes('tookWhole('), 'compromise changed: revisit TAKE_BIG_MAP in tools/esbuild-plugins.js');
  });

  it("takes a marked word map as it is, with the model's own words added, and still copies any other map", async () => {
    const code = await throughPlugin('compromiseQuickMerge', 'API', 'extend.js');
    const mod = { exports: {} as { default: (plugin: object, world: object, view: object, nlp: object) => void } };
    new Function('module', 'exports', code)(mod, mod.exports);
    const marked: Record<string, string> = { word: 'Noun', shared: 'FirstName' };
    Object.defineProperty(marked, Symbol.for('attune.takeWhole'), { value: true });
    const unmarked = { few: 'Verb' };
    const world = { methods: {}, model: { one: { lexicon: { shared: 'Noun', own: 'Adjective' } as Record<string, string> } }, compute: {}, hooks: [] };
    mod.exports.default({ model: { one: { lexicon: marked }, two: { switches: unmarked } } }, world, {}, {});
    const model = world.model as unknown as { one: { lexicon: Record<string, string> }; two: { switches: object } };
    assert.strictEqual(model.one.lexicon, marked, 'the marked map is taken, not copied');
    assert.deepStrictEqual(
      { ...model.one.lexicon },
      { word: 'Noun', shared: 'FirstName', own: 'Adjective' },
      "the plugin's word wins, as in compromise's merge",
    );
    assert.notStrictEqual(model.two.switches, unmarked, 'an unmarked map is copied');
    assert.deepStrictEqual(model.two.switches, unmarked);
  });
});

describe("the build's quicker choice of compromise's match rules (issue 24, item 5)", () => {
  it('still finds the function it replaces in the installed compromise', async () => {
    const code = await throughPlugin('compromiseQuickHooks', '1-one', 'sweep', 'methods', 'sweep', '01-getHooks.js');
    assert.ok(!code.includes('maybe.concat('), 'compromise changed: revisit compromiseQuickHooks in tools/esbuild-plugins.js');
    assert.ok(code.includes('order.get('));
  });
});
