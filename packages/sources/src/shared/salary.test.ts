import { describe, expect, it } from 'vitest';
import { amountOf, currencyCode, positiveAmountOf, salaryRange } from './salary.js';

describe('salary', () => {
  it('amountOf reads numbers and numeric strings of zero or more', () => {
    expect(amountOf(52000)).toBe(52000);
    expect(amountOf(' 4500.5 ')).toBe(4500.5);
    expect(amountOf(0)).toBe(0);
    expect(amountOf(-1)).toBeNull();
    expect(amountOf('')).toBeNull();
    expect(amountOf('lots')).toBeNull();
    expect(amountOf(Number.POSITIVE_INFINITY)).toBeNull();
    expect(amountOf(null)).toBeNull();
  });

  it('positiveAmountOf reads 0 as no pay given', () => {
    expect(positiveAmountOf(0)).toBeNull();
    expect(positiveAmountOf('0')).toBeNull();
    expect(positiveAmountOf('120000')).toBe(120000);
  });

  it('currencyCode wants three letters', () => {
    expect(currencyCode(' eur ')).toBe('EUR');
    expect(currencyCode('dollars')).toBeNull();
    expect(currencyCode('$')).toBeNull();
    expect(currencyCode(undefined)).toBeNull();
  });

  it('salaryRange needs one end and puts the ends in order', () => {
    expect(salaryRange(90000, 70000, 'EUR', 'year')).toEqual({
      min: 70000,
      max: 90000,
      currency: 'EUR',
      period: 'year',
    });
    expect(salaryRange(null, 40, 'USD', 'hour')).toEqual({
      min: null,
      max: 40,
      currency: 'USD',
      period: 'hour',
    });
    expect(salaryRange(null, null, 'USD', 'year')).toBeNull();
  });
});
