import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { contentHash, prepareJob } from './prepare-job.js';
import { jobDraft } from './test-support/builders.js';

function invalid(draft: Parameters<typeof prepareJob>[0]): DomainError {
  try {
    prepareJob(draft);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected prepareJob to throw');
}

describe('prepareJob validation', () => {
  it('throws INVALID_INPUT naming the posting and each bad field', () => {
    const e = invalid(
      jobDraft({
        externalId: 'gh-77',
        sourceId: 'greenhouse:acme',
        title: '',
        url: 'not a url',
        salary: { min: 200_000, max: 100_000, currency: 'USD', period: 'year' },
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('job gh-77 from greenhouse:acme');
    expect(e.message).toMatch(/\btitle: /);
    expect(e.message).toMatch(/\burl: /);
    expect(e.message).toMatch(/\bsalary: salary min is above max/);
  });

  it('names nested field paths', () => {
    const e = invalid(jobDraft({ salary: { min: 1, max: 2, currency: 'usd', period: 'year' } }));
    expect(e.message).toContain('salary.currency: ');
  });

  it('uses ? when the posting cannot be identified', () => {
    const e = invalid({ title: 'x' } as Parameters<typeof prepareJob>[0]);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('job ? from ?');
    expect(e.message).toContain('externalId: ');
    expect(e.message).toContain('sourceId: ');
  });

  it('refuses a salary with neither min nor max', () => {
    const e = invalid(
      jobDraft({ salary: { min: null, max: null, currency: 'USD', period: 'year' } }),
    );
    expect(e.message).toContain('salary needs a min or a max');
  });
});

describe('prepareJob descriptions', () => {
  it('sanitizes the HTML and derives the text from it when no text is given', () => {
    const job = prepareJob(
      jobDraft({
        descriptionHtml:
          '<p onclick="x()">Build <b>APIs</b></p><script>alert(1)</script><ul><li>Ship</li></ul>',
        descriptionText: '',
      }),
    );
    expect(job.descriptionHtml).toBe('<p>Build <b>APIs</b></p><ul><li>Ship</li></ul>');
    expect(job.descriptionText).toContain('Build APIs');
    expect(job.descriptionText).toContain('• Ship');
    expect(job.descriptionText).not.toContain('alert');
  });

  it('keeps the given text (trimmed) when there is one', () => {
    const job = prepareJob(
      jobDraft({ descriptionHtml: '<p>html version</p>', descriptionText: '  text version \n' }),
    );
    expect(job.descriptionText).toBe('text version');
    expect(job.descriptionHtml).toBe('<p>html version</p>');
  });

  it('derives escaped HTML from the text when no HTML is given', () => {
    const job = prepareJob(
      jobDraft({
        descriptionHtml: '',
        descriptionText: 'Use <b>bold</b> & "quotes"\n\nSecond para\nline two',
      }),
    );
    expect(job.descriptionHtml).not.toContain('<b>');
    expect(job.descriptionHtml).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(job.descriptionHtml).toContain('&amp;');
    expect(job.descriptionHtml).toMatch(/^<p>Use .*<\/p>\n<p>Second para<br ?\/?>line two<\/p>$/);
    expect(job.descriptionText).toBe('Use <b>bold</b> & "quotes"\n\nSecond para\nline two');
  });

  it('does not turn a script in the text into markup', () => {
    const job = prepareJob(
      jobDraft({ descriptionHtml: '', descriptionText: '<script>alert(1)</script>' }),
    );
    expect(job.descriptionHtml).not.toContain('<script');
    expect(job.descriptionHtml).toContain('&lt;script&gt;');
  });

  it('decodes entities in title, company and location, and empties a blank location', () => {
    const job = prepareJob(
      jobDraft({
        title: ' R&amp;D Engineer &ndash; Platform ',
        company: 'A &amp; B',
        location: '   ',
      }),
    );
    expect(job.title).toBe('R&D Engineer – Platform');
    expect(job.company).toBe('A & B');
    expect(job.location).toBeNull();
  });

  it('decodes accented named entities in title, company and location', () => {
    const job = prepareJob(
      jobDraft({
        title: 'D&eacute;veloppeur Backend',
        company: 'Soci&eacute;t&eacute; G',
        location: 'M&uuml;nchen',
      }),
    );
    expect(job.title).toBe('Développeur Backend');
    expect(job.company).toBe('Société G');
    expect(job.location).toBe('München');
  });

  it('applies schema defaults', () => {
    const job = prepareJob(jobDraft());
    expect(job.remote).toBe('unknown');
    expect(job.employmentType).toBe('unknown');
    expect(job.seniority).toBe('unknown');
    expect(job.salary).toBeNull();
    expect(job.freelance).toBeNull();
    expect(job.expiresAt).toBeNull();
  });
});

describe('prepareJob skills', () => {
  it('folds given skills to canonical names and removes duplicates', () => {
    const job = prepareJob(
      jobDraft({ skills: ['ReactJS', 'react.js', 'k8s', 'React', 'Kubernetes', 'Postgres', ' '] }),
    );
    expect(job.skills).toEqual(['React', 'Kubernetes', 'PostgreSQL']);
  });

  it('extracts skills from the title and text when none are given', () => {
    const job = prepareJob(
      jobDraft({
        title: 'Senior Ruby Engineer',
        descriptionHtml: '<p>We use TypeScript, Node.js and PostgreSQL on AWS.</p>',
        descriptionText: '',
      }),
    );
    expect([...job.skills].sort()).toEqual(
      ['AWS', 'Node.js', 'PostgreSQL', 'Ruby', 'TypeScript'].sort(),
    );
  });

  it('does not extract when the source named skills', () => {
    const job = prepareJob(
      jobDraft({ skills: ['Elixir'], descriptionText: 'We use TypeScript and PostgreSQL.' }),
    );
    expect(job.skills).toEqual(['Elixir']);
  });
});

describe('prepareJob canonical URL', () => {
  it('fills canonicalUrl from url', () => {
    const job = prepareJob(
      jobDraft({ url: 'http://WWW.Boards.Greenhouse.io/acme/jobs/123/?gh_src=abc#top' }),
    );
    expect(job.canonicalUrl).toBe('https://boards.greenhouse.io/acme/jobs/123');
    expect(job.url).toBe('http://WWW.Boards.Greenhouse.io/acme/jobs/123/?gh_src=abc#top');
  });

  it('canonicalizes a canonicalUrl the source gave', () => {
    const job = prepareJob(
      jobDraft({ canonicalUrl: 'https://www.acme.example/jobs/1/?utm_source=x' }),
    );
    expect(job.canonicalUrl).toBe('https://acme.example/jobs/1');
  });
});

describe('contentHash', () => {
  const base = jobDraft({
    salary: { min: 100_000, max: 120_000, currency: 'USD', period: 'year' },
  });
  const hash = prepareJob(base).contentHash;

  it('is 16 hex digits and matches contentHash() of the prepared job', () => {
    const job = prepareJob(base);
    expect(job.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash(job)).toBe(job.contentHash);
  });

  it('does not change with fetch time, raw payload or tracking parameters', () => {
    expect(
      prepareJob({
        ...base,
        fetchedAt: '2030-01-01T00:00:00Z',
        raw: { something: 'else' },
        url: `${String(base.url)}?utm_source=x`,
      }).contentHash,
    ).toBe(hash);
  });

  it('changes when the title changes', () => {
    expect(prepareJob({ ...base, title: 'Staff Backend Engineer' }).contentHash).not.toBe(hash);
  });

  it('changes when the salary changes', () => {
    expect(
      prepareJob({
        ...base,
        salary: { min: 100_000, max: 130_000, currency: 'USD', period: 'year' },
      }).contentHash,
    ).not.toBe(hash);
    expect(prepareJob({ ...base, salary: null }).contentHash).not.toBe(hash);
  });

  it('changes when the description changes', () => {
    expect(prepareJob({ ...base, descriptionText: 'We build other things.' }).contentHash).not.toBe(
      hash,
    );
  });
});
