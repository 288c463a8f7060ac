import { decodeEntities } from '../html.js';

/**
 * What each tag becomes, as html.ts's htmlToText has it: blocks a paragraph break, line
 * elements a line break, table cells a space, an opening list item a bullet line, any
 * other tag nothing.
 */
const PARAGRAPH = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'ul',
  'ol',
  'dl',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
]);
const LINE = new Set(['tr', 'dt', 'dd']);
const CELL = new Set(['td', 'th']);

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Digits and "_" continue a tag name as \\b sees it ("<p_x>" is not a <p>). */
const isNameChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 95;

/** The text a tag ("<p>", "</li>", "<br />", "<a href=…>") stands for. */
function tagText(tag: string): string {
  return tagTextAt(tag, 0, tag.length);
}

/** tagText of html[open, end), read in place. */
function tagTextAt(html: string, open: number, end: number): string {
  const slash = html.charCodeAt(open + 1) === 47 ? '/' : '';
  const from = open + (slash === '' ? 1 : 2);
  let to = from;
  if (!isLetter(html.charCodeAt(to))) return '';
  // The name is looked up by a hash of its letters, lower-cased, without cutting it out.
  let hash = 0;
  for (let c = html.charCodeAt(to); to < end && isNameChar(c); c = html.charCodeAt(++to))
    hash = (Math.imul(hash, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  const name = NAMED_TAGS.get(hash);
  if (name === undefined || !isNameAt(html, from, to, name)) return '';
  if (PARAGRAPH.has(name)) return '\n\n';
  if (LINE.has(name)) return '\n';
  if (CELL.has(name)) return ' ';
  if (slash === '/') return '';
  if (name === 'li') return '\n• ';
  // <br>, <br/>, <br />, <hr …/>: a line break; with attributes they are only stripped.
  if ((name === 'br' || name === 'hr') && /^\s*\/?$/.test(html.slice(open + 3, end - 1)))
    return '\n';
  return '';
}

/** The names tagText gives some text for, by the hash tagTextAt computes. */
const NAMED_TAGS = new Map<number, string>();
for (const name of [...PARAGRAPH, ...LINE, ...CELL, 'li', 'br', 'hr']) {
  let hash = 0;
  for (let k = 0; k < name.length; k++) hash = (Math.imul(hash, 31) + name.charCodeAt(k)) | 0;
  // Names sharing a hash would hide one another; none do, and this keeps it so.
  if (NAMED_TAGS.has(hash)) throw new Error(`tag names share a hash: ${name}`);
  NAMED_TAGS.set(hash, name);
}

/** Whether html[from, to), lower-cased, is `name`. */
function isNameAt(html: string, from: number, to: number, name: string): boolean {
  if (to - from !== name.length) return false;
  for (let k = 0; k < name.length; k++) {
    const c = html.charCodeAt(from + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The plain text of HTML that sanitizeHtml() already made safe, exactly as htmlToText()
 * gives it, without a second sanitize-html pass. Safe only for sanitizeHtml() output: there
 * every "<" and ">" outside a tag is escaped (text and attribute values alike), no comment,
 * script or style survives, so dropping everything between "<" and ">" drops exactly the
 * tags and nothing of the text.
 */
export function sanitizedHtmlToText(sanitized: string): string {
  return textInOnePass(sanitized) ?? sanitizedHtmlToTextInPasses(sanitized);
}

/** The entities sanitizeHtml writes, and what they stand for. */
const SIMPLE_ENTITIES: readonly (readonly [string, string])[] = [
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
];

/** What \s matches (and String.prototype.trim removes). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The text pieces and what separates them, as sanitizedHtmlToTextInPasses would: every
 * whitespace run one space, lines trimmed, at most one blank line between lines with text.
 * Each piece of text is written once, preceded by what separates it from the last: nothing,
 * a space, a line break or a blank line.
 */
class TextWriter {
  out = '';
  /** Line breaks since the last text written. */
  private breaks = 0;
  /** A space since the last text written, on its line. */
  private space = false;

  text(piece: string): void {
    if (this.out.length > 0) {
      if (this.breaks > 0) this.out += this.breaks > 1 ? '\n\n' : '\n';
      else if (this.space) this.out += ' ';
    }
    this.out += piece;
    this.breaks = 0;
    this.space = false;
  }

  whitespace(): void {
    if (this.breaks === 0) this.space = true;
  }

  lineBreaks(count: number): void {
    this.breaks += count;
  }
}

/** Text between tags that needs the character walk: an entity, or whitespace beyond single spaces. */
const MESSY_TEXT =
  /[&\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/g;

/**
 * sanitizedHtmlToTextInPasses in one walk, for text whose only entities are those
 * sanitizeHtml writes (nearly every posting); null for any other "&", which then takes the
 * passes. Text between tags with only single spaces in it (most of it) is written whole.
 */
function textInOnePass(html: string): string | null {
  const writer = new TextWriter();
  const n = html.length;
  let i = 0;
  // Where MESSY_TEXT next matches in the whole document: one scan serves every piece of
  // text before it. A piece [i, end) needs the walk exactly when a match starts inside it:
  // two spaces cannot reach past it, as a "<" or the end follows it.
  let messyAt = -1;
  while (i < n) {
    const open = html.indexOf('<', i);
    // A "<" with no ">" after it is text, and so is everything after it.
    const close = open < 0 ? -1 : html.indexOf('>', open + 1);
    const textEnd = close < 0 ? n : open;
    if (textEnd > i) {
      if (messyAt < i) {
        MESSY_TEXT.lastIndex = i;
        messyAt = MESSY_TEXT.exec(html)?.index ?? n;
      }
      if (!writeText(writer, html, i, textEnd, messyAt < textEnd)) return null;
    }
    if (close < 0) break;
    const text = tagTextAt(html, open, close + 1);
    i = close + 1;
    if (text === ' ') writer.whitespace();
    else if (text === '\n' || text === '\n\n') writer.lineBreaks(text.length);
    else if (text !== '') {
      // A list item: a line of its own that starts with a bullet and a space.
      writer.lineBreaks(1);
      writer.text('•');
      writer.whitespace();
    }
  }
  return writer.out;
}

/**
 * Writes html[from, to), text without tags (`messy` when MESSY_TEXT matches in it); false
 * for an entity sanitizeHtml does not write.
 */
function writeText(
  writer: TextWriter,
  html: string,
  from: number,
  to: number,
  messy: boolean,
): boolean {
  if (!messy) {
    // Single spaces only: at most one at each end, and the rest written as it stands.
    const lead = html.charCodeAt(from) === 32 ? 1 : 0;
    const trail = to - from > lead && html.charCodeAt(to - 1) === 32 ? 1 : 0;
    if (lead === 1) writer.whitespace();
    if (to - from - lead - trail > 0) writer.text(html.slice(from + lead, to - trail));
    if (trail === 1) writer.whitespace();
    return true;
  }
  let i = from;
  while (i < to) {
    const c = html.charCodeAt(i);
    if (isSpace(c)) {
      writer.whitespace();
      i++;
    } else if (c === 38 /* & */) {
      const entity = SIMPLE_ENTITIES.find(([name]) => html.startsWith(name, i));
      if (entity === undefined) return false;
      writer.text(entity[1]);
      i += entity[0].length;
    } else {
      let j = i + 1;
      for (; j < to; j++) {
        const d = html.charCodeAt(j);
        if (d === 38 || isSpace(d)) break;
      }
      writer.text(html.slice(i, j));
      i = j;
    }
  }
  return true;
}

/** sanitizedHtmlToText step by step: the reference the one-pass walk agrees with. */
export function sanitizedHtmlToTextInPasses(sanitized: string): string {
  // Whitespace runs become one space (a lone space is left as it is: same result, less work).
  const spaced = sanitized.replace(/\s{2,}|(?! )\s/g, ' ');
  // One walk over the tags instead of a regular expression per kind of tag.
  let marked = '';
  let at = 0;
  for (;;) {
    const open = spaced.indexOf('<', at);
    const close = open < 0 ? -1 : spaced.indexOf('>', open + 1);
    if (close < 0) {
      marked += spaced.slice(at);
      break;
    }
    marked += spaced.slice(at, open) + tagText(spaced.slice(open, close + 1));
    at = close + 1;
  }
  return decodeEntities(marked)
    .replace(/[ \t\f\v\u00a0]{2,}|[\t\f\v\u00a0]/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}
