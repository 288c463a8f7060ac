/**
 * Dates as resumes write them ("Mar 2019", "03/2019", "2019-03", "2019", "Present"), to the
 * JSON Resume form: `YYYY-MM` when a month is given, else `YYYY`. An open end ("Present",
 * "now", "current") is no end date at all.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const YEAR = String.raw`(?:19[5-9]\d|20\d\d)`;
const MONTH_NUMBER = String.raw`(?:0?[1-9]|1[0-2])`;
const SEASON = String.raw`(?:spring|summer|fall|autumn|winter)`;

/** One date: month name and year, numeric month and year either way round, or a year. */
const DATE = String.raw`(?:${MONTH_NAME},?\s+${YEAR}|${SEASON}\s+${YEAR}|${MONTH_NUMBER}[/.]${YEAR}|${YEAR}[-/.]${MONTH_NUMBER}(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?(?!\d)|${YEAR})`;
const OPEN_END = String.raw`(?:present|now|current(?:ly)?|today|ongoing|to\s+date|date)`;
const DASH = String.raw`(?:-{1,2}|–|—|−|→|->|\bto\b|\buntil\b|\btill\b)`;

const RANGE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:from|since)\s+)?(${DATE})\s*(?:${DASH}\s*(${DATE}|${OPEN_END})|${DASH}(?=\s*(?:$|[)\]|,;])))?(?![\p{L}\p{N}])`,
  'iu',
);
const SINCE = new RegExp(String.raw`^(?:from|since)\b`, 'i');
const OPEN = new RegExp(String.raw`^${OPEN_END}$`, 'i');

/** A date of a resume in JSON Resume form, or null when the text is not one date. */
export function parseDate(raw: string): string | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = new RegExp(String.raw`^(${MONTH_NAME}),? (${YEAR})$`).exec(text);
  if (m !== null) return `${m[2]}-${pad(MONTHS[m[1]!.slice(0, 3)]!)}`;
  m = new RegExp(String.raw`^${SEASON} (${YEAR})$`).exec(text);
  if (m !== null) return m[1]!;
  m = new RegExp(String.raw`^(${MONTH_NUMBER})[/.](${YEAR})$`).exec(text);
  if (m !== null) return `${m[2]}-${pad(Number(m[1]))}`;
  m = new RegExp(String.raw`^(${YEAR})[-/.](${MONTH_NUMBER})(?:[-/.]\d{1,2})?$`).exec(text);
  if (m !== null) return `${m[1]}-${pad(Number(m[2]))}`;
  m = new RegExp(String.raw`^(${YEAR})$`).exec(text);
  if (m !== null) return m[1]!;
  return null;
}

function pad(month: number): string {
  return String(month).padStart(2, '0');
}

export interface DateRange {
  startDate?: string;
  endDate?: string;
  /** The end was written as "Present", "now" or similar, or left open ("2019 –"). */
  ongoing: boolean;
  /** Whether it was a range ("2019 – 2021", "since 2019") rather than one date. */
  range: boolean;
  /** The line without the dates (and without the brackets or separator around them). */
  rest: string;
}

/**
 * The first date or date range in a line: "Mar 2019 – Present", "2019-03 – 2021-06",
 * "Jan 2018 - Dec 2020", "2018 – now", "since 2020", or a single date ("2016").
 */
export function findDateRange(line: string): DateRange | null {
  const m = RANGE.exec(line);
  if (m === null) return null;
  const first = parseDate(m[1]!);
  if (first === null) return null;
  const second = m[2];
  const openEnd = second !== undefined && OPEN.test(second.trim());
  const dashOnly = second === undefined && /[-–—−→]|\bto\b/i.test(m[0].slice(m[1]!.length));
  const since = SINCE.test(m[0]);
  const range = second !== undefined || dashOnly || since;
  const end = second === undefined || openEnd ? undefined : (parseDate(second) ?? undefined);
  const rest = removeSpan(line, m.index, m.index + m[0].length);
  return {
    startDate: first,
    ...(end === undefined ? {} : { endDate: end }),
    ongoing: openEnd || dashOnly || since,
    range,
    rest,
  };
}

/** The line without `[start, end)`, with the brackets and separators left around it tidied. */
function removeSpan(line: string, start: number, end: number): string {
  let before = line.slice(0, start);
  let after = line.slice(end);
  // "(Mar 2019 – Present)" and "[2019]" lose their brackets.
  const open = /[([]\s*$/.exec(before);
  const close = /^\s*[)\]]/.exec(after);
  if (open !== null && close !== null) {
    before = before.slice(0, open.index);
    after = after.slice(close[0].length);
  }
  return tidySeparators(`${before.trimEnd()} ${after.trimStart()}`);
}

/** Drops separators left dangling at either end or doubled in the middle. */
export function tidySeparators(text: string): string {
  return text
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s*([|·•,;]|[-–—]{1,2})\s*(?=([|·•,;]|[-–—]{1,2})\s|$)/g, ' ')
    .replace(/^\s*(?:[|·•,;:]|[-–—]{1,2})\s+/, '')
    .replace(/\s+(?:[|·•,;:]|[-–—]{1,2})\s*$/, '')
    .replace(/[|·•,;:]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
