import type { Codec } from './codec.js';
import type { Database, Db } from './db.js';
import type { Transaction } from 'kysely';
import type { ListingCache } from './listing-cache.js';
import type { Dialect } from './repositories.js';

/** What every repository runs against: a connection or a transaction, and its dialect. */
export interface StoreContext {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly codec: Codec;
  readonly location: string;
  /** Ordered listings kept while the data is unchanged; one per open store. */
  readonly listings?: ListingCache;
}

/**
 * Runs `work` in a transaction, reusing the current one when the context is already inside
 * one (Kysely refuses to nest `transaction()`), so repository methods compose.
 */
export async function withTx<T>(
  ctx: StoreContext,
  work: (tx: StoreContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx: Transaction<Database>) => work({ ...ctx, db: trx }));
}

/** Splits a list into runs of at most `size`, for multi-row statements under bind-parameter limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
