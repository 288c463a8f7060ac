/**
 * Turns what a user typed into a full-text query that cannot fail to parse. Every word is a
 * required term; the last one also matches as a prefix, so results narrow while typing.
 */

/** Characters with meaning in FTS5 or tsquery syntax, and control characters: never part of a search word. */
const SYNTAX = /[*^():{}[\]+\-!&|<>~\\]|\p{Cc}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The user's words, syntax characters dropped; words with no letter or digit left are dropped. */
export function searchWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(SYNTAX, ''))
    .filter((word) => WORD_CHAR.test(word));
}

/**
 * An FTS5 MATCH expression: each word a quoted string (embedded double quotes doubled), the
 * last with `*` for prefix matching. Null when nothing searchable is left.
 */
export function sqliteMatchExpression(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words
    .map((word, i) => `"${word.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`)
    .join(' ');
}

/**
 * Parts of a PostgreSQL tsquery: `words` for websearch_to_tsquery (which accepts any text) and
 * `prefix`, a run of letters and digits only, safe to hand to to_tsquery as `prefix:*`.
 */
export function postgresQueryParts(text: string): { words: string; prefix: string } | null {
  const words = searchWords(text).map((word) => word.replace(/"/g, ''));
  const last = words.pop();
  if (last === undefined) return null;
  const runs = last.match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefix = runs.pop() ?? '';
  return { words: [...words, ...runs].join(' '), prefix };
}
