import pg from 'pg';
import { DomainError } from '@applydesk/domain';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './db.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const UNAVAILABLE_HINT = 'start PostgreSQL or fix DATABASE_URL';

interface Target {
  /** host:port/database, never the password. */
  address: string;
  location: string;
  password: string;
}

function describe(databaseUrl: string): Target {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new DomainError('DATABASE_UNAVAILABLE', 'DATABASE_URL is not a valid postgres:// URL', {
      hint: UNAVAILABLE_HINT,
    });
  }
  const host = url.hostname || 'localhost';
  const port = url.port || '5432';
  const user = decodeURIComponent(url.username);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || user || 'postgres';
  const address = `${host}:${port}/${database}`;
  return {
    address,
    location: `postgres://${user === '' ? '' : `${user}@`}${address}`,
    password: decodeURIComponent(url.password),
  };
}

/** One line saying why the connection failed, with the password masked should it appear. */
function reasonOf(error: unknown, password: string): string {
  let reason = 'unknown error';
  if (error instanceof Error) {
    // Node reports a refused dual-stack connect as an AggregateError with an empty message.
    const inner = error instanceof AggregateError ? (error.errors[0] as unknown) : undefined;
    const code = (error as { code?: unknown }).code;
    reason =
      error.message ||
      (inner instanceof Error ? inner.message : '') ||
      (typeof code === 'string' ? code : reason);
  } else if (typeof error === 'string') {
    reason = error;
  }
  reason = reason.split('\n')[0] ?? reason;
  return password === '' ? reason : reason.split(password).join('***');
}

export interface PostgresHandle {
  db: Kysely<Database>;
  location: string;
  /** The schema everything lives in (the given one, else the server's current schema). */
  schema: string;
}

/**
 * Connects a pool, checks that the server answers, and pins every pooled connection to
 * `schema` when one is given (tests isolate themselves that way).
 */
export async function openPostgres(databaseUrl: string, schema?: string): Promise<PostgresHandle> {
  const target = describe(databaseUrl);
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new DomainError('INVALID_INPUT', `PostgreSQL schema name "${schema}" is not allowed`, {
      hint: 'use lower-case letters, digits and underscores, starting with a letter or underscore',
    });
  }
  const location = schema === undefined ? target.location : `${target.location} (schema ${schema})`;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 10_000,
    // A startup parameter, so every connection the pool opens searches `schema` first.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its server emits 'error' on the pool; unhandled, that would crash
  // the process. The next query reports the failure to its caller instead.
  pool.on('error', () => undefined);

  let resolved: string;
  try {
    if (schema !== undefined) {
      try {
        await pool.query(`create schema if not exists ${schema}`);
      } catch (error) {
        // Two processes creating the schema at once: one loses the race with 23505; fine.
        if ((error as { code?: unknown }).code !== '23505') throw error;
      }
    }
    const result = await pool.query<{ schema: string | null }>('select current_schema() as schema');
    resolved = result.rows[0]?.schema ?? schema ?? 'public';
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DomainError(
      'DATABASE_UNAVAILABLE',
      `cannot reach PostgreSQL at ${target.address}: ${reasonOf(error, target.password)}`,
      {
        hint: UNAVAILABLE_HINT,
        details: { location },
      },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, location, schema: resolved };
}
