import type { SalaryPeriod } from '@applydesk/domain';

/** Pay read from free text ("$170-225K", "€60-100k", "$45/hr"), in whole units of currency. */
export interface ParsedSalary {
  min: number | null;
  max: number | null;
  /** ISO 4217 code. */
  currency: string;
  period: SalaryPeriod;
  /** The words the figures were read from, as written. */
  text: string;
}

export interface SalaryTextOptions {
  /**
   * ISO code assumed when the text names no currency. Only a range in thousands
   * ("150-250k") is read without one; null (the default) refuses such figures.
   */
  defaultCurrency?: string | null;
  /**
   * Accept figures only when a pay word (salary, compensation, pay, base, OTE) comes shortly
   * before them: for running text, where "$200B company" and "$50mil Series B" also appear.
   */
  requireContext?: boolean;
}

const SYMBOL_CODES: Record<string, string> = {
  US$: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  AU$: 'AUD',
  A$: 'AUD',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};
const CODES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'INR',
  'JPY',
  'SGD',
  'NZD',
  'ILS',
  'CZK',
  'BRL',
  'MXN',
];

const SYM = String.raw`(?:US\$|CA\$|C\$|AU\$|A\$|\$|€|£|¥|₹)`;
const CODE = `(?:${CODES.join('|')})`;
const CUR = `(?:${SYM}|${CODE}\\s?)`;
const NUM = String.raw`\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?`;
const K = String.raw`[kK](?![a-zA-Z])`;
const DASH = String.raw`\s*(?:-|–|—|to)\s*`;

/** currency? number k? (dash currency? number k?)? trailing-currency? */
const FIGURES = new RegExp(
  `(?<![\\w.,])(${CUR})?\\s*(${NUM})\\s*(${K})?(?:${DASH}(${CUR})?\\s*(${NUM})\\s*(${K})?)?(?:\\s*(${SYM}|${CODE}\\b))?`,
  'g',
);

/** What a figure may not be followed by: a percentage, billions, millions, a longer number. */
const NOT_PAY_AFTER = /^(?:\d|\s*%|\s*(?:B|M|MM|bn|mn|mil|million|billion)\b)/i;
const PERIOD_AFTER =
  /^\s*\+?\s*(?:\/\s*|per\s+|an?\s+|p\.?\s*)(hour|hr|h|year|yr|annum|month|mo|week|wk|day)\b|^\s*\+?\s*(hourly|annually|yearly|monthly|weekly|daily)\b/i;
const PAY_WORDS = /\b(salary|salaries|compensation|comp|pay|paying|base|OTE|TC|range|package)\b/i;

function currencyOf(token: string | undefined): string | null {
  if (token === undefined) return null;
  const t = token.trim();
  return SYMBOL_CODES[t] ?? (CODES.includes(t.toUpperCase()) ? t.toUpperCase() : null);
}

/** "150,000" and "150.000" are thousands; "1.5" is not. */
function numberOf(text: string): number {
  if (/^\d{1,3}(?:[,.]\d{3})+$/.test(text)) return Number(text.replace(/[,.]/g, ''));
  return Number(text);
}

function periodOf(word: string | undefined): SalaryPeriod {
  const w = (word ?? '').toLowerCase();
  if (w === 'hour' || w === 'hr' || w === 'h' || w === 'hourly') return 'hour';
  if (w === 'month' || w === 'mo' || w === 'monthly') return 'month';
  if (w === 'week' || w === 'wk' || w === 'weekly') return 'week';
  if (w === 'day' || w === 'daily') return 'day';
  return 'year';
}

const PLAUSIBLE: Record<SalaryPeriod, [number, number]> = {
  hour: [1, 5_000],
  day: [10, 50_000],
  week: [50, 200_000],
  month: [100, 1_000_000],
  year: [1_000, 10_000_000],
};

/** The first pay figure or range in the text, or null when it names none it can trust. */
export function parseSalaryText(
  text: string,
  options: SalaryTextOptions = {},
): ParsedSalary | null {
  const defaultCurrency = options.defaultCurrency ?? null;
  FIGURES.lastIndex = 0;
  for (let m = FIGURES.exec(text); m !== null; m = FIGURES.exec(text)) {
    const [whole, cur1, n1, k1, cur2, n2, k2, curTrail] = m;
    const found = accept(
      text,
      m.index,
      whole,
      { cur1, n1, k1, cur2, n2, k2, curTrail },
      defaultCurrency,
      options,
    );
    if (found !== null) return found;
    // Retry from the next character, so a refused figure never hides the one after it.
    FIGURES.lastIndex = m.index + 1;
  }
  return null;
}

interface Groups {
  cur1: string | undefined;
  n1: string | undefined;
  k1: string | undefined;
  cur2: string | undefined;
  n2: string | undefined;
  k2: string | undefined;
  curTrail: string | undefined;
}

function accept(
  text: string,
  index: number,
  whole: string,
  g: Groups,
  defaultCurrency: string | null,
  options: SalaryTextOptions,
): ParsedSalary | null {
  if (g.n1 === undefined) return null;
  const after = text.slice(index + whole.length);
  if (NOT_PAY_AFTER.test(after)) return null;
  const named = currencyOf(g.cur1) ?? currencyOf(g.cur2) ?? currencyOf(g.curTrail);
  const range = g.n2 !== undefined;
  const kilo = g.k1 !== undefined || g.k2 !== undefined;
  let low = numberOf(g.n1);
  let high = g.n2 === undefined ? null : numberOf(g.n2);
  if (g.k1 !== undefined) low *= 1000;
  if (high !== null && g.k2 !== undefined) high *= 1000;
  // "$170-225K": the K covers both ends; "$150k-190" likewise.
  if (high !== null && g.k2 !== undefined && g.k1 === undefined && low < 1000) low *= 1000;
  if (high !== null && g.k1 !== undefined && g.k2 === undefined && high < 1000) high *= 1000;

  const periodMatch = PERIOD_AFTER.exec(after);
  const period = periodOf(periodMatch?.[1] ?? periodMatch?.[2]);
  const writtenOut = low >= 1000;
  if (named !== null) {
    if (!kilo && !writtenOut && period === 'year') return null;
  } else if (defaultCurrency === null || !kilo || !range) {
    return null;
  }
  if (options.requireContext === true) {
    const before = text.slice(Math.max(0, index - 60), index);
    if (!PAY_WORDS.test(before)) return null;
  }
  const [floor, ceiling] = PLAUSIBLE[period];
  const inRange = (n: number) => Number.isFinite(n) && n >= floor && n <= ceiling;
  if (!inRange(low) || (high !== null && (!inRange(high) || high < low))) return null;

  const upTo = /\bup\s+to\s*$/i.test(text.slice(Math.max(0, index - 8), index));
  const plus = /^\s*\+/.test(after) && !range;
  const written = (whole + (periodMatch?.[0] ?? '')).trim();
  return {
    min: upTo ? null : low,
    max: high ?? (plus ? null : low),
    currency: named ?? (defaultCurrency as string),
    period,
    text: written,
  };
}
