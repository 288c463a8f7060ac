import { DomainError, ProfileInput } from '@applydesk/domain';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { importResume, type ResumeImport } from './import-resume.js';
import { SAMPLE, toDocx, toMarkdown, toPdf } from './test-support/resume.js';
import { zip } from './test-support/zip.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The refusal importing this file ends in. */
async function refusal(bytes: Uint8Array, fileName: string): Promise<DomainError> {
  const error: unknown = await importResume({ bytes, fileName }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  expect(domain.code).toBe('INVALID_INPUT');
  expect(domain.message.startsWith(`${fileName}: `)).toBe(true);
  expect(domain.hint).toMatch(/\w/);
  return domain;
}

describe('importResume: the sample resume as Markdown', () => {
  let result: ResumeImport;
  const read = async (): Promise<ResumeImport> =>
    (result ??= await importResume({
      bytes: encode(toMarkdown(SAMPLE)),
      fileName: 'jane-doe.md',
      mediaType: 'text/markdown',
    }));

  it('reads the header: name, title, contact, links with their network, place, summary', async () => {
    const { profile, format } = await read();
    expect(format).toBe('markdown');
    expect(profile.basics).toEqual({
      name: 'Jane Doe',
      label: 'Senior Software Engineer',
      email: 'jane.doe@example.com',
      phone: '+49 30 1234 5678',
      location: { city: 'Berlin', countryCode: 'DE' },
      profiles: [
        {
          network: 'LinkedIn',
          username: 'janedoe-dev',
          url: 'https://linkedin.com/in/janedoe-dev',
        },
        { network: 'GitHub', username: 'janedoe', url: 'https://github.com/janedoe' },
      ],
      summary:
        'Backend engineer with eight years of experience building payment systems in TypeScript and Go. I like small, well-tested services.',
    });
  });

  it('reads three roles in three layouts, with dates as YYYY-MM or YYYY', async () => {
    const { work } = (await read()).profile;
    expect(work?.map((w) => [w.name, w.position, w.startDate, w.endDate])).toEqual([
      ['Acme Payments GmbH', 'Senior Software Engineer', '2019-03', undefined],
      ['Globex Corporation', 'Backend Developer', '2016-01', '2019-02'],
      ['Self-employed', 'Freelance Web Developer', '2014', '2015'],
    ]);
    expect(work?.map((w) => w.location)).toEqual(['Berlin, Germany', 'Hamburg', undefined]);
    expect(work?.map((w) => w.highlights?.length)).toEqual([3, 2, 1]);
    expect(work?.[1]?.highlights).toEqual([
      'Built REST APIs in Node.js and PostgreSQL',
      'Introduced CI/CD with GitHub Actions',
    ]);
  });

  it('reads the project with its link, dates and stack as canonical keywords', async () => {
    expect((await read()).profile.projects).toEqual([
      {
        name: 'ApplyDesk',
        description: 'a self-hosted job-hunting desk',
        url: 'https://github.com/janedoe/applydesk',
        startDate: '2023',
        keywords: ['TypeScript', 'React', 'SQLite'],
        highlights: ['Imports resumes from PDF and DOCX'],
      },
    ]);
  });

  it('reads education with the degree split and the GPA as score', async () => {
    expect((await read()).profile.education).toEqual([
      {
        institution: 'Technical University of Berlin',
        studyType: 'BSc',
        area: 'Computer Science',
        startDate: '2012',
        endDate: '2016',
        score: '1.7',
      },
    ]);
  });

  it('reads certifications with issuer and date, keeping a level and an acronym in the name', async () => {
    expect((await read()).profile.certificates).toEqual([
      {
        name: 'AWS Certified Solutions Architect – Associate',
        issuer: 'Amazon Web Services',
        date: '2021',
      },
      {
        name: 'Certified Kubernetes Administrator (CKA)',
        issuer: 'Cloud Native Computing Foundation',
        date: '2022',
      },
    ]);
  });

  it('reads skill groups with canonical names ("Languages:" of programming stays a skill group)', async () => {
    expect((await read()).profile.skills).toEqual([
      { name: 'Languages', keywords: ['TypeScript', 'JavaScript', 'Go', 'Python'] },
      { name: 'Frameworks', keywords: ['React', 'Node.js', 'Express'] },
      {
        name: 'Infrastructure',
        keywords: ['Kubernetes', 'Docker', 'AWS', 'Terraform', 'PostgreSQL'],
      },
    ]);
  });

  it('reads spoken languages with fluency in three notations', async () => {
    expect((await read()).profile.languages).toEqual([
      { language: 'English', fluency: 'fluent' },
      { language: 'German', fluency: 'native' },
      { language: 'Spanish', fluency: 'B1' },
    ]);
  });

  it('keeps the Volunteering section in unplaced with a warning, and nothing else', async () => {
    const { unplaced, warnings, profile } = await read();
    expect(unplaced).toEqual([
      'Volunteering',
      'Mentor — Code Club Berlin (2018 – 2020)',
      'Taught programming to ten-year-olds',
    ]);
    expect(profile.unplaced).toEqual(unplaced);
    expect(warnings).toEqual([
      'section "Volunteering" is not one a Profile has: its 2 line(s) are in unplaced',
    ]);
  });

  it('gives a draft the Profile schema accepts', async () => {
    const parsed = ProfileInput.safeParse((await read()).profile);
    expect(parsed.success).toBe(true);
  });
});

describe('importResume: the same resume as DOCX and as PDF', () => {
  const markdown = importResume({ bytes: encode(toMarkdown(SAMPLE)), fileName: 'jane.md' });
  const sections = (r: ResumeImport): unknown => {
    const { basics, work, projects, education, certificates, skills, languages } = r.profile;
    return { basics, work, projects, education, certificates, skills, languages };
  };

  it('DOCX (Title and Heading styles, list numbering, a hyperlink) gives the same Profile', async () => {
    const docx = await importResume({ bytes: toDocx(SAMPLE), fileName: 'jane.docx' });
    expect(docx.format).toBe('docx');
    expect(sections(docx)).toEqual(sections(await markdown));
    expect(docx.profile.work?.[0]).toMatchObject({
      name: 'Acme Payments GmbH',
      position: 'Senior Software Engineer',
      startDate: '2019-03',
    });
    expect(docx.unplaced).toEqual((await markdown).unplaced);
  });

  it('PDF (bullet glyphs set apart, a wrapped bullet, a link annotation) gives the same Profile', async () => {
    const pdf = await importResume({ bytes: await toPdf(SAMPLE), fileName: 'jane.pdf' });
    expect(pdf.format).toBe('pdf');
    expect(sections(pdf)).toEqual(sections(await markdown));
    // The GitHub link is only a link annotation over the word "GitHub" in the PDF.
    expect(pdf.profile.basics.profiles).toContainEqual({
      network: 'GitHub',
      username: 'janedoe',
      url: 'https://github.com/janedoe',
    });
    expect(pdf.profile.work?.[0]?.highlights?.[0]).toBe(
      'Led the migration of the ledger service to Kubernetes, cutting deploy time from 40 minutes to 5 minutes and removing a weekly maintenance window that had cost the team two evenings a month',
    );
    expect(pdf.warnings).toEqual((await markdown).warnings);
  });

  it('PDF with all-caps headings gives the same Profile, VOLUNTEERING in unplaced', async () => {
    const pdf = await importResume({
      bytes: await toPdf(SAMPLE, { capsHeadings: true }),
      fileName: 'jane.pdf',
    });
    expect(sections(pdf)).toEqual(sections(await markdown));
    expect(pdf.unplaced[0]).toBe('VOLUNTEERING');
    expect(pdf.unplaced).toHaveLength(3);
  });

  it('tells the format by content, not by name', async () => {
    const pdf = await importResume({
      bytes: await toPdf(SAMPLE),
      fileName: 'resume.docx',
    });
    expect(pdf.format).toBe('pdf');
    expect(pdf.warnings).toContain('the file is named .docx but is a PDF; it was read as one');
    const text = await importResume({
      bytes: encode('Jane Doe\njane@example.com'),
      fileName: 'cv',
    });
    expect(text.format).toBe('text');
    expect(text.profile.basics.email).toBe('jane@example.com');
  });

  it('reads UTF-16 text with a byte-order mark, and Windows-1252 text with a warning', async () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Buffer.from('Zoë Müller\nzoe@example.com', 'utf16le')),
    ]);
    expect((await importResume({ bytes: utf16, fileName: 'cv.txt' })).profile.basics.name).toBe(
      'Zoë Müller',
    );
    const latin = new Uint8Array(Buffer.from('Zoë Müller\nzoe@example.com', 'latin1'));
    const read = await importResume({ bytes: latin, fileName: 'cv.txt' });
    expect(read.profile.basics.name).toBe('Zoë Müller');
    expect(read.warnings).toContain(
      'the text is not UTF-8; it was read as Windows-1252 (Western European)',
    );
  });
});

