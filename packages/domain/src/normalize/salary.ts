import type { Salary, SalaryPeriod } from '../job.js';
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  currencyOfToken,
  salaryScale,
} from './currency.js';

/**
 * Pay read from free text: "$120k-150k", "EUR 50.000 - 60.000 a year", "£70k–£85k",
 * "60-80k GBP", "$40/hr", "CHF 110'000", "₹12 LPA", "up to $90k", "from €4,000/month",
 * "150k+". Figures are whole currency units; the period comes from the words around the
 * figures or, when none is written, from their size.
 */
export interface SalaryHint {
  /** ISO code assumed when the text names none; also settles a bare "$", "kr" or "¥". */
  currency?: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const LETTER_TAIL = '(?![A-Za-z])';
const CODE_ALTERNATION = [...CURRENCY_CODES, 'usd', 'eur', 'gbp', 'chf', 'cad', 'aud', 'inr']
  .map((code) => `${code}${LETTER_TAIL}`)
  .join('|');
const SYMBOL_ALTERNATION = CURRENCY_SYMBOLS.map(([symbol]) =>
  /[A-Za-z.]$/.test(symbol) ? `${escape(symbol)}${LETTER_TAIL}` : escape(symbol),
).join('|');
const WORD_ALTERNATION = Object.keys(CURRENCY_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((word) => `${word}\\b`)
  .join('|');
const CUR = `(?:${SYMBOL_ALTERNATION}|${CODE_ALTERNATION})`;

/** 8,00,000 (Indian grouping) / 120,000 / 50.000 / 110'000 / 120 000 (one separator throughout), decimals, or plain digits. */
const NUM = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?<sep>[,.'’\u00a0\u202f ])\d{3}(?:\k<sep>\d{3})*(?!\d)(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d{1,2}(?!\d))?`;
const MULT = String.raw`[kK](?![A-Za-z])|LPA(?![A-Za-z])|lpa(?![A-Za-z])|[Ll]akhs?(?![A-Za-z])|[Ll]acs?(?![A-Za-z])|L(?![A-Za-z])|[Cc]rores?(?![A-Za-z])|[Cc]r(?![A-Za-z])`;

/** Every alternative starts with a digit, so scanning for numbers is quick. */
const NUMBER = new RegExp(NUM, 'g');
/** A currency written right before a number ("$", "USD ", "CHF:"), anchored at the number. */
export const CURRENCY_BEFORE = new RegExp(String.raw`(${CUR})[\s:]{0,2}$`);
const MULT_AFTER = new RegExp(String.raw`^\s?(${MULT})`);
const CURRENCY_AFTER = new RegExp(String.raw`^\s?(${CUR}|${WORD_ALTERNATION})`);
/** What may not touch a figure (or its currency) on the left: it would be part of a word or number. */
const GLUED_LEFT = /[\p{L}\p{N}_.,'’]/u;

/** GLUED_LEFT for the code unit before `at`, without a one-character string for ASCII. */
function gluedBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c < 128) return GLUED_ASCII[c] === 1;
  return GLUED_LEFT.test(text[at - 1] ?? '');
}
const GLUED_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (GLUED_LEFT.test(String.fromCharCode(c))) GLUED_ASCII[c] = 1;

/**
 * The last character of each currency CURRENCY_BEFORE names, with the tokens ending in it:
 * unless one ends right before the figure (give or take two spaces or colons), the pattern
 * cannot match, and most figures are passed without running it.
 */
const CURRENCY_TOKENS_BY_LAST = new Map<number, string[]>();
for (const token of [
  ...CURRENCY_SYMBOLS.map(([symbol]) => symbol),
  ...CURRENCY_CODES,
  ...['usd', 'eur', 'gbp', 'chf', 'cad', 'aud', 'inr'],
]) {
  const last = token.charCodeAt(token.length - 1);
  const list = CURRENCY_TOKENS_BY_LAST.get(last);
  if (list === undefined) CURRENCY_TOKENS_BY_LAST.set(last, [token]);
  else list.push(token);
}

/** Whether some currency token ends at `end`, `end - 1` or `end - 2` with only [\s:] after it. */
export function currencyMayEndAt(text: string, end: number): boolean {
  for (let at = end; at >= end - 2 && at > 0; at--) {
    const tokens = CURRENCY_TOKENS_BY_LAST.get(text.charCodeAt(at - 1));
    if (tokens !== undefined) {
      for (const token of tokens) if (text.startsWith(token, at - token.length)) return true;
    }
    const c = text.charCodeAt(at - 1);
    if (c !== 58 /* : */ && !isSpace(c)) return false;
  }
  return false;
}

interface Amount {
  start: number;
  end: number;
  value: number;
  /** 1, 1000 (k), 100000 (lakh) or 10000000 (crore). */
  mult: number;
  /** "LPA" says the period too. */
  perAnnum: boolean;
  currency: string | null;
}

interface Candidate {
  start: number;
  end: number;
  min: number | null;
  max: number | null;
  currency: string | null;
  mult: number;
  perAnnum: boolean;
  /** The largest figure, to judge size. */
  top: number;
  single: boolean;
}

/**
 * Figures that are not pay: dates, times, 401(k), phone numbers. Every pattern starts with a
 * digit (or "+"), so masking costs little; links and e-mail addresses are checked per figure.
 */
const MASKS: readonly RegExp[] = [
  /\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g,
  /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/g,
  /\b\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?/gi,
  /\b\d{1,2}\s?[ap]\.?m\.?(?![a-z])/gi,
  /\b\d{1,2}(?:st|nd|rd|th)\b/gi,
  /(?<![$€£]\s?)\b(?:401\s?\(?k\)?|40[37]\s?\(?b\)?|457\s?\(?b\)?)(?![a-z])/gi,
  /\b24\/7\b/g,
  /\+?\d{1,3}[\s.-]\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g,
];

/**
 * Matches wherever any of MASKS would (each of their matches holds one of these shapes:
 * the tail of a date, a time, "am"/"pm", an ordinal, 401(k) and kin, 24/7, a phone number),
 * case folded, without their word boundaries and lookbehind: where it finds nothing none of
 * them would mask anything, so most texts are done in one scan instead of eight, and a
 * simpler one than all of MASKS together.
 */
export const MASK_GATE =
  /\d(?:\d{0,3}[-/.]\d{1,2}[-/.]\d|:\d\d|\s?[ap]\.?m|(?:st|nd|rd|th)\b|[\s.-]\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})|40[137]|457|24\/7/i;

/** For tests: the figures that are not pay. */
export const SALARY_MASKS = MASKS;

function mask(text: string): string {
  if (!MASK_GATE.test(text)) return text;
  let out = text;
  for (const pattern of MASKS) {
    pattern.lastIndex = 0;
    if (pattern.test(out)) out = out.replace(pattern, (m) => ' '.repeat(m.length));
  }
  return out;
}

/** The figure sits in a link or an e-mail address ("jobs/6527370-growth-engineer"). */
function inLinkOrEmail(text: string, start: number, end: number): boolean {
  let left = start;
  while (left > 0 && !isSpace(text.charCodeAt(left - 1))) left--;
  let right = end;
  while (right < text.length && !isSpace(text.charCodeAt(right))) right++;
  return /:\/\/|www\.|@/.test(text.slice(left, right));
}

/** What \s matches, by code unit. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

function parseNumber(raw: string): number {
  // Indian grouping: 8,00,000 and 1,20,00,000.
  if (/^\d{1,2}(?:,\d{2})+,\d{3}$/.test(raw)) return Number(raw.replace(/,/g, ''));
  const grouped = /^(\d{1,3})([,.'’\u00a0\u202f ])(\d{3}(?:\2\d{3})*)(?:[.,](\d{1,2}))?$/.exec(raw);
  if (grouped !== null) {
    const whole = `${grouped[1] ?? ''}${(grouped[3] ?? '').replace(/\D/g, '')}`;
    return Number(grouped[4] === undefined ? whole : `${whole}.${grouped[4]}`);
  }
  return Number(raw.replace(',', '.'));
}

interface Mult {
  readonly mult: number;
  readonly perAnnum: boolean;
  readonly indian: boolean;
}
// One object per kind of multiplier, shared: callers only read them.
const UNITS: Mult = { mult: 1, perAnnum: false, indian: false };
const THOUSANDS: Mult = { mult: 1000, perAnnum: false, indian: false };
const LAKHS_A_YEAR: Mult = { mult: 100_000, perAnnum: true, indian: true };
const CRORES: Mult = { mult: 10_000_000, perAnnum: false, indian: true };
const LAKHS: Mult = { mult: 100_000, perAnnum: false, indian: true };

function multOf(token: string | undefined): Mult {
  if (token === undefined) return UNITS;
  const t = token.toLowerCase();
  if (t === 'k') return THOUSANDS;
  if (t === 'lpa') return LAKHS_A_YEAR;
  if (t.startsWith('cr')) return CRORES;
  return LAKHS;
}

function amountsIn(masked: string, hint: string | undefined): Amount[] {
  const amounts: Amount[] = [];
  for (const m of masked.matchAll(NUMBER)) {
    const num = m[0];
    let start = m.index;
    let end = start + num.length;
    const cur1 = currencyMayEndAt(masked, start)
      ? CURRENCY_BEFORE.exec(masked.slice(Math.max(0, start - 8), start))
      : null;
    if (cur1 === null) {
      if (start > 0 && gluedBefore(masked, start)) continue;
    } else {
      const curStart = start - cur1[0].length;
      if (curStart > 0 && gluedBefore(masked, curStart)) {
        // "abc$120": the sign is glued to a word, the figure stands without a currency.
        if (gluedBefore(masked, start)) continue;
      } else start = curStart;
    }
    const tail = masked.slice(end, end + 20);
    const multMatch = MULT_AFTER.exec(tail);
    const afterMult = multMatch === null ? tail : tail.slice(multMatch[0].length);
    const cur2 = CURRENCY_AFTER.exec(afterMult);
    end += (multMatch?.[0].length ?? 0) + (cur2?.[0].length ?? 0);
    if (inLinkOrEmail(masked, start, end)) continue;

    const { mult, perAnnum, indian } = multOf(multMatch?.[1]);
    const usedCur1 = cur1 !== null && start < m.index;
    let currency =
      (usedCur1 && cur1[1] !== undefined ? currencyOfToken(cur1[1], hint) : null) ??
      (cur2?.[1] === undefined ? null : currencyOfToken(cur2[1], hint));
    if (indian) {
      if (currency !== null && currency !== 'INR') continue;
      currency = 'INR';
    }
    amounts.push({ start, end, value: parseNumber(num), mult, perAnnum, currency });
  }
  return amounts;
}

const RANGE_JOIN = /^\s*(?:-|–|—|‒|−|~|to|bis|and)\s*$/i;

function candidatesIn(masked: string, amounts: readonly Amount[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i]!;
    const b = amounts[i + 1];
    const join = b === undefined ? null : masked.slice(a.end, b.start);
    const isRange =
      b !== undefined &&
      join !== null &&
      RANGE_JOIN.test(join) &&
      (!/and/i.test(join) ||
        /\bbetween\s*$/i.test(masked.slice(Math.max(0, a.start - 12), a.start)));
    if (b !== undefined && isRange) {
      // "$120-150k": a multiplier written once applies to both ends when that keeps them in order.
      let multA = a.mult;
      let multB = b.mult;
      if (multA === 1 && multB > 1 && a.value < 1000 && a.value <= b.value) multA = multB;
      if (multB === 1 && multA > 1 && b.value < 1000 && b.value >= a.value) multB = multA;
      let lo = a.value * multA;
      let hi = b.value * multB;
      if (lo > hi) [lo, hi] = [hi, lo];
      out.push({
        start: a.start,
        end: b.end,
        min: lo,
        max: hi,
        currency: a.currency ?? b.currency,
        mult: Math.max(multA, multB),
        perAnnum: a.perAnnum || b.perAnnum,
        top: hi,
        single: false,
      });
      i++;
      continue;
    }
    const value = a.value * a.mult;
    out.push({
      start: a.start,
      end: a.end,
      min: value,
      max: value,
      currency: a.currency,
      mult: a.mult,
      perAnnum: a.perAnnum,
      top: value,
      single: true,
    });
  }
  return out;
}

const PERIOD_AFTER = new RegExp(
  [
    String.raw`^[\s()[\],:*+-]*(?:(?:gross|net|base|brutto|netto)\s+)?(?:`,
    String.raw`(?<hour>(?:\/\s*|per\s+|an?\s+|each\s+)(?:hour|hr|h)\b|hourly\b|p\/?h\b|(?:hours?|hrs?)\b)`,
    String.raw`|(?<day>(?:\/\s*|per\s+|an?\s+)(?:day|d)\b|daily\b|p\/?d\b|day\s*rate\b)`,
    String.raw`|(?<week>(?:\/\s*|per\s+|an?\s+)(?:week|wk|w)\b|weekly\b|p\/?w\b)`,
    String.raw`|(?<month>(?:\/\s*|per\s+|an?\s+)(?:month|mo|mth|mon|m)\b|monthly\b|pcm\b|p\/m\b)`,
    String.raw`|(?<year>(?:\/\s*|per\s+|an?\s+)(?:year|yr|y|annum)\b|annually\b|annual\b|yearly\b|p\.\s?a\.?|pa\b|lpa\b|per\s+annum\b)`,
    ')',
  ].join(''),
  'i',
);

/** Period words anywhere before the figures ("Hourly rate: $40", "Annual salary €50k"). */
const PERIOD_WORDS = new RegExp(
  [
    String.raw`(?<hour>\bhourly\b|\bper\s+hour\b|\ban\s+hour\b|\/\s*(?:hr|hour)\b)`,
    String.raw`|(?<day>\bdaily\b|\bper\s+day\b|\bday\s*rate\b)`,
    String.raw`|(?<week>\bweekly\b|\bper\s+week\b)`,
    String.raw`|(?<month>\bmonthly\b|\bper\s+month\b|\ba\s+month\b|\/\s*(?:mo|month)\b)`,
    String.raw`|(?<year>\bannual(?:ly)?\b|\byearly\b|\bper\s+(?:year|annum)\b|\ba\s+year\b|\bp\.a\.|\/\s*(?:yr|year)\b)`,
  ].join(''),
  'gi',
);

const PERIODS: readonly SalaryPeriod[] = ['hour', 'day', 'week', 'month', 'year'];

function periodOfGroups(
  groups: Record<string, string | undefined> | undefined,
): SalaryPeriod | null {
  if (groups === undefined) return null;
  return PERIODS.find((p) => groups[p] !== undefined) ?? null;
}

function lastPeriodWord(text: string): SalaryPeriod | null {
  let found: SalaryPeriod | null = null;
  for (const m of text.matchAll(PERIOD_WORDS)) found = periodOfGroups(m.groups) ?? found;
  return found;
}

function firstPeriodWord(text: string): SalaryPeriod | null {
  for (const m of text.matchAll(PERIOD_WORDS)) {
    const p = periodOfGroups(m.groups);
    if (p !== null) return p;
  }
  return null;
}

/** Hours, days, weeks and months in a working year, as ranking/pay.ts counts them. */
const PER_YEAR: Record<SalaryPeriod, number> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};

