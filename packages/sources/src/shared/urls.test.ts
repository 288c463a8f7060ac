import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, apiBase, httpUrl, looksLikeHttpUrl, onBaseUrl } from './urls.js';

describe('urls', () => {
  it('httpUrl keeps web addresses only, as the URL parser writes them', () => {
    expect(httpUrl('  https://boards.greenhouse.io/acme/jobs/1 ')).toBe(
      'https://boards.greenhouse.io/acme/jobs/1',
    );
    expect(httpUrl('HTTP://Example.COM')).toBe('http://example.com/');
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl('mailto:jobs@acme.example')).toBeNull();
    expect(httpUrl('/jobs/1')).toBeNull();
    expect(httpUrl('')).toBeNull();
    expect(httpUrl(null)).toBeNull();
    expect(httpUrl(undefined)).toBeNull();
  });

  it('absoluteHttpUrl resolves against a base, web addresses only', () => {
    expect(absoluteHttpUrl('/jobs/1', 'https://acme.example/feed.xml')).toBe(
      'https://acme.example/jobs/1',
    );
    expect(absoluteHttpUrl('ftp://acme.example/x', 'https://acme.example/')).toBeNull();
    expect(absoluteHttpUrl('', 'https://acme.example/')).toBeNull();
    expect(absoluteHttpUrl(null, 'https://acme.example/')).toBeNull();
    expect(absoluteHttpUrl('https://[bad', 'https://acme.example/')).toBeNull();
  });

  it('looksLikeHttpUrl checks only the scheme, as aggregators send links', () => {
    expect(looksLikeHttpUrl('https://www.adzuna.co.uk/jobs/land/ad/1?se=x')).toBe(true);
    expect(looksLikeHttpUrl('HTTP://x')).toBe(true);
    expect(looksLikeHttpUrl('www.example.com')).toBe(false);
    expect(looksLikeHttpUrl(undefined)).toBe(false);
  });

  it('apiBase prefers baseUrl and drops trailing slashes', () => {
    expect(apiBase(undefined, 'https://api.lever.co')).toBe('https://api.lever.co');
    expect(apiBase('http://127.0.0.1:4000//', 'https://api.lever.co')).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it('onBaseUrl moves a page onto baseUrl, path and query kept', () => {
    expect(onBaseUrl('https://acme.example/jobs?page=2', undefined)).toBe(
      'https://acme.example/jobs?page=2',
    );
    expect(onBaseUrl('https://acme.example/jobs?page=2#top', 'http://127.0.0.1:4000/')).toBe(
      'http://127.0.0.1:4000/jobs?page=2',
    );
  });
});
