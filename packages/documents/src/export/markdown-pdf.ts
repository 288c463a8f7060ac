import { PDFDocument, PDFHexString, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export interface MarkdownPdfOptions {
  /** Document title (metadata); defaults to the first `#` heading. */
  title?: string;
  author?: string;
  /** Paper size; Letter unless told. */
  pageSize?: 'letter' | 'a4';
}

/* ------------------------------------------------------------------ Markdown blocks */

interface Style {
  bold: boolean;
  italic: boolean;
  href?: string;
}
interface Run extends Style {
  text: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Each entry is one source line: a single newline in a draft is meant as a line break. */
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'item'; depth: 0 | 1; marker: string; text: string }
  | { kind: 'rule' };

const RULE = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^[-*+](?:[ \t]+(.*))?$/;
const ORDERED = /^(\d{1,9})[.)](?:[ \t]+(.*))?$/;

/**
 * The block structure of the Markdown subset tailored resumes use. Deliberate departures from
 * CommonMark: `---` under a paragraph is a rule (not a setext heading), and a single newline
 * inside a paragraph is kept as a line break (contact lines, letter sign-offs).
 */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] | undefined;
  let item: Extract<Block, { kind: 'item' }> | undefined;
  const close = (): void => {
    if (paragraph !== undefined) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (item !== undefined) blocks.push(item);
    paragraph = undefined;
    item = undefined;
  };
  for (const raw of markdown.split(/\r\n?|\n/)) {
    // A tab indents like four spaces; quote markers only indent, so drop them.
    let line = raw.replace(/\t/g, '    ');
    const quoted = /^ {0,3}>/.exec(line);
    if (quoted !== null) line = line.slice(quoted[0].length).replace(/^ /, '');
    const text = line.trim();
    if (text === '') {
      close();
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (RULE.test(text) && indent < 4) {
      close();
      blocks.push({ kind: 'rule' });
      continue;
    }
    const heading = HEADING.exec(text);
    if (heading !== null && indent < 4) {
      close();
      const level = Math.min(3, heading[1]!.length) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, text: heading[2] ?? '' });
      continue;
    }
    const bullet = BULLET.exec(text);
    const ordered = bullet === null ? ORDERED.exec(text) : null;
    if (bullet !== null || ordered !== null) {
      close();
      // Any indentation nests; deeper levels than one are drawn at the first nesting level.
      item = {
        kind: 'item',
        depth: indent >= 2 ? 1 : 0,
        marker: ordered !== null ? `${ordered[1]}.` : indent >= 2 ? '–' : '•',
        text: (bullet?.[1] ?? ordered?.[2] ?? '').trim(),
      };
      continue;
    }
    // A line after a bullet continues it (wrapped source), as in CommonMark.
    if (item !== undefined) item.text += ` ${text}`;
    else (paragraph ??= []).push(text);
  }
  close();
  return blocks;
}

