import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();
const DAY = 86_400_000;

describe('parseDate: source formats', () => {
  it.each([
    // Greenhouse Job Board API: ISO 8601 with an offset (updated_at, first_published).
    ['2025-06-10T14:00:00-04:00', '2025-06-10T18:00:00.000Z'],
    // Greenhouse fixture (2013): "Z".
    ['2013-09-12T21:01:50Z', '2013-09-12T21:01:50.000Z'],
    // Ashby / SmartRecruiters: milliseconds and "+00:00".
    ['2025-06-10T14:00:00.000+00:00', '2025-06-10T14:00:00.000Z'],
    // The Muse: microseconds.
    ['2025-06-10T14:00:00.123456Z', '2025-06-10T14:00:00.123Z'],
    // Remotive publication_date: no offset, taken as UTC.
    ['2025-06-10T14:00:00', '2025-06-10T14:00:00.000Z'],
    // SQL-style timestamps from CSV exports.
    ['2025-06-10 14:00:00', '2025-06-10T14:00:00.000Z'],
    ['2025-06-10 14:00:00 +0200', '2025-06-10T12:00:00.000Z'],
    // Workable / USAJobs: date only.
    ['2025-06-10', '2025-06-10T00:00:00.000Z'],
    // RSS 2.0 pubDate (RFC 822/2822), including obsolete zone names.
    ['Tue, 10 Jun 2025 14:00:00 GMT', '2025-06-10T14:00:00.000Z'],
    ['Tue, 10 Jun 2025 14:00:00 +0000', '2025-06-10T14:00:00.000Z'],
    ['Tue, 10 Jun 2025 10:00:00 EDT', '2025-06-10T14:00:00.000Z'],
    ['10 Jun 2025 14:00 PST', '2025-06-10T22:00:00.000Z'],
    ['Tue, 10 Jun 25 14:00:00 GMT', '2025-06-10T14:00:00.000Z'],
    // Written dates.
    ['June 10, 2025', '2025-06-10T00:00:00.000Z'],
    ['Jun 10 2025', '2025-06-10T00:00:00.000Z'],
    ['Tuesday, June 10th, 2025', '2025-06-10T00:00:00.000Z'],
    ['10 Jun 2025', '2025-06-10T00:00:00.000Z'],
    ['10th of June 2025', '2025-06-10T00:00:00.000Z'],
    ['June 10, 2025 at 2:30 PM', '2025-06-10T14:30:00.000Z'],
    ['Posted on June 10, 2025', '2025-06-10T00:00:00.000Z'],
    // JavaScript's Date#toString.
    [
      'Tue Jun 10 2025 16:00:00 GMT+0200 (Central European Summer Time)',
      '2025-06-10T14:00:00.000Z',
    ],
    // Numeric dates only when the order cannot be mistaken.
    ['25/06/2025', '2025-06-25T00:00:00.000Z'],
    ['06/25/2025', '2025-06-25T00:00:00.000Z'],
    ['25.06.2025', '2025-06-25T00:00:00.000Z'],
    ['06/06/2025', '2025-06-06T00:00:00.000Z'],
    ['2025/06/10', '2025-06-10T00:00:00.000Z'],
    ['20250610', '2025-06-10T00:00:00.000Z'],
  ])('%s', (value, expected) => {
    expect(parseDate(value, NOW)).toBe(expected);
  });

  it('tells epoch seconds from milliseconds by size', () => {
    // RemoteOK `epoch` and HN `time`: seconds.
    expect(parseDate(1749564000, NOW)).toBe('2025-06-10T14:00:00.000Z');
    expect(parseDate('1749564000', NOW)).toBe('2025-06-10T14:00:00.000Z');
    // Lever `createdAt`: milliseconds (shared/fixtures/lever: 1380917667108).
    expect(parseDate(1380917667108, NOW)).toBe('2013-10-04T20:14:27.108Z');
    expect(parseDate('1749564000000', NOW)).toBe('2025-06-10T14:00:00.000Z');
    // Microseconds.
    expect(parseDate(1749564000000000, NOW)).toBe('2025-06-10T14:00:00.000Z');
    // Fractional seconds.
    expect(parseDate(1749564000.5, NOW)).toBe('2025-06-10T14:00:00.500Z');
  });

  it('accepts a Date', () => {
    expect(parseDate(new Date('2025-06-10T14:00:00Z'), NOW)).toBe('2025-06-10T14:00:00.000Z');
    expect(parseDate(new Date(Number.NaN), NOW)).toBeNull();
  });

  it.each([
    ['3 days ago', ago(3 * DAY)],
    ['Posted 3 days ago', ago(3 * DAY)],
    ['yesterday', ago(DAY)],
    ['Posted yesterday', ago(DAY)],
    ['today', ago(0)],
    ['Posted today', ago(0)],
    ['just now', ago(0)],
    ['an hour ago', ago(3_600_000)],
    ['a day ago', ago(DAY)],
    ['2 weeks ago', ago(14 * DAY)],
    ['Posted 30+ days ago', ago(30 * DAY)],
    ['5 minutes ago', ago(300_000)],
    ['2h ago', ago(7_200_000)],
    ['3d', ago(3 * DAY)],
    ['1 month ago', ago(30 * DAY)],
    ['a few days ago', ago(3 * DAY)],
    ['last week', ago(7 * DAY)],
    ['Active 2 days ago', ago(2 * DAY)],
  ])('relative: %s', (value, expected) => {
    expect(parseDate(value, NOW)).toBe(expected);
  });

  it.each([
    ['10/06/2025', 'ambiguous: 10 June or October 6'],
    ['06.10.2025', 'ambiguous'],
    ['2025-02-30', 'no such day'],
    ['2025-13-01', 'no such month'],
    ['2025-06-10T25:00:00Z', 'no such hour'],
    ['31 Jun 2025', 'no such day'],
    ['1989-12-31', 'before 1990'],
    ['2030-01-01', 'more than two years ahead'],
    [0, 'the epoch'],
    [-1, 'negative'],
    [2025, 'a year is not a timestamp'],
    ['2025', 'a year is not a date'],
    ['June 2025', 'a month is not a date'],
    ['soon', 'not a date'],
    ['', 'empty'],
    ['Tue, 10 Jun 2025 14:00:00 XYZ', 'unknown zone'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{}, 'an object'],
    [Number.POSITIVE_INFINITY, 'infinity'],
    [Number.NaN, 'NaN'],
  ])('rejects %j (%s)', (value, _why) => {
    expect(parseDate(value, NOW)).toBeNull();
  });
});

