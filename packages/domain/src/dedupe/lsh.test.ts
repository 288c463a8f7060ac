import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from './lsh.js';
import { MinHasher } from './minhash.js';
import { shingleHashes } from './shingles.js';
import { createRng } from './test-support/corpus.js';

const hasher = new MinHasher();
const sign = (text: string): Uint32Array => hasher.signature(shingleHashes(text));

const rng = createRng(3);
const VOCABULARY = Array.from({ length: 2000 }, (_, i) => `w${i}`);
function randomText(words: number): string {
  return Array.from({ length: words }, () => rng.pick(VOCABULARY)).join(' ');
}
/** The text with `share` of its words replaced. */
function edit(text: string, share: number): string {
  return text
    .split(' ')
    .map((word) => (rng.chance(share) ? rng.pick(VOCABULARY) : word))
    .join(' ');
}

describe('NearDuplicateIndex', () => {
  it('finds a near-duplicate under the same key, not under another', () => {
    const index = new NearDuplicateIndex();
    const text = randomText(200);
    index.add('a', sign(text), 'acme');
    index.add('b', sign(randomText(200)), 'acme');
    index.add('c', sign(text), 'globex');
    expect(index.query(sign(edit(text, 0.03)), 'acme')).toEqual(['a']);
    expect(index.query(sign(text), 'globex')).toEqual(['c']);
    expect(index.query(sign(text), 'initech')).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('deletes and replaces entries', () => {
    const index = new NearDuplicateIndex();
    const text = randomText(100);
    index.add('a', sign(text), 'acme');
    expect(index.delete('a')).toBe(true);
    expect(index.delete('a')).toBe(false);
    expect(index.query(sign(text), 'acme')).toEqual([]);
    index.add('a', sign(randomText(100)), 'acme');
    index.add('a', sign(text), 'acme');
    expect(index.size).toBe(1);
    expect(index.has('a')).toBe(true);
    expect(index.query(sign(text), 'acme')).toEqual(['a']);
  });

  it('makes candidates of similar pairs and rarely of dissimilar ones, as the S-curve says', () => {
    const index = new NearDuplicateIndex();
    const originals = Array.from({ length: 200 }, () => randomText(150));
    originals.forEach((text, i) => index.add(`o${i}`, sign(text), 'acme'));
    // About 5% of words changed: 3-shingle Jaccard about 0.75, candidate chance above 0.99.
    const close = originals.filter((text, i) =>
      index.query(sign(edit(text, 0.05)), 'acme').includes(`o${i}`),
    );
    expect(close.length).toBeGreaterThanOrEqual(196);
    // Unrelated texts share almost no shingle: no candidates at all.
    let unrelated = 0;
    for (let i = 0; i < 200; i++) unrelated += index.query(sign(randomText(150)), 'acme').length;
    expect(unrelated).toBeLessThanOrEqual(2);
  });

  it('answers from its buckets, not by scanning: query work does not grow with the index', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 20_000; i++) {
      // Distinct signatures without the cost of hashing text.
      const signature = Uint32Array.from({ length: 128 }, () => Math.floor(rng.next() * 2 ** 26));
      index.add(`j${i}`, signature, i % 2 === 0 ? 'acme' : 'globex');
    }
    const probe = Uint32Array.from({ length: 128 }, () => Math.floor(rng.next() * 2 ** 26));
    expect(index.query(probe, 'acme')).toEqual([]);
  });

  it('refuses a signature too short for its bands and nonsense parameters', () => {
    expect(() => new NearDuplicateIndex().add('a', new Uint32Array(64), 'k')).toThrow(RangeError);
    expect(() => new NearDuplicateIndex({ bands: 0 })).toThrow(RangeError);
    expect(() => new NearDuplicateIndex({ rows: 2.5 })).toThrow(RangeError);
    expect(new NearDuplicateIndex({ bands: 16, rows: 4 }).query(new Uint32Array(64), 'k')).toEqual(
      [],
    );
  });

  it('answers the same whether or not an add follows a query of the same signature', () => {
    // add reuses what the query just before it read; a second index made to forget it
    // (a query of another signature in between) must hold and answer exactly the same.
    const signatureOf = (seed: number): Uint32Array =>
      // Few distinct values, so bands collide and buckets hold one, two or many entries.
      Uint32Array.from({ length: 8 }, (_, i) => (seed * 7 + i * (seed % 3)) % 5);
    const op = fc.record({
      kind: fc.constantFrom('add', 'query', 'queryThenAdd', 'delete'),
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      seed: fc.nat({ max: 6 }),
      key: fc.constantFrom('acme', 'globex'),
      copy: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const reusing = new NearDuplicateIndex({ bands: 4, rows: 2 });
        const forgetting = new NearDuplicateIndex({ bands: 4, rows: 2 });
        const other = Uint32Array.from({ length: 8 }, (_, i) => 100 + i);
        for (const { kind, id, seed, key, copy } of ops) {
          const signature = signatureOf(seed);
          // The same content in another array must be recognised as the same signature.
          const again = copy ? signature.slice() : signature;
          if (kind === 'delete') {
            expect(reusing.delete(id)).toBe(forgetting.delete(id));
            continue;
          }
          if (kind !== 'add')
            expect(reusing.query(signature, key)).toEqual(forgetting.query(signature, key));
          if (kind === 'query') continue;
          forgetting.query(other, key);
          reusing.add(id, again, key);
          forgetting.add(id, again, key);
        }
        for (let seed = 0; seed <= 6; seed++)
          for (const key of ['acme', 'globex'])
            expect(reusing.query(signatureOf(seed), key)).toEqual(
              forgetting.query(signatureOf(seed), key),
            );
      }),
      { numRuns: 1000 },
    );
  });
});
