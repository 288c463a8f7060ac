import { fnv1a32 } from './hash32.js';

/** Words per shingle: three keeps word order without making one changed word cost much. */
export const DEFAULT_SHINGLE_SIZE = 3;

/** A letter, digit or mark outside ASCII: text with one takes the Unicode-aware path. */
const NON_ASCII_WORD = /(?!\p{ASCII})[\p{L}\p{N}\p{M}]/u;
/** NON_ASCII_WORD's answer for each BMP code unit seen: 0 not yet asked, 1 yes, 2 no. */
const NON_ASCII_WORD_UNIT = new Uint8Array(0x10000);

/** Whether a BMP code unit outside ASCII (not a surrogate) is a letter, digit or mark. */
function isNonAsciiWordUnit(code: number): boolean {
  let known = NON_ASCII_WORD_UNIT[code]!;
  if (known === 0) {
    known = NON_ASCII_WORD.test(String.fromCharCode(code)) ? 1 : 2;
    NON_ASCII_WORD_UNIT[code] = known;
  }
  return known === 1;
}

/**
 * Whether NON_ASCII_WORD matches the text, asked once per distinct character rather than
 * running the Unicode pattern over every posting (most are ASCII but for bullets and dashes).
 */
export function hasNonAsciiWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    // A surrogate may start a letter outside the BMP: the pattern decides from here on.
    if (c >= 0xd800 && c <= 0xdfff) return NON_ASCII_WORD.test(text.slice(i));
    if (isNonAsciiWordUnit(c)) return true;
  }
  return false;
}

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

/**
 * The word hashes of one text, in buffers kept between calls: `words` holds the FNV-1a hash
 * of each word (as an int32), `lineEnds` the index in `words` after the last word of each line
 * that has words. Filled by wordHashes and read before the next call.
 */
let words = new Int32Array(1024);
let wordCount = 0;
let lineEnds = new Int32Array(256);
let lineCount = 0;

function pushWord(hash: number): void {
  if (wordCount === words.length) {
    const grown = new Int32Array(words.length * 2);
    grown.set(words);
    words = grown;
  }
  words[wordCount++] = hash;
}

function endLine(): void {
  if (lineCount === lineEnds.length) {
    const grown = new Int32Array(lineEnds.length * 2);
    grown.set(lineEnds);
    lineEnds = grown;
  }
  lineEnds[lineCount++] = wordCount;
}

/** The Unicode-aware path of wordHashes: descriptionWords line by line. */
function unicodeWordHashes(text: string): void {
  wordCount = 0;
  lineCount = 0;
  for (const line of text.split('\n')) {
    const found = descriptionWords(line);
    if (found.length === 0) continue;
    for (const word of found) pushWord(fnv1a32(word) | 0);
    endLine();
  }
}

/**
 * FNV-1a hashes of the words of a text, as descriptionWords would split them, line by line
 * (lines without words left out). Text whose words are all ASCII (most postings; bullets,
 * dashes and currency signs are fine) is scanned in place without building a string per word;
 * the first letter or digit outside ASCII sends the whole text down the Unicode path. That
 * is hasNonAsciiWord's decision, asked during the scan rather than in a pass of its own.
 */
function wordHashes(text: string): void {
  wordCount = 0;
  lineCount = 0;
  let hash = 0x811c9dc5 | 0;
  let inWord = false;
  let lineStart = 0;
  /** Past a surrogate the pattern found no word in the rest: no more non-ASCII to ask about. */
  let asciiRest = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    let code = i < n ? text.charCodeAt(i) : 10;
    if (code >= 0x80 && !asciiRest) {
      // hasNonAsciiWord, one character at a time.
      if (code >= 0xd800 && code <= 0xdfff) {
        if (NON_ASCII_WORD.test(text.slice(i))) return unicodeWordHashes(text);
        asciiRest = true;
      } else if (isNonAsciiWordUnit(code)) return unicodeWordHashes(text);
    }
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      hash = Math.imul(hash ^ code, 0x01000193);
      inWord = true;
      continue;
    }
    if (inWord) {
      pushWord(hash);
      hash = 0x811c9dc5 | 0;
      inWord = false;
    }
    if (code === 10 && wordCount > lineStart) {
      endLine();
      lineStart = wordCount;
    }
  }
}

/**
 * combine32 without its final unsigned conversion: the same 32 bits, kept a signed 32-bit
 * integer, which optimized code holds untagged (an unsigned one above 2^31 is a double).
 */
function mix(hash: number, value: number): number {
  let h = (Math.imul(hash ^ value, 0x9e3779b1) + 0x7f4a7c15) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Where every shingle's combine32 chain starts. */
const SHINGLE_SEED = 0x2545f491;

/**
 * mix(SHINGLE_SEED, word) for each word: the first step of the chain of every shingle that
 * starts at that word, taken once per word instead of once per shingle.
 */
let firstSteps = new Int32Array(1024);

/**
 * The word k-shingles of the text wordHashes last read, hashed, in text order with repeats:
 * each is combine32 over its words from SHINGLE_SEED, as an unsigned 32-bit integer.
 */
function shinglesInOrder(k: number): Uint32Array {
  // Counted first, so the shingles go straight into a typed array of the right size.
  let count = 0;
  let lineStart = 0;
  for (let line = 0; line < lineCount; line++) {
    const lineEnd = lineEnds[line]!;
    count += Math.max(1, lineEnd - lineStart - k + 1);
    lineStart = lineEnd;
  }
  if (firstSteps.length < wordCount) firstSteps = new Int32Array(words.length);
  for (let j = 0; j < wordCount; j++) firstSteps[j] = mix(SHINGLE_SEED, words[j]!);
  const out = new Uint32Array(count);
  let at = 0;
  lineStart = 0;
  for (let line = 0; line < lineCount; line++) {
    const lineEnd = lineEnds[line]!;
    // A line of fewer than k words is one shingle of all of them.
    const last = lineEnd - lineStart < k ? lineStart : lineEnd - k;
    const width = lineEnd - lineStart < k ? lineEnd - lineStart : k;
    for (let start = lineStart; start <= last; start++) {
      let hash = firstSteps[start]!;
      for (let j = start + 1; j < start + width; j++) hash = mix(hash, words[j]!);
      out[at++] = hash;
    }
    lineStart = lineEnd;
  }
  return out;
}

function checkShingleSize(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle size must be >= 1, got ${k}`);
}

/**
 * The distinct word k-shingles of a text, each hashed to an unsigned 32-bit integer, sorted.
 * Shingles stay within a line, so reordered bullets or paragraphs keep every shingle; a line
 * of fewer than k words is one shingle; an empty text has none.
 */
export function shingleHashes(text: string, k: number = DEFAULT_SHINGLE_SIZE): Uint32Array {
  checkShingleSize(k);
  wordHashes(text);
  const out = shinglesInOrder(k);
  out.sort();
  // Drop repeats in place: boilerplate phrases recur within one posting.
  let unique = 0;
  for (let i = 0; i < out.length; i++) {
    const value = out[i]!;
    if (i === 0 || value !== out[unique - 1]) out[unique++] = value;
  }
  return out.slice(0, unique);
}

/**
 * The same shingles as shingleHashes, in text order and with repeats: for a caller to whom
 * only the set matters (MinHash), without the sort.
 */
export function shingleList(text: string, k: number = DEFAULT_SHINGLE_SIZE): Uint32Array {
  checkShingleSize(k);
  wordHashes(text);
  return shinglesInOrder(k);
}
