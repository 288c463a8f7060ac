import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@applydesk/config';
import {
  decodeSignature,
  encodeSignature,
  Fingerprinter,
  prepareJob,
  type JobInputDraft,
} from '@applydesk/domain';
import { openStore } from '@applydesk/store';
import { openEngine, type OpenEngine } from '../open-engine.js';
import { createDeduplicator, readCompanies } from './deduplicate.js';
import { ingestJobs } from './ingest-jobs.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const DESCRIPTION = [
  'Acme Robotics is replacing its nightly batch billing with an event-driven pipeline.',
  'You will design the Kafka topics, write the Node.js consumers in TypeScript, and own PostgreSQL schema changes.',
  'We need 5+ years building backend services, strong SQL, and experience running services on AWS.',
  'Nice to have: Terraform, observability with OpenTelemetry, and a habit of writing things down.',
].join('\n\n');

function posting(
  sourceType: string,
  externalId: string,
  overrides: Partial<JobInputDraft> = {},
): JobInputDraft {
  return {
    sourceType,
    sourceId: `${sourceType}:acme`,
    externalId,
    url: `https://${sourceType}.example/jobs/${externalId}`,
    title: 'Senior Backend Engineer',
    company: 'Acme Robotics',
    location: 'Remote (US)',
    descriptionHtml: '',
    descriptionText: DESCRIPTION,
    postedAt: NOW.toISOString(),
    fetchedAt: NOW.toISOString(),
    raw: {},
    ...overrides,
  };
}

let engine: OpenEngine;
beforeAll(async () => {
  engine = await openEngine(
    loadConfig({ env: { APPLYDESK_HOME: mkdtempSync(join(tmpdir(), 'applydesk-ingest-')) } }),
    { now: () => NOW },
  );
});
afterAll(() => engine.close());

