/**
 * Small, fast 32-bit hashing for near-duplicate detection. None of this is cryptographic:
 * it only has to spread words and shingles evenly and be the same on every machine.
 */

/** FNV-1a 32-bit of a string's UTF-16 code units, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finalizer: every input bit flips about half the output bits. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive combination of a running hash with the next value (unsigned 32-bit). */
export function combine32(hash: number, value: number): number {
  return fmix32(Math.imul(hash ^ value, 0x9e3779b1) + 0x7f4a7c15);
}

/** A deterministic generator of unsigned 32-bit integers (SplitMix32), for seeded parameters. */
export function splitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}
