import { extractTextItems, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../pdf.js';
import { markdownToPdf, parseBlocks, parseInline, toWinAnsi } from './markdown-pdf.js';

/** A tailored resume as the drafting step writes one (made-up person, example domains). */
const RESUME = `# Jane Doe

jane.doe@example.com · +49 30 1234 5678 · [GitHub](https://github.com/janedoe) · Berlin, Germany

## Summary

Backend engineer with **eight years** of experience building *payment systems* in TypeScript and Go.

## Skills

- **Languages:** TypeScript, Go, SQL
- **Infrastructure:** Kubernetes, Terraform, AWS

## Experience

### Senior Software Engineer — Acme Payments GmbH

Mar 2019 – Present · Berlin

- Led the migration of the ledger service to Kubernetes, cutting deploy time from 40 minutes to 5 minutes and removing a weekly maintenance window
  - Wrote the runbooks the on-call rotation still uses
- Designed an idempotent payout API used by 3,000 merchants

### Backend Developer — Globex Corporation

- Built REST APIs in Node.js and PostgreSQL

---

## Education

- BSc in Computer Science, Technical University of Berlin (2012 – 2016)
`;

type Proxy = Awaited<ReturnType<typeof getDocumentProxy>>;

async function open(bytes: Uint8Array): Promise<Proxy> {
  return getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
}

/** Text items of every page, with the page size, to check where the text landed. */
async function items(bytes: Uint8Array) {
  const pdf = await open(bytes);
  try {
    const page = await pdf.getPage(1);
    const [, , width, height] = page.view as [number, number, number, number];
    const { items: pages } = await extractTextItems(pdf);
    return { width, height, pages: pages.map((p) => p.filter((i) => i.str.trim() !== '')) };
  } finally {
    await pdf.destroy();
  }
}

/** Asserts each needle occurs in `text`, each after the one before. */
function expectInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('markdownToPdf', () => {
  it('renders headings, paragraphs and bullets that read back in order, with the link', async () => {
    const bytes = await markdownToPdf(RESUME);
    const { text, links, pages } = await readPdf(bytes, 'resume.pdf');
    expect(pages).toBe(1);
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines[0]).toBe('Jane Doe');
    expectInOrder(text, [
      'Jane Doe',
      'jane.doe@example.com · +49 30 1234 5678 · GitHub · Berlin, Germany',
      'Summary',
      'Backend engineer with eight years of experience building payment systems in TypeScript and Go.',
      'Skills',
      '• Languages: TypeScript, Go, SQL',
      '• Infrastructure: Kubernetes, Terraform, AWS',
      'Experience',
      'Senior Software Engineer — Acme Payments GmbH',
      'Mar 2019 – Present · Berlin',
      '• Led the migration of the ledger service to Kubernetes',
      'maintenance window',
      '– Wrote the runbooks the on-call rotation still uses',
      '• Designed an idempotent payout API used by 3,000 merchants',
      'Backend Developer — Globex Corporation',
      '• Built REST APIs in Node.js and PostgreSQL',
      'Education',
      '• BSc in Computer Science, Technical University of Berlin (2012 – 2016)',
    ]);
    // No Markdown syntax leaks into the page.
    expect(text).not.toMatch(/\*\*|##|\]\(/);
    expect(links).toEqual(['https://github.com/janedoe']);
  });

  it('wraps a long bullet with a hanging indent: continuation lines start at the text, not the marker', async () => {
    const { pages } = await items(await markdownToPdf(RESUME));
    const page = pages[0]!;
    const marker = page.find((i) => i.str === '•')!;
    const first = page.find((i) => i.str.startsWith('Led the migration'))!;
    const continued = page.find((i) => i.str.includes('maintenance window'))!;
    expect(continued.y).toBeLessThan(first.y);
    expect(first.x).toBeGreaterThan(marker.x + 5);
    expect(continued.x).toBeCloseTo(first.x, 1);
  });

  it('sets bold text in a bold font (the headings’ font), not the body font', async () => {
    const pdf = await open(await markdownToPdf(RESUME));
    try {
      const content = await (await pdf.getPage(1)).getTextContent();
      const fontOf = (text: string): string => {
        const item = content.items.find((i) => 'str' in i && i.str === text);
        expect(item, text).toBeDefined();
        return (item as { fontName: string }).fontName;
      };
      const bold = fontOf('eight years');
      expect(bold).toBe(fontOf('Summary'));
      expect(bold).not.toBe(fontOf('Backend engineer with'));
      expect(fontOf('payment systems')).not.toBe(fontOf('Backend engineer with'));
      expect(fontOf('payment systems')).not.toBe(bold);
    } finally {
      await pdf.destroy();
    }
  });

  it('breaks a long document across many pages, keeping every line within the margins', async () => {
    const markdown = Array.from({ length: 10_000 }, (_, i) => `- Line ${i + 1} of the list`).join(
      '\n',
    );
    const bytes = await markdownToPdf(markdown, { title: 'Long' });
    const { width, height, pages } = await items(bytes);
    expect(pages.length).toBeGreaterThan(100);
    // Helvetica's ascent is 0.718 of the size; collect strays rather than assert 30,000 times.
    const outside = pages.flatMap((page, n) =>
      page
        .filter(
          (i) =>
            i.y < 54 - 3 || i.y + i.height * 0.72 > height - 54 + 0.5 || i.x + i.width > width - 54,
        )
        .map((i) => `page ${n + 1}: ${i.str} at ${i.x},${i.y}`),
    );
    expect(outside).toEqual([]);
    const all = pages.flat().map((i) => i.str);
    expect(all).toContain('Line 1 of the list');
    expect(all).toContain('Line 10000 of the list');
    expect(all.filter((s) => /^Line \d+ of the list$/.test(s))).toHaveLength(10_000);
  }, 60_000);

  it('breaks words longer than the line instead of running off the page', async () => {
    const word = 'Supercalifragilistic'.repeat(40);
    const url = `https://example.com/${'a'.repeat(300)}`;
    const markdown = `# ${'H'.repeat(120)}\n\nBefore ${word} after.\n\n- ${url}\n  - nested ${word}`;
    const { width, pages } = await items(await markdownToPdf(markdown));
    const page = pages[0]!;
    for (const item of page) expect(item.x + item.width).toBeLessThanOrEqual(width - 54 + 0.5);
    const text = page.map((i) => i.str).join('');
    expect(text.replace(/\s+/g, '')).toBe(
      `${'H'.repeat(120)}Before${word}after.•${url}–nested${word}`,
    );
    // The word was cut over several lines.
    expect(page.filter((i) => i.str.includes('Supercali')).length).toBeGreaterThan(3);
  });

  it('fills lines up to, not past, the right margin even with kerning pairs', async () => {
    // Helvetica kerns pairs such as "AV" and "Ty"; pdf-lib draws without kerning.
    const markdown = `${'AVAVAV To Ty Wa Yo LT P. '.repeat(150)}\n\n- ${'AWAY Tyo '.repeat(150)}`;
    const { width, pages } = await items(await markdownToPdf(markdown));
    const right = Math.max(...pages[0]!.map((i) => i.x + i.width));
    expect(right).toBeLessThanOrEqual(width - 54 + 0.01);
    expect(right).toBeGreaterThan(width - 54 - 40);
  });

  it('keeps WinAnsi typography, maps near equivalents and puts ? for the rest, without throwing', async () => {
    const markdown = [
      '# Zoë Łukasiewicz',
      '“Quotes” ‘single’ – en — em • bullet … ellipsis, café, naïve, Straße, 5 €, 20\u00a0km',
      'Arrows → and ≥ and minus −1, Ōsaka, Dvořák',
      'Emoji 😀 CJK 中文 Cyrillic Ж, zero\u200bwidth, bi\u202edi, control\u0007char, lone \ud800 surrogate',
    ].join('\n');
    const bytes = await markdownToPdf(markdown);
    const { text } = await readPdf(bytes, 'chars.pdf');
    expectInOrder(text, [
      'Zoë Lukasiewicz',
      '“Quotes” ‘single’ – en — em • bullet … ellipsis, café, naïve, Straße, 5 €, 20 km',
      'Arrows -> and >= and minus -1, Osaka, Dvorák',
      'Emoji ? CJK ?? Cyrillic ?, zerowidth, bidi, controlchar, lone ? surrogate',
    ]);
  });

  it('sets the title and author metadata, the title defaulting to the first heading', async () => {
    const read = async (bytes: Uint8Array) => {
      const pdf = await open(bytes);
      try {
        return (await pdf.getMetadata()).info as Record<string, unknown>;
      } finally {
        await pdf.destroy();
      }
    };
    const given = await read(
      await markdownToPdf(RESUME, { title: 'Jane Doe: résumé for Acme', author: 'Jane Doe' }),
    );
    expect(given.Title).toBe('Jane Doe: résumé for Acme');
    expect(given.Author).toBe('Jane Doe');
    const fallback = await read(await markdownToPdf(RESUME));
    expect(fallback.Title).toBe('Jane Doe');
    expect(fallback.Author).toBeUndefined();
  });

  it('makes a valid one-page PDF of empty or blank input, in Letter unless A4 is asked for', async () => {
    for (const markdown of ['', '   \n\n\t\n']) {
      const pdf = await open(await markdownToPdf(markdown));
      expect(pdf.numPages).toBe(1);
      expect((await pdf.getPage(1)).view).toEqual([0, 0, 612, 792]);
      await pdf.destroy();
    }
    const a4 = await open(await markdownToPdf('Hello', { pageSize: 'a4' }));
    const [, , w, h] = (await a4.getPage(1)).view;
    expect([Math.round(w!), Math.round(h!)]).toEqual([595, 842]);
    await a4.destroy();
  });

  it('renders stray Markdown markers as text and links only web and mail addresses', async () => {
    const markdown = [
      'Unclosed **bold and *italic, snake_case_name, 2 * 3 = 6, \\*escaped\\*',
      '[click](javascript:alert(1)) [mail](jane@example.com) [site](example.org/about) <https://example.net>',
      '#hashtag',
      'Portfolio: https://example.com/work.',
    ].join('\n');
    const bytes = await markdownToPdf(markdown);
    const { text, links } = await readPdf(bytes, 'odd.pdf');
    expectInOrder(text, [
      'Unclosed **bold and *italic, snake_case_name, 2 * 3 = 6, *escaped*',
      'click mail site https://example.net',
      '#hashtag',
      'Portfolio: https://example.com/work.',
    ]);
    expect(links.sort()).toEqual(
      [
        'https://example.com/work',
        'https://example.net/',
        'https://example.org/about',
        'mailto:jane@example.com',
      ].sort(),
    );
  });
  it('writes a hostile link target as data, keeping the PDF intact', async () => {
    const markdown =
      'See <https://example.com/a)>>/S/JavaScript/JS(app.alert(1))> [w](https://en.wikipedia.org/wiki/Go_(language)) end';
    const { text, links } = await readPdf(await markdownToPdf(markdown), 'hostile.pdf');
    expect(text).toContain('See https://example.com/a)');
    expect(text).toContain('end');
    expect(links.sort()).toEqual([
      'https://en.wikipedia.org/wiki/Go_(language)',
      'https://example.com/a)',
    ]);
  });
});

describe('parseBlocks', () => {
  it('reads headings, rules, nested and numbered items, continuations and line breaks', () => {
    expect(
      parseBlocks(
        '# A\n#### Deep\nline one\nline two\n\n* item\n  continued\n    - nested\n2. second\n***\n> quoted',
      ),
    ).toEqual([
      { kind: 'heading', level: 1, text: 'A' },
      { kind: 'heading', level: 3, text: 'Deep' },
      { kind: 'paragraph', lines: ['line one', 'line two'] },
      { kind: 'item', depth: 0, marker: '•', text: 'item continued' },
      { kind: 'item', depth: 1, marker: '–', text: 'nested' },
      { kind: 'item', depth: 0, marker: '2.', text: 'second' },
      { kind: 'rule' },
      { kind: 'paragraph', lines: ['quoted'] },
    ]);
  });
});

describe('parseInline', () => {
  it('nests emphasis and links', () => {
    expect(parseInline('a ***b*** [**c**](https://x.example) `d*e`')).toEqual([
      { bold: false, italic: false, text: 'a ' },
      { bold: true, italic: true, text: 'b' },
      { bold: false, italic: false, text: ' ' },
      { bold: true, italic: false, href: 'https://x.example', text: 'c' },
      { bold: false, italic: false, text: ' d*e' },
    ]);
  });

  it('stays fast on pathological markers', () => {
    const started = performance.now();
    // Openers with no closer: each must come out as text, without quadratic rescans.
    for (const unit of ['*a ', '**b ', '_c ', '[d](e ', '[f] ']) {
      const text = unit.repeat(20_000);
      expect(
        parseInline(text)
          .map((r) => r.text)
          .join(''),
      ).toBe(text);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('toWinAnsi', () => {
  it('passes WinAnsi characters through unchanged', () => {
    const charset = new Set([...'AZaz éü€“”•…—'].map((c) => c.codePointAt(0)!));
    expect(toWinAnsi('Aé€“”•…—z', charset)).toBe('Aé€“”•…—z');
    expect(toWinAnsi('ā中', charset)).toBe('a?');
  });
});