describe('ingestJobs', () => {
  it('records an identical resend as seen, and still notices a change or a closed posting', async () => {
    // Its own company: these must not look like the roles the other tests merge.
    const own = {
      company: 'Resend Widgets',
      descriptionText: 'Widgets are made here. '.repeat(20),
    };
    const sent = [
      posting('resend', 'r1', own),
      posting('resend', 'r2', { ...own, title: 'Data Engineer' }),
    ];
    expect(await ingestJobs(engine, sent, { actor: 'test' })).toMatchObject({ created: 2 });
    const later = '2026-11-21T08:00:00.000Z';
    const again = sent.map((draft) => ({ ...draft, fetchedAt: later }));
    expect(await ingestJobs(engine, again, { actor: 'test' })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const stored = await engine.store.jobs.getByExternalId('resend', 'r1');
    expect(stored?.fetchedAt).toBe(later);

    const changed = [again[0]!, { ...again[1]!, title: 'Senior Data Engineer' }];
    expect(await ingestJobs(engine, changed, { actor: 'test' })).toMatchObject({
      updated: 1,
      unchanged: 1,
    });
    expect((await engine.store.jobs.getByExternalId('resend', 'r2'))?.title).toBe(
      'Senior Data Engineer',
    );

    // A posting the source had dropped (closed) and lists again reopens, even if sent identically.
    await engine.store.jobs.closeMissing('resend:acme', ['r2'], 'test');
    expect((await engine.store.jobs.getByExternalId('resend', 'r1'))?.status).toBe('closed');
    expect(await ingestJobs(engine, changed, { actor: 'test' })).toMatchObject({ updated: 1 });
    expect((await engine.store.jobs.getByExternalId('resend', 'r1'))?.status).toBe('open');
  });

  it('merges the same role from another source into the first, keeping both as provenance', async () => {
    const first = await ingestJobs(engine, [posting('greenhouse', 'gh-1')], { actor: 'test' });
    expect(first).toMatchObject({ created: 1, duplicates: 0 });
    const reworded = posting('remotive', 'rm-9', {
      title: 'Sr. Backend Engineer (Remote)',
      descriptionText: `${DESCRIPTION}\n\nApply through Remotive.`,
    });
    const second = await ingestJobs(engine, [reworded], { actor: 'test' });
    expect(second).toMatchObject({ created: 1, duplicates: 1 });

    const listed = await engine.store.jobs.list({ text: 'billing' });
    expect(listed.totalCount).toBe(1);
    const provenance = await engine.store.jobs.provenance(listed.items[0]!.id);
    expect(provenance.map((p) => p.sourceType).sort()).toEqual(['greenhouse', 'remotive']);

    const again = await ingestJobs(engine, [posting('greenhouse', 'gh-1'), reworded], {
      actor: 'test',
    });
    expect(again).toMatchObject({ created: 0, unchanged: 2, duplicates: 0 });
  });

  it('keeps a different role at the same company, and the same title at another company', async () => {
    const result = await ingestJobs(
      engine,
      [
        posting('lever', 'lv-2', {
          title: 'Senior Frontend Engineer',
          descriptionText:
            'Build our React design system and own accessibility across the product.',
        }),
        posting('lever', 'lv-3', { company: 'Globex', externalId: 'lv-3' }),
      ],
      { actor: 'test' },
    );
    expect(result).toMatchObject({ created: 2, duplicates: 0 });
  });

  it('reports a bad posting by id and stores the rest', async () => {
    const result = await ingestJobs(
      engine,
      [
        posting('lever', 'ok-1', { title: 'Data Engineer' }),
        posting('lever', 'bad-1', { url: 'not a url' }),
      ],
      { actor: 'test' },
    );
    expect(result.created).toBe(1);
    expect(result.failed).toEqual([
      expect.objectContaining({
        externalId: 'bad-1',
        reason: expect.stringContaining('job bad-1 from lever:acme') as unknown,
      }),
    ]);
  });
});

describe('markDuplicates (the merges ingest writes in bulk)', () => {
  it('leaves the store as markDuplicate one pair at a time would, with the same events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'applydesk-merges-'));
    const bulk = await openStore({ sqlitePath: join(dir, 'bulk.sqlite') });
    const single = await openStore({ sqlitePath: join(dir, 'single.sqlite') });
    try {
      // Jobs a..h, created in the same order in both stores, so ids map by external id.
      const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
      const ids = async (store: typeof bulk) => {
        const out = new Map<string, string>();
        for (const name of names) {
          const { job } = await store.jobs.upsert(
            prepareJob(posting('merge', name, { title: `Role ${name}` })),
            'test',
          );
          out.set(name, job.id);
        }
        return out;
      };
      const bulkIds = await ids(bulk);
      const singleIds = await ids(single);
      // Simple merges, a job that already has a duplicate (falls back), a canonical that is
      // itself a duplicate (followed to its root), a repeat (no change) and a job merged into
      // a job merged just before.
      const pairs: [string, string][] = [
        ['b', 'a'],
        ['c', 'a'],
        ['e', 'd'],
        ['d', 'f'],
        ['g', 'b'],
        ['c', 'a'],
        ['h', 'g'],
      ];
      const outcomes = await bulk.jobs.markDuplicates(
        pairs.map(([job, canonical]) => ({
          jobId: bulkIds.get(job)!,
          canonicalJobId: bulkIds.get(canonical)!,
        })),
        'test',
      );
      const expected = [];
      for (const [job, canonical] of pairs)
        expected.push(
          await single.jobs.markDuplicate(singleIds.get(job)!, singleIds.get(canonical)!, 'test'),
        );
      const nameOf = (map: Map<string, string>) => {
        const names = new Map([...map].map(([name, id]) => [id, name]));
        return (id: string | null | undefined) =>
          id === null || id === undefined ? null : (names.get(id) ?? id);
      };
      const [bulkName, singleName] = [nameOf(bulkIds), nameOf(singleIds)];
      expect(outcomes.map((o) => [bulkName(o.canonicalJobId), o.changed])).toEqual(
        expected.map((o) => [singleName(o.canonicalJobId), o.changed]),
      );
      const state = async (store: typeof bulk, map: Map<string, string>, name: typeof bulkName) =>
        Promise.all(
          names.map(async (n) => {
            const entries = await store.jobs.provenance(map.get(n)!);
            return entries.map((e) => [name(e.jobId), e.canonical]);
          }),
        );
      expect(await state(bulk, bulkIds, bulkName)).toEqual(
        await state(single, singleIds, singleName),
      );
      const merged = async (store: typeof bulk, name: typeof bulkName) =>
        (await store.events.list({ entityType: 'job', limit: 1000 }))
          .filter((event) => event.action === 'job.merged')
          .map((event) =>
            JSON.stringify(event.data, (_key, value: unknown) =>
              typeof value === 'string' ? name(value) : value,
            ),
          );
      expect(await merged(bulk, bulkName)).toEqual(await merged(single, singleName));
      expect(await bulk.jobs.markDuplicates([], 'test')).toEqual([]);
    } finally {
      await bulk.close();
      await single.close();
    }
  });
});