/* ------------------------------------------------------------------ inline Markdown */

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|>~<]/;
// The target may hold one level of balanced parentheses (Wikipedia-style addresses).
const LINK = /\[([^[\]]*)\]\(\s*<?((?:[^\s<>()]|\([^\s<>()]*\))*)>?(?:\s+"[^"]*")?\s*\)/y;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^\s<>]+)>/y;
const MAX_NESTING = 6;

/** Inline runs: `**bold**`, `*italic*` (and the `_` forms), `[text](url)`, `<url>`, `code`. */
export function parseInline(text: string, style: Style = { bold: false, italic: false }): Run[] {
  return inline(text, style, 0);
}

function inline(text: string, style: Style, depth: number): Run[] {
  const out: Run[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer !== '') out.push({ ...style, text: buffer });
    buffer = '';
  };
  // A marker with no closer after position p has none after any later position either.
  const noCloserFrom = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        buffer += text.slice(i + 1, end);
        i = end + 1;
        continue;
      }
    }
    if ((c === '[' || c === '<') && style.href === undefined) {
      const pattern = c === '[' ? LINK : AUTOLINK;
      pattern.lastIndex = i;
      const match = pattern.exec(text);
      if (match !== null) {
        flush();
        const href = match[2] ?? match[1]!;
        const label = c === '[' && match[1]!.trim() !== '' ? match[1]! : href;
        out.push(...inline(label, { ...style, href }, depth + 1));
        i = pattern.lastIndex;
        continue;
      }
    }
    if ((c === '*' || c === '_') && depth < MAX_NESTING) {
      const marker = text[i + 1] === c ? c + c : c;
      const from = i + marker.length;
      const known = noCloserFrom.get(marker);
      const close =
        opens(text, i, marker) && (known === undefined || from < known)
          ? findCloser(text, marker, from)
          : -1;
      if (close === -1) {
        if (opens(text, i, marker)) noCloserFrom.set(marker, Math.min(known ?? from, from));
        buffer += marker;
        i = from;
        continue;
      }
      flush();
      const strong = marker.length === 2;
      out.push(
        ...inline(
          text.slice(from, close),
          { ...style, bold: style.bold || strong, italic: style.italic || !strong },
          depth + 1,
        ),
      );
      i = close + marker.length;
      continue;
    }
    buffer += c;
    i += 1;
  }
  flush();
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function opens(text: string, at: number, marker: string): boolean {
  const next = text[at + marker.length];
  if (next === undefined || /\s/.test(next)) return false;
  // snake_case and 2_000 are not emphasis.
  return !(marker[0] === '_' && at > 0 && WORD_CHAR.test(text[at - 1]!));
}

function findCloser(text: string, marker: string, from: number): number {
  let j = text.indexOf(marker, from + 1);
  while (j !== -1) {
    // Close at the end of a run of markers so `***both***` nests cleanly.
    let end = j;
    while (text[end + marker.length] === marker[0]) end += 1;
    const single = marker.length === 1;
    const runLength = end - j + marker.length;
    const valid =
      !/[\s\\]/.test(text[j - 1]!) &&
      (!single || runLength !== 2) &&
      !(marker[0] === '_' && WORD_CHAR.test(text[end + marker.length] ?? ''));
    if (valid) return end;
    j = text.indexOf(marker, end + marker.length);
  }
  return -1;
}

/* ------------------------------------------------------------------ WinAnsi text */

/** Characters outside WinAnsi with a close stand-in; those inside it pass through. */
const STAND_INS: Record<string, string> = {
  '\u00a0': ' ',
  '\u00ad': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2043': '-',
  '\u2212': '-',
  '\u201b': "'",
  '\u201f': '"',
  '\u2032': "'",
  '\u2033': '"',
  '\u2023': '•',
  '\u2219': '•',
  '\u25aa': '•',
  '\u25cf': '•',
  '\u25e6': '•',
  '\u22c5': '·',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2116': 'No.',
  '\u0131': 'i',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0126': 'H',
  '\u0127': 'h',
  '\u0132': 'IJ',
  '\u0133': 'ij',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
};

const INVISIBLE = /^[\p{M}\p{Cf}\p{Cc}]$/u;

/** Text the standard fonts can encode: WinAnsi as is, close stand-ins, else '?'. */
export function toWinAnsi(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    const standIn = STAND_INS[ch];
    if (standIn !== undefined) out += standIn;
    else if (charset.has(code)) out += ch;
    else if (/^\s$/u.test(ch)) out += ' ';
    else if (INVISIBLE.test(ch))
      continue; // joiners, marks left alone, BOM, controls
    else {
      // ā, ő, ş: the letter without its accent reads better than '?'.
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      const usable =
        base !== '' && base !== ch && [...base].every((b) => charset.has(b.codePointAt(0)!));
      out += usable ? base : '?';
    }
  }
  return out;
}

/* ------------------------------------------------------------------ layout */

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

interface Piece {
  text: string;
  font: PDFFont;
  href: string | undefined;
  width: number;
}
type Word = Piece[];
interface Placed extends Piece {
  x: number;
}
interface Line {
  pieces: Placed[];
}

