import { DomainError, formatIssues } from '@applydesk/domain';
import type { z } from 'zod';

/**
 * How an adapter says it cannot map one posting: an INVALID_INPUT error that names the
 * source and the posting, so a run reports it among its invalid postings and goes on with
 * the rest of the batch (see SourceAdapter.normalize).
 */

/** The posting's id field (`id`, `slug`, `guid`…) when it is a string or number, else "?". */
export function idOf(raw: unknown, key = 'id'): string {
  if (typeof raw === 'object' && raw !== null && key in raw) {
    const id = (raw as Record<string, unknown>)[key];
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return '?';
}

export interface Refusal {
  /** What zod or the adapter found wrong, one line each (kept in the error's details). */
  problems?: readonly string[];
  /** What the source calls one item; default "posting" (HN's are comments). */
  item?: string;
}

/** "<source> posting <id>: <reason>", with the id (and the problems) in the details. */
export function refuse(
  source: string,
  id: string,
  reason: string,
  { problems = [], item = 'posting' }: Refusal = {},
): DomainError {
  return new DomainError('INVALID_INPUT', `${source} ${item} ${id}: ${reason}`, {
    details: { externalId: id, ...(problems.length === 0 ? {} : { problems: [...problems] }) },
  });
}

/** A posting the adapter's schema rejects: every problem zod found, in the message and details. */
export function unmappable(
  source: string,
  id: string,
  error: z.ZodError,
  options: Omit<Refusal, 'problems'> = {},
): DomainError {
  const problems = formatIssues(error);
  return refuse(source, id, `cannot be mapped: ${problems.join('; ')}`, { ...options, problems });
}

/**
 * The posting as the adapter's schema reads it, or the refusal naming it by `id` (its id
 * field, read leniently, as far as the raw object has one).
 */
export function parsePosting<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  source: string,
  id: string,
  options: Omit<Refusal, 'problems'> = {},
): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw unmappable(source, id, parsed.error, options);
  return parsed.data;
}

/**
 * A refusal naming an item by what it is rather than an id it lacks ("JobPosting 2 of
 * <page>", "\"Title\"" of a feed), after `kind` when given ("feed item"): the name is kept
 * in the details as `posting`.
 */
export function refuseNamed(name: string, reason: string, kind?: string): DomainError {
  const subject = kind === undefined ? name : `${kind} ${name}`;
  return new DomainError('INVALID_INPUT', `${subject}: ${reason}`, { details: { posting: name } });
}

/** A raw posting as the object the source documents, or a refusal when it is no object at all. */
export function postingObject<T extends object>(source: string, raw: unknown): T {
  if (typeof raw !== 'object' || raw === null) throw refuse(source, '?', 'is not an object');
  return raw as T;
}
