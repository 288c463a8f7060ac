import { sql } from 'kysely';
import type { StoreContext } from './context.js';
import { currentSchemaVersion } from './migrations/index.js';
import type { Dialect, Store } from './repositories.js';
import { SqlApplicationRepository } from './repositories/application.repository.js';
import { SqlDraftRepository } from './repositories/draft.repository.js';
import { SqlEventRepository } from './repositories/event.repository.js';
import { SqlJobRepository } from './repositories/job.repository.js';
import { SqlMatchRepository } from './repositories/match.repository.js';
import { SqlJobFeaturesRepository } from './repositories/job-features.repository.js';
import { SqlProfileRepository } from './repositories/profile.repository.js';
import { SqlHttpCacheRepository } from './repositories/http-cache.repository.js';
import { SqlSecretRepository } from './repositories/secret.repository.js';
import { SqlSourceRunRepository } from './repositories/source-run.repository.js';
import { SqlLlmCallRepository } from './repositories/llm-call.repository.js';
import { SqlLlmCacheRepository } from './repositories/llm-cache.repository.js';
import { SqlApiTokenRepository } from './repositories/api-token.repository.js';
import { SqlStatsRepository } from './repositories/stats.repository.js';

/** Each store's context, for test support that must reach below the repositories. */
const contexts = new WeakMap<Store, StoreContext>();

/**
 * Runs one raw SQL statement on the store's connection. Not exported from the package: the
 * conformance suite uses it to prove what the database itself enforces (append-only events).
 */
export async function executeRawForTests(store: Store, statement: string): Promise<void> {
  const ctx = contexts.get(store);
  if (ctx === undefined) throw new Error('not a store created by createStore');
  await sql.raw(statement).execute(ctx.db);
}

/**
 * The same store on the same connection without its listing cache: what the database itself
 * answers. Not exported from the package; the listing cache conformance compares the two.
 */
export function withoutListingCacheForTests(store: Store): Store {
  const ctx = contexts.get(store);
  if (ctx === undefined) throw new Error('not a store created by createStore');
  return createStore({
    db: ctx.db,
    dialect: ctx.dialect,
    codec: ctx.codec,
    location: ctx.location,
  });
}

/** A Store over a connection or a transaction; the same code serves both. */
export function createStore(ctx: StoreContext): Store {
  const store: Store = {
    dialect: ctx.dialect,
    location: ctx.location,
    jobs: new SqlJobRepository(ctx),
    profiles: new SqlProfileRepository(ctx),
    matches: new SqlMatchRepository(ctx),
    jobFeatures: new SqlJobFeaturesRepository(ctx),
    drafts: new SqlDraftRepository(ctx),
    applications: new SqlApplicationRepository(ctx),
    events: new SqlEventRepository(ctx),
    sourceRuns: new SqlSourceRunRepository(ctx),
    httpCache: new SqlHttpCacheRepository(ctx),
    secrets: new SqlSecretRepository(ctx),
    llmCalls: new SqlLlmCallRepository(ctx),
    llmCache: new SqlLlmCacheRepository(ctx),
    apiTokens: new SqlApiTokenRepository(ctx),
    stats: new SqlStatsRepository(ctx),

    async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
      // Inside a transaction already: reuse it, so nested calls commit or roll back together.
      if (ctx.db.isTransaction) return work(store);
      return ctx.db.transaction().execute((trx) => work(createStore({ ...ctx, db: trx })));
    },

    async health(): Promise<{ ok: boolean; dialect: Dialect; schemaVersion: string }> {
      try {
        await sql`select 1`.execute(ctx.db);
        return {
          ok: true,
          dialect: ctx.dialect,
          schemaVersion: await currentSchemaVersion(ctx.db),
        };
      } catch {
        return { ok: false, dialect: ctx.dialect, schemaVersion: 'unknown' };
      }
    },

    async close(): Promise<void> {
      // The root store owns the connection; a transaction's store has nothing of its own to close.
      if (ctx.db.isTransaction) return;
      await ctx.db.destroy();
    },
  };
  contexts.set(store, ctx);
  return store;
}
