import { combine32, fnv1a32 } from './hash32.js';

/** Words per shingle: three keeps word order without making one changed word cost much. */
export const DEFAULT_SHINGLE_SIZE = 3;

/** A letter, digit or mark outside ASCII: text with one takes the Unicode-aware path. */
const NON_ASCII_WORD = /(?!\p{ASCII})[\p{L}\p{N}\p{M}]/u;

/** Lower case, compatibility-decomposed, without combining marks: "Zürich" → "zurich". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The lower-cased words of a text: runs of letters and digits, accents folded. */
export function descriptionWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Marks the end of a line in a word-hash sequence (no FNV-1a hash of a word is negative). */
const LINE_END = -1;

/**
 * FNV-1a hashes of the words of a text, as descriptionWords would split them, with LINE_END
 * after each line that has words. Text whose words are all ASCII (most postings; bullets,
 * dashes and currency signs are fine) is scanned in place without building a string per word.
 */
function wordHashes(text: string): number[] {
  if (NON_ASCII_WORD.test(text)) {
    const out: number[] = [];
    for (const line of text.split('\n')) {
      const words = descriptionWords(line);
      if (words.length === 0) continue;
      for (const word of words) out.push(fnv1a32(word));
      out.push(LINE_END);
    }
    return out;
  }
  const out: number[] = [];
  let hash = 0x811c9dc5;
  let inWord = false;
  let lineHasWords = false;
  for (let i = 0; i <= text.length; i++) {
    let code = i < text.length ? text.charCodeAt(i) : 10;
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      hash = Math.imul(hash ^ code, 0x01000193);
      inWord = true;
      continue;
    }
    if (inWord) {
      out.push(hash >>> 0);
      hash = 0x811c9dc5;
      inWord = false;
      lineHasWords = true;
    }
    if (code === 10 && lineHasWords) {
      out.push(LINE_END);
      lineHasWords = false;
    }
  }
  return out;
}

function shingleOf(tokens: readonly number[], start: number, end: number): number {
  let hash = 0x2545f491;
  for (let j = start; j < end; j++) hash = combine32(hash, tokens[j]!);
  return hash;
}

/**
 * The distinct word k-shingles of a text, each hashed to an unsigned 32-bit integer, sorted.
 * Shingles stay within a line, so reordered bullets or paragraphs keep every shingle; a line
 * of fewer than k words is one shingle; an empty text has none.
 */
export function shingleHashes(text: string, k: number = DEFAULT_SHINGLE_SIZE): Uint32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle size must be >= 1, got ${k}`);
  const tokens = wordHashes(text);
  const shingles: number[] = [];
  let lineStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== LINE_END) continue;
    const words = i - lineStart;
    if (words < k) shingles.push(shingleOf(tokens, lineStart, i));
    else
      for (let start = lineStart; start + k <= i; start++)
        shingles.push(shingleOf(tokens, start, start + k));
    lineStart = i + 1;
  }
  const out = Uint32Array.from(shingles);
  out.sort();
  // Drop repeats in place: boilerplate phrases recur within one posting.
  let unique = 0;
  for (let i = 0; i < out.length; i++) {
    const value = out[i]!;
    if (i === 0 || value !== out[unique - 1]) out[unique++] = value;
  }
  return out.slice(0, unique);
}