const PAGE_SIZES = { letter: [612, 792], a4: [595.28, 841.89] } as const;
const MARGIN = 54;
const BODY = 10;
const LEADING = 1.3;
const HEADINGS = {
  1: { size: 20, before: 4, after: 6 },
  2: { size: 13, before: 14, after: 6 },
  3: { size: 11, before: 9, after: 3 },
} as const;
const TEXT_COLOR = rgb(0.1, 0.1, 0.1);
const LINK_COLOR = rgb(0.05, 0.3, 0.65);
const RULE_COLOR = rgb(0.6, 0.6, 0.6);
const INDENT = 14;

/** A link target a viewer may open: web and mail only (the input is untrusted). */
function safeHref(href: string | undefined): string | undefined {
  if (href === undefined || href === '') return undefined;
  let candidate = href;
  // Both patterns are linear: no nested quantifiers over the same characters.
  if (/^[^\s@/:]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$/i.test(href)) candidate = `mailto:${href}`;
  else if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]|$)/i.test(href))
    candidate = `https://${href}`;
  try {
    const url = new URL(candidate);
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return undefined;
    // URL.href is percent-encoded ASCII, which is what a URI action holds.
    return /^[\x21-\x7e]+$/.test(url.href) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

class Writer {
  readonly width: number;
  readonly height: number;
  page!: PDFPage;
  y = 0;
  private gap = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly charset: ReadonlySet<number>,
    size: 'letter' | 'a4',
  ) {
    [this.width, this.height] = PAGE_SIZES[size];
    this.newPage();
  }

  get left(): number {
    return MARGIN;
  }
  get contentWidth(): number {
    return this.width - 2 * MARGIN;
  }
  private get top(): number {
    return this.height - MARGIN;
  }
  private get atTop(): boolean {
    return this.y >= this.top;
  }

  newPage(): void {
    this.page = this.doc.addPage([this.width, this.height]);
    this.y = this.top;
    this.gap = 0;
  }

  /** Space before the next line; adjacent spaces collapse and none is left at a page top. */
  space(points: number): void {
    this.gap = Math.max(this.gap, points);
  }

  /** Starts a new page unless `height` (plus pending space) still fits above the margin. */
  reserve(height: number): void {
    const gap = this.atTop ? 0 : this.gap;
    if (this.y - gap - height < MARGIN && !this.atTop) this.newPage();
  }

  /** Moves down `height` after any pending space, on a new page if need be; returns the new y. */
  down(height: number): number {
    this.reserve(height);
    if (!this.atTop) this.y -= this.gap;
    this.gap = 0;
    this.y -= height;
    return this.y;
  }

  /** Moves down one line of `size` and returns its baseline. */
  advance(size: number): number {
    const leading = size * LEADING;
    return this.down(leading) + (leading - size) / 2 + size * 0.22;
  }

  /** Words from inline runs; `base` styles every run (headings are bold). */
  words(runs: readonly Run[], size: number, base: Partial<Style> = {}): Word[] {
    const words: Word[] = [];
    let current: Word = [];
    for (const run of runs) {
      const bold = run.bold || base.bold === true;
      const italic = run.italic || base.italic === true;
      const font = bold
        ? italic
          ? this.fonts.boldItalic
          : this.fonts.bold
        : italic
          ? this.fonts.italic
          : this.fonts.regular;
      const href = safeHref(run.href);
      for (const part of toWinAnsi(run.text, this.charset).split(/( +)/)) {
        if (part === '') continue;
        if (part.startsWith(' ')) {
          if (current.length > 0) words.push(current);
          current = [];
        } else {
          // A bare web address in the text is clickable too (minus trailing punctuation).
          const link =
            href ??
            (/^(?:https?:\/\/|www\.)\S/i.test(part)
              ? safeHref(part.replace(/[.,;:!?)\]'"]+$/, ''))
              : undefined);
          current.push({ text: part, font, href: link, width: measure(font, part, size) });
        }
      }
    }
    if (current.length > 0) words.push(current);
    return words;
  }

  /** Greedy line breaking; a word wider than the line is cut where it reaches the edge. */
  wrap(words: readonly Word[], size: number, maxWidth: number): Line[] {
    const lines: Line[] = [];
    let pieces: Placed[] = [];
    let x = 0;
    const breakLine = (): void => {
      if (pieces.length > 0) lines.push({ pieces });
      pieces = [];
      x = 0;
    };
    const place = (word: Word, at: number): void => {
      let offset = at;
      for (const piece of word) {
        pieces.push({ ...piece, x: offset });
        offset += piece.width;
      }
      x = offset;
    };
    const spaceWidth = measure(this.fonts.regular, ' ', size);
    for (const word of words) {
      const width = word.reduce((sum, piece) => sum + piece.width, 0);
      const space = pieces.length === 0 ? 0 : spaceWidth;
      if (x + space + width <= maxWidth) place(word, x + space);
      else if (width <= maxWidth) {
        breakLine();
        place(word, 0);
      } else {
        breakLine();
        const chunks = splitWord(word, size, maxWidth);
        chunks.forEach((chunk, index) => {
          place(chunk, 0);
          if (index < chunks.length - 1) breakLine();
        });
      }
    }
    breakLine();
    return lines;
  }

  drawLine(line: Line, x: number, baseline: number, size: number): void {
    for (const piece of mergePieces(line.pieces)) {
      this.page.drawText(piece.text, {
        x: x + piece.x,
        y: baseline,
        size,
        font: piece.font,
        color: piece.href === undefined ? TEXT_COLOR : LINK_COLOR,
      });
      if (piece.href !== undefined) this.link(x + piece.x, baseline, piece.width, size, piece.href);
    }
  }

  private link(x: number, baseline: number, width: number, size: number, href: string): void {
    const annotation = this.doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, baseline - size * 0.25, x + width, baseline + size * 0.85],
      Border: [0, 0, 0],
      // A hex string: pdf-lib writes literal strings unescaped, so a stray parenthesis or
      // backslash in the (untrusted) address could end the string early and inject PDF syntax.
      A: { Type: 'Action', S: 'URI', URI: PDFHexString.of(asciiHex(href)) },
    });
    this.page.node.addAnnot(this.doc.context.register(annotation));
  }

  rule(y: number, x = this.left, width = this.contentWidth, thickness = 0.6): void {
    this.page.drawLine({
      start: { x, y },
      end: { x: x + width, y },
      thickness,
      color: RULE_COLOR,
    });
  }
}

