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
  return (simpleMarkup(html) ?? sanitizeWithLibrary(html)).trim();
}

/** Allowed tags a simple document may hold: those sanitize-html writes back as they came. */
const SIMPLE_TAGS = new Set(ALLOWED_TAGS.filter((tag) => tag !== 'a'));
const VOID_TAGS = new Set(['br', 'hr']);
/** SIMPLE_TAGS by the hash simpleMarkup computes of a name. */
const SIMPLE_TAGS_BY_HASH = new Map<number, string>();
for (const name of SIMPLE_TAGS) {
  let hash = 0;
  for (let k = 0; k < name.length; k++) hash = (Math.imul(hash, 31) + name.charCodeAt(k)) | 0;
  // Names sharing a hash would hide one another; none do, and this keeps it so.
  if (SIMPLE_TAGS_BY_HASH.has(hash)) throw new Error(`tag names share a hash: ${name}`);
  SIMPLE_TAGS_BY_HASH.set(hash, name);
}
const P = new Set(['p']);
/** Allowed tags whose opening closes an open <p> first. */
const PARAGRAPH_CLOSERS = [
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'div', 'dl', 'hr', 'ol', 'pre'],
  ...['table', 'ul'],
];
/**
 * The open tags that opening each allowed tag closes first (htmlparser2's openImpliesClose,
 * for the allowed tags): with one of these open, the markup is not simple.
 */
const OPEN_CLOSES = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ...PARAGRAPH_CLOSERS.map((tag): [string, ReadonlySet<string>] => [tag, P]),
]);
/** The entities whose decoding and re-escaping give them back unchanged. */
const KEPT_ENTITIES = ['&amp;', '&lt;', '&gt;'];

/**
 * Markup that sanitize-html would give back unchanged (but for `<br>` written `<br />`), as
 * sanitize-html writes it; null for anything else, which then goes through sanitize-html.
 * Simple means: allowed tags other than `a`, lower case, without attributes (`<br/>` and
 * `<br />` allowed), properly nested, none opened where the HTML parser would first close
 * another (a list inside a paragraph), all closed; text without `>` and with no entity but
 * &amp; &lt; &gt;. Most postings are such markup, and one scan costs far less than parsing
 * and rebuilding the tree; nothing outside the allowlist can pass, so it is safe by
 * construction: what it writes is allowlisted tags and text free of `<` and `>`.
 */
/** The characters simpleMarkup has to look at; the text between them is copied as it is. */
const SPECIAL_CHARS = /[&<>\0]/g;

function simpleMarkup(html: string): string | null {
  const stack: string[] = [];
  // Only void tags are written otherwise than they came (`<br>` as `<br />`): everything
  // else is copied as it stands, and a document without them is returned as it is.
  let out = '';
  let from = 0;
  let i = 0;
  const length = html.length;
  while (i < length) {
    SPECIAL_CHARS.lastIndex = i;
    // test() finds the next one without building a match; it is one character long.
    if (!SPECIAL_CHARS.test(html)) break;
    i = SPECIAL_CHARS.lastIndex - 1;
    const code = html.charCodeAt(i);
    if (code === 38 /* & */) {
      const entity = KEPT_ENTITIES.find((kept) => html.startsWith(kept, i));
      if (entity === undefined) return null;
      i += entity.length;
      continue;
    }
    if (code !== 60 /* < */) return null; // ">" or NUL
    const closing = html.charCodeAt(i + 1) === 47; /* / */
    let end = i + (closing ? 2 : 1);
    const start = end;
    // The name is looked up by a hash of its characters, without cutting it out.
    let hash = 0;
    for (;;) {
      const c = html.charCodeAt(end);
      if ((c >= 97 && c <= 122) || (end > start && c >= 48 && c <= 57)) end++;
      else break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    const name = SIMPLE_TAGS_BY_HASH.get(hash);
    if (name === undefined || end - start !== name.length || !html.startsWith(name, start))
      return null;
    const isVoid = VOID_TAGS.has(name);
    if (html.charCodeAt(end) !== 62 /* > */) {
      // Only void tags may be written self-closing.
      if (!isVoid || closing) return null;
      if (html.startsWith('/>', end)) end += 1;
      else if (html.startsWith(' />', end)) end += 2;
      else return null;
    }
    if (closing) {
      if (isVoid || stack[stack.length - 1] !== name) return null;
      stack.pop();
    } else {
      const top = stack[stack.length - 1];
      if (top !== undefined && OPEN_CLOSES.get(name)?.has(top) === true) return null;
      if (isVoid) {
        out += `${html.slice(from, i)}<${name} />`;
        from = end + 1;
      } else stack.push(name);
    }
    i = end + 1;
  }
  if (stack.length > 0) return null;
  return from === 0 ? html : out + html.slice(from);
}

/**
 * sanitizeHtml through sanitize-html every time, without the fast path for simple markup:
 * what sanitizeHtml must always agree with (tests compare the two).
 */
export function sanitizeHtmlFully(html: string): string {
  return sanitizeWithLibrary(html).trim();
}

function sanitizeWithLibrary(html: string): string {
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
  });
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
