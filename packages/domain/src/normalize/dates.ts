/**
 * Dates as sources send them, to ISO 8601 UTC: ISO strings with or without offset, epoch
 * seconds or milliseconds, RFC 2822 (RSS pubDate), "June 10, 2025", "3 days ago".
 */

const DAY_MS = 86_400_000;
const EARLIEST = Date.UTC(1990, 0, 1);

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)`;
const TIME = String.raw`(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?)`;
const ZONE = String.raw`(?:\s*(Z|UTC|UT|GMT|[ECMP][SD]T|BST|CET|CEST|EET|EEST|[+-]\d{2}:?\d{2}))`;

/** RFC 822/2822 zone names (obsolete but common in RSS), in minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
};

const ISO = new RegExp(
  String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?${ZONE}?$`,
  'i',
);
/** "Tue, 10 Jun 2025 14:00:00 GMT", "10 June 2025", "10th of June, 2025 at 2:00 pm". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${WEEKDAY}?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+(\d{4}|\d{2})${TIME}?${ZONE}?$`,
  'i',
);
/** "June 10, 2025", "Tuesday, Jun 10th 2025 2:00 PM". */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^${WEEKDAY}?${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}?${ZONE}?$`,
  'i',
);
/** JavaScript's Date#toString: "Tue Jun 10 2025 14:00:00 GMT+0200 (Central European Summer Time)". */
const JS_DATE =
  /^(?:mon|tue|wed|thu|fri|sat|sun)\s+([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+GMT([+-]\d{4})(?:\s+\(.*\))?$/i;
/** 10/06/2025, 25.06.2025, 2025/06/10. */
const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const PREFIX =
  /^(?:date\s+posted|posting\s+date|posted|published|updated|listed|added|active|reposted|created)\s*(?:on\s+|at\s+|:\s*)?/i;

const UNITS: Readonly<Record<string, number>> = {
  second: 1000,
  sec: 1000,
  s: 1000,
  minute: 60_000,
  min: 60_000,
  m: 60_000,
  hour: 3_600_000,
  hr: 3_600_000,
  h: 3_600_000,
  day: DAY_MS,
  d: DAY_MS,
  week: 7 * DAY_MS,
  wk: 7 * DAY_MS,
  w: 7 * DAY_MS,
  month: 30 * DAY_MS,
  mo: 30 * DAY_MS,
  mth: 30 * DAY_MS,
  year: 365 * DAY_MS,
  yr: 365 * DAY_MS,
  y: 365 * DAY_MS,
};
const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  'a few': 3,
  few: 3,
  several: 3,
};
const AGO =
  /^(?:over\s+|more\s+than\s+|about\s+|around\s+)?(\d+|an?|one|two|three|four|five|six|seven|a\s+few|few|several)\s*\+?\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|mths?|years?|yrs?|y)\s+ago$/i;
const AGO_COMPACT = /^(\d+)\s*\+?\s*(s|m|h|d|w|mo|y)$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Milliseconds since the epoch of a calendar date and wall time at an offset, or null. */
function fromParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
  offsetMinutes = 0,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  // Date.UTC maps years 0-99 to 1900-1999.
  if (new Date(utc).getUTCFullYear() !== year) return null;
  return utc - offsetMinutes * 60_000;
}

function offsetOf(zone: string | undefined): number | null {
  if (zone === undefined || zone === '') return 0;
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m === null) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function hour24(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return 99;
  const pm = meridiem.toLowerCase().startsWith('p');
  return (hour % 12) + (pm ? 12 : 0);
}

function twoDigitYear(raw: string): number {
  const n = Number(raw);
  return raw.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n < 0) return null;
  // Seconds until 5138, then milliseconds, then microseconds: the ranges do not overlap.
  if (n >= 1e14) return Math.floor(n / 1000);
  if (n >= 1e11) return Math.floor(n);
  return Math.floor(n * 1000);
}

function parseText(raw: string, now: Date): number | null {
  const text = raw.trim().replace(/\s+/g, ' ').replace(PREFIX, '');
  if (text === '') return null;

  if (/^\d+(?:\.\d+)?$/.test(text)) {
    // yyyymmdd ("20250610") before epoch values.
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (compact !== null)
      return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return text.length >= 9 ? fromEpoch(Number(text)) : null;
  }

  let m = ISO.exec(text);
  if (m !== null) {
    const offset = offsetOf(m[8]);
    if (offset === null) return null;
    const fraction = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
    return fromParts(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      fraction,
      offset,
    );
  }

  m = DAY_MONTH_YEAR.exec(text);
  if (m !== null) return fromNamed(m[3], m[1], m[2], m.slice(4, 9));
  m = MONTH_DAY_YEAR.exec(text);
  if (m !== null) return fromNamed(m[3], m[2], m[1], m.slice(4, 9));

  m = JS_DATE.exec(text);
  if (m !== null) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    const offset = offsetOf(m[7]);
    if (month === undefined || offset === null) return null;
    return fromParts(
      Number(m[3]),
      month,
      Number(m[2]),
      Number(m[4]),
      Number(m[5]),
      Number(m[6]),
      0,
      offset,
    );
  }

  m = NUMERIC.exec(text);
  if (m !== null) return fromNumeric(m[1] ?? '', m[2] ?? '', m[3] ?? '');

  return fromRelative(text.toLowerCase(), now);
}

/** A date with a month name: day, month and year, then [hour, minute, second, am/pm, zone]. */
function fromNamed(
  yearRaw: string | undefined,
  dayRaw: string | undefined,
  monthRaw: string | undefined,
  rest: readonly (string | undefined)[],
): number | null {
  const month = MONTHS[(monthRaw ?? '').toLowerCase().replace(/\.$/, '')];
  if (month === undefined || yearRaw === undefined) return null;
  const [h, min, s, meridiem, zone] = rest;
  const offset = offsetOf(zone);
  if (offset === null) return null;
  return fromParts(
    twoDigitYear(yearRaw),
    month,
    Number(dayRaw),
    hour24(Number(h ?? 0), h === undefined ? undefined : meridiem),
    Number(min ?? 0),
    Number(s ?? 0),
    0,
    offset,
  );
}

/** Day and month in figures: accepted only when the order cannot be mistaken. */
function fromNumeric(a: string, b: string, c: string): number | null {
  if (a.length === 4) return fromParts(Number(a), Number(b), Number(c));
  if (c.length !== 4) return null;
  const first = Number(a);
  const second = Number(b);
  const year = Number(c);
  if (first === second) return fromParts(year, first, second);
  if (first > 12 && second <= 12) return fromParts(year, second, first);
  if (second > 12 && first <= 12) return fromParts(year, first, second);
  return null; // 10/06/2025: 10 June or October 6?
}

function fromRelative(text: string, now: Date): number | null {
  const t = now.getTime();
  if (
    /^(?:just\s+now|now|just\s+posted|new|today|moments?\s+ago|a\s+moment\s+ago|(?:a\s+)?few\s+seconds\s+ago)$/.test(
      text,
    )
  )
    return t;
  if (text === 'yesterday') return t - DAY_MS;
  const last = /^last\s+(week|month|year)$/.exec(text);
  if (last !== null) return t - (UNITS[last[1] ?? ''] ?? 0);
  const m = AGO.exec(text) ?? AGO_COMPACT.exec(text);
  if (m === null) return null;
  const countRaw = (m[1] ?? '').replace(/\s+/g, ' ');
  const count = /^\d+$/.test(countRaw) ? Number(countRaw) : COUNT_WORDS[countRaw];
  const unitRaw = (m[2] ?? '').toLowerCase();
  const unit = UNITS[unitRaw] ?? UNITS[unitRaw.replace(/s$/, '')];
  if (count === undefined || unit === undefined) return null;
  return t - count * unit;
}

function inRange(ms: number, now: Date): boolean {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + 2);
  return Number.isFinite(ms) && ms >= EARLIEST && ms <= latest.getTime();
}

/**
 * An ISO 8601 UTC timestamp for a date as a source wrote it, or null when it is no date,
 * an impossible one (31 June), ambiguous (10/06/2025), before 1990 or more than two years
 * after `now`. Epoch numbers are told apart by size: seconds below 1e11, then
 * milliseconds, then microseconds. Times without an offset are taken as UTC.
 */
export function parseDate(value: unknown, now: Date): string | null {
  let ms: number | null;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = fromEpoch(value);
  else if (typeof value === 'string') ms = parseText(value, now);
  else ms = null;
  if (ms === null || !inRange(ms, now)) return null;
  return new Date(ms).toISOString();
}
