/**
 * Company and title normal forms for matching one role across sources: the same employer
 * written "Acme, Inc." on a job board and "ACME" on its own careers page, the same role
 * written "Sr. Backend Engineer" and "Senior Backend Engineer (Remote)".
 */

/** Legal-form words dropped from the end of a company name (after dots are removed). */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ug',
  'se',
  'bv',
  'nv',
  'sas',
  'sarl',
  'sa',
  'srl',
  'spa',
  'oy',
  'ab',
  'as',
  'aps',
  'pty',
  'co',
  'corp',
  'corporation',
  'company',
]);

/** Lower case, compatibility-decomposed, without combining marks: "Zürich" → "zurich". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/**
 * The company name as a blocking key: case, accents and punctuation folded, "&" read as
 * "and", a leading "The" and trailing legal forms (Inc, LLC, Ltd, GmbH, BV, SAS, Co, …)
 * dropped. "The Acme Company, Inc." and "ACME" both give "acme". Never empty for a name
 * with a letter or digit in it: a name that is only a legal form keeps it.
 */
export function normalizeCompany(name: string): string {
  const text = fold(name)
    .replace(/&|\+/g, ' and ')
    // Dots inside abbreviations join them ("B.V." → "bv", "S.A.S." → "sas").
    .replace(/\./g, '');
  const tokens = words(text);
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  // "GmbH & Co. KG" is several legal words joined by "and".
  const dropped = (word: string): boolean => LEGAL_SUFFIXES.has(word) || word === 'and';
  while (tokens.length > 1 && dropped(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens.join(' ');
}

/** Abbreviations read as the word they stand for. */
const TITLE_WORDS: Record<string, string> = {
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  jnr: 'junior',
  mgr: 'manager',
  eng: 'engineer',
  engr: 'engineer',
  dev: 'developer',
  assoc: 'associate',
  nodejs: 'node js',
};

/** Word pairs one source writes apart and another as one word or an acronym. */
const TITLE_PHRASES: [RegExp, string][] = [
  [/\bfull stack\b/g, 'fullstack'],
  [/\bfront end\b/g, 'frontend'],
  [/\bback end\b/g, 'backend'],
  [/\bdev ops\b/g, 'devops'],
  [/\bmachine learning\b/g, 'ml'],
  [/\bartificial intelligence\b/g, 'ai'],
  [/\bquality assurance\b/g, 'qa'],
  [/\buser experience\b/g, 'ux'],
  [/\buser interface\b/g, 'ui'],
];

/** Gender markers in parentheses or brackets: (m/w/d), (f/m/x), (w/m/d), (all genders), (gn). */
const GENDER_MARKER =
  /[([]\s*(?:[mwfdxh*]\s*[/|,]\s*)+[mwfdxh*]\s*[)\]]|[([]\s*(?:all genders?|gn|genderneutral)\s*[)\]]/gi;
/** Parenthesized work-mode notes: (Remote), [Hybrid], (Remote - US), (100% remote). */
const MODE_NOTE = /[([][^)\]]*\b(?:remote|hybrid|on-?site|in[- ]office|wfh)\b[^)\]]*[)\]]/gi;
/** A trailing segment after " - ", " – ", " — " or " | ": a location, a mode, a team code. */
const SUFFIX_SEPARATOR = /\s+[-–—|]\s+/;
/** Prefixes that shout rather than name the role. */
const SHOUTED_PREFIX = /^\s*(?:urgent(?:ly)?|hiring|now hiring|we'?re hiring)\s*[:!-]+\s*/i;

/**
 * The role title as compared across sources: lower case, punctuation folded, Sr/Jr and a few
 * other abbreviations spelled out, and the decorations one source adds and another does not
 * stripped — "(Remote)" and other work-mode notes, gender markers such as "(m/w/d)", and a
 * location or team suffix after " - " or " | ". Specialties in parentheses ("(Python)") stay.
 */
export function normalizeTitle(title: string): string {
  let text = title.replace(SHOUTED_PREFIX, '');
  text = text.replace(GENDER_MARKER, ' ').replace(MODE_NOTE, ' ');
  // Only the first segment names the role; a title that is all separators keeps its text.
  const [head] = text.split(SUFFIX_SEPARATOR);
  if (head !== undefined && head.trim() !== '') text = head;
  text = fold(text)
    .replace(/c\+\+/g, ' cpp ')
    .replace(/c#/g, ' csharp ')
    .replace(/\.net\b/g, ' dotnet ')
    .replace(/&/g, ' and ');
  let out = words(text)
    .map((word) => TITLE_WORDS[word] ?? word)
    .join(' ');
  for (const [phrase, word] of TITLE_PHRASES) out = out.replace(phrase, word);
  return out;
}

/** The distinct words of a normalized title. */
export function titleTokens(normalizedTitle: string): string[] {
  return [...new Set(normalizedTitle.split(' ').filter((word) => word !== ''))];
}

/**
 * Jaccard similarity of two normalized titles' word sets (1 when both are empty), and whether
 * one set holds the other: a source may add words ("…, Payments") but rarely swaps them.
 */
export function compareTitles(a: string, b: string): { jaccard: number; nested: boolean } {
  if (a === b) return { jaccard: 1, nested: true };
  const left = new Set(titleTokens(a));
  const right = titleTokens(b);
  let shared = 0;
  for (const word of right) if (left.has(word)) shared += 1;
  const union = left.size + right.length - shared;
  return {
    jaccard: union === 0 ? 1 : shared / union,
    nested: shared === left.size || shared === right.length,
  };
}

/** Jaccard similarity of two normalized titles' word sets, 1 when both are empty. */
export function titleSimilarity(a: string, b: string): number {
  return compareTitles(a, b).jaccard;
}
