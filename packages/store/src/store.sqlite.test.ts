import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { isDomainError } from '@applydesk/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import { defineStoreConformance } from './test-support/conformance.js';
import { defineRankingConformance } from './test-support/ranking.conformance.js';
import { defineListingCacheConformance } from './test-support/listing-cache.conformance.js';
import {
  draftInput,
  jobInput,
  matchOf,
  profileInput,
  uniqueSource,
} from './test-support/fixtures.js';
import { openSqlite } from './sqlite.js';
import { createCodec } from './codec.js';
import { dedupeCandidatesQuery } from './repositories/job.dedupe.js';
import { rebuildJobsTable } from './migrations/0009_jobs_layout.js';
import { sql } from 'kysely';
import { schemaAt0001 } from './test-support/upgrade.js';
import { KNOWN_MIGRATIONS } from './migrations/index.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-store-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; hint?: string }> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected openStore to fail');
}

defineStoreConformance('SQLite conformance', () =>
  openStore({ sqlitePath: join(tempDir(), 'applydesk.db') }),
);

defineListingCacheConformance('SQLite listing cache', async () => {
  const path = join(tempDir(), 'listing.db');
  return {
    store: await openStore({ sqlitePath: path }),
    openSecond: () => openStore({ sqlitePath: path }),
  };
});

defineRankingConformance('SQLite ranking conformance', () =>
  openStore({ sqlitePath: join(tempDir(), 'ranking.db') }),
);

