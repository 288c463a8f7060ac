import { describe, expect, it } from 'vitest';
import { dateOfAge, firstDate } from './dates.js';

const NOW = new Date('2025-11-20T12:00:00Z');

describe('dates', () => {
  it('firstDate takes the first value the domain parseDate reads', () => {
    expect(firstDate(NOW, null, 'soon', '2025-11-18T08:30:00.1234567')).toBe(
      '2025-11-18T08:30:00.123Z',
    );
    expect(firstDate(NOW, 1763366400)).toBe('2025-11-17T08:00:00.000Z');
    expect(firstDate(NOW, 'Wed, 19 Nov 2025 15:46:29 +0000')).toBe('2025-11-19T15:46:29.000Z');
    expect(firstDate(NOW, 'Posted 3 days ago')).toBe('2025-11-17T12:00:00.000Z');
    expect(firstDate(NOW, '10/06/2025', undefined)).toBeNull();
    expect(firstDate(NOW)).toBeNull();
  });

  it('dateOfAge dates an age, but not one without an upper bound', () => {
    expect(dateOfAge('3 days ago', NOW)).toBe('2025-11-17T12:00:00.000Z');
    expect(dateOfAge('yesterday', NOW)).toBe('2025-11-19T12:00:00.000Z');
    expect(dateOfAge('30+ days ago', NOW)).toBeNull();
    expect(dateOfAge('Over 1 month ago', NOW)).toBeNull();
    expect(dateOfAge('more than a week ago', NOW)).toBeNull();
    expect(dateOfAge(42, NOW)).toBeNull();
    // An offset's "+" is no open-ended age.
    expect(dateOfAge('2025-11-18T08:30:00+02:00', NOW)).toBe('2025-11-18T06:30:00.000Z');
  });
});
