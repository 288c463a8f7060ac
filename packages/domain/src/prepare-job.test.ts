import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { contentHash, prepareJob } from './prepare-job.js';
import { freelance, jobDraft } from './test-support/builders.js';

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
    // A title and location that say nothing of seniority or remote work: the builder's
    // "Senior Backend Engineer" in "Remote" would now be read as senior and remote.
    const job = prepareJob(jobDraft({ title: 'Backend Engineer', location: null }));
    expect(job.remote).toBe('unknown');
    expect(job.employmentType).toBe('unknown');
    expect(job.seniority).toBe('unknown');
    expect(job.salary).toBeNull();
    expect(job.freelance).toBeNull();
    expect(job.expiresAt).toBeNull();
  });
});

describe('prepareJob fills what the source left unknown', () => {
  const neutral = { title: 'Backend Engineer', location: null, descriptionText: 'We build.' };

  it('reads remote, employment type and seniority from title, location and text', () => {
    const job = prepareJob(
      jobDraft({
        title: 'Senior Backend Engineer (Contract)',
        location: 'Remote (US)',
        descriptionText: 'We build payment rails.',
      }),
    );
    expect(job).toMatchObject({
      remote: 'remote',
      employmentType: 'contract',
      seniority: 'senior',
    });
    expect(
      prepareJob(
        jobDraft({
          ...neutral,
          descriptionText:
            'This is a full-time position. We work hybrid: 3 days a week in our Berlin office. You have 6+ years of experience.',
        }),
      ),
    ).toMatchObject({ remote: 'hybrid', employmentType: 'full_time', seniority: 'senior' });
  });

  it('keeps what the source said', () => {
    const job = prepareJob(
      jobDraft({
        title: 'Senior Engineer (Remote)',
        location: 'Remote',
        remote: 'onsite',
        employmentType: 'part_time',
        seniority: 'lead',
        salary: { min: 1, max: 2, currency: 'EUR', period: 'hour' },
        descriptionText: 'Full-time, $150k-$180k',
      }),
    );
    expect(job).toMatchObject({
      remote: 'onsite',
      employmentType: 'part_time',
      seniority: 'lead',
      salary: { min: 1, max: 2, currency: 'EUR', period: 'hour' },
    });
  });

  it('finds the pay in the text, in the currency of the place when none is written', () => {
    expect(
      prepareJob(
        jobDraft({
          ...neutral,
          descriptionText: 'The base salary range for this role is $120,000 - $150,000.',
        }),
      ).salary,
    ).toEqual({ min: 120_000, max: 150_000, currency: 'USD', period: 'year' });
    expect(
      prepareJob(
        jobDraft({ ...neutral, location: 'London, UK', descriptionText: 'Salary: 60-70k + bonus' }),
      ).salary,
    ).toEqual({ min: 60_000, max: 70_000, currency: 'GBP', period: 'year' });
    expect(
      prepareJob(jobDraft({ ...neutral, descriptionText: 'We raised $20M from great investors.' }))
        .salary,
    ).toBeNull();
  });

  it('does not read a freelance budget as a salary', () => {
    const job = prepareJob(
      jobDraft({
        ...neutral,
        sourceType: 'upwork',
        freelance: freelance({ contractType: 'fixed', budget: 500 }),
        descriptionText: 'Budget is $500 fixed; hourly rate $40/hr for extras.',
      }),
    );
    expect(job.salary).toBeNull();
  });

  it('derives the text from the sanitized HTML as htmlToText does', () => {
    const job = prepareJob(
      jobDraft({
        descriptionHtml:
          '<h2>Role</h2><p>Build &amp; ship</p><ul><li>Go</li><li>SQL</li></ul><table><tr><td>a</td><td>b</td></tr></table>',
        descriptionText: '',
      }),
    );
    expect(job.descriptionText).toBe('Role\n\nBuild & ship\n\n• Go\n• SQL\n\na b');
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
