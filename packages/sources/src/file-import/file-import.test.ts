import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import { decodeFile, detectDelimiter } from './file-import.js';
import { parseImportFile } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const bytes = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('parseImportFile: CSV', () => {
  const result = parseImportFile('/home/ada/exports/jobs.csv', bytes('jobs.csv'), { now: NOW });

  it('imports the good rows field by field', () => {
    expect(result.drafts.map((d) => d.title)).toEqual([
      'Senior TypeScript Engineer',
      'Support Specialist',
    ]);
    const [senior, support] = result.drafts;
    expect(senior).toEqual({
      sourceType: 'import',
      sourceId: 'import:jobs.csv',
      externalId: 'ACME-17',
      url: 'https://jobs.acme.example/ts-senior?utm_source=sheet',
      title: 'Senior TypeScript Engineer',
      company: 'Acme, Inc.',
      location: 'Berlin, Germany',
      remote: 'hybrid',
      employmentType: 'full_time',
      seniority: 'unknown',
      salary: { min: 85000, max: 105000, currency: 'EUR', period: 'year' },
      descriptionHtml: '<p>Build our <strong>billing</strong> platform.</p>',
      descriptionText: '',
      skills: ['TypeScript', 'Node.js', 'PostgreSQL'],
      postedAt: '2025-11-10T00:00:00.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      expiresAt: null,
      raw: expect.objectContaining({
        title: 'Senior TypeScript Engineer',
        external_id: 'ACME-17',
      }) as unknown,
    });
    expect(support).toMatchObject({
      externalId: 'https://pebbledesk.example/jobs/support',
      company: 'Pebble Desk',
      remote: 'remote',
      employmentType: 'part_time',
      salary: null,
      skills: [],
      postedAt: '2025-11-12T09:30:00.000Z',
    });
    // Free-text salary: kept in raw and shown in the description; quoted line break and quotes survive.
    expect((support!.raw as Record<string, string>).salary).toBe('$25-30 an hour');
    const prepared = prepareJob(support!);
    expect(prepared.descriptionText).toContain('Answer tickets, write docs.');
    expect(prepared.descriptionText).toContain('Second line: "quoted" words.');
    expect(prepared.descriptionText).toContain('Salary: $25-30 an hour');
    for (const draft of result.drafts) expect(() => prepareJob(draft)).not.toThrow();
  });

  it('names the row and field of every row it refuses, and skips blank rows', () => {
    expect(result.errors).toEqual([
      { row: 4, reason: 'url: missing' },
      { row: 5, reason: 'url: "not-a-url" is not an http(s) address' },
      { row: 6, reason: 'salary_period: "per fortnight" is not hour, day, week, month or year' },
      { row: 7, reason: 'salary: salary min is above max' },
      { row: 9, reason: 'external_id: "ACME-17" repeats row 2' },
    ]);
  });

  it('reads a semicolon-delimited Windows-1252 export', () => {
    const { drafts, errors } = parseImportFile(
      'jobs-semicolon-latin1.csv',
      bytes('jobs-semicolon-latin1.csv'),
      { now: NOW },
    );
    expect(errors).toEqual([]);
    expect(drafts.map((d) => [d.title, d.company, d.location, d.remote])).toEqual([
      ['Backend-Entwickler (m/w/d)', 'Bäckerei Müller GmbH', 'München', 'onsite'],
      ['Plattform-Ingenieur', 'Zürcher Daten AG', 'Zürich', 'hybrid'],
    ]);
    expect(drafts[0]!.salary).toEqual({ min: 55000, max: 65000, currency: 'EUR', period: 'year' });
    expect(drafts[0]!.descriptionText).toBe('Wir suchen Verstärkung; Gehalt 55.000 € – 65.000 €');
    expect(drafts[1]!.salary).toEqual({ min: 9500, max: null, currency: 'CHF', period: 'year' });
  });

  it('handles CRLF, tabs, strings and a header without rows', () => {
    const tsv = 'title\tcompany\turl\r\nDev\tAcme\thttps://a.example/1\r\n';
    expect(parseImportFile('x.tsv', tsv, { now: NOW }).drafts).toHaveLength(1);
    expect(parseImportFile('empty.csv', 'title,company,url\n', { now: NOW })).toEqual({
      drafts: [],
      errors: [],
    });
    expect(parseImportFile('nothing.csv', '', { now: NOW })).toEqual({ drafts: [], errors: [] });
  });

  it('reports a quote that never closes, keeping the rows before it', () => {
    const csv =
      'title,company,url\nDev,Acme,https://a.example/1\n"Broken,Acme,https://a.example/2\nOps,Acme,https://a.example/3\n';
    const { drafts, errors } = parseImportFile('broken.csv', csv, { now: NOW });
    expect(drafts.map((d) => d.title)).toEqual(['Dev']);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.row).toBe(3);
    expect(errors[0]!.reason).toMatch(/^CSV syntax: Quote Not Closed/);
  });

  it('asks for a currency with salary amounts and checks amounts', () => {
    const csv =
      'title,company,url,salary_min,salary_currency\nA,Acme,https://a.example/1,50000,\nB,Acme,https://a.example/2,lots,USD\nC,Acme,https://a.example/3,120k,usd\n';
    const { drafts, errors } = parseImportFile('pay.csv', csv, { now: NOW });
    expect(errors).toEqual([
      { row: 2, reason: 'salary_currency: needed with salary_min/salary_max (USD, EUR, …)' },
      { row: 3, reason: 'salary_min: "lots" is not an amount' },
    ]);
    expect(drafts[0]!.salary).toEqual({ min: 120000, max: null, currency: 'USD', period: 'year' });
  });
});

