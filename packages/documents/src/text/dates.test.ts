import { describe, expect, it } from 'vitest';
import { findDateRange, parseDate, tidySeparators } from './dates.js';

describe('parseDate', () => {
  it.each([
    ['Mar 2019', '2019-03'],
    ['March 2019', '2019-03'],
    ['Sept. 2020', '2020-09'],
    ['03/2019', '2019-03'],
    ['3.2019', '2019-03'],
    ['2019-03', '2019-03'],
    ['2019/3', '2019-03'],
    ['2019-03-15', '2019-03'],
    ['2019', '2019'],
    ['Summer 2018', '2018'],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it('is null for what is not one date', () => {
    expect(parseDate('Present')).toBeNull();
    expect(parseDate('13/2019')).toBeNull();
    expect(parseDate('1850')).toBeNull();
    expect(parseDate('Acme 2019')).toBeNull();
  });
});

describe('findDateRange', () => {
  it('reads a month-name range ending in Present, and drops the brackets around it', () => {
    expect(findDateRange('Senior Engineer — Acme Corp (Mar 2019 – Present)')).toEqual({
      startDate: '2019-03',
      ongoing: true,
      range: true,
      rest: 'Senior Engineer — Acme Corp',
    });
  });

  it('reads ISO months after a pipe, and tidies the separator left behind', () => {
    expect(findDateRange('Acme Corp, Berlin | 2019-03 – 2021-06')).toEqual({
      startDate: '2019-03',
      endDate: '2021-06',
      ongoing: false,
      range: true,
      rest: 'Acme Corp, Berlin',
    });
  });

  it('reads "Jan 2018 - Dec 2020", "2018 – now", "03/2021 to current" and "2016-2019"', () => {
    expect(findDateRange('Jan 2018 - Dec 2020')).toMatchObject({
      startDate: '2018-01',
      endDate: '2020-12',
      rest: '',
    });
    const now = findDateRange('Freelance | 2018 – now');
    expect(now).toMatchObject({ startDate: '2018', ongoing: true, rest: 'Freelance' });
    expect(now?.endDate).toBeUndefined();
    expect(findDateRange('03/2021 to current')).toMatchObject({
      startDate: '2021-03',
      ongoing: true,
    });
    expect(findDateRange('2016-2019')).toMatchObject({ startDate: '2016', endDate: '2019' });
  });

  it('reads "since 2020" and an open "2019 –" as ongoing, one year alone as a single date', () => {
    expect(findDateRange('Maintainer since 2020')).toMatchObject({
      startDate: '2020',
      ongoing: true,
      range: true,
      rest: 'Maintainer',
    });
    expect(findDateRange('Acme (2019 –)')).toMatchObject({ startDate: '2019', ongoing: true });
    expect(findDateRange('BSc Computer Science, 2016')).toMatchObject({
      startDate: '2016',
      range: false,
      rest: 'BSc Computer Science',
    });
  });

  it('finds nothing in a line without dates, and does not take part of a number for a year', () => {
    expect(findDateRange('Built REST APIs in Node.js')).toBeNull();
    expect(findDateRange('Served 120195 requests')).toBeNull();
  });
});

describe('tidySeparators', () => {
  it('drops separators left at the ends, and one of two doubled', () => {
    expect(tidySeparators('Acme Corp |  | Berlin')).toBe('Acme Corp | Berlin');
    expect(tidySeparators('— Acme Corp ()')).toBe('Acme Corp');
    expect(tidySeparators('Engineer, ')).toBe('Engineer');
  });
});
