import { describe, expect, it } from 'vitest';
import {
  DuplicateDetector,
  Fingerprinter,
  isNearDuplicate,
  linkedUrls,
  postingSimilarity,
  titleLevel,
  type DedupeSource,
} from './near-duplicate.js';
import {
  addBoilerplate,
  createRng,
  reorderBullets,
  rewordParagraph,
} from './test-support/corpus.js';

const DESCRIPTION = `Acme builds billing software for 4,000 small businesses in Europe.

We're replacing our nightly batch billing with an event-driven pipeline: every usage event should reach an invoice line within minutes, not the next morning, and reconcile to the cent.

You'll join the Payments team, 6 people who ship together and review each other's work.

What you'll do
• Design and build services in TypeScript on Node.js
• Own the event pipeline from ingestion to invoice
• Keep reconciliation correct to the cent, with tests that prove it
• Work with finance on the edge cases nobody wrote down

Requirements
• 5+ years building backend services
• TypeScript and Node.js in production
• PostgreSQL, including schema design and query tuning
• Experience with queues or event streams (Kafka, SQS or similar)

Benefits
• 30 days of paid vacation
• Learning budget of 1,500 EUR a year
• Remote within the European Union

Salary: €80,000 - €100,000 gross per year, depending on experience.`;

const OTHER_DESCRIPTION = `Acme builds billing software for 4,000 small businesses in Europe.

Our customers see their dashboards load slowly and our design system has drifted across three products. We want one component library and pages that render in under a second.

What you'll do
• Build the component library in React and TypeScript
• Make the dashboards fast: measure, then fix
• Pair with designers on accessibility

Requirements
• 4+ years of frontend work with React
• CSS you are proud of
• Performance profiling in the browser

Benefits
• 30 days of paid vacation
• Learning budget of 1,500 EUR a year`;

const fingerprinter = new Fingerprinter();
const print = (source: DedupeSource) => fingerprinter.fingerprint(source);
const ats = { company: 'Acme', title: 'Senior Backend Engineer', descriptionText: DESCRIPTION };

describe('isNearDuplicate', () => {
  it('matches a repost with a decorated title, a legal form and light edits', () => {
    const rng = createRng(5);
    const edits: string[] = [];
    const text = addBoilerplate(rng, reorderBullets(rng, DESCRIPTION, edits), edits);
    const board = {
      company: 'ACME, Inc.',
      title: 'Sr. Backend Engineer (Remote)',
      descriptionText: text,
    };
    expect(isNearDuplicate(print(ats), print(board))).toBe(true);
    const s = postingSimilarity(print(ats), print(board));
    expect(s.title).toBe(1);
    expect(s.description).toBeGreaterThan(0.6);
  });

  it('matches a repost with a paragraph reworded', () => {
    const rng = createRng(11);
    const text = rewordParagraph(rng, DESCRIPTION, []);
    expect(text).not.toBe(DESCRIPTION);
    const board = {
      ...ats,
      title: 'Senior Backend Engineer (m/w/d) - Berlin',
      descriptionText: text,
    };
    expect(isNearDuplicate(print(ats), print(board))).toBe(true);
  });

  it('matches a title a board shortened or gave a team', () => {
    const team = { ...ats, title: 'Senior Backend Engineer, Payments' };
    expect(isNearDuplicate(print(ats), print(team))).toBe(true);
  });

  it('does not match the same title and text at another company', () => {
    const other = {
      ...ats,
      company: 'Globex',
      descriptionText: DESCRIPTION.replace(/Acme/g, 'Globex'),
    };
    expect(isNearDuplicate(print(ats), print(other))).toBe(false);
    expect(postingSimilarity(print(ats), print(other)).sameCompany).toBe(false);
  });

  it('does not match another role at the same company, even with the same text', () => {
    const frontend = {
      ...ats,
      title: 'Senior Frontend Engineer',
      descriptionText: OTHER_DESCRIPTION,
    };
    expect(isNearDuplicate(print(ats), print(frontend))).toBe(false);
    const sameText = { ...ats, title: 'Senior Frontend Engineer' };
    expect(isNearDuplicate(print(ats), print(sameText))).toBe(false);
  });

  it('does not match another level of the same role, even with the same text', () => {
    for (const title of [
      'Staff Backend Engineer',
      'Backend Engineer',
      'Lead Backend Engineer',
      'Senior Backend Engineer II',
    ]) {
      expect(isNearDuplicate(print(ats), print({ ...ats, title })), title).toBe(false);
    }
    expect(titleLevel('senior staff backend engineer')).toBe('senior staff');
  });

  it('does not match the same title with a different description', () => {
    const other = { ...ats, descriptionText: OTHER_DESCRIPTION };
    expect(isNearDuplicate(print(ats), print(other))).toBe(false);
  });

  it('takes thresholds', () => {
    const rng = createRng(2);
    const text = rewordParagraph(rng, addBoilerplate(rng, DESCRIPTION, []), []);
    const board = { ...ats, descriptionText: text };
    const estimate = postingSimilarity(print(ats), print(board)).description;
    expect(isNearDuplicate(print(ats), print(board), { title: 0.5, description: estimate })).toBe(
      true,
    );
    expect(
      isNearDuplicate(print(ats), print(board), { title: 0.5, description: estimate + 0.01 }),
    ).toBe(false);
  });
});