describe('importResume: refusals', () => {
  it('refuses an empty file and a blank one', async () => {
    expect((await refusal(new Uint8Array(), 'resume.pdf')).message).toBe(
      'resume.pdf: the file is empty (0 bytes)',
    );
    expect((await refusal(encode(' \n\t\n'), 'resume.md')).message).toBe(
      'resume.md: the file has only blank space, no text',
    );
  });

  it('refuses an OpenDocument file, naming what it starts with', async () => {
    const odt = zip({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': '<office:document-content/>',
    });
    const error = await refusal(odt, 'resume.odt');
    expect(error.message).toBe(
      'resume.odt: not a PDF, DOCX, Markdown, text or JSON Resume file (it starts with "PK\\x03\\x04\\x14\\x00\\x00\\x08": an OpenDocument (LibreOffice/OpenOffice) file without word/document.xml)',
    );
    expect(error.hint).toBe(
      'open it in Word or LibreOffice and save or export it as PDF or DOCX (or paste the text into a .md or .txt file)',
    );
  });

  it('refuses a DOCX whose zip has no word/document.xml', async () => {
    const error = await refusal(toDocx(SAMPLE, { omit: ['word/document.xml'] }), 'resume.docx');
    expect(error.message).toMatch(
      /^resume\.docx: not a PDF, DOCX, Markdown, text or JSON Resume file \(it starts with "PK.*": an Office file that is not a Word document without word\/document\.xml\)$/,
    );
  });

  it('refuses a damaged DOCX (cut short) and a damaged PDF', async () => {
    const docx = toDocx(SAMPLE);
    expect((await refusal(docx.subarray(0, docx.length - 40), 'resume.docx')).message).toMatch(
      /^resume\.docx: a damaged ZIP archive/,
    );
    const pdf = encode('%PDF-1.7\n1 0 obj garbage that is not a PDF body\n%%EOF');
    expect((await refusal(pdf, 'resume.pdf')).message).toBe(
      'resume.pdf: the PDF is damaged or not a valid PDF (Invalid PDF structure.)',
    );
  });

  it('refuses an encrypted PDF, saying so', async () => {
    const error = await refusal(await toPdf(SAMPLE, { encrypted: true }), 'resume.pdf');
    expect(error.message).toBe(
      'resume.pdf: the PDF is encrypted with a password, so its text cannot be read',
    );
    expect(error.hint).toMatch(/without a password/);
  });

  it('refuses a PDF with no text (a scan)', async () => {
    const doc = await PDFDocument.create();
    doc
      .addPage()
      .drawRectangle({ x: 50, y: 50, width: 200, height: 300, color: rgb(0.2, 0.2, 0.2) });
    const error = await refusal(await doc.save(), 'scan.pdf');
    expect(error.message).toBe(
      'scan.pdf: a PDF with no text in it (1 page(s) of images: a scan or a photo)',
    );
    expect(error.hint).toMatch(/no OCR/);
  });

  it('refuses a binary file named .txt, and a .pdf that is not one', async () => {
    const binary = new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xfe, 0x41, 0x42, 0x43, 0x00, 0x10]);
    expect((await refusal(binary, 'resume.txt')).message).toBe(
      'resume.txt: not a PDF, DOCX, Markdown, text or JSON Resume file (it starts with "\\x00\\x01\\x02\\x03\\xfeABC", which is binary, not text)',
    );
    expect((await refusal(binary, 'resume.pdf')).message).toBe(
      'resume.pdf: not a PDF, DOCX, Markdown, text or JSON Resume file (it starts with "\\x00\\x01\\x02\\x03\\xfeABC" (named .pdf but without a %PDF- header: damaged, or not a PDF))',
    );
  });

  it('refuses a legacy .doc, an image and an HTML page, naming each', async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await refusal(doc, 'resume.doc')).message).toMatch(
      /\(it starts with ".*": a Word 97-2003 \.doc \(or another legacy Office\) file\)$/,
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const image = await refusal(png, 'resume.png');
    expect(image.message).toMatch(/: a PNG image\)$/);
    expect(image.hint).toMatch(/no OCR/);
    expect((await refusal(encode('<!DOCTYPE html><html></html>'), 'cv.html')).message).toMatch(
      /an HTML or XML document\)$/,
    );
  });
});
