import { describe, expect, it } from 'vitest';
import { DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import { fixture } from '../test-support/replay-server.js';
import { normalizeCapture, normalizeUpworkNode } from './index.js';
import {
  humanizeKey,
  i18nKey,
  parseDuration,
  parseMoneyText,
  parseProposalsTier,
  parseWorkload,
  stripHighlights,
} from './capture.js';
import { firstDate } from '../shared/dates.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const KEY = '~021861234567890123456';

function load(name: string): {
  kind: string;
  pageUrl: string;
  capturedAt: string;
  jobs: unknown[];
} {
  return JSON.parse(fixture(import.meta.url, name)) as {
    kind: string;
    pageUrl: string;
    capturedAt: string;
    jobs: unknown[];
  };
}

function apiDraft(): JobInputDraft {
  const page = JSON.parse(fixture(import.meta.url, 'graphql-search-page1.json')) as {
    data: { marketplaceJobPostingsSearch: { edges: { node: unknown }[] } };
  };
  return normalizeUpworkNode(page.data.marketplaceJobPostingsSearch.edges[0]!.node, {
    sourceId: 'upwork:ts',
    now: () => NOW,
  });
}

function byKey(drafts: JobInputDraft[], key = KEY): JobInputDraft {
  const found = drafts.find((d) => d.externalId === key);
  if (found === undefined) throw new Error(`no draft ${key}`);
  return found;
}

describe('normalizeCapture: search page state', () => {
  const { drafts, errors } = normalizeCapture(load('capture-search.json'), { now: NOW });

  it('maps each jobsSearch item, stripping highlights and reading the i18n tokens', () => {
    expect(errors).toEqual([]);
    expect(drafts.map((d) => d.externalId)).toEqual([
      KEY,
      '~021861234567890123457',
      '~021861234567890123458',
    ]);
    const a = byKey(drafts);
    expect(a).toMatchObject({
      sourceType: 'upwork',
      sourceId: 'upwork:extension',
      url: `https://www.upwork.com/jobs/${KEY}`,
      title: 'TypeScript developer for a Stripe webhook service',
      company: 'Upwork client',
      location: 'United States',
      remote: 'remote',
      employmentType: 'freelance',
      seniority: 'mid',
      skills: ['TypeScript', 'Node.js', 'Stripe API'],
      postedAt: '2025-11-20T09:15:00.000Z',
      fetchedAt: '2025-11-20T11:58:00.000Z',
    });
    expect(a.freelance).toEqual({
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
        hires: null,
        jobsPosted: null,
      },
      proposalsTier: '10 to 15',
      screeningQuestions: [],
    });
    expect(a.descriptionText).not.toContain('highlight');
  });

  it('reads type 1 as fixed price, "0.0" spent as 0, and hides spend behind financial privacy', () => {
    expect(drafts[1]!.freelance).toMatchObject({
      contractType: 'fixed',
      budget: 1500,
      hourlyMin: null,
      workload: 'Not sure',
      experienceLevel: 'expert',
      proposalsTier: 'Less than 5',
      client: { paymentVerified: false, totalSpent: 0, rating: null },
    });
    expect(drafts[2]).toMatchObject({
      seniority: 'junior',
      freelance: {
        contractType: 'hourly',
        hourlyMin: 15,
        hourlyMax: 25,
        proposalsTier: '50+',
        client: { totalSpent: null, rating: 4.2 },
      },
    });
  });

  it('gives the same job the same key, URL and content as the API', () => {
    const api = apiDraft();
    const captured = byKey(drafts);
    for (const field of [
      'externalId',
      'url',
      'title',
      'company',
      'location',
      'seniority',
      'descriptionText',
      'descriptionHtml',
      'skills',
      'postedAt',
    ] as const) {
      expect(captured[field]).toEqual(api[field]);
    }
    expect(captured.freelance).toMatchObject({
      contractType: api.freelance?.contractType,
      hourlyMin: api.freelance?.hourlyMin,
      hourlyMax: api.freelance?.hourlyMax,
      duration: api.freelance?.duration,
      workload: api.freelance?.workload,
      proposalsTier: api.freelance?.proposalsTier,
    });
  });
});

