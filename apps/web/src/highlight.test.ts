import { describe, expect, it } from 'vitest';
import { safeHref } from './components/safe-html.tsx';
import { age, payText } from './format.ts';
import { segments } from './highlight.ts';
import type { GroundingClaim } from './types.ts';

const claim = (over: Partial<GroundingClaim>): GroundingClaim => ({
  text: '',
  supported: false,
  evidence: null,
  confirmedByUser: false,
  ...over,
});

describe('segments', () => {
  const text = 'I led payments at Stripe for 9 years and know Go.';

  it('marks an unsupported claim by its offsets', () => {
    const parts = segments(text, [claim({ text: 'Stripe', start: 18, end: 24 })]);
    expect(parts.map((p) => [p.text, p.claim !== null])).toEqual([
      ['I led payments at ', false],
      ['Stripe', true],
      [' for 9 years and know Go.', false],
    ]);
  });

  it('falls back to searching for the words when offsets are absent or stale', () => {
    const stale = claim({ text: '9 years', start: 400, end: 407 });
    const none = claim({ text: 'know Go' });
    const parts = segments(text, [none, stale]);
    expect(parts.filter((p) => p.claim !== null).map((p) => p.text)).toEqual([
      '9 years',
      'know Go',
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('leaves supported and confirmed claims unmarked, and keeps the first of overlaps', () => {
    const parts = segments(text, [
      claim({ text: 'Stripe', supported: true }),
      claim({ text: 'payments', confirmedByUser: true }),
      claim({ text: 'led payments', start: 2, end: 14 }),
      claim({ text: 'payments at', start: 6, end: 17 }),
    ]);
    expect(parts.filter((p) => p.claim !== null).map((p) => p.text)).toEqual(['led payments']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('is the whole text, unmarked, when nothing is flagged', () => {
    expect(segments(text, [])).toEqual([{ text, claim: null }]);
    expect(segments('', [claim({ text: 'x' })])).toEqual([]);
  });
});

describe('safeHref', () => {
  it('keeps http and https links only', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref(' http://example.com')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'vbscript:x',
      '/relative',
      '//evil.example',
      null,
    ])
      expect(safeHref(bad)).toBeNull();
  });
});

describe('format', () => {
  it('says pay for salaries, budgets and hourly rates', () => {
    expect(payText({ salary: null, freelance: null })).toBe('');
    expect(
      payText({ salary: { min: 100, max: 120, currency: 'USD', period: 'hour' }, freelance: null }),
    ).toMatch(/100.*120.*\/hour/);
  });

  it('says how old a posting is', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(age('2026-11-20T11:30:00Z', now)).toBe('30m');
    expect(age('2026-11-17T12:00:00Z', now)).toBe('3d');
    expect(age(null, now)).toBe('');
  });
});
