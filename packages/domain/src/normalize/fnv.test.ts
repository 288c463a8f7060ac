import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a64 } from '../hash.js';
import { fnv1a64Fast } from './fnv.js';

describe('fnv1a64Fast', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64Fast('')).toBe('cbf29ce484222325');
    expect(fnv1a64Fast('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Fast('foobar')).toBe('85944171f73967e8');
  });

  it('gives exactly what the BigInt fnv1a64 gives, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ maxLength: 2000 })), (s) => {
        expect(fnv1a64Fast(s)).toBe(fnv1a64(s));
      }),
      { numRuns: 2000 },
    );
  });
});
