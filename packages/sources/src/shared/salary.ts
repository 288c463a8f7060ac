import type { Salary, SalaryPeriod } from '@applydesk/domain';

/**
 * Structured pay as the APIs send it (ATS pay ranges, board min/max fields): amounts that may
 * be missing, negative, strings or swapped, and currency fields that are not always codes.
 * The one place the rules live: a range needs one amount and an ISO 4217 code, and is put in
 * order.
 */

/** A finite amount of zero or more, from a number or a numeric string; else null. */
export function amountOf(value: unknown): number | null {
  const n =
    typeof value === 'string' ? (value.trim() === '' ? Number.NaN : Number(value.trim())) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/** A three-letter currency code, upper-cased; null for anything else ("dollars", "$"). */
export function currencyCode(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/** A salary from its two ends, low first; null when neither end is known. */
export function salaryRange(
  min: number | null,
  max: number | null,
  currency: string,
  period: SalaryPeriod,
): Salary | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) return { min: max, max: min, currency, period };
  return { min, max, currency, period };
}

/** An amount above zero: boards write 0 (or nothing) where the poster gave no pay. */
export function positiveAmountOf(value: unknown): number | null {
  const n = amountOf(value);
  return n === 0 ? null : n;
}
