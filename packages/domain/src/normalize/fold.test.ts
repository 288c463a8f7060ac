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
