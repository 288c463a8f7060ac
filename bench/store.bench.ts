/**
 * Store benchmark: insert N generated postings, re-ingest them unchanged, then time the
 * listing and search queries the API serves, on SQLite and on PostgreSQL.
 * BENCH_JOBS sets N (default 100000); DATABASE_URL picks the PostgreSQL server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { prepareJob, type JobInput } from '@applydesk/domain';
import { generateSamplePostings } from '@applydesk/engine';
import { openStore, type Store } from '@applydesk/store';
import { time, type Timing } from './stats.js';

const N = Number(process.env.BENCH_JOBS ?? 100_000);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHUNK = 1000;
const SEARCHES = [
  'typescript postgres',
  'react',
  'data analyst sql',
  'figma',
  'kubernetes aws',
  'python',
];

type Prepared = JobInput & { contentHash: string };

async function ingest(
  store: Store,
  jobs: Prepared[],
): Promise<{ seconds: number; jobs_per_s: number }> {
  const start = performance.now();
  for (let i = 0; i < jobs.length; i += CHUNK)
    await store.jobs.upsertMany(jobs.slice(i, i + CHUNK), 'bench');
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds: Math.round(seconds * 100) / 100,
    jobs_per_s: Math.round(jobs.length / seconds),
  };
}

async function queries(store: Store): Promise<Record<string, Timing>> {
  const firstPage = await store.jobs.list({ sort: 'posted', limit: 25 });
  return {
    list_first_page: await time(() => store.jobs.list({ sort: 'posted', limit: 25 })),
    list_filtered: await time(() =>
      store.jobs.list({
        remote: ['remote'],
        sourceTypes: ['upwork', 'greenhouse'],
        sort: 'posted',
        limit: 25,
      }),
    ),
    list_page_100: await time(() => store.jobs.list({ sort: 'posted', limit: 25, page: 100 })),
    list_next_cursor: await time(() =>
      store.jobs.list({
        sort: 'posted',
        limit: 25,
        ...(firstPage.nextCursor === null ? {} : { cursor: firstPage.nextCursor }),
      }),
    ),
    search: await time((i) =>
      store.jobs.list({ text: SEARCHES[i % SEARCHES.length]!, sort: 'relevance', limit: 25 }),
    ),
    search_filtered: await time((i) =>
      store.jobs.list({
        text: SEARCHES[i % SEARCHES.length]!,
        remote: ['remote'],
        sort: 'posted',
        limit: 25,
      }),
    ),
  };
}

async function benchDialect(open: () => Promise<Store>, jobs: Prepared[]) {
  const store = await open();
  try {
    const insert = await ingest(store, jobs);
    const reingest = await ingest(store, jobs);
    const count = await store.jobs.count();
    if (count !== jobs.length) throw new Error(`expected ${jobs.length} jobs, found ${count}`);
    return { insert, reingest_unchanged: reingest, queries: await queries(store) };
  } finally {
    await store.close();
  }
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function benchStore() {
  const now = new Date('2026-11-20T12:00:00Z');
  let started = performance.now();
  const drafts = generateSamplePostings({ now, count: N, seed: 7 });
  const generateSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const jobs = drafts.map((d) => prepareJob(d));
  const prepareSeconds = (performance.now() - started) / 1000;
  console.error(
    `generated ${N} postings in ${generateSeconds.toFixed(1)} s, prepared in ${prepareSeconds.toFixed(1)} s`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'applydesk-bench-'));
  console.error('sqlite…');
  const sqlite = await benchDialect(
    () => openStore({ sqlitePath: join(dir, 'bench.sqlite') }),
    jobs,
  );
  rmSync(dir, { recursive: true, force: true });

  const unreachable = await postgresReachable();
  let postgres: Awaited<ReturnType<typeof benchDialect>> | { skipped: string };
  if (unreachable === null) {
    console.error('postgres…');
    const schema = `bench_${process.pid}`;
    try {
      postgres = await benchDialect(
        () => openStore({ databaseUrl: PG_URL, pgSchema: schema }),
        jobs,
      );
    } finally {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  } else {
    postgres = { skipped: `PostgreSQL not reachable (${unreachable}); set DATABASE_URL` };
  }
  return {
    jobs: N,
    prepare_jobs_per_s: Math.round(N / prepareSeconds),
    sqlite,
    postgres,
  };
}
