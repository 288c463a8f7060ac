import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a64 } from '../hash.js';
import { fnv1a64Fast, fnv1a64Json } from './fnv.js';

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

describe('fnv1a64Json', () => {
  it('hashes what JSON.stringify writes, for any value', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('"', '\\', '\n\t\r\b\f\u0000\u001f\u007f', '\ud800', '\udc00x', '😀', '•'),
    );
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.date({ noInvalidDate: true }),
        fc.array(tie('value')),
        fc.dictionary(text, tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(fc.array(value), (v) => {
        expect(fnv1a64Json(v)).toBe(fnv1a64Fast(JSON.stringify(v)));
      }),
      { numRuns: 2000 },
    );
    const sent = {
      id: 'x',
      nested: { a: [1, undefined, () => 1], b: undefined },
      when: new Date(0),
    };
    expect(fnv1a64Json(sent)).toBe(fnv1a64Fast(JSON.stringify(sent)));
  });
});