const glyphWidths = new WeakMap<PDFFont, Map<string, number>>();

/**
 * Width of text as drawn: pdf-lib measures with kerning but draws without it, so sum the
 * characters one by one (cached) or tightly filled lines would run past the margin.
 */
function measure(font: PDFFont, text: string, size: number): number {
  let widths = glyphWidths.get(font);
  if (widths === undefined) glyphWidths.set(font, (widths = new Map<string, number>()));
  let total = 0;
  for (const ch of text) {
    let width = widths.get(ch);
    if (width === undefined) widths.set(ch, (width = font.widthOfTextAtSize(ch, 1)));
    total += width;
  }
  return total * size;
}

function asciiHex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

/** Cuts an overlong word into chunks that each fit `maxWidth` (at least one character each). */
function splitWord(word: Word, size: number, maxWidth: number): Word[] {
  const chunks: Word[] = [];
  let chunk: Word = [];
  let used = 0;
  for (const piece of word) {
    let text = '';
    let width = 0;
    for (const ch of piece.text) {
      const w = measure(piece.font, ch, size);
      if (used + width + w > maxWidth && (text !== '' || chunk.length > 0)) {
        if (text !== '') chunk.push({ ...piece, text, width });
        chunks.push(chunk);
        chunk = [];
        used = 0;
        text = '';
        width = 0;
      }
      text += ch;
      width += w;
    }
    if (text !== '') {
      chunk.push({ ...piece, text, width });
      used += width;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Adjacent pieces in one font and link become one text run (and one link box). */
function mergePieces(pieces: readonly Placed[]): Placed[] {
  const merged: Placed[] = [];
  let last: Placed | undefined;
  for (const piece of pieces) {
    if (last !== undefined && last.font === piece.font && last.href === piece.href) {
      // The gap between words is exactly one space in every Helvetica style, so joining
      // with ' ' keeps each word where the layout put it.
      if (piece.x - (last.x + last.width) > 0.01) last.text += ' ';
      last.text += piece.text;
      last.width = piece.x + piece.width - last.x;
    } else {
      last = { ...piece };
      merged.push(last);
    }
  }
  return merged;
}

function plainText(runs: readonly Run[]): string {
  return runs
    .map((r) => r.text)
    .join('')
    .trim();
}

/**
 * Renders a tailored resume (or any draft) written in simple Markdown as a PDF with the
 * standard Helvetica fonts: headings, paragraphs, bullets with hanging indent, emphasis,
 * links (clickable), rules; wrapped to the page, broken across pages. Never throws on odd
 * text: characters WinAnsi lacks get a stand-in or '?'.
 */
export async function markdownToPdf(
  markdown: string,
  options: MarkdownPdfOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const [regular, bold, italic, boldItalic] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    doc.embedFont(StandardFonts.HelveticaOblique),
    doc.embedFont(StandardFonts.HelveticaBoldOblique),
  ]);
  const charset = new Set(regular.getCharacterSet());
  const out = new Writer(
    doc,
    { regular, bold, italic, boldItalic },
    charset,
    options.pageSize ?? 'letter',
  );

  let firstHeading: string | undefined;
  const blocks = parseBlocks(markdown);
  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      const style = HEADINGS[block.level];
      const runs = parseInline(block.text);
      if (block.level === 1) firstHeading ??= plainText(runs);
      const lines = out.wrap(
        out.words(runs, style.size, { bold: true }),
        style.size,
        out.contentWidth,
      );
      out.space(style.before);
      // Keep a heading with at least two lines of what follows it.
      out.reserve(lines.length * style.size * LEADING + 2 * BODY * LEADING);
      for (const line of lines) out.drawLine(line, out.left, out.advance(style.size), style.size);
      if (block.level === 2) {
        out.y -= 2;
        out.rule(out.y);
      }
      out.space(style.after);
    } else if (block.kind === 'paragraph') {
      out.space(6);
      for (const source of block.lines) {
        const lines = out.wrap(out.words(parseInline(source), BODY), BODY, out.contentWidth);
        for (const line of lines) out.drawLine(line, out.left, out.advance(BODY), BODY);
      }
      out.space(6);
    } else if (block.kind === 'item') {
      const markerX = out.left + block.depth * INDENT;
      const marker = toWinAnsi(block.marker, charset);
      const hang = Math.max(INDENT, measure(regular, marker, BODY) + 5);
      const textX = markerX + hang;
      const lines = out.wrap(
        out.words(parseInline(block.text), BODY),
        BODY,
        out.left + out.contentWidth - textX,
      );
      const previous = blocks[index - 1];
      out.space(previous?.kind === 'item' ? 2 : 4);
      // An empty item still shows its marker.
      (lines.length === 0 ? [undefined] : lines).forEach((line, i) => {
        const baseline = out.advance(BODY);
        if (i === 0) {
          const color = TEXT_COLOR;
          out.page.drawText(marker, { x: markerX, y: baseline, size: BODY, font: regular, color });
        }
        if (line !== undefined) out.drawLine(line, textX, baseline, BODY);
      });
      out.space(blocks[index + 1]?.kind === 'item' ? 2 : 6);
    } else {
      out.space(6);
      out.rule(out.down(4), out.left, out.contentWidth, 0.8);
      out.space(10);
    }
  });

  const title = options.title ?? firstHeading;
  if (title !== undefined && title !== '') doc.setTitle(title, { showInWindowTitleBar: true });
  if (options.author !== undefined && options.author !== '') doc.setAuthor(options.author);
  doc.setCreator('ApplyDesk');
  doc.setProducer('ApplyDesk (pdf-lib)');
  return doc.save();
}
