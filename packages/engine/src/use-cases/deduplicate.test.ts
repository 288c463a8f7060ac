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
import { openEngine, type OpenEngine } from '../open-engine.js';
import { loadDeduplicator } from './deduplicate.js';
import { ingestJobs } from './ingest-jobs.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const PARAGRAPHS = [
  'Nordlicht Freight is replacing its nightly batch billing with an event-driven pipeline.',
  'You will design the Kafka topics, write the Node.js consumers in TypeScript, and own PostgreSQL schema changes.',
  'We need 5+ years building backend services, strong SQL, and experience running services on AWS.',
  'Nice to have: Terraform, observability with OpenTelemetry, and a habit of writing things down.',
];

function posting(
  sourceType: string,
  externalId: string,
  overrides: Partial<JobInputDraft> = {},
): JobInputDraft {
  return {
    sourceType,
    sourceId: `${sourceType}:nordlicht`,
    externalId,
    url: `https://${sourceType}.example/jobs/${externalId}`,
    title: 'Senior Backend Engineer',
    company: 'Nordlicht Freight',
    location: 'Remote (EU)',
    descriptionHtml: '',
    descriptionText: PARAGRAPHS.join('\n\n'),
    postedAt: NOW.toISOString(),
    fetchedAt: NOW.toISOString(),
    raw: {},
    ...overrides,
  };
}

let engine: OpenEngine;
beforeAll(async () => {
  engine = await openEngine(
    loadConfig({ env: { APPLYDESK_HOME: mkdtempSync(join(tmpdir(), 'applydesk-dedupe-')) } }),
    { now: () => NOW },
  );
});
afterAll(() => engine.close());

describe('loadDeduplicator', () => {
  it('signs anew postings stored with a signature of an older kind, and finds their reposts', async () => {
    const fingerprinter = new Fingerprinter();
    const original = prepareJob(posting('greenhouse', 'g1'));
    const other = prepareJob(
      posting('greenhouse', 'g2', {
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

    const dedupe = await loadDeduplicator(engine);

    const signatureOf = async (jobId: string): Promise<string | undefined> =>
      (await engine.store.jobs.listDedupeCandidates(print.key)).find((c) => c.id === jobId)
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
    const repost = posting('remotive', 'r1', {
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

    // Signed now: loading again rewrites nothing and indexes the same postings.
    const again = await loadDeduplicator(engine);
    expect(await signatureOf(id)).toBe(resigned);
    expect(again.detector.size).toBe(dedupe.detector.size);
  });
});
