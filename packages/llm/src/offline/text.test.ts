import { describe, expect, it } from 'vitest';
import { cleanText, shorten, shortenRequirement, splitSentences } from './text.js';

describe('text helpers', () => {
  it('splits sentences without breaking abbreviations, versions or file names', () => {
    expect(
      splitSentences(
        'We use Node.js and React, e.g. Next.js 14. Uptime is 99.9% today! Can you help?',
      ),
    ).toEqual([
      'We use Node.js and React, e.g. Next.js 14.',
      'Uptime is 99.9% today!',
      'Can you help?',
    ]);
  });

  it('strips markup and hidden characters from posting text', () => {
    expect(cleanText('• **Strong** <em>React</em>\u200b and [TypeScript](https://x.y)')).toBe(
      'Strong React and TypeScript',
    );
  });

  it('shortens at a word boundary and keeps requirement quotes a prefix of the original', () => {
    expect(shorten('one two three four five six', 14)).toBe('one two three…');
    expect(
      shortenRequirement('Experience writing end-to-end tests (Playwright or Cypress)', 100),
    ).toBe('Experience writing end-to-end tests');
    const long = `Experience with ${'very '.repeat(40)}large systems`;
    expect(shortenRequirement(long, 140).length).toBeLessThanOrEqual(140);
  });
});
