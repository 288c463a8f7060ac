import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combine32, fnv1a32 } from './hash32.js';
import { createRng } from './test-support/corpus.js';
import { syntheticPostings } from './test-support/synthetic.js';
import { EMPTY_SLOT, MinHasher, SLOT_LIMIT, estimateJaccard, isEmptySignature } from './minhash.js';
import { decodeSignature, encodeSignature } from './signature-codec.js';
import { descriptionWords, hasNonAsciiWord, shingleHashes, shingleList } from './shingles.js';

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

/**
 * The shingles as first defined, written plainly: words line by line (descriptionWords when
 * the text has a letter or digit outside ASCII, else runs of [a-z0-9] after lower-casing A-Z),
 * FNV-1a of each word, combine32 over each run of k words (a shorter line is one shingle).
 */
function referenceShingles(text: string, k: number): Uint32Array {
  const unicode = hasNonAsciiWord(text);
  const out = new Set<number>();
  for (const line of text.split('\n')) {
    const words = unicode
      ? descriptionWords(line)
      : (line.replace(/[A-Z]/g, (c) => c.toLowerCase()).match(/[a-z0-9]+/g) ?? []);
    const hashes = words.map(fnv1a32);
    if (hashes.length === 0) continue;
    const width = Math.min(k, hashes.length);
    for (let start = 0; start + width <= hashes.length; start++)
      out.add(hashes.slice(start, start + width).reduce(combine32, 0x2545f491));
  }
  return Uint32Array.from([...out].sort((x, y) => x - y));
}

