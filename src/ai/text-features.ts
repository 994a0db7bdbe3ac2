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

/**
 * Counts the features of `text`: character n-grams of each word wrapped as `<word>` (so prefixes
 * and suffixes are distinct from inner grams), plus `w:word`, optionally `b:word1_word2` and the joined
 * pair `w:word1word2`.
 * Single-letter words only contribute their word feature.
 */
export function extractFeatures(text: string, opts: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  const words = tokenize(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (opts.words) add(`w:${w}`);
    if (opts.synonyms) for (const g of synonymGroups(w)) add(`s:${g}`);
    if (opts.wordBigrams && i > 0) add(`b:${words[i - 1]}_${w}`);
    if (w.length < 2) continue;
    const padded = `<${w}>`;
    for (let n = opts.minGram; n <= opts.maxGram; n++) {
      for (let s = 0; s + n <= padded.length; s++) add(padded.slice(s, s + n));
    }
  }
  if (opts.joinedPairs) for (let i = 1; i < words.length; i++) add(`w:${words[i - 1]}${words[i]}`);
  return counts;
}
