/**
 * Text normalisation and sparse features for the embedded classifier. Tuned for WhatsApp-style
 * Spanish/Portuguese/English: accents folded, case folded, letter repetitions collapsed ("holaaa",
 * "passa" → "hola", "pasa"), digits reduced to a placeholder, and character n-grams inside word
 * boundaries so that typos and inflections ("pedido"/"pedidos", "cobraram"/"cobraron") share most
 * of their features; word pairs are also emitted joined, so "top up", "top-up" and "topup" meet.
 */

/** Options of `extractFeatures`. */
export interface FeatureOptions {
  /** Smallest and largest character n-gram length (inclusive). */
  minGram: number;
  maxGram: number;
  /** Also emit whole words as features. */
  words: boolean;
  /** Also emit adjacent word pairs as features. */
  wordBigrams: boolean;
  /** Also emit adjacent word pairs written as one word ("top up" → `w:topup`, matching "topup"). */
  joinedPairs: boolean;
  /** Also emit the word's cross-language synonym groups as `s:group` (synonyms.ts). */
  synonyms: boolean;
}

/** Settings measured on BANKING77 valid.csv and docs/samples/intents-eval.csv (bench/classify.ts). */
export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { minGram: 2, maxGram: 4, words: true, wordBigrams: false, joinedPairs: true, synonyms: true };

import { synonymGroups } from './synonyms';

/**
 * Folds `text` to a canonical form: NFKD with combining marks removed, lower case, ç→c and ñ→n
 * (by the decomposition), runs of the same letter collapsed to one, digit runs replaced by `0`,
 * every other non-letter/digit/emoji character turned into a space. Emoji are kept as words.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\p{N}+/gu, '0')
    .replace(/(\p{Extended_Pictographic})\1*/gu, ' $1 ')
    .replace(/[^\p{L}0\p{Extended_Pictographic}]+/gu, ' ')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits normalised text into words (emoji count as words). */
export function tokenize(text: string): string[] {
  const norm = normalizeText(text);
  return norm ? norm.split(' ') : [];
}

const FNV_OFFSET = 0x811c9dc5 | 0;

/** Continues a 32-bit FNV-1a hash `h` (signed) over the UTF-16 code units of `s`. */
function hashOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/**
 * The numeric id of a feature written as a string (`w:pedido`, `<pe`, `s:bad`): its 32-bit FNV-1a
 * hash, as a signed integer (small integers keep map lookups fast). Features are hashed rather than kept as strings so that extracting them creates no
 * strings; with vocabularies of ~10⁵ features, collisions are rare and harmless.
 */
export function featureId(feature: string): number {
  return hashOn(FNV_OFFSET, feature);
}

const WORD = featureId('w:');
const SYNONYM = featureId('s:');
const BIGRAM = featureId('b:');

/** The features of one text: distinct feature ids (ascending) and how often each occurs. */
export interface FeatureCounts {
  ids: Int32Array;
  counts: Float32Array;
}

/** Reused scratch buffer of feature hashes and its fill (extraction is synchronous). */
let scratch = new Int32Array(1024);
let used = 0;

/** Makes room for `more` hashes after `used`. */
function reserve(more: number): void {
  if (used + more <= scratch.length) return;
  const bigger = new Int32Array(Math.max(scratch.length * 2, used + more));
  bigger.set(scratch);
  scratch = bigger;
}

function add(feature: number): void {
  reserve(1);
  scratch[used++] = feature;
}

/** Per-options cache of each word's own features (word, synonyms, n-grams); cleared when it grows past WORD_CACHE_LIMIT. */
const wordCaches = new WeakMap<FeatureOptions, Map<string, Int32Array>>();
const WORD_CACHE_LIMIT = 200_000;

/** The features a word contributes on its own, in emission order (computed once per word and options). */
function wordFeatures(w: string, opts: FeatureOptions): Int32Array {
  let cache = wordCaches.get(opts);
  if (!cache) wordCaches.set(opts, (cache = new Map()));
  const cached = cache.get(w);
  if (cached) return cached;
  const start = used;
  if (opts.words) add(hashOn(WORD, w));
  if (opts.synonyms) for (const g of synonymGroups(w)) add(hashOn(SYNONYM, g));
  if (w.length >= 2) {
    const padded = `<${w}>`;
    for (let s = 0; s + opts.minGram <= padded.length; s++) {
      let h = FNV_OFFSET;
      for (let len = 1; len <= opts.maxGram && s + len <= padded.length; len++) {
        h = Math.imul(h ^ padded.charCodeAt(s + len - 1), 16777619);
        if (len >= opts.minGram) add(h);
      }
    }
  }
  const own = scratch.slice(start, used);
  used = start;
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(w, own);
  return own;
}

/**
 * Counts the features of `text`, keyed by `featureId`: character n-grams of each word wrapped as
 * `<word>` (so prefixes and suffixes are distinct from inner grams), plus `w:word`, optionally
 * `b:word1_word2`, the synonym groups `s:group` and the joined pair `w:word1word2`. Single-letter
 * words only contribute their word feature. A word's own features are computed once and cached
 * (words repeat: 10 k BANKING77 examples have ~3 k distinct words); the hashes are collected,
 * sorted and run-length counted: no string and no map per feature.
 */
export function extractFeatures(text: string, opts: FeatureOptions = DEFAULT_FEATURE_OPTIONS): FeatureCounts {
  used = 0;
  const words = tokenize(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const own = wordFeatures(w, opts);
    reserve(own.length);
    scratch.set(own, used);
    used += own.length;
    if (opts.wordBigrams && i > 0) add(hashOn(hashOn(hashOn(BIGRAM, words[i - 1]!), '_'), w));
    if (opts.joinedPairs && i > 0) add(hashOn(hashOn(WORD, words[i - 1]!), w));
  }
  const n = used;
  const sorted = scratch.subarray(0, n).sort(); // in place: no copy of the hashes
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const counts = new Float32Array(distinct);
  let d = -1;
  for (let k = 0; k < n; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) ids[++d] = sorted[k]!;
    counts[d]!++;
  }
  return { ids, counts };
}

/** How often feature `feature` (as written, e.g. `w:pedido`) occurs in `f`; 0 when absent. */
export function featureCount(f: FeatureCounts, feature: string): number {
  const k = f.ids.indexOf(featureId(feature));
  return k < 0 ? 0 : f.counts[k]!;
}