/** The period a figure of this size most likely is: < 500 hour, < 1k day, < 20k month, else year. */
function periodFromSize(top: number, currency: string): SalaryPeriod {
  const v = top / salaryScale(currency);
  if (v < 500) return 'hour';
  if (v < 1000) return 'day';
  if (v < 20_000) return 'month';
  return 'year';
}

/** Highest believable figure per period, in US-dollar-like units. */
const CEILING: Record<SalaryPeriod, number> = {
  hour: 1_500,
  day: 10_000,
  week: 40_000,
  month: 200_000,
  year: 5_000_000,
};

function plausible(top: number, period: SalaryPeriod, currency: string, floor: number): boolean {
  const v = top / salaryScale(currency);
  return v <= CEILING[period] && v * PER_YEAR[period] >= floor;
}

const FUNDING_AFTER =
  /^\s*(?:B|M|MM|bn|mn|mil|mill|million|billion|trillion)\b|^\s*%|^\s*percent\b|^\s*x\b/i;
const YEARS_AFTER = /^\s*\+?\s*(?:years?|yrs?|yoe)\b/i;
const COUNT_AFTER =
  /^\s*\+?\s*(?:people|persons|employees|staff|engineers|developers|members|users|customers|clients|countries|cities|offices|locations|teams?|hours|hrs|minutes|mins|days|weeks|months|stars|reviews|downloads|companies|startups|projects|apps|lines|pages|miles|km|kg|lbs|sq|ft|gb|mb|tb|ghz|servers|nodes|requests|transactions|students|patients|seats|units|items|products|languages|times|shifts|applicants|hires|roles|positions|openings|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const COUNT_BEFORE =
  /(?:\b(?:team\s+of|group\s+of|series|version|v|rank(?:ed)?|no\.|number|id|room|floor|suite|ste|zip|step|level|grade|page|chapter|section|phase|top|q[1-4]|h[12]|fy|founded|est\.?|iso|rfc|ieee|pci|soc|din|type|model|article|act)|#|§|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2},?)?)\s*$/i;
/** Money that is not pay: "$1,000 learning budget", "stipend of $500", "raised $20M". */
const NOT_PAY_AFTER =
  /^\s*(?:(?![+]|plus\b|and\b|with\b|or\b|base\b|salary\b)[a-z-]+\s+){0,2}(?:stipend|budget|bonus|allowance|credit|coupon|gift|voucher|reimbursement|grant|prize|award|funding|revenue|valuation|arr|mrr|investment|round|seed|spend|raise|fee|fees|deposit|discount|off)\b/i;
const NOT_PAY_BEFORE =
  /\b(?:stipend|budget|bonus|allowance|credit|coupon|gift\s+card|voucher|reimburse\w*|relocation|sign(?:ing|-on)|referral|prize|award|grant|raised|raising|funding|revenue|valuation|worth|arr|mrr|spend(?:ing)?|spent|invest\w*|fee|deposit|discount|donat\w*)\s*(?:of|up\s+to|upto|to|:)?\s*(?:~|about|around|approximately|over|nearly|almost)?\s*$/i;
const SALARY_CONTEXT_BEFORE =
  /\b(?:salary|salaries|compensation|comp|pay|paying|pays|paid|base|ote|tc|total\s+comp(?:ensation)?|remuneration|wages?|rate|income|earn(?:ings?)?|package|range|gehalt|salaire|sueldo|stipendio|ctc)\b[^.\n!?]{0,40}$/i;
/** "+ equity", "plus bonus" right after the figures, on the same line. */
const PAY_AFTER =
  /^[ \t]*\+?[ \t]*(?:\+|plus|and|&)?[ \t]*(?:equity|bonus|benefits|stock|options|rsus?|ote|doe|base|salary|commission)\b/i;
const MAX_ONLY =
  /(?:\bup\s*to|\bupto|\bmax(?:imum)?\.?|\bnot\s+(?:more|higher)\s+than|\bno\s+more\s+than|\bas\s+(?:much|high)\s+as|\bunder|\bbelow|\bless\s+than|<|≤|\bbis\s+zu|\bjusqu'?à)\s*:?\s*$/i;
const MIN_ONLY =
  /(?:\bfrom|\bstarting\s+(?:at|from)|\bstarts\s+at|\bmin(?:imum)?\.?|\bat\s+least|\bover|\babove|\bmore\s+than|\bin\s+excess\s+of|>|≥|\bab)\s*:?\s*$/i;
const OPEN_ENDED_AFTER = /^\+|^\s+(?:or\s+more|and\s+(?:up|above))\b/i;

function judge(
  masked: string,
  c: Candidate,
  hint: SalaryHint | undefined,
  strict: boolean,
): Salary | null {
  const after = masked.slice(c.end, c.end + 40);
  const before = masked.slice(Math.max(0, c.start - 60), c.start);
  if (FUNDING_AFTER.test(after) || YEARS_AFTER.test(after)) return null;

  const hasCurrency = c.currency !== null;
  // In running text a figure without currency needs a pay word (below): most figures there
  // are counts, and every other way out of this function is null too, so ask that first.
  const context =
    !hasCurrency && (SALARY_CONTEXT_BEFORE.test(before) || (c.mult > 1 && PAY_AFTER.test(after)));
  if (strict && !hasCurrency && !context) return null;
  const currency = c.currency ?? validCode(hint?.currency) ?? 'USD';
  // Written right after the figures ("/hr", "a year", "LPA"): binding.
  const stated: SalaryPeriod | null = c.perAnnum
    ? 'year'
    : periodOfGroups(PERIOD_AFTER.exec(after)?.groups);
  // Named elsewhere ("Hourly rate: $40", "... per annum" later in a field): used when it fits.
  const nearby =
    stated ??
    lastPeriodWord(before.slice(-40)) ??
    (strict ? null : firstPeriodWord(masked.slice(c.end, c.end + 120)));

  if (!hasCurrency) {
    if (COUNT_AFTER.test(after) || COUNT_BEFORE.test(before)) return null;
    if (c.mult === 1 && yearLike(c.min) && yearLike(c.max) && nearby === null) return null;
    // A pay word before the figures (context, above), or "+ equity" after figures in
    // thousands ("150-250k+ + equity").
    const sized = c.mult > 1 || nearby !== null || c.top >= 1000;
    if (strict ? !(context && sized) : !sized) return null;
  }
  if (NOT_PAY_AFTER.test(after) || NOT_PAY_BEFORE.test(before)) return null;

  const floor = strict ? 3000 : 1000;
  let period: SalaryPeriod;
  if (stated !== null) {
    if (!plausible(c.top, stated, currency, floor)) return null;
    period = stated;
  } else if (nearby !== null && plausible(c.top, nearby, currency, floor)) {
    period = nearby;
  } else {
    period = periodFromSize(c.top, currency);
    // In running text a lone small figure ("a $40 voucher") is pay only when called so.
    const called = SALARY_CONTEXT_BEFORE.test(before) || PAY_AFTER.test(after);
    if (strict && (period === 'hour' || period === 'day') && !called) return null;
    if (!plausible(c.top, period, currency, floor)) return null;
  }

  let min = c.min;
  let max = c.max;
  if (c.single) {
    if (OPEN_ENDED_AFTER.test(masked.slice(c.end, c.end + 12))) max = null;
    else if (MAX_ONLY.test(before)) min = null;
    else if (MIN_ONLY.test(before)) max = null;
  }
  return { min: cents(min), max: cents(max), currency, period };
}

const yearLike = (n: number | null): boolean =>
  n !== null && Number.isInteger(n) && n >= 1900 && n <= 2100;

const cents = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

/** An ISO 4217-looking code, upper-cased, or undefined. */
function validCode(code: string | undefined): string | undefined {
  const upper = code?.trim().toUpperCase();
  return upper !== undefined && /^[A-Z]{3}$/.test(upper) ? upper : undefined;
}

function candidatesOf(
  text: string,
  hint: SalaryHint | undefined,
): { masked: string; all: Candidate[] } {
  const masked = mask(text);
  return { masked, all: candidatesIn(masked, amountsIn(masked, validCode(hint?.currency))) };
}

/**
 * The pay a salary field states ("$120k-150k", "EUR 50.000 - 60.000 a year", "150k+"), or
 * null when it states none. Takes the first figure or range that reads as pay. A figure
 * without currency takes `hint.currency`, else USD.
 */
export function parseSalaryText(text: string, hint?: SalaryHint): Salary | null {
  if (text.trim() === '') return null;
  const { masked, all } = candidatesOf(text, hint);
  for (const c of all) {
    const salary = judge(masked, c, hint, false);
    if (salary !== null) return salary;
  }
  return null;
}

/**
 * The first believable pay range in a longer text (a description, a title, an HN comment):
 * a figure with a currency sign or code, or one in thousands next to a pay word ("salary",
 * "compensation", "base", "+ equity"). Funding ("$20M Series A"), budgets and stipends,
 * percentages, years of experience, 401(k) and dates are passed over.
 */
export function findSalaryInText(text: string, hint?: SalaryHint): Salary | null {
  if (text.trim() === '') return null;
  const { masked, all } = candidatesOf(text, hint);
  for (const c of all) {
    const salary = judge(masked, c, hint, true);
    if (salary !== null) return salary;
  }
  return null;
}
