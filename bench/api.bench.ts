/**
 * HTTP benchmark of `GET /api/jobs`: a text query, a score filter and a page, over N stored,
 * ranked postings (default 100,000; BENCH_API_SIZE overrides), under 32 concurrent keep-alive
 * connections from autocannon, 2 s warm-up then 10 s measured, on SQLite and on PostgreSQL
 * (DATABASE_URL, in a fresh schema dropped afterwards; skipped when unset). Cases:
 * - page 3 by number: `?q=typescript&min_score=40&limit=20&page=3`;
 * - page 2 by the cursor page 1 returned;
 * - every page of the listing in turn, so pages are also read from the database, not only
 *   from the listing cache.
 * Also the time of page 1 alone on an idle server. The server is the real app (createApp on
 * the engine context, startServer) on 127.0.0.1 port 0 with the default settings, except
 * that the cases under load raise the per-address rate limit: every autocannon connection
 * comes from 127.0.0.1, so all would share one bucket of 600 a minute. It runs in a child
 * process, a fresh one per case, so the load generator does not share its event loop; its
 * request log (default level) goes to /dev/null.
 * BENCH_API_SEEDED=<file> starts the SQLite cases from a copy of a file an earlier run seeded
 * (kept with BENCH_API_KEEP=<file>), to measure changes to the server without reseeding.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig, type AppConfig } from '@applydesk/config';
import {
  engineSettings,
  rankJobs,
  sampleProfile,
  saveProfile,
  type EngineContext,
} from '@applydesk/engine';
import { createApp, createLogger, startServer } from '@applydesk/server';
import { openStore, type Store } from '@applydesk/store';
import { scaledPostings } from './scaled-postings.js';

const SIZE = Number(process.env.BENCH_API_SIZE ?? 100_000);
const CONNECTIONS = 32;
const WARMUP_S = 2;
const DURATION_S = 10;
const QUERY = 'q=typescript&min_score=40&limit=20';
const NOW = new Date('2026-11-20T12:00:00Z');

/** Where the child's store is: a SQLite file, or a PostgreSQL schema. */
type StoreAt = { sqlitePath: string } | { databaseUrl: string; pgSchema: string };
interface ServeRequest {
  home: string;
  at: StoreAt;
  requestsPerMinute?: number;
}

/** The context openEngine builds from a config, but on a store opened here (it has no schema option). */
function engineContext(config: AppConfig, store: Store): EngineContext {
  return {
    store,
    settings: engineSettings(config),
    sources: { entries: config.sources, secret: config.secret, http: config.http },
    now: () => NOW,
  };
}

/** Default config in a throwaway home; `APPLYDESK_*` of this shell are not read. */
function defaultConfig(home: string): AppConfig {
  return loadConfig({ env: { APPLYDESK_HOME: home } });
}

/** Loads N postings and the demo profile, then ranks them all once. */
async function seed(home: string, at: StoreAt): Promise<{ seedMs: number }> {
  const start = performance.now();
  const store = await openStore(at);
  try {
    const ctx = engineContext(defaultConfig(home), store);
    await saveProfile(ctx, sampleProfile(), 'bench');
    const all = scaledPostings(SIZE, 0, NOW);
    for (let i = 0; i < all.length; i += 5000)
      await store.jobs.upsertMany(all.slice(i, i + 5000), 'bench');
    await rankJobs(ctx, { actor: 'bench' });
  } finally {
    await store.close();
  }
  // What autovacuum does within a minute of a bulk load (table statistics, the visibility map
  // for index-only scans); measuring straight after the load would time its absence instead.
  if ('databaseUrl' in at) {
    const client = new pg.Client({
      connectionString: at.databaseUrl,
      options: `-c search_path=${at.pgSchema}`,
    });
    await client.connect();
    await client
      .query('vacuum analyze jobs, matches, applications, job_features')
      .finally(() => client.end());
  }
  return { seedMs: Math.round(performance.now() - start) };
}

/** Child side: serves the app until the parent kills it. */
async function serve(request: ServeRequest): Promise<void> {
  const config = defaultConfig(request.home);
  const store = await openStore(request.at);
  const server =
    request.requestsPerMinute === undefined
      ? config.server
      : { ...config.server, rateLimit: { requestsPerMinute: request.requestsPerMinute } };
  const logger = createLogger(config.log.level);
  const app = createApp({ ctx: engineContext(config, store), logger, server });
  const running = await startServer(app, { host: server.host, port: 0, logger });
  process.send?.({ url: running.url });
}