describe('Fingerprinter', () => {
  const fingerprinter = new Fingerprinter();
  const source = { company: 'Acme', title: 'Backend Engineer', descriptionText: DESCRIPTION };

  it('canonicalizes the URL it is given', () => {
    const print = fingerprinter.fingerprint({
      ...source,
      url: 'HTTPS://Jobs.Example.com/a/?utm_source=x',
    });
    expect(print.url).toBe('https://jobs.example.com/a');
  });

  it('takes a canonical URL as is, and falls back to the URL when it is null', () => {
    const given = fingerprinter.fingerprint({
      ...source,
      canonicalUrl: 'https://jobs.example.com/canonical',
      url: 'https://jobs.example.com/other',
    });
    expect(given.url).toBe('https://jobs.example.com/canonical');
    const fallback = fingerprinter.fingerprint({
      ...source,
      canonicalUrl: null,
      url: 'HTTPS://Jobs.Example.com/other/',
    });
    expect(fallback.url).toBe('https://jobs.example.com/other');
  });
});

describe('linkedUrls', () => {
  it('finds canonical URLs in text, trailing punctuation off', () => {
    expect(
      linkedUrls(
        'Full description: https://jobs.lever.co/acme/123?utm_source=hn. Or https://acme.example.com/careers).',
      ),
    ).toEqual(['https://jobs.lever.co/acme/123', 'https://acme.example.com/careers']);
    expect(linkedUrls('no links here')).toEqual([]);
  });
});

describe('DuplicateDetector', () => {
  it('links a repost to the canonical posting, and a third copy to the first', () => {
    const detector = new DuplicateDetector();
    const first = print(ats);
    expect(detector.find(first)).toBeNull();
    detector.add('job-1', first);
    detector.add(
      'job-2',
      print({ ...ats, title: 'Senior Frontend Engineer', descriptionText: OTHER_DESCRIPTION }),
    );

    const second = print({ ...ats, company: 'Acme GmbH', title: 'Sr Backend Engineer' });
    expect(detector.find(second)).toMatchObject({ id: 'job-1', reason: 'near-duplicate' });
    const third = print({ ...ats, title: 'Senior Backend Engineer | Remote' });
    expect(detector.find(third)?.id).toBe('job-1');
    expect(detector.size).toBe(2);
    expect(detector.stats.queries).toBe(3);
  });

  it('prefers the most similar of several candidates', () => {
    const detector = new DuplicateDetector();
    const rng = createRng(8);
    const edited = rewordParagraph(rng, addBoilerplate(rng, DESCRIPTION, []), []);
    detector.add('looser', print({ ...ats, descriptionText: edited }));
    detector.add('closer', print({ ...ats, descriptionText: `${DESCRIPTION}\n\nApply today.` }));
    expect(detector.find(print(ats))?.id).toBe('closer');
  });

  it('links a short board post to the ATS posting it links, whatever its text', () => {
    const detector = new DuplicateDetector();
    const lever = print({ ...ats, url: 'https://jobs.lever.co/acme/abc-123' });
    detector.add('lever', lever);
    const hn = print({
      company: 'Acme',
      title: 'Senior Backend Engineer',
      descriptionText:
        'Acme | Senior Backend Engineer | Remote (EU)\n\nWe are rebuilding billing. Full description: https://jobs.lever.co/acme/abc-123?utm_source=hn',
      url: 'https://news.ycombinator.com/item?id=1',
    });
    expect(postingSimilarity(lever, hn).description).toBeLessThan(0.5);
    expect(detector.find(hn)).toMatchObject({ id: 'lever', reason: 'linked' });

    // The other way round: the board post is indexed first, the ATS posting arrives later.
    const reversed = new DuplicateDetector();
    reversed.add('hn', hn);
    expect(reversed.find(lever)).toMatchObject({ id: 'hn', reason: 'linked' });

    // A link does not merge another role or another company.
    const otherRole = print({
      ...ats,
      title: 'Data Analyst',
      url: 'https://jobs.lever.co/acme/abc-123',
    });
    expect(detector.find(otherRole)).toBeNull();
  });

  it('does not link two postings that only link the same page', () => {
    const detector = new DuplicateDetector();
    const careers = 'Apply: https://acme.example.com/careers';
    detector.add(
      'hn-1',
      print({
        ...ats,
        descriptionText: `We build billing. ${careers}`,
        url: 'https://news.ycombinator.com/item?id=1',
      }),
    );
    const other = print({
      ...ats,
      descriptionText: `Totally different words about payroll. ${careers}`,
      url: 'https://news.ycombinator.com/item?id=2',
    });
    expect(detector.find(other)).toBeNull();
    expect(detector.stats.candidates).toBe(0);
  });

  it('forgets deleted postings', () => {
    const detector = new DuplicateDetector();
    detector.add('job-1', print({ ...ats, url: 'https://acme.example.com/jobs/1' }));
    detector.delete('job-1');
    detector.delete('job-1');
    expect(detector.has('job-1')).toBe(false);
    expect(detector.find(print({ ...ats, url: 'https://acme.example.com/jobs/1' }))).toBeNull();
  });
});
