/**
 * Characters whose upper case holds ASCII letters their lower case lacks ("ſ" -> "S",
 * "ß" -> "SS", "ﬁ" -> "FI"), or that change under upper-then-lower casing: only with one of
 * these is the costly upper-then-lower fold needed for results not to depend on case.
 */
const CASE_SPECIAL =
  /[\u00b5\u00df\u0131\u0149\u017f\u01f0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e96-\u1e9b\u1fbe\ufb00-\ufb06]/;
/** Whitespace beyond lone spaces (a line break too): needs the full collapse. */
const MESSY_SPACE = /\s\s|[^\S ]/;

/** Whitespace runs but a lone space: [^\S ] is (?! )\s as a class, which scans faster. */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** The last few texts folded: prepareJob asks about one title and one description in turn. */
const RECENT_SIZE = 4;
const recentIn: string[] = [];
const recentOut: string[] = [];

/**
 * Text to match words in: lower case that survives case changes of the input either way
 * ("ſ" and "S" both fold to "s"), whitespace runs made one space, trimmed.
 */
export function foldText(text: string): string {
  const hit = recentIn.indexOf(text);
  if (hit >= 0) return recentOut[hit] ?? '';
  const lower = CASE_SPECIAL.test(text) ? text.toUpperCase().toLowerCase() : text.toLowerCase();
  // A lone space is left alone: the same result as /\s+/g -> ' ', for less work.
  const out = (MESSY_SPACE.test(lower) ? lower.replace(SPACE_RUN, ' ') : lower).trim();
  recentIn.unshift(text);
  recentOut.unshift(out);
  if (recentIn.length > RECENT_SIZE) {
    recentIn.pop();
    recentOut.pop();
  }
  return out;
}

/**
 * The parts of a folded text within `radius` characters of any of `words`, in order, joined
 * by " | " so no pattern spans two of them: patterns about those words then run over a few
 * hundred characters instead of the whole description. Edges are widened to a space so no
 * word is cut. Empty when none of the words occurs.
 */
export function around(text: string, words: readonly string[], radius: number): string {
  const { scanner, offset } = scannerOf(words);
  const hits = scanner.hitsIn(text);
  const spans: [number, number][] = [];
  // Where each word may next be found: as with indexOf from the end of the last one, the
  // occurrences of one word do not overlap.
  const next = new Array<number>(words.length).fill(0);
  for (let k = 0; k < hits.length; k += 2) {
    const w = hits[k + 1]! - offset;
    if (w < 0 || w >= words.length) continue;
    const at = hits[k]!;
    const word = words[w]!;
    if (at < next[w]!) continue;
    next[w] = at + word.length;
    let from = Math.max(0, at - radius);
    let to = Math.min(text.length, at + word.length + radius);
    while (from > 0 && text.charCodeAt(from - 1) !== 32) from--;
    while (to < text.length && text.charCodeAt(to) !== 32) to++;
    spans.push([from, to]);
  }
  if (spans.length === 0) return '';
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let [from, to] = spans[0] ?? [0, 0];
  for (const [start, end] of spans) {
    if (start <= to) {
      to = Math.max(to, end);
      continue;
    }
    parts.push(text.slice(from, to));
    [from, to] = [start, end];
  }
  parts.push(text.slice(from, to));
  return parts.join(' | ');
}

/**
 * Finds where any of its words starts in a text, in one pass over the text, and keeps the
 * answer for the last text: prepareJob asks around() about one description with three word
 * lists in turn, and they share one scanner, so the description is scanned once.
 */
class WordScanner {
  readonly words: string[] = [];
  /** Word ids by the low seven bits of their first code unit. */
  private readonly byFirst: number[][] = Array.from({ length: 128 }, () => []);
  /**
   * One bit per hash of three code units that some word starts with (every third unit for
   * a word of two, every second and third for a word of one): a position whose bit is clear
   * starts no word, and most positions are passed on one load.
   */
  private readonly starts = new Uint32Array(1 << 11);
  private text: string | null = null;
  private hits: number[] = [];

  /** Adds words (ids from the current count on); the last answer no longer holds. */
  add(words: readonly string[]): void {
    for (const word of words) {
      const id = this.words.length;
      this.words.push(word);
      if (word === '') continue;
      const first = word.charCodeAt(0);
      this.byFirst[first & 0x7f]!.push(id);
      const seconds = word.length > 1 ? [word.charCodeAt(1)] : ANY_UNIT;
      const thirds = word.length > 2 ? [word.charCodeAt(2)] : ANY_UNIT;
      for (const second of seconds)
        for (const third of thirds) this.mark(triple(first, second, third));
    }
    this.text = null;
  }

  private mark(key: number): void {
    this.starts[key >>> 5]! |= 1 << (key & 31);
  }

  /** Where words start in `text`: position and word id, flat, by position then id. */
  hitsIn(text: string): readonly number[] {
    if (text === this.text) return this.hits;
    const hits: number[] = [];
    const { starts, byFirst, words } = this;
    const n = text.length;
    // Units by their low seven bits, as triple() reads them; past the end a unit reads as
    // 0, which every bit for a short word covers. The first two units' share of the key
    // is carried from one position to the next.
    let c0 = n > 0 ? text.charCodeAt(0) & 0x7f : 0;
    let c1 = n > 1 ? text.charCodeAt(1) & 0x7f : 0;
    let head = (c0 << 9) ^ (c1 << 4);
    for (let i = 0; i < n; i++) {
      const c2 = i + 2 < n ? text.charCodeAt(i + 2) & 0x7f : 0;
      const key = head ^ (c2 * 0x1d1);
      if ((starts[key >>> 5]! & (1 << (key & 31))) !== 0) {
        for (const id of byFirst[c0]!) if (startsAt(text, i, words[id]!)) hits.push(i, id);
      }
      head = (c1 << 9) ^ (c2 << 4);
      c0 = c1;
      c1 = c2;
    }
    this.text = text;
    this.hits = hits;
    return hits;
  }
}

/** Every value triple() gives a unit: what a word too short to have it may meet there. */
const ANY_UNIT = Array.from({ length: 128 }, (_, unit) => unit);

/** A 16-bit hash of three code units, by their low seven bits (others collide, harmlessly). */
function triple(a: number, b: number, c: number): number {
  // Each term is below 2^16, so their xor is too.
  return ((a & 0x7f) << 9) ^ ((b & 0x7f) << 4) ^ ((c & 0x7f) * 0x1d1);
}

/** Whether `word` starts at `at`. */
function startsAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++)
    if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The word lists callers pass are constants: these few share one scanner. */
const SHARED = new WordScanner();
/** Past this many words a list gets a scanner of its own: the shared one stays selective. */
const SHARED_MAX = 100;
const SCANNERS = new WeakMap<readonly string[], { scanner: WordScanner; offset: number }>();
/** Where each list the shared scanner holds starts, by the list's words: equal lists share. */
const SHARED_OFFSETS = new Map<string, number>();

function scannerOf(words: readonly string[]): { scanner: WordScanner; offset: number } {
  let found = SCANNERS.get(words);
  if (found !== undefined) return found;
  const key = words.join('\n');
  const offset = SHARED_OFFSETS.get(key);
  if (offset !== undefined) found = { scanner: SHARED, offset };
  else if (SHARED.words.length + words.length <= SHARED_MAX) {
    found = { scanner: SHARED, offset: SHARED.words.length };
    SHARED_OFFSETS.set(key, found.offset);
    SHARED.add(words);
  } else {
    found = { scanner: new WordScanner(), offset: 0 };
    found.scanner.add(words);
  }
  SCANNERS.set(words, found);
  return found;
}
