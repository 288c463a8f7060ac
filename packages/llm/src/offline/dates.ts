/** Resume dates ('YYYY', 'YYYY-MM', 'YYYY-MM-DD') as month numbers, so spans can be added up. */

/** Months since year 0 of a resume date; a bare year counts as its middle (July). */
export function parseResumeDate(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*(\d{4})(?:-(\d{1,2}))?(?:-\d{1,2})?\s*$/.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 7 : Number(match[2]);
  if (month < 1 || month > 12) return null;
  return year * 12 + (month - 1);
}

export function monthOf(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function yearOf(value: string | undefined): string | null {
  const match = value === undefined ? null : /^\s*(\d{4})/.exec(value);
  return match?.[1] ?? null;
}

/** "2019–2023", "2021–present", "until 2018", or '' when the entry has no dates. */
export function yearRange(startDate: string | undefined, endDate: string | undefined): string {
  const start = yearOf(startDate);
  const end = yearOf(endDate);
  if (start === null) return end === null ? '' : `until ${end}`;
  if (end === null) return `${start}–present`;
  return start === end ? start : `${start}–${end}`;
}

/** Total length of month spans, overlaps counted once. */
export function mergedMonths(spans: readonly (readonly [number, number])[]): number {
  const sorted = [...spans]
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let currentStart: number | null = null;
  let currentEnd = 0;
  for (const [from, to] of sorted) {
    if (currentStart === null || from > currentEnd) {
      if (currentStart !== null) total += currentEnd - currentStart;
      [currentStart, currentEnd] = [from, to];
    } else currentEnd = Math.max(currentEnd, to);
  }
  if (currentStart !== null) total += currentEnd - currentStart;
  return total;
}
