import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { JobPostingCaptureBody, UpworkCaptureBody } from '../capture.js';
import { captureKey } from '../capture.js';
import { fillForm } from '../fill.js';
import { asBackgroundRequest, asContentRequest, fromThisExtension } from '../messages.js';
import { badgeText, disposition, enqueue } from '../queue.js';
import { extractCapture, findForm, siteFor } from './index.js';
import { decodeNuxtPayload } from './nuxt-payload.js';
import { upworkJobUrlFromPage, upworkTiles } from './upwork.js';

const PAGES = join(import.meta.dirname, '../../../test/pages');
const AT = '2026-11-20T12:00:00.000Z';

/** A saved page as a Document, as the content script sees it (linkedom: no layout, no scripts run). */
function page(name: string): Document {
  return parseHTML(readFileSync(join(PAGES, name), 'utf8')).document;
}

function posting(name: string, url: string): JobPostingCaptureBody {
  const capture = extractCapture(page(name), url, AT);
  expect(capture?.kind).toBe('jobposting');
  return capture as JobPostingCaptureBody;
}

describe('Upwork', () => {
  const searchUrl = 'https://www.upwork.com/nx/search/jobs/?q=typescript';

  it('reads every search tile from the embedded state, trimmed to known keys', () => {
    const capture = extractCapture(page('upwork-search.html'), searchUrl, AT) as UpworkCaptureBody;
    expect(capture.kind).toBe('upwork-search');
    expect(capture.pageUrl).toBe(searchUrl);
    expect(capture.jobs).toHaveLength(3);
    const first = capture.jobs[0] as Record<string, unknown>;
    expect(first.ciphertext).toBe('~021861234567890123456');
    expect(first.proposalsTier).toBe('usnuxt_JobProposalTier_418.10to15');
    expect(Object.keys(first)).not.toContain('paging');
  });

  it('falls back to the data-test markup when the page has no state', () => {
    const capture = extractCapture(
      page('upwork-search-dom.html'),
      searchUrl,
      AT,
    ) as UpworkCaptureBody;
    expect(capture.jobs).toHaveLength(3);
    expect(capture.jobs[1]).toMatchObject({
      source: 'dom',
      title: 'Fix a React Native checkout screen',
      url: 'https://www.upwork.com/jobs/Fix-React-Native-checkout-screen_~021862345678901234567/?referrer_url_path=/nx/search/jobs/',
      jobTypeText: 'Fixed price',
      budgetText: '$500.00 Est. budget',
      paymentVerifiedText: 'Payment unverified',
      skills: ['React Native'],
    });
    expect((capture.jobs[0] as Record<string, unknown>).publishedText).toBe('Posted 3 hours ago');
  });

  it('matches tiles to their state entries for badges and per-tile saves', () => {
    const tiles = upworkTiles(page('upwork-search.html'), searchUrl);
    expect(tiles.map((t) => t.jobUrl)).toEqual([
      'https://www.upwork.com/jobs/~021861234567890123456',
      'https://www.upwork.com/jobs/~021862345678901234567',
      'https://www.upwork.com/jobs/~021863456789012345678',
    ]);
    expect(tiles[0]!.job.uid).toBe('1861234567890123456');
    const domTiles = upworkTiles(page('upwork-search-dom.html'), searchUrl);
    expect(domTiles[2]!.job.source).toBe('dom');
    const single: UpworkCaptureBody = {
      kind: 'upwork-search',
      pageUrl: searchUrl,
      capturedAt: AT,
      jobs: [tiles[1]!.job],
    };
    expect(captureKey(single)).toBe('https://www.upwork.com/jobs/~021862345678901234567');
  });

  it('decodes the job page payload into { job, buyer }', () => {
    const url = 'https://www.upwork.com/jobs/~021861234567890123456';
    const capture = extractCapture(page('upwork-job.html'), url, AT) as UpworkCaptureBody;
    expect(capture.kind).toBe('upwork-job');
    const detail = capture.jobs[0] as {
      job: Record<string, unknown>;
      buyer: Record<string, unknown>;
    };
    expect(detail.job.title).toBe('TypeScript developer for a Stripe webhook service');
    expect(detail.job.questions).toHaveLength(2);
    expect(detail.buyer).toMatchObject({ isPaymentMethodVerified: true, stats: { score: 4.87 } });
    expect(captureKey(capture)).toBe(url);
  });

  it('finds the cover letter and the screening questions of the proposal form', () => {
    const doc = page('upwork-job.html');
    const form = findForm(doc, 'https://www.upwork.com/jobs/~021861234567890123456');
    expect(form.letter?.element.id).toBe('cover-letter-textarea');
    expect(form.questions.map((q) => q.label)).toEqual([
      'Describe an idempotent webhook handler you have built.',
      'Which queue would you use, and why?',
    ]);
    expect(fillForm(form, 'Dear client', ['Answer one', 'Answer two', 'extra'])).toEqual({
      letter: true,
      answers: 2,
    });
    expect((doc.getElementById('cover-letter-textarea') as HTMLTextAreaElement).value).toBe(
      'Dear client',
    );
    expect((doc.getElementById('question-1') as HTMLTextAreaElement).value).toBe('Answer two');
  });

  it('names the job of an apply page from its address', () => {
    expect(
      upworkJobUrlFromPage('https://www.upwork.com/nx/proposals/job/~021861234567890123456/apply/'),
    ).toBe('https://www.upwork.com/jobs/~021861234567890123456');
    expect(upworkJobUrlFromPage('https://www.upwork.com/nx/find-work/')).toBeNull();
  });

  it('resists hostile payloads: cycles, bad indexes and prototype keys', () => {
    expect(decodeNuxtPayload([{ a: 0, b: 99, __proto__x: 1 }, 'x'])).toMatchObject({
      b: undefined,
    });
    const looped = decodeNuxtPayload([{ self: 0 }]) as { self: unknown };
    expect(looped.self).toBe(looped);
    expect(decodeNuxtPayload('nope')).toBeUndefined();
    const polluted = decodeNuxtPayload(
      JSON.parse('[{"__proto__":1,"ok":2},{"evil":true},3]'),
    ) as Record<string, unknown>;
    expect(polluted.ok).toBe(3);
    expect(({} as Record<string, unknown>).evil).toBeUndefined();
  });
});

