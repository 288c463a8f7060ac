/** What a source last sent for a URL, so the next GET can ask "has it changed?". */
export interface ConditionalEntry {
  etag?: string;
  lastModified?: string;
  body: string;
}

/**
 * Where validators and bodies of earlier GETs live. The polite client sends If-None-Match /
 * If-Modified-Since from an entry and answers a 304 with the entry's body. The default keeps
 * entries in memory; the engine can hand in one that persists them.
 */
export interface ConditionalCache {
  get(url: string): ConditionalEntry | undefined;
  set(url: string, entry: ConditionalEntry): void;
}

export interface MemoryConditionalCacheOptions {
  /** URLs kept; the least recently used goes first. Default 500. */
  maxEntries?: number;
  /** Total length of the kept bodies, in UTF-16 code units (about bytes for ASCII JSON). Default 32 Mi. */
  maxTotalLength?: number;
}

export const DEFAULT_CONDITIONAL_CACHE_ENTRIES = 500;
export const DEFAULT_CONDITIONAL_CACHE_LENGTH = 32 * 1024 * 1024;

/**
 * An in-memory cache that forgets the least recently used URLs beyond `maxEntries` or
 * `maxTotalLength`; a body longer than the whole budget is not kept.
 */
export class MemoryConditionalCache implements ConditionalCache {
  readonly #entries = new Map<string, ConditionalEntry>();
  readonly #maxEntries: number;
  readonly #maxTotalLength: number;
  #totalLength = 0;

  constructor(options: MemoryConditionalCacheOptions = {}) {
    this.#maxEntries = Math.max(
      1,
      Math.floor(options.maxEntries ?? DEFAULT_CONDITIONAL_CACHE_ENTRIES),
    );
    this.#maxTotalLength = Math.max(0, options.maxTotalLength ?? DEFAULT_CONDITIONAL_CACHE_LENGTH);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(url: string): ConditionalEntry | undefined {
    const entry = this.#entries.get(url);
    if (entry !== undefined) {
      this.#entries.delete(url);
      this.#entries.set(url, entry);
    }
    return entry;
  }

  set(url: string, entry: ConditionalEntry): void {
    this.#delete(url);
    if (entry.body.length > this.#maxTotalLength) return;
    this.#entries.set(url, entry);
    this.#totalLength += entry.body.length;
    while (this.#entries.size > this.#maxEntries || this.#totalLength > this.#maxTotalLength) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#delete(oldest.value);
    }
  }

  #delete(url: string): void {
    const entry = this.#entries.get(url);
    if (entry === undefined) return;
    this.#entries.delete(url);
    this.#totalLength -= entry.body.length;
  }
}

export function createMemoryConditionalCache(
  options?: MemoryConditionalCacheOptions,
): MemoryConditionalCache {
  return new MemoryConditionalCache(options);
}