describe('SQLite specifics', () => {
  it('turns on WAL, foreign keys and a busy timeout', async () => {
    const path = join(tempDir(), 'wal.db');
    const store = await openStore({ sqlitePath: path });
    await store.close();
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
    expect(store.location).toBe(path);
    expect(store.dialect).toBe('sqlite');
  });

  it('reports a missing directory as DATABASE_DIRECTORY_MISSING', async () => {
    const dir = join(tempDir(), 'does', 'not', 'exist');
    const error = await rejection(openStore({ sqlitePath: join(dir, 'applydesk.db') }));
    expect(error.code).toBe('DATABASE_DIRECTORY_MISSING');
    expect(error.message).toBe(`database directory ${dir} does not exist`);
    expect(error.hint).toMatch(/APPLYDESK_HOME/);
  });

  it('reports a file that is not a database as DATABASE_UNAVAILABLE, naming the path', async () => {
    const path = join(tempDir(), 'garbage.db');
    writeFileSync(
      path,
      'this is not a sqlite database, just some text that is long enough to have a header'.repeat(
        20,
      ),
    );
    const error = await rejection(openStore({ sqlitePath: path }));
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toContain(path);
    expect(error.message).not.toContain('\n');
    expect(error.hint).toBeTruthy();
  });

  it('refuses a database migrated by a newer ApplyDesk, before migrating anything', async () => {
    const path = join(tempDir(), 'newer.db');
    const first = await openStore({ sqlitePath: path });
    await first.close();
    const raw = new BetterSqlite3(path);
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('0999_from_the_future', new Date().toISOString());
    raw.close();

    const error = await rejection(openStore({ sqlitePath: path }));
    expect(error.code).toBe('DATABASE_TOO_NEW');
    expect(error.message).toBe(
      `the database at ${path} was written by a newer ApplyDesk (schema 0999_from_the_future)`,
    );
    expect(error.hint).toMatch(/upgrade ApplyDesk/);
  });

  it('keeps data across reopening and does not run migrations again', async () => {
    const path = join(tempDir(), 'reopen.db');
    const src = uniqueSource();
    const first = await openStore({ sqlitePath: path });
    const { job } = await first.jobs.upsert(
      jobInput({ sourceType: src, title: 'Persistent Engineer' }),
      'test',
    );
    await first.close();

    const raw = new BetterSqlite3(path, { readonly: true });
    const stamp = raw.prepare('select timestamp from kysely_migration').all();
    raw.close();

    const second = await openStore({ sqlitePath: path });
    expect((await second.jobs.get(job.id))?.title).toBe('Persistent Engineer');
    expect((await second.jobs.list({ sourceTypes: [src], text: 'persistent' })).totalCount).toBe(1);
    expect((await second.health()).schemaVersion).toBe(KNOWN_MIGRATIONS.at(-1));
    await second.close();

    const after = new BetterSqlite3(path, { readonly: true });
    expect(after.prepare('select timestamp from kysely_migration').all()).toEqual(stamp);
    after.close();
  });

  it('migrates a database written by 0001 forward, keeping its jobs', async () => {
    const path = join(tempDir(), 'upgrade.db');
    const raw = new BetterSqlite3(path);
    for (const statement of schemaAt0001('sqlite')) raw.prepare(statement).run();
    raw.close();

    const store = await openStore({ sqlitePath: path });
    expect((await store.health()).schemaVersion).toBe(KNOWN_MIGRATIONS.at(-1));
    expect((await store.jobs.get('job_OLD'))?.title).toBe('Old Engineer');
    const { job } = await store.jobs.upsert(
      jobInput({ sourceType: 'greenhouse', externalId: 'new-1', title: 'Old Engineer' }),
      'test',
    );
    await store.jobs.markDuplicate(job.id, 'job_OLD', 'test');
    expect((await store.jobs.list({ sourceTypes: ['greenhouse'] })).items.map((j) => j.id)).toEqual(
      ['job_OLD'],
    );
    expect((await store.jobs.provenance(job.id)).map((entry) => entry.jobId)).toEqual([
      'job_OLD',
      job.id,
    ]);
    await store.close();
  });

  it('rebuilds jobs with the wide columns last, keeping every posting and every row that points at one', async () => {
    const path = join(tempDir(), 'layout.db');
    let store = await openStore({ sqlitePath: path });
    const src = uniqueSource();
    const profile = await store.profiles.create(profileInput(uniqueSource('p')), 'test');
    const { job } = await store.jobs.upsert(
      jobInput({ sourceType: src, externalId: 'a', title: 'Haskell Wizard' }),
      'test',
    );
    const { job: copy } = await store.jobs.upsert(
      jobInput({ sourceType: src, externalId: 'b', title: 'Haskell Wizard' }),
      'test',
    );
    await store.jobs.markDuplicate(copy.id, job.id, 'test');
    await store.matches.upsertMany([matchOf(job.id, profile.id, 77)]);
    await store.applications.create(job.id, profile.id, 'test');
    const draft = await store.drafts.create(draftInput(job.id, profile.id), 'test');
    await store.close();

    // The rebuild again, on a populated table (a new database ran it while empty).
    const { db } = openSqlite(path);
    await rebuildJobsTable(db);
    const order = await sql<{ name: string }>`select name from pragma_table_info('jobs')`.execute(
      db,
    );
    expect(order.rows.map((row) => row.name).slice(-3)).toEqual([
      'description_text',
      'description_html',
      'raw',
    ]);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await db.destroy();

    store = await openStore({ sqlitePath: path });
    expect(await store.jobs.get(job.id)).toMatchObject({
      title: 'Haskell Wizard',
      raw: { id: 'a', nested: { ok: true } },
    });
    expect((await store.matches.get(job.id, profile.id))?.score).toBe(77);
    expect((await store.applications.getByJob(job.id, profile.id))?.stage).toBe('discovered');
    expect((await store.drafts.get(draft.id))?.jobId).toBe(job.id);
    expect((await store.jobs.provenance(copy.id)).map((entry) => entry.jobId)).toEqual([
      job.id,
      copy.id,
    ]);
    // The full-text index still finds the postings by their kept rowids, and keeps up.
    expect((await store.jobs.list({ sourceTypes: [src], text: 'haskell' })).totalCount).toBe(1);
    await store.jobs.upsert(
      jobInput({ sourceType: src, externalId: 'a', title: 'Erlang Wizard' }),
      'test',
    );
    expect((await store.jobs.list({ sourceTypes: [src], text: 'erlang' })).totalCount).toBe(1);
    // References are enforced again.
    await expect(
      store.matches.upsertMany([matchOf('job_missing', profile.id, 1)]),
    ).rejects.toThrow();
    await store.close();
  });

  it('keeps the full-text index in step with updates', async () => {
    const store = await openStore({ sqlitePath: join(tempDir(), 'fts.db') });
    const src = uniqueSource();
    await store.jobs.upsert(
      jobInput({ sourceType: src, externalId: 'f', title: 'Haskell Wizard' }),
      'test',
    );
    await store.jobs.upsert(
      jobInput({ sourceType: src, externalId: 'f', title: 'Erlang Wizard' }),
      'test',
    );
    expect((await store.jobs.list({ sourceTypes: [src], text: 'haskell' })).totalCount).toBe(0);
    expect((await store.jobs.list({ sourceTypes: [src], text: 'erlang' })).totalCount).toBe(1);
    await store.close();
  });

  it('looks dedupe candidates up by company key, not by reading every open canonical job', async () => {
    const path = join(tempDir(), 'candidates.db');
    await (await openStore({ sqlitePath: path })).close();
    const { db } = openSqlite(path);
    const ctx = { db, dialect: 'sqlite' as const, codec: createCodec('sqlite'), location: path };
    const { sql: text, parameters } = dedupeCandidatesQuery(ctx, ['acme', 'globex']).compile();
    const raw = new BetterSqlite3(path, { readonly: true });
    const plan = (
      raw.prepare(`explain query plan ${text}`).all(...parameters) as { detail: string }[]
    ).map((row) => row.detail);
    raw.close();
    await db.destroy();
    expect(plan.join(' | ')).toMatch(/USING INDEX jobs_dedupe_key_idx \(dedupe_key=\?\)/);
  });
});
