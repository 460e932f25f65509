/**
 * The data files the build packs beside dist/deidentify.js, read when the de-identifier
 * loads: compromise's tagger model (this module, swapped into the bundle's copy of
 * compromise by tools/esbuild-plugins.js, `compromisePackedModel`) and the word lists
 * (deidentifyWordData.ts). A file that is missing, damaged or from another build is
 * refused with a message naming the file, never the note.
 */
import crypto = require('crypto');
import fs = require('fs');
import path = require('path');
import zlib = require('zlib');

/** compromise's tagger model, as the build packs it. */
const TAGGER_FILE = 'deidentify-tagger.br';

/** A packed data file of the de-identifier that cannot be used; the message says which and what to do. */
export class PackedDataError extends Error {
  constructor(file: string, problem: 'is missing' | 'cannot be read' | 'is damaged' | 'does not match this build') {
    super(`the de-identifier's data file ${file} ${problem}; build Attune again (npm run build)`);
    this.name = 'PackedDataError';
  }
}

/** A brotli-packed file of `dir`, unpacked; when `sha256` is given, its unpacked bytes must have that digest. */
export function readPacked(dir: string, file: string, sha256?: string): Buffer {
  let packed: Buffer;
  try {
    packed = fs.readFileSync(path.join(dir, file));
  } catch (err) {
    throw new PackedDataError(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'cannot be read');
  }
  let bytes: Buffer;
  try {
    bytes = zlib.brotliDecompressSync(packed);
  } catch {
    throw new PackedDataError(file, 'is damaged');
  }
  if (sha256 !== undefined && crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) throw new PackedDataError(file, 'does not match this build');
  return bytes;
}

/** The mark of a map the bundle's compromise may take whole (not enumerable: compromise never sees it as a word). */
const TAKE_WHOLE = Symbol.for('attune.takeWhole');

/** What compromise computes as it loads: its lexicon grown by conjugations and plurals, and the rest. */
interface TaggerModel {
  readonly lexicon: Record<string, string | string[]>;
  readonly multiCache: Record<string, number>;
  readonly switches: Record<string, string>;
  readonly uncountable: Record<string, boolean>;
}

/** compromise's tagger model from the file the build wrote in `dir`, checked against the digest the build wrote into the bundle. */
export function taggerModel(dir: string, sha256: string): TaggerModel {
  const bytes = readPacked(dir, TAGGER_FILE, sha256);
  // The digest matched: the text is the build's own JSON.
  const model = JSON.parse(bytes.toString('utf8')) as TaggerModel;
  // The bundle's compromise takes these maps whole rather than copy them word by word (tools/esbuild-plugins.js, TAKE_MARKED_MAP).
  for (const map of [model.lexicon, model.multiCache, model.switches]) Object.defineProperty(map, TAKE_WHOLE, { value: true });
  return model;
}