describe('normalizeCapture: job page state', () => {
  const { drafts, errors } = normalizeCapture(load('capture-job-detail.json'), { now: () => NOW });

  it('maps jobDetails with its screening questions in order', () => {
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(1);
    const draft = drafts[0]!;
    expect(draft).toMatchObject({
      externalId: KEY,
      url: apiDraft().url,
      title: 'TypeScript developer for a Stripe webhook service',
      location: 'United States',
      postedAt: '2025-11-20T09:15:00.000Z',
      fetchedAt: '2025-11-20T11:59:30.000Z',
      descriptionText: apiDraft().descriptionText,
    });
    expect(draft.freelance).toEqual({
      contractType: 'hourly',
      budget: null,
      hourlyMin: null,
      hourlyMax: null,
      currency: 'USD',
      duration: '1 to 3 months',
      workload: 'Less than 30 hrs/week',
      experienceLevel: null,
      client: {
        country: 'United States',
        paymentVerified: true,
        totalSpent: 25340.5,
        rating: 4.87,
        reviews: null,
        hires: 19,
        jobsPosted: 42,
      },
      proposalsTier: '10 to 15',
      screeningQuestions: [
        'Describe an idempotent webhook handler you have built.',
        'Which queue would you use, and why?',
      ],
    });
  });

  it('reads an hourly range and plain-string questions when the extension sends them', () => {
    const capture = load('capture-job-detail.json');
    const item = capture.jobs[0] as { job: Record<string, unknown> };
    item.job.extendedBudgetInfo = { hourlyBudgetMin: 40, hourlyBudgetMax: 70 };
    item.job.questions = ['  What is your   availability? ', ''];
    item.job.engagementDuration = 'usnuxt_Duration_400.moreThan6Months';
    const { drafts } = normalizeCapture(capture, { now: NOW });
    expect(drafts[0]!.freelance).toMatchObject({
      hourlyMin: 40,
      hourlyMax: 70,
      duration: 'More than 6 months',
      screeningQuestions: ['What is your availability?'],
    });
  });
});

describe('normalizeCapture: DOM fallback', () => {
  const { drafts, errors } = normalizeCapture(load('capture-dom.json'), { now: NOW });

  it('reads the tile texts', () => {
    expect(errors).toEqual([]);
    const [a, b] = drafts;
    expect(a).toMatchObject({
      externalId: KEY,
      url: `https://www.upwork.com/jobs/${KEY}`,
      title: 'TypeScript developer for a Stripe webhook service',
      location: 'United States',
      seniority: 'mid',
      postedAt: '2025-11-20T09:00:00.000Z',
      skills: ['TypeScript', 'Node.js', 'Stripe API'],
      descriptionText: apiDraft().descriptionText,
    });
    expect(a!.freelance).toEqual({
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
        totalSpent: 25000,
        rating: 4.87,
        reviews: null,
        hires: null,
        jobsPosted: null,
      },
      proposalsTier: '10 to 15',
      screeningQuestions: [],
    });
    expect(b).toMatchObject({
      externalId: '~021861234567890123457',
      postedAt: '2025-11-19T12:00:00.000Z',
      freelance: {
        contractType: 'fixed',
        budget: 1500,
        duration: 'Less than 1 month',
        workload: null,
        experienceLevel: 'expert',
        proposalsTier: 'Less than 5',
        client: { country: 'Canada', paymentVerified: false, totalSpent: 0, rating: null },
      },
    });
  });
});

describe('normalizeCapture: every shape', () => {
  it('keys the same job identically from the API, the search state, the job page and the DOM', () => {
    const keys = ['capture-search.json', 'capture-job-detail.json', 'capture-dom.json'].map(
      (name) => byKey(normalizeCapture(load(name), { now: NOW }).drafts).externalId,
    );
    expect(new Set([apiDraft().externalId, ...keys])).toEqual(new Set([KEY]));
  });

  it('produces drafts that all pass prepareJob', () => {
    for (const name of ['capture-search.json', 'capture-job-detail.json', 'capture-dom.json']) {
      for (const draft of normalizeCapture(load(name), { now: NOW }).drafts) {
        const job = prepareJob(draft);
        expect(job.sourceId).toBe('upwork:extension');
      }
    }
  });
});

