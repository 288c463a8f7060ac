import { describe, expect, it } from 'vitest';
import { fnv1a64 } from './hash.js';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('always gives 16 lower-case hex digits', () => {
    for (const text of ['', 'a', 'hello world', 'x'.repeat(10_000), 'é€😀']) {
      expect(fnv1a64(text)).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('is deterministic and sensitive to every character', () => {
    expect(fnv1a64('job posting')).toBe(fnv1a64('job posting'));
    expect(fnv1a64('job posting')).not.toBe(fnv1a64('job postinG'));
    expect(fnv1a64('ab')).not.toBe(fnv1a64('ba'));
  });
});
