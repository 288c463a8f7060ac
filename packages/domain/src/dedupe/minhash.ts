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
    for (let s = 0; s < count; s++) {
      // x mod p by the reciprocal too: `%` on a double above 2^31 is a slow library call.
      const x = shingles[s]! >>> 0;
      const r = x - Math.floor(x * INVERSE_PRIME) * MINHASH_PRIME;
      xs[s] = r < 0 ? r + MINHASH_PRIME : r >= MINHASH_PRIME ? r - MINHASH_PRIME : r;
    }
    minima(out, xs, count, this.a, this.b);
    return out;
  }
}

/** Fills each slot of `out` with min over xs of (a·x + b) mod p, for that slot's a and b. */
function minima(
  out: Uint32Array,
  xs: Float64Array,
  count: number,
  a: Float64Array,
  b: Float64Array,
): void {
  const permutations = out.length;
  const p = MINHASH_PRIME;
  // Eight slots a pass: each shingle is read once for eight hash functions, and the eight
  // independent chains keep the CPU busy while one waits on its multiply. floor(v / p) from
  // the reciprocal may be one off, so a remainder may be off by p: one out of [0, p) or below
  // the minimum (rare after the first few shingles) is put right before it is kept.
  let i = 0;
  for (; i + 8 <= permutations; i += 8) {
    const a0 = a[i]!;
    const b0 = b[i]!;
    const a1 = a[i + 1]!;
    const b1 = b[i + 1]!;
    const a2 = a[i + 2]!;
    const b2 = b[i + 2]!;
    const a3 = a[i + 3]!;
    const b3 = b[i + 3]!;
    const a4 = a[i + 4]!;
    const b4 = b[i + 4]!;
    const a5 = a[i + 5]!;
    const b5 = b[i + 5]!;
    const a6 = a[i + 6]!;
    const b6 = b[i + 6]!;
    const a7 = a[i + 7]!;
    const b7 = b[i + 7]!;
    let m0 = p;
    let m1 = p;
    let m2 = p;
    let m3 = p;
    let m4 = p;
    let m5 = p;
    let m6 = p;
    let m7 = p;
    for (let s = 0; s < count; s++) {
      const x = xs[s]!;
      let v = a0 * x + b0;
      let r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < m0 || r >= p) m0 = Math.min(m0, r < 0 ? r + p : r >= p ? r - p : r);
      v = a1 * x + b1;
      r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < m1 || r >= p) m1 = Math.min(m1, r < 0 ? r + p : r >= p ? r - p : r);
      v = a2 * x + b2;
      r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < m2 || r >= p) m2 = Math.min(m2, r < 0 ? r + p : r >= p ? r - p : r);
      v = a3 * x + b3;
      r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < m3 || r >= p) m3 = Math.min(m3, r < 0 ? r + p : r >= p ? r - p : r);
      v = a4 * x + b4;
      r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < m4 || r >= p) m4 = Math.min(m4, r < 0 ? r + p : r >= p ? r - p : r);
      v = a5 * x + b5;
      r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < m5 || r >= p) m5 = Math.min(m5, r < 0 ? r + p : r >= p ? r - p : r);
      v = a6 * x + b6;
      r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < m6 || r >= p) m6 = Math.min(m6, r < 0 ? r + p : r >= p ? r - p : r);
      v = a7 * x + b7;
      r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < m7 || r >= p) m7 = Math.min(m7, r < 0 ? r + p : r >= p ? r - p : r);
    }
    out[i] = m0;
    out[i + 1] = m1;
    out[i + 2] = m2;
    out[i + 3] = m3;
    out[i + 4] = m4;
    out[i + 5] = m5;
    out[i + 6] = m6;
    out[i + 7] = m7;
  }
  for (; i < permutations; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    let min = MINHASH_PRIME;
    for (let s = 0; s < count; s++) {
      const v = ai * xs[s]! + bi;
      let r = v - Math.floor(v * INVERSE_PRIME) * p;
      if (r < 0) r += p;
      else if (r >= p) r -= p;
      if (r < min) min = r;
    }
    out[i] = min;
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
