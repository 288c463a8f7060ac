import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isDomainError } from '@applydesk/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import { defineStoreConformance } from './test-support/conformance.js';
import { defineRankingConformance } from './test-support/ranking.conformance.js';
import { defineListingCacheConformance } from './test-support/listing-cache.conformance.js';
import { jobInput } from './test-support/fixtures.js';
import { schemaAt0001 } from './test-support/upgrade.js';
import { KNOWN_MIGRATIONS } from './migrations/index.js';

const url = process.env.DATABASE_URL;
const SKIP_REASON =
  'PostgreSQL conformance (skipped: set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)';
if (!url)
  console.warn(
    'store.pg.test.ts: DATABASE_URL is not set, so the PostgreSQL store tests are skipped',
  );

/** A schema of its own per run, so runs in parallel never see each other's rows. */
const schemas: string[] = [];
function newSchema(): string {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
}

async function dropSchemas(): Promise<void> {
  if (!url || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas.splice(0))
      await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

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

describe.skipIf(!url)(SKIP_REASON, () => {
  defineStoreConformance(
    'PostgreSQL conformance',
    () => openStore({ databaseUrl: url!, pgSchema: newSchema() }),
    dropSchemas,
  );

  defineListingCacheConformance(
    'PostgreSQL listing cache',
    async () => {
      const pgSchema = newSchema();
      return {
        store: await openStore({ databaseUrl: url!, pgSchema }),
        openSecond: () => openStore({ databaseUrl: url!, pgSchema }),
      };
    },
    dropSchemas,
  );

  defineRankingConformance(
    'PostgreSQL ranking conformance',
    () => openStore({ databaseUrl: url!, pgSchema: newSchema() }),
    dropSchemas,
  );

  describe('PostgreSQL specifics', () => {
    afterAll(dropSchemas);

    it('keeps everything in the given schema and reports where', async () => {
      const schema = newSchema();
      const store = await openStore({ databaseUrl: url!, pgSchema: schema });
      try {
        expect(store.dialect).toBe('postgres');
        expect(store.location).toContain(`(schema ${schema})`);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const tables = await client.query<{ table_name: string }>(
          'select table_name from information_schema.tables where table_schema = $1 order by table_name',
          [schema],
        );
        await client.end();
        expect(tables.rows.map((row) => row.table_name)).toEqual(
          expect.arrayContaining([
            'applications',
            'drafts',
            'events',
            'jobs',
            'kysely_migration',
            'matches',
            'profiles',
          ]),
        );
      } finally {
        await store.close();
      }
    });

    it('refuses a database migrated by a newer ApplyDesk, before migrating anything', async () => {
      const schema = newSchema();
      const first = await openStore({ databaseUrl: url!, pgSchema: schema });
      await first.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        `insert into ${schema}.kysely_migration (name, timestamp) values ($1, $2)`,
        ['0999_from_the_future', new Date().toISOString()],
      );
      await client.end();

      const error = await rejection(openStore({ databaseUrl: url!, pgSchema: schema }));
      expect(error.code).toBe('DATABASE_TOO_NEW');
      expect(error.message).toMatch(
        /^the database at postgres:\/\/.+ was written by a newer ApplyDesk \(schema 0999_from_the_future\)$/,
      );
      expect(error.hint).toMatch(/upgrade ApplyDesk/);
    });

    it('migrates a database written by 0001 forward, keeping its jobs', async () => {
      const schema = newSchema();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create schema ${schema}`);
        await client.query(`set search_path to ${schema}`);
        for (const statement of schemaAt0001('postgres')) await client.query(statement);
      } finally {
        await client.end();
      }

      const store = await openStore({ databaseUrl: url!, pgSchema: schema });
      try {
        expect((await store.health()).schemaVersion).toBe(KNOWN_MIGRATIONS.at(-1));
        expect((await store.jobs.get('job_OLD'))?.title).toBe('Old Engineer');
        const { job } = await store.jobs.upsert(
          jobInput({ sourceType: 'greenhouse', externalId: 'new-1', title: 'Old Engineer' }),
          'test',
        );
        await store.jobs.markDuplicate(job.id, 'job_OLD', 'test');
        const listed = await store.jobs.list({ sourceTypes: ['greenhouse'] });
        expect(listed.items.map((j) => j.id)).toEqual(['job_OLD']);
        expect((await store.jobs.provenance(job.id)).map((entry) => entry.jobId)).toEqual([
          'job_OLD',
          job.id,
        ]);
      } finally {
        await store.close();
      }
    });

    it('reports an unreachable server as DATABASE_UNAVAILABLE without the password', async () => {
      const target = new URL(url!);
      target.password = 's3cret-pa55word';
      target.hostname = '127.0.0.1';
      target.port = '1';
      const error = await rejection(
        openStore({ databaseUrl: target.toString(), pgSchema: newSchema() }),
      );
      expect(error.code).toBe('DATABASE_UNAVAILABLE');
      expect(error.message).toMatch(/^cannot reach PostgreSQL at 127\.0\.0\.1:1\/\S+: .+/);
      expect(error.message).not.toContain('s3cret-pa55word');
      expect(JSON.stringify(error)).not.toContain('s3cret-pa55word');
      expect(error.hint).toBe('start PostgreSQL or fix DATABASE_URL');
    });

    it('reports an unknown database as DATABASE_UNAVAILABLE', async () => {
      const target = new URL(url!);
      target.pathname = `/no_such_db_${randomBytes(3).toString('hex')}`;
      const error = await rejection(openStore({ databaseUrl: target.toString() }));
      expect(error.code).toBe('DATABASE_UNAVAILABLE');
      expect(error.message).toContain(target.pathname.slice(1));
    });
  });
});
