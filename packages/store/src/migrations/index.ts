import { DomainError } from '@applydesk/domain';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Database } from '../db.js';
import type { Dialect } from '../repositories.js';
import { initialSchema } from './0001_initial.js';
import { provenanceSchema } from './0002_provenance.js';
import { sourceStateSchema } from './0003_source_state.js';
import { rankingSchema } from './0004_ranking.js';
import { llmSchema } from './0005_llm.js';
import { incrementalRankingSchema } from './0006_incremental_ranking.js';
import { apiTokensSchema } from './0007_api_tokens.js';
import { draftReviewSchema } from './0008_draft_review.js';
import { rebuildJobsTable } from './0009_jobs_layout.js';

export const MIGRATION_TABLE = 'kysely_migration';

interface Step {
  name: string;
  statements: (dialect: Dialect) => string[];
  /** A SQLite step that is more than statements in one transaction (a table rebuild). */
  sqlite?: (db: Kysely<Database>) => Promise<void>;
}

/** Every schema step this build knows, oldest first; names sort in apply order. */
const STEPS: readonly Step[] = [
  { name: '0001_initial', statements: initialSchema },
  { name: '0002_provenance', statements: provenanceSchema },
  { name: '0003_source_state', statements: sourceStateSchema },
  { name: '0004_ranking', statements: rankingSchema },
  { name: '0005_llm', statements: llmSchema },
  { name: '0006_incremental_ranking', statements: incrementalRankingSchema },
  { name: '0007_api_tokens', statements: apiTokensSchema },
  { name: '0008_draft_review', statements: draftReviewSchema },
  { name: '0009_jobs_layout', statements: () => [], sqlite: rebuildJobsTable },
];

export const KNOWN_MIGRATIONS: readonly string[] = STEPS.map((step) => step.name);

function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const out: Record<string, Migration> = {};
  for (const step of STEPS) {
    out[step.name] = {
      async up(db) {
        const own = step.sqlite;
        if (dialect === 'sqlite' && own !== undefined) return own(db as Kysely<Database>);
        // Kysely does not wrap SQLite migrations in a transaction (it assumes no
        // transactional DDL), but SQLite has it: a half-applied step must not survive.
        const run = async (conn: typeof db): Promise<void> => {
          for (const statement of step.statements(dialect)) await sql.raw(statement).execute(conn);
        };
        if (dialect === 'sqlite' && !db.isTransaction) await db.transaction().execute(run);
        else await run(db);
      },
    };
  }
  return out;
}

/** Names recorded in the migration table, or [] when the database is new. */
async function appliedMigrations(
  db: Kysely<Database>,
  dialect: Dialect,
  schema: string | undefined,
): Promise<string[]> {
  const exists =
    dialect === 'sqlite'
      ? await sql<{
          n: number;
        }>`select 1 as n from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(
          db,
        )
      : await sql<{ n: number }>`select 1 as n from information_schema.tables
          where table_schema = ${schema ?? 'public'} and table_name = ${MIGRATION_TABLE}`.execute(
          db,
        );
  if (exists.rows.length === 0) return [];
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((row) => row.name);
}

/**
 * Brings the schema up to date. Refuses, before touching anything, a database that a newer
 * ApplyDesk has migrated: running old code against a newer schema could corrupt data.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: Dialect,
  location: string,
  schema?: string,
): Promise<void> {
  const unknown = (await appliedMigrations(db, dialect, schema)).filter(
    (name) => !KNOWN_MIGRATIONS.includes(name),
  );
  const newest = unknown.at(-1);
  if (newest !== undefined) {
    throw new DomainError(
      'DATABASE_TOO_NEW',
      `the database at ${location} was written by a newer ApplyDesk (schema ${newest})`,
      {
        hint: 'upgrade ApplyDesk, or point APPLYDESK_HOME / DATABASE_URL at another database',
        details: { unknownMigrations: unknown, knownMigrations: KNOWN_MIGRATIONS },
      },
    );
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrationsFor(dialect)) },
    migrationTableName: MIGRATION_TABLE,
    // Kysely looks for its table in every schema unless told which one; tests run many
    // schemas side by side in one database.
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const reason =
      error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
    throw new DomainError(
      'INTERNAL',
      `migrating the database at ${location} failed${failed ? ` in ${failed}` : ''}: ${reason}`,
      {
        hint: 'the database was left at the last migration that succeeded; report this with the message above',
        cause: error,
      },
    );
  }
}

/** The newest migration recorded, as health() reports it. */
export async function currentSchemaVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('kysely_migration')
    .select('name')
    .orderBy('name', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.name ?? 'none';
}
