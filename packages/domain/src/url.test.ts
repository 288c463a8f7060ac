import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, canonicalUrlFully } from './url.js';

describe('canonicalUrl', () => {
  const JOB = 'https://acme.example/jobs/1';
  it.each([
    ['utm_*', `${JOB}?utm_source=li&utm_medium=social&utm_campaign=x`, JOB],
    [
      'gh_src',
      'https://boards.greenhouse.io/acme/jobs/1?gh_src=abc123',
      'https://boards.greenhouse.io/acme/jobs/1',
    ],
    ['lever-source and lever-origin', `${JOB}?lever-source=LinkedIn&lever-origin=applied`, JOB],
    ['fbclid and gclid', `${JOB}?fbclid=IwAR0&gclid=Cj0`, JOB],
    ['ref and source', `${JOB}?ref=hn&source=newsletter`, JOB],
    ['mixed-case tracking keys', `${JOB}?Utm_Source=x&FBCLID=y`, JOB],
    ['tracking mixed with a real parameter', `${JOB}?utm_source=x&id=7&fbclid=y`, `${JOB}?id=7`],
  ])('strips %s', (_name, raw, expected) => {
    expect(canonicalUrl(raw)).toBe(expected);
  });

  it('keeps meaningful parameters, sorted by key', () => {
    expect(canonicalUrl('https://acme.example/jobs?team=eng&id=7&utm_source=x&page=2')).toBe(
      'https://acme.example/jobs?id=7&page=2&team=eng',
    );
  });

  it('keeps the order of repeated keys', () => {
    expect(canonicalUrl('https://acme.example/a?b=2&a=1&a=0')).toBe(
      'https://acme.example/a?a=1&a=0&b=2',
    );
  });

  it('keeps a posting id that is not a tracking parameter (gh_jid)', () => {
    expect(canonicalUrl('https://acme.example/careers?gh_jid=4012345&gh_src=x')).toBe(
      'https://acme.example/careers?gh_jid=4012345',
    );
  });

  it('lower-cases the host but not the path', () => {
    expect(canonicalUrl('https://Jobs.ACME.Example/Team/Backend')).toBe(
      'https://jobs.acme.example/Team/Backend',
    );
  });

  it('drops a leading www. only', () => {
    expect(canonicalUrl('https://www.acme.example/jobs/1')).toBe('https://acme.example/jobs/1');
    expect(canonicalUrl('https://www2.acme.example/jobs/1')).toBe(
      'https://www2.acme.example/jobs/1',
    );
  });

  it('drops the fragment', () => {
    expect(canonicalUrl('https://acme.example/jobs/1#apply')).toBe('https://acme.example/jobs/1');
  });

  it('drops trailing slashes', () => {
    expect(canonicalUrl('https://acme.example/jobs/1/')).toBe('https://acme.example/jobs/1');
    expect(canonicalUrl('https://acme.example/jobs/1//')).toBe('https://acme.example/jobs/1');
  });

  it('drops default ports and keeps others', () => {
    expect(canonicalUrl('https://acme.example:443/jobs/1')).toBe('https://acme.example/jobs/1');
    expect(canonicalUrl('http://acme.example:80/jobs/1')).toBe('https://acme.example/jobs/1');
    // Forcing https makes :443 the default port even when the link said http.
    expect(canonicalUrl('http://acme.example:443/jobs/1')).toBe('https://acme.example/jobs/1');
    expect(canonicalUrl('https://acme.example:8080/jobs/1/')).toBe(
      'https://acme.example:8080/jobs/1',
    );
  });

  it('forces https', () => {
    expect(canonicalUrl('http://acme.example/jobs/1')).toBe('https://acme.example/jobs/1');
  });

  it('drops credentials', () => {
    expect(canonicalUrl('https://user:secret@acme.example/jobs/1')).toBe(
      'https://acme.example/jobs/1',
    );
  });

  it('trims surrounding whitespace', () => {
    expect(canonicalUrl('  https://acme.example/jobs/1 \n')).toBe('https://acme.example/jobs/1');
  });

  it('gives a root URL without a trailing slash', () => {
    expect(canonicalUrl('https://acme.example/')).toBe('https://acme.example');
    expect(canonicalUrl('https://acme.example')).toBe('https://acme.example');
    expect(canonicalUrl('https://acme.example/?utm_source=x#top')).toBe('https://acme.example');
    expect(canonicalUrl('https://acme.example/?')).toBe('https://acme.example');
  });

  it('gives the same result for a root URL with a query, with or without the slash', () => {
    const a = canonicalUrl('https://acme.example/?b=1&a=2');
    const b = canonicalUrl('https://acme.example?a=2&b=1&utm_source=x');
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(a).toMatch(/^https:\/\/acme\.example\/?\?a=2&b=1$/);
  });

  it('is idempotent', () => {
    for (const raw of [
      'http://WWW.Acme.Example:80/jobs/42/?utm_medium=a&b=2&a=1#apply',
      'https://acme.example/',
      'https://acme.example/?q=1',
      'https://acme.example:8080/x/',
    ]) {
      const once = canonicalUrl(raw);
      expect(once).not.toBeNull();
      expect(canonicalUrl(once ?? '')).toBe(once);
    }
  });

  it('makes two variants of the same posting URL equal', () => {
    const a = canonicalUrl('http://WWW.Acme.Example:80/jobs/42/?utm_medium=a&b=2&a=1#apply');
    const b = canonicalUrl('https://acme.example/jobs/42?a=1&gh_src=z&b=2');
    expect(a).toBe('https://acme.example/jobs/42?a=1&b=2');
    expect(b).toBe(a);
  });

  it('keeps different postings different', () => {
    expect(canonicalUrl('https://acme.example/jobs/42')).not.toBe(
      canonicalUrl('https://acme.example/jobs/43'),
    );
    expect(canonicalUrl('https://acme.example/jobs?id=42')).not.toBe(
      canonicalUrl('https://acme.example/jobs?id=43'),
    );
  });

  it.each([
    ['mailto:', 'mailto:jobs@acme.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['ftp:', 'ftp://acme.example/file'],
    ['garbage', 'not a url'],
    ['empty', ''],
    ['relative path', '/jobs/1'],
  ])('returns null for %s', (_name, raw) => {
    expect(canonicalUrl(raw)).toBeNull();
  });
});

describe('canonicalUrl on plain links', () => {
  it('gives what the URL parser gives, for any link built of the parts plain links use', () => {
    const label = fc.oneof(
      fc.constantFrom('a', 'b9', 'x-y', '0', '12', '0x1f', 'xn--a', 'www', 'A', '-', '', 'é'),
      fc.stringMatching(/^[a-z0-9-]{1,4}$/),
    );
    const segment = fc.oneof(
      fc.constantFrom('', '.', '..', 'a', 'B', '...', '.a', 'a.', '~_-', '%2e', 'é', ' ', '\\'),
      fc.stringMatching(/^[A-Za-z0-9._~-]{0,4}$/),
    );
    const link = fc
      .tuple(
        fc.constantFrom('https://', 'https://', 'http://', 'HTTPS://', 'ftp://', 'https:/', ' '),
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '', '', ':443', ':8080', '.', '@x', ':'),
        fc.array(segment, { maxLength: 5 }),
        fc.constantFrom('', '', '', '/', '//', '?a=1', '#x', ' ', '?utm_source=x'),
      )
      .map(
        ([scheme, labels, port, path, tail]) =>
          `${scheme}${labels.join('.')}${port}${path.map((p) => `/${p}`).join('')}${tail}`,
      );
    fc.assert(
      fc.property(link, (raw) => {
        expect(canonicalUrl(raw)).toBe(canonicalUrlFully(raw));
      }),
      { numRuns: 20000 },
    );
    for (const raw of [
      'https://jobs.lever.co/acme/1234-abcd/',
      'http://a.b.c/x//',
      'https://example.123/a',
      'https://1.2.3.4/a',
      'https://0x7f.example/',
      'https://-a-.example/.x/..y/',
    ])
      expect(canonicalUrl(raw)).toBe(canonicalUrlFully(raw));
  });
});