describe('normalizeCapture: untrusted input', () => {
  it('reports a malformed job by its index and keeps the rest', () => {
    const capture = load('capture-search.json');
    capture.jobs.splice(1, 0, { ciphertext: 12, title: 'no' });
    capture.jobs.push('not a job');
    capture.jobs.push({
      source: 'dom',
      title: 'Elsewhere',
      url: 'https://evil.example/jobs/~021861234567890123499',
    });
    capture.jobs.push({ ...(capture.jobs[0] as object), ciphertext: '"><script>', title: 'x' });
    capture.jobs.push({ ...(capture.jobs[0] as object), title: 'T'.repeat(5000) });
    const { drafts, errors } = normalizeCapture(capture, { now: NOW });
    expect(drafts.map((d) => d.externalId)).toEqual([
      KEY,
      '~021861234567890123457',
      '~021861234567890123458',
    ]);
    expect(errors.map((e) => e.index)).toEqual([1, 4, 5, 6, 7]);
    expect(errors[0]!.reason).toMatch(/^search result is invalid: ciphertext: /);
    expect(errors[1]!.reason).toContain('search result is invalid');
    expect(errors[2]!.reason).toBe('DOM tile has no Upwork job URL with a ciphertext');
    expect(errors[3]!.reason).toBe('search result has no usable ciphertext');
    expect(errors[4]!.reason).toContain('title');
  });

  it('cuts an over-long description instead of dropping the job', () => {
    const capture = load('capture-dom.json');
    (capture.jobs[0] as { descriptionText: string }).descriptionText = 'word '.repeat(20_000);
    const { drafts } = normalizeCapture(capture, { now: NOW });
    expect(drafts[0]!.descriptionText.length).toBeLessThanOrEqual(50_000);
  });

  it('refuses an envelope that is not an Upwork capture', () => {
    const bad = [
      { ...load('capture-search.json'), pageUrl: 'https://evil.example/nx/search/jobs/' },
      { ...load('capture-search.json'), pageUrl: 'http://www.upwork.com/nx/search/jobs/' },
      { ...load('capture-search.json'), kind: 'linkedin' },
      { ...load('capture-search.json'), capturedAt: 'yesterday' },
      { ...load('capture-search.json'), jobs: Array.from({ length: 201 }, () => ({})) },
      null,
    ];
    for (const capture of bad) {
      let error: unknown;
      try {
        normalizeCapture(capture, { now: NOW });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_INPUT');
    }
  });

  it('counts relative dates from now when the capture claims to come from the future', () => {
    const capture = { ...load('capture-dom.json'), capturedAt: '2030-01-01T00:00:00Z' };
    const { drafts } = normalizeCapture(capture, { now: NOW });
    expect(drafts[0]).toMatchObject({
      fetchedAt: NOW.toISOString(),
      postedAt: '2025-11-20T09:00:00.000Z',
    });
  });
});

describe('page text parsers', () => {
  it('reads i18n tokens', () => {
    expect(i18nKey('usnuxt_JobProposalTier_418.10to15')).toBe('10to15');
    expect(i18nKey('jsn_Intermediate_206')).toBe('Intermediate');
    expect(i18nKey('Plain text')).toBe('Plain text');
    expect(humanizeKey('lessThan5')).toBe('Less than 5');
    expect(humanizeKey('notSure')).toBe('Not sure');
    expect(parseProposalsTier('usnuxt_JobProposalTier_418.10to15')).toBe('10 to 15');
    expect(parseProposalsTier('usnuxt_JobProposalTier_418.lessThan5')).toBe('Less than 5');
    expect(parseProposalsTier('lessThan5')).toBe('Less than 5');
    expect(parseProposalsTier('usnuxt_JobProposalTier_418.5to10')).toBe('5 to 10');
    expect(parseProposalsTier('usnuxt_JobProposalTier_418.15to20')).toBe('15 to 20');
    expect(parseProposalsTier('20to50')).toBe('20 to 50');
    expect(parseProposalsTier('usnuxt_JobProposalTier_418.50plus')).toBe('50+');
    expect(parseProposalsTier('Proposals: 50+')).toBe('50+');
    expect(parseProposalsTier('Proposals: 7 to 9')).toBeNull();
    expect(parseProposalsTier('')).toBeNull();
    expect(parseWorkload('usnuxt_Engagement_421.notSure')).toBe('Not sure');
    expect(parseWorkload('usnuxt_Engagement_421.lessThan30')).toBe('Less than 30 hrs/week');
    expect(parseWorkload('30+ hrs/week')).toBe('30+ hrs/week');
    expect(parseDuration('MONTH')).toBe('1 to 3 months');
    expect(parseDuration('usnuxt_Duration_400.1to3months')).toBe('1 to 3 months');
  });

  it('reads money, spend and relative dates', () => {
    expect(parseMoneyText('$10K+ spent')).toBe(10_000);
    expect(parseMoneyText('$1.5M+ spent')).toBe(1_500_000);
    expect(parseMoneyText('$0 spent')).toBe(0);
    expect(parseMoneyText('Est. budget: $1,250.00')).toBe(1250);
    expect(parseMoneyText('no money here')).toBeNull();
    const ref = new Date('2025-11-20T12:00:00Z');
    expect(firstDate(ref, 'Posted 2 hours ago')).toBe('2025-11-20T10:00:00.000Z');
    expect(firstDate(ref, 'Posted 15 minutes ago')).toBe('2025-11-20T11:45:00.000Z');
    expect(firstDate(ref, 'Posted an hour ago')).toBe('2025-11-20T11:00:00.000Z');
    expect(firstDate(ref, 'Posted 3 days ago')).toBe('2025-11-17T12:00:00.000Z');
    expect(firstDate(ref, 'Posted last week')).toBe('2025-11-13T12:00:00.000Z');
    expect(firstDate(ref, 'Posted just now')).toBe('2025-11-20T12:00:00.000Z');
    expect(firstDate(ref, '2025-11-19T08:00:00Z')).toBe('2025-11-19T08:00:00.000Z');
    expect(firstDate(ref, 'sometime')).toBeNull();
  });

  it('strips highlight spans and nothing else', () => {
    expect(
      stripHighlights(
        '<span class="highlight">TypeScript</span> and <span class="highlight x">Node</span>',
      ),
    ).toBe('TypeScript and Node');
    expect(stripHighlights('<b>bold</b>')).toBe('<b>bold</b>');
  });
});
