/**
 * Currencies as job postings write them: symbols, ISO 4217 codes and a few words, with a
 * rough "salary scale" per currency used only to guess a missing pay period from the size
 * of a figure and to reject figures no salary could be.
 */

/** Symbols and prefixes, longest first so "US$" wins over "$". */
export const CURRENCY_SYMBOLS: readonly (readonly [string, string])[] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['MX$', 'MXN'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₽', 'RUB'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['₱', 'PHP'],
  ['₪', 'ILS'],
  ['Rs.', 'INR'],
  ['Rs', 'INR'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['kr', 'SEK'],
  ['Fr.', 'CHF'],
];

/**
 * How large salary figures in a currency run compared with US dollars (annual pay of a
 * typical tech role divided by ~$100k, rounded). Not exchange rates: a monthly ₹50,000 or
 * ¥400,000 must still read as monthly.
 */
export const SALARY_SCALE: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1,
  GBP: 1,
  CHF: 1,
  CAD: 1.2,
  AUD: 1.3,
  NZD: 1.3,
  SGD: 1.2,
  HKD: 5,
  JPY: 60,
  CNY: 4,
  INR: 12,
  SEK: 6,
  NOK: 7,
  DKK: 5,
  ISK: 100,
  PLN: 2.5,
  CZK: 10,
  HUF: 100,
  RON: 2,
  BGN: 1,
  UAH: 15,
  RUB: 30,
  TRY: 10,
  ILS: 3,
  AED: 3,
  SAR: 3,
  ZAR: 6,
  NGN: 100,
  KES: 30,
  EGP: 20,
  BRL: 1.5,
  MXN: 5,
  ARS: 300,
  CLP: 400,
  COP: 1500,
  PEN: 1.5,
  KRW: 600,
  TWD: 15,
  THB: 15,
  MYR: 2,
  IDR: 2000,
  PHP: 20,
  VND: 5000,
  PKR: 50,
  BDT: 30,
  LKR: 50,
};

export const CURRENCY_CODES: readonly string[] = Object.keys(SALARY_SCALE);

/** Words written after an amount ("100,000 dollars"). */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollars: 'USD',
  dollar: 'USD',
  euros: 'EUR',
  euro: 'EUR',
  pounds: 'GBP',
  rupees: 'INR',
  francs: 'CHF',
};

/** Currencies written with a bare "$". */
const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']);
const KRONA_CURRENCIES = new Set(['SEK', 'NOK', 'DKK', 'ISK']);
const YEN_CURRENCIES = new Set(['JPY', 'CNY']);

/** The ISO code a currency token stands for; `hint` settles "$", "kr" and "¥". */
export function currencyOfToken(token: string, hint: string | undefined): string | null {
  const trimmed = token.trim();
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && upper in SALARY_SCALE) return upper;
  const word = CURRENCY_WORDS[trimmed.toLowerCase()];
  if (word !== undefined) return word;
  for (const [symbol, code] of CURRENCY_SYMBOLS) {
    if (symbol !== trimmed) continue;
    if (hint !== undefined) {
      if (symbol === '$' && DOLLAR_CURRENCIES.has(hint)) return hint;
      if (symbol === 'kr' && KRONA_CURRENCIES.has(hint)) return hint;
      if (symbol === '¥' && YEN_CURRENCIES.has(hint)) return hint;
    }
    return code;
  }
  return null;
}

export function salaryScale(currency: string): number {
  return SALARY_SCALE[currency] ?? 1;
}

/** The currency pay is usually quoted in, by ISO 3166-1 alpha-2 country. */
const COUNTRY_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  BR: 'BRL',
  GB: 'GBP',
  IE: 'EUR',
  FR: 'EUR',
  DE: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  LU: 'EUR',
  AT: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  PT: 'EUR',
  FI: 'EUR',
  GR: 'EUR',
  EE: 'EUR',
  LV: 'EUR',
  LT: 'EUR',
  SK: 'EUR',
  SI: 'EUR',
  HR: 'EUR',
  CY: 'EUR',
  MT: 'EUR',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  IN: 'INR',
  SG: 'SGD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  IL: 'ILS',
  AE: 'AED',
  ZA: 'ZAR',
};

/** The local currency of a country code, if known. */
export function currencyOfCountry(country: string | null): string | undefined {
  return country === null ? undefined : COUNTRY_CURRENCY[country];
}
