/**
 * Working hours: the UTC offsets a posting asks people to work in ("US Eastern hours",
 * "CET +/- 3h", "4 hours of overlap with ET", "EU time zones"), and the offsets of the
 * time zones a user names. Standard offsets, approximate on purpose: a ranking signal
 * that a 9-hour gap is a problem, not a scheduler.
 */

/** Offsets (hours east of UTC) a posting's hours are anchored to, and how far off is fine. */
export interface WorkHours {
  /** Westernmost and easternmost offsets named. */
  from: number;
  to: number;
  /** Hours either side that still work: said ("+/- 2h", "4h overlap") or 3 by default. */
  slack: number;
}

const ZONES: readonly [RegExp, number, number][] = [
  [
    /\b(?:us|u\.s\.|american|north american|usa)\s+(?:time\s*zones?|hours|business hours|working hours)\b/i,
    -8,
    -5,
  ],
  [/\bamericas?\s+(?:time\s*zones?|hours)\b/i, -8, -3],
  [
    /\b(?:eu|european|europe|emea)\s+(?:time\s*zones?|timezones?|hours|business hours|working hours)\b/i,
    0,
    2,
  ],
  [/\bcentral europe(?:an)?(?:\s+(?:summer\s+)?time)?\b|\bCES?T\b/, 1, 1],
  [/\beastern europe(?:an)?(?:\s+time)?\b|\bEES?T\b/, 2, 2],
  [
    /\b(?:uk|british|london)\s+(?:time|hours|business hours|working hours)\b|\bBST\b|\bGMT\b(?!\s*[+\-−]\s*\d)|\bUTC\b(?!\s*[+\-−]\s*\d)/,
    0,
    0,
  ],
  [
    /\b(?:us\s+)?eastern(?:\s+(?:standard\s+)?time|\s+hours|\s+time\s*zone)\b|\bE[SD]T\b|\bET\b(?=\s*(?:hours|time|overlap|zone|\)|,|$))/i,
    -5,
    -5,
  ],
  [
    /\b(?:us\s+)?central(?:\s+(?:standard\s+)?time|\s+hours|\s+time\s*zone)\b|\bC[SD]T\b|\bCT\b(?=\s*(?:hours|time|overlap|zone|\)|,|$))/i,
    -6,
    -6,
  ],
  [/\b(?:us\s+)?mountain(?:\s+(?:standard\s+)?time|\s+hours|\s+time\s*zone)\b|\bM[SD]T\b/i, -7, -7],
  [
    /\b(?:us\s+)?pacific(?:\s+(?:standard\s+)?time|\s+hours|\s+time\s*zone)\b|\bP[SD]T\b|\bPT\b(?=\s*(?:hours|time|overlap|zone|\)|,|$))/i,
    -8,
    -8,
  ],
  [/\b(?:india(?:n)?\s+(?:standard\s+)?(?:time|hours))\b/i, 5.5, 5.5],
  [/\bSGT\b|\bsingapore\s+(?:time|hours)\b/i, 8, 8],
  [/\bJST\b|\bjapan\s+(?:time|hours)\b/i, 9, 9],
  [/\bAES?T\b|\baustralian?\s+(?:eastern\s+)?(?:time|hours)\b/i, 10, 10],
];
const EXPLICIT = /\b(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(30|45))?\b/gi;
const SLACK = /(?:\+\s*\/\s*-|±|plus or minus|within)\s*(\d{1,2})\s*(?:h\b|hours?)/i;
const OVERLAP = /(\d{1,2})\s*(?:\+\s*)?(?:h\b|hours?)\s*(?:of\s+)?(?:daily\s+)?overlap/i;
/** A line about when people work: only these are read, so "PT" as part-time is never a zone. */
const HOURS_LINE =
  /time\s*zones?|timezones?|\bhours\b|overlap|\bTZ\b|\bUTC\b|\bGMT\b|\bBST\b|\bCES?T\b|\bEES?T\b|\b[ECMP][SD]T\b|\b(?:eastern|central|mountain|pacific)\b/i;
