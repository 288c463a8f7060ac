import { sql } from 'kysely';
import type { Db } from './db.js';
import type { Dialect } from './repositories.js';

/** A listing's postings in order: ids and the value each was sorted by. */
export interface OrderedKeys {
  readonly ids: readonly string[];
  readonly sortValues: readonly unknown[];
}

interface Entry extends OrderedKeys {
  readonly version: string;
  /** Position of each id, built on the first cursor lookup. */
  positions?: Map<string, number>;
  /** Rows of the pages served so far, as the caller built them, frozen. */
  readonly rows: Map<string, unknown>;
}

/** One listing as the cache holds it at one data version. */
export interface CachedListing extends OrderedKeys {
  /** Where an id stands in the listing, if it is in it. */
  position(id: string): number | undefined;
  /** A row remembered for this listing at this data version. */
  row(id: string): unknown;
  /** Remembers a row (frozen, as it is shared by every request for the listing). */
  remember(id: string, row: unknown): void;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export interface ListingCacheLimits {
  /** Listings kept (least recently used dropped first). */
  entries: number;
  /** Postings kept across all listings, to bound memory (about 100 bytes each). */
  keys: number;
  /** Rows of served pages kept across all listings (a few KB each: they carry descriptions). */
  rows: number;
}

const DEFAULT_LIMITS: ListingCacheLimits = { entries: 32, keys: 1_000_000, rows: 5000 };

/**
 * A token that changes whenever committed data may have changed. Read before a listing is
 * loaded, so what is cached under a token is never older than the token: a commit that lands
 * between the two reads is seen by the load and changes the token the next request reads.
 * - SQLite: `data_version` moves when another connection (the CLI ingesting while the server
 *   runs) commits; `total_changes()` counts this connection's own writes.
 * - PostgreSQL: the snapshot (xmin:xmax:in-progress list). Two equal snapshots see the same
 *   committed transactions, so the same rows; any commit in the cluster moves it.
 */
export async function readDataVersion(db: Db, dialect: Dialect): Promise<string> {
  if (dialect === 'sqlite') {
    const result = await sql<{
      version: number;
      changes: number;
    }>`select (select data_version from pragma_data_version) as version, total_changes() as changes`.execute(
      db,
    );
    const row = result.rows[0];
    return `${row?.version ?? ''}:${row?.changes ?? ''}`;
  }
  const result = await sql<{
    snapshot: string;
  }>`select pg_current_snapshot()::text as snapshot`.execute(db);
  return result.rows[0]?.snapshot ?? '';
}

/**
 * The ordered postings of recent listings, each valid while the data version it was loaded at
 * holds. A listing's count and its pages then come from one scan: paging through a text
 * search, or many clients polling the same inbox, stop re-running the full-text join and the
 * score sort for every page. Concurrent requests for the same listing share one load.
 */
export class ListingCache {
  readonly #entries = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<Entry>>();
  readonly #limits: ListingCacheLimits;
  #keys = 0;
  #rows = 0;
  /** The newest data version seen: listings loaded at any other are stale and dropped. */
  #version: string | null = null;

  constructor(limits: Partial<ListingCacheLimits> = {}) {
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** How many listings and postings are held, for tests and metrics. */
  get size(): { entries: number; keys: number; rows: number } {
    return { entries: this.#entries.size, keys: this.#keys, rows: this.#rows };
  }

  async get(
    key: string,
    version: string,
    load: () => Promise<OrderedKeys>,
  ): Promise<CachedListing> {
    const entry = await this.#entry(key, version, load);
    return {
      ids: entry.ids,
      sortValues: entry.sortValues,
      position: (id) => {
        entry.positions ??= new Map(entry.ids.map((value, index) => [value, index]));
        return entry.positions.get(id);
      },
      row: (id) => entry.rows.get(id),
      remember: (id, row) => {
        // Past the budget a page is read from the database again: correct, only slower.
        if (this.#rows >= this.#limits.rows || entry.rows.has(id)) return;
        if (this.#entries.get(key) !== entry) return;
        entry.rows.set(id, deepFreeze(row));
        this.#rows += 1;
      },
    };
  }

  async #entry(key: string, version: string, load: () => Promise<OrderedKeys>): Promise<Entry> {
    if (version !== this.#version) {
      this.#version = version;
      this.#entries.clear();
      this.#keys = 0;
      this.#rows = 0;
    }
    const cached = this.#entries.get(key);
    if (cached !== undefined && cached.version === version) {
      // Re-inserted so the map's order is least recently used first.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const flight = `${version}\u0000${key}`;
    const pending = this.#loading.get(flight);
    if (pending !== undefined) return pending;
    const loading = load()
      .then((keys) => {
        const entry: Entry = { ...keys, version, rows: new Map() };
        // Not kept when the data moved on while it loaded.
        if (version === this.#version) this.#store(key, entry);
        return entry;
      })
      .finally(() => this.#loading.delete(flight));
    this.#loading.set(flight, loading);
    return loading;
  }

  #store(key: string, entry: Entry): void {
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#entries.delete(key);
      this.#keys -= previous.ids.length;
      this.#rows -= previous.rows.size;
    }
    // A listing larger than the whole budget is served but not kept.
    if (entry.ids.length > this.#limits.keys) return;
    this.#entries.set(key, entry);
    this.#keys += entry.ids.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#entries.size <= this.#limits.entries && this.#keys <= this.#limits.keys) break;
      this.#entries.delete(oldest);
      this.#keys -= old.ids.length;
      this.#rows -= old.rows.size;
    }
  }
}
