import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { around, foldText } from './fold.js';

describe('foldText', () => {
  it('lower-cases and makes every whitespace run one space', () => {
    expect(foldText('  Fully\tREMOTE\n\n role \u00a0 ')).toBe('fully remote role');
    expect(foldText('One\nTwo three')).toBe('one two three');
  });

  it('folds characters whose upper case is ASCII as their upper case would', () => {
    expect(foldText('on-ſite')).toBe(foldText('ON-SITE'));
    expect(foldText('ﬂexible')).toBe('flexible');
    expect(foldText('DISTRIBUTED')).toBe(foldText('dıstrıbuted'));
  });
});

describe('around', () => {
  const text =
    'we build things. ' + 'filler words here. '.repeat(20) + 'this role is fully remote.';

  it('keeps the text near the words, whole words only', () => {
    const near = around(text, ['remote'], 20);
    expect(near).toContain('this role is fully remote.');
    expect(near).not.toContain('we build');
    expect(near.length).toBeLessThan(60);
  });

  it('joins separate places with a separator and is empty when no word occurs', () => {
    expect(around('remote a b c d e f g h i j k l m n o p q hybrid', ['remote', 'hybrid'], 3)).toBe(
      'remote a b | p q hybrid',
    );
    expect(around(text, ['hybrid'], 20)).toBe('');
  });
});

/** around as first written, one indexOf search per word: what the one-scan version must give. */
function referenceAround(text: string, words: readonly string[], radius: number): string {
  const spans: [number, number][] = [];
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      let from = Math.max(0, at - radius);
      let to = Math.min(text.length, at + word.length + radius);
      while (from > 0 && text.charCodeAt(from - 1) !== 32) from--;
      while (to < text.length && text.charCodeAt(to) !== 32) to++;
      spans.push([from, to]);
    }
  }
  if (spans.length === 0) return '';
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let [from, to] = spans[0] ?? [0, 0];
  for (const [start, end] of spans) {
    if (start <= to) {
      to = Math.max(to, end);
      continue;
    }
    parts.push(text.slice(from, to));
    [from, to] = [start, end];
  }
  parts.push(text.slice(from, to));
  return parts.join(' | ');
}

describe('around in one scan', () => {
  // Words that start alike, hold one another, overlap themselves, and need escaping.
  const words = ['remote', 'work from', 'working from', 'o', 'oo', 'on-site', 'c++', 'é', 'from'];

  it('finds the same places as one indexOf search per word', () => {
    const unit = fc.oneof(
      fc.constantFrom(...words, ' ', 'x', 'ooo', 'working from', 'c+++', 'éé', '\n'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.nat({ max: 12 }), (parts, radius) => {
        const text = parts.join(' ');
        expect(around(text, words, radius)).toBe(referenceAround(text, words, radius));
        expect(around(text, ['oo'], radius)).toBe(referenceAround(text, ['oo'], radius));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('foldText on any whitespace', () => {
  it('collapses whitespace as the lookahead pattern did', () => {
    const CASE_SPECIAL =
      /[\u00b5\u00df\u0131\u0149\u017f\u01f0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e96-\u1e9b\u1fbe\ufb00-\ufb06]/;
    const reference = (text: string): string => {
      const lower = CASE_SPECIAL.test(text) ? text.toUpperCase().toLowerCase() : text.toLowerCase();
      return lower
        .replaceAll('\n', ' ')
        .replace(/\s{2,}|(?! )\s/g, ' ')
        .trim();
    };
    const unit = fc.oneof(
      fc.constantFrom(
        ' ',
        '  ',
        '\n',
        '\n\n',
        '\t',
        '\r\n',
        '\u00a0',
        '\u2003',
        '\u3000',
        '\ufeff',
      ),
      fc.constantFrom('ſ', 'ß', 'Remote', 'x'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(foldText(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