const HOURS_LINES = new RegExp(HOURS_LINE.source, 'gi');
/** A clock time ("14:00-18:00 UTC"): a window of the day, which offsets cannot judge. */
const CLOCK = /\b\d{1,2}:\d{2}\b/;

/** The hours a posting asks for, from its location and the lines of its text about hours. */
export function workHours(location: string | null, description: string): WorkHours | null {
  let from = Infinity;
  let to = -Infinity;
  let slack = 3;
  const read = (line: string): void => {
    if (!HOURS_LINE.test(line) || CLOCK.test(line)) return;
    let named = false;
    for (const [pattern, west, east] of ZONES)
      if (pattern.test(line)) {
        from = Math.min(from, west);
        to = Math.max(to, east);
        named = true;
      }
    for (const m of line.matchAll(EXPLICIT)) {
      const sign = m[1] === '+' ? 1 : -1;
      const offset = sign * (Number(m[2]) + (m[3] === undefined ? 0 : Number(m[3]) / 60));
      from = Math.min(from, offset);
      to = Math.max(to, offset);
      named = true;
    }
    if (!named) return;
    // "Flexible on overlap", "some overlap": any shared hours will do.
    if (/\bflexible\b|\bsome overlap\b|\bpartial overlap\b/i.test(line)) slack = Math.max(slack, 6);
    const said = SLACK.exec(line);
    if (said !== null) slack = Number(said[1]);
    const overlap = OVERLAP.exec(line);
    // Asked for N hours of overlap in an 8-hour day: up to 8 - N hours apart still works.
    if (overlap !== null) slack = Math.max(0, 8 - Number(overlap[1]));
  };
  if (location !== null) read(location);
  // Only the lines that mention hours are read: found by one search of the whole text.
  let after = -1;
  for (const m of description.matchAll(HOURS_LINES)) {
    if (m.index < after) continue;
    const start = description.lastIndexOf('\n', m.index) + 1;
    const end = description.indexOf('\n', m.index);
    after = end === -1 ? description.length : end;
    if (after - start < 400) read(description.slice(start, after));
  }
  return from === Infinity ? null : { from, to, slack };
}

/** "GMT+5:30" → 5.5 */
function parseOffset(text: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+\-−])(\d{1,2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (m === null) return null;
  if (m[1] === undefined) return 0;
  return (m[1] === '+' ? 1 : -1) * (Number(m[2]) + Number(m[3] ?? 0) / 60);
}

/**
 * The UTC offset of a time zone a user names: an IANA name ("Europe/Warsaw"), read at `at`
 * so summer time counts, or an abbreviation or offset as postings write them ("CET",
 * "UTC-5"). Null when unknown.
 */
export function zoneOffset(zone: string, at: Date): number | null {
  if (zone.includes('/')) {
    try {
      const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName');
      return part === undefined ? null : parseOffset(part.value);
    } catch {
      return null;
    }
  }
  const hours = workHours(`${zone} time`, '');
  return hours === null ? null : (hours.from + hours.to) / 2;
}

/** How many hours `offset` lies outside the hours a posting allows; 0 inside them. */
export function hoursApart(offset: number, hours: WorkHours): number {
  const lo = hours.from - hours.slack;
  const hi = hours.to + hours.slack;
  return offset < lo ? lo - offset : offset > hi ? offset - hi : 0;
}

/** Offsets as people read them: "UTC+1", "UTC-5", "UTC+5:30". */
export function formatOffset(offset: number): string {
  if (offset === 0) return 'UTC';
  const whole = Math.trunc(Math.abs(offset));
  const minutes = Math.round((Math.abs(offset) - whole) * 60);
  return `UTC${offset > 0 ? '+' : '-'}${whole}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}
