import { describe, expect, it } from 'vitest';
import { isDomainError } from '@applydesk/domain';
import { normalizePageCapture } from './page-capture.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const now = () => NOW;
const envelope = (jobs: unknown[], over: Record<string, unknown> = {}) => ({
  kind: 'job-page',
  pageUrl: 'https://www.linkedin.com/jobs/view/3901',
  capturedAt: '2026-11-20T11:00:00Z',
  site: 'linkedin',
  jobs,
  ...over,
});

describe('normalizePageCapture', () => {
  it('reads the fields a page shows into a posting of that site', () => {
    const { drafts, errors } = normalizePageCapture(
      envelope([
        {
          externalId: '3901',
          url: '/jobs/view/3901',
          title: 'Backend Engineer',
          company: 'Initech',
          location: 'Berlin (Hybrid)',
          employmentType: 'Full-time',
          descriptionText: 'Go and Kafka.',
          postedAt: '2 days ago',
        },
      ]),
      { now },
    );
    expect(errors).toEqual([]);
    expect(drafts[0]).toMatchObject({
      sourceType: 'linkedin',
      sourceId: 'linkedin:extension',
      externalId: '3901',
      url: 'https://www.linkedin.com/jobs/view/3901',
      remote: 'hybrid',
      employmentType: 'full_time',
      postedAt: '2026-11-18T11:00:00.000Z',
      fetchedAt: '2026-11-20T11:00:00.000Z',
    });
  });

  it('keeps the good jobs and names each bad one; cuts a huge description instead of failing', () => {
    const { drafts, errors } = normalizePageCapture(
      envelope([
        {
          url: 'https://x.example/1',
          title: 'A',
          company: 'B',
          descriptionText: 'x'.repeat(10_000_000),
        },
        { url: 'https://x.example/2', title: 'A' },
        { url: 'ftp://x.example/3', title: 'A', company: 'B' },
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
      envelope([{ url: 'https://x.example/1', title: 'A', company: 'B' }], {
        capturedAt: '2099-01-01T00:00:00Z',
      }),
      { now },
    );
    expect(drafts[0]?.fetchedAt).toBe(NOW.toISOString());
    try {
      normalizePageCapture(envelope([], { site: 'myspace' }), { now });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'INVALID_INPUT')).toBe(true);
      expect((error as Error).message).toMatch(/job page capture/);
    }
  });
});