describe('job boards and ATS pages', () => {
  it('LinkedIn job view', () => {
    const job = posting(
      'linkedin-job.html',
      'https://www.linkedin.com/jobs/view/4012345678/?refId=abc',
    ).jobs[0]!;
    expect(job).toMatchObject({
      title: 'Senior TypeScript Engineer',
      hiringOrganization: { name: 'Acme Robotics' },
      jobLocation: 'Berlin, Germany',
      url: 'https://www.linkedin.com/jobs/view/4012345678/',
      identifier: '4012345678',
    });
    expect(job.description).toContain('5+ years of TypeScript');
  });

  it('Indeed, with the JSON-LD salary', () => {
    const job = posting(
      'indeed-job.html',
      'https://www.indeed.com/viewjob?jk=4b1a2c3d4e5f6a7b&from=serp',
    ).jobs[0]!;
    expect(job).toMatchObject({
      title: 'Backend Developer (Node.js)',
      hiringOrganization: { name: 'Riverbend Health' },
      jobLocation: 'Portland, OR 97204',
      url: 'https://www.indeed.com/viewjob?jk=4b1a2c3d4e5f6a7b',
      employmentType: 'FULL_TIME',
      baseSalary: { currency: 'USD', min: 120000, max: 145000, unit: 'YEAR' },
      datePosted: '2026-11-18T00:00:00.000Z',
    });
  });

  it('Greenhouse, with its application form', () => {
    const url = 'https://boards.greenhouse.io/northwind/jobs/5123456';
    const job = posting('greenhouse-job.html', url).jobs[0]!;
    expect(job).toMatchObject({
      title: 'Platform Engineer',
      hiringOrganization: { name: 'Northwind' },
      jobLocation: 'Remote (US)',
      identifier: '5123456',
      url,
    });
    const form = findForm(page('greenhouse-job.html'), url);
    expect(form.letter?.element.id).toBe('cover_letter_text');
    expect(form.questions.map((q) => q.label)).toEqual(['Why do you want to work at Northwind? *']);
  });

  it('Lever', () => {
    const job = posting(
      'lever-job.html',
      'https://jobs.lever.co/lumenlabs/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9',
    ).jobs[0]!;
    expect(job).toMatchObject({
      title: 'Staff Frontend Engineer',
      hiringOrganization: { name: 'Lumen Labs' },
      jobLocation: 'London, UK',
      employmentType: 'Full-time',
      identifier: '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9',
    });
  });

  it('Ashby, from window.__appData without running it', () => {
    const job = posting(
      'ashby-job.html',
      'https://jobs.ashbyhq.com/quarry/6f1c2b9e-4a51-4e0c-9d2e-3b8a7c6d5e4f',
    ).jobs[0]!;
    expect(job).toMatchObject({
      title: 'Data Engineer',
      hiringOrganization: { name: 'Quarry Analytics' },
      jobLocation: 'Remote - Europe',
      jobLocationType: 'TELECOMMUTE',
      datePosted: '2026-11-17T00:00:00.000Z',
    });
    expect(job.description).toContain('Python and dbt');
    expect(job.description).not.toContain('alert');
  });

  it('Workday', () => {
    const url =
      'https://contoso.wd5.myworkdayjobs.com/en-US/External/job/Austin-TX/Site-Reliability-Engineer_R-204518?source=li';
    const job = posting('workday-job.html', url).jobs[0]!;
    expect(job).toMatchObject({
      title: 'Site Reliability Engineer',
      hiringOrganization: { name: 'Contoso Careers' },
      jobLocation: 'Austin, TX',
      employmentType: 'Full time',
      identifier: 'R-204518',
      url: 'https://contoso.wd5.myworkdayjobs.com/en-US/External/job/Austin-TX/Site-Reliability-Engineer_R-204518',
    });
  });

  it('Workable', () => {
    const url = 'https://apply.workable.com/fernway/j/A1B2C3D4E5/';
    const job = posting('workable-job.html', url).jobs[0]!;
    expect(job).toMatchObject({
      title: 'Product Designer',
      hiringOrganization: { name: 'Fernway' },
      identifier: 'A1B2C3D4E5',
    });
    expect(job.description).toContain('Figma');
    expect(findForm(page('workable-job.html'), url).letter?.element.id).toBe('cover_letter');
  });

  it('any page with schema.org JobPosting JSON-LD, skipping a broken block', () => {
    const url = 'https://solstice.example/careers';
    expect(siteFor(url).name).toBe('jsonld');
    const job = posting('jsonld-job.html', url).jobs[0]!;
    expect(job).toMatchObject({
      title: 'Embedded Software Engineer',
      url: 'https://solstice.example/careers/embedded-software-engineer',
      identifier: 'SE-118',
      employmentType: 'FULL_TIME, CONTRACTOR',
      jobLocationType: 'TELECOMMUTE',
      baseSalary: { currency: 'EUR', min: 70000, max: 70000, unit: 'YEAR' },
    });
    expect(job.description).toContain('RTOS');
    expect(job.description).not.toContain('onerror');
  });

  it('answers null for a page without a posting', () => {
    const doc = parseHTML('<html><body><h1>Hello</h1></body></html>').document;
    expect(extractCapture(doc, 'https://example.com/', AT)).toBeNull();
    expect(extractCapture(doc, 'https://www.upwork.com/nx/search/jobs/?q=x', AT)).toBeNull();
  });
});

