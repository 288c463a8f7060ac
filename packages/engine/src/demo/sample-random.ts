/** A small seeded PRNG for the demo data: the same seed always gives the same sequence. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; `weightOf` must give a non-negative number. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T;
  /** `n` distinct items, in their original order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** `digits` lowercase hexadecimal digits. */
  hex(digits: number): string;
}

/** Mixes integers into one 32-bit seed (murmur3's finalizer per part). */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32 (Tommy Ettinger): tiny, fast, and good enough for sample data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
      let total = 0;
      for (const item of items) total += weightOf(item);
      let at = next() * total;
      for (const item of items) {
        at -= weightOf(item);
        if (at < 0) return item;
      }
      return pick(items);
    },
    sample<T>(items: readonly T[], n: number): T[] {
      // Selection sampling (Knuth's algorithm S): keeps order, one pass.
      const out: T[] = [];
      let needed = Math.min(n, items.length);
      for (let i = 0; i < items.length && needed > 0; i++) {
        if (next() * (items.length - i) < needed) {
          out.push(items[i] as T);
          needed--;
        }
      }
      return out;
    },
    hex(digits) {
      let out = '';
      while (out.length < digits)
        out += Math.floor(next() * 0x10000)
          .toString(16)
          .padStart(4, '0');
      return out.slice(0, digits);
    },
  };
}

/**
 * A hexadecimal id of `digits` digits (even, at most 12) that is distinct for every distinct
 * `n` below 16^digits: a four-round Feistel network is a permutation of its input space,
 * so ids look random yet never collide.
 */
export function uniqueHex(n: number, salt: number, digits: number): string {
  if (digits % 2 !== 0 || digits > 12) throw new RangeError('digits must be even and at most 12');
  const halfSize = 2 ** (digits * 2);
  if (!Number.isInteger(n) || n < 0 || n >= halfSize * halfSize)
    throw new RangeError(`${n} does not fit in ${digits} hex digits`);
  let left = Math.floor(n / halfSize);
  let right = n % halfSize;
  for (let round = 0; round < 4; round++) {
    const next = (left ^ mixSeed(right, salt, round)) % halfSize;
    left = right;
    right = next < 0 ? next + halfSize : next;
  }
  return (left * halfSize + right).toString(16).padStart(digits, '0');
}