/** Another company's role, in paragraphs a repost can reword one at a time. */
const PARAGRAPHS = [
  'Nordlicht Freight is replacing its nightly batch billing with an event-driven pipeline.',
  'You will design the Kafka topics, write the Node.js consumers in TypeScript, and own PostgreSQL schema changes.',
  'We need 5+ years building backend services, strong SQL, and experience running services on AWS.',
  'Nice to have: Terraform, observability with OpenTelemetry, and a habit of writing things down.',
];

function nordlicht(
  sourceType: string,
  externalId: string,
  overrides: Partial<JobInputDraft> = {},
): JobInputDraft {
  return posting(sourceType, externalId, {
    sourceId: `${sourceType}:nordlicht`,
    company: 'Nordlicht Freight',
    location: 'Remote (EU)',
    descriptionText: PARAGRAPHS.join('\n\n'),
    ...overrides,
  });
}

describe('readCompanies', () => {
  it('signs anew postings stored with a signature of an older kind, and finds their reposts', async () => {
    const fingerprinter = new Fingerprinter();
    const original = prepareJob(nordlicht('greenhouse', 'g1'));
    const other = prepareJob(
      nordlicht('greenhouse', 'g2', {
        title: 'Data Engineer',
        descriptionText:
          'Build the warehouse.\n\nModel freight data in dbt and keep Airflow green.',
      }),
    );
    const print = fingerprinter.fingerprint(original);
    // What the 128-hash-function MinHash stored: same layout, the old tag.
    const oldKind = `mh1:${encodeSignature(print.signature).slice(4)}`;
    const stored = await engine.store.jobs.upsert(
      { ...original, dedupeKey: print.key, dedupeSignature: oldKind },
      'test',
    );
    // A corrupt value is signed anew the same way.
    const corrupt = await engine.store.jobs.upsert(
      { ...other, dedupeKey: print.key, dedupeSignature: 'mh2:not base64!' },
      'test',
    );
    const id = stored.job.id;

    const dedupe = createDeduplicator();
    await readCompanies(engine.store, dedupe, [print.key]);
    // Only the company asked for: the other tests' postings stay unread.
    expect(dedupe.detector.size).toBe(2);

    const signatureOf = async (jobId: string): Promise<string | undefined> =>
      (await engine.store.jobs.listDedupeCandidates([print.key])).find((c) => c.id === jobId)
        ?.signature;
    const resigned = await signatureOf(id);
    expect(resigned).toMatch(/^mh2:/);
    expect(decodeSignature(resigned!)).toEqual(print.signature);
    expect(await signatureOf(corrupt.job.id)).toBe(
      encodeSignature(fingerprinter.signature(other.descriptionText)),
    );
    expect(dedupe.detector.has(id)).toBe(true);
    expect(dedupe.detector.has(corrupt.job.id)).toBe(true);

    // The same role from a board: decorated title, one paragraph reworded.
    const repost = nordlicht('remotive', 'r1', {
      title: 'Sr. Backend Engineer (Remote)',
      descriptionText: [
        PARAGRAPHS[0],
        'You will shape the Kafka topics, write Node.js consumers in TypeScript, and own the PostgreSQL schema.',
        PARAGRAPHS[2],
        PARAGRAPHS[3],
      ].join('\n\n'),
    });
    expect(await ingestJobs(engine, [repost], { actor: 'test', dedupe })).toMatchObject({
      created: 1,
      duplicates: 1,
    });
    const provenance = await engine.store.jobs.provenance(id);
    expect(provenance.map((entry) => [entry.sourceType, entry.canonical])).toEqual([
      ['greenhouse', true],
      ['remotive', false],
    ]);

    // Signed now: reading again rewrites nothing and indexes the same postings.
    const again = createDeduplicator();
    await readCompanies(engine.store, again, [print.key, print.key]);
    expect(await signatureOf(id)).toBe(resigned);
    expect(again.detector.size).toBe(2);
  });

  it('is what ingest does on its own: a repost finds the stored role with a fresh deduplicator', async () => {
    const original = nordlicht('ashby', 'a1', { company: 'Nordlicht Logistics' });
    expect(await ingestJobs(engine, [original], { actor: 'test' })).toMatchObject({ created: 1 });
    const repost = nordlicht('lever', 'l1', {
      company: 'Nordlicht Logistics GmbH',
      title: 'Senior Backend Engineer (m/w/d)',
    });
    expect(await ingestJobs(engine, [repost], { actor: 'test' })).toMatchObject({
      created: 1,
      duplicates: 1,
    });
  });
});
