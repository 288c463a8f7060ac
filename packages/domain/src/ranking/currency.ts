/**
 * Approximate value of one unit of each currency in US dollars, to compare pay quoted in one
 * currency with a floor in another. Rough on purpose (a ranking signal, not accounting);
 * as of 2026-11, from published reference rates. Settings may override any of them.
 */
export const USD_PER_UNIT_AS_OF = '2026-11-01';
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CHF: 1.13,
  CAD: 0.72,
  AUD: 0.65,
  NZD: 0.6,
  SGD: 0.74,
  HKD: 0.128,
  JPY: 0.0066,
  CNY: 0.138,
  INR: 0.012,
  PLN: 0.25,
  CZK: 0.043,
  HUF: 0.0027,
  RON: 0.217,
  SEK: 0.094,
  NOK: 0.092,
  DKK: 0.145,
  ILS: 0.27,
  TRY: 0.029,
  BRL: 0.18,
  MXN: 0.054,
  ZAR: 0.055,
  PHP: 0.017,
  KRW: 0.00072,
  UAH: 0.024,
  AED: 0.272,
};

/** Converts between currencies through the table; null when either rate is unknown. */
export function convertCurrency(
  amount: number,
  from: string,
  to: string,
  rates: Readonly<Record<string, number>> = USD_PER_UNIT,
): number | null {
  if (from === to) return amount;
  const a = rates[from];
  const b = rates[to];
  return a === undefined || b === undefined ? null : (amount * a) / b;
}
