import { isDomainError } from '@applydesk/domain';
import {
  extractLinks,
  extractText,
  extractTextItems,
  getDocumentProxy,
  type StructuredTextItem,
} from 'unpdf';
import { refuse } from './refuse.js';

export interface PdfText {
  text: string;
  /** Link annotations (an icon linking to LinkedIn carries its URL only here). */
  links: string[];
  pages: number;
}

/** The text of a PDF, page after page; refuses encrypted, damaged and image-only PDFs. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take the buffer over: give it a copy. No eval, no console noise.
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false,
      verbosity: 0,
      stopAtErrors: false,
    });
  } catch (error) {
    throw pdfError(error, fileName);
  }
  try {
    const totalPages = pdf.numPages;
    const pages = await extractTextItems(pdf)
      .then(({ items }) => items.map(pageText))
      // Positions help (indented wrapped bullets, tab-separated columns) but are not needed.
      .catch(async () => (await extractText(pdf, { mergePages: false })).text);
    const links = await extractLinks(pdf)
      .then((l) => l.links)
      .catch(() => []);
    const joined = pages.join('\n\n');
    if (joined.replace(/\s+/g, '').length < 20)
      throw refuse(
        fileName,
        `a PDF with no text in it (${totalPages} page(s) of images: a scan or a photo)`,
        'ApplyDesk reads text and does no OCR: export the resume from its editor as PDF or DOCX, or paste its text into a .md file',
        { pages: totalPages },
      );
    return { text: joined, links, pages: totalPages };
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw pdfError(error, fileName);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function pdfError(error: unknown, fileName: string): Error {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException')
    return refuse(
      fileName,
      'the PDF is encrypted with a password, so its text cannot be read',
      'open it, then print or export it to a new PDF without a password (or save it as DOCX)',
      {},
      error,
    );
  return refuse(
    fileName,
    `the PDF is damaged or not a valid PDF (${message})`,
    'download or export the PDF again, or save the resume as DOCX',
    {},
    error,
  );
}

const GLYPH_ONLY = /^\s*[•●○◦▪▫■□➢➤►▸▶✓✔★⁃∙·\-–\uf0b7\uf0a7\uf0d8\uf076\uf0fc]\s*$/u;

interface PdfLine {
  x: number;
  y: number;
  end: number;
  size: number;
  text: string;
}

/**
 * A page's text items as lines: items on one baseline are joined (a wide gap, as before a
 * right-aligned date, reads " | "), a line set in from the left margin is indented (so a
 * wrapped bullet continues its bullet), and a wide gap between lines is a blank line.
 */
export function pageText(items: readonly StructuredTextItem[]): string {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const item of items) {
    const size = item.fontSize > 0 ? item.fontSize : item.height > 0 ? item.height : 10;
    if (item.str.trim() !== '') {
      if (
        current !== undefined &&
        Math.abs(item.y - current.y) <= size * 0.5 &&
        item.x >= current.end - size
      ) {
        const gap = item.x - current.end;
        const glyph = GLYPH_ONLY.test(current.text);
        if (gap > size * 1.5 && !glyph) current.text += ' | ';
        else if ((gap > size * 0.15 || glyph) && !/\s$/.test(current.text) && !/^\s/.test(item.str))
          current.text += ' ';
        current.text += item.str;
        current.end = item.x + item.width;
      } else {
        current = { x: item.x, y: item.y, end: item.x + item.width, size, text: item.str };
        lines.push(current);
      }
    }
    if (item.hasEOL) current = undefined;
  }
  if (lines.length === 0) return '';
  const left = Math.min(...lines.map((l) => l.x));
  const out: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous !== undefined && previous.y - line.y > Math.max(previous.size, line.size) * 1.9)
      out.push('');
    out.push(`${line.x - left > line.size * 0.4 ? '  ' : ''}${line.text.trim()}`);
  });
  return out.join('\n');
}