describe('parseDate properties', () => {
  const inRange = fc.date({
    min: new Date('1990-01-01T00:00:00.000Z'),
    max: new Date(Date.UTC(2027, 5, 15, 12)),
    noInvalidDate: true,
  });

  it('round-trips any date in range through ISO, epoch seconds, epoch ms and RFC 2822', () => {
    fc.assert(
      fc.property(inRange, (date) => {
        const ms = date.getTime();
        const iso = date.toISOString();
        const toSecond = new Date(Math.floor(ms / 1000) * 1000).toISOString();
        expect(parseDate(iso, NOW)).toBe(iso);
        expect(parseDate(ms, NOW)).toBe(iso);
        expect(parseDate(String(ms), NOW)).toBe(iso);
        expect(parseDate(Math.floor(ms / 1000), NOW)).toBe(toSecond);
        expect(parseDate(String(Math.floor(ms / 1000)), NOW)).toBe(toSecond);
        expect(parseDate(date.toUTCString(), NOW)).toBe(toSecond);
        expect(parseDate(date, NOW)).toBe(iso);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips a date written with any offset', () => {
    fc.assert(
      fc.property(inRange, fc.integer({ min: -12 * 60, max: 14 * 60 }), (date, offset) => {
        const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseDate(`${local}${zone}`, NOW)).toBe(date.toISOString());
      }),
    );
  });

  it('never throws and returns null or an ISO timestamp in range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.double()), (value) => {
        const out = parseDate(value, NOW);
        if (out !== null) {
          expect(out).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
          expect(Date.parse(out)).toBeGreaterThanOrEqual(Date.UTC(1990, 0, 1));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
