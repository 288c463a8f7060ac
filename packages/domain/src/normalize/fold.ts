/**
 * Characters whose upper case holds ASCII letters their lower case lacks ("ſ" -> "S",
 * "ß" -> "SS", "ﬁ" -> "FI"), or that change under upper-then-lower casing: only with one of
 * these is the costly upper-then-lower fold needed for results not to depend on case.
 */
const CASE_SPECIAL =
  /[\u00b5\u00df\u0131\u0149\u017f\u01f0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e96-\u1e9b\u1fbe\ufb00-\ufb06]/;
/** Whitespace beyond single spaces once line breaks are spaces: needs the full collapse. */
const MESSY_SPACE = /\s\s|[\t\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

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
  const spaced = lower.replaceAll('\n', ' ');
  // A lone space is left alone: the same result as /\s+/g -> ' ', for less work.
  const out = (MESSY_SPACE.test(spaced) ? spaced.replace(SPACE_RUN, ' ') : spaced).trim();
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
  const spans: [number, number][] = [];
  const { starts, byFirst } = searchOf(words);
  // Where each word may next be found: as with indexOf from the end of the last one, the
  // occurrences of one word do not overlap.
  const next = new Array<number>(words.length).fill(0);
  starts.lastIndex = 0;
  // One scan finds every place where some word starts; there, each word is checked in turn.
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const at = m.index;
    starts.lastIndex = at + 1;
    for (const w of byFirst.get(text.charCodeAt(at)) ?? []) {
      const word = words[w]!;
      if (at < next[w]! || !text.startsWith(word, at)) continue;
      next[w] = at + word.length;
      let from = Math.max(0, at - radius);
      let to = Math.min(text.length, at + word.length + radius);
      while (from > 0 && text.charCodeAt(from - 1) !== 32) from--;
      while (to < text.length && text.charCodeAt(to) !== 32) to++;
      spans.push([from, to]);
    }
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

interface WordSearch {
  /** Matches any of the words: where it matches, some word starts. */
  starts: RegExp;
  /** The words' indexes by their first UTF-16 code unit. */
  byFirst: Map<number, number[]>;
}

/** The search for each word list, made once: callers pass the same constant lists. */
const SEARCHES = new WeakMap<readonly string[], WordSearch>();

function searchOf(words: readonly string[]): WordSearch {
  let search = SEARCHES.get(words);
  if (search !== undefined) return search;
  const byFirst = new Map<number, number[]>();
  words.forEach((word, w) => {
    if (word === '') return;
    const first = word.charCodeAt(0);
    const list = byFirst.get(first);
    if (list === undefined) byFirst.set(first, [w]);
    else list.push(w);
  });
  const escaped = words
    .filter((word) => word !== '')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  // With no words the pattern matches nowhere.
  const alternatives = escaped.length === 0 ? '[^\\s\\S]' : escaped.join('|');
  search = { starts: new RegExp(alternatives, 'g'), byFirst };
  SEARCHES.set(words, search);
  return search;
}
