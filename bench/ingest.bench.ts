/**
 * Ingest benchmark: normalize (prepareJob) + dedupe (fingerprint, LSH, merge) + store, end to
 * end through `ingestJobs` on a fresh SQLite file, on generated sets with 20% near-duplicates
 * (reposts as another source would publish them) and 5% hard negatives. Reports postings/s,
 * the cost of each phase measured apart, how the cost per posting grows with the set, and the
 * near-duplicate precision and recall read back from the database. The machine is shared:
 * each run notes the load average it ran under.
 * BENCH_INGEST_SIZES overrides the sizes (comma-separated; default 25000,50000,100000).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  DEFAULT_WEIGHTS,
  DuplicateDetector,
  encodeSignature,
  Fingerprinter,
  prepareJob,
  type JobInputDraft,
} from '@applydesk/domain';
import { createDeduplicator, ingestJobs, type EngineContext } from '@applydesk/engine';
import { openStore, type JobUpsertInput } from '@applydesk/store';
import type { LabelledPosting } from '../packages/domain/src/dedupe/test-support/corpus.js';
import { CORPUS_NOW, dedupeCorpus, demoPostings } from './dedupe-corpus.js';

const SIZES = (process.env.BENCH_INGEST_SIZES ?? '25000,50000,100000')
  .split(',')
  .map((size) => Number(size.trim()));
const COMPANY_BLOCK = 2000;
/** Postings handed to ingestJobs at a time, as a source's pages would be. */
const PAGE = 1000;

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
/** The 1-minute load average: what else ran on the machine's cores meanwhile. */
const load = (): number => round(loadavg()[0] ?? 0);

/** The source each kind of posting comes from: a repost arrives from another board. */
const SOURCE_OF: Record<LabelledPosting['kind'], string> = {
  original: 'greenhouse',
  repost: 'lever',
  'other-company': 'ashby',
  'other-role': 'ashby',
  'other-level': 'ashby',
};

/** A labelled posting as a source adapter would hand it over: HTML paragraphs and lists. */
export function draftOf(posting: LabelledPosting, index: number): JobInputDraft {
  const html = posting.descriptionText
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n').filter((line) => line.trim() !== '');
      if (lines.length > 1 && lines.every((line) => /^\s*[-•*]\s/.test(line)))
        return `<ul>${lines.map((line) => `<li>${escape(line.replace(/^\s*[-•*]\s+/, ''))}</li>`).join('')}</ul>`;
      return `<p>${escape(lines.join(' '))}</p>`;
    })
    .join('\n');
  const sourceType = SOURCE_OF[posting.kind];
  return {
    sourceType,
    sourceId: `${sourceType}:bench`,
    externalId: posting.id,
    url: posting.url ?? `https://jobs.example.com/${sourceType}/${posting.id}`,
    title: posting.title,
    company: posting.company,
    location: index % 3 === 0 ? 'Remote' : 'Berlin, Germany',
    descriptionHtml: html,
    descriptionText: '',
    postedAt: new Date(CORPUS_NOW.getTime() - (index % 30) * 86_400_000).toISOString(),
    fetchedAt: CORPUS_NOW.toISOString(),
    // What the source sent, kept for re-normalizing later; small here, as a list API's item is.
    raw: { id: posting.id, title: posting.title, company: posting.company },
  };
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Precision and recall of the merges ingest wrote, read back from the database. */
function quality(path: string, corpus: readonly LabelledPosting[]) {
  const db = new BetterSqlite3(path, { readonly: true });
  const rows = db.prepare('select id, external_id, duplicate_of from jobs').all() as {
    id: string;
    external_id: string;
    duplicate_of: string | null;
  }[];
  db.close();
  const clusterOf = new Map(corpus.map((p) => [p.id, p.cluster]));
  const clusterById = new Map(rows.map((r) => [r.id, clusterOf.get(r.external_id)]));
  const seen = new Set<string>();
  let expected = 0;
  for (const posting of corpus) {
    if (seen.has(posting.cluster)) expected++;
    else seen.add(posting.cluster);
  }
  let predicted = 0;
  let correct = 0;
  for (const row of rows) {
    // The small run's reposts are not in the labelled set: they are measured apart.
    if (row.duplicate_of === null || !clusterOf.has(row.external_id)) continue;
    predicted++;
    if (clusterById.get(row.duplicate_of) === clusterOf.get(row.external_id)) correct++;
  }
  return {
    duplicates_expected: expected,
    duplicates_merged: predicted,
    correct,
    precision: round(predicted === 0 ? 1 : correct / predicted, 4),
    recall: round(expected === 0 ? 1 : correct / expected, 4),
  };
}

