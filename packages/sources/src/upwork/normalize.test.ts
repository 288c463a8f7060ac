import { describe, expect, it } from 'vitest';
import { DomainError, prepareJob } from '@applydesk/domain';
import { fixture } from '../test-support/replay-server.js';
import { normalizeUpworkNode, proposalsTierFromCount } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const CTX = { sourceId: 'upwork:ts', now: () => NOW };

interface Page {
  data: { marketplaceJobPostingsSearch: { edges: { node: Record<string, unknown> }[] } };
}
function nodes(name: string): Record<string, unknown>[] {
  const page = JSON.parse(fixture(import.meta.url, name)) as Page;
  return page.data.marketplaceJobPostingsSearch.edges.map((e) => e.node);
}
const [hourly, fixed, entry] = nodes('graphql-search-page1.json');
const [semester, ongoing] = nodes('graphql-search-page2.json');

describe('normalizeUpworkNode', () => {
  it('maps an hourly posting field by field', () => {
    expect(normalizeUpworkNode(hourly, CTX)).toEqual({
      sourceType: 'upwork',
      sourceId: 'upwork:ts',
      externalId: '~021861234567890123456',
      url: 'https://www.upwork.com/jobs/~021861234567890123456',
      title: 'TypeScript developer for a Stripe webhook service',
      company: 'Upwork client',
      location: 'United States',
      remote: 'remote',
      employmentType: 'freelance',
      seniority: 'mid',
      salary: null,
      descriptionHtml:
        '<p>We run a booking platform for tour operators.<br>Stripe webhooks land in Postgres twice when we deploy.</p>\n' +
        '<p>You will:<br>- build an idempotent ingestion service in Node.js &amp; TypeScript<br>- add retries &lt;with backoff&gt;</p>',
      descriptionText:
        'We run a booking platform for tour operators.\nStripe webhooks land in Postgres twice when we deploy.\n\n' +
        'You will:\n- build an idempotent ingestion service in Node.js & TypeScript\n- add retries <with backoff>',
      skills: ['TypeScript', 'Node.js', 'Stripe API'],
      postedAt: '2025-11-20T09:15:00.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      freelance: {
        contractType: 'hourly',
        budget: null,
        hourlyMin: 40,
        hourlyMax: 70,
        currency: 'USD',
        duration: '1 to 3 months',
        workload: 'Less than 30 hrs/week',
        experienceLevel: 'intermediate',
        client: {
          country: 'United States',
          paymentVerified: true,
          totalSpent: 25340.5,
          rating: 4.87,
          reviews: 31,
          hires: 19,
          jobsPosted: 42,
        },
        proposalsTier: '10 to 15',
        screeningQuestions: [],
      },
      raw: hourly,
    });
  });

  it('maps a fixed-price posting: budget from Money, no hourly range, unverified client without rating', () => {
    const draft = normalizeUpworkNode(fixed, CTX);
    expect(draft.seniority).toBe('senior');
    expect(draft.location).toBe('Canada');
    expect(draft.freelance).toEqual({
      contractType: 'fixed',
      budget: 1500,
      hourlyMin: null,
      hourlyMax: null,
      currency: 'USD',
      duration: 'Less than 1 month',
      workload: null,
      experienceLevel: 'expert',
      client: {
        country: 'Canada',
        paymentVerified: false,
        totalSpent: 0,
        rating: null,
        reviews: 0,
        hires: 0,
        jobsPosted: 1,
      },
      proposalsTier: 'Less than 5',
      screeningQuestions: [],
    });
  });

  it('reads levels, durations and tiers of the other postings', () => {
    const [e, s, o] = [entry, semester, ongoing].map((n) => normalizeUpworkNode(n, CTX));
    expect(e).toMatchObject({
      seniority: 'junior',
      freelance: {
        experienceLevel: 'entry',
        duration: '3 to 6 months',
        proposalsTier: '50+',
        hourlyMin: 15,
        hourlyMax: 25,
        workload: '30+ hrs/week',
      },
    });
    expect(s).toMatchObject({
      seniority: 'senior',
      freelance: {
        duration: 'More than 6 months',
        proposalsTier: '20 to 50',
        client: { totalSpent: 180250, rating: 4.95 },
      },
    });
    // NONE level, ONGOING, amount zero and no hourly range: hourly with no rate.
    expect(o).toMatchObject({
      seniority: 'unknown',
      skills: [],
      freelance: {
        contractType: 'hourly',
        budget: null,
        hourlyMin: null,
        hourlyMax: null,
        experienceLevel: null,
        duration: 'More than 6 months',
        proposalsTier: '5 to 10',
      },
    });
    // With no amount and no rate, the type the search was filtered on decides.
    expect(
      normalizeUpworkNode(ongoing, { ...CTX, config: { jobType: 'fixed' } }).freelance
        ?.contractType,
    ).toBe('fixed');
  });

  it('puts every posting through prepareJob', () => {
    for (const node of [hourly, fixed, entry, semester, ongoing]) {
      const job = prepareJob(normalizeUpworkNode(node, CTX));
      expect(job.freelance).not.toBeNull();
    }
    const job = prepareJob(normalizeUpworkNode(hourly, CTX));
    expect(job.canonicalUrl).toBe('https://upwork.com/jobs/~021861234567890123456');
    expect(job.descriptionHtml).toContain('&lt;with backoff&gt;');
  });

  it('refuses a node without a ciphertext or a title, naming it', () => {
    const noKey = () => normalizeUpworkNode({ ...hourly, ciphertext: undefined }, CTX);
    expect(noKey).toThrow(DomainError);
    const noTitle = () => normalizeUpworkNode({ ...hourly, title: '  ' }, CTX);
    expect(noTitle).toThrow(/~021861234567890123456: has no title/);
    expect(() => normalizeUpworkNode({ ...hourly, ciphertext: '../../evil' }, CTX)).toThrow(
      /ciphertext/,
    );
    expect(() => normalizeUpworkNode('nope', CTX)).toThrow(/INVALID|invalid|expected/);
  });

  it('reads odd Money: unparseable amounts are unknown, a min above max is swapped', () => {
    const draft = normalizeUpworkNode(
      {
        ...hourly,
        hourlyBudgetMin: { rawValue: '90', currency: 'USD' },
        hourlyBudgetMax: { rawValue: '60.5', currency: 'USD' },
        client: {
          ...(hourly!.client as object),
          totalSpent: { rawValue: 'n/a' },
          totalFeedback: 7,
        },
      },
      CTX,
    );
    expect(draft.freelance).toMatchObject({
      hourlyMin: 60.5,
      hourlyMax: 90,
      client: { totalSpent: null, rating: null },
    });
  });
});

describe('proposalsTierFromCount', () => {
  it('buckets applicants as Upwork does', () => {
    const tiers = [0, 4, 5, 9, 10, 14, 15, 19, 20, 49, 50, 300].map(proposalsTierFromCount);
    expect(tiers).toEqual([
      'Less than 5',
      'Less than 5',
      '5 to 10',
      '5 to 10',
      '10 to 15',
      '10 to 15',
      '15 to 20',
      '15 to 20',
      '20 to 50',
      '20 to 50',
      '50+',
      '50+',
    ]);
    expect(proposalsTierFromCount(null)).toBeNull();
    expect(proposalsTierFromCount(-1)).toBeNull();
  });
});
