import { DomainError } from '@applydesk/domain';
import type { Kysely } from 'kysely';
import { createCodec } from './codec.js';
import type { Database } from './db.js';
import { ListingCache } from './listing-cache.js';
import { migrateToLatest } from './migrations/index.js';
import { openPostgres } from './postgres.js';
import type { Store } from './repositories.js';
import { openSqlite } from './sqlite.js';
import { createStore } from './store.js';

export interface OpenStoreOptions {
  /** SQLite file, used when no databaseUrl is given; its directory must exist. */
  sqlitePath?: string;
  /** postgres:// URL; wins over sqlitePath. */
  databaseUrl?: string;
  /** PostgreSQL schema to create if missing and keep everything in (default: the server's search_path). */
  pgSchema?: string;
}

/**
 * Opens the database named by the options, applies pending migrations, and returns the
 * store. Throws DomainError DATABASE_DIRECTORY_MISSING, DATABASE_UNAVAILABLE or
 * DATABASE_TOO_NEW with a hint the user can act on.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    const { db, location, schema } = await openPostgres(options.databaseUrl, options.pgSchema);
    await migrateOrClose(db, 'postgres', location, schema);
    return createStore({
      db,
      dialect: 'postgres',
      codec: createCodec('postgres'),
      location,
      listings: new ListingCache(),
    });
  }
  if (options.sqlitePath === undefined || options.sqlitePath === '') {
    throw new DomainError(
      'CONFIG_INVALID',
      'no database configured: give a SQLite path or a PostgreSQL URL',
      {
        hint: 'set database.path in the config, or DATABASE_URL',
      },
    );
  }
  const { db, location } = openSqlite(options.sqlitePath);
  await migrateOrClose(db, 'sqlite', location);
  return createStore({
    db,
    dialect: 'sqlite',
    codec: createCodec('sqlite'),
    location,
    listings: new ListingCache(),
  });
}

async function migrateOrClose(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  location: string,
  schema?: string,
): Promise<void> {
  try {
    await migrateToLatest(db, dialect, location, schema);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}