/** Texts of every kind the fast path has to agree on: words, case, digits, lines, Unicode. */
const varied = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('role', 'Build', 'TYPESCRIPT', 'k8s', '2024', 'a') },
      { weight: 4, arbitrary: fc.constantFrom(' ', '  ', '\n', '\n\n', ', ', '. ', '-', '/') },
      {
        weight: 2,
        arbitrary: fc.constantFrom('•', '—', '™', '€', 'é', 'e\u0301', 'Zürich', 'İ', 'K', '½'),
      },
      { weight: 1, arbitrary: fc.constantFrom('𝐀', '😀', '\ud835', '٣', '日本') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('shingleHashes and shingleList, against the plain definition', () => {
  it('give the same shingles on varied text, for every shingle size', () => {
    fc.assert(
      fc.property(varied, fc.integer({ min: 1, max: 4 }), (text, k) => {
        const expected = referenceShingles(text, k);
        expect(shingleHashes(text, k)).toEqual(expected);
        // Text order with repeats: the same set, unsorted.
        const list = shingleList(text, k);
        expect(Uint32Array.from(new Set(list)).sort()).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('give the same shingles on generated postings', () => {
    for (const posting of syntheticPostings(300, 5)) {
      const expected = referenceShingles(posting.descriptionText, 3);
      expect(shingleHashes(posting.descriptionText)).toEqual(expected);
      expect(Uint32Array.from(new Set(shingleList(posting.descriptionText))).sort()).toEqual(
        expected,
      );
    }
  });

  it('keep repeats and text order in shingleList', () => {
    const list = shingleList('a b c d a b c d');
    expect(list).toHaveLength(6);
    expect(list[0]).toBe(list[4]);
    expect(shingleList('')).toHaveLength(0);
    expect(() => shingleList('a b', 0)).toThrow(RangeError);
  });
});

/** Random distinct 32-bit values. */
function randomSet(rng: ReturnType<typeof createRng>, size: number): number[] {
  const out = new Set<number>();
  while (out.size < size) out.add(Math.floor(rng.next() * 2 ** 32));
  return [...out];
}

/** Two sets of `size` elements each sharing `target` of their union (up to rounding). */
function pairAt(
  rng: ReturnType<typeof createRng>,
  size: number,
  target: number,
): [number[], number[]] {
  const shared = Math.round((2 * size * target) / (1 + target));
  const all = randomSet(rng, shared + 2 * (size - shared));
  const common = all.slice(0, shared);
  return [
    [...common, ...all.slice(shared, size)],
    [...common, ...all.slice(size)],
  ];
}

/**
 * The signature by its definition: a bin's slot is the smallest rank among the shingles whose
 * rank falls in it; an empty bin copies the first filled bin its probe sequence reaches.
 */
function referenceSignature(hasher: MinHasher, shingles: readonly number[]): number[] {
  const bins = hasher.permutations;
  const mins: (number | null)[] = Array.from({ length: bins }, () => null);
  for (const shingle of shingles) {
    const rank = hasher.rank(shingle);
    const bin = hasher.binOf(rank);
    if (mins[bin] === null || rank < mins[bin]!) mins[bin] = rank;
  }
  return mins.map((own, bin) => {
    if (own !== null) return own;
    for (let attempt = 0; attempt < bins; attempt++) {
      const donor = mins[hasher.probe(bin, attempt)];
      if (donor !== null && donor !== undefined) return donor;
    }
    throw new Error(`no donor for bin ${bin}`);
  });
}

describe('MinHasher', () => {
  it('is deterministic across instances and seeded', () => {
    const shingles = shingleHashes('the quick brown fox jumps over the lazy dog again');
    const a = new MinHasher().signature(shingles);
    const b = new MinHasher().signature(shingles);
    expect(a).toEqual(b);
    expect(a).toHaveLength(128);
    expect(new MinHasher({ seed: 7 }).signature(shingles)).not.toEqual(a);
    expect(new MinHasher({ permutations: 96 }).signature(shingles)).toHaveLength(96);
    for (const value of a) expect(value).toBeLessThan(SLOT_LIMIT);
    // Order and repeats do not matter: a minimum per bin.
    const shuffled = [...shingles].reverse();
    expect(new MinHasher().signature([...shuffled, ...shuffled])).toEqual(a);
  });

  it('gives the same signature on every machine', () => {
    // Pinned values: a change of hash, bins or probe sequence must come with a new codec tag.
    const hasher = new MinHasher();
    const short = hasher.signature([1, 2, 3, 0xffffffff]);
    expect(Array.from(short.slice(0, 4))).toEqual([1534242540, 1708770532, 2072962786, 1708770532]);
    const long = hasher.signature(Array.from({ length: 300 }, (_, i) => Math.imul(i, 0x9e3779b1)));
    // Bins 0-2 hold their own minimum (below 2^31 / 128); bin 3 is empty and borrows.
    expect(Array.from(long.slice(0, 4))).toEqual([3362384, 29048742, 37830230, 2114532382]);
  });

  it('is the smallest rank per bin, empty bins filled along their probe sequence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat({ max: 2 ** 32 - 1 }),
        (shingles, permutations, seed) => {
          const hasher = new MinHasher({ permutations, seed });
          expect(Array.from(hasher.signature(shingles))).toEqual(
            referenceSignature(hasher, shingles),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('probes every bin once, in a sequence that depends only on the bin and the seed', () => {
    for (const permutations of [1, 7, 96, 128]) {
      const hasher = new MinHasher({ permutations });
      const other = new MinHasher({ permutations, seed: 3 });
      let differs = false;
      for (let bin = 0; bin < permutations; bin++) {
        const sequence = Array.from({ length: permutations }, (_, a) => hasher.probe(bin, a));
        expect(new Set(sequence).size).toBe(permutations);
        const again = new MinHasher({ permutations });
        expect(Array.from({ length: permutations }, (_, a) => again.probe(bin, a))).toEqual(
          sequence,
        );
        if (other.probe(bin, 0) !== sequence[0]) differs = true;
      }
      if (permutations > 1) expect(differs).toBe(true);
    }
  });

  it('estimates Jaccard similarity within a few points', () => {
    const rng = createRng(42);
    const hasher = new MinHasher();
    for (const target of [0.2, 0.5, 0.8, 0.95]) {
      const [a, b] = pairAt(rng, 300, target);
      const estimate = estimateJaccard(hasher.signature(a), hasher.signature(b));
      // Standard error sqrt(J(1-J)/128) is at most 0.044; allow three of them.
      expect(Math.abs(estimate - exactJaccard(a, b))).toBeLessThan(0.14);
    }
  });

  it('is unbiased, with the error of 128 independent hash functions, long sets or short', () => {
    // Short sets leave most bins empty: densification must not bias the estimate, and must
    // keep its spread near that of 128 independent hash functions (up to 1.3 times it at 12
    // shingles; copying the next filled bin instead reaches 2.8 times). 400 pairs per case.
    const rng = createRng(7);
    for (const size of [300, 60, 30, 12]) {
      for (const target of [0.2, 0.5, 0.8]) {
        let bias = 0;
        let squared = 0;
        const runs = 400;
        for (let run = 0; run < runs; run++) {
          const hasher = new MinHasher({ seed: run });
          const [a, b] = pairAt(rng, size, target);
          const exact = exactJaccard(a, b);
          const error = estimateJaccard(hasher.signature(a), hasher.signature(b)) - exact;
          bias += error / runs;
          squared += (error * error) / runs;
        }
        const expected = Math.sqrt((target * (1 - target)) / 128);
        const summary = `size ${size}, J ${target}: bias ${bias.toFixed(4)}, rmse ${Math.sqrt(squared).toFixed(4)}`;
        expect(Math.abs(bias), summary).toBeLessThan(0.012);
        expect(Math.sqrt(squared), summary).toBeLessThan(expected * (size >= 60 ? 1.2 : 1.4));
      }
    }
  });

  it('fills every slot of a short text, and tells short texts apart', () => {
    const hasher = new MinHasher();
    const one = hasher.signature(shingleHashes('Rust'));
    expect(new Set(one).size).toBe(1);
    expect(one.every((value) => value < SLOT_LIMIT)).toBe(true);
    const short = shingleHashes('Senior Rust engineer, remote');
    const signature = hasher.signature(short);
    expect(signature.every((value) => value < SLOT_LIMIT)).toBe(true);
    expect(new Set(signature).size).toBe(short.length);
    expect(estimateJaccard(signature, hasher.signature(short))).toBe(1);
    // Nothing shared, nothing agrees: a borrowed value never matches another text's own.
    expect(estimateJaccard(signature, hasher.signature(shingleHashes('Go developer')))).toBe(0);
    expect(estimateJaccard(one, hasher.signature(shingleHashes('Go')))).toBe(0);
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
    expect(() => new MinHasher({ permutations: 4097 })).toThrow(RangeError);
    expect(() => estimateJaccard(new Uint32Array(4), new Uint32Array(5))).toThrow(RangeError);
  });
});

describe('signature codec', () => {
  it('round-trips through compact text', () => {
    const signature = new MinHasher().signature(shingleHashes('a repost of a role'));
    const text = encodeSignature(signature);
    expect(text).toMatch(/^mh2:[A-Za-z0-9+/]+=*$/);
    expect(text).toHaveLength(4 + 684); // "mh2:" + base64 of 512 bytes
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

  it('writes standard base64 of the little-endian slots, for any length', () => {
    fc.assert(
      fc.property(fc.uint32Array({ maxLength: 160 }), (slots) => {
        const bytes = Buffer.alloc(slots.length * 4);
        slots.forEach((slot, i) => bytes.writeUInt32LE(slot, i * 4));
        expect(encodeSignature(slots)).toBe(`mh2:${bytes.toString('base64')}`);
      }),
    );
  });

  it('refuses text that is not a signature of the expected length', () => {
    const text = encodeSignature(new Uint32Array([1, 2, 3]));
    expect(decodeSignature(text, 128)).toBeNull();
    expect(decodeSignature('mh0:AAAA')).toBeNull();
    expect(decodeSignature('mh2:')).toBeNull();
    expect(decodeSignature('mh2:AA*A')).toBeNull();
    expect(decodeSignature('mh2:AAA')).toBeNull();
    expect(decodeSignature('mh2:AAE=')).toBeNull(); // 2 bytes: not a whole slot
  });

  it('refuses signatures of the 128-hash-function kind ("mh1:"): they do not compare', () => {
    const current = encodeSignature(new MinHasher().signature(shingleHashes('a role')));
    expect(decodeSignature(current)).not.toBeNull();
    expect(decodeSignature(`mh1:${current.slice(4)}`)).toBeNull();
    expect(decodeSignature(`MH2:${current.slice(4)}`)).toBeNull();
  });
});
