import { combine32 } from './hash32.js';

export const DEFAULT_BANDS = 32;
export const DEFAULT_ROWS = 4;

export interface LshOptions {
  /** Bands the signature is cut into; more bands find less similar pairs. */
  bands?: number;
  /** Slots per band; more rows make a chance collision rarer. bands × rows ≤ signature length. */
  rows?: number;
}

/** A bucket holds one entry as a bare number (the common case) or several as an array. */
type Bucket = number | number[];

/**
 * Locality-sensitive hashing over MinHash signatures, blocked by a key (the normalized
 * company). Each signature is cut into `bands` bands of `rows` slots; two signatures become
 * candidates when they share a key and agree on every slot of at least one band, which
 * happens with probability 1 - (1 - J^rows)^bands for Jaccard similarity J: with 32 × 4,
 * 0.99 at J = 0.6, 0.87 at J = 0.5 and 0.04 at J = 0.2.
 *
 * add and query cost O(bands) hash lookups plus the candidates found, never a scan of the
 * index. Candidates still need checking (isNearDuplicate): the index only narrows the search.
 */
export class NearDuplicateIndex {
  readonly bands: number;
  readonly rows: number;
  private readonly buckets: Map<number, Bucket>[];
  private readonly ids: string[] = [];
  private readonly keyOf: number[] = [];
  private readonly alive: boolean[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();
  /**
   * Band hashes of the last signature queried: ingest adds a posting right after querying
   * it, and its hashes are then not computed twice.
   */
  private last: {
    slots: Uint32Array;
    keyId: number;
    hashes: Int32Array;
    /** What each band's bucket held when queried, while `changes` was `seen`. */
    found: (Bucket | undefined)[] | null;
    seen: number;
  } | null = null;
  /** Adds so far: a bucket read before the latest add may be stale. */
  private changes = 0;

  constructor(options: LshOptions = {}) {
    this.bands = options.bands ?? DEFAULT_BANDS;
    this.rows = options.rows ?? DEFAULT_ROWS;
    if (!Number.isInteger(this.bands) || this.bands < 1)
      throw new RangeError(`bands must be a positive integer, got ${this.bands}`);
    if (!Number.isInteger(this.rows) || this.rows < 1)
      throw new RangeError(`rows must be a positive integer, got ${this.rows}`);
    this.buckets = Array.from({ length: this.bands }, () => new Map<number, Bucket>());
  }

  /** Entries added and not deleted. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds an entry; adding an id again replaces its signature and key. */
  add(id: string, signature: Uint32Array, key: string): void {
    this.check(signature);
    this.delete(id);
    const slot = this.ids.length;
    const keyId = this.internKey(key);
    this.ids.push(id);
    this.keyOf.push(keyId);
    this.alive.push(true);
    this.slotOf.set(id, slot);
    const hashes = this.bandHashes(signature, keyId);
    // Right after a query of the same signature, its buckets are known without a lookup.
    const known = this.last?.seen === this.changes ? this.last.found : null;
    this.changes++;
    for (let band = 0; band < this.bands; band++) {
      const hash = hashes[band]!;
      const bucket = this.buckets[band]!;
      const found = known === null ? bucket.get(hash) : known[band];
      if (found === undefined) bucket.set(hash, slot);
      else if (typeof found === 'number') bucket.set(hash, [found, slot]);
      else found.push(slot);
    }
  }

  /** Removes an entry (a posting that closed or was merged); a no-op for an unknown id. */
  delete(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    // Buckets keep the slot; queries skip it. Re-adding takes a new slot.
    this.alive[slot] = false;
    this.slotOf.delete(id);
    return true;
  }

  /** Ids of entries under the same key that share at least one band, in the order added. */
  query(signature: Uint32Array, key: string): string[] {
    this.check(signature);
    const keyId = this.keyIds.get(key);
    if (keyId === undefined) return [];
    const hashes = this.bandHashes(signature, keyId);
    // Most queries find nothing or one posting: a short list beats a Set.
    const out: number[] = [];
    const take = (slot: number): void => {
      // A 32-bit bucket hash can collide across keys: keep only this key's live entries.
      if (this.alive[slot] === true && this.keyOf[slot] === keyId && !out.includes(slot))
        out.push(slot);
    };
    const seen = new Array<Bucket | undefined>(this.bands);
    for (let band = 0; band < this.bands; band++) {
      const found = this.buckets[band]!.get(hashes[band]!);
      seen[band] = found;
      if (found === undefined) continue;
      if (typeof found === 'number') take(found);
      else for (const slot of found) take(slot);
    }
    if (this.last !== null) {
      this.last.found = seen;
      this.last.seen = this.changes;
    }
    if (out.length > 1) out.sort((a, b) => a - b);
    return out.map((slot) => this.ids[slot]!);
  }

  private bandHashes(signature: Uint32Array, keyId: number): Int32Array {
    const used = this.bands * this.rows;
    const last = this.last;
    if (last !== null && last.keyId === keyId) {
      // Compared slot by slot, not by identity: a caller may have reused the array.
      let same = true;
      for (let i = 0; i < used && same; i++) same = last.slots[i] === signature[i];
      if (same) return last.hashes;
    }
    const hashes = new Int32Array(this.bands);
    for (let band = 0; band < this.bands; band++)
      hashes[band] = this.bandHash(signature, band, keyId);
    this.last = { slots: signature.slice(0, used), keyId, hashes, found: null, seen: -1 };
    return hashes;
  }

  private internKey(key: string): number {
    let keyId = this.keyIds.get(key);
    if (keyId === undefined) {
      keyId = this.keyIds.size;
      this.keyIds.set(key, keyId);
    }
    return keyId;
  }

  private bandHash(signature: Uint32Array, band: number, keyId: number): number {
    let hash = combine32(combine32(0x6b43a9b5, keyId), band);
    const start = band * this.rows;
    for (let i = start; i < start + this.rows; i++) hash = combine32(hash, signature[i]!);
    // 30 bits: small integers are stored unboxed as Map keys (a third of the memory of a
    // boxed 32-bit key). The rare extra collision only adds a candidate that checking drops.
    return hash & 0x3fffffff;
  }

  private check(signature: Uint32Array): void {
    if (signature.length < this.bands * this.rows)
      throw new RangeError(
        `a signature of ${signature.length} slots cannot fill ${this.bands} bands of ${this.rows} rows`,
      );
  }
}
