import { describe, expect, it } from 'vitest';
import { isDomainError } from '@applydesk/domain';
import { normalizePageCapture } from './page-capture.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const now = () => NOW;
const envelope = (jobs: unknown[], over: Record<string, unknown> = {}) => ({
  kind: 'jobposting',
  pageUrl: 'https://www.linkedin.com/jobs/view/3901',
  capturedAt: '2026-11-20T11:00:00Z',
  site: 'linkedin',
  jobs,
  ...over,
});
const posting = (over: Record<string, unknown> = {}) => ({
  '@type': 'JobPosting',
  title: 'Backend Engineer',
  url: '/jobs/view/3901',
  description: 'Go and Kafka.',
  hiringOrganization: { name: 'Initech' },
  jobLocation: 'Berlin (Hybrid)',
  jobLocationType: null,
  employmentType: 'FULL_TIME',
  datePosted: '2026-11-18',
  identifier: '3901',
  baseSalary: { currency: 'EUR', min: 70000, max: 90000, unit: 'YEAR' },
  ...over,
});

describe('normalizePageCapture', () => {
  it('reads the JobPosting fields a page shows into a posting of that site', () => {
    const { drafts, errors } = normalizePageCapture(envelope([posting()]), { now });
    expect(errors).toEqual([]);
    expect(drafts[0]).toMatchObject({
      sourceType: 'linkedin',
      sourceId: 'linkedin:extension',
      externalId: '3901',
      url: 'https://www.linkedin.com/jobs/view/3901',
      company: 'Initech',
      remote: 'hybrid',
      employmentType: 'full_time',
      salary: { min: 70000, max: 90000, currency: 'EUR', period: 'year' },
      descriptionText: 'Go and Kafka.',
      postedAt: '2026-11-18T00:00:00.000Z',
      fetchedAt: '2026-11-20T11:00:00.000Z',
    });
  });

  it('reads TELECOMMUTE as remote, HTML descriptions as HTML, and keys by url without an id', () => {
    const { drafts } = normalizePageCapture(
      envelope([
        posting({
          identifier: null,
          url: 'https://boards.greenhouse.io/acme/jobs/1?gh_src=x',
          jobLocationType: 'TELECOMMUTE',
          description: '<p>Build <b>APIs</b></p>',
        }),
      ]),
      { now },
    );
    expect(drafts[0]?.remote).toBe('remote');
    expect(drafts[0]?.descriptionHtml).toBe('<p>Build <b>APIs</b></p>');
    expect(drafts[0]?.externalId).toMatch(/^https:\/\/boards\.greenhouse\.io\/acme\/jobs\/1/);
  });

  it('keeps the good jobs and names each bad one; cuts a huge description instead of failing', () => {
    const { drafts, errors } = normalizePageCapture(
      envelope([
        posting({ description: 'x'.repeat(10_000_000) }),
        posting({ hiringOrganization: null }),
        posting({ url: 'javascript:alert(1)' }),
      ]),
      { now },
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.descriptionText).toHaveLength(200_000);
    expect(errors.map((e) => e.index)).toEqual([1, 2]);
    expect(errors[0]?.reason).toMatch(/^job 1 is invalid: company/);
    expect(errors[1]?.reason).toMatch(/no http\(s\) address/);
  });

  it('counts a capture from the future from now, and refuses a bad envelope by name', () => {
    const { drafts } = normalizePageCapture(
      envelope([posting()], { capturedAt: '2099-01-01T00:00:00Z' }),
      { now },
    );
    expect(drafts[0]?.fetchedAt).toBe(NOW.toISOString());
    try {
      normalizePageCapture(envelope([], { site: 'myspace' }), { now });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'INVALID_INPUT')).toBe(true);
      expect((error as Error).message).toMatch(/JobPosting capture/);
    }
  });
});
