import { decodeHTML } from 'entities';
import sanitize from 'sanitize-html';

/** Tags a job description may keep when shown: structure and emphasis, nothing active. */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'dl',
  'dt',
  'dd',
  'span',
  'div',
  'sub',
  'sup',
];

/**
 * Decodes HTML entities once, by the HTML standard's rules (`&amp;lt;` becomes `&lt;`, as
 * sources that escape twice expect); a non-breaking space becomes a plain one.
 */
export function decodeEntities(text: string): string {
  return decodeHTML(text).replace(/\u00a0/g, ' ');
}

/**
 * Makes untrusted HTML safe to show: only structural tags survive, links keep http(s) and
 * mailto targets only and open in a new tab without referrer.
 */
export function sanitizeHtml(html: string): string {
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      // Relative links would point at ApplyDesk itself, so only absolute targets survive.
      a: (tagName, attribs) => {
        const { href, title } = attribs;
        const absolute = href !== undefined && /^\s*(https?:|mailto:)/i.test(href);
        return {
          tagName,
          attribs: {
            ...(absolute ? { href } : {}),
            ...(title === undefined ? {} : { title }),
            rel: 'noopener noreferrer nofollow',
            target: '_blank',
          },
        };
      },
    },
  }).trim();
}

/** Blocks that read as paragraphs, and elements that only end a line. */
const PARAGRAPH =
  /<\/?(p|div|h[1-6]|table|ul|ol|dl|blockquote|pre|section|article|header|footer)\b[^>]*>/gi;
const LINE = /<br\s*\/?>|<hr\s*\/?>|<\/?(tr|dt|dd)\b[^>]*>/gi;
const CELL = /<\/?(td|th)\b[^>]*>/gi;

/**
 * Plain text of HTML for search, ranking and prompts: paragraphs apart by one blank line,
 * list items as '• ' lines, table cells apart, the source's own line breaks ignored (they
 * are only formatting in HTML).
 */
export function htmlToText(html: string): string {
  const marked = html
    .replace(/\s+/g, ' ')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<\/li>/gi, '')
    .replace(PARAGRAPH, '\n\n')
    .replace(LINE, '\n')
    .replace(CELL, ' ');
  const stripped = sanitize(marked, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(stripped)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** True when the text looks like HTML markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*|\s*\/)?>/i.test(text);
}

/** Escapes text for placing inside HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Turns plain text into simple paragraphs of HTML. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
