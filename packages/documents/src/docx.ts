import { decodeEntities, isDomainError } from '@applydesk/domain';
import mammoth from 'mammoth';
import { refuse } from './refuse.js';

/** Word styles resumes use beyond mammoth's defaults. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='List Bullet'] => ul > li:fresh",
  "p[style-name='List Bullet 2'] => ul > li > ul > li:fresh",
  "p[style-name='List Number'] => ol > li:fresh",
  "p[style-name='Section Heading'] => h2:fresh",
  "p[style-name='Section Title'] => h2:fresh",
];

export interface DocxText {
  /** The document as Markdown-like text: `#` headings, `- ` items, `**bold**`. */
  text: string;
  warnings: string[];
}

/** The text of a Word document with its headings and lists kept. */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<DocxText> {
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        // Images are of no use to the parser: never inline them as data URLs.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
    messages = result.messages;
  } catch (error) {
    if (isDomainError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw refuse(
      fileName,
      `the Word document is damaged and cannot be read (${message})`,
      'open it in Word or LibreOffice and save it again as .docx, or export it as PDF',
      {},
      error,
    );
  }
  const text = htmlToMarkdown(html);
  if (text.replace(/\s+/g, '').length < 20)
    throw refuse(
      fileName,
      'the Word document has no text (only images, text boxes or nothing at all)',
      'ApplyDesk reads the document body: move the text out of text boxes, or export the resume as PDF',
    );
  const warnings = messages
    .filter((m) => m.type === 'error')
    .map((m) => `Word document: ${m.message}`);
  return { text, warnings };
}

/**
 * mammoth's HTML as Markdown-like lines: headings keep their level, list items their nesting,
 * links their target ("label (url)"), table rows become one line with cells joined by " | ".
 */
export function htmlToMarkdown(html: string): string {
  const lines: string[] = [];
  let line = '';
  let prefix = '';
  const lists: { ordered: boolean; count: number }[] = [];
  const links: { href: string | undefined; start: number }[] = [];
  const flush = (): void => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (!/^[\s|*]*$/.test(text)) lines.push(prefix + text);
    line = '';
    prefix = '';
  };
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    if (m[4] !== undefined) {
      line += decodeEntities(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const heading = /^h([1-6])$/.exec(tag);
    if (heading !== null) {
      flush();
      if (!closing) prefix = `${'#'.repeat(Number(heading[1]))} `;
    } else if (tag === 'p' || tag === 'tr' || tag === 'blockquote' || tag === 'div') {
      if (lists.length === 0 || closing) flush();
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', count: 0 });
    } else if (tag === 'li') {
      flush();
      const list = lists.at(-1);
      if (!closing && list !== undefined) {
        list.count++;
        prefix = `${'  '.repeat(lists.length - 1)}${list.ordered ? `${list.count}.` : '-'} `;
      }
    } else if (tag === 'br') {
      const indent = lists.length > 0 ? '  '.repeat(lists.length) : '';
      flush();
      prefix = indent;
    } else if (tag === 'td' || tag === 'th') {
      // Cells of one row read as one line; a cell of paragraphs has already been flushed.
      if (closing && line.trim() !== '') line += ' | ';
    } else if (tag === 'strong' || tag === 'b') {
      line += '**';
    } else if (tag === 'a') {
      if (!closing) {
        const href = /\bhref="([^"]*)"/.exec(m[3] ?? '')?.[1];
        links.push({
          href: href === undefined ? undefined : decodeEntities(href),
          start: line.length,
        });
      } else {
        const link = links.pop();
        const label = link === undefined ? '' : line.slice(link.start).trim();
        const href = link?.href;
        if (href !== undefined && /^(?:https?:|mailto:)/i.test(href)) {
          const target = href.replace(/^mailto:/i, '');
          if (label === '') line += target;
          else if (!label.replace(/\*/g, '').includes(target.replace(/^https?:\/\/(?:www\.)?/, '')))
            line += ` (${target})`;
        }
      }
    }
  }
  flush();
  return lines.map((l) => l.replace(/\*\*\s*\*\*/g, '').replace(/\s*\|\s*$/, '')).join('\n');
}