/** Forks this file as the server; resolves with its URL and a stop function. */
async function spawnServer(
  request: ServeRequest,
): Promise<{ url: string; stop: () => Promise<void> }> {
  // stdout ignored: the server's request log costs it what it would in use, but is not kept.
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_API_SERVE: JSON.stringify(request) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${String(code)}`)));
  });
  return {
    url,
    // Killed, not closed: requests the clients gave up on stay queued behind the synchronous
    // store, and draining them can take minutes.
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Paths to ask for: one, or a rotation every connection walks through. */
type Paths = string | readonly string[];

async function load(base: string, paths: Paths, duration: number): Promise<autocannon.Result> {
  if (typeof paths === 'string')
    return autocannon({
      url: `${base}${paths}`,
      connections: CONNECTIONS,
      duration,
      pipelining: 1,
    });
  let next = 0;
  const rotation = paths;
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    pipelining: 1,
    requests: [
      {
        setupRequest: (request) => {
          request.path = rotation[next++ % rotation.length] ?? '/';
          return request;
        },
      },
    ],
  });
}

/** Warm-up run (discarded), then the measured run; autocannon's own fields. */
async function measure(base: string, paths: Paths): Promise<Record<string, unknown>> {
  await load(base, paths, WARMUP_S);
  const r = await load(base, paths, DURATION_S);
  return {
    requests_per_s: r.requests.average,
    latency_ms: {
      p50: r.latency.p50,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      max: r.latency.max,
    },
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non_2xx: r.non2xx,
    status_codes: Object.fromEntries(
      Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
    ),
  };
}

/** A case on a fresh server process, so one case's leftover queue does not slow the next. */
async function serveAndMeasure(home: string, at: StoreAt, paths: Paths) {
  // Raised far past what 32 connections can send, so the cases measure the endpoint, not the
  // 600-a-minute default that every connection from 127.0.0.1 shares.
  const server = await spawnServer({ home, at, requestsPerMinute: 1_000_000_000 });
  try {
    return await measure(server.url, paths);
  } finally {
    await server.stop();
  }
}

/** One store: seed, page 1 for its cursor (timed, idle server), then each case under load. */
async function benchStoreAt(home: string, at: StoreAt): Promise<Record<string, unknown>> {
  const seeded = process.env.BENCH_API_SEEDED;
  const keep = process.env.BENCH_API_KEEP;
  let seedMs: number | null = null;
  if ('sqlitePath' in at && seeded !== undefined) copyFileSync(seeded, at.sqlitePath);
  else ({ seedMs } = await seed(home, at));
  if ('sqlitePath' in at && keep !== undefined) copyFileSync(at.sqlitePath, keep);
  const server = await spawnServer({ home, at });
  let first: { total_count: number; next_cursor: string | null };
  let page1Ms: number;
  try {
    const start = performance.now();
    const res = await fetch(`${server.url}/api/jobs?${QUERY}`);
    if (!res.ok) throw new Error(`GET /api/jobs answered ${res.status}: ${await res.text()}`);
    first = (await res.json()) as typeof first;
    page1Ms = Math.round(performance.now() - start);
  } finally {
    await server.stop();
  }
  if (first.next_cursor === null) throw new Error('page 1 has no next cursor: too few matches');
  const cursor = encodeURIComponent(first.next_cursor);
  return {
    seed_ms: seedMs,
    matching_postings: first.total_count,
    page_1_single_request_ms: page1Ms,
    page_3: await serveAndMeasure(home, at, `/api/jobs?${QUERY}&page=3`),
    cursor_page_2: await serveAndMeasure(home, at, `/api/jobs?${QUERY}&cursor=${cursor}`),
    // Every page of the listing in turn (as many readers paging through it would ask), so
    // most pages are read from the database at least once per run, not only from memory.
    pages_1_to_n: await serveAndMeasure(
      home,
      at,
      Array.from(
        { length: Math.ceil(first.total_count / 20) },
        (_, i) => `/api/jobs?${QUERY}&page=${i + 1}`,
      ),
    ),
  };
}

export async function benchApi(): Promise<Record<string, unknown>> {
  const home = mkdtempSync(join(tmpdir(), 'applydesk-bench-api-'));
  const out: Record<string, unknown> = {
    postings: SIZE,
    connections: CONNECTIONS,
    warmup_s: WARMUP_S,
    duration_s: DURATION_S,
    query: `GET /api/jobs?${QUERY}&page=3 (and &cursor=<page 1's next_cursor>; and pages 1 to the last in turn)`,
    server: 'real app in a child process, 127.0.0.1 port 0, default settings (loopback, no auth)',
    target: 'SQLite: at least 3,000 requests/s and p99 under 25 ms',
  };
  try {
    out['sqlite'] = await benchStoreAt(home, { sqlitePath: join(home, 'api.sqlite') });
    const url = process.env.DATABASE_URL;
    if (url === undefined || url === '') {
      out['postgres'] = { skipped: 'DATABASE_URL is not set' };
    } else {
      const pgSchema = `bench_api_${randomBytes(6).toString('hex')}`;
      try {
        out['postgres'] = await benchStoreAt(home, { databaseUrl: url, pgSchema });
      } finally {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists ${pgSchema} cascade`).finally(() => client.end());
      }
    }
    return out;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const serving = process.env.BENCH_API_SERVE;
  if (serving !== undefined) await serve(JSON.parse(serving) as ServeRequest);
  else console.log(JSON.stringify(await benchApi(), null, 2));
}
