import {
  MemoryConditionalCache,
  type ConditionalCache,
  type ConditionalEntry,
} from '@applydesk/sources';
import type { HttpCacheEntry, Store } from '@applydesk/store';

/**
 * The polite client's conditional-GET cache, kept in the store per source: before a source
 * runs its entries are loaded, and what the run learned is written back after it. A restarted
 * ApplyDesk then still sends If-None-Match / If-Modified-Since instead of downloading a whole
 * board again.
 */
export class PersistentConditionalCache implements ConditionalCache {
  readonly #memory = new MemoryConditionalCache();
  #changed = new Map<string, ConditionalEntry>();

  constructor(private readonly store: Store) {}

  get(url: string): ConditionalEntry | undefined {
    return this.#memory.get(url);
  }

  set(url: string, entry: ConditionalEntry): void {
    this.#memory.set(url, entry);
    this.#changed.set(url, entry);
  }

  /** Loads what the source's earlier runs stored. */
  async load(sourceId: string): Promise<void> {
    for (const entry of await this.store.httpCache.load(sourceId)) {
      this.#memory.set(entry.url, {
        body: entry.body,
        ...(entry.etag === null ? {} : { etag: entry.etag }),
        ...(entry.lastModified === null ? {} : { lastModified: entry.lastModified }),
      });
    }
  }

  /** Writes the entries set since the last save under the source that set them. */
  async save(sourceId: string): Promise<number> {
    const changed: HttpCacheEntry[] = [...this.#changed].map(([url, entry]) => ({
      url,
      etag: entry.etag ?? null,
      lastModified: entry.lastModified ?? null,
      body: entry.body,
    }));
    this.#changed = new Map();
    await this.store.httpCache.save(sourceId, changed);
    return changed.length;
  }
}
