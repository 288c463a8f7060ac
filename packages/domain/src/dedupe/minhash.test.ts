import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './test-support/corpus.js';
import {
  EMPTY_SLOT,
  MINHASH_PRIME,
  MinHasher,
  estimateJaccard,
  isEmptySignature,
} from './minhash.js';
import { decodeSignature, encodeSignature } from './signature-codec.js';
import { descriptionWords, hasNonAsciiWord, shingleHashes } from './shingles.js';

function exactJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const left = new Set(Array.from(a));
  const right = new Set(Array.from(b));
  let shared = 0;
  for (const value of right) if (left.has(value)) shared += 1;
  return shared / (left.size + right.size - shared);
}

describe('shingleHashes', () => {
  it('hashes word 3-shingles, sorted and without repeats', () => {
    const shingles = shingleHashes('a b c d a b c d');
    // a b c, b c d, c d a, d a b (a b c and b c d repeat)
    expect(shingles).toHaveLength(4);
    expect([...shingles]).toEqual([...shingles].sort((x, y) => x - y));
  });

  it('ignores case, punctuation and spacing, and folds accents', () => {
    expect(shingleHashes('Build • things, with  TypeScript!')).toEqual(
      shingleHashes('build things with typescript'),
    );
    expect(shingleHashes('Café in Zürich today')).toEqual(shingleHashes('cafe in zurich today'));
    expect(descriptionWords('Café, Zürich')).toEqual(['cafe', 'zurich']);
  });

  it('gives ASCII text the same shingles on its fast path as on the Unicode one', () => {
    const ascii = 'We ship code — every day – with tests • and reviews';
    const withAccent = `${ascii} é`;
    const fast = new Set(shingleHashes(ascii));
    const slow = new Set(shingleHashes(withAccent));
    for (const value of fast) expect(slow.has(value)).toBe(true);
    expect(slow.size).toBe(fast.size + 1);
  });

  it('sends a text down the Unicode path exactly when the pattern would', () => {
    // Asked character by character now: "™" folds to letters on the Unicode path but
    // separates words on the ASCII one, so the choice must be the pattern's, text for text.
    const pattern = /(?!\p{ASCII})[\p{L}\p{N}\p{M}]/u;
    const unit = fc.oneof(
      fc.constantFrom('a', ' ', '\n', '™', '•', '—', 'é', 'e\u0301', '𝐀', '😀', '\ud835', '½', '٣'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        expect(hasNonAsciiWord(text)).toBe(pattern.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('makes one shingle of a short text and none of an empty one', () => {
    expect(shingleHashes('Rust')).toHaveLength(1);
    expect(shingleHashes('Rust Go')).toHaveLength(1);
    expect(shingleHashes('  ...  ')).toHaveLength(0);
    expect(() => shingleHashes('a b c', 0)).toThrow(RangeError);
  });
});

describe('MinHasher', () => {
  it('is deterministic across instances and seeded', () => {
    const shingles = shingleHashes('the quick brown fox jumps over the lazy dog again');
    const a = new MinHasher().signature(shingles);
    const b = new MinHasher().signature(shingles);
    expect(a).toEqual(b);
    expect(a).toHaveLength(128);
    expect(new MinHasher({ seed: 7 }).signature(shingles)).not.toEqual(a);
    expect(new MinHasher({ permutations: 96 }).signature(shingles)).toHaveLength(96);
    for (const value of a) expect(value).toBeLessThan(MINHASH_PRIME);
  });

  it('matches a direct computation of min over (a·x + b) mod p', () => {
    // The fast reduction must agree with BigInt arithmetic on every slot.
    const hasher = new MinHasher({ permutations: 16, seed: 99 });
    const shingles = Uint32Array.from([0, 1, 2 ** 31, 2 ** 32 - 1, 123_456_789, MINHASH_PRIME]);
    const signature = hasher.signature(shingles);
    const params = hasher as unknown as { a: Float64Array; b: Float64Array };
    const p = BigInt(MINHASH_PRIME);
    for (let i = 0; i < 16; i++) {
      let min = p;
      for (const x of shingles) {
        const v = (BigInt(params.a[i]!) * (BigInt(x) % p) + BigInt(params.b[i]!)) % p;
        if (v < min) min = v;
      }
      expect(signature[i]).toBe(Number(min));
    }
  });

  it('agrees with BigInt arithmetic on any set, for any number of slots', () => {
    // Slots are computed eight at a time with a rough remainder put right only when it
    // matters: every slot, the last few included, must still be the exact minimum.
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 19 }),
        fc.nat({ max: 2 ** 32 - 1 }),
        (shingles, permutations, seed) => {
          const hasher = new MinHasher({ permutations, seed });
          const signature = hasher.signature(shingles);
          const params = hasher as unknown as { a: Float64Array; b: Float64Array };
          const p = BigInt(MINHASH_PRIME);
          for (let i = 0; i < permutations; i++) {
            let min = p;
            for (const x of shingles) {
              const v = (BigInt(params.a[i]!) * (BigInt(x) % p) + BigInt(params.b[i]!)) % p;
              if (v < min) min = v;
            }
            expect(signature[i]).toBe(Number(min));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('estimates Jaccard similarity within a few points', () => {
    const rng = createRng(42);
    const hasher = new MinHasher();
    for (const target of [0.2, 0.5, 0.8, 0.95]) {
      // Two sets of 300 sharing `target` of their union.
      const shared = Math.round((600 * target) / (1 + target));
      const common = Array.from({ length: shared }, () => Math.floor(rng.next() * 2 ** 32));
      const a = [
        ...common,
        ...Array.from({ length: 300 - shared }, () => Math.floor(rng.next() * 2 ** 32)),
      ];
      const b = [
        ...common,
        ...Array.from({ length: 300 - shared }, () => Math.floor(rng.next() * 2 ** 32)),
      ];
      const estimate = estimateJaccard(hasher.signature(a), hasher.signature(b));
      // Standard error sqrt(J(1-J)/128) is at most 0.044; allow three of them.
      expect(Math.abs(estimate - exactJaccard(a, b))).toBeLessThan(0.14);
    }
  });

  it('signs an empty set with EMPTY_SLOT everywhere', () => {
    const hasher = new MinHasher();
    const empty = hasher.signature([]);
    expect(isEmptySignature(empty)).toBe(true);
    expect(empty.every((value) => value === EMPTY_SLOT)).toBe(true);
    expect(estimateJaccard(empty, hasher.signature([]))).toBe(1);
    expect(estimateJaccard(empty, hasher.signature([1, 2, 3]))).toBe(0);
    expect(isEmptySignature(hasher.signature([1]))).toBe(false);
  });

  it('refuses nonsense parameters and signatures of different lengths', () => {
    expect(() => new MinHasher({ permutations: 0 })).toThrow(RangeError);
    expect(() => new MinHasher({ permutations: 1.5 })).toThrow(RangeError);
    expect(() => estimateJaccard(new Uint32Array(4), new Uint32Array(5))).toThrow(RangeError);
  });
});

describe('signature codec', () => {
  it('round-trips through compact text', () => {
    const signature = new MinHasher().signature(shingleHashes('a repost of a role'));
    const text = encodeSignature(signature);
    expect(text).toMatch(/^mh1:[A-Za-z0-9+/]+=*$/);
    expect(text).toHaveLength(4 + 684); // "mh1:" + base64 of 512 bytes
    expect(decodeSignature(text)).toEqual(signature);
    expect(decodeSignature(text, 128)).toEqual(signature);
  });

  it('round-trips every length, extreme values included', () => {
    for (const length of [1, 2, 3, 5, 96]) {
      const signature = Uint32Array.from({ length }, (_, i) =>
        i % 2 === 0 ? EMPTY_SLOT : i * 2654435761,
      );
      expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
    }
  });

  it('refuses text that is not a signature of the expected length', () => {
    const text = encodeSignature(new Uint32Array([1, 2, 3]));
    expect(decodeSignature(text, 128)).toBeNull();
    expect(decodeSignature('mh0:AAAA')).toBeNull();
    expect(decodeSignature('mh1:')).toBeNull();
    expect(decodeSignature('mh1:AA*A')).toBeNull();
    expect(decodeSignature('mh1:AAA')).toBeNull();
    expect(decodeSignature('mh1:AAE=')).toBeNull(); // 2 bytes: not a whole slot
  });
});
