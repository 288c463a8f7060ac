/** Small text helpers the offline writer shares: cleaning, sentences, shortening, terms. */

const ZERO_WIDTH = /[\u200B-\u200F\u2060\uFEFF\u00AD]/g;
const BULLET_MARK = /^(?:[•·▪●◦■□*+\-–—]|\d{1,2}[.)])\s+/;

/** True when a line of plain text is a list item. */
export function isBulletLine(line: string): boolean {
  return BULLET_MARK.test(line.trim());
}

/** Control characters (other than line breaks and tabs) become spaces. */
function withoutControlCharacters(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    return (code < 0x20 && ch !== '\n' && ch !== '\t') || code === 0x7f ? ' ' : ch;
  }).join('');
}

/**
 * Plain text of a fragment of posting text: no HTML tags, no Markdown emphasis or link
 * syntax, no hidden characters, no leading list mark, single spaces. Posting text is
 * untrusted, so everything quoted from it passes through here.
 */
export function cleanText(raw: string): string {
  return withoutControlCharacters(raw)
    .replace(ZERO_WIDTH, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`+|~~)/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(BULLET_MARK, '')
    .trim();
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION_END =
  /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|inc|ltd|co|corp|mr|mrs|ms|dr|approx|no|jr|sr|st|min|max|yrs)\.$/i;

/** Splits prose into sentences without breaking "e.g. React", "Node.js" or "2.5". */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]+["”’')\]]*(?=\s)/g)) {
    const end = match.index + match[0].length;
    const candidate = text.slice(start, end).trim();
    if (ABBREVIATION_END.test(candidate)) continue;
    // Only split where the next sentence plausibly begins.
    const next = text.slice(end).trimStart().charAt(0);
    if (next !== '' && !/[A-Z0-9"“'(•]/.test(next)) continue;
    if (candidate !== '') sentences.push(candidate);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

/** Shortens text to at most `max` characters at a word boundary, marking the cut with "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > max * 0.5 ? cut.slice(0, lastSpace) : cut)
    .replace(/[\s,;:(–—-]+$/, '')
    .replace(/\s+(and|or|the|a|an|of|to|with|for|in|on)$/i, '');
  return `${head}…`;
}

/**
 * The core of a requirement as the client wrote it: the part before a parenthesis, a
 * semicolon or a dash aside (when enough is left), trimmed to `max`. Always a prefix of
 * the cleaned text, so it can be found in the posting.
 */
export function shortenRequirement(text: string, max: number): string {
  const cleaned = cleanText(text).replace(/[.;:]+$/, '');
  const aside = cleaned.search(/\s\(|;\s|\s[—–]\s|\s-\s|,\s(?:e\.g\.|such as|including)\s/);
  const core = aside >= 20 ? cleaned.slice(0, aside) : cleaned;
  return shorten(core, max);
}

/** Lowercase, punctuation folded to spaces: for "is this text in that text" checks. */
export function normalizeForCompare(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9+#']+/g, ' ')
    .trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Ends a sentence with a full stop unless it already ends with terminal punctuation. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]["”’')]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Lowercases the first letter unless the first word is an acronym or a name like "GitHub". */
export function lowerFirst(text: string): string {
  const firstWord = text.split(/\s/)[0] ?? '';
  if (firstWord.length > 1 && /^[A-Z][a-z'’-]*[,:]?$/.test(firstWord)) {
    return text.charAt(0).toLowerCase() + text.slice(1);
  }
  return text;
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Words too common in postings and resumes to show that two texts are about the same thing. */
const GENERIC_TERMS = new Set(
  (
    'about above after also and any are based been being best both build built building can ' +
    'company could daily deliver develop developer developing development each etc ' +
    'ensure every experience experienced familiar from good great have help high ideal ' +
    'including into just knowledge like looking make more most must need needed nice ' +
    'other our over plus proven project projects really required role should skill skills ' +
    'solid some strong such team teams than that their them then there these they this ' +
    'those through using want well were what when where which while will with within work ' +
    'worked working would year years your you'
  ).split(' '),
);

/** Crude stem so "payouts"/"payout" and "audits"/"auditing" meet. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es') && /(ches|shes|sses|xes)$/.test(word))
    return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Distinct content terms of a text, stemmed, without generic posting vocabulary. */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z0-9+#]+/)) {
    if (word.length < 4 || GENERIC_TERMS.has(word) || /^\d+$/.test(word)) continue;
    const stemmed = stem(word);
    if (!GENERIC_TERMS.has(stemmed)) terms.add(stemmed);
  }
  return terms;
}

/** How many content terms two texts share. */
export function sharedTerms(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((term) => b.has(term));
}
