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
  const slash = tag.charCodeAt(1) === 47 ? '/' : '';
  const from = slash === '' ? 1 : 2;
  let to = from;
  if (!isLetter(tag.charCodeAt(to))) return '';
  while (to < tag.length && isNameChar(tag.charCodeAt(to))) to++;
  const name = tag.slice(from, to).toLowerCase();
  if (PARAGRAPH.has(name)) return '\n\n';
  if (LINE.has(name)) return '\n';
  if (CELL.has(name)) return ' ';
  if (slash === '/') return '';
  if (name === 'li') return '\n• ';
  // <br>, <br/>, <br />, <hr …/>: a line break; with attributes they are only stripped.
  if ((name === 'br' || name === 'hr') && /^\s*\/?$/.test(tag.slice(3, -1))) return '\n';
  return '';
}

/**
 * The plain text of HTML that sanitizeHtml() already made safe, exactly as htmlToText()
 * gives it, without a second sanitize-html pass. Safe only for sanitizeHtml() output: there
 * every "<" and ">" outside a tag is escaped (text and attribute values alike), no comment,
 * script or style survives, so dropping everything between "<" and ">" drops exactly the
 * tags and nothing of the text.
 */
export function sanitizedHtmlToText(sanitized: string): string {
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
