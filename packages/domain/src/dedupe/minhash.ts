import { splitMix32 } from './hash32.js';

/** The prime modulus of the universal hash family: 2^26 - 5, so a·x + b stays below 2^53. */
export const MINHASH_PRIME = 67_108_859;
/** Stands in every slot of the signature of a text without shingles (no real value reaches it). */
export const EMPTY_SLOT = 0xffffffff;
export const DEFAULT_PERMUTATIONS = 128;
export const DEFAULT_MINHASH_SEED = 0x5eed_d00d;

const INVERSE_PRIME = 1 / MINHASH_PRIME;

export interface MinHashOptions {
  /** Hash functions, one per signature slot; the estimate's error shrinks as 1/sqrt of this. */
  permutations?: number;
  /** Seed of the hash functions: signatures compare only when made with the same seed. */
  seed?: number;
}

/**
 * MinHash signatures over sets of 32-bit shingle hashes. Slot i holds the minimum over the set
 * of h_i(x) = (a_i·x + b_i) mod p, p = 2^26 - 5, with (a_i, b_i) drawn from a seeded
 * generator, so signatures are the same on every machine and run. The chance that two sets
 * agree in a slot is (up to hash collisions) their Jaccard similarity.
 *
 * p is below 2^26 so that a·x + b is exact in a double and the remainder needs one multiply by
 * 1/p and a correction step, not BigInt or a floating `%` (both several times slower). Folding
 * shingle hashes into [0, p) merges a pair of shingles with chance 1 in 67 million, which
 * changes no decision over postings of a few hundred shingles.
 */
export class MinHasher {
  readonly permutations: number;
  readonly seed: number;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  /** Scratch space for the reduced shingles, grown as needed. */
  private reduced = new Float64Array(1024);

  constructor(options: MinHashOptions = {}) {
    const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
    if (!Number.isInteger(permutations) || permutations < 1 || permutations > 4096)
      throw new RangeError(`permutations must be an integer in 1..4096, got ${permutations}`);
    this.permutations = permutations;
    this.seed = (options.seed ?? DEFAULT_MINHASH_SEED) >>> 0;
    const next = splitMix32(this.seed);
    this.a = new Float64Array(permutations);
    this.b = new Float64Array(permutations);
    for (let i = 0; i < permutations; i++) {
      // a in [1, p-1], b in [0, p-1]; the tiny modulo bias of a 32-bit draw does not matter.
      this.a[i] = 1 + (next() % (MINHASH_PRIME - 1));
      this.b[i] = next() % MINHASH_PRIME;
    }
  }

  /** The signature of a set of shingle hashes (repeats allowed); all EMPTY_SLOT for none. */
  signature(shingles: ArrayLike<number>): Uint32Array {
    const count = shingles.length;
    const out = new Uint32Array(this.permutations).fill(EMPTY_SLOT);
    if (count === 0) return out;
    if (this.reduced.length < count) this.reduced = new Float64Array(count * 2);
    const xs = this.reduced;
    for (let s = 0; s < count; s++) xs[s] = (shingles[s]! >>> 0) % MINHASH_PRIME;
    const p = MINHASH_PRIME;
    for (let i = 0; i < this.permutations; i++) {
      const a = this.a[i]!;
      const b = this.b[i]!;
      let min = p;
      for (let s = 0; s < count; s++) {
        const v = a * xs[s]! + b; // < 2^52: exact
        // floor(v / p) from the reciprocal may be one off; the two corrections put it right.
        let r = v - Math.floor(v * INVERSE_PRIME) * p;
        if (r < 0) r += p;
        else if (r >= p) r -= p;
        if (r < min) min = r;
      }
      out[i] = min;
    }
    return out;
  }
}

/** Whether a signature is that of an empty set (a text without words). */
export function isEmptySignature(signature: Uint32Array): boolean {
  return signature.length > 0 && signature[0] === EMPTY_SLOT;
}

/**
 * The share of slots two signatures agree in: an unbiased estimate of the Jaccard
 * similarity of the sets they were made from. Two empty sets are identical (1); an empty
 * and a non-empty set share nothing (0).
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0)
    throw new RangeError(`signatures differ in length (${a.length} and ${b.length})`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same += 1;
  return same / a.length;
}
