import { findDateRange } from './dates.js';

/**
 * A line of a resume as the section parser reads it: Markdown headings and bullets marked,
 * inline Markdown removed (links keep their target), wrapped bullet lines joined.
 */
export interface Line {
  /** The text, inline Markdown removed; a link reads "label (url)". */
  text: string;
  /** Markdown heading level, 1 to 6; 0 when the line is not a Markdown heading. */
  level: number;
  /** A list item (•, -, *, ▪, "1." and other glyphs), its marker removed. */
  bullet: boolean;
  /** The whole line was bold (`**Experience**`). */
  bold: boolean;
}

/** Bullet glyphs, including the private-use ones Word's Symbol and Wingdings fonts export. */
const GLYPH = String.raw`[•●○◦▪▫■□➢➤►▸▶✓✔✗★☆⁃∙·\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf071]`;
const BULLET = new RegExp(
  String.raw`^\s*(?:${GLYPH}\s*|[-*+–—]\s+|\d{1,2}[.)]\s+|\(\d{1,2}\)\s+)(?=\S)`,
  'u',
);
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^\s*([-*_=])(?:\s*\1){2,}\s*$/;

/** Splits text into lines and marks their structure. */
export function toLines(text: string): Line[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029\f\v]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .split('\n');
  const lines: Line[] = [];
  let previousRaw = '';
  for (const rawLine of raw) {
    const line = rawLine.replace(/\s+$/, '');
    if (line.trim() === '') {
      previousRaw = '';
      continue;
    }
    const last = lines.at(-1);
    const rule = RULE.exec(line);
    if (rule !== null) {
      // A Setext underline makes the line above a heading; any other rule is only decoration.
      if (
        last !== undefined &&
        previousRaw !== '' &&
        last.level === 0 &&
        !last.bullet &&
        (rule[1] === '=' || rule[1] === '-')
      )
        last.level = rule[1] === '=' ? 1 : 2;
      previousRaw = '';
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      const text = cleanInline(heading[2]!);
      if (text !== '') lines.push({ text, level: heading[1]!.length, bullet: false, bold: false });
      previousRaw = line;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet !== null) {
      const text = cleanInline(line.slice(bullet[0].length));
      if (text !== '') lines.push({ text, level: 0, bullet: true, bold: isBold(line) });
      previousRaw = line;
      continue;
    }
    // An indented line under a bullet, or one going on in lower case, continues that bullet.
    const continues =
      last !== undefined &&
      last.bullet &&
      previousRaw !== '' &&
      (/^\s{2,}\S/.test(line) || (/^\s*\p{Ll}/u.test(line) && findDateRange(line) === null));
    const text = cleanInline(line);
    if (text === '') continue;
    if (continues) last.text = `${last.text} ${text}`;
    else lines.push({ text, level: 0, bullet: false, bold: isBold(line) });
    previousRaw = line;
  }
  return lines;
}

function isBold(line: string): boolean {
  return /^\s*(?:[-*+•]\s+)?(\*\*|__)(?!\s)[^*_]+?\1:?\s*$/.test(line);
}

/** Removes inline Markdown: emphasis, code, escapes, images; links become "label (url)". */
export function cleanInline(text: string): string {
  return (
    text
      // Tabs separate columns ("Acme Corp<TAB>2019 – 2021"): read them as a separator.
      .replace(/(\S)[ ]*\t+[ \t]*(?=\S)/g, '$1 | ')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(
        /\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
        (_, label: string, url: string) => linkText(label, url),
      )
      .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1')
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
      .replace(/^\s*>\s?/, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

function linkText(label: string, url: string): string {
  const target = url.replace(/^mailto:/i, '');
  const bare = (s: string): string =>
    s
      .toLowerCase()
      .replace(/^(?:https?:\/\/)?(?:www\.)?/, '')
      .replace(/\/$/, '');
  const name = label.trim();
  if (name === '' || bare(name) === bare(target)) return target;
  return `${name} (${target})`;
}