describe('parseImportFile: JSON', () => {
  it('imports a list of objects and names the items it refuses', () => {
    const { drafts, errors } = parseImportFile('jobs.json', bytes('jobs.json'), { now: NOW });
    expect(drafts.map((d) => d.title)).toEqual(['Platform Engineer', 'QA Engineer']);
    expect(drafts[0]).toMatchObject({
      sourceId: 'import:jobs.json',
      externalId: 'https://apply.workable.com/nordlicht-software/j/8F3C2A91B7',
      remote: 'remote',
      seniority: 'senior',
      employmentType: 'full_time',
      salary: { min: 70000, max: 90000, currency: 'EUR', period: 'year' },
      skills: ['Terraform', 'Kubernetes'],
      descriptionText: 'Terraform, Kubernetes and GitHub Actions.',
      postedAt: '2025-11-12T00:00:00.000Z',
    });
    expect(drafts[1]!.postedAt).toBeNull();
    expect(errors).toEqual([
      { row: 2, reason: 'salary_min: "sixty thousand" is not an amount' },
      { row: 3, reason: 'is not an object' },
    ]);
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
  });

  it('imports the JSON Resume job shape', () => {
    const { drafts, errors } = parseImportFile('resume-jobs.json', bytes('json-resume-jobs.json'), {
      now: NOW,
    });
    expect(errors).toEqual([{ row: 2, reason: 'url: missing' }]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      title: 'Web Developer',
      company: 'Microsoft',
      location: 'Redmond, Washington, US',
      remote: 'hybrid',
      employmentType: 'full_time',
      skills: ['HTML', 'React'],
      postedAt: '2025-11-01T00:00:00.000Z',
      salary: null,
    });
    const prepared = prepareJob(drafts[0]!);
    expect(prepared.descriptionText).toContain('• Review pull requests');
    expect(prepared.descriptionText).toContain('Salary: 100000');
  });

  it('refuses a file that is not JSON or not a list, as row 0', () => {
    expect(parseImportFile('bad.json', '{"jobs": [', { now: NOW }).errors[0]).toMatchObject({
      row: 0,
      reason: expect.stringMatching(/^not valid JSON/) as string,
    });
    expect(parseImportFile('bad.json', '{"postings": []}', { now: NOW }).errors).toEqual([
      { row: 0, reason: 'expected a list of postings, or an object with a `jobs` list' },
    ]);
  });

  it('sniffs JSON when the name does not say', () => {
    const { drafts } = parseImportFile(
      'clipboard',
      ' [{"title":"A","company":"B","url":"https://b.example/a"}]',
      { now: NOW },
    );
    expect(drafts).toHaveLength(1);
  });
});

describe('decoding', () => {
  it('keeps valid UTF-8, drops the BOM, falls back to Windows-1252, reads UTF-16 by its BOM', () => {
    expect(decodeFile(Buffer.from('\uFEFFZürich', 'utf8'))).toBe('Zürich');
    expect(decodeFile(Buffer.from([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x20, 0x80]))).toBe(
      'Zürich €',
    );
    expect(
      decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zürich', 'utf16le')])),
    ).toBe('Zürich');
    expect(decodeFile('\uFEFFtext')).toBe('text');
  });

  it('detects the delimiter from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('"a;x",b,c\n')).toBe(',');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('title\n')).toBe(',');
  });
});

describe('import robustness', () => {
  it('never throws on mutated files: every row is a draft or an error', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const bits = [
      '"',
      ',',
      ';',
      '\n',
      '\r\n',
      '{',
      '[',
      ']',
      '}',
      'null',
      '1e999',
      '\u0000',
      '\uFEFF',
      '\\',
    ];
    const seeds = ['jobs.csv', 'jobs-semicolon-latin1.csv', 'jobs.json', 'json-resume-jobs.json'];
    for (let i = 0; i < 300; i++) {
      const name = seeds[i % seeds.length]!;
      const base = bytes(name).toString('latin1');
      const at = Math.floor(random() * base.length);
      const mutated =
        base.slice(0, at) +
        bits[Math.floor(random() * bits.length)]! +
        base.slice(at + Math.floor(random() * 20));
      const result = parseImportFile(name, Buffer.from(mutated, 'latin1'), { now: NOW });
      for (const draft of result.drafts) expect(() => prepareJob(draft)).not.toThrow();
    }
  });
});