async function endToEnd(corpus: readonly LabelledPosting[]) {
  const drafts = corpus.map(draftOf);
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-ingest-bench-'));
  const path = join(dir, 'bench.sqlite');
  const store = await openStore({ sqlitePath: path });
  const ctx: EngineContext = {
    store,
    settings: { minMatchScore: 60, weights: DEFAULT_WEIGHTS, draftTop: 5 },
    now: () => CORPUS_NOW,
  };
  try {
    const started = performance.now();
    const dedupe = createDeduplicator();
    let created = 0;
    let duplicates = 0;
    let failed = 0;
    for (let i = 0; i < drafts.length; i += PAGE) {
      const result = await ingestJobs(ctx, drafts.slice(i, i + PAGE), { actor: 'bench', dedupe });
      created += result.created;
      duplicates += result.duplicates;
      failed += result.failed.length;
    }
    const seconds = (performance.now() - started) / 1000;
    const loadAfter = load();

    const again = performance.now();
    for (let i = 0; i < drafts.length; i += PAGE)
      await ingestJobs(ctx, drafts.slice(i, i + PAGE), { actor: 'bench', dedupe });
    const rerunSeconds = (performance.now() - again) / 1000;
    // A small later run on the full database (a capture, a board with a few new postings):
    // 100 reposts from another source, with a deduplicator of its own, as a run starts.
    const reposts = drafts.slice(0, 100).map((draft) => ({
      ...draft,
      sourceType: 'workable',
      sourceId: 'workable:bench',
      externalId: `${String(draft.externalId)}-again`,
    }));
    const small = performance.now();
    const smallRun = await ingestJobs(ctx, reposts, { actor: 'bench' });
    const smallSeconds = (performance.now() - small) / 1000;
    await store.close();
    return {
      postings: drafts.length,
      seconds: round(seconds),
      postings_per_s: Math.round(drafts.length / seconds),
      us_per_posting: round((seconds * 1e6) / drafts.length, 1),
      created,
      duplicates_merged: duplicates,
      failed,
      rerun_unchanged_seconds: round(rerunSeconds),
      rerun_postings_per_s: Math.round(drafts.length / rerunSeconds),
      small_run: {
        note: '100 reposts of stored roles from another source, fresh deduplicator',
        seconds: round(smallSeconds, 3),
        duplicates_merged: smallRun.duplicates,
      },
      quality: quality(path, corpus),
      load_average_1m: loadAfter,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The store alone: normalized, fingerprinted postings written as ingest writes them (pages of
 * 1,000 in one transaction each: rows, full-text index, indexes, events), with no
 * normalizing or dedupe around it: what the database costs per posting on this machine.
 */
async function storeAlone(
  jobs: readonly JobUpsertInput[],
): Promise<{ seconds: number; floor: ReturnType<typeof sqliteFloor> }> {
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-store-bench-'));
  const path = join(dir, 'bench.sqlite');
  const store = await openStore({ sqlitePath: path });
  try {
    const started = performance.now();
    for (let i = 0; i < jobs.length; i += PAGE) {
      const page = jobs.slice(i, i + PAGE);
      await store.transaction((tx) => tx.jobs.upsertBatch(page, 'bench'));
    }
    const seconds = (performance.now() - started) / 1000;
    await store.close();
    return { seconds, floor: sqliteFloor(path) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What SQLite itself needs on this machine, with no ApplyDesk code around it: the rows the
 * store wrote, read back and inserted again through one prepared statement in pages of 1,000
 * (the cheapest way better-sqlite3 offers), into a table of the same columns with no index,
 * then with the same FTS5 index, filled row by row or a page at a time. The lower bound of any store that
 * keeps postings searchable, before normalizing, dedupe, indexes or the event log.
 */
function sqliteFloor(written: string) {
  const source = new BetterSqlite3(written, { readonly: true });
  const rows = source.prepare('select * from jobs order by seq').all() as Record<string, unknown>[];
  source.close();
  const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'seq');
  const run = (fullText: 'none' | 'row by row' | 'page by page'): number => {
    const dir = mkdtempSync(join(tmpdir(), 'applydesk-floor-bench-'));
    const db = new BetterSqlite3(join(dir, 'floor.sqlite'));
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -32000');
      db.pragma('wal_autocheckpoint = 16384');
      db.exec(
        `create table jobs (seq integer primary key, ${columns.map((c) => `"${c}"`).join(', ')})`,
      );
      db.exec(
        "create virtual table jobs_fts using fts5(title, company, description_text, skills_text, content='jobs', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')",
      );
      const insert = db.prepare(
        `insert into jobs (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      const index = db.prepare(
        'insert into jobs_fts (rowid, title, company, description_text, skills_text) values (?, ?, ?, ?, ?)',
      );
      const indexPage = db.prepare(
        'insert into jobs_fts (rowid, title, company, description_text, skills_text) select seq, title, company, description_text, skills_text from jobs where seq > ?',
      );
      let indexed = 0;
      const started = performance.now();
      for (let i = 0; i < rows.length; i += PAGE) {
        db.transaction(() => {
          for (const row of rows.slice(i, i + PAGE)) {
            const { lastInsertRowid } = insert.run(columns.map((column) => row[column] ?? null));
            if (fullText === 'row by row')
              index.run(
                lastInsertRowid,
                row.title,
                row.company,
                row.description_text,
                row.skills_text,
              );
          }
          if (fullText === 'page by page') {
            indexPage.run(indexed);
            indexed = i + Math.min(PAGE, rows.length - i);
          }
        })();
      }
      return (performance.now() - started) / 1000;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const us = (seconds: number): number => round((seconds * 1e6) / Math.max(1, rows.length), 1);
  const rowsOnly = run('none');
  const rowByRow = run('row by row');
  const pageByPage = run('page by page');
  const withFullText = Math.min(rowByRow, pageByPage);
  return {
    note: 'the stored rows inserted again by SQLite alone: no index, then with the FTS5 index filled row by row and page by page; the cheaper of the two is the floor',
    rows_us_per_posting: us(rowsOnly),
    full_text_row_by_row_us_per_posting: us(rowByRow),
    full_text_page_by_page_us_per_posting: us(pageByPage),
    rows_and_full_text_us_per_posting: us(withFullText),
    rows_and_full_text_postings_per_s: Math.round(rows.length / withFullText),
  };
}

/** Each phase alone on the same drafts, to show where the time goes. */
async function phases(corpus: readonly LabelledPosting[]) {
  const drafts = corpus.map(draftOf);
  let started = performance.now();
  const prepared = drafts.map((draft) => prepareJob(draft));
  const prepareSeconds = (performance.now() - started) / 1000;
  const fingerprinter = new Fingerprinter();
  started = performance.now();
  const prints = prepared.map((job) =>
    fingerprinter.fingerprint({
      company: job.company,
      title: job.title,
      descriptionText: job.descriptionText,
      url: job.canonicalUrl ?? job.url,
    }),
  );
  const fingerprintSeconds = (performance.now() - started) / 1000;
  const detectSeconds = detect(prints, corpus).seconds;
  const { seconds: storeSeconds, floor } = await storeAlone(
    prepared.map((job, i) => {
      const print = prints[i]!;
      return { ...job, dedupeKey: print.key, dedupeSignature: encodeSignature(print.signature) };
    }),
  );
  const perSecond = (s: number) => Math.round(drafts.length / s);
  const us = (s: number) => round((s * 1e6) / drafts.length, 1);
  return {
    postings: drafts.length,
    load_average_1m: load(),
    normalize_prepare_job: {
      seconds: round(prepareSeconds),
      postings_per_s: perSecond(prepareSeconds),
      us_per_posting: us(prepareSeconds),
    },
    dedupe_fingerprint: {
      seconds: round(fingerprintSeconds),
      postings_per_s: perSecond(fingerprintSeconds),
      us_per_posting: us(fingerprintSeconds),
    },
    dedupe_detect: {
      note: 'LSH query, candidate checks and add, in memory',
      seconds: round(detectSeconds),
      postings_per_s: perSecond(detectSeconds),
      us_per_posting: us(detectSeconds),
    },
    store: {
      note: 'the prepared postings written in pages of 1,000, as ingest writes them (no merges)',
      seconds: round(storeSeconds),
      postings_per_s: perSecond(storeSeconds),
      us_per_posting: us(storeSeconds),
    },
    sqlite_floor: floor,
  };
}

/** Find, then add when new, as ingest does: the in-memory part of dedupe alone. */
function detect(
  prints: readonly ReturnType<Fingerprinter['fingerprint']>[],
  corpus: readonly LabelledPosting[],
) {
  const detector = new DuplicateDetector();
  const started = performance.now();
  prints.forEach((print, i) => {
    if (detector.find(print) === null) detector.add(corpus[i]!.id, print);
  });
  return {
    seconds: (performance.now() - started) / 1000,
    candidatesPerQuery: detector.stats.candidates / Math.max(1, detector.stats.queries),
  };
}

/**
 * How the dedupe cost per posting grows with the set: fingerprint and detection at each size,
 * and the end-to-end cost per posting relative to the smallest size (1 is linear growth).
 */
function growth(
  pool: readonly LabelledPosting[],
  runs: readonly { postings: number; us_per_posting: number }[],
) {
  const smallest = runs[0];
  const dedupe = SIZES.map((size) => {
    const corpus = dedupeCorpus(size, { pool, companyBlock: COMPANY_BLOCK });
    const fingerprinter = new Fingerprinter();
    const prints = corpus.map((posting) => fingerprinter.fingerprint(posting));
    const { seconds, candidatesPerQuery } = detect(prints, corpus);
    return {
      postings: size,
      detect_us_per_posting: round((seconds * 1e6) / size, 1),
      candidates_per_query: round(candidatesPerQuery, 3),
    };
  });
  return {
    note: 'per-posting cost by set size: flat means total cost grows linearly',
    end_to_end_us_per_posting_vs_smallest: runs.map((run) => ({
      postings: run.postings,
      ratio: smallest === undefined ? 1 : round(run.us_per_posting / smallest.us_per_posting),
    })),
    dedupe_detect: dedupe,
  };
}

/**
 * Pins this process (every thread: V8's compiler and GC helpers too) to one CPU for the
 * duration of `work`, so "postings per second on one core" is what is measured, then restores
 * the affinity it had. Where taskset is missing (not Linux), runs unpinned and says so.
 */
async function onOneCore<T>(work: () => Promise<T>): Promise<{ result: T; pinned: string }> {
  const pid = String(process.pid);
  let before: string;
  try {
    before = execFileSync('taskset', ['-p', pid], { encoding: 'utf8' }).trim().split(' ').pop()!;
    execFileSync('taskset', ['-a', '-p', '-c', '0', pid], { stdio: 'ignore' });
  } catch {
    return { result: await work(), pinned: 'no: taskset unavailable, all cores in use' };
  }
  try {
    return { result: await work(), pinned: 'yes: every thread on CPU 0 (taskset)' };
  } finally {
    execFileSync('taskset', ['-a', '-p', before, pid], { stdio: 'ignore' });
  }
}

export async function benchIngest(): Promise<object> {
  const largest = Math.max(...SIZES);
  const pool = demoPostings(Math.round(largest * 0.75 * 1.2));
  const runs: Awaited<ReturnType<typeof endToEnd>>[] = [];
  const phaseSet = dedupeCorpus(Math.min(largest, 20_000), { pool, companyBlock: COMPANY_BLOCK });
  const { result: phasesApart, pinned } = await onOneCore(async () => {
    for (const size of SIZES) {
      const corpus = dedupeCorpus(size, { pool, companyBlock: COMPANY_BLOCK });
      console.error(`ingest end to end at ${size}…`);
      runs.push(await endToEnd(corpus));
    }
    console.error('ingest phases…');
    return phases(phaseSet);
  });
  return {
    target: { postings_per_s: 20_000, note: 'normalize + dedupe + store on SQLite, one core' },
    one_core: pinned,
    set: {
      note: `20% reposts from another source (reworded, decorated, reordered), 5% hard negatives; companies renewed every ${COMPANY_BLOCK} postings; pages of ${PAGE}`,
    },
    end_to_end: runs,
    phases_apart: phasesApart,
    growth: growth(pool, runs),
  };
}
