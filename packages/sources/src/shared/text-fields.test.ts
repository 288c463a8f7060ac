import { describe, expect, it } from 'vitest';
import { distinctTexts, labelKey, placesText, text } from './text-fields.js';

describe('text fields', () => {
  it('text trims strings and writes numbers out; anything else is empty', () => {
    expect(text('  Engineer ')).toBe('Engineer');
    expect(text(6474318389232587)).toBe('6474318389232587');
    expect(text(Number.NaN)).toBe('');
    expect(text(null)).toBe('');
    expect(text({ name: 'x' })).toBe('');
  });

  it('distinctTexts and placesText keep each non-empty place once, primary first', () => {
    expect(distinctTexts([' Berlin ', 'Berlin', '', null, 'Remote'])).toEqual(['Berlin', 'Remote']);
    expect(placesText(['Berlin', undefined, 'Berlin', 'Hamburg'])).toBe('Berlin; Hamburg');
    expect(placesText(['Utrecht', 'Utrecht', 'NL'], ', ')).toBe('Utrecht, NL');
    expect(placesText(['', '  '])).toBeNull();
  });

  it('labelKey folds case and punctuation of enum labels', () => {
    expect(labelKey('On-site')).toBe('onsite');
    expect(labelKey('on_site')).toBe('onsite');
    expect(labelKey('FullTime')).toBe('fulltime');
    expect(labelKey(null)).toBe('');
  });
});
