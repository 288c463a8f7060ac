import { parseDate } from '@applydesk/domain';

/**
 * Dates go through the domain's parseDate, which reads every format the sources send (ISO
 * with or without offset, epoch seconds or milliseconds, RFC 2822, "3 days ago"). An
 * unreadable date is a null postedAt, never a refused posting.
 */

/** The first of `values` that reads as a date, as an ISO timestamp; null when none does. */
export function firstDate(now: Date, ...values: unknown[]): string | null {
  for (const value of values) {
    const iso = parseDate(value, now);
    if (iso !== null) return iso;
  }
  return null;
}

/**
 * An age with no upper bound ("30+ days ago", "over 1 month ago", "more than a week ago"):
 * it says how old a posting is at least, not when it was posted.
 */
const OPEN_ENDED_AGE = /\d\s*\+\s*[a-z]|\b(?:over|more\s+than)\b/i;

/**
 * The date of an age a site shows instead of a date ("3 days ago", "yesterday"), counted back
 * from `now`; null for an open-ended age, which parseDate would date to its lower bound and so
 * make the posting look newer than it is.
 */
export function dateOfAge(value: unknown, now: Date): string | null {
  if (typeof value !== 'string' || OPEN_ENDED_AGE.test(value)) return null;
  return parseDate(value, now);
}
