import { z } from 'zod';

/**
 * Options several sources share, written once so they read and validate alike in `sources
 * list` and config files: an employer's board named by its identifier (or the careers page
 * address it is read from), the company name shown on its postings, and how many pages a run
 * reads.
 */

/**
 * A board, site or account identifier: trimmed, read from a pasted careers page address by
 * `fromAddress`, then checked against `pattern`.
 */
export function boardOption(
  fromAddress: (value: string) => string,
  pattern: RegExp,
  message: string,
  description: string,
) {
  return z
    .string()
    .trim()
    .min(1)
    .transform(fromAddress)
    .pipe(z.string().regex(pattern, message))
    .describe(description);
}

/** The company name shown on postings, over what the source sends; `fallback` says what that is. */
export function companyOption(fallback: string) {
  return z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(`company name shown on postings (default: ${fallback})`);
}

/** How many pages a run reads, from 1 to `max`. */
export function maxPagesOption(max: number, description: string, fallback = 5) {
  return z.number().int().min(1).max(max).default(fallback).describe(description);
}