describe('messages, queue', () => {
  it('accepts only the known message shapes from this extension', () => {
    expect(fromThisExtension({ id: 'abc' }, 'abc')).toBe(true);
    expect(fromThisExtension({}, 'abc')).toBe(false);
    expect(fromThisExtension({ id: 'other' }, 'abc')).toBe(false);
    expect(asContentRequest({ type: 'fill', letter: 'x', answers: [] })).toEqual({
      type: 'fill',
      letter: 'x',
      answers: [],
    });
    expect(asContentRequest({ type: 'fill', letter: 5, answers: [] })).toBeNull();
    expect(asContentRequest({ type: 'submit' })).toBeNull();
    expect(
      asBackgroundRequest({
        type: 'capture',
        capture: { kind: 'evil', pageUrl: 'x', capturedAt: 'y', jobs: [] },
      }),
    ).toBeNull();
    expect(asBackgroundRequest({ type: 'scores', urls: [1] })).toBeNull();
  });

  it('queues a posting once, newest capture winning', () => {
    const a: UpworkCaptureBody = {
      kind: 'upwork-job',
      pageUrl: 'https://www.upwork.com/jobs/~021',
      capturedAt: AT,
      jobs: [],
    };
    const b = { ...a, capturedAt: '2026-11-21T00:00:00.000Z' };
    const c = { ...a, pageUrl: 'https://www.upwork.com/jobs/~022' };
    const now = new Date(AT);
    const queue = enqueue(enqueue(enqueue([], a, now), c, now), b, now);
    expect(queue.map((q) => [q.key, q.capture.capturedAt])).toEqual([
      ['https://www.upwork.com/jobs/~022', AT],
      ['https://www.upwork.com/jobs/~021', '2026-11-21T00:00:00.000Z'],
    ]);
    expect(disposition('network')).toBe('retry');
    expect(disposition(503)).toBe('retry');
    expect(disposition(401)).toBe('retry');
    expect(disposition(400)).toBe('refused');
    expect(disposition(200)).toBe('done');
    expect([badgeText(0), badgeText(3), badgeText(120)]).toEqual(['', '3', '99+']);
  });
});
