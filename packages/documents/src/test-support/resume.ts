import {
  PDFDocument,
  PDFHexString,
  PDFString,
  StandardFonts,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { zip } from './zip.js';

/**
 * A resume as blocks, rendered as Markdown, as a real DOCX (OOXML written by hand, zipped)
 * and as a real PDF (pdf-lib), so each format can be checked to give the same Profile.
 * All people, companies and contact details are made up; addresses use example domains.
 */
export type Run = string | { text: string; href: string } | { text: string; bold: true };
export type BlockKind = 'name' | 'section' | 'entry' | 'p' | 'li' | 'ol';
export interface Block {
  kind: BlockKind;
  runs: Run[];
}

const block =
  (kind: BlockKind) =>
  (...runs: Run[]): Block => ({ kind, runs });
export const name = block('name');
export const section = block('section');
export const entry = block('entry');
export const p = block('p');
export const li = block('li');
export const ol = block('ol');

function plain(runs: readonly Run[]): string {
  return runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
}

/** The sample resume: every section a Profile has, and one it has not (Volunteering). */
export const SAMPLE: readonly Block[] = [
  name('Jane Doe'),
  p('Senior Software Engineer'),
  p('jane.doe@example.com | +49 30 1234 5678 | Berlin, Germany'),
  p('linkedin.com/in/janedoe-dev | ', { text: 'GitHub', href: 'https://github.com/janedoe' }),
  section('Summary'),
  p(
    'Backend engineer with eight years of experience building payment systems in TypeScript and Go. I like small, well-tested services.',
  ),
  section('Experience'),
  entry('Senior Software Engineer — Acme Payments GmbH (Mar 2019 – Present)'),
  p('Berlin, Germany'),
  li(
    'Led the migration of the ledger service to Kubernetes, cutting deploy time from 40 minutes to 5 minutes and removing a weekly maintenance window that had cost the team two evenings a month',
  ),
  li('Designed an idempotent payout API used by 3,000 merchants'),
  li('Mentored four engineers'),
  entry('Globex Corporation, Hamburg | 2016-01 – 2019-02'),
  p('Backend Developer'),
  li('Built REST APIs in Node.js and PostgreSQL'),
  li('Introduced CI/CD with GitHub Actions'),
  entry('Freelance Web Developer | 2014 – 2015'),
  li('Built WordPress sites for 12 local businesses'),
  section('Projects'),
  entry('ApplyDesk — a self-hosted job-hunting desk (2023 – now)'),
  p('https://github.com/janedoe/applydesk'),
  p('Tech: TypeScript, ReactJS, SQLite'),
  li('Imports resumes from PDF and DOCX'),
  section('Education'),
  entry('Technical University of Berlin'),
  p('BSc in Computer Science, 2012 – 2016'),
  li('GPA: 1.7'),
  section('Certifications'),
  li('AWS Certified Solutions Architect – Associate — Amazon Web Services (2021)'),
  li('Certified Kubernetes Administrator (CKA), Cloud Native Computing Foundation, 2022'),
  section('Skills'),
  li('Languages: TypeScript, JavaScript, Golang, Python'),
  li('Frameworks: ReactJS, Node, Express'),
  li('Infrastructure: k8s, Docker, AWS, Terraform, Postgres'),
  section('Languages'),
  li('English (fluent)'),
  li('German — native'),
  li('Spanish: B1'),
  section('Volunteering'),
  entry('Mentor — Code Club Berlin (2018 – 2020)'),
  li('Taught programming to ten-year-olds'),
];

export function toMarkdown(blocks: readonly Block[]): string {
  const md = (runs: readonly Run[]): string =>
    runs
      .map((r) =>
        typeof r === 'string' ? r : 'href' in r ? `[${r.text}](${r.href})` : `**${r.text}**`,
      )
      .join('');
  const out: string[] = [];
  for (const b of blocks) {
    const text = md(b.runs);
    if (b.kind === 'name') out.push(`# ${text}`, '');
    else if (b.kind === 'section') out.push('', `## ${text}`, '');
    else if (b.kind === 'entry') out.push('', `### ${text}`);
    else if (b.kind === 'li') out.push(`- ${text}`);
    else if (b.kind === 'ol') out.push(`1. ${text}`);
    else out.push(text, '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A Word document as Word writes one: styles, list numbering, hyperlinks as relationships. */
export function toDocx(blocks: readonly Block[], options: { omit?: string[] } = {}): Uint8Array {
  const links: string[] = [];
  const run = (r: Run): string => {
    if (typeof r === 'string') return `<w:r><w:t xml:space="preserve">${escapeXml(r)}</w:t></w:r>`;
    if ('href' in r) {
      links.push(r.href);
      return `<w:hyperlink r:id="rLink${links.length}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>${escapeXml(r.text)}</w:t></w:r></w:hyperlink>`;
    }
    return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
  };
  const style: Record<BlockKind, string> = {
    name: '<w:pStyle w:val="Title"/>',
    section: '<w:pStyle w:val="Heading2"/>',
    entry: '<w:pStyle w:val="Heading3"/>',
    p: '',
    li: '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
    ol: '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>',
  };
  const body = blocks
    .map((b) => `<w:p><w:pPr>${style[b.kind]}</w:pPr>${b.runs.map(run).join('')}</w:p>`)
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  const styleXml = (id: string, label: string, extra = ''): string =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${label}"/><w:basedOn w:val="Normal"/>${extra}</w:style>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${styleXml('Title', 'Title', '<w:rPr><w:sz w:val="56"/></w:rPr>')}${styleXml('Heading2', 'heading 2', '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>')}${styleXml('Heading3', 'heading 3', '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>')}${styleXml('ListParagraph', 'List Paragraph')}<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style></w:styles>`;
  const level = (format: string, text: string): string =>
    `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>`;
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${level('bullet', '•')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${level('decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
  const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rStyles" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rNumbering" Type="${REL}/numbering" Target="numbering.xml"/>${links
    .map(
      (href, i) =>
        `<Relationship Id="rLink${i + 1}" Type="${REL}/hyperlink" Target="${escapeXml(href)}" TargetMode="External"/>`,
    )
    .join('')}</Relationships>`;
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rDoc" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': document,
    'word/_rels/document.xml.rels': documentRels,
    'word/styles.xml': styles,
    'word/numbering.xml': numbering,
  };
  for (const omitted of options.omit ?? []) delete files[omitted];
  return zip(files);
}

interface PdfOptions {
  /** Write the section headings in capitals, as many PDF resumes do. */
  capsHeadings?: boolean;
  /** Password-protect the document (a Standard security handler no empty password opens). */
  encrypted?: boolean;
}

/**
 * A PDF as a word processor exports one: Helvetica, a bullet glyph set apart from its text,
 * long items wrapped onto indented lines, several pages, links as link annotations.
 */
export async function toPdf(
  blocks: readonly Block[],
  options: PdfOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const left = 56;
  const width = 595 - 2 * left;
  let page: PDFPage = doc.addPage([595, 842]);
  let y = 842 - 56;
  const newLine = (height: number): void => {
    y -= height;
    if (y < 56) {
      page = doc.addPage([595, 842]);
      y = 842 - 56;
    }
  };
  const wrap = (text: string, font: PDFFont, size: number, room: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(next, size) > room) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line !== '') lines.push(line);
    return lines;
  };
  const link = (x: number, w: number, size: number, href: string): void => {
    const annotation = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, y - 2, x + w, y + size],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(href) },
    });
    page.node.addAnnot(doc.context.register(annotation));
  };
  for (const b of blocks) {
    const text = plain(b.runs);
    const [font, size, gap] =
      b.kind === 'name'
        ? [bold, 18, 26]
        : b.kind === 'section'
          ? [bold, 12, 22]
          : b.kind === 'entry'
            ? [bold, 10.5, 17]
            : [regular, 10, 14];
    if (b.kind === 'li' || b.kind === 'ol') {
      const indent = 12;
      const lines = wrap(text, font, size, width - indent);
      lines.forEach((line, i) => {
        newLine(i === 0 ? gap : 13);
        if (i === 0)
          page.drawText(
            b.kind === 'li' ? '•' : `${blocks.filter((x) => x.kind === 'ol').indexOf(b) + 1}.`,
            { x: left, y, size, font },
          );
        page.drawText(line, { x: left + indent, y, size, font });
      });
      continue;
    }
    const shown = b.kind === 'section' && options.capsHeadings === true ? text.toUpperCase() : text;
    for (const [i, line] of wrap(shown, font, size, width).entries()) {
      newLine(i === 0 ? gap : 13);
      page.drawText(line, { x: left, y, size, font });
    }
    // Link annotations over linked runs (only single-line blocks carry links here).
    let x = left;
    for (const r of b.runs) {
      const t = typeof r === 'string' ? r : r.text;
      const w = font.widthOfTextAtSize(t, size);
      if (typeof r !== 'string' && 'href' in r) link(x, w, size, r.href);
      x += w;
    }
  }
  if (options.encrypted === true) {
    // An Encrypt dictionary whose /U no empty password matches: readers must ask for one.
    const context = doc.context;
    context.trailerInfo.Encrypt = context.register(
      context.obj({
        Filter: 'Standard',
        V: 1,
        R: 2,
        O: PDFHexString.of('11'.repeat(32)),
        U: PDFHexString.of('22'.repeat(32)),
        P: -4,
      }),
    );
    context.trailerInfo.ID = context.obj([
      PDFHexString.of('ab'.repeat(16)),
      PDFHexString.of('ab'.repeat(16)),
    ]);
  }
  return doc.save({ useObjectStreams: false });
}
